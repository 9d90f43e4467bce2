// `lists update` against a loopback HTTP server serving fixtures: changed, unchanged (304), truncated, 500, slow,
// oversized. A failure never replaces the list in use, and is kept for /healthz.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../store/pglite.ts';
import { openStoreOver, type SqlStore as Store } from '../store/store.ts';
import { cliOn } from '../../test/support/serve.ts';
import { run as lists } from '../cli/commands/lists.ts';
import { listAge, scheduleListRefresh, updateList, type UpdateDeps } from './list-update.ts';
import type { ListHolder } from './lists.ts';
import { editList, NEW_VERSION, REIMPORT_EDITS, SHARED_LIST } from '../../test/support/lists.ts';
import { listServer, type ListServer } from '../../test/support/list-server.ts';

const ORIGINAL = readFileSync(SHARED_LIST, 'utf8');
const CHANGED = editList(ORIGINAL, REIMPORT_EDITS);

/** The list server: /list.xml and /error, and the failures below; hits per path and conditional requests. */
let srv: ListServer;
let hits: Record<string, number>;
let conditional: string[];
let base: string;

beforeAll(async () => {
  srv = await listServer({ body: ORIGINAL, etag: '"v1"' }, (path, res) => {
    if (path === '/truncated') {
      // Declares the whole list, sends half, and hangs up.
      const bytes = Buffer.from(CHANGED);
      res.writeHead(200, { 'content-type': 'application/xml', 'content-length': String(bytes.length) });
      res.write(bytes.subarray(0, bytes.length >> 1), () => res.destroy());
    } else if (path === '/truncated-xml') {
      // A complete HTTP answer whose XML stops halfway.
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(CHANGED.slice(0, CHANGED.length >> 1));
    } else if (path === '/slow') {
      // Headers, a little of the body, then nothing.
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.write(CHANGED.slice(0, 100));
    } else if (path === '/silent') {
      // Never answers at all.
    } else if (path === '/big') {
      res.writeHead(200, { 'content-type': 'application/xml', 'content-length': String(10 * 1024 * 1024) });
      res.end();
    } else if (path === '/big-chunked') {
      // No declared length: the limit has to be kept while reading.
      res.writeHead(200, { 'content-type': 'application/xml' });
      const chunk = Buffer.alloc(256 * 1024, 'a');
      let sent = 0;
      const more = () => { while (sent < 40 && res.write(chunk)) sent++; if (sent < 40) res.once('drain', more); else res.end(); };
      more();
    } else {
      return false;
    }
    return true;
  });
  ({ hits, conditional, base } = srv);
});

afterAll(async () => srv.close());

const rc = { actor: { id: 'system', username: 'system', role: 'admin' as const, org: null } };
// Each reading a second later, so the last download is the latest one.
let tick = Date.parse('2026-11-30T03:00:00Z');
const now = () => new Date(tick += 1000);
const FAST = { timeoutMs: 400, attempts: 3, backoffMs: 10, maxBytes: 4 * 1024 * 1024 };

