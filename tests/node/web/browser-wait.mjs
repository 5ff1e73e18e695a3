// Waits shared by the browser tests, for the pages' asynchronous drawing: a
// page draws after its fetches, search-as-you-type after a debounce, so a
// test waits for the state it checks, never for "something appeared".

// Moves to `hash` and returns once the router has taken the page being left
// down: its hashchange listener (registered first) clears #main before any
// await, so no wait that follows can be met by the old page's elements.
export async function go(page, hash) {
  await page.evaluate((h) => new Promise((resolve, reject) => {
    if (new URL(h, location.href).hash === location.hash) return reject(new Error(`already at ${h}`));
    window.addEventListener('hashchange', () => resolve(), { once: true });
    location.hash = h;
  }), hash);
}

// Runs `action` and waits until the element `locator` points at now is gone
// from the page (a redraw replaced it): for a list that looks the same before
// and after, such as the same hit found by two queries.
export async function replacedBy(locator, action) {
  const old = await locator.elementHandle();
  await action();
  await locator.page().waitForFunction((el) => !el.isConnected, old);
  await old.dispose();
}
