// `gensoku serve` as a child process for the fault tests: start on a free loopback port, call it, kill it.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');

export interface Served {
  url: string;
  child: ChildProcess;
  log: () => string;
}

/** Starts `gensoku serve --port 0` on 127.0.0.1; output goes to a file the test can read. */
export async function serve(env: Record<string, string>, logDir = mkdtempSync(join(tmpdir(), 'gensoku-serve-'))): Promise<Served> {
  const logFile = join(logDir, `serve-${Date.now()}.log`);
  const fd = openSync(logFile, 'w');
  const child = spawn(process.execPath, [join(REPO, 'bin/gensoku.mjs'), 'serve', '--port', '0', '--host', '127.0.0.1'], {
    cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const log = () => readFileSync(logFile, 'utf8');
  const url = await new Promise<string>((res, rej) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log());
      if (m) { clearInterval(poll); res(m[1]); return; }
      if (child.exitCode !== null || Date.now() - started > 45_000) {
        clearInterval(poll);
        child.kill('SIGKILL');
        rej(new Error(`gensoku serve ${child.exitCode !== null ? `exited with ${child.exitCode}` : 'did not start in 45 s'}:\n${log()}`));
      }
    }, 50);
  });
  return { url, child, log };
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((res) => {
    if (child.exitCode !== null || child.signalCode !== null) res();
    else child.once('exit', () => res());
  });
}

/** Stops the server gracefully (SIGTERM), or kills it after a grace period. */
export async function stop(s: Served): Promise<void> {
  const done = exited(s.child);
  s.child.kill('SIGTERM');
  const timer = setTimeout(() => s.child.kill('SIGKILL'), 15_000);
  await done;
  clearTimeout(timer);
}

export async function api(url: string, method: string, path: string, opts: { body?: unknown; token?: string; headers?: Record<string, string>; timeoutMs?: number } = {}) {
  const res = await fetch(url + path, {
    method,
    headers: {
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    signal: AbortSignal.timeout(opts.timeoutMs ?? 20_000),
  });
  const text = await res.text();
  let json: any = null;
  try { json = JSON.parse(text); } catch { json = null; }
  return { status: res.status, json, text, headers: res.headers };
}

/** Logs in with the cookie flow and trades the session for a bearer token. */
export async function bearer(url: string, username: string, password: string): Promise<string> {
  const login = await api(url, 'POST', '/api/v1/auth/login', { body: { username, password } });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status} ${login.text}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const tok = await api(url, 'POST', '/api/v1/auth/tokens', { body: { label: 'hardening' }, headers: { cookie, 'x-csrf-token': login.json.csrfToken } });
  if (tok.status !== 201) throw new Error(`token ${username}: ${tok.status} ${tok.text}`);
  return tok.json.token as string;
}

/** Runs the CLI in a child process (as an operator would), with the given environment. */
export function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((res) => {
    const child = spawn(process.execPath, [join(REPO, 'bin/gensoku.mjs'), ...args], { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.once('exit', (code) => res({ code, out, err }));
  });
}
