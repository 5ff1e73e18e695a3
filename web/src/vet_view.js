// The vetting part of a company report (`ijik vet --json`, docs/vetting.md):
// the grade, red and green flags with their evidence, the pay estimate against
// its peers, financial statements over the years (table and chart), funding,
// coverage notes, and the button that watches or unwatches the company.
import { h, append, krw, pct } from './dom.js';
import { get, post, api } from './api.js';
import { t, currentLang } from './i18n.js';
import { section, table, toast, attempt } from './ui.js';
import { amountBars } from './charts.js';

// watch list's `why` for the career timeline's open job: it cannot be unwatched.
export const CAREER = 'current employer (career timeline)';
const msg = (f) => (currentLang() === 'en' ? f.message_en : f.message_ko);

function flagItem(f) {
  const red = f.kind === 'red';
  return h('li', { class: `flag ${red ? 'red' : 'green'} sev-${f.severity}` },
    h('div', { class: 'flag-head' },
      h('span', { class: 'flag-mark', 'aria-hidden': 'true' }, red ? '✗' : '✓'),
      h('strong', {}, red ? `${t('red_flag')} · ${t(`sev_${f.severity}`)}` : t('green_flag')),
      h('code', {}, f.rule),
      f.month ? h('span', { class: 'muted' }, f.month) : null),
    h('p', { class: 'flag-msg' }, msg(f)),
    h('p', { class: 'muted small evidence' }, `${t('evidence')}: ${f.evidence}`));
}

// Grade and flags: the top of the report.
export function vetSummary(v) {
  const reds = v.flags.filter((f) => f.kind === 'red');
  const greens = v.flags.filter((f) => f.kind !== 'red');
  return section(t('vetting'),
    h('div', { class: 'grade-line' },
      h('span', { class: `grade grade-${v.grade}`, id: 'vet-grade', 'aria-label': `${t('grade')} ${v.grade}` }, v.grade),
      h('div', {}, h('div', { class: 'kpi-title' }, t('grade')), h('div', {}, v.grade_reason))),
    h('div', { class: 'flags-grid' },
      h('div', {}, h('h3', {}, `${t('red_flags')} (${reds.length})`),
        reds.length ? h('ul', { class: 'flags', id: 'red-flags' }, reds.map(flagItem)) : h('p', { class: 'muted' }, t('none'))),
      h('div', {}, h('h3', {}, `${t('green_flags')} (${greens.length})`),
        greens.length ? h('ul', { class: 'flags', id: 'green-flags' }, greens.map(flagItem)) : h('p', { class: 'muted' }, t('none')))));
}

function payCard(p) {
  if (!p || p.month_estimate === null) return section(t('pay_est'), h('p', { class: 'muted' }, t('no_pay')));
  return section(t('pay_est'),
    h('div', { class: 'pay-kpis' },
      h('div', { class: 'kpi' }, h('div', { class: 'kpi-title' }, t('pay_est')), h('div', { class: 'kpi-value' }, krw(p.year_estimate)),
        h('div', { class: 'muted small' }, `${t('pay_month')} ${krw(p.month_estimate)}`)),
      p.percentile !== null
        ? h('div', { class: 'kpi', id: 'pay-percentile' }, h('div', { class: 'kpi-title' }, t('peer_percentile')),
          h('div', { class: 'kpi-value' }, `${Math.round(p.percentile * 100)}`),
          h('div', { class: 'muted small' }, `${p.industry} · ${p.size_band} · ${p.peers}${t('peers_n')}`),
          h('div', { class: 'muted small' }, `25% ${krw(p.p25)} · ${t('median')} ${krw(p.median)} · 75% ${krw(p.p75)}`))
        : h('div', { class: 'kpi' }, h('div', { class: 'kpi-title' }, t('peer_percentile')), h('div', { class: 'kpi-value' }, '—'), h('div', { class: 'muted small' }, t('few_peers')))),
    p.lower_bound ? h('p', { class: 'caveat', id: 'pay-caveat' }, t('pay_lower_bound')) : h('p', { class: 'muted small' }, t('pay_basis')));
}

const eok = (n) => (n === null || n === undefined ? null : Math.round(n / 1e6) / 100);  // 억원, two decimals

function financeCard(years) {
  if (!years.length) return section(t('finances'), h('p', { class: 'muted' }, t('no_statements')));
  const chart = h('div', { id: 'fin-chart' });
  const card = section(t('finances'), chart,
    table([t('year'), t('revenue'), t('growth_short'), t('op_income'), t('op_margin'), t('net_income'), t('debt_ratio'), t('impairment'), t('rev_payroll'), t('basis')],
      years.map((y) => [String(y.year), krw(y.revenue), pct(y.revenue_growth, 1), krw(y.operating_income), pct(y.operating_margin, 1), krw(y.net_income),
        pct(y.debt_ratio), y.capital_impairment ? t(`imp_${y.capital_impairment}`) : '—',
        y.revenue_to_payroll !== null ? `${y.revenue_to_payroll.toFixed(1)}×` : '—', y.source || t(`basis_${y.basis}`)]), { class: 'fin-table' }));
  // Drawn once the card is in the page (uPlot measures its holder).
  card.drawChart = () => amountBars(chart, t('finances'), years.map((y) => String(y.year)), [
    { label: `${t('revenue')} (${t('eok')})`, values: years.map((y) => eok(y.revenue)), color: '#2563eb' },
    { label: `${t('op_income')} (${t('eok')})`, values: years.map((y) => eok(y.operating_income)), color: '#f59e0b' },
  ]);
  return card;
}

function fundingCard(rounds) {
  return section(t('funding'), rounds.length
    ? table([t('date'), t('round'), t('amount'), t('investors'), t('note')], rounds.map((f) => [f.date, f.round, krw(f.amount), f.investors.join(', '), f.note]))
    : h('p', { class: 'muted' }, t('no_funding')));
}

// Pay, finances, funding and coverage: below the workforce charts.
export function vetDetails(holder, v) {
  const fin = financeCard(v.finances);
  append(holder, payCard(v.pay), fin, fundingCard(v.funding),
    section(t('coverage_notes'), h('ul', { class: 'coverage', id: 'coverage' }, v.coverage.map((c) => h('li', {}, c)))));
  if (fin.drawChart) fin.drawChart();
}

// The watch button: the current employer is always watched (no unwatch).
export async function watchButton(v) {
  const box = h('div', { class: 'watch-box', id: 'watch-box' });
  const draw = async () => {
    const list = await get('/api/watches');
    const w = list.find((x) => x.kind === v.kind && x.id === v.id);
    box.replaceChildren();
    if (w && w.why === CAREER) {
      append(box, h('span', { class: 'pill r-passed' }, t('watching')), h('span', { class: 'muted small' }, ` ${t('always_watched')}`));
      return;
    }
    const btn = h('button', { type: 'button', id: 'watch-toggle', class: w ? 'secondary' : '', 'aria-pressed': w ? 'true' : 'false' }, w ? t('unwatch') : t('watch_btn'));
    btn.addEventListener('click', async () => {
      btn.disabled = true;
      const done = await attempt(() => (w
        ? api('DELETE', `/api/watches/${v.kind}/${v.id}`)
        : post('/api/watches', v.kind === 'company' ? { company: String(v.id) } : { workplace: v.id })));
      if (done) toast(w ? t('unwatched') : t('watching'));
      await draw();
    });
    append(box, btn, w ? h('span', { class: 'pill r-passed' }, t('watching')) : null);
  };
  await draw();
  return box;
}
