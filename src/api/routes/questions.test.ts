// GET /api/v1/questions in-process, over the real policy, catalogue and questions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { bundledEngine } from '../../policy-files/load.ts';
import { bundledItems } from '../../policy-files/items.ts';
import { loadQuestions } from '../../policy-files/questions.ts';
import { loadAuthorities } from '../../policy-files/authorities.ts';
import { openPglite } from '../../store/pglite.ts';
import type { Store } from '../../cases/store-port.ts';
import { openStoreOver } from '../../store/store.ts';
import type { QuestionAnswer } from '../../core/questions.ts';

let store: Store;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  store = await openStoreOver(await openPglite());
  const items = bundledItems();
  const questions = loadQuestions(items);
  if (!questions.ok) throw new Error(JSON.stringify(questions.problems));
  const authorities = loadAuthorities();
  if (!authorities.ok) throw new Error(JSON.stringify(authorities.problems));
  app = createApp({ store, engine: bundledEngine(), items, questions: questions.value, authorities: authorities.value, now: () => new Date('2026-11-22T01:00:00Z'), log: () => {}, webDist: null });
});
afterAll(async () => store?.close());

async function get(path: string) {
  const res = await app.request(path);
  return { status: res.status, json: await res.json() };
}

describe('questions API', () => {
  it('answers every question with the engine on today’s date, in both languages, with a permalink', async () => {
    const r = await get('/api/v1/questions');
    expect(r.status).toBe(200);
    expect(r.json.asOf).toBe('2026-11-22');
    const qs = r.json.questions as QuestionAnswer[];
    expect(qs.length).toBeGreaterThanOrEqual(8);
    for (const q of qs) {
      expect(q.question.en && q.question.ja).toBeTruthy();
      expect(q.link).toBe(`/questions/${q.id}`);
      expect(Boolean(q.asks?.length) || Boolean(q.changes) || Boolean(q.countries)).toBe(true);
    }
    const ukraine = qs.find((q) => q.id === 'ukraine-weapons')!;
    expect(ukraine.asks![0]).toMatchObject({ outcome: 'not_permitted', request: { asOf: '2026-11-22', recipient: 'UA' } });
    expect(ukraine.asks![0].deciding[0]).toMatchObject({ rule: expect.any(String), clause: { en: expect.any(String), ja: expect.any(String) }, source: expect.any(String) });
    const vests = qs.find((q) => q.id === 'ukraine-vests')!;
    expect(vests.asks![0].outcome).toBe('permissible');
  });

  it('counts what a revision changed from the diff, and which countries may receive weapons from the matrix', async () => {
    const r = await get('/api/v1/questions/changes-2023-12-22');
    expect(r.status).toBe(200);
    expect(r.json.changes.changed).toBeGreaterThan(0);
    expect(r.json.changes.to.revision).toBe('2023-12-22');
    expect(r.json.changes.rules[0]).toMatchObject({ rule: expect.any(String), cells: expect.any(Number), title: { en: expect.any(String), ja: expect.any(String) } });
    const w = await get('/api/v1/questions/weapons-recipients-today');
    const permitted = w.json.countries.byOutcome.find((o: { outcome: string }) => o.outcome === 'permissible');
    expect(permitted.countries).toEqual(expect.arrayContaining(['AU', 'DE']));
    expect(permitted.countries).not.toContain('UA');
    // The United States at war with Iran: whether forces fighting abroad count as fighting under way is the NSC's question.
    expect(w.json.countries.byOutcome.find((o: { outcome: string }) => o.outcome === 'requires_judgment').countries).toContain('US');
  });

  it('names the issuer of each source in Japanese too, for the answers’ citations', async () => {
    const r = await get('/api/v1/sources');
    const nsc = r.json.sources.find((s: { id: string }) => s.id === 'nsc-2022-03-08-ukraine');
    expect(nsc).toMatchObject({ issuer: 'National Security Council', issuerName: { en: 'National Security Council', ja: '国家安全保障会議' } });
  });

  it('says which question does not exist', async () => {
    const r = await get('/api/v1/questions/no-such-question');
    expect(r.status).toBe(404);
    expect(r.json.errors?.[0]?.message ?? JSON.stringify(r.json)).toContain('no-such-question');
  });
});
