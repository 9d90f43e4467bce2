import { describe, expect, it } from 'vitest';
import { ALL_COUNTRIES } from './domain.ts';
import { diff, resolveSides, type Side } from './diff.ts';
import { fullDiff, type FullDiff } from './diff-space.ts';
import { requestFor } from './matrix.ts';
import { END_USER_TYPES, ETCO_ITEM1, FORMS, FUNCTIONS, MUNITION_TYPES, ORIGINS, PURPOSES, TRANSFERORS, type TransferRequest } from './model.ts';
import { classOf, requestOf, requestSpace, type RequestSpace } from './space.ts';
import { itemSchema, transferRequestSchema } from './request.ts';
import { bundledEngine } from '../policy-files/load.ts';
import { bundledItems } from '../policy-files/items.ts';

const engine = bundledEngine();
const items = bundledItems();

function sides(a: string, b: string): [Side, Side] {
  const r = resolveSides(engine, a, b);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

function spaceOf(a: Side, b: Side): RequestSpace {
  const v = (s: Side) => (s.regime ? engine.version(s.regime)! : engine.versionOn(s.date)!);
  return requestSpace([{ version: v(a), date: a.date }, { version: v(b), date: b.date }], engine.mlOf);
}

/** The regions a concrete request falls in. */
function regionsOf(d: FullDiff, space: RequestSpace, req: TransferRequest) {
  const cls = classOf(space, req);
  expect(cls, `a value of ${JSON.stringify(req)} is in no class of the space`).not.toContain(-1);
  return d.regions.filter((r) => r.countries.includes(req.recipient) && space.attributes.every((a, i) => !r.where[a.path] || r.where[a.path].includes(a.classes[cls[i]].id)));
}

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  // mulberry32: every bit varies, unlike the low bits of a linear congruential generator.
  let s = seed >>> 0;
  return (n: number) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296 * n) | 0;
  };
}

/**
 * A random concrete request drawn from the request schema, not from the space: every item field, purpose and
 * end-user type, each left out now and then, so a class the space missed would show.
 */
function randomRequest(space: RequestSpace, asOf: string, next: (n: number) => number): TransferRequest {
  // Half the time any country, half the time one of a random country group, so rare groups are drawn as often as large ones.
  const group = space.groups[next(space.groups.length)].countries;
  const recipient = next(2) ? ALL_COUNTRIES[next(ALL_COUNTRIES.length)] : group[next(group.length)];
  const pick = <T,>(xs: readonly T[]): T => xs[next(xs.length)];
  const other = () => { for (;;) { const cc = pick(ALL_COUNTRIES); if (cc !== recipient) return cc; } };
  const named = (path: string) => space.attributes.find((a) => a.path === path)?.classes.flatMap((c) => (c.kind === 'values' ? c.values : [])) ?? [];
  const fields: Record<string, () => unknown> = {
    defenseEquipment: () => next(2) === 0, weapon: () => next(2) === 0, form: () => pick(FORMS), function: () => pick(FUNCTIONS),
    origin: () => pick(ORIGINS), munitionType: () => pick(MUNITION_TYPES),
    partners: () => pick([[], [other()], [other(), recipient], [recipient]]), licensor: () => (next(2) ? recipient : other()),
    program: () => pick([...named('item.program'), 'Another programme']), controlList: () => pick(['ML3', 'ML3a', 'ML4', 'ML4c', 'ML10', 'ML21', `ML${1 + next(22)}`]),
    etcoItem: () => pick(ETCO_ITEM1),
  };
  const item: Record<string, unknown> = {};
  for (const [f, value] of Object.entries(fields)) if (next(4)) item[f] = value();
  // A sub-item of item 1 is defense equipment: the schema refuses it with defenseEquipment false.
  if (item.defenseEquipment === false) delete item.etcoItem;
  const req: TransferRequest = { asOf, recipient, item };
  if (next(4)) req.purpose = pick(PURPOSES);
  if (next(4)) req.transferor = pick(TRANSFERORS);
  if (next(4)) req.endUser = { type: pick(END_USER_TYPES) };
  expect(transferRequestSchema.safeParse(req).success).toBe(true);
  return req;
}

