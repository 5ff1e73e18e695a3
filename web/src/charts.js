// Charts drawn by uPlot (bundled, no CDN). Each chart sizes itself to its holder.
import uPlot from 'uplot';
import { h } from './dom.js';

function width(holder) {
  return Math.max(280, Math.min(holder.clientWidth || 800, 1100));
}

function mount(holder, opts, data, label) {
  const box = h('div', { class: 'chart', role: 'img', 'aria-label': label });
  holder.appendChild(box);
  const plot = new uPlot({ width: width(holder), height: 260, ...opts }, data, box);
  const ro = new ResizeObserver(() => plot.setSize({ width: width(holder), height: 260 }));
  ro.observe(holder);
  return plot;
}

// Category x axis: x = 0..n-1, labelled with `categories`, ticks on whole steps.
function categoryAxis(categories) {
  return { values: (u, ticks) => ticks.map((t) => (Number.isInteger(t) ? categories[t] ?? '' : '')), space: 48, incrs: [1, 2, 3, 6, 12, 24] };
}

// A line over months: series = [{label, values, color}].
export function lineChart(holder, label, months, series) {
  return mount(holder, {
    scales: { x: { time: false, range: [-0.3, months.length - 0.7] } },
    axes: [categoryAxis(months), { size: 60 }],
    series: [{ label: '', value: (u, v) => (v == null ? '' : months[v] ?? '') },
      ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, points: { show: true, size: 6 } }))],
  }, [months.map((_, i) => i), ...series.map((s) => s.values)], label);
}

// Bars over categories (x = 0..n-1 with labels): two series side by side;
// more series are drawn as lines with points, one per series.
export function barChart(holder, label, categories, series) {
  const pair = series.length <= 2;
  const path = (i) => (pair ? uPlot.paths.bars({ size: [series.length === 1 ? 0.6 : 0.36, 48], align: series.length === 1 ? 0 : i === 0 ? -1 : 1 }) : undefined);
  return mount(holder, {
    scales: { x: { time: false, range: [-0.6, categories.length - 0.4] } },
    axes: [categoryAxis(categories), { size: 50, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] }],
    series: [{ label: '', value: (u, v) => (v == null ? '' : categories[v] ?? '') },
      ...series.map((s, i) => ({ label: s.label, stroke: s.color, width: pair ? 1 : 2, fill: pair ? s.color : undefined, paths: path(i), points: { show: !pair, size: 6 } }))],
  }, [categories.map((_, i) => i), ...series.map((s) => s.values)], label);
}

// Amounts per category (fiscal years) as side-by-side bars from zero, so a
// loss goes below the axis; the y axis keeps uPlot's own steps (any size).
export function amountBars(holder, label, categories, series) {
  return mount(holder, {
    scales: { x: { time: false, range: [-0.6, categories.length - 0.4] } },
    axes: [categoryAxis(categories), { size: 70 }],
    series: [{ label: '', value: (u, v) => (v == null ? '' : categories[v] ?? '') },
      ...series.map((s, i) => ({
        label: s.label, stroke: s.color, fill: s.color, width: 1,
        paths: uPlot.paths.bars({ size: [0.8 / series.length, 60], align: series.length === 1 ? 0 : i === 0 ? -1 : 1 }),
        points: { show: false },
      }))],
  }, [categories.map((_, i) => i), ...series.map((s) => s.values)], label);
}
