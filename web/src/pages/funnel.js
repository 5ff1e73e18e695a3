// Funnel: applications reaching and passing each stage kind, overall and by source.
import { h, fill, append, clear, pct } from '../dom.js';
import { get } from '../api.js';
import { t, label, sourceLabel } from '../i18n.js';
import { table, section } from '../ui.js';
import { barChart } from '../charts.js';

const palette = ['#2563eb', '#16a34a', '#f59e0b', '#dc2626', '#7c3aed'];

export async function render(main, _m, _q, current) {
  const [all, by] = await Promise.all([get('/api/funnel'), get('/api/funnel?by=source')]);
  if (!current()) return;
  const overall = section(t('funnel'));
  const bySource = section(t('by_source'));
  fill(main, 
    h('h1', {}, t('funnel')),
    h('p', {}, `${t('application')} ${all.applications} → ${t('offers')} ${all.offers} → ${label('accepted')} ${all.accepted}`),
    overall, bySource);
  const labels = all.stages.map((s) => s.label);
  if (labels.length) {
    barChart(overall, t('funnel'), labels, [
      { label: t('reached'), values: all.stages.map((s) => s.reached), color: palette[0] },
      { label: t('passed'), values: all.stages.map((s) => s.passed), color: palette[1] },
    ]);
  }
  overall.appendChild(table([t('stage_name'), t('reached'), t('passed'), t('pass_rate'), t('median_days')],
    all.stages.map((s) => [s.label, s.reached, s.passed, pct(s.pass_rate), s.median_days_from_apply ?? '—'])));
  const sources = Object.entries(by.by_source);
  if (labels.length && sources.length) {
    barChart(bySource, t('by_source'), labels, sources.map(([src, f], i) => ({
      label: sourceLabel(src),
      values: labels.map((l) => (f.stages.find((s) => s.label === l) || { reached: 0 }).reached),
      color: palette[i % palette.length],
    })));
  }
}
