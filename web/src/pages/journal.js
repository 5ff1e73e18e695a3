// Journal (회고록): entries with full-text search while typing, a Markdown
// editor with live preview, delete, export; and the import of a written
// retrospective, where the user ticks which proposed events reach the
// timeline. Entry text is rendered by markdown.js (text nodes only).
import { h, fill, append, field, debounce } from '../dom.js';
import { api, get, post, serverToday } from '../api.js';
import { t } from '../i18n.js';
import { toast, attempt, section } from '../ui.js';
import { render as markdown } from '../markdown.js';

// Record kinds journal import --apply can create (docs/retro-import.md).
const APPLICABLE = new Set(['application', 'stage', 'job-start', 'job-end', 'conversion', 'probation']);

// "…[이직]…" snippets: the bracketed matches marked, all as text.
function snippet(text) {
  return text.split(/(\[[^\]]*\])/).filter(Boolean).map((part) =>
    /^\[.*\]$/.test(part) ? h('mark', {}, part.slice(1, -1)) : part);
}

function entryItem(e, active, q) {
  return h('li', { class: e.id === active ? 'active' : '' },
    h('a', { href: `#/journal/${e.id}${q ? `?q=${encodeURIComponent(q)}` : ''}`, 'aria-current': e.id === active ? 'page' : null },
      h('span', { class: 'j-date' }, e.date),
      h('span', { class: 'j-title' }, e.title),
      e.snippet ? h('span', { class: 'j-snippet' }, snippet(e.snippet)) : null,
      e.tags?.length ? h('span', { class: 'j-tags' }, e.tags.map((x) => `#${x}`).join(' ')) : null));
}

// The left column: the list, or the search hits while a query is typed.
function sidebar(entries, active, initialQuery) {
  const list = h('ul', { class: 'j-list', id: 'journal-list' });
  const showAll = () => fill(list, entries.length ? entries.slice().reverse().map((e) => entryItem(e, active)) : h('li', { class: 'muted' }, t('no_entries')));
  let seq = 0;
  const search = async (q) => {
    const mine = ++seq;
    if (!q.trim()) return showAll();
    let hits;
    try {
      hits = await get(`/api/journal/search?q=${encodeURIComponent(q)}`);
    } catch (e) {
      if (mine === seq) fill(list, h('li', { class: 'muted' }, e.message));
      return;
    }
    if (mine !== seq) return;
    fill(list, hits.length ? hits.map((x) => entryItem(x, active, q)) : h('li', { class: 'muted' }, t('no_hits')));
  };
  const input = h('input', { type: 'search', id: 'journal-search', value: initialQuery, placeholder: t('search_journal'), 'aria-label': t('search_journal'), autocomplete: 'off' });
  input.addEventListener('input', debounce(() => search(input.value), 150));
  search(initialQuery);
  return h('aside', { class: 'j-side', 'aria-label': t('entries') }, input, list);
}

