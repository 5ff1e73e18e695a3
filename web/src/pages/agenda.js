// Agenda: upcoming interviews and deadlines, and the .ics download.
import { h, fill, append, clear, field } from '../dom.js';
import { get, qs } from '../api.js';
import { t, kindLabel } from '../i18n.js';
import { table } from '../ui.js';

export async function render(main, _m, q, current) {
  const days = q.get('days') || '14';
  const items = await get(`/api/agenda${qs({ days })}`);
  if (!current()) return;
  const daysInput = h('input', { type: 'number', min: 0, max: 3660, value: days, name: 'days' });
  daysInput.addEventListener('change', () => { location.hash = `#/agenda?days=${encodeURIComponent(daysInput.value)}`; });
  fill(main, 
    h('h1', {}, t('upcoming')),
    h('div', { class: 'toolbar' }, field(t('days_ahead'), daysInput),
      h('a', { class: 'button', href: '/api/agenda.ics', download: 'ijik-agenda.ics' }, t('download_ics'))),
    items.length
      ? table([t('date'), t('time'), t('company'), t('role'), t('stage_name'), 'D-'],
          items.map((i) => [i.date, i.time || '', i.app ? h('a', { href: `#/app/${i.app}` }, i.company) : i.company, i.role, `${i.stage} (${kindLabel(i.kind)})`, i.days_away === 0 ? t('today') : `D-${i.days_away}`]))
      : h('p', { class: 'muted' }, t('no_agenda')));
}
