// Concurrent use (issue 7, docs/reliability.md "Concurrent use"): the server
// (`ijik serve`, writing through its JSON API) and CLI processes write to one
// workspace at once while readers read through both. Every write must succeed
// (no "database is locked" or "busy" reaches any writer), every write is there
// afterwards, and every read sees a consistent state: each writer adds its
// applications in order, so a read that holds a writer's write N holds all of
// that writer's writes before N, and a reader never sees fewer than before.
//   IJIK_CONCURRENT_WRITES: writes per writer (default 125: 4 × 125 = 500).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { bin, env, cli, workspace, start, request } from '../node/web/harness.mjs';

const perWriter = Number(process.env.IJIK_CONCURRENT_WRITES || 125);
const cliWriters = 3;

function run(args) {
  return new Promise((resolve) => {
    execFile(bin, args, { env, encoding: 'utf8', maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

// Writer w's applications seen in a list: their numbers, in any order.
function checkConsistent(apps, seen, where) {
  const byWriter = new Map();
  for (const a of apps) {
    const m = /^w(\d+)-(\d+)$/.exec(a.role);
    if (!m) continue;
    assert.equal(a.company, `동시회사${m[1]}`, `${where}: ${a.role} at ${a.company}`);
    const list = byWriter.get(m[1]) ?? [];
    list.push(Number(m[2]));
    byWriter.set(m[1], list);
  }
  for (const [w, nums] of byWriter) {
    nums.sort((a, b) => a - b);
    // No gap and no duplicate: writes 1..k, each once.
    nums.forEach((n, i) => assert.equal(n, i + 1, `${where}: writer ${w} has ${nums.length} writes but not 1..${nums.length}`));
    const before = seen.get(w) ?? 0;
    assert.ok(nums.length >= before, `${where}: writer ${w} went back from ${before} to ${nums.length} writes`);
    seen.set(w, nums.length);
  }
}

test(`the server and ${cliWriters} CLI processes write ${perWriter} times each, at once`, { timeout: 600_000 }, async () => {
  const { db } = workspace({ nps: false });
  const server = await start(db);
  const started = Date.now();
  const failures = [];
  let writing = true;
  let reads = 0;
  try {
    const cliWriter = async (w) => {
      for (let i = 1; i <= perWriter; ++i) {
        const r = await run(['--db', db, 'apply', `동시회사${w}`, '--role', `w${w}-${i}`, '--date', '2026-03-01']);
        const noise = r.stderr.split('\n').filter((l) => l && !l.startsWith('ijik: created company'));
        if (r.code !== 0 || noise.length) failures.push(`cli writer ${w}, write ${i}: exit ${r.code}: ${r.stderr.trim()}`);
      }
    };
    const httpWriter = async (w) => {
      for (let i = 1; i <= perWriter; ++i) {
        const r = await request(server, 'POST', '/api/applications',
          { body: { company: `동시회사${w}`, role: `w${w}-${i}`, date: '2026-03-01' } });
        if (r.status !== 201 || !r.json?.id) failures.push(`server writer, write ${i}: HTTP ${r.status}: ${r.text.slice(0, 200)}`);
      }
    };
    // Readers: one through the API, one through the CLI, until the writers end.
    const httpReader = async () => {
      const seen = new Map();
      while (writing) {
        const r = await request(server, 'GET', '/api/applications');
        if (r.status !== 200) { failures.push(`server read: HTTP ${r.status}: ${r.text.slice(0, 200)}`); continue; }
        checkConsistent(r.json, seen, 'server read');
        ++reads;
      }
    };
    const cliReader = async () => {
      const seen = new Map();
      while (writing) {
        const r = await run(['--db', db, 'app', 'list', '--json']);
        if (r.code !== 0) { failures.push(`cli read: exit ${r.code}: ${r.stderr.trim()}`); continue; }
        checkConsistent(JSON.parse(r.stdout), seen, 'cli read');
        ++reads;
      }
    };
    const writers = [httpWriter(0)];
    for (let w = 1; w <= cliWriters; ++w) writers.push(cliWriter(w));
    const readers = [httpReader(), cliReader()];
    await Promise.all(writers);
    writing = false;
    await Promise.all(readers);
  } finally {
    await server.stop();
  }
  const seconds = (Date.now() - started) / 1000;
  console.log(`${(cliWriters + 1) * perWriter} writes by ${cliWriters + 1} writers and ${reads} reads in ${seconds.toFixed(1)} s`);
  assert.deepEqual(failures, []);
  // Every write is there, once.
  const apps = JSON.parse(cli(db, 'app', 'list', '--json'));
  assert.equal(apps.length, (cliWriters + 1) * perWriter);
  checkConsistent(apps, new Map(), 'after');
  for (let w = 0; w <= cliWriters; ++w)
    assert.equal(apps.filter((a) => a.company === `동시회사${w}`).length, perWriter, `writer ${w}`);
  assert.match(cli(db, 'check'), /ok: integrity and references check out/);
});
