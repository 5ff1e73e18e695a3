// API tests for every endpoint of docs/api.md and the security rules:
// missing token, wrong Host, cross-origin and CSRF-less writes, XSS payloads
// kept as data, oversized bodies, path traversal, JSON errors.
import http from 'node:http';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawn, execFileSync } from 'node:child_process';
import { workspace, start, request, cli, bin, env, testsDir, generateNps } from './harness.mjs';

let ws;
let s;
const get = (p) => request(s, 'GET', p);
const send = (m, p, body) => request(s, m, p, { body });

function assertError(r, status, pattern) {
  assert.equal(r.status, status, r.text);
  assert.match(r.headers['content-type'], /application\/json/);
  assert.equal(r.json.error.status, status);
  assert.equal(typeof r.json.error.code, 'string');
  if (pattern) assert.match(r.json.error.message, pattern);
  assert.doesNotMatch(r.text, /what\(\)|terminate|Traceback|\.cc:\d+/);
}

before(async () => {
  ws = workspace();
  s = await start(ws.db);
});
after(async () => {
  await s.stop();
});

test('the token URL sets an HttpOnly SameSite=Strict cookie and drops the token', () => {
  assert.equal(s.loginStatus, 303);
  assert.equal(s.loginLocation, '/');
  assert.match(s.setCookie, /^ijik_token=[0-9a-f]{64}; Path=\/; HttpOnly; SameSite=Strict$/);
  assert.match(s.csrf, /^[0-9a-f]{64}$/);
  assert.notEqual(s.csrf, s.token);
});

test('without the token every API call and page gets 401', async () => {
  for (const path of ['/api/board', '/api/session', '/api/applications', '/', '/app.js']) {
    const r = await request(s, 'GET', path, { headers: {} });
    assertError(r, 401, /token/);
  }
  const wrong = await request(s, 'GET', '/api/board', { headers: { Cookie: `ijik_token=${'0'.repeat(64)}` } });
  assertError(wrong, 401);
  const badLogin = await request(s, 'GET', `/?token=${'f'.repeat(64)}`, { headers: {} });
  assertError(badLogin, 401);
  assert.equal(badLogin.headers['set-cookie'], undefined);
});

test('a wrong Host header is refused (DNS rebinding), even with the cookie', async () => {
  for (const host of [`evil.example:${s.port}`, 'evil.example', `127.0.0.1:${s.port + 1}`]) {
    const r = await request(s, 'GET', '/api/board', { headers: { Cookie: s.cookie, Host: host } });
    assertError(r, 403, /host/);
  }
  const ok = await request(s, 'GET', '/api/board', { headers: { Cookie: s.cookie, Host: `localhost:${s.port}` } });
  assert.equal(ok.status, 200);
});

test('index and assets are served with a CSP and nosniff', async () => {
  const r = await get('/');
  assert.equal(r.status, 200);
  assert.match(r.headers['content-type'], /text\/html/);
  assert.match(r.text, /<script src="\/app.js">/);
  assert.match(r.headers['content-security-policy'], /script-src 'self'/);
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
  const js = await get('/app.js');
  assert.equal(js.status, 200);
  assert.match(js.headers['content-type'], /javascript/);
  const css = await get('/app.css');
  assert.match(css.text, /\.uplot/);
});

test('static files cannot escape their folder', async () => {
  for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/app.js/../../CMakeLists.txt', '//etc/passwd', '/index.html%00.js', '/src/main.js']) {
    const r = await get(path);
    assert.ok(r.status === 404 || r.status === 400, `${path} → ${r.status}`);
    assert.doesNotMatch(r.text, /root:|cmake_minimum_required|import /);
    assert.match(r.headers['content-type'], /application\/json/);
  }
});

test('GET /api/session', async () => {
  const r = await get('/api/session');
  assert.equal(r.status, 200);
  assert.equal(r.json.csrf, s.csrf);
  assert.equal(r.json.today, '2026-03-05');
  assert.equal(r.headers['cache-control'], 'no-store');
});

