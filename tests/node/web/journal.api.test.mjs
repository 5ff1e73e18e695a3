// API tests for the journal endpoints (docs/api.md, "Journal"): entries,
// search, export, and the import of a retrospective with its confirmation
// step; the guard's token and CSRF rules on each; XSS payloads kept as data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { workspace, start, request, cli, testsDir } from './harness.mjs';

let ws;
let s;
const get = (p) => request(s, 'GET', p);
const send = (m, p, body) => request(s, m, p, { body });

function assertError(r, status, pattern) {
  assert.equal(r.status, status, r.text);
  assert.match(r.headers['content-type'], /application\/json/);
  assert.equal(r.json.error.status, status);
  if (pattern) assert.match(r.json.error.message, pattern);
  assert.doesNotMatch(r.text, /what\(\)|terminate|Traceback|\.cc:\d+/);
}

const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const RETRO = [
  '# 두 번째 이직 회고',
  '',
  "작년 9월에 '토스' 데이터 엔지니어 포지션에 지원했고 서류와 기술 면접을 거쳐 최종 합격했다.",
  '',
  '2024년 3월 4일 자로 토스에 입사했다. 수습은 3개월이었다.',
].join('\n');

before(async () => {
  ws = workspace({ nps: false });
  s = await start(ws.db);
});
after(async () => {
  await s.stop();
});

test('every journal endpoint needs the token', async () => {
  for (const [m, p] of [['GET', '/api/journal'], ['GET', `/api/journal/search?q=${encodeURIComponent('이직')}`], ['GET', '/api/journal/export'],
    ['GET', '/api/journal/1'], ['GET', '/api/journal/1/events']]) {
    const r = await request(s, m, p, { headers: {} });
    assertError(r, 401, /token/);
  }
  const r = await request(s, 'POST', '/api/journal/import', { headers: { Origin: s.origin, 'X-Ijik-Csrf': s.csrf }, body: { text: RETRO } });
  assertError(r, 401);
});

test('writes without the CSRF header or from another origin are refused and store nothing', async () => {
  const writes = [['POST', '/api/journal', { text: '몰래 쓴 글' }], ['POST', '/api/journal/import', { text: RETRO }],
    ['PUT', '/api/journal/1', { text: 'x' }], ['DELETE', '/api/journal/1', undefined], ['POST', '/api/journal/1/apply', { events: [1] }]];
  for (const [m, p, body] of writes) {
    for (const headers of [{ Cookie: s.cookie, Origin: s.origin }, { Cookie: s.cookie, Origin: 'http://evil.example', 'X-Ijik-Csrf': s.csrf }]) {
      const r = await request(s, m, p, { headers: { ...headers }, body });
      assertError(r, 403);
    }
  }
  assert.deepEqual((await get('/api/journal')).json, []);
});

test('POST /api/journal stores an entry; an XSS title and body come back as data', async () => {
  const r = await send('POST', '/api/journal', { text: `# 수습 회고\n\n${XSS}\n수습 통과!`, title: XSS, date: '2026-03-01', tags: ['수습', '#회고'] });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.id, 1);
  assert.equal(r.json.title, XSS);
  assert.equal(r.json.body, `# 수습 회고\n\n${XSS}\n수습 통과!`);
  assert.deepEqual(r.json.tags, ['수습', '회고']);
  assert.equal(r.json.date, '2026-03-01');
  assert.match(r.headers['content-type'], /^application\/json/);
  const list = (await get('/api/journal')).json;
  assert.deepEqual(list.map((e) => [e.id, e.title]), [[1, XSS]]);
  assert.equal(list[0].body, undefined);  // the list leaves bodies out
  assert.equal((await get('/api/journal/1')).json.body.includes(XSS), true);
});

