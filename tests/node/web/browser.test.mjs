// The web app in a real browser (Debian's chromium through playwright-core):
// a new user adds an application from a template, drags it from 서류 to
// 1차 면접, marks a result, opens a company report with its headcount chart,
// runs a screener query, compares two offers and changes a decision weight.
// A screenshot of each page goes to $IJIK_ARTIFACTS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { workspace, start, request, cli, testsDir, generateNps } from './harness.mjs';
import { go as goTo, replacedBy } from './browser-wait.mjs';

const artifacts = process.env.IJIK_ARTIFACTS || join(process.cwd(), 'web-artifacts');
const executablePath = process.env.IJIK_CHROMIUM || '/usr/bin/chromium';
let ws, s, browser, page;
const dialogs = [];
const pageErrors = [];

async function shot(name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}
const go = (hash) => goTo(page, hash);

// Runs `action`, a change the decision page saves (PUT …/scores or
// …/criteria), and waits until the page shows the server's answer: the
// ranking with each option's score. The initial ranking already has 네이버
// first, so waiting for that alone would not wait for the save.
async function drawnAnswer(action) {
  const answer = page.waitForResponse((r) => r.request().method() === 'PUT' && /\/api\/decisions\/\d+\/(scores|criteria)$/.test(new URL(r.url()).pathname));
  await action();
  const d = await (await answer).json();
  const want = d.ranking.map((name) => `${name} ${d.options.find((o) => o.name === name).score.toFixed(2)}`);
  await page.waitForFunction((w) => JSON.stringify([...document.querySelectorAll('#ranking li')].map((li) => li.textContent.trim())) === JSON.stringify(w), want);
}

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  ws = workspace();
  s = await start(ws.db);
  browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'ko-KR' });
  page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.setDefaultNavigationTimeout(30000);
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  page.on('pageerror', (e) => pageErrors.push(e.message));
});
after(async () => {
  await browser?.close();
  await s?.stop();
});