describe('the request space', () => {
  it('is derived from what the rules read: classes of values the rules tell apart, unstated, and a valid other value', () => {
    const [a, b] = sides('2022-03-08', '2023-12-22');
    const space = spaceOf(a, b);
    const path = (p: string) => space.attributes.find((x) => x.path === p)!;
    expect(path('item.weapon').classes.map((c) => c.id)).toEqual(['true', 'false', 'unstated']);
    // 2023-12-22 reads a military end user alone (repair for a partner's forces): government and military part.
    expect(path('endUser.type').classes.map((c) => c.id)).toEqual(['government', 'military', 'international-organization', 'company|individual', 'unstated']);
    // 2022-03-08 reads who transfers: the Minister of Defense apart from everyone else.
    expect(path('transferor').classes.map((c) => c.id)).toEqual(['defense-minister', 'government|company', 'unstated']);
    const other = path('item.program').classes.find((c) => c.kind === 'other')!;
    expect(itemSchema.shape.program.safeParse(other.values[0]).success).toBe(true);
    expect(path('item.program').classes.some((c) => c.kind === 'values' && c.values.includes(other.values[0]))).toBe(false);
    // No rule reads the item's name: it is no attribute of the space.
    expect(space.attributes.some((x) => x.path === 'item.name')).toBe(false);
    expect(space.cells).toBe(ALL_COUNTRIES.length * space.attributes.reduce((n, x) => n * x.classes.length, 1));
  });

  it('cuts Munitions List categories and sub-items where a rule names a category or a recorded measure covers one', () => {
    const space = spaceOf(...sides('2013-12-22', '2013-12-23'));
    const at = (p: string) => space.attributes.findIndex((x) => x.path === p);
    const classOfItem = (item: TransferRequest['item']) => classOf(space, { asOf: '2013-12-23', recipient: 'SS', item });
    const list = (v: string) => classOfItem({ controlList: v })[at('item.controlList')];
    // The 2013 exception names ML3 exactly; the partial embargoes cover ML4 with its sub-categories.
    expect(list('ML3')).not.toBe(list('ML3a'));
    expect(list('ML4c')).toBe(list('ML4'));
    expect(list('ML4')).not.toBe(list('ML5'));
    // A sub-item whose categories a measure covers in part is apart from one it covers wholly.
    const etco = (v: string) => classOfItem({ etcoItem: v as never })[at('item.etcoItem')];
    expect(etco('2')).not.toBe(etco('1'));
    expect(etco('2')).not.toBe(etco('3'));
  });
});