test('POST /api/applications with a template; GET list, one, board', async () => {
  const r = await send('POST', '/api/applications', { company: '네이버', role: '백엔드 엔지니어', process: '경력', source: 'referral', via: '김민수', date: '2026-02-20', salary: '8000만-9500만' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.company, '네이버');
  assert.deepEqual(r.json.stages.map((x) => x.name), ['서류', '1차 면접', '2차 면접', '처우협의']);
  assert.equal(r.json.salary_min, 80000000);
  const list = await get('/api/applications');
  assert.equal(list.json.length, 1);
  const one = await get(`/api/applications/${r.json.id}`);
  assert.equal(one.json.role, '백엔드 엔지니어');
  const board = await get('/api/board');
  assert.equal(board.json.columns[0].key, 'document');
  assert.deepEqual(board.json.columns[0].applications, [r.json.id]);
  const active = await get('/api/applications?status=active');
  assert.equal(active.json.length, 1);
});

test('bad input answers 400 with the command\'s one-line message; unknown ids 404', async () => {
  assertError(await send('POST', '/api/applications', { company: '토스' }), 400, /role/);
  assertError(await send('POST', '/api/applications', { company: '토스', role: 'x', date: '2026-13-45' }), 400, /date/);
  assertError(await send('POST', '/api/applications', { company: '토스', role: 'x', process: '없는템플릿' }), 404);
  assertError(await send('POST', '/api/applications', { company: { a: 1 }, role: 'x' }), 400, /company/);
  assertError(await get('/api/applications/999'), 404, /999/);
  assertError(await get('/api/applications?status=bogus'), 400);
  assertError(await get('/api/nothing-here'), 404);
});

test('PATCH /api/applications/:id edits in place; an empty field clears', async () => {
  const r = await send('PATCH', '/api/applications/1', { team: '검색플랫폼', note: '리크루터 통화', salary: '8500만-9000만' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.team, '검색플랫폼');
  assert.equal(r.json.note, '리크루터 통화');
  assert.equal(r.json.salary_max, 90000000);
  assert.equal(r.json.role, '백엔드 엔지니어');
  const cleared = await send('PATCH', '/api/applications/1', { note: '' });
  assert.equal(cleared.json.note, '');
  assert.equal(cleared.json.team, '검색플랫폼');
  assertError(await send('PATCH', '/api/applications/1', { role: ' ' }), 400, /role/);
  assertError(await send('PATCH', '/api/applications/1', {}), 400, /nothing to change/);
  assertError(await send('PATCH', '/api/applications/1', { source: 'carrier pigeon' }), 400);
  assertError(await send('PATCH', '/api/applications/999', { note: 'x' }), 404);
});

test('a value starting with a dash stays a value, never a flag', async () => {
  const r = await send('POST', '/api/applications', { company: '--help', role: '--db=/tmp/x' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.company, '--help');
  assert.equal(r.json.role, '--db=/tmp/x');
  assert.equal((await send('DELETE', `/api/applications/${r.json.id}`)).status, 200);
  assertError(await get(`/api/applications/${r.json.id}`), 404);
});

test('POST /api/applications/:id/stages moves and marks results', async () => {
  const r = await send('POST', '/api/applications/1/stages', { name: '서류', result: 'passed', on: '2026-02-25' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.current_stage, '1차 면접');
  const r2 = await send('POST', '/api/applications/1/stages', { name: '1차 면접', on: '2026-03-10 14:00', note: '팀장 면접', questions: ['Kafka 파티션은?', '장애 경험'] });
  const st = r2.json.stages.find((x) => x.name === '1차 면접');
  assert.equal(st.date, '2026-03-10');
  assert.equal(st.time, '14:00');
  assert.equal(st.note, '팀장 면접');
  assert.deepEqual(st.questions, ['Kafka 파티션은?', '장애 경험']);
  assertError(await send('POST', '/api/applications/1/stages', { name: '서류', result: 'maybe' }), 400, /maybe/);
  assertError(await send('POST', '/api/applications/1/stages', { result: 'passed' }), 400, /name/);
});

test('withdraw and accept', async () => {
  const a = await send('POST', '/api/applications', { company: '쿠팡', role: '데이터 분석가' });
  const w = await send('POST', `/api/applications/${a.json.id}/withdraw`);
  assert.equal(w.status, 200, w.text);
  assert.equal(w.json.status, 'withdrawn');
  const b = await send('POST', '/api/applications', { company: '당근', role: 'Data Engineer', date: '2026-01-10' });
  await send('POST', `/api/applications/${b.json.id}/stages`, { name: '최종합격', result: 'passed', on: '2026-02-20' });
  const acc = await send('POST', `/api/applications/${b.json.id}/accept`);
  assert.equal(acc.status, 200, acc.text);
  assert.equal(acc.json.status, 'accepted');
  assertError(await send('POST', `/api/applications/${b.json.id}/accept`, { start: 'soon' }), 400, /soon/);
});

test('GET/POST /api/processes', async () => {
  const r = await send('POST', '/api/processes', { name: '외국계', stages: ['폰 스크린', '코딩 인터뷰', '최종 면접'] });
  assert.equal(r.status, 201, r.text);
  assert.ok(r.json.some((p) => p.name === '외국계'));
  const list = await get('/api/processes');
  assert.ok(list.json.some((p) => p.name === '경력' && p.builtin));
  assertError(await send('POST', '/api/processes', { name: '외국계', stages: ['a'] }), 409);
});

test('GET/POST /api/contacts', async () => {
  const r = await send('POST', '/api/contacts', { name: '이수진', company: '커리어앤', email: 'sujin@example.com', apps: [1] });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(r.json.applications, [1]);
  const list = await get('/api/contacts');
  assert.equal(list.json[0].name, '이수진');
  assert.deepEqual((await get('/api/applications/1')).json.contacts, [r.json.id]);
});

test('PATCH and DELETE /api/contacts/:id', async () => {
  const c = await send('POST', '/api/contacts', { name: '박지영', company: '서치펌', phone: '010-1111-2222', apps: [1] });
  const id = c.json.id;
  const r = await send('PATCH', `/api/contacts/${id}`, { email: 'jy@example.com', note: '주 1회 연락', company: '' });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual([r.json.name, r.json.company, r.json.email, r.json.phone, r.json.note], ['박지영', '', 'jy@example.com', '010-1111-2222', '주 1회 연락']);
  assert.deepEqual(r.json.applications, [1]);
  assertError(await send('PATCH', `/api/contacts/${id}`, {}), 400, /nothing to change/);
  assertError(await send('PATCH', `/api/contacts/${id}`, { name: '' }), 400, /name/);
  assertError(await send('PATCH', `/api/contacts/${id}`, { email: 'nobody' }), 400, /email/);
  assertError(await send('PATCH', '/api/contacts/999', { note: 'x' }), 404);
  const del = await send('DELETE', `/api/contacts/${id}`);
  assert.equal(del.status, 200, del.text);
  assert.ok(!(await get('/api/contacts')).json.some((x) => x.id === id));
  assert.ok(!(await get('/api/applications/1')).json.contacts.includes(id));
  assertError(await send('DELETE', `/api/contacts/${id}`), 404);
});

test('GET /api/agenda and /api/agenda.ics', async () => {
  const r = await get('/api/agenda?days=14');
  assert.equal(r.status, 200);
  assert.ok(r.json.some((i) => i.stage === '1차 면접' && i.date === '2026-03-10' && i.days_away === 5));
  assertError(await get('/api/agenda?days=abc'), 400);
  const ics = await get('/api/agenda.ics');
  assert.equal(ics.status, 200);
  assert.match(ics.headers['content-type'], /text\/calendar/);
  assert.match(ics.headers['content-disposition'], /attachment; filename="ijik-agenda.ics"/);
  assert.match(ics.text, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics.text, /SUMMARY:.*1차 면접/);
});

test('GET /api/funnel, by source', async () => {
  const r = await get('/api/funnel');
  assert.equal(r.status, 200);
  assert.ok(r.json.applications >= 3);
  assert.equal(r.json.stages[0].kind, 'document');
  const by = await get('/api/funnel?by=source');
  assert.ok(by.json.by_source.referral);
  assertError(await get('/api/funnel?since=yesterday'), 400);
});

test('company list, search (초성 too), report, workplace', async () => {
  const companies = await get('/api/companies');
  assert.ok(companies.json.some((c) => c.name === '네이버'));
  const hits = await get(`/api/companies/search?q=${encodeURIComponent('물방울')}`);
  assert.equal(hits.status, 200, hits.text);
  const wp = hits.json.find((h) => h.kind === 'workplace');
  assert.ok(wp, hits.text);
  const chosung = await get(`/api/companies/search?q=${encodeURIComponent('ㅁㅂㅇ')}`);
  assert.ok(chosung.json.some((h) => h.id === wp.id), chosung.text);
  const mine = await get(`/api/companies/search?q=${encodeURIComponent('ㄴㅇㅂ')}`);
  assert.ok(mine.json.some((h) => h.kind === 'company' && h.name === '네이버'));
  assertError(await get('/api/companies/search?q=%20'), 400);
  const report = await get(`/api/workplaces/${wp.id}`);
  assert.equal(report.status, 200, report.text);
  assert.equal(report.json.kind, 'workplace');
  assert.equal(report.json.series.length, 4);
  assert.ok(report.json.series.every((p) => Number.isInteger(p.headcount) && 'new' in p && 'lost' in p));
  assert.ok('pay_month_est' in report.json.metrics);
  const byName = await get(`/api/companies/report?name=${encodeURIComponent('네이버')}`);
  assert.equal(byName.json.name, '네이버');
  assert.ok(Array.isArray(byName.json.applications));
  assertError(await get('/api/companies/report'), 400, /name/);
  assertError(await get('/api/workplaces/99999999'), 404);
});

test('GET /api/screen and /api/data/status', async () => {
  const r = await get('/api/screen?min_headcount=1&sort=name&limit=5');
  assert.equal(r.status, 200, r.text);
  assert.ok(r.json.length > 0 && r.json.length <= 5);
  const names = r.json.map((x) => x.name);
  assert.ok(r.json.every((x) => x.headcount >= 1));
  assert.ok(names.length >= 1);
  assertError(await get('/api/screen?growth_12m=lots'), 400, /growth/);
  const status = await get('/api/data/status');
  assert.equal(status.status, 200);
});

test('offers: add, list, compare with the current job', async () => {
  cli(ws.db, 'job', 'add', '야놀자', '--title', '백엔드', '--from', '2023-01-02', '--pay', '6500만');
  const tl = await get('/api/timeline');
  assert.equal(tl.status, 200);
  assert.ok(tl.json.jobs.some((j) => j.company === '야놀자' && j.from === '2023-01-02' && j.pay === 65000000));
  const a = await send('POST', '/api/applications', { company: '토스', role: 'Server' });
  const o1 = await send('POST', '/api/offers', { app: 1, base: '9000만', signing: '1000만', deadline: '2026-03-09', benefits: ['식대'] });
  assert.equal(o1.status, 201, o1.text);
  const o2 = await send('POST', '/api/offers', { app: a.json.id, base: '8500만', bonus: '10%' });
  assert.equal(o2.status, 201, o2.text);
  assert.equal(o2.json.length, 2);
  const list = await get('/api/offers');
  assert.equal(list.json.length, 2);
  const cmp = await get(`/api/offers/compare?apps=1,${a.json.id}`);
  assert.equal(cmp.status, 200, cmp.text);
  assert.equal(cmp.json.baseline.pay, 65000000);
  assert.equal(cmp.json.offers[0].first_year_cash, 100000000);
  assert.equal(cmp.json.offers[1].bonus, 8500000);
  assertError(await get('/api/offers/compare?apps=2'), 404);
  assertError(await send('POST', '/api/offers', { app: 1, base: 'lots' }), 400);
});

// --- Vetting, the watch list and alerts ---
const dartFixtures = () => readdirSync(join(testsDir, 'fixtures/dart')).map((f) => join(testsDir, 'fixtures/dart', f));
async function workplaceId(name) {
  const hits = await get(`/api/companies/search?q=${encodeURIComponent(name)}`);
  return hits.json.find((x) => x.kind === 'workplace').id;
}

test('GET /api/companies/vet and /api/workplaces/:id/vet: grade, flags with evidence, pay, finances, coverage', async () => {
  cli(ws.db, 'data', 'import', 'dart', ...dartFixtures(), '--quiet', '--rejects', join(ws.dir, 'rejects'));
  cli(ws.db, 'company', 'add', '한빛소프트');
  cli(ws.db, 'company', 'link', '한빛소프트', '--dart', '035999');
  const v = await get(`/api/companies/vet?name=${encodeURIComponent('한빛소프트')}`);
  assert.equal(v.status, 200, v.text);
  assert.equal(v.json.kind, 'company');
  assert.match(v.json.grade, /^[A-E]$/);
  assert.ok(v.json.flags.some((f) => f.rule === 'profitable' && f.kind === 'green' && /operating income/.test(f.evidence)));
  assert.deepEqual(v.json.finances.map((y) => y.year), [2022, 2023, 2024]);
  assert.ok(v.json.finances.every((y) => Number.isInteger(y.revenue) && 'operating_income' in y));
  assert.ok(v.json.coverage.some((c) => /not linked to a public workplace/.test(c)));
  assert.equal(v.json.pay, null);
  const wp = await workplaceId('바람결');
  const w = await get(`/api/workplaces/${wp}/vet`);
  assert.equal(w.status, 200, w.text);
  assert.equal(w.json.kind, 'workplace');
  assert.equal(w.json.id, wp);
  assert.equal(w.json.grade, 'E');
  const drop = w.json.flags.find((f) => f.rule === 'headcount-drop');
  assert.equal(drop.kind, 'red');
  assert.equal(drop.severity, 'severe');
  assert.equal(drop.month, '2025-02');
  assert.match(drop.evidence, /113 .* 57/);
  assert.equal(typeof w.json.pay.lower_bound, 'boolean');
  assert.ok('percentile' in w.json.pay && 'median' in w.json.pay);
  assert.equal(w.json.workforce.series.length, 4);
  // The id is a workplace's even when one of your companies has that id.
  const one = await get('/api/workplaces/1/vet');
  assert.equal(one.json.kind, 'workplace');
  assert.equal(one.json.id, 1);
  assertError(await get('/api/workplaces/99999999/vet'), 404);
  assertError(await get('/api/companies/vet'), 400, /name/);
  assertError(await get(`/api/companies/vet?name=${encodeURIComponent('없는회사')}`), 404, /없는회사/);
});

test('watch list: add, list, refuse a second add, remove; alerts with evidence and dates', async () => {
  const wp = await workplaceId('바람결');
  const added = await send('POST', '/api/watches', { workplace: wp });
  assert.equal(added.status, 201, added.text);
  const entry = added.json.find((x) => x.kind === 'workplace' && x.id === wp);
  assert.equal(entry.grade, 'E');
  assert.equal(entry.why, 'added');
  assert.equal(entry.added_at, '2026-03-05T09:00:00Z');
  assertError(await send('POST', '/api/watches', { workplace: wp }), 409, /already/);
  const mine = await send('POST', '/api/watches', { company: '한빛소프트', current: true });
  assert.equal(mine.status, 201, mine.text);
  // The career timeline's open job (야놀자, added by the offers test) stays the current employer.
  assert.ok(mine.json.some((x) => x.kind === 'company' && x.company === '한빛소프트' && !x.current));
  assert.ok(mine.json.some((x) => x.company === '야놀자' && x.current));
  assert.equal((await get('/api/watches')).json.length, 3);
  // Adding a watch records the flags already visible as alerts.
  const alerts = await get('/api/alerts?all=1');
  assert.equal(alerts.status, 200, alerts.text);
  const a = alerts.json.find((x) => x.rule === 'headcount-drop');
  assert.ok(a, alerts.text);
  assert.equal(a.kind, 'workplace');
  assert.equal(a.id, wp);
  assert.equal(a.month, '2025-02');
  assert.equal(a.raised_at, '2026-03-05T09:00:00Z');
  assert.match(a.evidence, /113/);
  assert.ok(a.message_ko && a.message_en);
  assert.deepEqual((await get('/api/alerts?since=2025-03')).json.map((x) => x.rule), ['withdrawal']);
  assert.deepEqual((await get('/api/alerts')).json, []);  // the last six months before today: none
  assertError(await get('/api/alerts?since=2025-13'), 400, /since/);
  assertError(await send('POST', '/api/watches', {}), 400, /company/);
  assertError(await send('POST', '/api/watches', { company: '한빛소프트', workplace: wp }), 400);
  assertError(await send('POST', '/api/watches', { company: '없는회사' }), 404);
  const removed = await send('DELETE', `/api/watches/workplace/${wp}`);
  assert.equal(removed.status, 200, removed.text);
  assert.ok(!removed.json.some((x) => x.kind === 'workplace' && x.id === wp));
  assertError(await send('DELETE', `/api/watches/workplace/${wp}`), 404, /not on the watch list/);
  assertError(await send('DELETE', '/api/watches/nothing/1'), 404);
  // A company id is never read as a workplace id, and the other way round.
  assertError(await send('DELETE', `/api/watches/company/${wp + 1000}`), 404, /no company/);
  assertError(await send('POST', '/api/watches', { company: String(wp + 1000) }), 404, /no company/);
  const c = (await get('/api/watches')).json.find((x) => x.company === '한빛소프트');
  assert.equal((await send('DELETE', `/api/watches/company/${c.id}`)).status, 200);
  // The career timeline's open job is always watched and cannot be removed.
  const list = (await get('/api/watches')).json;
  const current = list.find((x) => x.why === 'current employer (career timeline)');
  assert.equal(current.company, '야놀자');
  assertError(await send('DELETE', `/api/watches/company/${current.id}`), 409, /always watched/);
});

test('a company named with an XSS payload is watched and returned as data', async () => {
  const payload = '<img src=x onerror=alert(7)>';
  cli(ws.db, 'company', 'add', payload);
  const r = await send('POST', '/api/watches', { company: payload });
  assert.equal(r.status, 201, r.text);
  assert.match(r.headers['content-type'], /^application\/json/);
  assert.ok(r.json.some((x) => x.company === payload));
  const v = await get(`/api/companies/vet?name=${encodeURIComponent(payload)}`);
  assert.equal(v.json.company, payload);
  const id = r.json.find((x) => x.company === payload).id;
  assert.equal((await send('DELETE', `/api/watches/company/${id}`)).status, 200);
});

test('company link: suggestions, a public workplace and a DART company; then the report has both', async () => {
  cli(ws.db, 'company', 'add', '새솔테크');
  const sug = await get(`/api/companies/link?company=${encodeURIComponent('새솔테크')}`);
  assert.equal(sug.status, 200, sug.text);
  assert.equal(sug.json.company, '새솔테크');
  assert.ok(Array.isArray(sug.json.workplaces));
  const d = sug.json.dart.find((x) => x.stock_code === '052999');
  assert.ok(d, sug.text);
  assert.equal(d.code, '052999');
  const wp = await workplaceId('물방울');
  const r = await send('POST', '/api/companies/link', { company: '새솔테크', workplace: wp, dart: d.code });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.name, '새솔테크');
  assert.equal(r.json.workplace.id, wp);
  assert.equal(r.json.dart.stock_code, '052999');
  const v = await get(`/api/companies/vet?name=${encodeURIComponent('새솔테크')}`);
  assert.ok(v.json.workforce && v.json.finances.length > 0, v.text);
  assertError(await send('POST', '/api/companies/link', { company: '새솔테크' }), 400, /workplace/);
  assertError(await send('POST', '/api/companies/link', { workplace: wp }), 400, /company/);
  assertError(await send('POST', '/api/companies/link', { company: '없는회사', workplace: wp }), 404);
  assertError(await send('POST', '/api/companies/link', { company: '새솔테크', workplace: '99999999' }), 404);
  assertError(await send('POST', '/api/companies/link', { company: '새솔테크', dart: '000000' }), 404);
  assertError(await get('/api/companies/link'), 400, /company/);
});

test('POST /api/jobs adds a job; POST /api/jobs/:id/end ends one', async () => {
  const past = await send('POST', '/api/jobs', { company: '메디AI', title: 'AI 연구원', from: '2020-07-01', to: '2022-02-28', type: 'intern', reason: '제품 조직으로' });
  assert.equal(past.status, 201, past.text);
  const job = past.json.jobs.find((j) => j.company === '메디AI');
  assert.deepEqual([job.from, job.to, job.type, job.reason], ['2020-07-01', '2022-02-28', 'intern', '제품 조직으로']);
  const side = await send('POST', '/api/jobs', { company: '사이드', title: '자문', from: '2025-01-01', type: 'contract', pay: '1200만' });
  assert.equal(side.status, 201, side.text);
  const open = side.json.jobs.find((j) => j.company === '사이드');
  assert.equal(open.to, null);
  assert.equal(open.pay, 12000000);
  const ended = await send('POST', `/api/jobs/${open.id}/end`, { on: '2025-12-31', reason: '계약 만료' });
  assert.equal(ended.status, 200, ended.text);
  assert.equal(ended.json.jobs.find((j) => j.id === open.id).to, '2025-12-31');
  assertError(await send('POST', '/api/jobs', { company: 'x', title: 'y', from: '2020-13-01' }), 400, /2020-13-01/);
  assertError(await send('POST', '/api/jobs', { company: 'x', title: 'y' }), 400, /from/);
  assertError(await send('POST', '/api/jobs', { company: 'x', title: 'y', from: '2020-01-01', type: 'slave' }), 400);
  assertError(await send('POST', '/api/jobs/999/end', { on: '2025-12-31' }), 404);
  assertError(await send('POST', `/api/jobs/${open.id}/end`, {}), 400, /on/);
});

test('the new endpoints need the token, the right Host, and (for writes) Origin and CSRF', async () => {
  const reads = ['/api/companies/vet?name=x', '/api/workplaces/1/vet', '/api/watches', '/api/alerts', '/api/companies/link?company=x', '/api/data/rejects/x.csv'];
  for (const path of reads) {
    assertError(await request(s, 'GET', path, { headers: {} }), 401);
    assertError(await request(s, 'GET', path, { headers: { Cookie: s.cookie, Host: 'evil.example' } }), 403);
  }
  const writes = [['POST', '/api/watches'], ['DELETE', '/api/watches/workplace/1'], ['POST', '/api/companies/link'], ['POST', '/api/jobs'],
    ['POST', '/api/jobs/1/end'], ['PATCH', '/api/contacts/1'], ['DELETE', '/api/contacts/1']];
  const before = (await get('/api/watches')).json;
  for (const [method, path] of writes) {
    const body = JSON.stringify({ company: '악성', workplace: 1 });
    const h = { Cookie: s.cookie, Host: s.host, 'Content-Type': 'application/json' };
    assertError(await request(s, method, path, { headers: { ...h, Origin: 'http://evil.example', 'X-Ijik-Csrf': s.csrf }, raw: body }), 403);
    assertError(await request(s, method, path, { headers: { ...h, Origin: s.origin }, raw: body }), 403);
    assertError(await request(s, method, path, { headers: { 'Content-Type': 'application/json' }, raw: body }), 401);
  }
  assert.deepEqual((await get('/api/watches')).json, before);
});

// --- Uploads (POST /api/data/import/{nps,dart}) on a workspace of their own ---
let up;
const uploadHeaders = (srv) => ({ Cookie: srv.cookie, Origin: srv.origin, 'X-Ijik-Csrf': srv.csrf, 'Content-Type': 'application/octet-stream' });
const uploadTo = (srv, kind, name, bytes, headers = uploadHeaders(srv)) =>
  request(srv, 'POST', `/api/data/import/${kind}?name=${encodeURIComponent(name)}`, { headers: { ...headers }, raw: bytes });
const dump = (db) => execFileSync('sqlite3', [db, '.dump'], { encoding: 'utf8', maxBuffer: 1 << 28 });
const leftovers = (dir) => readdirSync(dir).filter((f) => f.startsWith('.ijik-upload'));

// Announces `size` bytes, writes 64 KiB, and returns the answer (the server answers from the header alone).
function announce(srv, path, size, headers) {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request({ host: '127.0.0.1', port: srv.port, method: 'POST', path, setHost: false, agent: false, headers: { Host: srv.host, ...headers, 'Content-Length': size } }, (res) => {
      answered = true;
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        req.destroy();
        resolve({ status: res.statusCode, headers: res.headers, text, json: JSON.parse(text) });
      });
    });
    req.on('error', (e) => { if (!answered) reject(e); });
    req.write(Buffer.alloc(64 * 1024, 0x61));
  });
}