describe('updating the list from a URL', () => {
  let store: Store;
  let holder: ListHolder;
  let deps: UpdateDeps;
  beforeAll(async () => {
    store = await openStoreOver(await openPglite());
    holder = { current: null };
    deps = { store, screening: holder, now, download: FAST };
  });
  afterAll(async () => store.close());

  const history = async () => (await store.screening.listHistory()).map((l) => l.id);

  it('imports a new list, then a 304 stores nothing', async () => {
    const first = await updateList(deps, rc, `${base}/list.xml`);
    expect(first.ok && first.value.status).toBe('imported');
    expect(await history()).toEqual([1]);
    expect(holder.current?.stored?.id).toBe(1);

    const again = await updateList(deps, rc, `${base}/list.xml`);
    expect(again).toMatchObject({ ok: true, value: { status: 'unchanged' } });
    expect(conditional).toEqual(['"v1"']);
    expect(await history()).toEqual([1]);
    expect(await store.listFetches.get(`${base}/list.xml`)).toMatchObject({ etag: '"v1"', outcome: 'unchanged', message: null });
  });

  it('imports a changed list: diffed, stored, in use', async () => {
    srv.served = { body: CHANGED, etag: '"v2"' };
    const r = await updateList(deps, rc, `${base}/list.xml`);
    if (!r.ok || r.value.status !== 'imported') throw new Error(JSON.stringify(r));
    expect(r.value.report.changes).toMatchObject({ added: [{ referenceNumber: 'KPi.999' }] });
    expect(r.value.report.list.origin).toBe(`${base}/list.xml`);
    expect(await history()).toEqual([2, 1]);
    expect(holder.current?.version).toBe(NEW_VERSION);
  });

  const failsAndKeeps = async (path: string, code: string, message: RegExp) => {
    const before = holder.current;
    const r = await updateList(deps, rc, `${base}${path}`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ code });
    expect(r.problems.map((p) => p.message).join(' ')).toMatch(message);
    expect(holder.current).toBe(before);
    expect(await history()).toEqual([2, 1]);
    expect(await store.listFetches.latest()).toMatchObject({ url: `${base}${path}`, outcome: 'failed', message: expect.stringMatching(message) });
  };

  it('refuses a truncated download, after retrying it', async () => {
    await failsAndKeeps('/truncated', 'list.download_failed', /broke off.*after 3 attempts/);
    expect(hits['/truncated']).toBe(3);
  });

  it('refuses a complete answer whose XML is cut off', async () => {
    await failsAndKeeps('/truncated-xml', 'xml.malformed', /InvalidXml/);
  });

  it('retries a 500, then gives up', async () => {
    await failsAndKeeps('/error', 'list.download_failed', /answered 500.*after 3 attempts/);
    expect(hits['/error']).toBe(3);
  });

  it('gives up on a server that stalls, before or during the body', async () => {
    await failsAndKeeps('/silent', 'list.download_failed', /no answer within 400 ms/);
    await failsAndKeeps('/slow', 'list.download_failed', /no data for 400 ms/);
  });

  it('refuses an oversized list, declared or streamed, without retrying', async () => {
    await failsAndKeeps('/big', 'list.too_large', /10485760 bytes, more than the limit/);
    expect(hits['/big']).toBe(1);
    await failsAndKeeps('/big-chunked', 'list.too_large', /larger than 4194304 bytes/);
  });

  it('says how old the list in use is', () => {
    expect(listAge(holder.current!, now())).toMatchObject({ version: NEW_VERSION, id: 2, ageDays: 204, stale: true });
  });
});

describe('the scheduled refresh', () => {
  it('updates at start when never checked, one turn for two schedulers on one database, failures logged', async () => {
    const store = await openStoreOver(await openPglite());
    try {
      srv.served = { body: ORIGINAL, etag: '"v4"' };
      const before = hits['/list.xml'] ?? 0;
      const logs: Record<string, unknown>[] = [];
      const log = (l: Record<string, unknown>) => logs.push(l);
      const holders: ListHolder[] = [{ current: null }, { current: null }];
      const stops = holders.map((h) => scheduleListRefresh({ store, screening: h, now: () => new Date(), download: FAST }, `${base}/list.xml`, 3_600_000, log));
      for (let i = 0; i < 200 && logs.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 300));
      stops.forEach((stop) => stop());
      expect(logs).toEqual([expect.objectContaining({ level: 'info', msg: 'list updated', list: { id: 1, version: '2026-05-08T23:00:06.922Z' } })]);
      expect(hits['/list.xml']! - before).toBe(1);
      expect(holders.filter((h) => h.current?.stored?.id === 1)).toHaveLength(1);

      const failing = scheduleListRefresh({ store, screening: holders[0]!, now: () => new Date(), download: FAST }, `${base}/error`, 3_600_000, log);
      for (let i = 0; i < 200 && logs.length === 1; i++) await new Promise((r) => setTimeout(r, 50));
      failing();
      expect(logs[1]).toMatchObject({ level: 'error', msg: 'list update failed', url: `${base}/error` });
      expect(holders[0]!.current?.stored?.id).toBe(1);
    } finally {
      await store.close();
    }
  });
});

describe('gensoku lists update --url', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gensoku-lists-update-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports, then reports unchanged, and exits 1 naming the problem when the download fails', async () => {
    srv.served = { body: ORIGINAL, etag: '"v3"' };
    const first = await cliOn(dir, lists, ['update', '--url', `${base}/list.xml`]);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/imported UN Security Council Consolidated List, generated 2026-05-08T23:00:06\.922Z, as list #1/);
    const again = await cliOn(dir, lists, ['update', '--url', `${base}/list.xml`]);
    expect(again.out).toMatch(/unchanged .*nothing stored/);
    const bad = await cliOn(dir, lists, ['update', '--url', `${base}/nope`]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/cannot update the list from .*\/nope; the list in use is unchanged[\s\S]*answered 404/);
    expect((await cliOn(dir, lists, ['update', '--url', 'ftp://x'])).code).toBe(1);
  });
});