test('a new user opens the app from the printed address', async () => {
  await page.goto(s.url);
  assert.match(page.url(), /^http:\/\/127\.0\.0\.1:\d+\/(#\/board)?$/);  // token gone from the address
  await page.locator('#add-app').waitFor();
  await page.getByText('아직 지원이 없습니다').waitFor();
  assert.equal(await page.locator('#nav a.active').textContent(), '보드');
  const cookies = await page.context().cookies();
  assert.equal(cookies[0].httpOnly, true);
  assert.equal(cookies[0].sameSite, 'Strict');
  await shot('01-board-empty');
});

test('adds an application with a hiring-process template', async () => {
  const form = page.locator('#add-app');
  await form.locator('input[name=company]').fill('토스');
  await form.locator('input[name=role]').fill('Data Engineer');
  await form.locator('select[name=process]').selectOption('경력');
  await form.locator('select[name=source]').selectOption('headhunter');
  await form.locator('button[type=submit]').click();
  const card = page.locator('.lane[data-key=document] .bcard', { hasText: '토스' });
  await card.waitFor();
  for (const key of ['interview-1', 'interview-2', 'negotiation']) await page.locator(`.lane[data-key=${key}]`).waitFor();
});

test('drags the card from 서류 to 1차 면접', async () => {
  const card = page.locator('.lane[data-key=document] .bcard', { hasText: '토스' });
  await card.dragTo(page.locator('.lane[data-key=interview-1]'), { sourcePosition: { x: 4, y: 4 } });
  await page.locator('.lane[data-key=interview-1] .bcard', { hasText: '토스' }).waitFor();
  assert.equal(await page.locator('.lane[data-key=document] .bcard').count(), 0);
  const app = (await request(s, 'GET', '/api/applications/1')).json;
  assert.equal(app.stages[0].result, 'passed');
  assert.equal(app.current_stage, '1차 면접');
  await shot('02-board-dragged');
});

test('marks a result on the card', async () => {
  const card = page.locator('.lane[data-key=interview-1] .bcard', { hasText: '토스' });
  await card.locator('select').selectOption('passed');
  await page.locator('.lane[data-key=interview-2] .bcard', { hasText: '토스' }).waitFor();
  await page.locator('.lane[data-key=interview-2] .bcard select').selectOption('failed');
  await page.locator('.lane[data-key=rejected] .bcard', { hasText: '토스' }).waitFor();
  const app = (await request(s, 'GET', '/api/applications/1')).json;
  assert.equal(app.status, 'rejected');
});

test('the application page shows the stage timeline and edits a stage in place', async () => {
  await page.locator('.bcard a', { hasText: '토스' }).click();
  await page.locator('h1', { hasText: '토스' }).waitFor();
  assert.equal(await page.locator('.stages .stage').count(), 4);
  const first = page.locator('.stages .stage').first();
  await first.getByRole('button', { name: '편집' }).click();
  await first.locator('input[name=note]').fill('서류는 무난');
  await first.locator('input[name=question]').fill('왜 이직하나요?');
  await first.getByRole('button', { name: '저장' }).click();
  await page.locator('.stages .stage', { hasText: '왜 이직하나요?' }).waitFor();
  await page.locator('.stages .stage .note', { hasText: '서류는 무난' }).waitFor();
  await page.locator('#app-facts').getByRole('button', { name: '편집' }).click();
  await page.locator('#app-edit input[name=team]').fill('데이터플랫폼');
  await page.locator('#app-edit input[name=note]').fill('리크루터와 통화함');
  await page.locator('#app-edit button[type=submit]').click();
  await page.locator('#app-facts', { hasText: '데이터플랫폼' }).waitFor();
  await page.locator('#app-facts', { hasText: '리크루터와 통화함' }).waitFor();
  await shot('03-application');
});

test('a company named <script> shows as text', async () => {
  await request(s, 'POST', '/api/applications', { body: { company: '<script>alert(1)</script>', role: '<img src=x onerror=alert(2)>' } });
  await go('#/board');
  await page.locator('.bcard', { hasText: '<script>alert(1)</script>' }).waitFor();
  assert.equal(await page.locator('.bcard script, .bcard img').count(), 0);
  await page.waitForTimeout(200);
  assert.deepEqual(dialogs, []);
});

test('opens a company report and sees the headcount chart drawn with data', async () => {
  await go('#/companies');
  await page.locator('#company-q').fill('물방울');
  const hit = page.locator('#company-results a', { hasText: '물방울바이오' }).first();
  await hit.waitFor();
  await shot('04-company-search');
  // 초성: the same hit again, so wait for the list to be redrawn for the new query.
  await replacedBy(hit, () => page.locator('#company-q').fill('ㅁㅂㅇ'));
  await page.locator('#company-results a', { hasText: '물방울바이오' }).first().waitFor();
  await page.locator('#company-results a', { hasText: '물방울바이오' }).first().click();
  await page.locator('#report .uplot').first().waitFor();
  // The canvas of the headcount chart has the line drawn on it.
  const drawn = await page.locator('#report .uplot canvas').first().evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let blue = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 2] > 180 && d[i] < 90 && d[i + 3] > 0) blue++;
    return blue;
  });
  assert.ok(drawn > 50, `headcount line pixels: ${drawn}`);
  assert.equal(await page.locator('#report .uplot').count(), 2);  // headcount, hires vs leavers
  assert.match(await page.locator('.kpis').textContent(), /추정 연봉/);
  await shot('05-company-report');
});

