// Starts `ijik serve` on a fresh temporary workspace and speaks raw HTTP to it
// (node:http, so tests control every header: Host, Origin, Cookie).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import http from 'node:http';

export const bin = process.env.IJIK_BIN;
export const testsDir = process.env.IJIK_TESTS;
if (!bin || !testsDir) throw new Error('set IJIK_BIN (the ijik binary) and IJIK_TESTS (the tests folder)');

// The synthetic NPS file generator (tools/gen_nps), for uploads of generated files.
export const genNps = process.env.IJIK_GEN_NPS || join(dirname(bin), 'tools/gen_nps/ijik-gen-nps');

// Writes `months` generated NPS months ending at `end` (YYYY-MM) into a new folder; returns the file paths.
export function generateNps({ workplaces, end, months = 1, seed = 7 }) {
  const out = mkdtempSync(join(tmpdir(), 'ijik-gen-'));
  execFileSync(genNps, ['--months', String(months), '--end', end, '--workplaces', String(workplaces), '--seed', String(seed), '--out', out]);
  return readdirSync(out).filter((f) => f.endsWith('.csv')).sort().map((f) => join(out, f));
}

export const env = { ...process.env, IJIK_TODAY: '2026-03-05', IJIK_NOW: '2026-03-05T09:00:00Z', TZ: 'Asia/Seoul', NO_COLOR: '1' };

export function cli(db, ...args) {
  return execFileSync(bin, ['--db', db, ...args], { env, encoding: 'utf8' });
}

// A workspace with the NPS fixture months imported (public workplaces with a series).
export function workspace({ nps = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ijik-web-'));
  const db = join(dir, 'ijik.db');
  cli(db, 'init');
  if (nps) {
    const fx = join(testsDir, 'fixtures/nps');
    const files = readdirSync(fx).filter((f) => /^nps-\d{6}\.csv$/.test(f)).map((f) => join(fx, f));
    cli(db, 'data', 'import', 'nps', ...files, '--quiet', '--rejects', join(dir, 'rejects'));
  }
  return { dir, db };
}

export async function start(db) {
  const child = spawn(bin, ['--db', db, 'serve', '--port', '0', '--no-open'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 10000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{64})/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    });
    child.on('exit', (code) => reject(new Error(`ijik serve exited ${code}: ${out}`)));
  });
  const u = new URL(url);
  const server = { child, url, port: Number(u.port), token: u.searchParams.get('token'), host: `127.0.0.1:${u.port}` };
  server.origin = `http://${server.host}`;
  // Log in as a browser would: the token URL sets the cookie.
  const login = await request(server, 'GET', `/?token=${server.token}`, { headers: {} });
  const setCookie = login.headers['set-cookie']?.[0] || '';
  server.cookie = setCookie.split(';')[0];
  server.setCookie = setCookie;
  server.loginStatus = login.status;
  server.loginLocation = login.headers.location;
  const s = await request(server, 'GET', '/api/session');
  server.csrf = s.json.csrf;
  server.stop = () => new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); });
  return server;
}

// One HTTP request. By default it is a same-origin browser request with the
// cookie, and with Origin and the CSRF header when state-changing.
export function request(server, method, path, { body, headers, raw } = {}) {
  const h = headers ?? {
    Cookie: server.cookie,
    ...(method === 'GET' ? {} : { Origin: server.origin, 'X-Ijik-Csrf': server.csrf }),
  };
  if (!('Host' in h)) h.Host = server.host;
  let payload = raw;
  if (body !== undefined) {
    payload = JSON.stringify(body);
    h['Content-Type'] = 'application/json';
  }
  if (payload !== undefined) h['Content-Length'] = Buffer.byteLength(payload);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path, headers: h, setHost: false, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        try { json = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}
