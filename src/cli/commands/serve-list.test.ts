// The real server and the stored sanctions list: the start-up file is stored when the database has none, an
// HTTP import survives a restart (the stored list wins over GENSOKU_UN_LIST), and `gensoku lists import`
// refuses the data directory while the server holds it.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editList, NEW_VERSION, REIMPORT_EDITS, SHARED_LIST } from '../../../test/support/lists.ts';
import { cliOn, startServe, stopServe, type Server } from '../../../test/support/serve.ts';
import { run as lists } from './lists.ts';

const dir = mkdtempSync(join(tmpdir(), 'gensoku-serve-list-'));
const data = join(dir, 'data');
const ADMIN_PASSWORD = 'root password 1234';
const env = { ...process.env, GENSOKU_DATA: data, DATABASE_URL: '', GENSOKU_ADMIN_USER: 'root', GENSOKU_ADMIN_PASSWORD: ADMIN_PASSWORD, GENSOKU_UN_LIST: SHARED_LIST };

// The screening line follows the listening line: wait for both.
const start = () => startServe(env, { ready: /"msg":"screening"/ });
const stop = stopServe;

const screeningLine = (s: Server) => JSON.parse(s.stdout().split('\n').find((l) => l.includes('"msg":"screening"'))!);

async function admin(url: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'root', password: ADMIN_PASSWORD }) });
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  return async (method: string, path: string, body?: string, type = 'application/json') => {
    const r = await fetch(`${url}${path}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': type } : {}) }, body });
    return { status: r.status, json: (await r.json()) as any };
  };
}

const cli = (argv: string[]) => cliOn(data, lists, argv);

let server: Server | undefined;
afterAll(async () => {
  if (server) await stop(server);
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!existsSync(SHARED_LIST))('gensoku serve and the stored list', { timeout: 180_000 }, () => {
  it('stores the start-up list when the database has none, takes an HTTP import, and refuses a CLI import meanwhile', async () => {
    server = await start();
    expect(screeningLine(server).list).toMatchObject({ version: '2026-05-08T23:00:06.922Z', id: 1, from: `file:${SHARED_LIST}`, entries: 1009 });
    const as = await admin(server.url);
    const r = await as('PUT', '/api/v1/screening/list', editList(readFileSync(SHARED_LIST, 'utf8'), REIMPORT_EDITS), 'application/xml');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ list: { id: 2, version: NEW_VERSION }, previous: { id: 1 }, changes: { added: [{ referenceNumber: 'KPi.999' }] } });

    const blocked = await cli(['import', SHARED_LIST, '--allow-older']);
    expect(blocked.code).toBe(1);
    expect(blocked.err).toMatch(new RegExp(`in use by process ${server.child.pid}`));
    expect(blocked.err).toContain('the server is running');
    expect(await stop(server)).toBe(0);
  });

  it('screens with the imported list after a restart; GENSOKU_UN_LIST no longer decides', async () => {
    server = await start();
    expect(screeningLine(server).list).toMatchObject({ version: NEW_VERSION, id: 2, from: 'database' });
    expect(server.stderr()).toMatch(/note: screening with the list stored in the database \(2026-05-09T23:00:04\.118Z, list #2\); GENSOKU_UN_LIST=.* is used only when the database holds none/);
    const as = await admin(server.url);
    expect((await as('GET', '/api/v1/screening/list')).json.list).toMatchObject({ id: 2, version: NEW_VERSION, origin: 'http', importedBy: 'root' });
    const s = await as('POST', '/api/v1/screen', JSON.stringify({ name: 'Taro Yamashita' }));
    expect(s.json.results[0]).toMatchObject({ referenceNumber: 'KPi.999', match: true });
    expect(await stop(server)).toBe(0);
    const h = await cli(['history', '--format', 'json']);
    expect(JSON.parse(h.out).map((l: { id: number; importedBy: string }) => [l.id, l.importedBy])).toEqual([[2, 'root'], [1, 'system']]);
  });
});