test('uploads: a generated NPS file of a few MiB, a .gz, a DART file; the summary; no temporary file left', async () => {
  const ws2 = workspace({ nps: false });
  up = await start(ws2.db);
  up.ws = ws2;
  const [big] = generateNps({ workplaces: 15000, end: '2025-06', seed: 3 });
  const bytes = readFileSync(big);
  assert.ok(bytes.length > 3 * 1024 * 1024, `${bytes.length} bytes`);
  const r = await uploadTo(up, 'nps', basename(big), bytes);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.length, 1);
  const f = r.json[0];
  assert.equal(f.file, basename(big));
  assert.equal(f.month, '2025-06');
  assert.ok(f.rows > 14000 && f.new === f.imported && f.continued === 0, r.text);
  assert.equal(f.rejected, 0);
  assert.equal(f.rejects_url, null);
  assert.equal(f.bytes, bytes.length);
  assert.equal(typeof f.seconds, 'number');
  const gz = await uploadTo(up, 'nps', 'nps-202501.csv.gz', gzipSync(readFileSync(join(testsDir, 'fixtures/nps/nps-202501.csv'))));
  assert.equal(gz.status, 200, gz.text);
  assert.equal(gz.json[0].month, '2025-01');
  assert.equal(gz.json[0].rows, 60);
  const status = await request(up, 'GET', '/api/data/status');
  assert.deepEqual(status.json.months.map((m) => [m.month, m.file]), [['2025-01', 'nps-202501.csv.gz'], ['2025-06', basename(big)]]);
  const dartName = '2024_사업보고서_02_손익계산서_연결_20250512.txt';
  const d = await uploadTo(up, 'dart', dartName, readFileSync(join(testsDir, 'fixtures/dart', dartName)));
  assert.equal(d.status, 200, d.text);
  assert.equal(d.json[0].file, dartName);
  assert.equal(d.json[0].year, 2024);
  assert.equal(d.json[0].statement, 'income');
  assert.equal(d.json[0].basis, 'consolidated');
  assert.equal(d.json[0].companies, 3);
  assert.deepEqual(leftovers(ws2.dir), []);
});

