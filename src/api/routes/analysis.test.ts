// The analysis endpoints in-process, over the real policy and catalogue.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { bundledEngine } from '../../policy-files/load.ts';
import { bundledItems } from '../../policy-files/items.ts';
import { openPglite } from '../../store/pglite.ts';
import { openStoreOver, type SqlStore } from '../../store/store.ts';

const CASES = 'data/cases';
let store: SqlStore;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  store = await openStoreOver(await openPglite());
  app = createApp({ store, engine: bundledEngine(), items: bundledItems(), now: () => new Date('2026-11-22T01:00:00Z'), log: () => {}, webDist: null });
});
afterAll(async () => store?.close());

async function call(method: string, path: string, body?: unknown) {
  const res = await app.request(path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, type: res.headers.get('content-type') ?? '', json: await res.json() };
}

const request = (id: string) => JSON.parse(readFileSync(`${CASES}/${id}.json`, 'utf8')).request;

describe('analysis API', () => {
  it('GET /api/v1/facts names every fact and says what absence means', async () => {
    const r = await call('GET', '/api/v1/facts');
    expect(r.status).toBe(200);
    const fact = r.json.facts.find((f: { id: string }) => f.id === 'fighting-under-way');
    expect(fact).toMatchObject({ type: 'boolean', maintainedBy: 'operator', title: { en: expect.any(String), ja: expect.any(String) } });
    expect(fact.series).toBeUndefined();
  });

  it('GET /api/v1/facts/:country/series gives the whole history, and refuses unknown countries', async () => {
    const r = await call('GET', '/api/v1/facts/IR/series');
    expect(r.status).toBe(200);
    const embargo = r.json.facts.find((f: { fact: string }) => f.fact === 'un-arms-embargo');
    expect(embargo.entries.length).toBeGreaterThanOrEqual(2);
    expect(embargo.entries.at(-1)).toMatchObject({ from: '2025-09-27', value: 'partial' });
    const bad = await call('GET', '/api/v1/facts/ZZ/series');
    expect(bad.status).toBe(422);
    expect(bad.type).toContain('application/problem+json');
  });

  it('GET /api/v1/matrix', async () => {
    const r = await call('GET', '/api/v1/matrix?asOf=2022-03-08&purpose=aid-against-aggression&transferor=defense-minister&items=body-armour,anti-tank-missile');
    expect(r.status).toBe(200);
    expect(r.json.cells).toHaveLength(249 * 2);
    expect(r.json.cells).toContainEqual({ recipient: 'UA', item: 'body-armour', outcome: 'permissible', reasons: ['C-2022-ukraine-non-lethal'] });
  });

  it('GET /api/v1/diff', async () => {
    const r = await call('GET', '/api/v1/diff?from=2023-12-21&to=2023-12-22&items=pac3-interceptor&purposes=return-to-licensor,none');
    expect(r.status).toBe(200);
    expect(r.json.compared).toBe(249 * 2);
    expect(r.json.changes).toContainEqual({ recipient: 'US', item: 'pac3-interceptor', purpose: 'return-to-licensor', from: 'not_permitted', to: 'permissible', rules: ['C-2023-licensed-to-licensor'] });
  });

  it('GET /api/v1/diff?space=full: the whole request space in regions, each with a witness that changes as it says', async () => {
    const r = await call('GET', '/api/v1/diff?from=2022-03-07&to=2022-03-08&space=full');
    expect(r.status).toBe(200);
    expect(r.json.space).toBeGreaterThan(r.json.changed);
    expect(r.json.regions.length).toBeGreaterThan(0);
    const opened = r.json.regions.find((g: { from: string; to: string }) => g.from === 'not_permitted' && g.to === 'permissible');
    expect(opened).toMatchObject({ countries: ['UA'], where: { 'item.weapon': ['false'], transferor: ['defense-minister'] }, rules: { to: ['C-2022-ukraine-non-lethal'] } });
    const t = await call('POST', '/api/v1/timeline', opened.witness);
    expect(t.json.segments.find((s: { from: string }) => s.from === '2022-03-08').outcome).toBe('permissible');
    const narrowed = await call('GET', '/api/v1/diff?from=2022-03-07&to=2022-03-08&space=full&items=body-armour');
    expect(narrowed.status).toBe(422);
    expect(narrowed.json.problems.map((p: { path: string }) => p.path)).toEqual(['query.items']);
    // A page asks only for the main regions: the rest are counted by how they change, and every cell is still accounted for.
    const main = await call('GET', '/api/v1/diff?from=2022-03-07&to=2022-03-08&space=full&regions=main');
    expect(main.json.regionCount).toBe(r.json.regions.length);
    expect(main.json.regions.length).toBeLessThanOrEqual(Math.min(10, r.json.regions.length));
    const held = [...main.json.regions, ...main.json.tail].reduce((n: number, x: { cells: number }) => n + x.cells, 0);
    expect(held).toBe(r.json.changed);
    expect((await call('GET', '/api/v1/diff?from=2022-03-07&to=2022-03-08&space=full&regions=some')).status).toBe(422);
  });

  it('GET /api/v1/diff/boundaries: every revision, each against the version before it', async () => {
    const r = await call('GET', '/api/v1/diff/boundaries');
    expect(r.status).toBe(200);
    expect(r.json.boundaries).toHaveLength(bundledEngine().regimes().filter((x) => x.kind !== 'draft').length - 1);
    expect(r.json.boundaries.at(-1).to.spec).toBe('2026-04-21');
    expect((await call('GET', '/api/v1/diff/boundaries?space=everything')).status).toBe(422);
  });

  it('POST /api/v1/timeline and /api/v1/whatif', async () => {
    const t = await call('POST', '/api/v1/timeline', request('ukraine-vests-2022'));
    expect(t.status).toBe(200);
    expect(t.json.segments.find((s: { from: string }) => s.from === '2022-03-08').outcome).toBe('permissible');
    const w = await call('POST', '/api/v1/whatif', request('ukraine-lethal-2022'));
    expect(w.status).toBe(200);
    expect(w.json.enough[0].regime).toBe('2023-03-invasion-victims-proposal');
    // Both languages come from the server: the app words nothing itself.
    expect(w.json.enough[0].changes[0].text).toEqual({ en: expect.stringContaining('adopt the proposal'), ja: expect.stringContaining('を採用する') });
    const ta = w.json.notEnough.find((s: { changes: { path: string }[] }) => s.changes[0].path === 'facts.transfer-agreement-in-force.UA');
    expect(ta.why.ja).toContain('移転を認め得る場合のいずれにも該当しない');
  });

  it('lists every problem as problem+json', async () => {
    const m = await call('GET', '/api/v1/matrix?asOf=2023-02-30&items=nope&regime=nope');
    expect(m.status).toBe(422);
    expect(m.type).toContain('application/problem+json');
    expect(m.json.problems.map((p: { path: string }) => p.path).sort()).toEqual(['query.asOf', 'query.items', 'query.regime']);
    const d = await call('GET', '/api/v1/diff?from=nope&to=2023-13-01&purposes=fun');
    expect(d.json.problems.map((p: { path: string }) => p.path).sort()).toEqual(['query.from', 'query.purposes', 'query.to']);
    const w = await call('POST', '/api/v1/whatif?regime=nope', { recipient: 'ZZ', item: {} });
    expect(w.json.problems.map((p: { path: string }) => p.path).sort()).toEqual(['query.regime', 'recipient']);
  });
});
