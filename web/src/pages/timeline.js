// Timeline: jobs, probations, phases and job searches on one horizontal time axis (SVG).
import { h, fill, append, svg, clear, krw, field } from '../dom.js';
import { get, post, serverToday } from '../api.js';
import { t } from '../i18n.js';
import { section, toast, attempt } from '../ui.js';

// Adds a job (no end date: the current job), as `ijik job add`.
function addJobForm(refresh) {
  const form = h('form', { class: 'inline-form', id: 'add-job' },
    field(t('company'), h('input', { name: 'company', required: true })),
    field(t('job_title'), h('input', { name: 'title', required: true })),
    field(t('from'), h('input', { name: 'from', type: 'date', required: true })),
    field(t('to'), h('input', { name: 'to', type: 'date' })),
    field(t('job_type'), h('select', { name: 'type' }, ['full-time', 'contract', 'intern'].map((x) => h('option', { value: x }, x)))),
    field(t('pay'), h('input', { name: 'pay', placeholder: '6500만' })),
    h('button', { type: 'submit' }, t('add')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (await attempt(() => post('/api/jobs', Object.fromEntries(new FormData(form).entries())))) {
      toast(t('saved'));
      refresh();
    }
  });
  return h('details', { class: 'card', open: null }, h('summary', {}, t('add_job')), form);
}

// Ends an open job, as `ijik job end`.
function endJobForm(job, refresh) {
  const form = h('form', { class: 'inline-form end-job' },
    field(t('last_day'), h('input', { name: 'on', type: 'date', required: true })),
    field(t('reason'), h('input', { name: 'reason' })),
    h('button', { type: 'submit', class: 'small' }, t('end_job')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (await attempt(() => post(`/api/jobs/${job.id}/end`, Object.fromEntries(new FormData(form).entries())))) refresh();
  });
  return form;
}

const DAY = 86400000;
const parse = (s) => (s ? Date.parse(s.length === 7 ? `${s}-01` : s) : null);

export async function render(main, _m, _q, current) {
  const [data, today] = await Promise.all([get('/api/timeline'), serverToday()]);
  if (!current()) return;
  const refresh = () => render(main, _m, _q, current);
  fill(main, h('h1', {}, t('timeline')), addJobForm(refresh));
  if (!data.jobs.length && !data.phases.length) {
    main.appendChild(h('p', { class: 'muted' }, t('no_timeline')));
    return;
  }
  const now = parse(today) ?? Date.now();
  const spans = [];
  for (const j of data.jobs) spans.push({ row: 'jobs', from: parse(j.from), to: parse(j.to) ?? now, label: `${j.company} · ${j.title}`, cls: `job type-${j.type}` });
  for (const j of data.jobs)
    if (j.probation) spans.push({ row: 'probation', from: parse(j.from), to: parse(j.probation.ends), label: `${t('probation')} (${j.probation.outcome})`, cls: 'probation' });
  for (const p of data.phases) spans.push({ row: 'phases', from: parse(p.from), to: parse(p.to) ?? now, label: p.name, cls: 'phase' });
  for (const s of data.searches)
    if (s.count) spans.push({ row: 'searches', from: parse(s.after) ?? (parse(s.until) ?? now) - 90 * DAY, to: parse(s.until) ?? now, label: `${t('searches')} ${s.count}`, cls: 'search' });
  const min = Math.min(...spans.map((s) => s.from));
  const max = Math.max(now, ...spans.map((s) => s.to));
  const rows = ['jobs', 'probation', 'phases', 'searches'].filter((r) => spans.some((s) => s.row === r));
  const W = 1000, left = 90, rowH = 44, top = 10;
  const H = top + rows.length * rowH + 30;
  const x = (v) => left + ((v - min) / Math.max(1, max - min)) * (W - left - 10);
  const rowLabels = { jobs: t('jobs'), probation: t('probation'), phases: t('phases'), searches: t('searches') };
  const g = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'timeline', role: 'img', 'aria-label': t('timeline') });
  rows.forEach((r, i) => g.appendChild(svg('text', { x: 4, y: top + i * rowH + 24, class: 'row-label' }, rowLabels[r])));
  for (let y = new Date(min).getUTCFullYear() + 1; y <= new Date(max).getUTCFullYear(); y++) {
    const xx = x(Date.UTC(y, 0, 1));
    g.appendChild(svg('line', { x1: xx, x2: xx, y1: top, y2: H - 24, class: 'tick' }));
    g.appendChild(svg('text', { x: xx, y: H - 8, class: 'tick-label', 'text-anchor': 'middle' }, String(y)));
  }
  for (const s of spans) {
    const i = rows.indexOf(s.row);
    const x0 = x(s.from), x1 = Math.max(x(s.to), x0 + 3);
    g.appendChild(svg('g', { class: `span ${s.cls}` },
      svg('title', {}, s.label),
      svg('rect', { x: x0, y: top + i * rowH + 6, width: x1 - x0, height: rowH - 14, rx: 4 }),
      svg('text', { x: x0 + 4, y: top + i * rowH + 26, class: 'span-label' }, s.label)));
  }
  const nx = x(now);
  g.appendChild(svg('line', { x1: nx, x2: nx, y1: top, y2: H - 24, class: 'now' }));
  main.appendChild(h('div', { class: 'timeline-wrap' }, g));
  main.appendChild(section(t('jobs'), h('ul', {}, data.jobs.map((j) => h('li', {},
    h('strong', {}, j.company), ` ${j.title} · ${j.from} ~ ${j.to ?? ''} (${j.tenure_months}${t('months')})`, j.pay ? ` · ${krw(j.pay)}` : '', j.reason ? ` · ${j.reason}` : '',
    j.to ? null : endJobForm(j, refresh))))));
}
