// POST /api/v1/screening/list/update against a loopback HTTP server, as `gensoku lists update` is tested: a changed
// list is imported (audited under the admin and the request), a 304 stores nothing and says so, a remote 500 is a
// 502 problem with the list in use kept, and only admins may trigger it. Every answer is held to the OpenAPI document.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../store/pglite.ts';
import { openStoreOver, type SqlStore } from '../../store/store.ts';
import { conformance } from '../../../test/conformance.ts';
import { editList, NEW_VERSION, REIMPORT_EDITS, SHARED_LIST, STUB_ENGINE } from '../../../test/support/lists.ts';
import { listServer, type ListServer } from '../../../test/support/list-server.ts';
import { usersWithTokens } from '../../../test/support/users.ts';
import { createApp } from '../app.ts';
import type { ApiEngine } from '../route.ts';

const ORIGINAL = readFileSync(SHARED_LIST, 'utf8');
const CHANGED = editList(ORIGINAL, REIMPORT_EDITS);
const engine = { ...STUB_ENGINE, regimes: () => [], factsOf: () => [], sources: new Map() } as unknown as ApiEngine;
// A second later at each reading, so /healthz can tell the last download.
let tick = Date.parse('2026-05-10T01:00:00Z');
const now = () => new Date(tick += 1000);

let srv: ListServer;
let base = '';
let store: SqlStore;
let app: ReturnType<typeof createApp>;
let check: ReturnType<typeof conformance>;
let tokens: Record<string, string> = {};

beforeAll(async () => {
  srv = await listServer({ body: ORIGINAL, etag: '"v1"' });
  base = srv.base;
  store = await openStoreOver(await openPglite());
  app = createApp({ store, engine, now, log: () => {}, webDist: null, listUrl: `${base}/list.xml`, listDownload: { timeoutMs: 2000, attempts: 2, backoffMs: 10 } });
  check = conformance(await (await app.request('/api/openapi.json')).json() as Record<string, unknown>);
  tokens = await usersWithTokens(store, [
    { username: 'admin', role: 'admin' }, { username: 'alice', role: 'applicant', org: 'ACME' }, { username: 'erin', role: 'examiner' }, { username: 'audrey', role: 'auditor' },
  ], now());
});

afterAll(async () => {
  await srv.close();
  await store?.close();
});

