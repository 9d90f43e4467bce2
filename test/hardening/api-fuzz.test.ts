// Hostile input against every API endpoint, in-process: malformed, oversized, deeply nested and wrongly typed
// bodies, odd content types, path parameters and query strings. Every answer must be below 500, and every refusal
// application/problem+json with its problems listed; nothing may crash the process.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../src/cases/users.ts';
import { rolesOf } from '../../src/api/openapi.ts';
import type { RouteDef } from '../../src/api/route.ts';
import { application, harness, isProblem, ROLE_USER, ROUTES, type Harness, type Reply } from './helpers.ts';

let h: Harness;
let ids: { case: string; consent: string; user: string };

beforeAll(async () => {
  h = await harness();
  const c = await h.call('POST', '/api/v1/cases', { as: 'alice', body: application() });
  expect(c.status).toBe(201);
  await h.call('POST', `/api/v1/cases/${c.json.id}/transitions`, { as: 'alice', body: { action: 'submit' } });
  const consent = await h.call('POST', `/api/v1/cases/${c.json.id}/consents`, { as: 'alice', body: { kind: 'third-party-transfer', recipient: 'NZ', justification: 'spares to a partner' } });
  const user = (await h.store.users.byUsername('bob'))!;
  ids = { case: c.json.id, consent: consent.json?.id ?? c.json.id, user: user.id };
}, 60_000);
afterAll(async () => h?.close());

/** Who may call the route, so the request gets past authorisation to the parsing and validation under test. */
async function callerFor(route: RouteDef): Promise<Record<string, string>> {
  const roles = rolesOf(route).filter((r) => r !== 'anonymous');
  if (route.access === 'public' || roles.length === 0) return {};
  const username = ROLE_USER[roles[0] as keyof typeof ROLE_USER];
  if (route.operationId === 'logout') {
    // Logging out revokes the token; each call gets a throwaway one.
    const user = (await h.store.users.byUsername(username))!;
    const { token } = await issueToken(h.store, { actor: 'system', at: new Date().toISOString() }, user, 'token', new Date());
    return { authorization: `Bearer ${token}` };
  }
  return { authorization: `Bearer ${h.tokens[username]}` };
}

function pathOf(route: RouteDef, param?: string): string {
  return route.path.replace(/:(\w+)/g, (_m, name: string) => {
    if (param !== undefined) return encodeURIComponent(param);
    if (name === 'country') return 'JP';
    if (route.path.startsWith('/api/v1/consents')) return ids.consent;
    if (route.path.startsWith('/api/v1/users')) return ids.user;
    return ids.case;
  });
}

const nested = (depth: number, open: string, close: string, inner = '') => open.repeat(depth) + inner + close.repeat(depth);

/** Raw bodies no client should send. */
const HOSTILE: { name: string; body: string | Uint8Array; type?: string }[] = [
  { name: 'empty', body: '' },
  { name: 'truncated object', body: '{"recipient": "AU", "item": {' },
  { name: 'trailing garbage', body: '{}}' },
  { name: 'bare words', body: 'undefined' },
  { name: 'null', body: 'null' },
  { name: 'number', body: '1e999' },
  { name: 'string', body: '"hello"' },
  { name: 'array', body: '[1,2,3]' },
  { name: 'invalid UTF-8', body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) },
  { name: 'UTF-8 BOM', body: '\uFEFF{}' },
  { name: 'NUL in a string', body: '{"recipient":"A\\u0000U","item":{}}' },
  { name: 'lone surrogate', body: '{"recipient":"\\ud800","item":{"name":"\\udc00"}}' },
  { name: '__proto__ pollution', body: '{"__proto__":{"isAdmin":true,"role":"admin"},"constructor":{"prototype":{"polluted":1}}}' },
  { name: 'duplicate keys', body: '{"recipient":"AU","recipient":"KP","item":{},"item":[]}' },
  { name: 'huge number', body: `{"version": ${'9'.repeat(400)}, "quantity": 1e308}` },
  { name: 'long string (600 kB)', body: JSON.stringify({ recipient: 'AU', item: { name: 'x'.repeat(600_000) }, reason: 'y'.repeat(1000) }) },
  { name: 'wide object (50k keys)', body: JSON.stringify(Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i]))) },
  { name: 'long array (100k)', body: JSON.stringify({ items: Array.from({ length: 100_000 }, (_, i) => i), partners: Array(100_000).fill('AU') }) },
  { name: 'nested arrays, depth 100', body: nested(100, '[', ']') },
  { name: 'nested objects, depth 1000', body: nested(1000, '{"a":', '}', '1') },
  { name: 'nested arrays inside a field, depth 3000', body: `{"recipient":"AU","item":{"name":${nested(3000, '[', ']')}}}` },
  { name: 'text/plain', body: '{}', type: 'text/plain' },
  { name: 'form-encoded', body: 'recipient=AU&item=x', type: 'application/x-www-form-urlencoded' },
  { name: 'json with utf-16 charset', body: '{}', type: 'application/json; charset=utf-16' },
  { name: 'multipart', body: '--x\r\ncontent-disposition: form-data; name="a"\r\n\r\n1\r\n--x--', type: 'multipart/form-data; boundary=x' },
];

function expectSafe(r: Reply, what: string) {
  expect(r.status, `${what}: ${r.text.slice(0, 300)}`).toBeLessThan(500);
  if (r.status >= 400) expect(isProblem(r), `${what} should be problem+json with problems: ${r.type} ${r.text.slice(0, 200)}`).toBe(true);
}

const bodyRoutes = ROUTES.filter((r) => r.body);

