// Company search as you type (the user's companies and every public
// workplace; 초성 works) and the company report: headcount over time, hires
// against leavers per month, the pay estimate and the metrics, and the
// vetting (vet_view.js): grade, flags, pay against peers, finances, funding.
import { h, fill, append, clear, debounce, krw, pct } from '../dom.js';
import { get, qs } from '../api.js';
import { t, label } from '../i18n.js';
import { section, table } from '../ui.js';
import { lineChart, barChart } from '../charts.js';
import { vetSummary, vetDetails, watchButton } from '../vet_view.js';
import { linkSection } from '../link_view.js';

function signed(n) {
  if (n === null || n === undefined) return '—';
  return n > 0 ? `+${n}` : String(n);
}

function searchView(main, q, current) {
  const input = h('input', { type: 'search', id: 'company-q', placeholder: t('search_company'), value: q.get('q') || '', autocomplete: 'off', 'aria-label': t('search_company') });
  const list = h('ul', { class: 'results', id: 'company-results', 'aria-live': 'polite' });
  let seq = 0;
  const run = debounce(async () => {
    const text = input.value.trim();
    const mine = ++seq;
    history.replaceState(null, '', `#/companies${text ? '?q=' + encodeURIComponent(text) : ''}`);
    if (!text) { clear(list); return; }
    let rows;
    try {
      rows = await get(`/api/companies/search${qs({ q: text, limit: 20 })}`);
    } catch (e) {
      rows = [];
      if (mine === seq) clear(list).appendChild(h('li', { class: 'muted' }, e.message));
      return;
    }
    if (mine !== seq || !current()) return;
    clear(list);
    for (const r of rows) {
      const href = r.kind === 'company' ? `#/company?name=${encodeURIComponent(r.name)}` : `#/workplace/${r.id}`;
      list.appendChild(h('li', {}, h('a', { href },
        h('span', { class: `tag ${r.kind}` }, r.kind === 'company' ? t('my_company') : t('workplace')),
        h('strong', {}, r.name),
        h('span', { class: 'muted' }, [r.region, r.industry].filter(Boolean).join(' · ')),
        r.headcount !== null ? h('span', { class: 'num' }, `${r.headcount.toLocaleString()}명 ${signed(r.change_12m)}`) : null)));
    }
    if (!rows.length) list.appendChild(h('li', { class: 'muted' }, '—'));
  }, 150);
  input.addEventListener('input', run);
  fill(main, h('h1', {}, t('companies')), input, list);
  input.focus();
  if (input.value) run();
}

function workplaceReport(holder, w) {
  const m = w.metrics || {};
  const months = w.series.map((p) => p.month);
  append(holder, 
    h('p', { class: 'muted' }, [w.region, w.industry, w.status === 'withdrawn' ? '탈퇴' : null].filter(Boolean).join(' · ')),
    h('div', { class: 'kpis' },
      kpi(t('headcount'), m.headcount != null ? m.headcount.toLocaleString() : '—', m.latest_month),
      kpi(t('change_12m'), signed(m.change_12m), m.change_12m_pct != null ? pct(m.change_12m_pct, 1) : ''),
      kpi(t('attrition'), pct(m.attrition_12m, 1), `${t('hires')} ${m.hires_12m ?? '—'} · ${t('leavers')} ${m.leavers_12m ?? '—'}`),
      kpi(t('pay_est'), krw(m.pay_year_est), m.pay_is_lower_bound ? t('lower_bound') : `${t('pay_month')} ${krw(m.pay_month_est)}`)));
  const hc = section(t('headcount'));
  const hl = section(t('hires_leavers'));
  append(holder, hc, hl);
  if (months.length) {
    lineChart(hc, t('headcount'), months, [{ label: t('headcount'), values: w.series.map((p) => p.headcount), color: '#2563eb' }]);
    barChart(hl, t('hires_leavers'), months, [
      { label: t('hires'), values: w.series.map((p) => p.new), color: '#16a34a' },
      { label: t('leavers'), values: w.series.map((p) => p.lost), color: '#dc2626' },
    ]);
  }
  append(holder, section('', table(['월', t('headcount'), t('hires'), t('leavers')], w.series.slice().reverse().map((p) => [p.month, p.headcount, p.new, p.lost]))),
    h('p', { class: 'muted small' }, t('coverage'), ` (${w.metrics?.months_observed ?? months.length}${t('months')})`));
}

function kpi(title, value, sub) {
  return h('div', { class: 'kpi' }, h('div', { class: 'kpi-title' }, title), h('div', { class: 'kpi-value' }, value), h('div', { class: 'muted small' }, sub || ''));
}

async function report(main, path, vetPath, current) {
  // The vetting is a second command: a failure there leaves the rest of the report.
  const [r, v] = await Promise.all([get(path), get(vetPath).catch((e) => ({ failed: e.message }))]);
  if (!current()) return;
  const holder = h('div', { class: 'report', id: 'report' });
  const head = h('div', { class: 'report-head' }, h('h1', {}, r.name));
  fill(main, h('p', {}, h('a', { href: '#/companies' }, `← ${t('companies')}`)), head, holder);
  const vetted = v && !v.failed;
  if (vetted) {
    head.appendChild(await watchButton(v));
    holder.appendChild(vetSummary(v));
  } else {
    holder.appendChild(h('p', { class: 'error' }, v.failed));
  }
  const details = () => { if (vetted) vetDetails(holder, v); };
  if (r.kind === 'workplace' || r.series) {
    workplaceReport(holder, r);
    details();
    return;
  }
  // One of the user's companies: its applications, then its linked workplace.
  if (r.applications?.length)
    append(holder, section(t('board'), h('ul', {}, r.applications.map((a) => h('li', {}, h('a', { href: `#/app/${a.id}` }, `${a.role} · ${label(a.status)}`))))));
  if (r.workplace) {
    append(holder, h('h2', {}, `${t('workplace')}: ${r.workplace.name}`));
    workplaceReport(holder, r.workplace);
  } else {
    append(holder, h('p', { class: 'muted' }, t('no_public')));
  }
  details();
  append(holder, linkSection(r, () => report(main, path, vetPath, current)));
}

export async function render(main, m, q, current) {
  if (m[0].startsWith('/workplace/')) return report(main, `/api/workplaces/${m[1]}`, `/api/workplaces/${m[1]}/vet`, current);
  if (m[0] === '/company') return report(main, `/api/companies/report${qs({ name: q.get('name') })}`, `/api/companies/vet${qs({ name: q.get('name') })}`, current);
  return searchView(main, q, current);
}
