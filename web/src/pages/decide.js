// Decisions: the weighted matrix. Changing a weight or a score saves it and
// redraws the ranking and the sensitivity line from the server's answer.
import { h, fill, append, clear, debounce, field } from '../dom.js';
import { get, post, put } from '../api.js';
import { t, currentLang } from '../i18n.js';
import { attempt, section } from '../ui.js';

function sensitivityText(d) {
  const s = d.sensitivity;
  if (!s) return t('no_sensitivity');
  if (currentLang() === 'en')
    return `If the weight of ${s.criterion} goes ${s.direction === 'up' ? 'above' : 'below'} ${s.new_weight} (now ${s.old_weight}), ${s.new_top} leads.`;
  return `${s.criterion} 가중치가 ${s.new_weight}${s.direction === 'up' ? '보다 커지면' : '보다 작아지면'} (지금 ${s.old_weight}) ${s.new_top}이(가) 1위가 됩니다.`;
}

function detail(main, d, refreshList) {
  const rankingEl = h('ol', { class: 'ranking', id: 'ranking' });
  const sensEl = h('p', { class: 'sensitivity', id: 'sensitivity' });
  const matrix = h('div', { id: 'matrix' });
  function drawResults(dd) {
    clear(rankingEl);
    for (const name of dd.ranking) {
      const o = dd.options.find((x) => x.name === name);
      rankingEl.appendChild(h('li', {}, h('strong', {}, name), ` ${o ? o.score.toFixed(2) : ''}`,
        h('span', { class: 'bar', style: null, dataset: { score: o ? o.score : 0 } })));
    }
    for (const bar of rankingEl.querySelectorAll('.bar')) bar.style.width = `${Number(bar.dataset.score) * 10}%`;
    sensEl.textContent = `${t('sensitivity')}: ${sensitivityText(dd)}`;
  }
  // Saves one change and draws the answer, unless the answer to a later
  // change was drawn already: answers can arrive out of order, and an older
  // one would show a ranking without the later change.
  let asked = 0;
  let shown = 0;
  async function save(request) {
    const mine = ++asked;
    const dd = await attempt(request);
    if (dd && mine > shown) { shown = mine; d = dd; drawResults(dd); }
  }
  const saveWeight = debounce((name, w) => save(() => put(`/api/decisions/${d.id}/criteria`, { set: { [name]: w } })), 120);
  const closed = !!d.chosen;
  const crit = h('div', { class: 'criteria' }, d.criteria.map((c) => {
    const out = h('output', {}, String(c.weight));
    const slider = h('input', { type: 'range', min: 0, max: 50, step: 1, value: c.weight, 'aria-label': `${t('weight')}: ${c.name}`, disabled: closed, dataset: { criterion: c.name } });
    slider.addEventListener('input', () => { out.textContent = slider.value; saveWeight(c.name, Number(slider.value)); });
    return h('label', { class: 'weight' }, h('span', {}, c.name), slider, out);
  }));
  const grid = h('table', { class: 'matrix' },
    h('thead', {}, h('tr', {}, h('th', {}, ''), d.options.map((o) => h('th', { scope: 'col' }, o.name)))),
    h('tbody', {}, d.criteria.map((c) => h('tr', {}, h('th', { scope: 'row' }, c.name), d.options.map((o) => {
      const input = h('input', { type: 'number', min: 0, max: 10, step: 1, value: o.scores[c.name] ?? '', 'aria-label': `${o.name} · ${c.name}`, disabled: closed });
      input.addEventListener('change', async () => {
        if (input.value === '') return;
        await save(() => put(`/api/decisions/${d.id}/scores`, { option: o.name, criterion: c.name, score: input.value }));
      });
      return h('td', {}, input);
    })))));
  matrix.appendChild(h('div', { class: 'table-wrap' }, grid));
  fill(main, 
    h('p', {}, h('a', { href: '#/decide' }, `← ${t('decide')}`)),
    h('h1', {}, d.title),
    h('div', { class: 'decide-grid' },
      section(t('criteria'), crit),
      section(t('ranking'), rankingEl, sensEl)),
    section(t('score'), matrix));
  drawResults(d);
}

export async function render(main, m, _q, current) {
  if (m[1]) {
    const d = await get(`/api/decisions/${m[1]}`);
    if (current()) detail(main, d);
    return;
  }
  const [list, offers] = await Promise.all([get('/api/decisions'), get('/api/offers')]);
  if (!current()) return;
  const form = h('form', { class: 'inline-form', id: 'new-decision' },
    field(t('title'), h('input', { name: 'title', required: true, placeholder: '2026 이직' })),
    h('fieldset', { class: 'pick' }, h('legend', {}, t('options')),
      offers.map((o) => h('label', {}, h('input', { type: 'checkbox', name: 'option', value: o.app, checked: true }), ` ${o.company}`)),
      h('label', {}, h('input', { type: 'checkbox', name: 'option', value: 'stay', checked: true }), ` ${t('stay')}`)),
    h('button', { type: 'submit' }, t('new_decision')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const fd = new FormData(form);
    const all = await attempt(() => post('/api/decisions', { title: fd.get('title'), options: fd.getAll('option') }));
    if (all && all.length) location.hash = `#/decide/${all[all.length - 1].id}`;
  });
  fill(main, h('h1', {}, t('decide')),
    list.length ? h('ul', { class: 'results' }, list.map((d) => h('li', {}, h('a', { href: `#/decide/${d.id}` }, h('strong', {}, d.title), ` · ${d.ranking.join(' > ')}`, d.chosen ? ` · ✓ ${d.chosen}` : '')))) : h('p', { class: 'muted' }, t('no_decisions')),
    section(t('new_decision'), form));
}
