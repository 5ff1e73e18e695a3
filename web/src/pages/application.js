// Application: details, the stage timeline (each stage edited in place:
// date, time, result, note, questions), contacts, withdraw.
import { h, fill, append, clear, field, krw } from '../dom.js';
import { api, get, post } from '../api.js';
import { t, label, kindLabel, RESULTS, SOURCES, sourceLabel } from '../i18n.js';
import { toast, attempt, section } from '../ui.js';

function stageItem(app, s, refresh) {
  const view = h('div', { class: 'stage-view' },
    h('div', { class: 'stage-head' },
      h('strong', {}, s.name), kindLabel(s.kind) !== s.name ? h('span', { class: 'muted' }, ` ${kindLabel(s.kind)}`) : null,
      h('span', { class: `pill r-${s.result}` }, label(s.result))),
    h('div', { class: 'muted' }, [s.date, s.time].filter(Boolean).join(' ') || '—'),
    s.note ? h('p', { class: 'note' }, s.note) : null,
    s.questions.length ? h('ul', { class: 'questions' }, s.questions.map((q) => h('li', {}, q))) : null,
    h('button', { type: 'button', class: 'small', onclick: () => { view.replaceWith(editor); editor.querySelector('input').focus(); } }, t('edit')));
  const editor = h('form', { class: 'inline-form stage-edit' },
    field(t('date'), h('input', { name: 'date', type: 'date', value: s.date || '' })),
    field(t('time'), h('input', { name: 'time', type: 'time', value: s.time || '' })),
    field(t('result'), h('select', { name: 'result' }, RESULTS.map((r) => h('option', { value: r, selected: r === s.result ? 'selected' : null }, label(r))))),
    field(t('note'), h('input', { name: 'note', value: s.note })),
    field(t('add_question'), h('input', { name: 'question' })),
    h('button', { type: 'submit' }, t('save')),
    h('button', { type: 'button', class: 'secondary', onclick: () => editor.replaceWith(view) }, t('cancel')));
  editor.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(editor).entries());
    const body = { name: s.name, result: f.result, note: f.note };
    if (f.date) body.on = f.time ? `${f.date} ${f.time}` : f.date;
    if (f.question) body.questions = [f.question];
    if (await attempt(() => post(`/api/applications/${app.id}/stages`, body))) {
      toast(t('saved'));
      refresh();
    }
  });
  return h('li', { class: `stage r-${s.result}` }, view);
}

// One contact: edited in place (PATCH /api/contacts/{id}) or removed.
function contactItem(c, refresh) {
  const view = h('div', { class: 'contact-item' },
    h('strong', {}, c.name), c.company ? ` (${c.company})` : '', c.email ? ` · ${c.email}` : '', c.phone ? ` · ${c.phone}` : '',
    c.note ? h('span', { class: 'muted' }, ` · ${c.note}`) : null,
    h('button', { type: 'button', class: 'small', onclick: () => { view.replaceWith(editor); editor.querySelector('input').focus(); } }, t('edit')),
    h('button', {
      type: 'button', class: 'small secondary',
      onclick: async () => { if (await attempt(() => api('DELETE', `/api/contacts/${c.id}`))) { toast(t('removed')); refresh(); } },
    }, t('remove')));
  const editor = h('form', { class: 'inline-form contact-edit' },
    field(t('name'), h('input', { name: 'name', value: c.name, required: true })),
    field(t('company'), h('input', { name: 'company', value: c.company })),
    field(t('email'), h('input', { name: 'email', type: 'email', value: c.email })),
    field(t('phone'), h('input', { name: 'phone', value: c.phone })),
    field(t('note'), h('input', { name: 'note', value: c.note })),
    h('button', { type: 'submit' }, t('save')),
    h('button', { type: 'button', class: 'secondary', onclick: () => editor.replaceWith(view) }, t('cancel')));
  editor.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (await attempt(() => api('PATCH', `/api/contacts/${c.id}`, Object.fromEntries(new FormData(editor).entries())))) {
      toast(t('saved'));
      refresh();
    }
  });
  return h('li', { class: 'contact' }, view);
}