test('uploads: rejected rows are counted and their file downloads under the upload\'s name', async () => {
  const raw = readFileSync(join(testsDir, 'fixtures/nps/nps-202502.csv'));
  const eol = raw.indexOf(0x0a) + 1;  // after the header line (ASCII is the same in CP949)
  const bad = Buffer.concat([raw.subarray(0, eol), Buffer.from('garbage,row\r\n'), raw.subarray(eol)]);
  const r = await uploadTo(up, 'nps', '2월 파일.csv', bad);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json[0].rejected, 1);
  assert.match(r.json[0].rejects_url, /^\/api\/data\/rejects\/[^/]+\.csv$/);
  const rej = await request(up, 'GET', r.json[0].rejects_url);
  assert.equal(rej.status, 200, rej.text);
  assert.match(rej.headers['content-type'], /^text\/csv/);
  assert.match(rej.headers['content-disposition'], /^attachment; filename\*=UTF-8''/);
  assert.match(rej.text, /^\uFEFFfile,line,reason,row\r\n2월 파일\.csv,2,.*garbage,row/);
  assert.doesNotMatch(rej.text, /ijik-upload/);
});

test('a failed upload leaves the workspace unchanged and no temporary file', async () => {
  const before = dump(up.ws.db);
  const nps = readFileSync(join(testsDir, 'fixtures/nps/nps-202503.csv'));
  assertError(await uploadTo(up, 'nps', 'statement.txt', readFileSync(join(testsDir, 'fixtures/dart', '2024_사업보고서_01_재무상태표_20250512.txt'))), 400, /^statement\.txt: not a National Pension workplace file/);
  assertError(await uploadTo(up, 'dart', 'nps-202503.csv', nps), 400, /^nps-202503\.csv: not an OpenDART/);
  assertError(await uploadTo(up, 'nps', 'cut.csv.gz', gzipSync(nps).subarray(0, 2000)), 400, /cut\.csv\.gz/);
  assertError(await uploadTo(up, 'nps', 'header-only.csv', nps.subarray(0, nps.indexOf(0x0a) + 1)), 400, /no valid data row/);
  assertError(await uploadTo(up, 'nps', 'empty.csv', Buffer.alloc(0)), 400, /empty/);
  assertError(await uploadTo(up, 'nps', '', nps), 400, /name/);
  assertError(await uploadTo(up, 'nps', '../../escape.csv', nps), 400, /folder|dot/);
  assertError(await uploadTo(up, 'nps', 'a/b.csv', nps), 400, /folder/);
  assertError(await uploadTo(up, 'nps', '.hidden.csv', nps), 400, /dot/);
  assertError(await uploadTo(up, 'xls', 'a.csv', nps), 404);
  assert.ok(!existsSync(join(up.ws.dir, '..', 'escape.csv')));
  assert.equal(dump(up.ws.db), before);
  assert.deepEqual(leftovers(up.ws.dir), []);
});

