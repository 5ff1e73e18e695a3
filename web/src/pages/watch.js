// Watch list and alerts: the watched companies with their grade now (the
// current employer always among them), adding one from a search, removing
// one, and the alerts raised for them with their evidence and dates.
import { h, fill, append, clear, debounce } from '../dom.js';
import { get, post, api, qs } from '../api.js';
import { t, currentLang } from '../i18n.js';
import { section, table, toast, attempt } from '../ui.js';
import { CAREER } from '../vet_view.js';

const reportHref = (kind, id, name) => (kind === 'company' ? `#/company?name=${encodeURIComponent(name)}` : `#/workplace/${id}`);

function whyLabel(w) {
  if (w.why === CAREER) return t('why_career');
  if (w.current) return t('why_marked');
  return '';
}

function watchTable(list, refresh) {
  if (!list.length) return h('p', { class: 'muted', id: 'watch-empty' }, t('no_watches'));
  return h('div', { id: 'watch-list' }, table(
    [t('company'), t('kind'), t('grade'), t('latest_data'), t('current_job'), t('added'), ''],
    list.map((w) => [
      h('a', { href: reportHref(w.kind, w.id, w.company) }, w.company),
      w.kind === 'company' ? t('my_company') : t('workplace'),
      h('span', { class: `grade small-grade grade-${w.grade}` }, w.grade),
      w.latest_month ?? '—',
      whyLabel(w),
      w.added_at ? w.added_at.slice(0, 10) : '—',
      w.why === CAREER
        ? h('span', { class: 'muted small' }, t('always_watched'))
        : h('button', {
          type: 'button', class: 'small secondary', 'aria-label': `${t('unwatch')}: ${w.company}`,
          onclick: async () => {
            if (await attempt(() => api('DELETE', `/api/watches/${w.kind}/${w.id}`))) {
              toast(t('unwatched'));
              refresh();
            }
          },
        }, t('unwatch')),
    ])));
}

function alertsTable(alerts) {
  if (!alerts.length) return h('p', { class: 'muted', id: 'alerts-empty' }, t('no_alerts'));
  return h('div', { id: 'alerts' }, table(
    [t('data_month'), t('company'), t('severity'), t('rule'), t('evidence'), t('raised')],
    alerts.map((a) => [
      a.month,
      h('a', { href: reportHref(a.kind, a.id, a.company) }, a.company),
      h('span', { class: `pill sev-${a.severity}` }, t(`sev_${a.severity}`)),
      h('code', {}, a.rule),
      h('div', {}, h('div', {}, currentLang() === 'en' ? a.message_en : a.message_ko), h('div', { class: 'muted small' }, a.evidence)),
      a.raised_at.slice(0, 10),
    ])));
}

// Search as you type; each hit has a watch button.
function addForm(refresh, current) {
  const input = h('input', { type: 'search', id: 'watch-q', placeholder: t('search_company'), autocomplete: 'off', 'aria-label': t('add_watch') });
  const list = h('ul', { class: 'results', id: 'watch-results', 'aria-live': 'polite' });
  let seq = 0;
  const run = debounce(async () => {
    const text = input.value.trim();
    const mine = ++seq;
    if (!text) { clear(list); return; }
    const rows = await attempt(() => get(`/api/companies/search${qs({ q: text, limit: 8 })}`));
    if (mine !== seq || !current() || !rows) return;
    fill(list, rows.map((r) => h('li', { class: 'result-row' },
      h('span', { class: `tag ${r.kind}` }, r.kind === 'company' ? t('my_company') : t('workplace')),
      h('strong', {}, r.name),
      h('span', { class: 'muted' }, [r.region, r.industry].filter(Boolean).join(' · ')),
      h('button', {
        type: 'button', class: 'small', 'aria-label': `${t('watch_btn')}: ${r.name}`,
        onclick: async () => {
          const body = r.kind === 'company' ? { company: String(r.id) } : { workplace: r.id };
          if (await attempt(() => post('/api/watches', body))) {
            toast(`${t('watching')}: ${r.name}`);
            refresh();
          }
        },
      }, t('watch_btn')))));
    if (!rows.length) list.appendChild(h('li', { class: 'muted' }, '—'));
  }, 150);
  input.addEventListener('input', run);
  return section(t('add_watch'), input, list);
}

export async function render(main, _m, q, current) {
  const refresh = () => render(main, _m, q, current);
  const since = q.get('since') || '';
  const [list, alerts] = await Promise.all([get('/api/watches'), get(`/api/alerts${since ? qs({ since }) : '?all=1'}`)]);
  if (!current()) return;
  const sinceInput = h('input', { type: 'month', name: 'since', value: since, 'aria-label': t('since') });
  sinceInput.addEventListener('change', () => {
    location.hash = `#/watch${sinceInput.value ? `?since=${sinceInput.value}` : ''}`;
  });
  fill(main, h('h1', {}, t('watch_page')),
    section(t('watched'), watchTable(list, refresh), h('p', { class: 'muted small' }, t('watch_hint'))),
    addForm(refresh, current),
    section(t('alerts'),
      h('div', { class: 'toolbar' }, h('label', { class: 'field' }, h('span', {}, t('since')), sinceInput),
        since ? h('a', { href: '#/watch' }, t('all_alerts')) : null),
      alertsTable(alerts)));
}
