// Offers side by side with the current job; add an offer; pick which to compare.
import { h, fill, append, clear, krw, field } from '../dom.js';
import { get, post, qs } from '../api.js';
import { t, label } from '../i18n.js';
import { toast, attempt, section } from '../ui.js';

function signedKrw(n) {
  if (n === null || n === undefined) return '—';
  return n === 0 ? '±0' : `${n > 0 ? '+' : ''}${krw(n)}`;
}

function compareTable(data) {
  const b = data.baseline;
  const cols = [
    ...(b ? [{ head: `${t('current_job')}: ${b.company}`, cls: 'baseline', v: { base: krw(b.pay), first: krw(b.first_year_cash) } }] : []),
    ...data.offers.map((o) => ({
      head: `${o.company} · ${o.role}`, cls: 'offer',
      v: {
        base: krw(o.base), signing: krw(o.signing), bonus: krw(o.bonus),
        probation: o.probation_months ? `${o.probation_months}${t('months')} · ${o.probation_pay_pct ?? 100}%` : '—',
        first: krw(o.first_year_cash),
        change: o.change_vs_current != null ? `${signedKrw(o.change_vs_current)} (${o.change_pct > 0 ? '+' : ''}${o.change_pct}%)` : '—',
        start: o.start || '—', deadline: o.deadline ? `${o.deadline} (D-${o.days_left})` : '—',
        location: o.location || '—', remote: o.remote_days ?? '—', stock: o.stock || '—', benefits: o.benefits.join(', ') || '—',
        status: label(o.status),
      },
    })),
  ];
  const rows = [['base', 'base'], ['signing', 'signing'], ['bonus', 'bonus'], ['probation', 'probation'], ['first_year', 'first'], ['vs_current', 'change'], ['start', 'start'], ['deadline', 'deadline'], ['location', 'location'], ['remote', 'remote'], ['stock', 'stock'], ['benefits', 'benefits'], ['status', 'status']];
  return h('div', { class: 'table-wrap' }, h('table', { class: 'compare', id: 'offer-compare' },
    h('thead', {}, h('tr', {}, h('th', {}, ''), cols.map((c) => h('th', { scope: 'col', class: c.cls }, c.head)))),
    h('tbody', {}, rows.map(([lk, key]) => h('tr', { class: key === 'first' ? 'strong' : '' }, h('th', { scope: 'row' }, t(lk)), cols.map((c) => h('td', { class: c.cls }, c.v[key] ?? '—')))))));
}

export async function render(main, _m, q, current) {
  const refresh = () => render(main, _m, q, current);
  const picked = (q.get('apps') || '').split(',').filter(Boolean);
  const [list, apps] = await Promise.all([get('/api/offers'), get('/api/applications')]);
  const data = await get(`/api/offers/compare${qs({ apps: picked.join(',') })}`);
  if (!current()) return;

  const pick = h('fieldset', { class: 'pick' }, h('legend', {}, t('offers')),
    list.map((o) => h('label', {}, h('input', {
      type: 'checkbox', value: o.app, checked: !picked.length || picked.includes(String(o.app)),
      onchange: () => {
        const ids = [...pick.querySelectorAll('input:checked')].map((i) => i.value);
        location.hash = `#/offers${qs({ apps: ids.join(',') })}`;
      },
    }), ` ${o.company}`)));

  const form = h('form', { class: 'inline-form', id: 'add-offer' },
    field(t('application'), h('select', { name: 'app', required: true }, apps.map((a) => h('option', { value: a.id }, `#${a.id} ${a.company} · ${a.role}`)))),
    field(t('base'), h('input', { name: 'base', required: true, placeholder: '7000만' })),
    field(t('signing'), h('input', { name: 'signing', placeholder: '500만' })),
    field(t('bonus'), h('input', { name: 'bonus', placeholder: '10%' })),
    field(t('start'), h('input', { name: 'start', type: 'date' })),
    field(t('deadline'), h('input', { name: 'deadline', type: 'date' })),
    h('button', { type: 'submit' }, t('add_offer')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = Object.fromEntries(new FormData(form).entries());
    if (await attempt(() => post('/api/offers', body))) {
      toast(t('saved'));
      refresh();
    }
  });

  fill(main, h('h1', {}, t('offers')),
    list.length ? [pick, compareTable(data)] : h('p', { class: 'muted' }, t('no_offers')),
    h('details', { class: 'card', open: !list.length }, h('summary', {}, t('add_offer')), form));
}