export async function render(main, m, _q, current) {
  const id = m[1];
  const refresh = () => render(main, m, _q, current);
  const [app, contacts] = await Promise.all([get(`/api/applications/${id}`), get('/api/contacts')]);
  if (!current()) return;
  const mine = contacts.filter((c) => c.applications.includes(app.id));

  const addStage = h('form', { class: 'inline-form' },
    field(t('stage_name'), h('input', { name: 'name', required: true, placeholder: '2차 면접' })),
    field(t('date'), h('input', { name: 'date', type: 'date' })),
    h('button', { type: 'submit' }, t('add_stage')));
  addStage.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(addStage).entries());
    if (await attempt(() => post(`/api/applications/${app.id}/stages`, { name: f.name, on: f.date }))) refresh();
  });

  const addContact = h('form', { class: 'inline-form' },
    field(t('name'), h('input', { name: 'name', required: true })),
    field(t('company'), h('input', { name: 'company' })),
    field(t('email'), h('input', { name: 'email', type: 'email' })),
    field(t('phone'), h('input', { name: 'phone' })),
    h('button', { type: 'submit' }, t('add_contact')));
  addContact.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = Object.fromEntries(new FormData(addContact).entries());
    body.apps = [app.id];
    if (await attempt(() => post('/api/contacts', body))) refresh();
  });

  const active = app.status === 'active' || app.status === 'offer';
  const facts = h('dl', { class: 'facts', id: 'app-facts' },
    h('dt', {}, t('status')), h('dd', {}, label(app.status)),
    h('dt', {}, t('team')), h('dd', {}, app.team || '—'),
    h('dt', {}, t('source')), h('dd', {}, sourceLabel(app.source), app.via ? ` · ${app.via}` : ''),
    h('dt', {}, t('applied')), h('dd', {}, app.applied),
    h('dt', {}, t('salary')), h('dd', {}, app.salary_min || app.salary_max ? `${krw(app.salary_min)} ~ ${krw(app.salary_max)}` : '—'),
    h('dt', {}, t('note')), h('dd', { class: 'note' }, app.note || '—'),
    app.url ? [h('dt', {}, 'URL'), h('dd', {}, h('a', { href: /^https?:\/\//.test(app.url) ? app.url : null, rel: 'noopener noreferrer', target: '_blank' }, app.url))] : null,
    h('dt', {}, ''), h('dd', {}, h('button', { type: 'button', class: 'small', onclick: () => { facts.replaceWith(editor); editor.querySelector('input').focus(); } }, t('edit'))));
  const salaryText = app.salary_min || app.salary_max ? `${app.salary_min ?? ''}-${app.salary_max ?? ''}`.replace(/^-|-$/g, '') : '';
  const editor = h('form', { class: 'inline-form', id: 'app-edit' },
    field(t('role'), h('input', { name: 'role', value: app.role, required: true })),
    field(t('team'), h('input', { name: 'team', value: app.team })),
    field(t('source'), h('select', { name: 'source' }, SOURCES.map((x) => h('option', { value: x, selected: x === app.source ? 'selected' : null }, sourceLabel(x))))),
    field(t('via'), h('input', { name: 'via', value: app.via })),
    field(t('applied'), h('input', { name: 'date', type: 'date', value: app.applied })),
    field(t('salary'), h('input', { name: 'salary', value: salaryText, placeholder: '6000만-7500만' })),
    field('URL', h('input', { name: 'url', value: app.url })),
    field(t('note'), h('input', { name: 'note', value: app.note })),
    h('button', { type: 'submit' }, t('save')),
    h('button', { type: 'button', class: 'secondary', onclick: () => editor.replaceWith(facts) }, t('cancel')));
  editor.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = Object.fromEntries(new FormData(editor).entries());
    if (await attempt(() => api('PATCH', `/api/applications/${app.id}`, body))) {
      toast(t('saved'));
      refresh();
    }
  });
  fill(main,
    h('p', {}, h('a', { href: '#/board' }, `← ${t('board')}`)),
    h('h1', {}, app.company, ' · ', app.role),
    facts,
    section(t('stages'), h('ol', { class: 'stages' }, app.stages.map((s) => stageItem(app, s, refresh))), addStage),
    section(t('contacts'),
      mine.length ? h('ul', { id: 'app-contacts' }, mine.map((c) => contactItem(c, refresh))) : h('p', { class: 'muted' }, '—'),
      addContact),
    active ? h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: async () => { if (await attempt(() => post(`/api/applications/${app.id}/withdraw`))) refresh(); } }, t('withdraw'))) : null);
}