/** POSTs to the update route; body undefined sends none. Every answer must conform to the OpenAPI document. */
async function update(as: string | null, body?: unknown, headers: Record<string, string> = {}) {
  const res = await app.request('/api/v1/screening/list/update', {
    method: 'POST',
    headers: { ...(as ? { authorization: `Bearer ${tokens[as]}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  expect(check({ method: 'POST', path: '/api/v1/screening/list/update', status: res.status, contentType: type, body: text })).toEqual([]);
  return { status: res.status, type, json: JSON.parse(text) };
}

const history = async () => (await store.screening.listHistory()).map((l) => l.id);
const imports = async () => (await store.audit.list({ limit: 1000 })).filter((e) => e.verb === 'screening.list.import');

describe('POST /api/v1/screening/list/update', { timeout: 60_000 }, () => {
  it('refuses everyone but admins before anything is downloaded', async () => {
    expect((await update(null)).status).toBe(401);
    for (const who of ['alice', 'erin', 'audrey']) {
      const r = await update(who, { url: `${base}/list.xml` });
      expect(r.status, who).toBe(403);
      expect(r.json.problems[0].code).toBe('forbidden');
    }
    expect(srv.hits['/list.xml']).toBeUndefined();
    expect(await history()).toEqual([]);
  });

  it('with no body, downloads the configured list and imports it, audited under the admin and the request', async () => {
    const r = await update('admin', undefined, { 'x-request-id': 'req-update-1' });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      status: 'imported', url: `${base}/list.xml`, unchanged: false, previous: null,
      list: { id: 1, origin: `${base}/list.xml`, importedBy: 'admin', entries: 1009 }, changes: { fromVersion: null },
    });
    expect(await history()).toEqual([1]);
    expect(await imports()).toEqual([expect.objectContaining({ actor: 'admin', requestId: 'req-update-1', after: expect.objectContaining({ id: 1, origin: `${base}/list.xml` }) })]);
    expect((await store.listFetches.get(`${base}/list.xml`))).toMatchObject({ outcome: 'updated', etag: '"v1"' });
  });

  it('answers a 304 with unchanged: nothing stored, nothing audited, the list in use named', async () => {
    const r = await update('admin', {});
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: 'unchanged', url: `${base}/list.xml`, unchanged: true, list: expect.objectContaining({ id: 1, entries: 1009 }) });
    expect(srv.conditional).toEqual(['"v1"']);
    expect(await history()).toEqual([1]);
    expect(await imports()).toHaveLength(1);
    expect((await store.listFetches.get(`${base}/list.xml`))).toMatchObject({ outcome: 'unchanged' });
  });

  it('imports a changed list from the URL in the body: diffed, stored, in use', async () => {
    srv.served = { body: CHANGED, etag: '"v2"' };
    const r = await update('admin', { url: `${base}/list.xml` });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ status: 'imported', unchanged: false, list: { id: 2, version: NEW_VERSION }, previous: { id: 1 }, changes: { added: [{ referenceNumber: 'KPi.999' }] } });
    expect(await history()).toEqual([2, 1]);
    expect(await imports()).toHaveLength(2);
    const inUse = await app.request('/api/v1/screening/list', { headers: { authorization: `Bearer ${tokens.audrey}` } });
    expect(((await inUse.json()) as { list: { id: number } }).list.id).toBe(2);
  });

  it('still sends its validators after another list was imported, and names the UN list as unchanged', async () => {
    const csv = await app.request('/api/v1/screening/list', {
      method: 'PUT', headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'text/csv' },
      body: 'list,version,reference,type,name\nTest List,2026-05-01,T-1,person,Taro Example\n',
    });
    expect(csv.status).toBe(200);
    const r = await update('admin');
    expect(r.json).toMatchObject({ status: 'unchanged', list: { id: 2, version: NEW_VERSION } });
    expect(srv.conditional.at(-1)).toBe('"v2"');
    expect(await history()).toEqual([3, 2, 1]);
  });

  it('answers a remote 500, after its retry, with 502 and the problems; the list in use stays', async () => {
    const r = await update('admin', { url: `${base}/error` });
    expect(r.status).toBe(502);
    expect(r.type).toContain('application/problem+json');
    expect(r.json.problems).toEqual([{ code: 'list.download_failed', path: `${base}/error`, message: expect.stringMatching(/answered 500.*after 2 attempts/) }]);
    expect(srv.hits['/error']).toBe(2);
    expect(await history()).toEqual([3, 2, 1]);
    const health = (await (await app.request('/healthz')).json()) as { list: { id: number }; listUpdate: { outcome: string; url: string } };
    expect(health.list.id).toBe(3);
    expect(health.listUpdate).toMatchObject({ url: `${base}/error`, outcome: 'failed' });
  });

  it('refuses a body that is not a bare { url } with an http(s) URL, listing its problems', async () => {
    const ftp = await update('admin', { url: 'ftp://example.org/list.xml' });
    expect(ftp.status).toBe(422);
    expect(ftp.json.problems.map((p: { path: string }) => p.path)).toEqual(['url']);
    const extra = await update('admin', { url: `${base}/list.xml`, force: true });
    expect(extra.status).toBe(422);
    expect((await update('admin', 'url=x', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await update('admin', '{"url":')).status).toBe(400);
    expect(await history()).toEqual([3, 2, 1]);
  });

  it('is documented with an optional body, 502 for a remote failure, and the admin role only', async () => {
    const op = ((await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, any>> }).paths['/api/v1/screening/list/update'].post;
    expect(op.requestBody.required).toBe(false);
    expect(Object.keys(op.requestBody.content['application/json'].schema.properties)).toEqual(['url']);
    expect(op.responses).toHaveProperty('502');
    expect(op['x-roles']).toEqual(['admin']);
  });
});
