// HTTP: `gensoku serve` in a child process on a free loopback port, loaded with autocannon from this process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { TransferRequest } from '../src/core/model.ts';
import { repoRoot } from './repo.ts';

export interface ServerHandle {
  url: string;
  child: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Starts `gensoku serve` on 127.0.0.1 with an OS-chosen port; resolves once it prints its address. Its output (one
 * JSON log line per request) goes to a file, as in a deployment, rather than through a pipe this process must drain.
 */
export async function startServe(env: Record<string, string>, repo = repoRoot()): Promise<ServerHandle> {
  const logDir = mkdtempSync(join(tmpdir(), 'gensoku-serve-log-'));
  const logFile = join(logDir, 'serve.log');
  const fd = openSync(logFile, 'w');
  // The server as `npm start` runs it: the production bundle, built fresh.
  const build = spawnSync('npm', ['run', '--silent', 'build:server'], { cwd: repo, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build:server failed');
  const child = spawn(process.execPath, [join(repo, 'dist/cli/gensoku.mjs'), 'serve', '--port', '0', '--host', '127.0.0.1'], {
    cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const url = await new Promise<string>((res, rej) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const out = readFileSync(logFile, 'utf8');
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) { clearInterval(poll); res(m[1]); return; }
      if (child.exitCode !== null || Date.now() - started > 60_000) {
        clearInterval(poll);
        rej(new Error(`gensoku serve ${child.exitCode !== null ? `exited with ${child.exitCode}` : 'did not start within 60 s'}:\n${out}`));
      }
    }, 100);
  });
  return {
    url,
    child,
    logFile,
    stop: () => new Promise<void>((res) => {
      const done = () => { rmSync(logDir, { recursive: true, force: true }); res(); };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    }),
  };
}

/** The bare node:http reference server (bench/reference-server.ts, bundled by run.ts), for comparison only. */
export async function startReference(root: string): Promise<ServerHandle | null> {
  const script = join(root, 'bench', '.build', 'reference-server.mjs');
  if (!existsSync(script)) return null;
  const logDir = mkdtempSync(join(tmpdir(), 'gensoku-ref-log-'));
  const logFile = join(logDir, 'requests.log');
  const child = spawn(process.execPath, [script, '0', join(root, 'policy'), logFile], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((res, rej) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) res(m[1]);
    });
    child.once('exit', (code) => rej(new Error(`reference server exited with ${code}`)));
  });
  return {
    url, child, logFile,
    stop: () => new Promise<void>((res) => {
      const done = () => { rmSync(logDir, { recursive: true, force: true }); res(); };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
    }),
  };
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  seconds: number;
}

function loadResult(r: Awaited<ReturnType<typeof autocannon>>): LoadResult {
  return {
    rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99,
    requests: (r['2xx'] ?? 0) + r.non2xx, non2xx: r.non2xx, errors: r.errors, seconds: r.duration,
  };
}

/** POST /api/v1/evaluate with the given bodies taken in turn. */
export async function loadEvaluate(url: string, bodies: TransferRequest[], opts: { seconds: number; connections: number; query?: string }): Promise<LoadResult> {
  const encoded = bodies.map((b) => JSON.stringify(b));
  let i = 0;
  const r = await autocannon({
    url, connections: opts.connections, duration: opts.seconds,
    requests: [{
      method: 'POST', path: `/api/v1/evaluate${opts.query ?? ''}`, headers: { 'content-type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: encoded[i++ % encoded.length] }),
    }],
  });
  return loadResult(r);
}

async function json(url: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(url + path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'POST'} ${path}: ${res.status} ${text}`);
  return { res, body: text ? JSON.parse(text) : null };
}

/** Logs in (cookie + CSRF) and returns a bearer token for scripts. */
export async function bearerFor(url: string, username: string, password: string): Promise<string> {
  const login = await json(url, '/api/v1/auth/login', { body: { username, password } });
  const cookie = login.res.headers.get('set-cookie')!.split(';')[0];
  const tok = await json(url, '/api/v1/auth/tokens', { body: { label: 'bench' }, headers: { cookie, 'x-csrf-token': login.body.csrfToken } });
  return tok.body.token as string;
}

/** Creates an applicant through the API as the first admin, and returns the applicant's bearer token. */
export async function applicantToken(url: string, admin: { username: string; password: string }, username = 'bench-applicant'): Promise<string> {
  const adminToken = await bearerFor(url, admin.username, admin.password);
  const password = randomBytes(18).toString('base64url');
  await json(url, '/api/v1/users', { body: { username, password, role: 'applicant', org: 'BENCH' }, headers: { authorization: `Bearer ${adminToken}` } });
  return bearerFor(url, username, password);
}

export const APPLICATION = (recipient: string, n: number) => ({
  recipient,
  purpose: 'security-cooperation',
  endUser: { name: 'Department of Defence', type: 'government' },
  items: [{ item: { name: `coastal surveillance radar #${n}`, weapon: false, form: 'complete', function: 'surveillance' }, quantity: 4, valueJpy: 400_000_000 }],
  justification: 'Maritime domain awareness.',
});

/** POST /api/v1/cases as an applicant: case creation throughput on the database the server runs on. */
export async function loadCreateCases(url: string, token: string, opts: { seconds: number; connections: number }): Promise<LoadResult> {
  const recipients = ['AU', 'GB', 'US', 'PH', 'IN', 'DE', 'FR', 'IT'];
  let i = 0;
  const r = await autocannon({
    url, connections: opts.connections, duration: opts.seconds,
    requests: [{
      method: 'POST', path: '/api/v1/cases', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      setupRequest: (req) => { i++; return { ...req, body: JSON.stringify(APPLICATION(recipients[i % recipients.length], i)) }; },
    }],
  });
  return loadResult(r);
}

export interface Db {
  name: 'pglite' | 'postgres';
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

export function pgliteDb(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'gensoku-bench-'));
  return { name: 'pglite', env: { GENSOKU_DATA: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh schema on a local PostgreSQL, reached through the URL's options (search_path). Loopback only. */
export async function postgresDb(baseUrl: string): Promise<Db> {
  const u = new URL(baseUrl);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) throw new Error(`refusing a non-loopback database host ${u.hostname}`);
  const { default: pg } = await import('pg');
  const schema = `gensoku_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  u.searchParams.set('options', `-c search_path=${schema}`);
  return {
    name: 'postgres',
    env: { DATABASE_URL: u.toString() },
    async cleanup() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
