import { describe, expect, it } from 'vitest';
import { answerQuestion, compileQuestions, whatChanged } from './questions.ts';
import { bundledEngine } from '../policy-files/load.ts';
import { bundledItems } from '../policy-files/items.ts';
import { loadQuestions } from '../policy-files/questions.ts';

const engine = bundledEngine();
const items = bundledItems();

describe('questions', () => {
  it('the bundled questions are valid and hold no answer, only what is asked', () => {
    const q = loadQuestions(items);
    expect(q.ok).toBe(true);
    if (!q.ok) return;
    for (const x of q.value) expect(Object.keys(x).sort()).not.toContain('answer');
    expect(q.value.map((x) => x.id)).toEqual(expect.arrayContaining(['ukraine-weapons', 'ukraine-vests', 'invasion-proposal-2023', 'satellite-radar-imagery', 'changes-2023-12-22', 'changes-2026-04-21', 'weapons-recipients-today', 'joint-development-only-2023']));
  });

  it('refuses an unknown item class, a duplicate id and a request with a bad country, naming where', () => {
    const r = compileQuestions([
      { id: 'a', kind: 'countries', question: { en: 'q', ja: 'q' }, itemClass: 'no-such' },
      { id: 'a', kind: 'evaluate', question: { en: 'q', ja: 'q' }, asks: [{ itemClass: 'small-arms', request: { recipient: 'UA' } }] },
    ], items, 'q.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.code).sort()).toEqual(['duplicate_id', 'unknown_item']);
    const bad = compileQuestions([{ id: 'b', kind: 'evaluate', question: { en: 'q', ja: 'q' }, asks: [{ request: { recipient: 'XX', item: {} } }] }], items);
    expect(bad.ok).toBe(false);
  });

  it('answers follow the policy: the same question gives the engine’s outcome on the date asked', () => {
    const q = { id: 'x', kind: 'evaluate' as const, question: { en: 'q', ja: 'q' }, asks: [{ itemClass: 'body-armour', request: { recipient: 'UA', purpose: 'aid-against-aggression' as const, transferor: 'defense-minister' as const, item: { defenseEquipment: true } } }] };
    // Before the 2022-03-08 amendment vests could not go; after it they could.
    expect(answerQuestion(engine, items, q, '2022-03-01').asks![0].outcome).toBe('not_permitted');
    expect(answerQuestion(engine, items, q, '2022-03-10').asks![0]).toMatchObject({ outcome: 'permissible', deciding: [{ rule: 'C-2022-ukraine-non-lethal', source: expect.any(String) }] });
  });

  it('what changed comes from the catalogue diff, counted by outcome, rule and item class', () => {
    const c = whatChanged(engine, items, '2023-12-21', '2023-12-22');
    expect(c.changed).toBe(c.byOutcome.reduce((n, b) => n + b.count, 0));
    expect(c.rules.map((r) => r.rule)).toContain('C-2023-licensed-to-licensor');
    expect(c.items[0].countries).toBeGreaterThanOrEqual(c.items.at(-1)!.countries);
  });
});