test('upload security and limits: token, Origin, CSRF; 1 GiB for uploads, 1 MiB and no chunking elsewhere', async () => {
  const nps = readFileSync(join(testsDir, 'fixtures/nps/nps-202504.csv'));
  const before = dump(up.ws.db);
  assertError(await uploadTo(up, 'nps', 'a.csv', nps, { 'Content-Type': 'application/octet-stream' }), 401);
  assertError(await uploadTo(up, 'nps', 'a.csv', nps, { ...uploadHeaders(up), Origin: 'http://evil.example' }), 403);
  assertError(await uploadTo(up, 'nps', 'a.csv', nps, { ...uploadHeaders(up), 'X-Ijik-Csrf': 'wrong' }), 403);
  assertError(await uploadTo(up, 'nps', 'a.csv', nps, { ...uploadHeaders(up), Host: 'evil.example' }), 403);
  assert.equal(dump(up.ws.db), before);
  const huge = await announce(up, '/api/data/import/nps?name=huge.csv', 1024 * 1024 * 1024 + 1, uploadHeaders(up));
  assertError(huge, 413, /1073741824/);
  // A JSON endpoint keeps 1 MiB: 1 MiB + 1 byte is refused, where the upload above passed 3 MiB.
  const json = await announce(up, '/api/watches', 1024 * 1024 + 1, { ...uploadHeaders(up), 'Content-Type': 'application/json' });
  assertError(json, 413, /1048576/);
  const chunked = await new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: up.port, method: 'POST', path: '/api/applications', setHost: false, agent: false, headers: { Host: up.host, ...uploadHeaders(up), 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } }, (res) => {
      let text = '';
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end('{"company":"a","role":"b"}');
  });
  assertError(chunked, 411, /Content-Length/);
  assert.equal(dump(up.ws.db), before);
});

