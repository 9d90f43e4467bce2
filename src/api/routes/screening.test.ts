// The screening endpoints in-process over the real UN list: import (stored, diffed, re-screening open cases),
// a truncated file refused with the list untouched, and POST /api/v1/screen.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStoredList } from '../../cases/lists.ts';
import { editList, NEW_PERSON, NEW_VERSION, REIMPORT_EDITS, SHARED_LIST, STUB_ENGINE } from '../../../test/support/lists.ts';
import { usersWithTokens } from '../../../test/support/users.ts';
import { openPglite } from '../../store/pglite.ts';
import { openStoreOver, type SqlStore } from '../../store/store.ts';
import { createApp } from '../app.ts';
import type { ApiEngine } from '../route.ts';

const engine = { ...STUB_ENGINE, regimes: () => [], factsOf: () => [], sources: new Map() } as unknown as ApiEngine;
const now = () => new Date('2026-05-10T01:00:00Z');
let store: SqlStore;
let app: ReturnType<typeof createApp>;
let tokens: Record<string, string> = {};

beforeAll(async () => {
  store = await openStoreOver(await openPglite());
  app = createApp({ store, engine, now, log: () => {}, webDist: null });
  tokens = await usersWithTokens(store, [
    { username: 'admin', role: 'admin' }, { username: 'alice', role: 'applicant', org: 'ACME' }, { username: 'erin', role: 'examiner' }, { username: 'audrey', role: 'auditor' },
  ], now());
});
afterAll(async () => store?.close());

