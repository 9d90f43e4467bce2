// Bodies nested deeper than any real request, on every endpoint that takes a body. Regression test: from about
// 4,000 levels (an 8 kB body) the app's recursive body check overflowed the stack and answered 500, and below that
// its time grew with the square of the depth (fixed in 26b8a5e: iterative, refuses nesting over 64 levels).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../src/cases/users.ts';
import { rolesOf } from '../../src/api/openapi.ts';
import type { RouteDef } from '../../src/api/route.ts';
import { application, harness, isProblem, ROLE_USER, ROUTES, type Harness } from './helpers.ts';

let h: Harness;
let caseId: string;

beforeAll(async () => {
  h = await harness();
  caseId = (await h.call('POST', '/api/v1/cases', { as: 'alice', body: application() })).json.id;
}, 60_000);
afterAll(async () => h?.close());

async function headersFor(route: RouteDef): Promise<Record<string, string>> {
  const role = rolesOf(route).find((r) => r !== 'anonymous');
  if (route.access === 'public' || !role) return {};
  const username = ROLE_USER[role as keyof typeof ROLE_USER];
  if (route.operationId !== 'logout') return { authorization: `Bearer ${h.tokens[username]}` };
  const { token } = await issueToken(h.store, { actor: 'system', at: new Date().toISOString() }, (await h.store.users.byUsername(username))!, 'token', new Date());
  return { authorization: `Bearer ${token}` };
}

const nested = (depth: number, open: string, close: string, inner = '') => open.repeat(depth) + inner + close.repeat(depth);
const DEEP = [
  { name: 'nested arrays, depth 10,000', body: nested(10_000, '[', ']') },
  { name: 'nested objects, depth 20,000', body: nested(20_000, '{"a":', '}', '1') },
  { name: 'nested arrays inside item.name, depth 50,000', body: `{"recipient":"AU","item":{"name":${nested(50_000, '[', ']')}}}` },
];

describe('deeply nested bodies', () => {
  it('are refused with a 4xx problem on every endpoint, never 500', async () => {
    const failures: string[] = [];
    for (const route of ROUTES.filter((r) => r.body)) {
      // Every endpoint with the first; the others on evaluate alone, to keep the file quick.
      for (const { name, body } of route.operationId === 'evaluate' ? DEEP : DEEP.slice(0, 1)) {
        const path = route.path.replace(/:(\w+)/g, (_m, p: string) => (p === 'country' ? 'JP' : caseId));
        const r = await h.call(route.method.toUpperCase(), path, { raw: body, headers: await headersFor(route) });
        if (r.status >= 500 || (r.status >= 400 && !isProblem(r))) failures.push(`${route.method.toUpperCase()} ${route.path} with ${name}: ${r.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('a body nested 3,000 deep (under the overflow) is refused as too deep (its time is in npm run bench)', async () => {
    const r = await h.call('POST', '/api/v1/evaluate', { raw: `{"recipient":"AU","item":{"name":${nested(3000, '[', ']')}}}` });
    expect(r.status).toBe(422);
    expect(r.json.problems.map((p: { code: string }) => p.code)).toEqual(['too_deep']);
  });
});