test('the company report shows the vetting: grade, flags with evidence, pay, the financial chart; watch it', async () => {
  const dart = join(testsDir, 'fixtures/dart');
  cli(ws.db, 'data', 'import', 'dart', ...readdirSync(dart).map((f) => join(dart, f)), '--quiet', '--rejects', join(ws.dir, 'rejects'));
  cli(ws.db, 'company', 'add', '한빛소프트');
  cli(ws.db, 'company', 'link', '한빛소프트', '--dart', '035999');
  const hits = (await request(s, 'GET', `/api/companies/search?q=${encodeURIComponent('바람결')}`)).json;
  cli(ws.db, 'company', 'link', '한빛소프트', String(hits.find((x) => x.kind === 'workplace').id));
  await go(`#/company?name=${encodeURIComponent('한빛소프트')}`);
  await page.locator('#vet-grade').waitFor();
  assert.equal(await page.locator('#vet-grade').textContent(), 'E');
  const drop = page.locator('#red-flags li', { hasText: 'headcount-drop' });
  await drop.waitFor();
  assert.match(await drop.textContent(), /113 in 2025-01 → 57 in 2025-02/);  // the evidence
  assert.match(await drop.textContent(), /인원이 50% 줄었습니다/);
  await page.locator('#green-flags li', { hasText: 'profitable' }).waitFor();
  assert.equal(await page.locator('.fin-table tbody tr').count(), 3);
  assert.match(await page.locator('#coverage').textContent(), /consolidated/);
  // The revenue bars (blue) are drawn on the financial chart's canvas.
  const drawn = await page.locator('#fin-chart .uplot canvas').first().evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let blue = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 2] > 180 && d[i] < 90 && d[i + 3] > 0) blue++;
    return blue;
  });
  assert.ok(drawn > 500, `revenue bar pixels: ${drawn}`);
  await page.locator('#watch-toggle').click();
  await page.locator('#watch-toggle[aria-pressed=true]').waitFor();
  await shot('13-company-vetting');
});

