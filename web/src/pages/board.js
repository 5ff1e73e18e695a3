// Board: columns by stage. Drag a card to the next stage's column (its
// current stage passes), to 불합격 (it fails) or 철회 (withdrawn); the card's
// buttons do the same from the keyboard. Add an application with a template.
import { h, fill, append, clear, field } from '../dom.js';
import { get, post } from '../api.js';
import { t, label, kindLabel, kindRank, RESULTS, SOURCES, sourceLabel } from '../i18n.js';
import { toast, attempt } from '../ui.js';

// The stage an application is at (domain::current_stage): the first not passed, else the last.
function currentIndex(app) {
  const i = app.stages.findIndex((s) => s.result !== 'passed');
  return i >= 0 ? i : app.stages.length - 1;
}

async function move(app, toKey, refresh) {
  const i = currentIndex(app);
  const cur = i >= 0 ? app.stages[i] : null;
  let done;
  if (toKey === 'withdrawn') done = await attempt(() => post(`/api/applications/${app.id}/withdraw`));
  else if (toKey === 'rejected' && cur) done = await attempt(() => post(`/api/applications/${app.id}/stages`, { name: cur.name, result: 'failed' }));
  else if (!cur && toKey !== 'applied') done = await attempt(() => post(`/api/applications/${app.id}/stages`, { name: kindLabel(toKey) }));
  else if (cur && app.stages[i + 1] && app.stages[i + 1].kind === toKey)
    done = await attempt(() => post(`/api/applications/${app.id}/stages`, { name: cur.name, result: 'passed' }));
  else {
    toast(t('drop_next_only'), true);
    return;
  }
  if (done) {
    toast(t('moved'));
    refresh();
  }
}

function card(c, app, refresh) {
  const i = app ? currentIndex(app) : -1;
  const cur = i >= 0 ? app.stages[i] : null;
  const nextKind = cur && app.stages[i + 1] ? app.stages[i + 1].kind : null;
  const active = c.status === 'active' || c.status === 'offer';
  const resultSel = cur && active
    ? h('select', {
        'aria-label': `${t('result')}: ${cur.name}`,
        onchange: async (e) => {
          if (await attempt(() => post(`/api/applications/${c.id}/stages`, { name: cur.name, result: e.target.value }))) {
            toast(t('saved'));
            refresh();
          }
        },
      }, RESULTS.map((r) => h('option', { value: r, selected: r === cur.result ? 'selected' : null }, label(r))))
    : null;
  return h('article', {
      class: `bcard status-${c.status}`, draggable: active ? 'true' : null, tabindex: '0',
      dataset: { id: c.id },
      ondragstart: (e) => { e.dataTransfer.setData('text/plain', String(c.id)); e.dataTransfer.effectAllowed = 'move'; },
      onkeydown: (e) => { if (e.key === 'Enter' && e.target === e.currentTarget) location.hash = `#/app/${c.id}`; },
    },
    h('a', { href: `#/app/${c.id}`, class: 'bcard-title' }, c.company),
    h('div', { class: 'muted' }, c.role),
    c.at ? h('div', { class: 'bcard-at' }, c.at, ' · ', label(c.status)) : null,
    c.next && c.next.date ? h('div', { class: 'bcard-next' }, `${c.next.name} ${c.next.date}${c.next.time ? ' ' + c.next.time : ''}`) : null,
    active ? h('div', { class: 'bcard-actions' },
      resultSel,
      nextKind ? h('button', { type: 'button', class: 'small', onclick: () => move(app, nextKind, refresh) }, `→ ${kindLabel(nextKind)}`) : null)
      : null);
}

function addForm(processes, refresh) {
  const form = h('form', { class: 'inline-form', id: 'add-app' },
    field(t('company'), h('input', { name: 'company', required: true, autocomplete: 'off' })),
    field(t('role'), h('input', { name: 'role', required: true })),
    field(t('process'), h('select', { name: 'process' },
      h('option', { value: '' }, t('none')),
      processes.map((p) => h('option', { value: p.name }, `${p.name} (${p.stages.join(' → ')})`)))),
    field(t('source'), h('select', { name: 'source' }, SOURCES.map((s) => h('option', { value: s }, sourceLabel(s))))),
    field(t('via'), h('input', { name: 'via' })),
    field(t('applied'), h('input', { name: 'date', type: 'date' })),
    h('button', { type: 'submit' }, t('add')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = Object.fromEntries(new FormData(form).entries());
    const app = await attempt(() => post('/api/applications', body));
    if (app) {
      toast(`${t('saved')}: #${app.id} ${app.company}`);
      refresh();
    }
  });
  return h('details', { class: 'card', open: true }, h('summary', {}, t('add_app')), form);
}

export async function render(main, _m, _q, current) {
  const refresh = () => render(main, _m, _q, current);
  const [boardData, apps, processes] = await Promise.all([get('/api/board'), get('/api/applications'), get('/api/processes')]);
  if (!current()) return;
  const byId = new Map(apps.map((a) => [a.id, a]));
  // Columns: those with cards, plus every stage kind the active applications
  // still have ahead, so a card always has its next column to go to.
  const cols = new Map(boardData.columns.map((c) => [c.key, c]));
  for (const a of apps) {
    if (a.status !== 'active' && a.status !== 'offer') continue;
    for (const s of a.stages) if (!cols.has(s.kind)) cols.set(s.kind, { key: s.kind, stage: kindLabel(s.kind), cards: [] });
  }
  if (apps.some((a) => a.status === 'active'))
    for (const k of ['rejected', 'withdrawn']) if (!cols.has(k)) cols.set(k, { key: k, stage: kindLabel(k), cards: [] });
  const ordered = [...cols.values()].sort((a, b) => kindRank(a.key) - kindRank(b.key));

  const lanes = h('div', { class: 'board' }, ordered.map((col) =>
    h('section', {
        class: 'lane', dataset: { key: col.key }, 'aria-label': col.stage,
        ondragover: (e) => { e.preventDefault(); e.currentTarget.classList.add('over'); },
        ondragleave: (e) => e.currentTarget.classList.remove('over'),
        ondrop: (e) => {
          e.preventDefault();
          e.currentTarget.classList.remove('over');
          const app = byId.get(Number(e.dataTransfer.getData('text/plain')));
          if (app) move(app, col.key, refresh);
        },
      },
      h('h2', {}, col.stage, h('span', { class: 'count' }, String(col.cards.length))),
      col.cards.map((c) => card(c, byId.get(c.id), refresh)))));
  fill(main, addForm(processes, refresh), apps.length ? lanes : h('p', { class: 'muted' }, t('empty_board')));
}
