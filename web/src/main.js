// The single-page app: hash routes → page renderers. Every page fetches the
// JSON API and builds DOM with dom.js (text, never HTML).
import { h, clear } from './dom.js';
import { t, toggleLang, currentLang } from './i18n.js';
import { toast } from './ui.js';
import * as journal from './pages/journal.js';
import * as board from './pages/board.js';
import * as application from './pages/application.js';
import * as agenda from './pages/agenda.js';
import * as funnel from './pages/funnel.js';
import * as companies from './pages/companies.js';
import * as screen from './pages/screen.js';
import * as offers from './pages/offers.js';
import * as decide from './pages/decide.js';
import * as timeline from './pages/timeline.js';
import * as watch from './pages/watch.js';
import * as importPage from './pages/import.js';

// [pattern, page, nav key]; a page module exports render(main, match, query).
const routes = [
  [/^\/board$/, board, 'board'],
  [/^\/app\/(\d+)$/, application, 'board'],
  [/^\/agenda$/, agenda, 'agenda'],
  [/^\/funnel$/, funnel, 'funnel'],
  [/^\/companies$/, companies, 'companies'],
  [/^\/workplace\/(\d+)$/, companies, 'companies'],
  [/^\/company$/, companies, 'companies'],
  [/^\/screen$/, screen, 'screen'],
  [/^\/offers$/, offers, 'offers'],
  [/^\/decide$/, decide, 'decide'],
  [/^\/decide\/(\d+)$/, decide, 'decide'],
  [/^\/timeline$/, timeline, 'timeline'],
  [/^\/watch$/, watch, 'watch'],
  [/^\/import$/, importPage, 'import'],
];
const navKeys = ['board', 'agenda', 'funnel', 'companies', 'screen', 'offers', 'decide', 'timeline'];
navKeys.push('watch', 'import');

// The journal (회고록): entries, the Markdown editor, the retrospective import.
routes.push([/^\/journal(?:\/(new|import|\d+)(?:\/(edit|import))?)?$/, journal, 'journal']);
navKeys.push('journal');

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/board';
  const [path, q] = raw.split('?');
  return { path, query: new URLSearchParams(q || '') };
}

function drawNav(active) {
  const nav = clear(document.getElementById('nav'));
  for (const k of navKeys)
    nav.appendChild(h('a', { href: `#/${k}`, class: k === active ? 'active' : '', 'aria-current': k === active ? 'page' : null }, t(k)));
  document.getElementById('lang').textContent = t('lang');
}

let renderSeq = 0;
async function route() {
  const { path, query } = parseHash();
  const main = document.getElementById('main');
  for (const [re, page, key] of routes) {
    const m = re.exec(path);
    if (!m) continue;
    drawNav(key);
    const seq = ++renderSeq;
    const holder = h('div', { class: 'page' }, h('p', { class: 'muted' }, t('loading')));
    clear(main).appendChild(holder);
    try {
      await page.render(holder, m, query, () => seq === renderSeq);
    } catch (e) {
      if (seq === renderSeq) clear(holder).appendChild(h('p', { class: 'error' }, e.message || String(e)));
    }
    document.title = `ijik · ${t(key)}`;
    return;
  }
  location.hash = '#/board';
}

document.getElementById('lang').addEventListener('click', () => {
  toggleLang();
  route();
});
document.documentElement.lang = currentLang();
window.addEventListener('hashchange', route);
window.addEventListener('unhandledrejection', (e) => toast(e.reason?.message || String(e.reason), true));
route();
