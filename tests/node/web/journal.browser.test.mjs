// The journal page in a real browser (Debian's chromium through
// playwright-core): the user writes an entry in the Markdown editor with its
// live preview, finds it by search while typing, edits and deletes one, and
// imports a short retrospective, ticks two of the proposed events and sees
// them on the timeline. Entries holding HTML show it as text. Screenshots
// go to $IJIK_ARTIFACTS (journal-*.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { workspace, start, request } from './harness.mjs';
import { go as goTo } from './browser-wait.mjs';

const artifacts = process.env.IJIK_ARTIFACTS || join(process.cwd(), 'web-artifacts');
const executablePath = process.env.IJIK_CHROMIUM || '/usr/bin/chromium';
let ws, s, browser, page;
const dialogs = [];
const pageErrors = [];

const RETRO = [
  '# 두 번째 이직 회고',
  '',
  "작년 9월에 '토스' 데이터 엔지니어 포지션에 지원했고 서류와 기술 면접을 거쳐 최종 합격했다.",
  '',
  '2024년 3월 4일 자로 토스에 입사했다. 수습은 3개월이었다.',
  '',
  '같은 시기에 지원한 당근은 코테에서 떨어졌다.',
].join('\n');

async function shot(name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}
const go = (hash) => goTo(page, hash);

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  ws = workspace({ nps: false });
  s = await start(ws.db);
  browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'ko-KR' });
  page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(s.url);
  await page.locator('#nav a', { hasText: '회고록' }).click();
  await page.getByText('아직 글이 없습니다').first().waitFor();
});
after(async () => {
  await browser?.close();
  await s?.stop();
});