// Whether the title is just the body's first line (then it is not shown twice).
function titleInBody(entry) {
  const first = (entry.body.split('\n').find((l) => l.trim()) || '').replace(/^#+\s*/, '').trim();
  return first === entry.title.trim();
}

function viewer(entry) {
  const actions = h('div', { class: 'j-actions' });
  const normal = () => fill(actions,
    h('a', { class: 'button', href: `#/journal/${entry.id}/edit`, id: 'journal-edit' }, t('edit')),
    h('a', { class: 'button secondary', href: `#/journal/${entry.id}/import` }, t('import_retro')),
    h('button', { type: 'button', class: 'danger', id: 'journal-delete', onclick: askDelete }, t('delete')));
  function askDelete() {
    const no = h('button', { type: 'button', class: 'secondary', onclick: normal }, t('cancel'));
    fill(actions, h('span', { role: 'alert' }, t('confirm_delete')),
      h('button', { type: 'button', class: 'danger', id: 'journal-delete-yes', onclick: async () => {
        if (await attempt(() => api('DELETE', `/api/journal/${entry.id}`))) {
          toast(t('deleted'));
          location.hash = '#/journal';
        }
      } }, t('delete')), no);
    no.focus();
  }
  normal();
  return h('article', { class: 'card j-entry', id: 'journal-entry' },
    h('div', { class: 'muted' }, [entry.date, ...entry.tags.map((x) => `#${x}`), entry.company].filter(Boolean).join(' · ')),
    titleInBody(entry) ? null : h('h2', { class: 'j-heading' }, entry.title),
    h('div', { class: 'markdown' }, markdown(entry.body)),
    actions);
}

function editor(entry, today) {
  const isNew = !entry;
  const text = h('textarea', { name: 'text', id: 'journal-text', rows: 18, required: true, 'aria-describedby': 'journal-hint' });
  text.value = entry ? entry.body : '';
  const preview = h('div', { class: 'markdown j-preview', id: 'journal-preview', 'aria-live': 'polite' });
  const redraw = () => fill(preview, markdown(text.value));
  text.addEventListener('input', debounce(redraw, 80));
  redraw();
  const form = h('form', { class: 'card j-editor', id: 'journal-form' },
    isNew ? h('div', { class: 'inline-form' },
      field(t('date'), h('input', { type: 'date', name: 'date', value: today })),
      field(t('title'), h('input', { name: 'title', id: 'journal-title' })),
      field(t('tags'), h('input', { name: 'tags', placeholder: '이직 회고' })))
      : h('h2', {}, `${entry.date} · ${entry.title}`),
    h('div', { class: 'j-split' },
      h('label', { class: 'field' }, h('span', {}, t('text_md')), text),
      h('div', { class: 'field' }, h('span', {}, t('preview')), preview)),
    h('div', { class: 'j-actions' },
      h('button', { type: 'submit' }, t('save')),
      h('a', { class: 'button secondary', href: entry ? `#/journal/${entry.id}` : '#/journal' }, t('cancel')),
      h('span', { class: 'muted small', id: 'journal-hint' }, t('save_hint'))));
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!text.value.trim()) return toast(t('empty_text'), true);
    const f = Object.fromEntries(new FormData(form).entries());
    const saved = await attempt(() => (isNew
      ? post('/api/journal', { text: text.value, date: f.date, title: f.title, tags: (f.tags || '').split(/[\s,]+/).filter(Boolean) })
      : api('PUT', `/api/journal/${entry.id}`, { text: text.value })));
    if (saved) {
      toast(t('saved'));
      location.hash = `#/journal/${saved.id}`;
    }
  });
  setTimeout(() => (isNew ? form.querySelector('#journal-title') : text).focus(), 0);
  return form;
}