describe('fullDiff', () => {
  for (const [from, to, seed] of [['2022-03-07', '2022-03-08', 1], ['2023-03-10', '2023-03-invasion-victims-proposal', 2], ['2013-12-22', '2013-12-23', 3], ['2023-12-21', '2023-12-22', 4], ['2014-03-31', '2014-04-01', 5], ['2026-04-20', '2026-04-21', 6]] as const) {
    it(`${from} -> ${to}: regions agree with brute-force evaluation on a random sample, cell by cell`, () => {
      const [a, b] = sides(from, to);
      const d = fullDiff(engine, a, b);
      const space = spaceOf(a, b);
      const next = rng(seed);
      let changed = 0;
      for (let i = 0; i < 1500; i++) {
        const req = randomRequest(space, b.date, next);
        const x = engine.evaluate({ ...req, asOf: a.date }, { regime: a.regime, trace: false });
        const y = engine.evaluate(req, { regime: b.regime, trace: false });
        const found = regionsOf(d, space, req);
        if (x.outcome === y.outcome) { expect(found, JSON.stringify(req)).toEqual([]); continue; }
        changed++;
        // Regions may overlap, but every one that holds the cell says how it changed, and names its deciding rules.
        expect(found.length, JSON.stringify(req)).toBeGreaterThan(0);
        for (const r of found) {
          expect(r).toMatchObject({ from: x.outcome, to: y.outcome });
          expect(r.rules.from).toEqual(expect.arrayContaining(x.reasons));
          expect(r.rules.to).toEqual(expect.arrayContaining(y.reasons));
        }
      }
      // Each changed cell is assigned to one region, and each region to one summary line.
      expect(d.regions.reduce((n, r) => n + r.cells, 0)).toBe(d.changed);
      expect(d.summary.reduce((n, l) => n + l.cells, 0)).toBe(d.changed);
      for (const r of d.regions) expect(r.boxCells).toBeGreaterThanOrEqual(r.cells);
      if (d.changed > 0 && d.changed / d.space > 0.01) expect(changed).toBeGreaterThan(0);
    });
  }

  for (const [from, to] of [['2023-12-21', '2023-12-22'], ['2026-04-20', '2026-04-21'], ['2014-03-31', '2014-04-01'], ['2011-12-26', '2011-12-27']] as const) {
    it(`${from} -> ${to}: the smallest region of each way of changing: every rule it names decides some cell of it, no other rule decides any`, () => {
      const [a, b] = sides(from, to);
      const d = fullDiff(engine, a, b);
      const space = spaceOf(a, b);
      const classesIn = (r: FullDiff['regions'][number]) => space.attributes.map((x) => (r.where[x.path] ?? x.classes.map((c) => c.id)).map((id) => x.classes.findIndex((c) => c.id === id)));
      // Of each way of changing, the region with the fewest cells of classes (if at most 80,000), every cell of it
      // evaluated in one country of each country group it holds.
      const countriesIn = (r: FullDiff['regions'][number]) => space.groups.flatMap((g) => g.countries.filter((cc) => r.countries.includes(cc)).slice(0, 1));
      const cellsIn = (r: FullDiff['regions'][number]) => countriesIn(r).length * classesIn(r).reduce((n, l) => n * l.length, 1);
      const smallest = new Map<string, { r: FullDiff['regions'][number]; n: number }>();
      for (const r of d.regions) {
        const n = cellsIn(r);
        const k = `${r.from}>${r.to}`;
        if (n <= 80_000 && n < (smallest.get(k)?.n ?? Infinity)) smallest.set(k, { r, n });
      }
      const small = [...smallest.values()].map((x) => x.r);
      expect(small.length).toBeGreaterThanOrEqual(3);
      for (const r of small) {
        const seen = { from: new Set<string>(), to: new Set<string>() };
        // Every cell of the region: each combination of its classes, in each of its countries.
        const combos = classesIn(r).reduce<number[][]>((acc, l) => acc.flatMap((p) => l.map((v) => [...p, v])), [[]]);
        for (const cc of countriesIn(r)) for (const cell of combos) {
          const req = requestOf(space, cell, cc, b.date);
          const x = engine.evaluate({ ...req, asOf: a.date }, { regime: a.regime, trace: false });
          const y = engine.evaluate(req, { regime: b.regime, trace: false });
          expect([x.outcome, y.outcome], JSON.stringify(req)).toEqual([r.from, r.to]);
          x.reasons.forEach((id) => seen.from.add(id));
          y.reasons.forEach((id) => seen.to.add(id));
        }
        expect([...seen.from].sort()).toEqual([...r.rules.from].sort());
        expect([...seen.to].sort()).toEqual([...r.rules.to].sort());
      }
    });
  }

  it('the catalogue diff is a subset of the full diff, and every witness changes as its region says', () => {
    const [a, b] = sides('2022-03-07', '2022-03-08');
    const d = fullDiff(engine, a, b);
    const space = spaceOf(a, b);
    const catalogue = diff(engine, a, b, { items });
    expect(catalogue.changes.length).toBeGreaterThan(0);
    for (const c of catalogue.changes) {
      const req = requestFor(c.recipient, items.find((i) => i.id === c.item)!, b.date, c.purpose === 'none' ? undefined : (c.purpose as TransferRequest['purpose']));
      expect(regionsOf(d, space, req).map((r) => `${r.from}>${r.to}`)).toEqual([`${c.from}>${c.to}`]);
    }
    for (const r of d.regions) {
      expect(engine.evaluate({ ...r.witness, asOf: a.date }, { regime: a.regime, trace: false }).outcome).toBe(r.from);
      expect(engine.evaluate(r.witness, { regime: b.regime, trace: false }).outcome).toBe(r.to);
      expect(r.countries).toContain(r.witness.recipient);
    }
  });

  it('2022-03-08 opens non-lethal aid to Ukraine only, whatever else the request says', () => {
    const d = fullDiff(engine, ...sides('2022-03-07', '2022-03-08'));
    const opened = d.regions.filter((r) => r.to === 'permissible');
    expect(opened.length).toBeGreaterThan(0);
    for (const r of opened) {
      expect(r.countries).toEqual(['UA']);
      expect(r.rules.to).toContain('C-2022-ukraine-non-lethal');
      expect(r.where['item.weapon']).toEqual(['false']);
      // The clause covers what the Minister of Defense gives under the SDF Act, not commercial exports.
      expect(r.where.transferor).toEqual(['defense-minister']);
    }
    expect(d.space).toBeGreaterThan(d.changed);
  });
});
