// Starts the real product for end-to-end tests: `gensoku serve` as a child process on a free port, on a fresh
// embedded database in a temporary folder, with the web UI built if web/dist is missing or older than its sources.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'screenshots');

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

/** Builds web/dist unless it is newer than everything it is built from. */
export function ensureWebBuilt(): void {
  const index = join(ROOT, 'web/dist/index.html');
  const sources = Math.max(newest(join(ROOT, 'web/src')), statSync(join(ROOT, 'web/index.html')).mtimeMs, statSync(join(ROOT, 'web/vite.config.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`web build failed:\n${r.stdout}\n${r.stderr}`);
}

export interface Account {
  username: string;
  password: string;
  role: 'applicant' | 'examiner' | 'nsc' | 'auditor' | 'admin';
  org?: string;
}

export interface Server {
  url: string;
  stop(): Promise<void>;
  /** Creates a user through the API, as the first admin. */
  addUser(a: Account): Promise<void>;
  /** Loads a sanctions list (UN XML) through the API, as the first admin. */
  importList(xml: string): Promise<void>;
}

const ADMIN = { username: 'e2e-admin', password: 'e2e-admin-password-1' };

async function adminSession(url: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (!res.ok) throw new Error(`admin login failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return { cookie, csrf: body.csrfToken };
}

export async function startServer(): Promise<Server> {
  ensureWebBuilt();
  const data = mkdtempSync(join(tmpdir(), 'gensoku-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin/gensoku.mjs'), 'serve', '--port', '0', '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, GENSOKU_DATA: join(data, 'db'), GENSOKU_ADMIN_USER: ADMIN.username, GENSOKU_ADMIN_PASSWORD: ADMIN.password, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), 60_000);
    const onData = (b: Buffer) => {
      output += b.toString();
      const m = /listening on (http:\/\/[\d.:[\]]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  // Keep draining the request log so the pipe never fills.
  child.stdout?.on('data', () => undefined);
  let admin: Promise<{ cookie: string; csrf: string }> | undefined;
  return {
    url,
    async addUser(a) {
      admin ??= adminSession(url);
      const { cookie, csrf } = await admin;
      const res = await fetch(`${url}/api/v1/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
        body: JSON.stringify(a),
      });
      if (res.status !== 201) throw new Error(`creating ${a.username} failed: ${res.status} ${await res.text()}`);
    },
    async importList(xml) {
      admin ??= adminSession(url);
      const { cookie, csrf } = await admin;
      const res = await fetch(`${url}/api/v1/screening/list`, { method: 'PUT', headers: { 'content-type': 'application/xml', cookie, 'x-csrf-token': csrf }, body: xml });
      if (res.status !== 200) throw new Error(`list import failed: ${res.status} ${await res.text()}`);
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(data, { recursive: true, force: true });
    },
  };
}