test('the watch page lists the watched company and its alerts', async () => {
  await go('#/watch');
  await page.locator('#watch-list a', { hasText: '한빛소프트' }).waitFor();
  const alert = page.locator('#alerts tr', { hasText: 'headcount-drop' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /2025-02/);
  assert.match(await alert.textContent(), /2026-03-05/);
  // Watch a public workplace from the search, then remove it.
  await page.locator('#watch-q').fill('물방울');
  await page.locator('#watch-results li', { hasText: '물방울바이오' }).first().getByRole('button').click();
  await page.locator('#watch-list a', { hasText: '물방울바이오' }).waitFor();
  await shot('14-watch');
  // A company named with markup is watched and shown as text.
  const payload = '<img src=x onerror=alert(9)>';
  cli(ws.db, 'company', 'add', payload);
  await request(s, 'POST', '/api/watches', { body: { company: payload } });
  await go('#/board');
  await go('#/watch');
  await page.locator('#watch-list a', { hasText: payload }).waitFor();
  assert.equal(await page.locator('#watch-list img, #alerts img').count(), 0);
  assert.deepEqual(dialogs, []);
  await page.getByRole('button', { name: /관심 해제: .*물방울바이오/ }).click();
  await page.locator('#watch-list a', { hasText: '물방울바이오' }).waitFor({ state: 'detached' });
});

test('uploads a generated NPS file on the import page and sees the progress and the summary', async () => {
  const [file] = generateNps({ workplaces: 300, end: '2025-06', seed: 11 });
  await go('#/import');
  await page.locator('#import-form').waitFor();
  await page.locator('#import-kind').selectOption('nps');
  await page.locator('#import-files').setInputFiles(file);
  await page.locator('#import-form button[type=submit]').click();
  const done = page.locator('#import-results .upload.done');
  await done.waitFor();
  assert.equal(await done.locator('progress').getAttribute('value'), '100');
  assert.ok(Number(await done.getAttribute('data-progress-events')) >= 1, 'upload progress events');
  const row = done.locator('.import-summary tbody tr');
  assert.match(await row.textContent(), /2025-06/);
  assert.match(await done.textContent(), /국민연금공단_국민연금 가입 사업장 내역_20250630\.csv/);
  await page.locator('#data-status td', { hasText: '2025-06' }).waitFor();
  // A file that is not an NPS file: the server's message, nothing imported.
  await page.locator('#import-files').setInputFiles(join(testsDir, 'fixtures/dart/2024_사업보고서_01_재무상태표_20250512.txt'));
  await page.locator('#import-form button[type=submit]').click();
  await page.locator('#import-results .upload.failed .error', { hasText: 'not a National Pension workplace file' }).waitFor();
  await shot('15-import');
});

test('runs a screener query with a sortable table', async () => {
  await go('#/screen');
  await page.locator('#screen-form input[name=min_headcount]').fill('1');
  // The page asks for its unfiltered list 200 ms after it opens; on a slow
  // machine that answer is drawn too, before or after the fill. Wait for the
  // filtered answer: the rows the API gives for the filter, in its order.
  const want = (await request(s, 'GET', '/api/screen?min_headcount=1&sort=headcount&limit=100')).json.map((r) => r.name);
  assert.ok(want.length > 0);
  await page.waitForFunction((names) => JSON.stringify([...document.querySelectorAll('#screen-results tbody tr td:first-child')]
    .map((td) => td.textContent)) === JSON.stringify(names), want);
  const before = await page.locator('#screen-results tbody tr td:nth-child(4)').allTextContents();
  await page.locator('#screen-results th button', { hasText: '가입자 수' }).click();
  await page.locator('#screen-results th[aria-sort=ascending]').waitFor();
  const after = await page.locator('#screen-results tbody tr td:nth-child(4)').allTextContents();
  const nums = after.map((x) => Number(x.replace(/,/g, '')));
  assert.deepEqual([...nums].sort((a, b) => a - b), nums);
  assert.equal(after.length, before.length);
  await shot('06-screener');
  await page.locator('#screen-results tbody a').first().click();
  await page.locator('#report').waitFor();
});

test('compares two offers side by side with the current job', async () => {
  cli(ws.db, 'job', 'add', '야놀자', '--title', '백엔드', '--from', '2023-01-02', '--pay', '6500만');
  const ids = {};
  for (const c of ['네이버', '당근']) ids[c] = (await request(s, 'POST', '/api/applications', { body: { company: c, role: 'Backend', process: '경력' } })).json.id;
  await go('#/offers');
  await page.locator('#add-offer').waitFor();
  for (const [name, base] of [['네이버', '9000만'], ['당근', '8000만']]) {
    const f = page.locator('#add-offer');
    if (!(await f.isVisible())) await page.locator('summary', { hasText: '오퍼 추가' }).click();
    await f.locator('select[name=app]').selectOption(String(ids[name]));
    await f.locator('input[name=base]').fill(base);
    await f.locator('input[name=signing]').fill('500만');
    await f.locator('button[type=submit]').click();
    await page.locator('#offer-compare th', { hasText: name }).waitFor();
  }
  const heads = await page.locator('#offer-compare thead th').allTextContents();
  assert.equal(heads.length, 4);  // label column, current job, two offers
  assert.match(heads[1], /현재 직장: 야놀자/);
  assert.match(await page.locator('#offer-compare').textContent(), /9,500만원/);  // 9000만 + 500만 first-year cash
  await shot('07-offers');
});

test('changes a decision weight and sees the ranking and sensitivity update', async () => {
  await go('#/decide');
  await page.locator('#new-decision input[name=title]').fill('2026 이직');
  await page.locator('#new-decision button[type=submit]').click();
  await page.locator('#ranking li').first().waitFor();
  // 네이버 leads on pay, 당근 on growth. A score is saved when its box is left
  // (change), a weight as the slider moves; each waits for its answer drawn.
  const score = async (label, value) => {
    const box = page.getByLabel(label);
    await box.fill(value);
    await drawnAnswer(() => box.blur());
  };
  await score('네이버 · 보상', '10');
  await page.locator('#ranking li').first().filter({ hasText: '네이버' }).waitFor();
  await score('당근 · 성장', '9');
  await page.locator('#sensitivity', { hasText: '보상' }).waitFor();
  const sensBefore = await page.locator('#sensitivity').textContent();
  const growth = page.getByLabel('가중치: 성장');
  await growth.focus();
  await drawnAnswer(() => growth.fill('50'));
  await page.locator('#ranking li').first().filter({ hasText: '당근' }).waitFor();
  await page.waitForFunction((prev) => document.querySelector('#sensitivity').textContent !== prev, sensBefore);
  const d = (await request(s, 'GET', '/api/decisions/1')).json;
  assert.equal(d.criteria.find((c) => c.name === '성장').weight, 50);
  assert.equal(d.ranking[0], '당근');
  await shot('08-decision');
});

test('links a company to its DART company from its report, adds a job, edits and removes a contact', async () => {
  cli(ws.db, 'company', 'add', '새솔테크');
  await go(`#/company?name=${encodeURIComponent('새솔테크')}`);
  await page.locator('#link-suggestions li', { hasText: '052999' }).getByRole('button').click();
  await page.locator('#links', { hasText: '052999' }).waitFor();
  await page.locator('.fin-table tbody tr').first().waitFor();
  await shot('16-company-link');
  await go('#/timeline');
  const job = page.locator('#add-job');
  if (!(await job.isVisible())) await page.locator('summary', { hasText: '경력 추가' }).click();
  await job.locator('input[name=company]').fill('메디AI');
  await job.locator('input[name=title]').fill('AI 연구원');
  await job.locator('input[name=from]').fill('2020-07-01');
  await job.locator('input[name=to]').fill('2022-02-28');
  await job.locator('select[name=type]').selectOption('intern');
  await job.locator('button[type=submit]').click();
  await page.locator('svg.timeline text', { hasText: '메디AI' }).first().waitFor();
  await go('#/app/1');
  const add = page.locator('form', { has: page.locator('button', { hasText: '연락처 추가' }) });
  await add.locator('input[name=name]').fill('박지영');
  await add.locator('input[name=phone]').fill('010-1111-2222');
  await add.locator('button[type=submit]').click();
  await page.locator('#app-contacts li', { hasText: '박지영' }).getByRole('button', { name: '편집' }).click();
  const editor = page.locator('#app-contacts form.contact-edit');
  assert.equal(await editor.locator('input[name=name]').inputValue(), '박지영');
  await editor.locator('input[name=email]').fill('jy@example.com');
  await editor.getByRole('button', { name: '저장' }).click();
  await page.locator('#app-contacts li', { hasText: 'jy@example.com' }).waitFor();
  await page.locator('#app-contacts li', { hasText: '박지영' }).getByRole('button', { name: '삭제' }).click();
  await page.locator('#app-contacts li', { hasText: '박지영' }).waitFor({ state: 'detached' });
});

test('agenda, funnel, timeline, English switch and a phone-sized board', async () => {
  await request(s, 'POST', '/api/applications/3/stages', { body: { name: '1차 면접', on: '2026-03-10 14:00' } });
  await go('#/agenda');
  await page.locator('table td', { hasText: '2026-03-10' }).waitFor();
  assert.equal(await page.locator('a[href="/api/agenda.ics"]').count(), 1);
  await shot('09-agenda');
  await go('#/funnel');
  await page.locator('.uplot').first().waitFor();
  await shot('10-funnel');
  await go('#/timeline');
  await page.locator('svg.timeline rect').first().waitFor();
  await shot('11-timeline');
  await page.locator('#lang').click();
  await page.locator('#nav a', { hasText: 'Timeline' }).waitFor();
  await page.locator('#lang').click();
  await page.setViewportSize({ width: 390, height: 844 });
  await go('#/board');
  await page.locator('.lane').first().waitFor();
  await shot('12-board-phone');
  assert.deepEqual(pageErrors, []);
});
