// Three `gensoku serve` processes on one PostgreSQL act as one service: they start together on an empty database,
// share sessions and the login throttle, and a list imported through one is in use on all within 2 s.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { validateListXml } from '../../cases/lists.ts';
import { editList, NEW_VERSION, REIMPORT_EDITS, SHARED_LIST } from '../../../test/support/lists.ts';
import { buildIndex } from '../../screening/index.ts';
import { openPostgres } from '../../store/postgres.ts';
import type { Sql } from '../../store/sql.ts';
import { startServe, stopServe, type Server } from '../../../test/support/serve.ts';

const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl) console.warn('serve on PostgreSQL, three instances: SKIPPED (set TEST_DATABASE_URL to run it)');

const ADMIN = { username: 'root', password: 'root password 1234' };
const servers: Server[] = [];
let admin: Sql | undefined;
const schema = `gensoku_scale_${randomUUID().replace(/-/g, '').slice(0, 12)}`;

afterAll(async () => {
  await Promise.all(servers.map((s) => stopServe(s)));
  if (admin) {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.close();
  }
});

const health = async (s: Server) => (await (await fetch(`${s.url}/healthz`)).json()) as { policyDigest: string; list: { id: number; version: string; sha256: string } | null };

async function login(url: string, username = ADMIN.username, password = ADMIN.password) {
  return fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
}

describe.skipIf(!pgUrl)('three gensoku serve processes on one PostgreSQL', { timeout: 180_000 }, () => {
  it('start together on an empty database and agree on the policy and the list', async () => {
    admin = await openPostgres(pgUrl!, { max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    const url = new URL(pgUrl!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const env = {
      ...process.env, DATABASE_URL: url.toString(), GENSOKU_ADMIN_USER: ADMIN.username, GENSOKU_ADMIN_PASSWORD: ADMIN.password,
      GENSOKU_UN_LIST: '', GENSOKU_DATA: '', PORT: '', HOST: '',
    };
    servers.push(...await Promise.all([0, 1, 2].map(() => startServe(env, { ready: /"msg":"screening"/, timeoutMs: 120_000 }))));
    const h = await Promise.all(servers.map(health));
    expect(new Set(h.map((x) => x.policyDigest)).size).toBe(1);
    expect(h.map((x) => x.list?.id)).toEqual([1, 1, 1]);
    expect(h[0]!.list!.version).toBe('2026-05-08T23:00:06.922Z');
    // The first admin was created once, whoever came first.
    const { rows } = await admin.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.users`);
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('share sessions: signed in on one, known on the others, signed out everywhere', async () => {
    const [a, b, c] = servers as [Server, Server, Server];
    const res = await login(a.url);
    expect(res.status).toBe(200);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    expect((await fetch(`${b.url}/api/v1/auth/me`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${c.url}/api/v1/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } })).status).toBe(204);
    expect((await fetch(`${a.url}/api/v1/auth/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('share the login throttle', async () => {
    const [a, b, c] = servers as [Server, Server, Server];
    for (const s of [a, b, c, a]) expect((await login(s.url, 'mallory', 'not the password')).status).toBe(401);
    const held = await login(b.url, 'mallory', 'not the password');
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('put a list imported through one in use on all within 2 s', async () => {
    const [a, b, c] = servers as [Server, Server, Server];
    const res = await login(b.url);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const xml = editList(readFileSync(SHARED_LIST, 'utf8'), REIMPORT_EDITS);
    // What a server does on the announcement (parse and index the list), timed here: on a machine so busy that it
    // takes more than 0.75 s, the 2 s bound stretches with it.
    const started = performance.now();
    const parsed = validateListXml(xml);
    if (parsed.ok) buildIndex(parsed.value);
    const bound = Math.max(2000, (performance.now() - started) * 2 + 500);
    const put = await fetch(`${b.url}/api/v1/screening/list`, {
      method: 'PUT', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/xml' }, body: xml,
    });
    expect(put.status).toBe(200);
    const stored = (await put.json()) as { list: { id: number; sha256: string } };
    const imported = Date.now();
    const seen = await Promise.all([a, c].map(async (s) => {
      for (;;) {
        const h = await health(s);
        if (h.list?.id === stored.list.id) return { at: Date.now() - imported, list: h.list };
        if (Date.now() - imported > bound + 3000) return { at: Infinity, list: h.list };
        await new Promise((r) => setTimeout(r, 50));
      }
    }));
    console.info(`list in use on the other instances ${seen.map((s) => s.at).join(' ms, ')} ms after the import answered (bound ${Math.round(bound)} ms)`);
    for (const s of seen) {
      expect(s.at).toBeLessThan(bound);
      expect(s.list).toMatchObject({ id: 2, version: NEW_VERSION, sha256: stored.list.sha256 });
    }
    // And it screens with it: the name added in the new list is a match on another instance.
    const r2 = await login(c.url);
    const c2 = (await r2.json()) as { csrfToken: string };
    const screened = await fetch(`${c.url}/api/v1/screen`, {
      method: 'POST', headers: { cookie: r2.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': c2.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Taro Yamashita' }),
    });
    expect(((await screened.json()) as { results: { referenceNumber: string; match: boolean }[] }).results[0]).toMatchObject({ referenceNumber: 'KPi.999', match: true });
    expect(a.stdout()).toContain('"msg":"screening with the list another server stored"');
  });
});
