import { h, clear } from './dom.js';

let toastTimer;
export function toast(message, isError = false) {
  const el = document.getElementById('toast');
  clear(el).appendChild(h('div', { class: isError ? 'msg error' : 'msg' }, message));
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => clear(el), 4000);
}

// Runs an action; a failure shows its message instead of throwing.
export async function attempt(fn) {
  try {
    return await fn();
  } catch (e) {
    toast(e.message || String(e), true);
    return undefined;
  }
}

export function section(title, ...children) {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}

export function table(headers, rows, opts = {}) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: opts.class || '' },
      h('thead', {}, h('tr', {}, headers.map((x) => (x instanceof Node ? x : h('th', { scope: 'col' }, x))))),
      h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => h(i === 0 && opts.rowHeader ? 'th' : 'td', {}, c)))))));
}
