// Properties of the engine over generated requests (fast-check): every valid request gives a well-formed decision;
// a Principle 1 prohibition that fires is never overridden by a permission; evaluation is deterministic to the byte;
// the untraced path agrees with the traced one; and the diff of a regime with itself is empty.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../policy-files/load.ts';
import { loadItems } from '../policy-files/items.ts';
import { COUNTRIES } from './countries.ts';
import { diff } from './diff.ts';
import { startOf } from './domain.ts';
import type { Engine } from './engine.ts';
import type { ItemClass } from './items.ts';
import { END_USER_TYPES, FORMS, FUNCTIONS, MUNITION_TYPES, ORIGINS, PURPOSES, TRANSFERORS, type Decision, type TransferRequest } from './model.ts';
import { EARLIEST_DATE, parseRequest } from './request.ts';

let engine: Engine;
let twin: Engine; // compiled separately from the same files
let items: ItemClass[];

beforeAll(() => {
  const a = loadPolicy();
  const b = loadPolicy();
  const i = loadItems();
  if (!a.ok || !b.ok || !i.ok) throw new Error('bundled policy or catalogue is invalid');
  engine = a.value;
  twin = b.value;
  items = i.value;
});

const CODES = COUNTRIES.map((c) => c.code);
// Countries the rules treat specially (embargoes, partners, named in rules, under aggression) come up more often.
const NOTABLE = ['KP', 'IR', 'IQ', 'LY', 'SO', 'SD', 'CD', 'AF', 'YE', 'RU', 'UA', 'US', 'GB', 'IT', 'AU', 'IN', 'PH', 'DE', 'FR', 'CN', 'JP', 'ZA', 'ZW', 'VN', 'NZ'];
const country = fc.oneof(fc.constantFrom(...NOTABLE), fc.constantFrom(...CODES));