function importForm(today) {
  const text = h('textarea', { name: 'text', id: 'import-text', rows: 14, required: true });
  const file = h('input', { type: 'file', accept: '.md,.markdown,.txt,text/markdown,text/plain', id: 'import-file' });
  file.addEventListener('change', async () => {
    const f = file.files[0];
    if (f) text.value = await f.text();
  });
  const form = h('form', { class: 'card', id: 'import-form' },
    h('p', { class: 'muted' }, t('import_note')),
    h('label', { class: 'field' }, h('span', {}, t('retro_text')), text),
    h('div', { class: 'inline-form' },
      field(t('retro_file'), file),
      field(t('entry_date'), h('input', { type: 'date', name: 'date', max: today })),
      h('button', { type: 'submit' }, t('read_events'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!text.value.trim()) return toast(t('empty_text'), true);
    const date = new FormData(form).get('date');
    const r = await attempt(() => post('/api/journal/import', { text: text.value, date }));
    if (r) location.hash = `#/journal/${r.entry_id}/import`;
  });
  return form;
}

const label = (prefix, key) => (key ? t(`${prefix}_${key}`) : '');

// The proposed events of an entry, to tick and apply.
async function confirmation(id, holder) {
  const data = await get(`/api/journal/${id}/events`);
  const entry = await get(`/api/journal/${id}`);
  const boxes = [];
  const rows = data.events.map((e, i) => {
    const n = i + 1;
    const can = APPLICABLE.has(e.type) && !e.recorded;
    const box = h('input', { type: 'checkbox', name: 'event', value: n, checked: can && e.confidence >= data.threshold, disabled: !can, 'aria-label': `${t('choose')} ${n}` });
    boxes.push(box);
    const company = e.company
      ? [e.company, e.workplace ? h('span', { class: 'tag', title: e.workplace.name }, `${t('public_data')}: ${e.workplace.name}`) : null]
      : '—';
    return h('tr', { class: e.recorded ? 'recorded' : '', dataset: { n: String(n), type: e.type } },
      h('td', {}, box),
      h('td', { class: 'num' }, String(n)),
      h('td', {}, label('ev', e.type), e.recorded ? h('div', { class: 'small muted' }, `${t('already_applied')} (${e.recorded})`) : !APPLICABLE.has(e.type) ? h('div', { class: 'small muted' }, t('shown_only')) : null),
      h('td', {}, company),
      h('td', {}, e.role || ''),
      h('td', {}, [e.stage, e.months ? `${e.months}${t('months')}` : null].filter(Boolean).join(' ')),
      h('td', {}, label('res', e.result)),
      h('td', {}, e.date || '—'),
      h('td', { class: 'num' }, e.confidence.toFixed(2)),
      h('td', { class: 'small' }, e.uncertain.map((u) => label('un', u)).join(', ')),
      h('td', { class: 'j-sentence' }, e.sentence));
  });
  const result = h('div', { id: 'import-result', 'aria-live': 'polite' });
  const apply = h('button', { type: 'submit', id: 'import-apply' }, t('apply_chosen'));
  const form = h('form', { id: 'import-confirm' },
    data.events.length
      ? h('div', { class: 'table-wrap' }, h('table', { class: 'j-events' },
        h('thead', {}, h('tr', {}, [t('choose'), '#', t('type'), t('company'), t('role'), t('stage'), t('result'), t('date'), t('confidence'), t('uncertain'), t('sentence')].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, rows)))
      : h('p', { class: 'muted' }, t('no_events')),
    data.events.length ? h('p', { class: 'muted small' }, t('threshold_note').replace('{t}', data.threshold.toFixed(2))) : null,
    h('div', { class: 'j-actions' }, data.events.length ? apply : null,
      h('a', { class: 'button secondary', href: `#/journal/${id}` }, t('open_entry')),
      h('a', { class: 'button secondary', href: '#/timeline' }, t('see_timeline'))),
    result);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const chosen = boxes.filter((b) => b.checked && !b.disabled).map((b) => Number(b.value));
    if (!chosen.length) return toast(t('choose_some'), true);
    const r = await attempt(() => post(`/api/journal/${id}/apply`, { events: chosen }));
    if (!r) return;
    await confirmation(id, holder);
    const done = chosen.map((n) => `${n}. ${label('ev', r.events[n - 1].type)} — ${r.events[n - 1].applied}`);
    fill(holder.querySelector('#import-result'),
      h('p', {}, `${chosen.length}${t('applied_n')}`),
      h('ul', { class: 'small' }, done.map((d) => h('li', {}, d))));
    holder.querySelector('#import-result').focus?.();
  });
  fill(holder, section(`${t('proposed')} · #${entry.id} ${entry.date} · ${entry.title}`, form));
}

export async function render(main, m, query, current) {
  const which = m[1];
  const sub = m[2];
  const [entries, today] = await Promise.all([get('/api/journal'), serverToday()]);
  if (!current()) return;
  const active = /^\d+$/.test(which || '') ? Number(which) : null;
  const pane = h('div', { class: 'j-pane' });
  // On a phone an open entry, editor or import takes the screen; the list is a tap away.
  main.classList.toggle('j-has-pane', Boolean(which));
  fill(main,
    h('h1', {}, t('journal')),
    h('div', { class: 'toolbar' },
      h('a', { class: 'button secondary j-back', href: '#/journal' }, `← ${t('entries')}`),
      h('a', { class: 'button', href: '#/journal/new', id: 'journal-new' }, t('new_entry')),
      h('a', { class: 'button secondary', href: '#/journal/import', id: 'journal-import' }, t('import_retro')),
      h('a', { class: 'button secondary', href: '/api/journal/export', download: 'ijik-retrospective.md', id: 'journal-export' }, t('export_md'))),
    h('div', { class: 'j-grid' }, sidebar(entries, active, query.get('q') || ''), pane));
  if (which === 'new') return append(pane, editor(null, today));
  if (which === 'import') return append(pane, importForm(today));
  if (active && sub === 'import') return confirmation(active, pane);
  if (active) {
    const entry = await get(`/api/journal/${active}`);
    if (!current()) return;
    return append(pane, sub === 'edit' ? editor(entry, today) : viewer(entry));
  }
  append(pane, h('p', { class: 'muted card' }, entries.length ? t('pick_entry') : t('no_entries')));
}