async function call(method: string, path: string, as: string, body?: unknown, type = 'application/json') {
  const res = await app.request(path, {
    method, headers: { authorization: `Bearer ${tokens[as]}`, ...(body === undefined ? {} : { 'content-type': type }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', json: (await res.json()) as any };
}
const put = (xml: string, query = '') => call('PUT', `/api/v1/screening/list${query}`, 'admin', xml, 'application/xml');

describe.skipIf(!existsSync(SHARED_LIST))('screening API over the UN list', { timeout: 60_000 }, () => {
  const original = existsSync(SHARED_LIST) ? readFileSync(SHARED_LIST, 'utf8') : '';
  const changed = editList(original, REIMPORT_EDITS);
  let caseId = '';

  it('answers POST /api/v1/screen with 409 no_list while no list is loaded', async () => {
    const r = await call('POST', '/api/v1/screen', 'erin', { name: 'Abdulhai Salek' });
    expect(r.status).toBe(409);
    expect(r.type).toContain('application/problem+json');
    expect(r.json.problems[0].code).toBe('no_list');
  });

  it('imports the list over HTTP into the database', async () => {
    const r = await put(original);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ unchanged: false, previous: null, list: { id: 1, entries: 1009, origin: 'http', importedBy: 'admin' }, changes: { fromVersion: null } });
    expect((await call('GET', '/api/v1/screening/list', 'audrey')).json.list).toMatchObject({ id: 1, version: '2026-05-08T23:00:06.922Z', entries: 1009, importedBy: 'admin' });
    // /healthz names the list in use, its age on the app's clock, and flags it after 30 days.
    expect(((await (await app.request('/healthz')).json()) as { list: unknown }).list).toMatchObject({ id: 1, version: '2026-05-08T23:00:06.922Z', entries: 1009, ageDays: 1, stale: false });
    expect((await store.screening.currentList())?.version).toBe('2026-05-08T23:00:06.922Z');
  });

  it('screens a name: matches above the cutoff, best first, with entry, score and explanation, and the list version', async () => {
    const r = await call('POST', '/api/v1/screen', 'erin', { name: 'SALEK, Abdulhai', dateOfBirth: '1965', nationality: 'AF', type: 'person', gender: 'male' });
    expect(r.status).toBe(200);
    expect(r.json.list).toMatchObject({ version: '2026-05-08T23:00:06.922Z', source: 'UN Security Council Consolidated List' });
    expect(r.json.threshold).toBe(0.7);
    expect(r.json.results[0]).toMatchObject({ referenceNumber: 'TAi.108', match: true, entry: { referenceNumber: 'TAi.108', nameParts: expect.any(Array) } });
    expect(r.json.results[0].explanation).toContain('ABDULHAI SALEK');
    expect(r.json.results[0].features[0].feature).toBe('name_match');
    const scores = r.json.results.map((x: { score: number }) => x.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((s: number) => s >= 0.5)).toBe(true);
    const none = await call('POST', '/api/v1/screen', 'audrey', { name: 'Ingeborg Abrahamsen', dateOfBirth: '1972-11-21', nationality: 'France' });
    expect(none.json.results.filter((x: { match: boolean }) => x.match)).toEqual([]);
    const limited = await call('POST', '/api/v1/screen', 'admin', { name: 'Mohammed', limit: 2, threshold: 0.95 });
    expect(limited.json.results.length).toBeLessThanOrEqual(2);
    expect(limited.json.threshold).toBe(0.95);
  });

  it('lists every problem of a bad screening query, and refuses applicants', async () => {
    const r = await call('POST', '/api/v1/screen', 'erin', { name: ' ', dateOfBirth: '1965-13-40', nationality: 'Atlantis', type: 'ship', gender: 'x', limit: 0, extra: true });
    expect(r.status).toBe(422);
    expect(r.json.problems.map((p: { path: string }) => p.path).sort()).toEqual(['dateOfBirth', 'extra', 'gender', 'limit', 'name', 'nationality', 'type']);
    expect((await call('POST', '/api/v1/screen', 'erin', {})).json.problems).toEqual([{ code: 'required', path: 'name', message: 'required field is missing' }]);
    expect((await call('POST', '/api/v1/screen', 'alice', { name: 'Abdulhai Salek' })).status).toBe(403);
  });

  it('files and submits a case whose end user is on no list', async () => {
    const created = await call('POST', '/api/v1/cases', 'alice', {
      recipient: 'AU', endUser: { name: 'Taro Yamashita', type: 'individual', country: 'JP' },
      items: [{ item: { name: 'radar', weapon: false, form: 'complete', function: 'surveillance' }, quantity: 1, valueJpy: 1 }],
    });
    caseId = created.json.id;
    const submitted = await call('POST', `/api/v1/cases/${caseId}/transitions`, 'alice', { action: 'submit' });
    // The applicant learns only whether screening is under review; staff see the screening itself.
    expect(submitted.json.data.screening).toEqual({ at: expect.any(String), underReview: false });
    expect((await call('GET', `/api/v1/cases/${caseId}`, 'erin')).json.data.screening).toMatchObject({ hold: false, listVersion: '2026-05-08T23:00:06.922Z' });
  });

  it('refuses a truncated list with 422 and the reason, and leaves the stored list and the list in use untouched', async () => {
    const r = await put(changed.slice(0, Math.floor(changed.length * 0.7)));
    expect(r.status).toBe(422);
    expect(r.json.problems[0].code).toBe('xml.malformed');
    expect(r.json.problems[0].path).toMatch(/^line \d+/);
    expect((await call('GET', '/api/v1/screening/list', 'erin')).json.list).toMatchObject({ id: 1, version: '2026-05-08T23:00:06.922Z' });
    expect((await store.screening.listHistory()).map((l) => l.id)).toEqual([1]);
  });

  it('re-imports a changed list: reports the changes and the open case with a new hit, now held', async () => {
    const r = await put(changed);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      unchanged: false, previous: { id: 1, version: '2026-05-08T23:00:06.922Z' }, list: { id: 2, version: NEW_VERSION, entries: 1009 },
      changes: {
        fromVersion: '2026-05-08T23:00:06.922Z', toVersion: NEW_VERSION,
        added: [{ referenceNumber: NEW_PERSON.referenceNumber, name: 'TARO YAMASHITA' }], removed: [{ referenceNumber: 'SDi.007' }], changed: [{ referenceNumber: 'QDi.335', fields: ['aliases'] }],
      },
      rescreen: { listVersion: NEW_VERSION, screened: 1, held: 1, cases: [{ id: caseId, hold: true, wasHeld: false, newHits: [{ party: 'endUser', referenceNumber: 'KPi.999' }] }] },
    });
    const c = await call('GET', `/api/v1/cases/${caseId}`, 'erin');
    expect(c.json.data.screening).toMatchObject({ hold: true, listVersion: NEW_VERSION });
    const s = await call('POST', '/api/v1/screen', 'erin', { name: 'Yamashita Taro' });
    expect(s.json.results[0]).toMatchObject({ referenceNumber: 'KPi.999', match: true });
    expect(s.json.list.version).toBe(NEW_VERSION);
  });

  it('refuses an older list with 409 unless allowOlder=true, and rejects an unknown query parameter', async () => {
    const r = await put(original);
    expect(r.status).toBe(409);
    expect(r.json).toMatchObject({ problems: [{ code: 'list_older' }], current: { id: 2, version: NEW_VERSION } });
    expect((await put(original, '?allowOlder=maybe')).status).toBe(422);
    expect((await put(original, '?force=1')).json.problems[0]).toMatchObject({ code: 'unknown_field', path: 'query.force' });
    const back = await put(original, '?allowOlder=true');
    expect(back.json).toMatchObject({ list: { id: 3, version: '2026-05-08T23:00:06.922Z' }, changes: { removed: [{ referenceNumber: 'KPi.999' }] } });
    expect(back.json.rescreen.cases).toEqual([expect.objectContaining({ id: caseId, hold: false, clearedHits: [{ party: 'endUser', referenceNumber: 'KPi.999' }] })]);
  });

  it('imports another list as CSV beside it; POST /api/v1/screen names the list of each result and a Japanese name\'s source', async () => {
    const csv = 'list,version,reference,type,name,aliases,countries,dates_of_birth,programme\nMOF asset freeze,2025-10-01,MOF-0001,entity,Hanami Shoji,花見商事,JP,,\n';
    expect((await call('PUT', '/api/v1/screening/list', 'admin', csv, 'text/plain')).status).toBe(415);
    const r = await call('PUT', '/api/v1/screening/list', 'admin', csv, 'text/csv');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ previous: null, list: { id: 4, source: 'MOF asset freeze', entries: 1 } });
    const s = await call('POST', '/api/v1/screen', 'erin', { name: '花見商事', type: 'entity' });
    expect(s.json.results[0]).toMatchObject({ referenceNumber: 'MOF-0001', list: 'MOF asset freeze', match: true });
    const bank = await call('POST', '/api/v1/screen', 'erin', { name: '朝鮮貿易銀行', type: 'entity' });
    expect(bank.json.results[0]).toMatchObject({ referenceNumber: 'KPe.047', list: 'UN Security Council Consolidated List', nameQuality: 'translated', matchedLang: 'ja', matchedSource: expect.stringMatching(/^https?:/) });
  });

  it('serves the stored list from a new app over the same database, as after a restart', async () => {
    const stored = await loadStoredList(store);
    if (!stored.ok) throw new Error(JSON.stringify(stored.problems));
    const again = createApp({ store, engine, now, log: () => {}, webDist: null, screening: stored.value });
    const r = await again.request('/api/v1/screening/list', { headers: { authorization: `Bearer ${tokens.erin}` } });
    expect(((await r.json()) as any).list).toMatchObject({ id: 4, entries: 1010 });
  });
});