const day = (d: Date) => d.toISOString().slice(0, 10);
const date = fc.date({ min: new Date(`${EARLIEST_DATE}T00:00:00Z`), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map(day);
// Days around every regime boundary, where mistakes would hide.
const boundaryDate = fc.constantFrom('1949-12-01', '1967-04-20', '1967-04-21', '1976-02-27', '1983-01-14', '2004-12-10', '2011-12-27', '2014-03-31', '2014-04-01', '2022-03-07',
  '2022-03-08', '2023-12-21', '2023-12-22', '2024-03-26', '2026-04-20', '2026-04-21', '2026-06-01');

const item = fc.record({
  name: fc.string({ maxLength: 30 }),
  defenseEquipment: fc.boolean(),
  weapon: fc.boolean(),
  form: fc.constantFrom(...FORMS),
  function: fc.constantFrom(...FUNCTIONS),
  origin: fc.constantFrom(...ORIGINS),
  partners: fc.uniqueArray(country, { maxLength: 4 }),
  licensor: country,
  program: fc.constantFrom('GCAP', 'F-35', 'BMD', 'SM-3 Block IIA', 'Patriot', 'other programme'),
  controlList: fc.integer({ min: 1, max: 22 }).map((n) => `ML${n}`),
  munitionType: fc.constantFrom(...MUNITION_TYPES),
}, { requiredKeys: [] });

const request: fc.Arbitrary<TransferRequest> = fc.record({
  asOf: fc.oneof(date, boundaryDate),
  recipient: country,
  endUser: fc.option(fc.record({ name: fc.string({ maxLength: 20 }), type: fc.constantFrom(...END_USER_TYPES) }, { requiredKeys: [] }), { nil: undefined }),
  item,
  purpose: fc.option(fc.constantFrom(...PURPOSES), { nil: undefined }),
  transferor: fc.option(fc.constantFrom(...TRANSFERORS), { nil: undefined }),
}).map((r) => JSON.parse(JSON.stringify(r)) as TransferRequest); // drop undefined keys, as a JSON client would send it

/** The regime to evaluate under: the one in force (undefined), or any regime, revision or draft by name. */
const regime = () => fc.option(fc.constantFrom(...engine.regimes().map((r) => r.id)), { nil: undefined, freq: 2 });

/** What the untraced path gives: the traced decision without its trace and without the options of open questions. */
const untraced = (d: Decision): Decision => ({ ...d, trace: [], open: d.open.map(({ options: _options, ...q }) => q) });

const OUTCOMES = ['prohibited', 'not_permitted', 'permissible', 'requires_judgment', 'out_of_scope'];

function wellFormed(d: Decision, regimeId: string | undefined) {
  expect(OUTCOMES).toContain(d.outcome);
  expect(typeof d.regime).toBe('string');
  expect(engine.version(d.revision), `revision ${d.revision}`).toBeDefined();
  if (regimeId) expect(d.revision).toBe(regimeId);
  expect(d.reasons.length, 'a decision names the rules that decided it').toBeGreaterThan(0);
  for (const id of d.reasons) expect(engine.rule(id), `reason ${id}`).toBeDefined();
  expect(d.review === null || ['meti', 'nsc', 'cabinet'].includes(d.review)).toBe(true);
  for (const c of d.conditions) {
    expect(typeof c.id).toBe('string');
    expect(engine.rule(c.rule)).toBeDefined();
    expect(c.text.en.length * c.text.ja.length).toBeGreaterThan(0);
  }
  if (d.outcome !== 'permissible' && d.outcome !== 'requires_judgment') expect([d.review, d.conditions]).toEqual([null, []]);
  if (d.outcome === 'requires_judgment') expect(d.open.length, 'a judgment names what must be decided').toBeGreaterThan(0);
  else expect(d.open).toEqual([]);
  for (const q of d.open) {
    expect(typeof q.id).toBe('string');
    for (const o of q.options ?? []) expect(OUTCOMES).toContain(o.outcome);
    expect(q.question.en.length * q.question.ja.length).toBeGreaterThan(0);
    expect(typeof q.by).toBe('string');
  }
  expect(d.policyDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
  for (const t of d.trace) {
    if (t.type === 'rule') {
      expect(['fired', 'not_fired', 'unknown', 'defeated']).toContain(t.result);
      expect(t.citations.length).toBeGreaterThan(0);
      for (const x of t.tests) expect(['true', 'false', 'unknown']).toContain(x.value);
    } else {
      expect(t.type).toBe('fact');
      expect(t.value === null || ['string', 'boolean'].includes(typeof t.value)).toBe(true);
    }
  }
  // Every rule of the version is tried, once.
  const tried = d.trace.filter((t) => t.type === 'rule').map((t) => t.rule);
  expect(tried.sort()).toEqual(engine.version(d.revision)!.rules.map((c) => c.rule.id).sort());
}

describe('engine properties', () => {
  it('generated requests are valid input', () => {
    fc.assert(fc.property(request, (r) => {
      const p = parseRequest(r, { today: '2026-01-01' });
      expect(p.ok, JSON.stringify(p)).toBe(true);
    }), { numRuns: 500, seed: 1 });
  });

  it('any valid request evaluates, without throwing, to a well-formed decision', () => {
    fc.assert(fc.property(request, regime(), (r, reg) => {
      wellFormed(engine.evaluate(r, { regime: reg }), reg);
    }), { numRuns: 1500, seed: 2 });
  });

  it('a Principle 1 prohibition that fires is never overridden by a permission', () => {
    let fired = 0;
    fc.assert(fc.property(request, regime(), (r, reg) => {
      const d = engine.evaluate(r, { regime: reg });
      const prohibitions = d.trace.filter((t) => t.type === 'rule' && t.kind === 'prohibition' && t.result === 'fired').map((t) => (t.type === 'rule' ? t.rule : ''));
      if (prohibitions.length === 0) return;
      fired++;
      // Goods that are not defense equipment are outside the principles altogether (scope precedes Principle 1);
      // where that is unknown, the decision asks it first and says the answer "yes" means prohibited.
      const scope = (result: string) => d.trace.some((t) => t.type === 'rule' && t.kind === 'scope' && t.result === result);
      const expected = scope('fired') ? 'out_of_scope' : scope('unknown') ? 'requires_judgment' : 'prohibited';
      expect(d.outcome, JSON.stringify({ r, reg, prohibitions })).toBe(expected);
      if (expected === 'prohibited') for (const p of prohibitions) expect(d.reasons).toContain(p);
      if (expected === 'requires_judgment') expect(d.open[0].options?.find((o) => o.value === 'true')?.outcome).toBe('prohibited');
      expect(engine.evaluate(r, { regime: reg, trace: false }).outcome).toBe(d.outcome);
    }), { numRuns: 2000, seed: 3 });
    expect(fired, 'the generator reaches prohibitions often enough to mean something').toBeGreaterThan(100);
  });

  it('a prohibited recipient stays prohibited whatever permitted case the request claims', () => {
    // North Korea under a full UN embargo, 2014 onwards: every purpose, end user and item shape.
    fc.assert(fc.property(item.map((i) => ({ ...i, defenseEquipment: true })), fc.option(fc.constantFrom(...PURPOSES), { nil: undefined }), fc.constantFrom(...END_USER_TYPES), fc.constantFrom('2014-04-01', '2022-03-08', '2024-03-26', '2026-04-21'), (it, purpose, type, asOf) => {
      const d = engine.evaluate(JSON.parse(JSON.stringify({ asOf, recipient: 'KP', item: it, purpose, endUser: { type } })));
      expect(d.outcome).toBe('prohibited');
    }), { numRuns: 300, seed: 4 });
  });

  it('is deterministic: the same request and policy give the same bytes, in any order and from a second compilation', () => {
    fc.assert(fc.property(fc.array(fc.tuple(request, regime()), { minLength: 1, maxLength: 8 }), (batch) => {
      const first = batch.map(([r, reg]) => JSON.stringify(engine.evaluate(r, { regime: reg })));
      const reversed = [...batch].reverse().map(([r, reg]) => JSON.stringify(engine.evaluate(r, { regime: reg }))).reverse();
      const other = batch.map(([r, reg]) => JSON.stringify(twin.evaluate(structuredClone(r), { regime: reg })));
      expect(reversed).toEqual(first);
      expect(other).toEqual(first);
    }), { numRuns: 300, seed: 5 });
    expect(twin.policyDigest).toBe(engine.policyDigest);
  });

  it('the untraced path gives the traced decision without its trace', () => {
    fc.assert(fc.property(request, regime(), (r, reg) => {
      expect(engine.evaluate(r, { regime: reg, trace: false })).toEqual(untraced(engine.evaluate(r, { regime: reg })));
    }), { numRuns: 1500, seed: 6 });
  });

  it('evaluation does not change the request it is given', () => {
    fc.assert(fc.property(request, regime(), (r, reg) => {
      const before = JSON.stringify(r);
      engine.evaluate(r, { regime: reg });
      engine.evaluate(r, { regime: reg, trace: false });
      expect(JSON.stringify(r)).toBe(before);
    }), { numRuns: 300, seed: 7 });
  });
});

describe('diff properties', () => {
  it('the diff of a regime, revision or draft with itself is empty, on any date it applies', () => {
    const versions = () => engine.regimes().map((r) => r.id);
    fc.assert(fc.property(fc.constantFrom(...versions()), fc.integer({ min: 0, max: 20 * 365 }), (id, offset) => {
      const start = startOf(engine, engine.version(id)!);
      const d = new Date(`${start}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + offset);
      const side = { spec: id, date: day(d), regime: id };
      const r = diff(engine, side, { ...side }, { items });
      expect(r.changes).toEqual([]);
      expect(r.compared).toBe(COUNTRIES.length * items.length * (PURPOSES.length + 1));
    }), { numRuns: 20, seed: 8 });
  });

  it('the diff of the law in force on a date with itself is empty', () => {
    fc.assert(fc.property(fc.oneof(date, boundaryDate), (on) => {
      expect(diff(engine, { spec: on, date: on }, { spec: on, date: on }, { items }).changes).toEqual([]);
    }), { numRuns: 15, seed: 9 });
  });
});