test('writes an entry in the Markdown editor, the preview drawing it live', async () => {
  await page.locator('#journal-new').click();
  // A new entry's editor puts the cursor in the title once drawn (a timer):
  // wait for it, so it cannot move the cursor out of the text typed below.
  await page.waitForFunction(() => document.activeElement?.id === 'journal-title');
  await page.locator('#journal-title').fill('첫 이직 <script>alert(1)</script>');
  await page.locator('input[name=tags]').fill('이직 수습');
  const text = page.locator('#journal-text');
  await text.focus();
  await page.keyboard.type('## 수습 **통과**\n\n- 코드 리뷰 문화\n- <img src=x onerror=alert(2)>\n');
  await page.locator('#journal-preview h2 strong', { hasText: '통과' }).waitFor();
  // The preview redraws 80 ms after the last keystroke; on a loaded machine it
  // can draw mid-typing, so wait for the last line typed before counting.
  await page.locator('#journal-preview li', { hasText: 'onerror' }).waitFor();
  assert.equal(await page.locator('#journal-preview li').count(), 2);
  assert.equal(await page.locator('#journal-preview img').count(), 0);
  await shot('journal-01-editor');
  await page.keyboard.press('Control+Enter');  // saves
  await page.locator('#journal-entry').waitFor();
  assert.match(page.url(), /#\/journal\/1$/);
  const entry = page.locator('#journal-entry');
  await entry.locator('.j-heading', { hasText: '첫 이직 <script>alert(1)</script>' }).waitFor();
  assert.equal(await entry.locator('script, img').count(), 0);
  assert.match(await entry.textContent(), /<img src=x onerror=alert\(2\)>/);
  assert.match(await entry.textContent(), /#이직 · #수습/);
});

test('finds the entry by search while typing', async () => {
  await request(s, 'POST', '/api/journal', { body: { text: '오늘은 연봉 협상을 했다.', date: '2026-03-01' } });
  await go('#/journal');
  await page.locator('#journal-list li', { hasText: '오늘은 연봉 협상을 했다.' }).waitFor();
  const search = page.locator('#journal-search');
  await search.focus();
  await page.keyboard.type('리뷰');
  const hit = page.locator('#journal-list li a', { hasText: '첫 이직' });
  // The search runs 150 ms after a keystroke: on a slow machine also for '리'
  // alone (its hits mark '리'). Wait for the hits of the whole query, whose
  // links carry it.
  await page.locator(`#journal-list li a[href$="?q=${encodeURIComponent('리뷰')}"]`).first().waitFor();
  assert.equal(await page.locator('#journal-list li').count(), 1);
  assert.equal(await hit.locator('mark').first().textContent(), '리뷰');
  await shot('journal-02-search');
  await hit.focus();
  await page.keyboard.press('Enter');  // keyboard: open the hit
  await page.locator('#journal-entry').waitFor();
  assert.equal(await page.locator('#journal-search').inputValue(), '리뷰');  // the query stays
});

test('edits an entry and deletes another after an inline confirmation', async () => {
  await go('#/journal/1');
  await page.locator('#journal-edit').click();
  const text = page.locator('#journal-text');
  await text.fill('## 수습 **통과**\n\n3개월 만에 면수습.');
  await page.locator('#journal-preview', { hasText: '면수습' }).waitFor();
  await page.locator('#journal-form button[type=submit]').click();
  await page.locator('#journal-entry', { hasText: '3개월 만에 면수습.' }).waitFor();
  assert.match((await request(s, 'GET', '/api/journal/1')).json.body, /면수습/);

  await go('#/journal/2');
  await page.locator('#journal-entry', { hasText: '연봉 협상' }).waitFor();
  await page.locator('#journal-delete').click();
  await page.locator('#journal-delete-yes').click();
  await page.waitForFunction(() => location.hash === '#/journal');
  // The entry's page (its list still holding both entries) goes, the list is redrawn without it.
  await page.locator('#journal-entry').waitFor({ state: 'detached' });
  await page.locator('#journal-list li', { hasText: '첫 이직' }).waitFor();
  assert.equal(await page.locator('#journal-list li', { hasText: '연봉 협상' }).count(), 0);
  assert.equal((await request(s, 'GET', '/api/journal/2')).status, 404);
  const exp = await request(s, 'GET', '/api/journal/export');
  assert.equal(exp.status, 200);
  assert.match(exp.text, /면수습/);
  assert.equal(await page.locator('#journal-export').getAttribute('href'), '/api/journal/export');
});

test('imports a retrospective, confirms two events and sees them on the timeline', async () => {
  await page.locator('#journal-import').click();
  // A chosen .md file fills the text box (it can still be edited before reading).
  await page.locator('#import-file').setInputFiles({ name: 'retro.md', mimeType: 'text/markdown', buffer: Buffer.from('# 파일에서\n\n첫 줄') });
  await page.waitForFunction(() => document.querySelector('#import-text').value.startsWith('# 파일에서'));
  await page.locator('#import-text').fill(RETRO);
  await page.locator('#import-form input[name=date]').fill('2024-06-01');
  await page.locator('#import-form button[type=submit]').click();
  const rows = page.locator('#import-confirm tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 8);
  assert.equal(await rows.nth(0).locator('input').isChecked(), true);   // 0.90 application
  assert.equal(await rows.nth(5).locator('input').isChecked(), false);  // 0.69 probation
  assert.match(await rows.nth(4).textContent(), /입사.*토스.*2024-03-04.*0\.90.*3월 4일 자로 토스에 입사했다/);
  await shot('journal-03-import-confirm');
  // Nothing reached the timeline yet.
  assert.equal((await request(s, 'GET', '/api/timeline')).json.jobs.length, 0);
  for (const box of await page.locator('#import-confirm tbody input').all()) await box.setChecked(false);
  await rows.nth(0).locator('input').check();  // the application to 토스
  await rows.nth(4).locator('input').check();  // the job start at 토스
  await page.locator('#import-apply').click();
  await page.locator('#import-result', { hasText: '2개 이벤트를 반영했습니다' }).waitFor();
  await page.locator('#import-confirm tbody tr.recorded').nth(1).waitFor();
  assert.equal(await rows.nth(0).locator('input').isDisabled(), true);
  const timeline = (await request(s, 'GET', '/api/timeline')).json;
  assert.equal(timeline.jobs.length, 1);
  assert.equal(timeline.jobs[0].company, '토스');
  assert.equal(timeline.jobs[0].from, '2024-03-04');
  assert.equal((await request(s, 'GET', '/api/applications')).json.length, 1);
  await page.locator('#import-confirm a', { hasText: '타임라인에서 보기' }).click();
  await page.locator('svg.timeline .span.job', { hasText: '토스' }).waitFor();
  await shot('journal-04-timeline');
});

test('the journal page in English and on a phone', async () => {
  await go('#/journal/1');
  await page.locator('#journal-entry').waitFor();
  await shot('journal-05-page');
  await page.locator('#lang').click();
  await page.locator('#journal-new', { hasText: 'New entry' }).waitFor();
  await page.locator('#lang').click();
  await page.setViewportSize({ width: 390, height: 844 });
  await go('#/journal/new');
  await page.locator('#journal-text').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px on a phone`);
  assert.equal(await page.locator('#journal-list').isVisible(), false);  // the editor takes the screen
  await shot('journal-06-phone');
  await page.locator('.j-back').click();
  await page.locator('#journal-list li', { hasText: '첫 이직' }).waitFor();
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});
