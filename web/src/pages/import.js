// Import: upload National Pension (NPS) or OpenDART files from the browser.
// Each file is sent as the raw body of POST /api/data/import/{nps|dart}
// (XMLHttpRequest, for its upload progress), imported by the same code as
// `ijik data import`, and answered with its summary; rejected rows can be
// downloaded or shown. Below: the months of public data in the workspace.
import { h, fill, append, clear } from '../dom.js';
import { get, csrfToken, ApiError } from '../api.js';
import { t } from '../i18n.js';
import { section, table, attempt } from '../ui.js';

// Resolves with the parsed summary, or rejects with the server's message.
function upload(kind, file, onProgress) {
  return csrfToken().then((csrf) => new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/data/import/${kind}?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('X-Ijik-Csrf', csrf);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total, true); };
    xhr.upload.onload = () => onProgress(1, false);
    xhr.onerror = () => reject(new ApiError(0, t('upload_failed')));
    xhr.onload = () => {
      let data = null;
      try { data = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300 && Array.isArray(data)) resolve(data);
      else reject(new ApiError(xhr.status, data?.error?.message || `HTTP ${xhr.status}`));
    };
    xhr.send(file);
  }));
}

function rejectsView(f) {
  if (!f.rejected) return t('none');
  if (!f.rejects_url) return String(f.rejected);
  const pre = h('pre', { class: 'rejects', hidden: true });
  const show = h('button', {
    type: 'button', class: 'small secondary',
    onclick: async () => {
      if (!pre.hidden) { pre.hidden = true; return; }
      const r = await attempt(async () => {
        const res = await fetch(f.rejects_url, { credentials: 'same-origin' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return res.text();
      });
      if (r === undefined) return;
      const lines = r.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
      pre.textContent = lines.slice(0, 51).join('\n') + (lines.length > 51 ? `\n… ${lines.length - 51}` : '');
      pre.hidden = false;
    },
  }, t('show'));
  return h('div', { class: 'rejects-cell' }, h('strong', {}, String(f.rejected)), ' ',
    h('a', { href: f.rejects_url, download: '' }, t('download')), ' ', show, pre);
}

function summary(kind, f) {
  if (kind === 'nps')
    return table([t('file'), t('data_month'), t('rows'), t('new_wp'), t('continued'), t('withdrawn_wp'), t('rejected'), t('seconds')],
      [[f.file, f.month, f.rows.toLocaleString(), f.new.toLocaleString(), f.continued.toLocaleString(), f.withdrawn.toLocaleString(), rejectsView(f), `${f.seconds.toFixed(2)}s`]],
      { class: 'import-summary' });
  if (f.skipped) return h('p', { class: 'muted' }, `${f.file}: ${t('skipped')} — ${f.skipped}`);
  return table([t('file'), t('year'), t('statement'), t('rows'), t('companies'), t('figures'), t('rejected'), t('seconds')],
    [[f.file, `${f.year} ${f.report}`, `${f.statement} · ${t(`basis_${f.basis}`)}`, f.rows.toLocaleString(), `${f.companies} (${t('new_wp')} ${f.new})`, f.figures.toLocaleString(), rejectsView(f), `${f.seconds.toFixed(2)}s`]],
    { class: 'import-summary' });
}

async function statusView(box) {
  const s = await get('/api/data/status');
  fill(box, s.months.length
    ? table([t('data_month'), t('rows'), t('rejected'), t('file'), t('imported_at')], s.months.map((m) => [m.month, m.rows.toLocaleString(), m.rejected, m.file, m.imported_at]))
    : h('p', { class: 'muted' }, t('no_data')),
  s.gaps.length ? h('p', { class: 'muted small' }, `${t('gaps')}: ${s.gaps.join(', ')}`) : null);
}

export async function render(main, _m, _q, current) {
  const status = h('div', { id: 'data-status' });
  const results = h('div', { id: 'import-results', 'aria-live': 'polite' });
  const kind = h('select', { name: 'kind', id: 'import-kind' },
    h('option', { value: 'nps' }, t('kind_nps')), h('option', { value: 'dart' }, t('kind_dart')));
  const files = h('input', { type: 'file', name: 'files', id: 'import-files', multiple: true, accept: '.csv,.gz,.txt', required: true });
  const button = h('button', { type: 'submit' }, t('upload'));
  const form = h('form', { class: 'inline-form', id: 'import-form' },
    h('label', { class: 'field' }, h('span', {}, t('kind')), kind),
    h('label', { class: 'field' }, h('span', {}, t('files')), files), button);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    button.disabled = true;
    // By name: the published files carry their date, so this imports months in order.
    const chosen = [...files.files].sort((a, b) => a.name.localeCompare(b.name));
    for (const file of chosen) {
      const bar = h('progress', { max: 100, value: 0, 'aria-label': `${t('upload')}: ${file.name}` });
      const state = h('span', { class: 'muted small' }, t('uploading'));
      const box = h('div', { class: 'card upload' }, h('div', { class: 'upload-head' }, h('strong', {}, file.name), h('span', { class: 'muted small' }, ` ${file.size < 1048576 ? `${Math.ceil(file.size / 1024)} KB` : `${(file.size / 1048576).toFixed(1)} MB`}`)), bar, state);
      results.prepend(box);
      try {
        const sums = await upload(kind.value, file, (frac, event) => {
          if (event) box.dataset.progressEvents = Number(box.dataset.progressEvents || 0) + 1;
          bar.value = Math.round(frac * 100);
          if (frac >= 1) { state.textContent = t('importing'); bar.removeAttribute('value'); }
        });
        bar.value = 100;
        box.classList.add('done');
        fill(state, t('imported'));
        for (const f of sums) box.appendChild(summary(kind.value, f));
      } catch (err) {
        box.classList.add('failed');
        bar.remove();
        fill(state, h('span', { class: 'error' }, err.message));
      }
    }
    button.disabled = false;
    form.reset();
    if (current()) statusView(status);
  });
  fill(main, h('h1', {}, t('import')),
    section(t('upload_files'), form, h('p', { class: 'muted small' }, t('import_hint'))),
    results,
    section(t('data_status'), status));
  await statusView(status);
}
