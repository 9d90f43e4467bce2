// The HTTP API in-process: errors, auth, the case lifecycle end to end, concurrency, and the role x endpoint table.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Decision, TransferRequest } from '../core/model.ts';
import type { Role } from '../cases/model.ts';
import { validateListContent } from '../cases/lists.ts';
import { createUser, issueToken } from '../cases/users.ts';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { openPglite } from '../store/pglite.ts';
import { openStoreOver, type SqlStore } from '../store/store.ts';
import { createApp } from './app.ts';
import { rolesOf } from './openapi.ts';
import type { ApiEngine, LogLine } from './route.ts';
import { ROUTE_MODULES } from './routes/index.ts';
import { conformance } from '../../test/conformance.ts';

// A test double with fixed answers, so these tests do not move when the policy data does.
function decide(req: TransferRequest): Decision {
  const base = { regime: 'test', revision: 'test', conditions: [], open: [], trace: [], policyDigest: engine.policyDigest };
  if (req.recipient === 'KP') return { ...base, outcome: 'prohibited', reasons: ['p1-unsc-embargo'], review: null };
  if (req.recipient === 'GB') return { ...base, outcome: 'permissible', reasons: ['p2-joint-development'], review: 'nsc', conditions: [{ id: 'prior-consent', rule: 'p3-prior-consent', text: { en: 'Prior consent of Japan for third-party transfer', ja: '第三国移転の事前同意' } }] };
  return { ...base, outcome: 'permissible', reasons: ['p2-security-cooperation'], review: 'meti', conditions: [{ id: 'prior-consent', rule: 'p3-prior-consent', text: { en: 'Prior consent of Japan for third-party transfer', ja: '第三国移転の事前同意' } }] };
}
const engine = {
  policyDigest: 'sha256:test-policy-1',
  evaluate: (req: TransferRequest) => decide(req),
  regimes: () => [{ id: '2014-04-01' }],
  sources: new Map([['cabinet-2014', { id: 'cabinet-2014' }]]),
  factsOf: (country: string, asOf: string) => [{ type: 'fact', fact: 'unsc-arms-embargo', of: country, value: false, from: null, to: null, source: null, confirmed: true, note: asOf }],
  rule: (id: string) => (id.startsWith('p2-') ? { id, category: id.slice(3) } : id.startsWith('p1-') ? { id } : undefined),
  policy: {
    categories: ['peace-contribution', 'joint-development', 'security-cooperation', 'sdf-nationals'].map((id) => ({
      id, title: { en: `title ${id}`, ja: `題 ${id}` }, report: { en: `heading ${id}`, ja: `見出し ${id}` }, source: 'meti', confirmed: true,
    })),
  },
} as unknown as ApiEngine & { policyDigest: string };

let store: SqlStore;
let app: ReturnType<typeof createApp>;
const logs: LogLine[] = [];
const tokens: Record<string, string> = {};
let clock = new Date('2026-04-01T01:00:00Z');

const USERS: { username: string; role: Role; org?: string }[] = [
  { username: 'admin', role: 'admin' },
  { username: 'alice', role: 'applicant', org: 'ACME' },
  { username: 'bob', role: 'applicant', org: 'BETA' },
  { username: 'erin', role: 'examiner' },
  { username: 'eve', role: 'examiner' },
  { username: 'nora', role: 'nsc' },
  { username: 'audrey', role: 'auditor' },
];
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  store = await openStoreOver(await openPglite());
  // No list server listens on port 1: an admin's list update in the role table and the fuzz fails at once, with 502.
  app = heldToDocument(createApp({ store, engine, now: () => clock, log: (l) => logs.push(l), webDist: null, listUrl: 'http://127.0.0.1:1/list.xml', listDownload: { attempts: 1, timeoutMs: 2000 } }));
  for (const u of USERS) {
    const r = await createUser(store, { actor: 'system', at: clock.toISOString() }, { ...u, password: PASSWORD }, clock);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    tokens[u.username] = (await issueToken(store, { actor: 'system', at: clock.toISOString() }, r.value, 'token', clock)).token;
  }
});
afterAll(async () => store?.close());