test('rejects files cannot be read outside their folder', async () => {
  for (const path of ['/api/data/rejects/..%2F..%2Fijik.db', '/api/data/rejects/..%2Fijik.db', '/api/data/rejects/%2E%2E', '/api/data/rejects/.x.csv',
    '/api/data/rejects/ijik.db', '/api/data/rejects/..%5Cijik.db', '/api/data/rejects/nothing.csv', '/api/data/rejects/%2Fetc%2Fpasswd']) {
    const r = await request(up, 'GET', path);
    assertError(r, 404);
    assert.doesNotMatch(r.text, /SQLite format|root:/);
  }
  await up.stop();
});

test('decisions: new, list, show, weights, scores, notes, likelihood, close', async () => {
  const created = await send('POST', '/api/decisions', { title: '2026 이직', options: ['1', '4', 'stay'] });
  assert.equal(created.status, 201, created.text);
  const id = created.json[0].id;
  let d = (await get(`/api/decisions/${id}`)).json;
  assert.equal(d.options.length, 3);
  assert.equal(d.criteria[0].name, '보상');
  d = (await send('PUT', `/api/decisions/${id}/scores`, { option: '네이버', criterion: '보상', score: 9 })).json;
  d = (await send('PUT', `/api/decisions/${id}/scores`, { option: '토스', criterion: '성장', score: 8 })).json;
  assert.equal(d.ranking[0], '네이버');
  const w = await send('PUT', `/api/decisions/${id}/criteria`, { set: { 보상: 10, 성장: 40 } });
  assert.equal(w.status, 200, w.text);
  assert.equal(w.json.criteria.find((c) => c.name === '성장').weight, 40);
  assert.equal(w.json.ranking[0], '토스');
  assert.ok('sensitivity' in w.json);
  assertError(await send('PUT', `/api/decisions/${id}/criteria`, { set: { 보상: 'many' } }), 400);
  assertError(await send('PUT', `/api/decisions/${id}/criteria`, { set: { 보상: -1 } }), 400);
  const n = await send('POST', `/api/decisions/${id}/notes`, { option: '토스', kind: 'pro', text: '성장' });
  assert.deepEqual(n.json.options.find((o) => o.name === '토스').pros, ['성장']);
  const l = await send('PUT', `/api/decisions/${id}/likelihood`, { option: '토스', pct: 70 });
  assert.equal(l.json.options.find((o) => o.name === '토스').likelihood, 70);
  assertError(await send('PUT', `/api/decisions/${id}/scores`, { option: '없음', criterion: '보상', score: 1 }), 404);
  const list = await get('/api/decisions');
  assert.equal(list.json.length, 1);
  const c = await send('POST', `/api/decisions/${id}/close`, { chose: '토스', note: '성장' });
  assert.equal(c.json.chosen, '토스');
  assertError(await send('PUT', `/api/decisions/${id}/scores`, { option: '토스', criterion: '보상', score: 1 }), 409);
});