test('POST /api/journal refuses an empty text, a bad date or tag', async () => {
  assertError(await send('POST', '/api/journal', { text: '  ' }), 400, /text/);
  assertError(await send('POST', '/api/journal', {}), 400, /text/);
  assertError(await send('POST', '/api/journal', { text: 'x', date: '2026-02-30' }), 400, /date/);
  assertError(await send('POST', '/api/journal', { text: 'x', tags: ['두 단어'] }), 400);
  assertError(await send('POST', '/api/journal', { text: { nested: 1 } }), 400, /text/);
  assert.equal((await get('/api/journal')).json.length, 1);
});

test('PUT /api/journal/N rewrites the body', async () => {
  const r = await send('PUT', '/api/journal/1', { text: '-- 대시로 시작하는 본문, 수습 통과 --' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.body, '-- 대시로 시작하는 본문, 수습 통과 --');
  assertError(await send('PUT', '/api/journal/1', { text: '' }), 400);
  assertError(await send('PUT', '/api/journal/99', { text: 'x' }), 404, /no journal entry 99/);
});

test('GET /api/journal/search finds by Korean words with particles, best first, snippet marked', async () => {
  await send('POST', '/api/journal', { text: '연봉 협상을 했다. 수습은 없다.', date: '2026-03-02' });
  const r = await get(`/api/journal/search?q=${encodeURIComponent('수습')}`);
  assert.equal(r.status, 200);
  assert.deepEqual(r.json.map((x) => x.id).sort(), [1, 2]);
  const one = await get(`/api/journal/search?q=${encodeURIComponent('협상')}`);
  assert.deepEqual(one.json.map((x) => x.id), [2]);
  assert.match(one.json[0].snippet, /\[협상\]/);
  assert.deepEqual((await get('/api/journal/search?q=zzzz')).json, []);
  assertError(await get('/api/journal/search?q='), 400, /nothing to search/);
  assertError(await get('/api/journal/search'), 400, /nothing to search/);
});

test('GET /api/journal/export downloads the Markdown retrospective', async () => {
  const r = await get('/api/journal/export');
  assert.equal(r.status, 200);
  assert.match(r.headers['content-type'], /^text\/markdown/);
  assert.match(r.headers['content-disposition'], /attachment; filename="ijik-retrospective.md"/);
  assert.match(r.text, /^# 이직 회고/);
  assert.match(r.text, /연봉 협상을 했다/);
  const ranged = await get('/api/journal/export?from=2026-03-02&to=2026-03-31');
  assert.doesNotMatch(ranged.text, /대시로 시작하는/);
  assertError(await get('/api/journal/export?from=2026-03-05&to=2026-03-01'), 400, /before/);
});

test('import proposes events without touching the timeline; apply writes exactly the chosen ones', async () => {
  const r = await send('POST', '/api/journal/import', { text: RETRO, date: '2024-06-01' });
  assert.equal(r.status, 201, r.text);
  const id = r.json.entry_id;
  assert.equal(r.json.date, '2024-06-01');
  assert.equal(r.json.threshold, 0.7);
  const types = r.json.events.map((e) => e.type);
  assert.deepEqual(types, ['application', 'stage', 'stage', 'stage', 'job-start', 'probation']);
  const start = r.json.events[4];
  assert.equal(start.company, '토스');
  assert.equal(start.date, '2024-03-04');
  assert.equal(start.sentence, '2024년 3월 4일 자로 토스에 입사했다.');
  assert.equal(start.recorded, null);
  assert.equal((await get('/api/timeline')).json.jobs.length, 0);
  assert.equal((await get('/api/applications')).json.length, 0);
  assert.deepEqual((await get(`/api/journal/${id}`)).json.tags, ['회고']);

  const again = await get(`/api/journal/${id}/events`);
  assert.equal(again.status, 200);
  assert.deepEqual(again.json.events.map((e) => e.sentence), r.json.events.map((e) => e.sentence));

  const applied = await send('POST', `/api/journal/${id}/apply`, { events: [1, 5] });
  assert.equal(applied.status, 200, applied.text);
  assert.equal(applied.json.events[0].applied, 'created application 1');
  assert.equal(applied.json.events[4].applied, 'created job 1');
  assert.equal(applied.json.events[1].applied, 'not chosen');
  const jobs = (await get('/api/timeline')).json.jobs;
  assert.deepEqual(jobs.map((j) => [j.company, j.from]), [['토스', '2024-03-04']]);
  assert.equal((await get('/api/applications')).json.length, 1);
  assert.equal((await get('/api/applications/1')).json.stages.length, 0);  // the stages were not chosen
  const sources = cli(ws.db, 'export', 'json');
  assert.match(sources, /"record_type": "job"/);

  const after = (await get(`/api/journal/${id}/events`)).json.events;
  assert.deepEqual(after.map((e) => e.recorded), ['application 1', null, null, null, 'job 1', null]);
  assertError(await send('POST', `/api/journal/${id}/apply`, { events: [2, 5] }), 409, /event 5 .*already applied/);
  assert.equal((await get('/api/applications/1')).json.stages.length, 0);  // refused whole
  assertError(await send('POST', `/api/journal/${id}/apply`, { events: [] }), 400, /events/);
  assertError(await send('POST', `/api/journal/${id}/apply`, {}), 400, /events/);
  assertError(await send('POST', `/api/journal/${id}/apply`, { events: [7] }), 400, /no event 7/);
  assertError(await send('POST', `/api/journal/${id}/apply`, { events: ['1; rm'] }), 400, /event numbers/);
  assertError(await send('POST', '/api/journal/99/apply', { events: [1] }), 404);
  assertError(await get('/api/journal/99/events'), 404);
});

test('import matches company names to public workplaces; apply links the new company', async () => {
  cli(ws.db, 'data', 'import', 'nps', join(testsDir, 'fixtures/retro/public/nps-202501.csv'), '--quiet');
  const text = "메모\n\n2021년 9월에 비바리퍼블리카 백엔드 엔지니어 포지션에 지원했다.\n\n'교보문고'의 물류 시스템이 좋아서, 2019년 3월 4일 첫 출근을 했다.";
  const r = await send('POST', '/api/journal/import', { text, date: '2022-06-01' });
  assert.equal(r.status, 201, r.text);
  const [app, start] = r.json.events;
  assert.equal(app.company, '비바리퍼블리카');
  assert.deepEqual(Object.keys(app.workplace), ['id', 'name']);
  assert.equal(app.workplace.name, '비바리퍼블리카(주)');
  assert.equal(start.type, 'job-start');
  assert.equal(start.company, '교보문고');  // quoted, and a workplace carries the name
  assert.equal(start.workplace.name, '(주)교보문고');
  const applied = await send('POST', `/api/journal/${r.json.entry_id}/apply`, { events: [1] });
  assert.equal(applied.status, 200, applied.text);
  const report = await get(`/api/companies/report?name=${encodeURIComponent('비바리퍼블리카')}`);
  assert.equal(report.status, 200, report.text);
  assert.equal(report.json.workplace.name, '비바리퍼블리카(주)');
});

test('import refuses an empty text and a bad date, storing nothing', async () => {
  const before = (await get('/api/journal')).json.length;
  assertError(await send('POST', '/api/journal/import', { text: '' }), 400, /text/);
  assertError(await send('POST', '/api/journal/import', { text: '공감 3\n댓글 0\n' }), 400, /no text to read/);
  assertError(await send('POST', '/api/journal/import', { text: RETRO, date: '24-06-01' }), 400, /date/);
  assert.equal((await get('/api/journal')).json.length, before);
});

test('DELETE /api/journal/N removes the entry', async () => {
  const r = await send('DELETE', '/api/journal/2');
  assert.equal(r.status, 200);
  assert.equal(r.json.ok, true);
  assert.match(r.json.message, /Removed journal entry 2/);
  assertError(await get('/api/journal/2'), 404);
  assertError(await send('DELETE', '/api/journal/2'), 404);
});