/** Every response an app gives these tests is held to the OpenAPI document it serves (status, content type, schema). */
function heldToDocument(a: ReturnType<typeof createApp>): ReturnType<typeof createApp> {
  const request = a.request.bind(a);
  let check: ReturnType<typeof conformance> | undefined;
  a.request = (async (input: string | Request | URL, init?: RequestInit) => {
    const res = await request(input, init);
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    if (url.pathname === '/api/openapi.json') return res;
    check ??= conformance(await (await request('/api/openapi.json')).json() as Record<string, unknown>);
    const seen = { method: (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase(), path: url.pathname, status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.clone().text() };
    expect(check(seen), 'the response conforms to the OpenAPI document').toEqual([]);
    return res;
  }) as typeof a.request;
  return a;
}

async function call(method: string, path: string, opts: { as?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.as) headers.authorization = `Bearer ${tokens[opts.as]}`;
  if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await app.request(path, { method, headers, body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, type: res.headers.get('content-type') ?? '', json, headers: res.headers };
}

const application = (recipient = 'AU') => ({
  recipient,
  purpose: 'security-cooperation',
  endUser: { name: 'Department of Defence', type: 'government', address: 'Canberra', country: recipient },
  consignees: [{ name: 'Freight Forwarder Pty', type: 'company', address: 'Sydney' }],
  items: [
    { item: { name: 'coastal surveillance radar', weapon: false, form: 'complete', function: 'surveillance' }, quantity: 4, valueJpy: 400_000_000 },
    { item: { name: 'radar spare parts', weapon: false, form: 'part', function: 'surveillance' }, quantity: 100, valueJpy: 50_000_000 },
  ],
  route: [{ country: 'SG', place: 'Port of Singapore' }],
  justification: 'Maritime domain awareness under the 2023 security cooperation framework.',
});

describe('errors', () => {
  it('answers unknown routes with 404 problem+json', async () => {
    for (const [m, p] of [['GET', '/api/v1/nope'], ['POST', '/api/v1/nope'], ['DELETE', '/healthz'], ['GET', '/api']]) {
      const r = await call(m, p);
      expect(r.status, `${m} ${p}`).toBe(404);
      expect(r.type).toContain('application/problem+json');
      expect(r.json.problems[0].code).toBe('not_found');
    }
  });

  it('lists every field problem of a bad request and never answers 500', async () => {
    const r = await call('POST', '/api/v1/evaluate', { body: { asOf: '2024-02-30', recipient: 'ZZ', item: { weapon: 'yes', colour: 'red' }, purpose: 'fun' } });
    expect(r.status).toBe(422);
    expect(r.type).toContain('application/problem+json');
    const paths = r.json.problems.map((p: { path: string }) => p.path).sort();
    expect(paths).toEqual(['asOf', 'item.colour', 'item.weapon', 'purpose', 'recipient']);
    for (const p of r.json.problems) expect(Object.keys(p).sort()).toEqual(['code', 'message', 'path']);
  });

  it('refuses malformed JSON, the wrong media type, NUL characters and oversized bodies', async () => {
    expect((await call('POST', '/api/v1/evaluate', { body: '{"recipient":' })).json.problems[0].code).toBe('invalid_json');
    expect((await call('POST', '/api/v1/evaluate', { body: 'x', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    const nul = await call('POST', '/api/v1/evaluate', { body: { recipient: 'AU', item: { name: 'a\u0000b' } } });
    expect(nul.status).toBe(400);
    expect(nul.json.problems[0]).toMatchObject({ code: 'invalid_character', path: 'item.name' });
    const deep = await call('POST', '/api/v1/evaluate', { body: `{"recipient":"AU","item":{"name":${'['.repeat(20_000)}${']'.repeat(20_000)}}}` });
    expect(deep.status).toBe(422);
    expect(deep.json.problems[0].code).toBe('too_deep');
    const big = await call('POST', '/api/v1/evaluate', { body: { recipient: 'AU', item: { name: 'x'.repeat(2 * 1024 * 1024) } } });
    expect(big.status).toBe(413);
    expect(big.type).toContain('application/problem+json');
  });

  it('refuses NUL characters in paths and queries instead of passing them to the database', async () => {
    for (const path of ['/api/v1/cases/%00', '/api/v1/audit?target=%00', '/api/v1/consents/a%00b', '/api/v1/cases/%ED%A0%80']) {
      const r = await call('GET', path, { as: 'audrey' });
      expect(r.status, path).toBeLessThan(500);
    }
  });

  it('refuses an unknown regime and bad query values with problems', async () => {
    const r = await call('POST', '/api/v1/evaluate?regime=1900-01-01', { body: { recipient: 'AU', item: {} } });
    expect(r.json.problems[0].code).toBe('unknown_regime');
    expect((await call('GET', '/api/v1/facts/ZZ?asOf=2024-13-01')).json.problems.map((p: { path: string }) => p.path)).toEqual(['country', 'query.asOf']);
    expect((await call('GET', '/api/v1/reports/annual?year=abc', { as: 'audrey' })).status).toBe(422);
  });

  it('logs one JSON line per request, with no secrets', async () => {
    logs.length = 0;
    await call('GET', '/healthz');
    await call('POST', '/api/v1/auth/login', { body: { username: 'alice', password: PASSWORD } });
    expect(logs).toHaveLength(2);
    expect(logs[1]).toMatchObject({ method: 'POST', path: '/api/v1/auth/login', status: 200, requestId: expect.any(String) });
    expect(JSON.stringify(logs)).not.toContain(PASSWORD);
  });
});

describe('meta and engine', () => {
  it('serves health, the OpenAPI document for every route, and the docs page', async () => {
    expect((await call('GET', '/healthz')).json).toEqual({ status: 'ok', database: 'pglite', policyDigest: engine.policyDigest, list: null, listUpdate: null });
    // A failed download shows, with its reason, until the next one succeeds.
    await store.listFetches.save({ url: 'https://example.org/l.xml', etag: null, lastModified: null, sha256: null, checkedAt: '2026-04-01T00:00:00.000Z', outcome: 'failed', message: 'the server answered 500', okAt: null });
    expect((await call('GET', '/healthz')).json.listUpdate).toEqual({ url: 'https://example.org/l.xml', checkedAt: '2026-04-01T00:00:00.000Z', outcome: 'failed', message: 'the server answered 500', lastSuccessAt: null });
    const doc = (await call('GET', '/api/openapi.json')).json;
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(ops.sort()).toEqual(ROUTE_MODULES.flatMap((m) => m.routes.map((r) => r.operationId)).sort());
    const create = doc.paths['/api/v1/cases'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['recipient', 'endUser', 'items']));
    expect(create['x-roles']).toEqual(['applicant']);
    const docs = await call('GET', '/api/docs');
    expect(docs.type).toContain('text/html');
    expect(docs.json).toContain('/api/openapi.json');
    expect(docs.json).not.toMatch(/<script[^>]+src=/);
  });

  it('declares every media type the list import takes, and the import takes exactly those', async () => {
    const body = (await call('GET', '/api/openapi.json')).json.paths['/api/v1/screening/list'].put.requestBody;
    expect(Object.keys(body.content).sort()).toEqual(['application/json', 'application/xml', 'text/csv', 'text/xml']);
    for (const type of Object.keys(body.content)) {
      // Past the media type to the content: each refuses this body with its own problems, not 415.
      const r = await call('PUT', '/api/v1/screening/list', { as: 'admin', body: 'x', headers: { 'content-type': `${type}; charset=utf-8` } });
      expect(r.status, type).toBe(422);
    }
    expect((await call('PUT', '/api/v1/screening/list', { as: 'admin', body: 'x', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    // The documented JSON shape and the parser agree: what one takes the other takes.
    const schema = new Ajv2020({ strict: false }).compile(body.content['application/json'].schema);
    const list = { list: 'METI End User List', version: '2025-09-30', entries: [
      { reference: 'EUL-1', type: 'entity', name: 'Example Trading', aliases: ['例示商事'], countries: ['IR'], programme: 'missile' },
      { reference: 'EUL-2', type: 'person', name: 'Taro Example', aliases: 'T. Example|Taro E.', datesOfBirth: ['1970-01-02'] },
    ] };
    for (const [doc, accepted] of [[list, true], [{ ...list, entries: [{ ...list.entries[0], type: 'vessel' }] }, false], [{ version: '1', entries: list.entries }, false], [{ ...list, entries: [] }, false]] as const) {
      expect(schema(doc), JSON.stringify(doc)).toBe(accepted);
      expect(validateListContent(JSON.stringify(doc), 'json').ok, JSON.stringify(doc)).toBe(accepted);
    }
  });

  it('evaluates a request, lists regimes and facts', async () => {
    const r = await call('POST', '/api/v1/evaluate', { body: { asOf: '2024-01-10', recipient: 'AU', item: { weapon: false } } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ outcome: 'permissible', policyDigest: 'sha256:test-policy-1' });
    expect((await call('GET', '/api/v1/regimes')).json.regimes).toHaveLength(1);
    expect((await call('GET', '/api/v1/facts/UA?asOf=2022-03-08')).json).toMatchObject({ country: 'UA', asOf: '2022-03-08' });
    expect((await call('GET', '/api/v1/rules/p2-joint-development')).json.category).toBe('joint-development');
    expect((await call('GET', '/api/v1/rules/none')).status).toBe(404);
    expect((await call('GET', '/api/v1/sources')).json.sources).toEqual([{ id: 'cabinet-2014' }]);
    expect((await call('GET', '/api/v1/items')).json.items).toEqual([]);
  });

  it('serves the built web UI with SPA fallback, never outside its folder', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'gensoku-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    const web = heldToDocument(createApp({ store, engine, log: () => {}, webDist: dist }));
    const get = async (path: string) => {
      const r = await web.request(path);
      return { status: r.status, type: r.headers.get('content-type') ?? '', cache: r.headers.get('cache-control'), text: await r.text() };
    };
    expect(await get('/')).toMatchObject({ status: 200, type: expect.stringContaining('text/html'), text: expect.stringContaining('root') });
    expect(await get('/assets/app-1234.js')).toMatchObject({ type: expect.stringContaining('javascript'), cache: expect.stringContaining('immutable') });
    expect((await get('/cases/42')).text).toContain('root');
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).text).toContain('root');
    expect((await get('/api/v1/nothing')).status).toBe(404);
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves a page saying to build the web UI when there is none', async () => {
    const r = await call('GET', '/cases/123');
    expect(r.status).toBe(200);
    expect(r.json).toContain('has not been built');
  });
});

describe('authentication', () => {
  it('logs in with a cookie and demands the CSRF header on unsafe cookie requests', async () => {
    const login = await app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'alice', password: PASSWORD }) });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/gensoku_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = setCookie.split(';')[0];
    const me = await app.request('/api/v1/auth/me', { headers: { cookie } });
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe('alice');
    const body = JSON.stringify(application());
    const without = await app.request('/api/v1/cases', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body });
    expect(without.status).toBe(403);
    expect(((await without.json()) as { problems: { code: string }[] }).problems[0].code).toBe('csrf');
    const withToken = await app.request('/api/v1/cases', { method: 'POST', headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body });
    expect(withToken.status).toBe(201);
    const out = await app.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(out.status).toBe(204);
    expect((await app.request('/api/v1/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('slows guessing per username and address with growing delays, kept in the database, never locking the owner out elsewhere', async () => {
    const behindProxy = () => createApp({ store, engine, now: () => clock, log: () => {}, webDist: null, trustProxy: true });
    const a = behindProxy();
    const login = (password: string, from: string, via = a) => via.request('/api/v1/auth/login', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.7, ${from}` }, body: JSON.stringify({ username: 'bob', password }),
    });
    const guesser = '203.0.113.9';
    for (let i = 0; i < 4; i++) expect((await login('wrong password', guesser)).status).toBe(401);
    const held = await login(PASSWORD, guesser);
    expect(held.status).toBe(429);
    expect(held.headers.get('retry-after')).toBe('1');
    // The owner, from another address, is not slowed by a stranger's guesses.
    expect((await login(PASSWORD, '192.0.2.1')).status).toBe(200);
    clock = new Date(clock.getTime() + 1000);
    expect((await login('wrong password', guesser)).status).toBe(401);
    // The delay grows, and another server on the same database (a second app) enforces it too.
    const elsewhere = await login(PASSWORD, guesser, behindProxy());
    expect(elsewhere.status).toBe(429);
    expect(elsewhere.headers.get('retry-after')).toBe('2');
    clock = new Date(clock.getTime() + 2000);
    expect((await login(PASSWORD, guesser)).status).toBe(200);
    // A correct password clears the count for this username and address.
    expect((await login('wrong password', guesser)).status).toBe(401);
    expect((await login(PASSWORD, guesser)).status).toBe(200);
  });

  it('issues bearer tokens and rejects unknown ones', async () => {
    const r = await call('POST', '/api/v1/auth/tokens', { as: 'erin', body: { label: 'ci script', days: 7 } });
    expect(r.status).toBe(201);
    expect(r.json.token).toMatch(/^gsk_/);
    const me = await app.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${r.json.token}` } });
    expect(me.status).toBe(200);
    expect((await app.request('/api/v1/auth/me', { headers: { authorization: 'Bearer gsk_nope' } })).status).toBe(401);
  });
});

describe('a case from filing to shipment', () => {
  let id: string;

  it('files a draft, which shows what the rules would say', async () => {
    const r = await call('POST', '/api/v1/cases', { as: 'alice', body: application() });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ status: 'draft', org: 'ACME', version: 1, evaluation: null, current: { outcome: 'permissible' } });
    id = r.json.id;
    const bad = await call('POST', '/api/v1/cases', { as: 'alice', body: { ...application(), items: [], recipient: 'ZZ', extra: 1 } });
    expect(bad.json.problems.map((p: { path: string }) => p.path).sort()).toEqual(['extra', 'items', 'recipient']);
  });

  it('refuses a transferor outside the enum with 422 naming the field, and keeps a valid one', async () => {
    const bad = await call('POST', '/api/v1/cases', { as: 'alice', body: { ...application(), transferor: 'minister' } });
    expect(bad.status).toBe(422);
    expect(bad.json.problems).toEqual([expect.objectContaining({ path: 'transferor' })]);
    const good = await call('POST', '/api/v1/cases', { as: 'alice', body: { ...application(), transferor: 'company' } });
    expect(good.status).toBe(201);
    expect(good.json.data.application.transferor).toBe('company');
  });

  it('hides the case from another organisation with 404, not 403', async () => {
    const r = await call('GET', `/api/v1/cases/${id}`, { as: 'bob' });
    expect(r.status).toBe(404);
    expect((await call('GET', '/api/v1/cases', { as: 'bob' })).json.cases).toEqual([]);
    expect((await call('POST', `/api/v1/cases/${id}/transitions`, { as: 'bob', body: { action: 'submit' } })).status).toBe(404);
  });

  it('attaches a document by content hash', async () => {
    const r = await call('POST', `/api/v1/cases/${id}/documents`, { as: 'alice', body: { name: 'end-use certificate.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('hello').toString('base64') } });
    expect(r.status).toBe(201);
    expect(r.json.data.documents[0]).toMatchObject({ size: 5, sha256: 'sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824' });
  });

  it('only takes legal transitions by the right role', async () => {
    expect((await call('POST', `/api/v1/cases/${id}/transitions`, { as: 'erin', body: { action: 'submit' } })).status).toBe(403);
    expect((await call('POST', `/api/v1/cases/${id}/transitions`, { as: 'erin', body: { action: 'approve', reason: 'x' } })).json.problems[0].code).toBe('illegal_transition');
    const submit = await call('POST', `/api/v1/cases/${id}/transitions`, { as: 'alice', body: { action: 'submit' } });
    expect(submit.status).toBe(200);
    expect(submit.json).toMatchObject({ status: 'submitted', evaluation: { outcome: 'permissible', policyDigest: 'sha256:test-policy-1', seq: 1 }, current: null, policyChanged: false });
    const again = await call('POST', `/api/v1/cases/${id}/transitions`, { as: 'alice', body: { action: 'submit' } });
    expect(again.status).toBe(409);
    expect(again.json.current.status).toBe('submitted');
    expect((await call('PUT', `/api/v1/cases/${id}`, { as: 'alice', body: application() })).status).toBe(409);
    expect((await call('POST', `/api/v1/cases/${id}/transitions`, { as: 'erin', body: { action: 'start_review' } })).json.status).toBe('under_review');
    const noReason = await call('POST', `/api/v1/cases/${id}/transitions`, { as: 'erin', body: { action: 'approve' } });
    expect(noReason.json.problems[0]).toMatchObject({ code: 'required', path: 'reason' });
  });

  it('lets exactly one of two examiners deciding at once win; the other gets 409 with the current state', async () => {
    const other = (await call('POST', '/api/v1/cases', { as: 'alice', body: application() })).json;
    await call('POST', `/api/v1/cases/${other.id}/transitions`, { as: 'alice', body: { action: 'submit' } });
    const review = await call('POST', `/api/v1/cases/${other.id}/transitions`, { as: 'erin', body: { action: 'start_review' } });
    const [a, b] = await Promise.all([
      call('POST', `/api/v1/cases/${other.id}/transitions`, { as: 'erin', body: { action: 'approve', reason: 'meets the security cooperation case', version: review.json.version } }),
      call('POST', `/api/v1/cases/${other.id}/transitions`, { as: 'eve', body: { action: 'deny', reason: 'insufficient end-use assurance', version: review.json.version } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
    expect(loser.json.problems[0].code).toBe('version_conflict');
    expect(loser.json.current).toMatchObject({ version: review.json.version + 1, status: winner.json.status });
    // Without a version, the loser of a race still cannot overwrite: the case has moved on.
    const late = await call('POST', `/api/v1/cases/${other.id}/transitions`, { as: 'eve', body: { action: 'deny', reason: 'late' } });
    expect(late.status).toBe(409);
  });

  it('approves with conditions', async () => {
    const r = await call('POST', `/api/v1/cases/${id}/transitions`, { as: 'erin', body: { action: 'approve', reason: 'meets the security cooperation case', version: 4, conditions: ['End-use certificate before each shipment'] } });
    expect(r.json).toMatchObject({ status: 'approved', version: 5, evaluation: { seq: 3, status: 'approved' } });
  });

  it('issues a licence with conditions and refuses a shipment beyond it', async () => {
    const c = (await call('GET', `/api/v1/cases/${id}`, { as: 'audrey' })).json;
    expect(c.data.licence).toMatchObject({ number: `${c.reference}-L`, lines: [{ item: 0, quantity: 4 }, { item: 1, quantity: 100 }] });
    expect(c.data.licence.conditions.map((x: { id: string }) => x.id)).toEqual(['prior-consent', 'examiner-1']);
    expect(c.category).toBe('security-cooperation');
    const ok1 = await call('POST', `/api/v1/cases/${id}/shipments`, { as: 'alice', body: { date: '2026-04-02', lines: [{ item: 0, quantity: 3, valueJpy: 300_000_000 }] } });
    expect(ok1.status).toBe(201);
    expect(ok1.json.data.licence.lines[0]).toMatchObject({ shippedQuantity: 3, shippedValueJpy: 300_000_000 });
    const over = await call('POST', `/api/v1/cases/${id}/shipments`, { as: 'alice', body: { date: '2026-04-03', lines: [{ item: 0, quantity: 2, valueJpy: 1 }] } });
    expect(over.status).toBe(422);
    expect(over.json.problems[0]).toMatchObject({ code: 'exceeds_licence', path: 'lines.0.quantity' });
  });

  it('files a consent request for a third-country transfer, evaluated and decided', async () => {
    const bad = await call('POST', `/api/v1/cases/${id}/consents`, { as: 'alice', body: { kind: 'third-party-transfer', recipient: 'KP', justification: 'resale' } });
    expect(bad.status).toBe(201);
    expect(bad.json.data.evaluation.outcome).toBe('prohibited');
    const refused = await call('POST', `/api/v1/consents/${bad.json.id}/decision`, { as: 'erin', body: { outcome: 'approved', reason: 'x' } });
    expect(refused.json.problems[0].code).toBe('outcome_forbids_approval');
    clock = new Date(clock.getTime() + 60_000);
    const good = await call('POST', `/api/v1/cases/${id}/consents`, { as: 'alice', body: { kind: 'third-party-transfer', recipient: 'NZ', asOf: '2026-05-01', justification: 'spares to a partner' } });
    const decided = await call('POST', `/api/v1/consents/${good.json.id}/decision`, { as: 'nora', body: { outcome: 'approved', reason: 'partner country', conditions: ['report on delivery'] } });
    expect(decided.json).toMatchObject({ status: 'approved', caseId: id, data: { decision: { by: 'nora', outcome: 'approved' } } });
    expect((await call('GET', `/api/v1/cases/${id}`, { as: 'alice' })).json.consents.map((c: { status: string }) => c.status)).toEqual(['filed', 'approved']);
    expect((await call('GET', `/api/v1/consents/${good.json.id}`, { as: 'bob' })).status).toBe(404);
  });

  it('needs the NSC to decide when the rules ask for NSC review', async () => {
    const c = (await call('POST', '/api/v1/cases', { as: 'alice', body: application('GB') })).json;
    await call('POST', `/api/v1/cases/${c.id}/transitions`, { as: 'alice', body: { action: 'submit' } });
    await call('POST', `/api/v1/cases/${c.id}/transitions`, { as: 'erin', body: { action: 'start_review' } });
    const direct = await call('POST', `/api/v1/cases/${c.id}/transitions`, { as: 'erin', body: { action: 'approve', reason: 'ok' } });
    expect(direct.json.problems[0].code).toBe('review_required');
    expect((await call('POST', `/api/v1/cases/${c.id}/transitions`, { as: 'erin', body: { action: 'refer_nsc', reason: 'joint development with the UK' } })).json.status).toBe('nsc_deliberation');
    expect((await call('POST', `/api/v1/cases/${c.id}/transitions`, { as: 'erin', body: { action: 'approve', reason: 'ok' } })).json.problems[0].code).toBe('not_the_decider');
    const approved = await call('POST', `/api/v1/cases/${c.id}/transitions`, { as: 'nora', body: { action: 'approve', reason: 'NSC approves' } });
    expect(approved.json).toMatchObject({ status: 'approved', category: 'joint-development' });
  });

  it('refuses to approve what the rules prohibit', async () => {
    const c = (await call('POST', '/api/v1/cases', { as: 'alice', body: application('KP') })).json;
    await call('POST', `/api/v1/cases/${c.id}/transitions`, { as: 'alice', body: { action: 'submit' } });
    await call('POST', `/api/v1/cases/${c.id}/transitions`, { as: 'erin', body: { action: 'start_review' } });
    const r = await call('POST', `/api/v1/cases/${c.id}/transitions`, { as: 'erin', body: { action: 'approve', reason: 'please' } });
    expect(r.json.problems[0].code).toBe('outcome_forbids_approval');
    expect((await call('POST', `/api/v1/cases/${c.id}/transitions`, { as: 'erin', body: { action: 'deny', reason: 'UNSC embargo' } })).json.status).toBe('denied');
  });

  it('shows the new decision beside the stored one when the policy changed', async () => {
    const app2 = heldToDocument(createApp({ store, engine: { ...engine, policyDigest: 'sha256:test-policy-2' }, now: () => clock, log: () => {}, webDist: null }));
    const r = await app2.request(`/api/v1/cases/${id}`, { headers: { authorization: `Bearer ${tokens.alice}` } });
    const c = (await r.json()) as { policyChanged: boolean; evaluation: { policyDigest: string }; current: { policyDigest: string; asOf: string } };
    expect(c.policyChanged).toBe(true);
    expect(c.evaluation.policyDigest).toBe('sha256:test-policy-1');
    expect(c.current).toMatchObject({ policyDigest: 'sha256:test-policy-2', asOf: '2026-04-01' });
  });

  it('counts approvals in the annual report, as JSON and CSV', async () => {
    const r = await call('GET', '/api/v1/reports/annual?year=2026', { as: 'erin' });
    const count = (c: string) => r.json.categories.find((x: { category: string }) => x.category === c).count;
    expect(count('joint-development')).toBe(1);
    expect(count('peace-contribution')).toBe(0);
    const security = count('security-cooperation');
    expect(security).toBeGreaterThanOrEqual(1);
    expect(r.json.total).toBe(security + 1);
    const csv = await call('GET', '/api/v1/reports/annual?year=2026&format=csv', { as: 'audrey' });
    expect(csv.type).toContain('text/csv');
    expect(csv.json).toContain(`2026,joint-development,1,heading joint-development,見出し joint-development\r\n2026,security-cooperation,${security},heading security-cooperation,見出し security-cooperation\r\n`);
    expect(csv.json).toContain(`2026,total,${security + 1},,\r\n`);
    const head = (await call('GET', '/api/v1/audit/verify', { as: 'audrey' })).json;
    expect(r.json.audit).toMatchObject({ seq: head.count, hash: head.head });
    expect(csv.json).toMatch(new RegExp(`2026,audit_head,${head.count},${head.head},[^,]+Z\r\n$`));
  });

  it('records every change in a verifiable audit chain', async () => {
    const v = await call('GET', '/api/v1/audit/verify', { as: 'audrey' });
    expect(v.json).toMatchObject({ ok: true, differences: [] });
    const entries = (await call('GET', `/api/v1/audit?target=${id}`, { as: 'audrey' })).json.entries;
    expect(entries.map((e: { verb: string }) => e.verb)).toEqual([
      'case.create', 'case.document.add', 'case.submit', 'case.start_review', 'case.approve', 'case.shipment',
    ]);
    expect(entries[2]).toMatchObject({ actor: 'alice', before: { status: 'draft' }, after: { status: 'submitted', evaluation: { policyDigest: 'sha256:test-policy-1' } } });
    expect(entries.every((e: { requestId: string }) => typeof e.requestId === 'string')).toBe(true);
  });

  it('lists the record by case number, actor, verb and Japan date, each row labelled with its case number', async () => {
    const ref = (await call('GET', `/api/v1/cases/${id}`, { as: 'audrey' })).json.reference;
    const list = async (q: string) => (await call('GET', `/api/v1/audit?${q}`, { as: 'audrey' })).json.entries as { verb: string; actor: string; label: string; targetId: string }[];
    const byRef = await list(`case=${ref}`);
    expect(byRef.map((e) => e.verb)).toEqual(expect.arrayContaining(['case.create', 'case.approve', 'consent.create', 'consent.approve']));
    expect(byRef.every((e) => e.label === ref)).toBe(true);
    expect((await list(`case=${ref}&verb=case.`)).every((e) => e.verb.startsWith('case.'))).toBe(true);
    expect((await list(`case=${ref}&actor=erin`)).map((e) => e.verb)).toEqual(['case.start_review', 'case.approve']);
    expect(await list(`case=${ref}&from=2026-04-02`)).toEqual([]);
    expect((await list(`case=${ref}&from=2026-04-01&to=2026-04-01`)).length).toBe(byRef.length);
    expect((await call('GET', '/api/v1/audit?from=2026-13-01', { as: 'audrey' })).status).toBe(422);
    expect((await list('verb=user.create')).map((e) => e.label)).toEqual(expect.arrayContaining(['alice', 'erin']));
  });
});

const listXml = (version: string) => `<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="${version}"><INDIVIDUALS/><ENTITIES>
<ENTITY><DATAID>1</DATAID><VERSIONNUM>1</VERSIONNUM><FIRST_NAME>KOREA MINING DEVELOPMENT TRADING CORPORATION</FIRST_NAME>
<UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.001</REFERENCE_NUMBER><LISTED_ON>2009-04-24</LISTED_ON>
<LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE><LAST_DAY_UPDATED><VALUE/></LAST_DAY_UPDATED>
<ENTITY_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>KOMID</ALIAS_NAME></ENTITY_ALIAS><ENTITY_ADDRESS><COUNTRY/></ENTITY_ADDRESS></ENTITY>
<ENTITY><DATAID>2</DATAID><VERSIONNUM>1</VERSIONNUM><FIRST_NAME>7TH OF TIR</FIRST_NAME>
<UN_LIST_TYPE>Iran</UN_LIST_TYPE><REFERENCE_NUMBER>IRe.001</REFERENCE_NUMBER><LISTED_ON>2006-12-23</LISTED_ON>
<LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE><LAST_DAY_UPDATED><VALUE/></LAST_DAY_UPDATED>
<ENTITY_ALIAS><QUALITY/><ALIAS_NAME/></ENTITY_ALIAS><ENTITY_ADDRESS><COUNTRY/></ENTITY_ADDRESS></ENTITY>
</ENTITIES></CONSOLIDATED_LIST>`;

describe('screening at submission', () => {
  const flagged = () => ({ ...application(), consignees: [{ name: 'Korea Mining Development Trading Corp.', type: 'company', address: 'Pyongyang' }] });
  const importList = (version: string) => app.request('/api/v1/screening/list', {
    method: 'PUT', headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/xml' }, body: listXml(version),
  });
  let held = '';

  it('imports a list as admin only', async () => {
    expect((await call('GET', '/api/v1/screening/list', { as: 'erin' })).json.list).toBeNull();
    const bad = await app.request('/api/v1/screening/list', { method: 'PUT', headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/xml' }, body: '<nope' });
    expect(bad.status).toBe(422);
    const r = await importList('2026-05-01T00:00:00Z');
    expect(r.status).toBe(200);
    expect(((await r.json()) as { list: { entries: number } }).list.entries).toBe(2);
    expect((await call('GET', '/api/v1/screening/list', { as: 'audrey' })).json.list.version).toBe('2026-05-01T00:00:00Z');
  });

  it('screens every party at submission and holds a case with a hit until an examiner disposes of it', async () => {
    const c = (await call('POST', '/api/v1/cases', { as: 'alice', body: flagged() })).json;
    held = c.id;
    const byApplicant = (await call('POST', `/api/v1/cases/${c.id}/transitions`, { as: 'alice', body: { action: 'submit' } })).json;
    expect(byApplicant.data.screening).toEqual({ at: expect.any(String), underReview: true });
    const submitted = (await call('GET', `/api/v1/cases/${c.id}`, { as: 'erin' })).json;
    expect(submitted.data.screening).toMatchObject({ hold: true, trueMatch: false, listVersion: '2026-05-01T00:00:00Z' });
    expect(submitted.data.screening.parties.map((p: { party: string; hits: unknown[] }) => [p.party, p.hits.length])).toEqual([['endUser', 0], ['consignees.0', 1]]);
    expect(submitted.data.screening.parties[1].hits[0]).toMatchObject({ referenceNumber: 'KPe.001', disposition: null });
    await call('POST', `/api/v1/cases/${c.id}/transitions`, { as: 'erin', body: { action: 'start_review' } });
    const blocked = await call('POST', `/api/v1/cases/${c.id}/transitions`, { as: 'erin', body: { action: 'approve', reason: 'fine' } });
    expect(blocked.json.problems[0].code).toBe('screening_hold');
    expect((await call('POST', `/api/v1/cases/${c.id}/screening/dispositions`, { as: 'alice', body: { party: 'consignees.0', referenceNumber: 'KPe.001', verdict: 'false_positive', reason: 'x' } })).status).toBe(403);
    const wrong = await call('POST', `/api/v1/cases/${c.id}/screening/dispositions`, { as: 'erin', body: { party: 'consignees.0', referenceNumber: 'IRe.001', verdict: 'false_positive', reason: 'x' } });
    expect(wrong.json.problems[0].code).toBe('unknown_hit');
    const disposed = await call('POST', `/api/v1/cases/${c.id}/screening/dispositions`, { as: 'erin', body: { party: 'consignees.0', referenceNumber: 'KPe.001', verdict: 'false_positive', reason: 'a Sydney forwarder of a similar name; registry extract on file' } });
    expect(disposed.json.data.screening).toMatchObject({ hold: false, parties: [{}, { hits: [{ disposition: { verdict: 'false_positive', by: 'erin' } }] }] });
  });

  it('remembers the disposition for the same party under the same list version', async () => {
    const c = (await call('POST', '/api/v1/cases', { as: 'alice', body: flagged() })).json;
    await call('POST', `/api/v1/cases/${c.id}/transitions`, { as: 'alice', body: { action: 'submit' } });
    const submitted = (await call('GET', `/api/v1/cases/${c.id}`, { as: 'erin' })).json;
    expect(submitted.data.screening.hold).toBe(false);
    expect(submitted.data.screening.parties[1].hits[0].disposition.verdict).toBe('false_positive');
  });

  it('re-screens open cases when a new list version is imported, and a true match can only be denied', async () => {
    const r = (await (await importList('2026-06-01T00:00:00Z')).json()) as { rescreen: { changed: number; held: number } };
    expect(r.rescreen.held).toBeGreaterThanOrEqual(2);
    const c = (await call('GET', `/api/v1/cases/${held}`, { as: 'erin' })).json;
    expect(c.data.screening).toMatchObject({ hold: true, listVersion: '2026-06-01T00:00:00Z' });
    const confirmed = await call('POST', `/api/v1/cases/${held}/screening/dispositions`, { as: 'erin', body: { party: 'consignees.0', referenceNumber: 'KPe.001', verdict: 'true_match', reason: 'same registration number' } });
    expect(confirmed.json.actions).toEqual(['deny']);
    expect(confirmed.json.data.history.at(-1)).toMatchObject({ action: 'dispose', verdict: 'true_match', referenceNumber: 'KPe.001', actor: 'erin' });
    const approve = await call('POST', `/api/v1/cases/${held}/transitions`, { as: 'erin', body: { action: 'approve', reason: 'fine' } });
    expect(approve.json.problems[0].code).toBe('sanctioned_party');
    expect(approve.json.problems[0].message).not.toMatch(/action|sanctioned_party/);
    expect((await call('POST', `/api/v1/cases/${held}/transitions`, { as: 'erin', body: { action: 'refer_nsc', reason: 'x' } })).json.problems[0].code).toBe('sanctioned_party');
    expect((await call('POST', `/api/v1/cases/${held}/transitions`, { as: 'erin', body: { action: 'deny', reason: 'consignee is KOMID' } })).json.status).toBe('denied');
    const verbs = (await call('GET', `/api/v1/audit?target=${held}`, { as: 'audrey' })).json.entries.map((e: { verb: string }) => e.verb);
    expect(verbs).toEqual(expect.arrayContaining(['case.screening.dispose', 'case.rescreen']));
  });
});

describe('what an applicant sees of screening', () => {
  const LEAKS = SCREENING_LEAKS;

  it('is only that the case is under screening review, on every case endpoint', async () => {
    const flagged = { ...application(), consignees: [{ name: 'Korea Mining Development Trading Corp.', type: 'company', address: 'Pyongyang' }] };
    const c = (await call('POST', '/api/v1/cases', { as: 'alice', body: flagged })).json;
    const submitted = await call('POST', `/api/v1/cases/${c.id}/transitions`, { as: 'alice', body: { action: 'submit' } });
    const staff = (await call('GET', `/api/v1/cases/${c.id}`, { as: 'erin' })).json;
    expect(JSON.stringify(staff)).toMatch(/KPe\.001/); // the hit is there to hide
    await call('POST', `/api/v1/cases/${c.id}/screening/dispositions`, { as: 'erin', body: { party: 'consignees.0', referenceNumber: 'KPe.001', verdict: 'true_match', reason: 'KOMID registration' } });
    const seen = [
      submitted,
      await call('GET', `/api/v1/cases/${c.id}`, { as: 'alice' }),
      await call('GET', '/api/v1/cases', { as: 'alice' }),
      await call('GET', `/api/v1/cases/${c.id}/evaluations`, { as: 'alice' }),
      await call('GET', `/api/v1/cases/${c.id}/consents`, { as: 'alice' }),
      await call('POST', `/api/v1/cases/${c.id}/documents`, { as: 'alice', body: { name: 'letter.pdf', mediaType: 'application/pdf', contentBase64: 'aGVsbG8=' } }),
      await call('POST', `/api/v1/cases/${c.id}/documents`, { as: 'alice', body: { name: 'stale.pdf', mediaType: 'application/pdf', contentBase64: 'aGVsbG8=', version: 1 } }),
      await call('POST', `/api/v1/cases/${c.id}/transitions`, { as: 'alice', body: { action: 'submit' } }),
      await call('PUT', `/api/v1/cases/${c.id}`, { as: 'alice', body: flagged }),
    ];
    for (const r of seen) expect(JSON.stringify(r.json)).not.toMatch(LEAKS);
    expect(seen[1].json.data.screening).toEqual({ at: expect.any(String), underReview: true });
    expect(seen[6].status).toBe(409); // a conflict's current state is the applicant's view too
    await call('POST', `/api/v1/cases/${c.id}/transitions`, { as: 'erin', body: { action: 'start_review' } });
    const denied = await call('POST', `/api/v1/cases/${c.id}/transitions`, { as: 'erin', body: { action: 'deny', reason: 'A party was confirmed as a match on the sanctions list.' } });
    expect(denied.json.status).toBe('denied');
    expect(JSON.stringify((await call('GET', `/api/v1/cases/${c.id}`, { as: 'alice' })).json)).not.toMatch(LEAKS);
  });
});

describe('users', () => {
  it('lets an admin create and change users, and keeps the last admin', async () => {
    const r = await call('POST', '/api/v1/users', { as: 'admin', body: { username: 'carol', password: 'short', role: 'applicant' } });
    expect(r.json.problems.map((p: { path: string }) => p.path)).toEqual(['password']);
    const noOrg = await call('POST', '/api/v1/users', { as: 'admin', body: { username: 'carol', password: PASSWORD, role: 'applicant' } });
    expect(noOrg.json.problems[0].path).toBe('org');
    const ok = await call('POST', '/api/v1/users', { as: 'admin', body: { username: 'carol', password: PASSWORD, role: 'applicant', org: 'GAMMA' } });
    expect(ok.status).toBe(201);
    expect(ok.json).not.toHaveProperty('passwordHash');
    expect((await call('POST', '/api/v1/users', { as: 'admin', body: { username: 'carol', password: PASSWORD, role: 'examiner' } })).status).toBe(409);
    const me = (await call('GET', '/api/v1/users', { as: 'admin' })).json.users.find((u: { username: string }) => u.username === 'admin');
    expect((await call('PATCH', `/api/v1/users/${me.id}`, { as: 'admin', body: { role: 'auditor' } })).json.problems[0].code).toBe('last_admin');
    const login = await call('POST', '/api/v1/auth/login', { body: { username: 'carol', password: PASSWORD } });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    expect((await app.request('/api/v1/auth/me', { headers: { cookie } })).status).toBe(200);
    const disabled = await call('PATCH', `/api/v1/users/${ok.json.id}`, { as: 'admin', body: { disabled: true } });
    expect(disabled.json.disabled).toBe(true);
    expect((await app.request('/api/v1/auth/me', { headers: { cookie } })).status).toBe(401);
    expect((await call('POST', '/api/v1/auth/login', { body: { username: 'carol', password: PASSWORD } })).status).toBe(401);
  });
});

// Who may call what, written out here rather than read from the routes' own declarations (which it checks), and the
// same as the table in docs/api.md. '*' is everyone including anonymous callers; 'login' is every role.
const EVERYONE = ['anonymous', 'applicant', 'examiner', 'nsc', 'auditor', 'admin'] as const;
const LOGIN = ['applicant', 'examiner', 'nsc', 'auditor', 'admin'] as const;
const READERS = ['applicant', 'examiner', 'nsc', 'auditor'] as const;
const EXPECTED_ACCESS: Record<string, readonly (Role | 'anonymous')[]> = {
  'GET /healthz': EVERYONE,
  'GET /api/openapi.json': EVERYONE,
  'GET /api/docs': EVERYONE,
  'POST /api/v1/evaluate': EVERYONE,
  'GET /api/v1/regimes': EVERYONE,
  'GET /api/v1/facts': EVERYONE,
  'GET /api/v1/facts/:country': EVERYONE,
  'GET /api/v1/facts/:country/series': EVERYONE,
  'GET /api/v1/sources': EVERYONE,
  'GET /api/v1/items': EVERYONE,
  'GET /api/v1/rules/:id': EVERYONE,
  'GET /api/v1/matrix': EVERYONE,
  'GET /api/v1/diff': EVERYONE,
  'GET /api/v1/diff/boundaries': EVERYONE,
  'GET /api/v1/questions': EVERYONE,
  'GET /api/v1/questions/:id': EVERYONE,
  'POST /api/v1/timeline': EVERYONE,
  'POST /api/v1/whatif': EVERYONE,
  'POST /api/v1/auth/login': EVERYONE,
  'POST /api/v1/auth/logout': LOGIN,
  'GET /api/v1/auth/me': LOGIN,
  'POST /api/v1/auth/tokens': LOGIN,
  'GET /api/v1/cases': READERS,
  'POST /api/v1/cases': ['applicant'],
  'GET /api/v1/cases/:id': READERS,
  'PUT /api/v1/cases/:id': ['applicant'],
  'GET /api/v1/cases/:id/evaluations': READERS,
  'POST /api/v1/cases/:id/documents': ['applicant', 'examiner', 'nsc'],
  'POST /api/v1/cases/:id/transitions': ['applicant', 'examiner', 'nsc'],
  'POST /api/v1/cases/:id/shipments': ['applicant'],
  'GET /api/v1/cases/:id/consents': READERS,
  'POST /api/v1/cases/:id/consents': ['applicant'],
  'GET /api/v1/consents/:id': READERS,
  'POST /api/v1/consents/:id/decision': ['examiner', 'nsc'],
  'GET /api/v1/users': ['auditor', 'admin'],
  'POST /api/v1/users': ['admin'],
  'GET /api/v1/users/:id': ['auditor', 'admin'],
  'PATCH /api/v1/users/:id': ['admin'],
  'GET /api/v1/audit': ['auditor'],
  'GET /api/v1/audit/verify': ['auditor'],
  'GET /api/v1/reports/annual': ['examiner', 'nsc', 'auditor'],
  'POST /api/v1/cases/:id/screening/dispositions': ['examiner', 'nsc'],
  'GET /api/v1/screening/list': ['examiner', 'nsc', 'auditor', 'admin'],
  'PUT /api/v1/screening/list': ['admin'],
  'POST /api/v1/screening/list/update': ['admin'],
  'POST /api/v1/screening/rescreen': ['examiner', 'admin'],
  'POST /api/v1/screen': ['examiner', 'nsc', 'auditor', 'admin'],
};

// What would tell an applicant which listed name its case hit, and how closely.
const SCREENING_LEAKS = /KPe\.001|KOREA MINING|referenceNumber|listedName|matchedName|"score"|explanation|"hits"|"dispose"|true_match|false_positive/;

describe('role x endpoint', () => {
  const ROLE_USERS: Record<Role | 'anonymous', string | undefined> = {
    anonymous: undefined, applicant: 'alice', examiner: 'erin', nsc: 'nora', auditor: 'audrey', admin: 'admin',
  };
  const routes = ROUTE_MODULES.flatMap((m) => m.routes);
  const key = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;
  const table = routes.flatMap((r) => EVERYONE.map((role) => ({ route: r, role, allowed: (EXPECTED_ACCESS[key(r)] ?? []).includes(role) })));

  it('has a row for every route, and each route declares exactly the roles of its row', () => {
    expect(routes.map(key).sort()).toEqual(Object.keys(EXPECTED_ACCESS).sort());
    for (const r of routes) expect(rolesOf(r), key(r)).toEqual(EXPECTED_ACCESS[key(r)]);
  });

  it('is the table of docs/api.md', () => {
    const md = readFileSync(join(import.meta.dirname, '../../docs/api.md'), 'utf8');
    const rows = md.split('\n').filter((l) => /^\| `(GET|POST|PUT|PATCH|DELETE) \/[^`?]*` \|/.test(l)).map((l) => l.split('|').map((c) => c.trim()));
    const documented = Object.fromEntries(rows.map((c) => [c[1].replace(/`/g, ''), EVERYONE.filter((_, i) => c[2 + i] === 'yes')]));
    expect(documented).toEqual(Object.fromEntries(Object.entries(EXPECTED_ACCESS).map(([k, v]) => [k, [...v]])));
  });

  it('lets staff who read the list screen names, never applicants (who could probe spellings) or anonymous callers', () => {
    expect(EXPECTED_ACCESS['POST /api/v1/screen']).toEqual(['examiner', 'nsc', 'auditor', 'admin']);
    const screenName = routes.find((r) => r.operationId === 'screenName')!;
    expect(table.filter((t) => t.route === screenName && t.allowed).map((t) => t.role)).toEqual(['examiner', 'nsc', 'auditor', 'admin']);
  });

  it.each(table.map((t) => [`${t.route.method.toUpperCase()} ${t.route.path}`, t.role, t.allowed ? 'allowed' : 'refused', t] as const))(
    '%s as %s: %s', async (_name, role, _verdict, t) => {
      // A case of the applicant's organisation with a confirmed sanctions hit: what it sees must not show the hit.
      const held = (await store.cases.list({ org: 'ACME' })).find((c) => c.data.screening?.parties.some((p) => p.hits.length))!;
      const consent = (await store.sql.query<{ id: string }>('SELECT id FROM consents ORDER BY created_at LIMIT 1')).rows[0];
      const user = (await store.users.byUsername('alice'))!;
      const path = t.route.path.replace(':id', t.route.path.startsWith('/api/v1/consents') ? consent.id : t.route.path.startsWith('/api/v1/users') ? user.id : held.id)
        .replace(':country', 'JP');
      if (t.route.operationId === 'logout' && ROLE_USERS[role]) {
        // Logging out revokes the token: use a throwaway one so later rows keep theirs.
        const u = (await store.users.byUsername(ROLE_USERS[role]!))!;
        const { token } = await issueToken(store, { actor: 'system', at: clock.toISOString() }, u, 'token', clock);
        const r = await app.request(path, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
        expect(r.status).toBe(204);
        return;
      }
      // An empty JSON object: enough to get past authorisation to validation, without changing anything.
      const r = await call(t.route.method.toUpperCase(), path, { as: ROLE_USERS[role], body: t.route.body ? {} : undefined });
      if (role === 'applicant' && /^\/api\/v1\/(cases|consents)/.test(path)) expect(JSON.stringify(r.json).match(SCREENING_LEAKS)?.[0]).toBeUndefined();
      if (t.allowed) {
        expect([401, 403], `${role} should reach ${path}`).not.toContain(r.status);
      } else {
        expect(r.status).toBe(role === 'anonymous' ? 401 : 403);
        expect(r.type).toContain('application/problem+json');
      }
      // 503: a module that needs the compiled engine refuses this test double; 500 would be a bug.
      expect(r.status).not.toBe(500);
    });
});

describe('bad input never gives a 500', () => {
  const routes = ROUTE_MODULES.flatMap((m) => m.routes).filter((r) => r.body);
  it.each(routes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))('%s', async (_name, route) => {
    const role = rolesOf(route).find((x) => x !== 'anonymous') ?? 'admin';
    const as = { applicant: 'alice', examiner: 'erin', nsc: 'nora', auditor: 'audrey', admin: 'admin' }[role];
    const [c] = await store.cases.list({ org: 'ACME' });
    const path = route.path.replace(':id', c.id);
    await fc.assert(fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
      const r = await call(route.method.toUpperCase(), path, { as, body: JSON.stringify(value) });
      expect(r.status).not.toBe(500);
      if (r.status >= 400) expect(r.type).toContain('application/problem+json');
    }), { numRuns: 25 });
  });
});