test('XSS payloads are stored and returned as data, never as markup', async () => {
  const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  const r = await send('POST', '/api/applications', { company: payload, role: '"><svg onload=alert(3)>' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.company, payload);
  const board = await get('/api/board');
  assert.match(board.headers['content-type'], /^application\/json/);
  assert.equal(board.headers['x-content-type-options'], 'nosniff');
  assert.ok(board.json.columns.some((c) => c.cards.some((k) => k.company === payload)));
  const err = await get(`/api/companies/report?name=${encodeURIComponent(payload + 'x')}`);
  assert.match(err.headers['content-type'], /^application\/json/);
});

test('cross-origin and CSRF-less writes are refused and change nothing', async () => {
  const before = (await get('/api/applications')).json.length;
  const body = JSON.stringify({ company: '악성', role: 'x' });
  const attempts = [
    { Cookie: s.cookie, Host: s.host, Origin: 'http://evil.example', 'X-Ijik-Csrf': s.csrf },
    { Cookie: s.cookie, Host: s.host, Origin: 'null', 'X-Ijik-Csrf': s.csrf },
    { Cookie: s.cookie, Host: s.host, Origin: s.origin },
    { Cookie: s.cookie, Host: s.host, Origin: s.origin, 'X-Ijik-Csrf': 'wrong' },
    { Cookie: s.cookie, Host: s.host, 'X-Ijik-Csrf': s.csrf },
  ];
  for (const headers of attempts) {
    const r = await request(s, 'POST', '/api/applications', { headers: { ...headers, 'Content-Type': 'application/json' }, raw: body });
    assertError(r, 403);
  }
  const formPost = await request(s, 'POST', '/api/applications', { headers: { Cookie: s.cookie, Host: s.host, Origin: s.origin, 'X-Ijik-Csrf': s.csrf, 'Content-Type': 'application/x-www-form-urlencoded' }, raw: 'company=a&role=b' });
  assertError(formPost, 415);
  const broken = await request(s, 'POST', '/api/applications', { headers: { Cookie: s.cookie, Host: s.host, Origin: s.origin, 'X-Ijik-Csrf': s.csrf, 'Content-Type': 'application/json' }, raw: '{"company": ' });
  assertError(broken, 400, /JSON/);
  // GET never changes anything: no GET route reaches a write command.
  assertError(await get('/api/applications/1/withdraw'), 404);
  assert.equal((await get('/api/applications')).json.length, before);
  assert.equal((await get('/api/applications/1')).json.status, 'active');
});

test('oversized bodies get 413', async () => {
  // The server answers 413 from the Content-Length header, without reading
  // the body, and closes the connection. So the client announces 2 MiB but
  // writes only the first 64 KiB and waits: writing it all would race the
  // close (EPIPE) rather than test the server.
  const size = 2 * 1024 * 1024;
  const r = await new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request({
      host: '127.0.0.1', port: s.port, method: 'POST', path: '/api/applications', setHost: false, agent: false,
      headers: { Cookie: s.cookie, Host: s.host, Origin: s.origin, 'X-Ijik-Csrf': s.csrf, 'Content-Type': 'application/json', 'Content-Length': size },
    }, (res) => {
      answered = true;
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        try { json = JSON.parse(text); } catch { /* not JSON */ }
        req.destroy();
        resolve({ status: res.statusCode, headers: res.headers, text, json });
      });
    });
    req.on('error', (e) => { if (!answered) reject(e); });
    req.write('{"company":"x","role":"y","note":"' + 'a'.repeat(64 * 1024));
  });
  assertError(r, 413);
});

test('the CLI and the server write to one workspace at the same time without locking errors', async () => {
  const before = (await get('/api/applications')).json.length;
  const cliRuns = Array.from({ length: 6 }, (_, i) => new Promise((resolve) => {
    const p = spawn(bin, ['--db', ws.db, 'apply', `동시회사${i}`, '--role', 'CLI', '--process', '경력'], { env });
    let err = '';
    p.stderr.on('data', (d) => { err += d; });
    p.on('exit', (code) => resolve({ code, err }));
  }));
  const apiRuns = Array.from({ length: 6 }, (_, i) => send('POST', '/api/applications', { company: `동시API${i}`, role: 'API', process: '경력' }));
  const [c, a] = await Promise.all([Promise.all(cliRuns), Promise.all(apiRuns)]);
  for (const r of c) assert.equal(r.code, 0, r.err);
  for (const r of a) assert.equal(r.status, 201, r.text);
  assert.equal((await get('/api/applications')).json.length, before + 12);
});
