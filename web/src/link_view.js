// Linking one of the user's companies to its public data (`company link`):
// a National Pension workplace (workforce, pay) and an OpenDART company
// (financial statements). Shows the links, the suggestions, and a form.
import { h, append, field } from './dom.js';
import { get, post, qs } from './api.js';
import { t } from './i18n.js';
import { section, toast, attempt } from './ui.js';

export function linkSection(company, refresh) {
  const link = async (body) => {
    if (await attempt(() => post('/api/companies/link', { company: company.name, ...body }))) {
      toast(t('linked'));
      refresh();
    }
  };
  const suggestions = h('div', { id: 'link-suggestions' }, h('p', { class: 'muted small' }, t('loading')));
  get(`/api/companies/link${qs({ company: company.name })}`).then((s) => {
    suggestions.replaceChildren();
    const items = [
      ...s.workplaces.map((w) => h('li', {}, h('span', { class: 'tag workplace' }, t('workplace')), ` ${w.name} · ${w.region} · ${w.industry} `,
        h('button', { type: 'button', class: 'small', onclick: () => link({ workplace: String(w.id) }) }, t('link')))),
      ...s.dart.map((d) => h('li', {}, h('span', { class: 'tag' }, 'DART'), ` ${d.code} ${d.name} · ${d.market} `,
        h('button', { type: 'button', class: 'small', onclick: () => link({ dart: d.code }) }, t('link')))),
    ];
    append(suggestions, items.length ? [h('p', { class: 'small' }, t('suggested')), h('ul', { class: 'suggestions' }, items)] : h('p', { class: 'muted small' }, t('no_suggestions')));
  }).catch((e) => suggestions.replaceChildren(h('p', { class: 'error' }, e.message)));
  const form = h('form', { class: 'inline-form', id: 'link-form' },
    field(t('workplace_key'), h('input', { name: 'workplace', placeholder: '123456' })),
    field(t('dart_code'), h('input', { name: 'dart', placeholder: '035420' })),
    h('button', { type: 'submit' }, t('link')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(form).entries());
    link({ workplace: f.workplace.trim(), dart: f.dart.trim() });
  });
  return section(t('links'),
    h('dl', { class: 'facts', id: 'links' },
      h('dt', {}, t('workplace')), h('dd', {}, company.workplace ? `${company.workplace.name} (${company.workplace.id})` : '—'),
      h('dt', {}, 'OpenDART'), h('dd', {}, company.dart ? `${company.dart.stock_code ?? company.dart.corp_code ?? ''} ${company.dart.name}` : '—')),
    suggestions, form);
}
