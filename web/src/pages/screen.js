// Screener: filters with instant results, a table sorted by clicking its
// headers (the server sorts), and a link from each row to its report.
import { h, fill, append, clear, debounce, krw, pct, field } from '../dom.js';
import { get, qs } from '../api.js';
import { t } from '../i18n.js';

const filters = [
  ['region', 'region', '서울/강남구'],
  ['industry', 'industry', '소프트웨어 / 620'],
  ['min_headcount', 'min_headcount', '50'],
  ['max_headcount', 'max_headcount', ''],
  ['growth_12m', 'growth', '>=10%'],
  ['attrition', 'attrition_f', '<20%'],
  ['pay', 'pay_f', '>=5000만'],
];
// [sort key or null, header key]
const columns = [[null, 'name'], [null, 'region'], [null, 'industry'], ['headcount', 'headcount'], ['growth', 'change_12m'], ['attrition', 'attrition'], ['pay', 'pay_month']];

export async function render(main, _m, q, current) {
  const state = Object.fromEntries(filters.map(([k]) => [k, q.get(k) || '']));
  state.sort = q.get('sort') || 'headcount';
  const out = h('div', { id: 'screen-results' });
  const form = h('form', { class: 'inline-form', id: 'screen-form', onsubmit: (e) => e.preventDefault() },
    filters.map(([k, lk, ph]) => {
      const input = h('input', { name: k, value: state[k], placeholder: ph });
      input.addEventListener('input', () => { state[k] = input.value.trim(); run(); });
      return field(t(lk), input);
    }));
  let seq = 0;
  const run = debounce(async () => {
    const mine = ++seq;
    history.replaceState(null, '', `#/screen${qs(state)}`);
    let rows;
    try {
      rows = await get(`/api/screen${qs({ ...state, limit: 100 })}`);
    } catch (e) {
      if (mine === seq) clear(out).appendChild(h('p', { class: 'error' }, e.message));
      return;
    }
    if (mine !== seq || !current()) return;
    draw(rows);
  }, 200);
  function header(sortKey, labelKey) {
    if (!sortKey) return h('th', { scope: 'col' }, t(labelKey));
    const natural = state.sort.replace(/^[+-]/, '') === sortKey;
    const reversed = state.sort.startsWith('+');
    return h('th', { scope: 'col', 'aria-sort': natural ? (reversed ? 'ascending' : 'descending') : 'none' },
      h('button', { type: 'button', class: 'sort', onclick: () => { state.sort = natural && !reversed ? `+${sortKey}` : sortKey; run(); } },
        t(labelKey), natural ? (reversed ? ' ▲' : ' ▼') : ''));
  }
  function draw(rows) {
    clear(out);
    if (!rows.length) { out.appendChild(h('p', { class: 'muted' }, t('no_results'))); return; }
    append(out, h('p', { class: 'muted' }, `${rows.length} ${t('results')}`),
      h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, columns.map(([s, l]) => header(s, l)))),
        h('tbody', {}, rows.map((r) => h('tr', {},
          h('td', {}, h('a', { href: `#/workplace/${r.id}` }, r.name)),
          h('td', {}, r.region), h('td', {}, r.industry),
          h('td', { class: 'num' }, r.headcount.toLocaleString()),
          h('td', { class: 'num' }, r.change_12m_pct != null ? pct(r.change_12m_pct, 1) : '—'),
          h('td', { class: 'num' }, r.headcount >= 10 && r.attrition_12m != null ? pct(r.attrition_12m) : '—'),
          h('td', { class: 'num' }, krw(r.pay_month_est))))))));
  }
  fill(main, h('h1', {}, t('screen')), form, out);
  run();
}