describe('hostile bodies on every endpoint that takes one', () => {
  it.each(bodyRoutes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))('%s', async (_name, route) => {
    for (const { name, body, type } of HOSTILE) {
      const headers = { ...(await callerFor(route)), 'content-type': type ?? 'application/json' };
      const r = await h.call(route.method.toUpperCase(), pathOf(route), { raw: body, headers });
      expectSafe(r, `${route.method.toUpperCase()} ${route.path} with ${name}`);
      if (type && type !== 'application/json; charset=utf-16') expect(r.status, `${name}`).toBe(415);
    }
    // One byte over the route's own limit is 413, before anything reads the body.
    const limit = route.bodyLimit ?? 1024 * 1024;
    const over = await h.call(route.method.toUpperCase(), pathOf(route), { raw: JSON.stringify({ pad: 'z'.repeat(limit) }), headers: await callerFor(route) });
    expectSafe(over, `${route.path} over its ${limit}-byte limit`);
    expect(over.status).toBe(413);
  });
});

/** Field names of the real schemas, so wrongly typed values land on fields the validators actually read. */
const KEYS = ['recipient', 'asOf', 'item', 'endUser', 'purpose', 'name', 'weapon', 'form', 'function', 'origin', 'partners', 'licensor', 'program',
  'controlList', 'munitionType', 'defenseEquipment', 'type', 'items', 'quantity', 'valueJpy', 'consignees', 'route', 'country', 'justification',
  'action', 'reason', 'version', 'conditions', 'licence', 'lines', 'date', 'kind', 'outcome', 'username', 'password', 'role', 'org', 'disabled',
  'label', 'days', 'mediaType', 'contentBase64', 'sha256', 'size', 'note', 'validUntil', '__proto__', 'constructor'];

const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, -0, '', 'AU', 'ZZ', 'KP', '2024-02-30', '9999-99-99', 'ML23', 'approve', 'admin', '\u0000', '\ud800', 'x'.repeat(2000)),
    fc.string({ maxLength: 20 }),
    fc.integer(),
    fc.double(),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('v'), { maxKeys: 6 }),
  ),
})).v;

describe('wrongly typed bodies (property)', () => {
  it('no body of any shape gives a 500 on any endpoint', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...bodyRoutes), fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 8 }), async (route, body) => {
      const r = await h.call(route.method.toUpperCase(), pathOf(route), { body, headers: await callerFor(route) });
      expectSafe(r, `${route.method.toUpperCase()} ${route.path} with ${JSON.stringify(body).slice(0, 200)}`);
    }), { numRuns: 400, seed: 7 });
  });
});

describe('hostile path parameters and query strings', () => {
  const PARAMS = ['', ' ', '..', '../../etc/passwd', "' OR 1=1 --", '%00', '\u0000', 'a'.repeat(10_000), '😀', '\ud800', '-1', '1e9', 'null', '<script>'];
  const withParams = ROUTES.filter((r) => r.path.includes(':'));

  it.each(withParams.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))('%s', async (_name, route) => {
    for (const p of PARAMS) {
      let path: string;
      try {
        path = pathOf(route, p);
      } catch {
        continue; // a lone surrogate cannot even be percent-encoded by a client
      }
      const r = await h.call(route.method.toUpperCase(), path, { body: route.body ? {} : undefined, headers: await callerFor(route) });
      expectSafe(r, `${route.method.toUpperCase()} ${path.slice(0, 120)}`);
    }
  });

  it('random query strings on every route', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...ROUTES), fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('-1', '1e309', 'true', '%00', 'NaN', '2024-13-01'))), async (route, q) => {
      const qs = new URLSearchParams(q).toString();
      const r = await h.call(route.method.toUpperCase(), `${pathOf(route)}?${qs}`, { body: route.body ? {} : undefined, headers: await callerFor(route) });
      expectSafe(r, `${route.method.toUpperCase()} ${route.path}?${qs.slice(0, 200)}`);
    }), { numRuns: 300, seed: 11 });
  });

  it('odd methods and unknown paths are 404/405 problem+json', async () => {
    for (const [m, p] of [['PATCH', '/api/v1/evaluate'], ['DELETE', '/api/v1/cases'], ['PUT', '/api/v1/audit'], ['POST', '/api/v1/regimes'], ['GET', '/api/v1/../../etc/passwd'], ['GET', '/api/v2/evaluate'], ['OPTIONS', '/api/v1/evaluate']]) {
      const r = await h.call(m, p);
      expectSafe(r, `${m} ${p}`);
    }
  });
});

describe('headers', () => {
  it('malformed authorization and cookies are refused, not crashed on', async () => {
    const route = ROUTES.find((r) => r.operationId === 'listCases')!;
    const variants: Record<string, string>[] = [
      { authorization: 'Bearer' }, { authorization: 'Bearer ' + 'x'.repeat(100_000) }, { authorization: 'Basic YWRtaW46YWRtaW4=' }, { authorization: 'Bearer a b c' },
      { cookie: 'gensoku_session=' }, { cookie: 'gensoku_session=' + 'y'.repeat(8000) }, { cookie: 'gensoku_session="%ZZ"' }, { cookie: ';;;=;' },
      { 'x-request-id': 'z'.repeat(5000) }, { 'x-request-id': '\r\nInjected: 1' },
    ];
    for (const headers of variants) {
      let r: Reply;
      try {
        r = await h.call('GET', route.path, { headers });
      } catch {
        continue; // a header value the fetch API itself refuses never reaches a server
      }
      expectSafe(r, JSON.stringify(headers).slice(0, 100));
      expect(r.status).toBe(401);
      expect(r.headers.get('x-request-id')?.length ?? 0).toBeLessThanOrEqual(100);
    }
  });

  it('logged nothing as an unhandled error in the runs above', () => {
    const errors = h.logs.filter((l) => l.msg === 'unhandled error');
    expect(errors.map((l) => `${l.error}`)).toEqual([]);
  });
});
