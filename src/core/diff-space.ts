import { countrySignature, factsOfCountry, factsRead, literalCountries, rulesOf, type World } from './domain.ts';
import type { Engine } from './engine.ts';
import { casesOf, defaultOutcome } from './evaluate.ts';
import { F, T, U, and3, not3, or3, type EvalContext, type Tri } from './expr.ts';
import { Mdd, leaf, type Ref } from './mdd.ts';
import type { CountryCode, IsoDate, Outcome, TransferRequest } from './model.ts';
import { summarise, type SummaryLine } from './regions.ts';
import { explore, requestOf, requestSpace, type RequestSpace } from './space.ts';
import { sideInfo, type Side, type SideInfo } from './diff.ts';
import type { CompiledRule, Version } from './version.ts';

// The exact diff over the full request space (docs/what-if.md). Each rule's own condition is tabulated over the few
// attributes it reads and becomes a decision diagram; per side and what it sees of a country, the rules are combined
// pairwise, as `settle` combines their values, into the diagram of the outcome; per country group the two sides'
// outcomes are joined, and the changed paths are merged into regions. The deciding rules of a region are read from
// one diagram per rule: whether, in some cell of the region, that rule is among those `settle` names.

export interface Region {
  from: Outcome;
  to: Outcome;
  rules: { from: string[]; to: string[] }; // the rules that decided before and after, in some cell of the region
  where: Record<string, string[]>; // attribute path -> the value classes it covers; an attribute left out: any value
  countries: CountryCode[];
  countryFacts: Record<string, string>; // facts that the countries share on the `to` date and that, together, single them out
  witness: TransferRequest; // a request of the region (asOf: the `to` side's date)
  cells: number; // the changed cells assigned to this region: each changed cell to one region, so they sum to `changed`
  boxCells: number; // every cell of its box (where x countries), all changed the same way; boxes may overlap
}

export interface FullDiff {
  from: SideInfo;
  to: SideInfo;
  space: number; // cells: countries x value classes of every attribute read
  attributes: { path: string; classes: string[] }[];
  groups: number;
  evaluations: number; // runs of a rule's compiled condition while tabulating
  changed: number; // changed cells
  regions: Region[];
  summary: SummaryLine<TransferRequest>[]; // the regions grouped by how they change and by which rules
}

/** A terminal of an outcome diagram is the outcome's index here; of a joined diagram, from * OUTCOMES.length + to. */
const OUTCOMES: readonly Outcome[] = ['out_of_scope', 'requires_judgment', 'prohibited', 'permissible', 'not_permitted'];
const [OUT_OF_SCOPE, REQUIRES_JUDGMENT, PROHIBITED, PERMISSIBLE] = [0, 1, 2, 3];

const popcount = (m: number) => { let n = 0; for (let x = m; x; x &= x - 1) n++; return n; };

type Op2 = (a: number, b: number) => number;

/** The pointwise operations of one comparison, each with its memo over the shared store. */
class Ops {
  private readonly pairs = new Map<unknown, Map<number, Ref>>();
  private readonly tuples = new Map<unknown, Map<string, Ref>>();
  private readonly maps = new Map<unknown, Map<Ref, Ref>>();
  constructor(readonly mdd: Mdd) {}
  private memo<K>(store: Map<unknown, Map<K, Ref>>, f: unknown): Map<K, Ref> {
    let m = store.get(f);
    if (!m) { m = new Map(); store.set(f, m); }
    return m;
  }
  and = (x: Ref, y: Ref): Ref => this.mdd.apply(and3 as Op2, this.memo(this.pairs, and3), x, y, (a) => (a === F ? F : undefined));
  or = (x: Ref, y: Ref): Ref => this.mdd.apply(or3 as Op2, this.memo(this.pairs, or3), x, y, (a) => (a === T ? T : undefined));
  not = (x: Ref): Ref => this.mdd.map(not3 as (a: number) => number, this.memo(this.maps, not3), x);
  is = (test: (a: Tri) => boolean, x: Ref): Ref => this.mdd.map((a) => (test(a as Tri) ? T : F), this.memo(this.maps, test), x);
  any = (xs: Ref[]): Ref => xs.reduce(this.or, leaf(F));
  all = (xs: Ref[]): Ref => xs.reduce(this.and, leaf(T));
  applyN = (f: (values: number[]) => number, xs: Ref[]): Ref => this.mdd.applyN(f, this.memo(this.tuples, f), xs);
  join = (f: (a: number, b: number) => number, x: Ref, y: Ref): Ref => this.mdd.apply(f, this.memo(this.pairs, f), x, y);
}

/** Where a rule decides, the outcome it decides (its index + 1), else 0. */
const decidesWith = (outcome: number, holds: number) => (holds === T ? outcome + 1 : 0);

const isT = (a: Tri) => a === T;
const isTrue = (v: number) => v === T;
const notT = (v: number) => v !== T;
const isU = (a: Tri) => a === U;
const notF = (a: Tri) => a !== F;

/** One side of a comparison: its version, the date its facts are read on, and what it (and each rule) sees of a country. */
interface SideStore {
  version: Version;
  date: IsoDate;
  seen: (cc: CountryCode) => string;
  seenBy: ((cc: CountryCode) => string)[]; // per rule: the facts it reads, and the country if it names it
  owns: Map<string, Ref>; // a rule's own condition by what it sees: groups alike on that share it
  models: Map<string, SideModel>; // by what the side sees of the country
  outcomeOf: (values: number[]) => number; // settle's order over the six disjunctions below
}

/** A side's functions for one view of a country: the outcome, and per rule where `settle` names it as deciding. */
interface SideModel { outcome: Ref; deciding: (c: CompiledRule) => Ref }

/** A rule's own condition for one recipient, as a diagram over the attributes it reads. */
function tabulate(space: RequestSpace, mdd: Mdd, version: Version, c: CompiledRule, recipient: CountryCode, date: IsoDate, count: { runs: number }): Ref {
  const leaves: { cell: Int8Array; value: number }[] = [];
  count.runs += explore(space, recipient, [{ asOf: date, evaluate: (req) => c.when({ req, date, facts: version.facts, rec: null } satisfies EvalContext) }], (l) => leaves.push({ cell: l.cell, value: l.results[0] }));
  const support = space.attributes.map((_, i) => i).filter((i) => leaves.some((l) => l.cell[i] >= 0));
  const radix = support.map((i) => space.attributes[i].classes.length);
  const table = new Int8Array(radix.reduce((n, k) => n * k, 1));
  // Each leaf is a cube over the support (unread attributes: every class); fill every combination it covers.
  for (const l of leaves) {
    const fill = (j: number, at: number) => {
      if (j === support.length) { table[at] = l.value; return; }
      const v = l.cell[support[j]];
      const stride = radix.slice(j + 1).reduce((n, k) => n * k, 1);
      if (v >= 0) fill(j + 1, at + v * stride);
      else for (let x = 0; x < radix[j]; x++) fill(j + 1, at + x * stride);
    };
    fill(0, 0);
  }
  return mdd.fromTable(support, table);
}

/**
 * One side's outcome for a view of a country, as `settle` decides it (src/core/evaluate.ts): scope, then Principle 1,
 * then the permitted cases, then the default. Rule values are combined as diagrams: each rule's effective value is its
 * own value and not any of its defeaters'; the outcome reads six disjunctions of them, as settle reads its lists.
 */
function sideModel(space: RequestSpace, ops: Ops, store: SideStore, rep: CountryCode, count: { runs: number }): SideModel {
  const { version, date } = store;
  const own = (c: CompiledRule): Ref => {
    const key = `${c.index}#${store.seenBy[c.index](rep)}`;
    let r = store.owns.get(key);
    if (r === undefined) { r = tabulate(space, ops.mdd, version, c, rep, date, count); store.owns.set(key, r); }
    return r;
  };
  const effective = new Map<CompiledRule, Ref>();
  const value = (c: CompiledRule): Ref => {
    let r = effective.get(c);
    if (r === undefined) {
      r = ops.and(own(c), ops.not(ops.any(c.defeatedBy.map(value))));
      effective.set(c, r);
    }
    return r;
  };
  const k = version.byKind;
  const dflt = k.default[0];
  const cases = casesOf(version);
  const anyIs = (rules: CompiledRule[], test: (a: Tri) => boolean) => ops.any(rules.map((c) => ops.is(test, value(c))));
  const [sT, sU, pT, pU, cT, cU] = [anyIs(k.scope, isT), anyIs(k.scope, isU), anyIs(k.prohibition, isT), anyIs(k.prohibition, isU), anyIs(cases, isT), anyIs(cases, isU)];
  const outcome = ops.applyN(store.outcomeOf, [sT, sU, pT, pU, cT, cU]);
  // The branch of settle each cell takes, and in it the rules settle names.
  const noScope = ops.not(ops.or(sT, sU));
  const open = ops.all([noScope, ops.not(pT)]);
  const permissible = ops.all([open, cT, ops.not(pU)]);
  const judgment = ops.all([open, ops.or(cT, cU), ops.not(permissible)]);
  const byDefault = ops.all([open, ops.not(ops.or(cT, cU))]);
  const decidingOf = new Map<CompiledRule, Ref>();
  const deciding = (c: CompiledRule): Ref => {
    let r = decidingOf.get(c);
    if (r !== undefined) return r;
    const parts: Ref[] = [];
    if (c.rule.kind === 'scope') parts.push(ops.and(sT, ops.is(isT, value(c))), ops.all([ops.not(sT), sU, ops.is(isU, value(c))]));
    if (c.rule.kind === 'prohibition') parts.push(ops.all([noScope, pT, ops.is(isT, value(c))]));
    if (cases.includes(c)) parts.push(ops.and(permissible, ops.is(isT, value(c))), ops.and(judgment, ops.is(notF, value(c))));
    if (c === dflt) parts.push(byDefault);
    if (c.rule.kind === 'exception') {
      // An exception decides a default outcome when it holds and closes a permitted case that is not false on its own.
      const closes = cases.filter((x) => x.defeatedBy.includes(c));
      if (closes.length) parts.push(ops.all([byDefault, ops.is(isT, value(c)), ops.any(closes.map((x) => ops.is(notF, own(x))))]));
    }
    r = ops.any(parts);
    decidingOf.set(c, r);
    return r;
  };
  return { outcome, deciding };
}

/** settle's outcome from whether any scope rule, prohibition or permitted case is true, or unknown. */
function outcomeOf(version: Version): (values: number[]) => number {
  const otherwise = OUTCOMES.indexOf(defaultOutcome(version));
  return ([sT, sU, pT, pU, cT, cU]) => {
    if (sT === T) return OUT_OF_SCOPE;
    if (sU === T) return REQUIRES_JUDGMENT;
    if (pT === T) return PROHIBITED;
    if (cT === T && pU !== T) return PERMISSIBLE;
    if (cT === T || cU === T) return REQUIRES_JUDGMENT;
    return otherwise;
  };
}

/** Each path of a joined diagram to a changed label, as one mask of classes per attribute. */
function cubes(space: RequestSpace, mdd: Mdd, root: Ref): Map<number, number[][]> {
  const n = space.attributes.length;
  const full = space.attributes.map((a) => (1 << a.classes.length) - 1);
  const memo = new Map<number, Map<number, number[][]>>();
  const walk = (id: Ref, level: number): Map<number, number[][]> => {
    // Returns cubes over attributes level..n-1 (earlier entries are filled by the caller).
    if (id < 0) return new Map([[-id - 1, [full.slice(level)]]]);
    const at = mdd.level[id];
    const key = id * (n + 1) + level;
    const known = memo.get(key);
    if (known) return known;
    const out = new Map<number, number[][]>();
    if (at > level) {
      for (const [label, list] of walk(id, at)) out.set(label, list.map((c) => [...full.slice(level, at), ...c]));
    } else {
      const byChild = new Map<Ref, number>();
      mdd.kids[id].forEach((c, v) => byChild.set(c, (byChild.get(c) ?? 0) | (1 << v)));
      for (const [child, mask] of byChild) {
        for (const [label, list] of walk(child, level + 1)) {
          const acc = out.get(label) ?? [];
          for (const c of list) acc.push([mask, ...c]);
          out.set(label, acc);
        }
      }
    }
    memo.set(key, out);
    return out;
  };
  if (n === 0) return root < 0 ? new Map([[-root - 1, [[]]]]) : new Map();
  return walk(root, 0);
}

interface Cube { kind: string; masks: number[]; groups: number[] }

/** Merges cubes of one kind of change that differ in one dimension only (the country groups count as one), to a fixed point. */
function merge(list: Cube[], dims: number): Cube[] {
  // A cube's masks as one character each, so the key that leaves one dimension out is two slices.
  const code = (c: Cube) => String.fromCharCode(...c.masks.map((m) => m + 48));
  const kinds = new Map<string, string>();
  const kindCode = (k: string) => kinds.get(k) ?? (kinds.set(k, String.fromCharCode(48 + kinds.size)), kinds.get(k)!);
  let cur = list.map((c) => ({ cube: { ...c, masks: [...c.masks], groups: [...c.groups] }, ms: '', gs: '', k: kindCode(c.kind) }));
  for (const e of cur) { e.ms = code(e.cube); e.gs = e.cube.groups.join(','); }
  for (let changed = true; changed;) {
    changed = false;
    for (let d = 0; d <= dims; d++) {
      const buckets = new Map<string, (typeof cur)[number]>();
      const next: typeof cur = [];
      for (const e of cur) {
        const key = d === dims ? e.k + e.ms : `${e.k}${e.ms.slice(0, d)}*${e.ms.slice(d + 1)}/${e.gs}`;
        const b = buckets.get(key);
        if (!b) { buckets.set(key, e); next.push(e); continue; }
        changed = true;
        if (d === dims) { b.cube.groups = [...new Set([...b.cube.groups, ...e.cube.groups])].sort((x, y) => x - y); b.gs = b.cube.groups.join(','); }
        else { b.cube.masks[d] |= e.cube.masks[d]; b.ms = code(b.cube); }
      }
      cur = next;
    }
  }
  return cur.map((e) => e.cube);
}

/**
 * Grows each cube, dimension by dimension, while every cell it covers still changes the same way (prime-implicant
 * style); then a greedy cover keeps grown cubes until every input cube is held. Regions may overlap; each holds only cells of its kind.
 */
function expand(cubesIn: Cube[], dims: number[], mdd: Mdd, roots: readonly Ref[], kindOf: (label: number) => string, size: (c: Cube) => number): { cube: Cube; cells: number }[] {
  // Whether every cell of the cube changes its way in the group: a walk that stops at the first other label.
  const valid = (c: Cube, groups: number[] = c.groups) => {
    const ok = (l: number) => kindOf(l) === c.kind;
    const done = new Set<Ref>();
    for (const g of groups) {
      const r = roots[g];
      if (done.has(r)) continue;
      if (!mdd.only(r, c.masks, ok)) return false;
      done.add(r);
    }
    return true;
  };
  const within = (a: Cube, b: Cube) => a.kind === b.kind && a.masks.every((m, i) => (m & b.masks[i]) === m) && a.groups.every((g) => b.groups.includes(g));
  const weight = (c: Cube) => c.masks.reduce((p, m) => p * popcount(m), 1) * c.groups.length;
  // The largest cubes grow first; a cube inside one already grown adds no candidate of its own.
  const grown: Cube[] = [];
  for (const c0 of [...cubesIn].sort((a, b) => weight(b) - weight(a))) {
    if (grown.some((g) => within(c0, g))) continue;
    const c = { ...c0, masks: [...c0.masks], groups: [...c0.groups] };
    c.masks.forEach((m, i) => {
      const full = (1 << dims[i]) - 1;
      if (m === full) return;
      const before = c.masks[i];
      c.masks[i] = full;
      if (valid(c)) return;
      c.masks[i] = before;
      for (let v = 0; v < dims[i]; v++) {
        if (c.masks[i] & (1 << v)) continue;
        c.masks[i] |= 1 << v;
        if (!valid(c)) c.masks[i] &= ~(1 << v);
      }
    });
    // Groups with one diagram join together or not at all.
    const tried = new Map<Ref, boolean>(c.groups.map((g) => [roots[g], true]));
    for (let g = 0; g < roots.length; g++) {
      if (c.groups.includes(g)) continue;
      let ok = tried.get(roots[g]);
      if (ok === undefined) { ok = valid(c, [g]); tried.set(roots[g], ok); }
      if (ok) c.groups.push(g);
    }
    c.groups.sort((x, y) => x - y);
    grown.push(c);
  }
  // A greedy cover: the grown cube that holds the most cells of cubes not yet covered, until all are. Gains only
  // fall, so a candidate's last gain bounds its next one: only the top candidate is recomputed (lazy greedy). The
  // input cubes are disjoint, so the cells each pick newly covers partition the changed cells.
  const weights = cubesIn.map(size);
  const ofKind = new Map<string, number[]>();
  cubesIn.forEach((c, i) => { const l = ofKind.get(c.kind); if (l) l.push(i); else ofKind.set(c.kind, [i]); });
  const holds = grown.map((g) => ofKind.get(g.kind)!.filter((i) => within(cubesIn[i], g)));
  const covered = new Uint8Array(cubesIn.length);
  const gainOf = (j: number) => holds[j].reduce((s, i) => s + (covered[i] ? 0 : weights[i]), 0);
  const queue = holds.map((_, j) => ({ j, gain: gainOf(j) })).sort((a, b) => b.gain - a.gain || a.j - b.j);
  const out: { cube: Cube; cells: number }[] = [];
  while (queue.length && queue[0].gain > 0) {
    const top = queue[0];
    top.gain = gainOf(top.j);
    if (queue.length > 1 && (top.gain < queue[1].gain || (top.gain === queue[1].gain && top.j > queue[1].j))) {
      // Stale: sink it to its place and look again.
      queue.shift();
      let at = 0;
      while (at < queue.length && (queue[at].gain > top.gain || (queue[at].gain === top.gain && queue[at].j < top.j))) at++;
      queue.splice(at, 0, top);
      continue;
    }
    queue.shift();
    if (top.gain === 0) break;
    out.push({ cube: grown[top.j], cells: top.gain });
    for (const i of holds[top.j]) covered[i] = 1;
  }
  return out;
}

/** The facts (read by the rules, on the `to` date) that the countries share and that no other country has all of. */
function describeCountries(facts: string[], values: ReadonlyMap<CountryCode, string[]>, chosen: Set<CountryCode>): Record<string, string> {
  const shared: [number, string][] = [];
  facts.forEach((_, i) => {
    const seen = new Set([...chosen].map((cc) => values.get(cc)![i]));
    if (seen.size === 1) shared.push([i, [...seen][0]]);
  });
  const matches = (conds: [number, string][]) => [...values.values()].filter((vs) => conds.every(([i, v]) => vs[i] === v));
  if (matches(shared).length !== chosen.size) return {};
  // Drop conditions while the rest still single out exactly these countries.
  let conds = shared;
  for (const c of shared) {
    const fewer = conds.filter((x) => x !== c);
    if (matches(fewer).length === chosen.size) conds = fewer;
  }
  return Object.fromEntries(conds.map(([i, v]) => [facts[i], v]));
}

/** Per rule of a version, what that rule alone sees of a country: the facts it reads, and the country if it names it. */
function ruleSeen(version: Version, date: IsoDate): ((cc: CountryCode) => string)[] {
  return version.rules.map((c) => {
    const facts = factsOfCountry([c.rule]);
    const literal = literalCountries([c.rule], []);
    return (cc: CountryCode) => countrySignature(version.facts, facts, literal, cc, date);
  });
}

/** Every cell whose outcome differs between two sides, over the full request space, summarised in regions. */
export function fullDiff(engine: Engine, from: Side, to: Side): FullDiff {
  const fromInfo = sideInfo(engine, from);
  const toInfo = sideInfo(engine, to);
  const sides = [
    { version: engine.version(fromInfo.revision)!, date: from.date },
    { version: engine.version(toInfo.revision)!, date: to.date },
  ];
  const worlds: World[] = sides;
  const space = requestSpace(worlds, engine.mlOf);
  const n = space.attributes.length;
  const dims = space.attributes.map((a) => a.classes.length);
  const mdd = new Mdd(dims);
  const ops = new Ops(mdd);
  const count = { runs: 0 };
  const literal = literalCountries(worlds.flatMap((w) => rulesOf(w.version)), []);
  const stores: SideStore[] = sides.map(({ version, date }) => {
    const facts = factsOfCountry(rulesOf(version));
    return {
      version, date, seenBy: ruleSeen(version, date), owns: new Map(), models: new Map(), outcomeOf: outcomeOf(version),
      seen: (cc: CountryCode) => countrySignature(version.facts, facts, literal, cc, date),
    };
  });
  // Groups apart only on the other side's facts decide alike on this one: they share this side's model.
  const models = space.groups.map((g) => stores.map((s) => {
    const seen = s.seen(g.representative);
    let m = s.models.get(seen);
    if (!m) { m = sideModel(space, ops, s, g.representative, count); s.models.set(seen, m); }
    return m;
  }));
  const pair = (x: number, y: number) => x * OUTCOMES.length + y;
  const roots = models.map(([x, y]) => ops.join(pair, x.outcome, y.outcome));
  const kinds = OUTCOMES.flatMap((x) => OUTCOMES.map((y) => (x === y ? 'same' : `${x}>${y}`)));
  const kindOf = (label: number) => kinds[label];
  // Diagrams are canonical: groups with the same joined diagram change alike, so their paths are listed once.
  const byRoot = new Map<Ref, number[]>();
  roots.forEach((root, g) => byRoot.set(root, [...(byRoot.get(root) ?? []), g]));
  const raw: Cube[] = [];
  for (const [root, groups] of byRoot) {
    for (const [label, list] of cubes(space, mdd, root)) {
      const kind = kindOf(label);
      if (kind !== 'same') for (const masks of list) raw.push({ kind, masks, groups });
    }
  }
  const size = (c: Cube) => c.masks.reduce((p, m) => p * popcount(m), 1) * c.groups.reduce((p, g) => p + space.groups[g].countries.length, 0);
  const changed = raw.reduce((s, c) => s + size(c), 0);
  const merged = expand(merge(raw, n), dims, mdd, roots, kindOf, size);
  const readFacts = factsRead(rulesOf(sides[1].version)).recipient;
  const allCountries = space.groups.flatMap((g) => g.countries);
  const factValues = new Map(allCountries.map((cc) => [cc, readFacts.map((f) => String(worlds[1].version.facts.value(f, cc, worlds[1].date) ?? 'unknown'))]));
  // Many regions share their countries: each set is described once.
  const described = new Map<string, Record<string, string>>();
  const describe = (countries: CountryCode[]) => {
    const key = countries.join(',');
    let d = described.get(key);
    if (!d) { d = countries.length === allCountries.length ? {} : describeCountries(readFacts, factValues, new Set(countries)); described.set(key, d); }
    return d;
  };
  // Every cell of a region changes its way, so a rule decided some cell of it if its diagram holds somewhere inside.
  // Per side model and outcome, the rules that decide some cell with that outcome, with their diagrams and the box
  // around the cells where they decide: a region outside that box needs no walk.
  type Live = { rule: CompiledRule; where: Ref; box: number[] };
  const live = new Map<SideModel, Live[][]>();
  const liveIn = (m: SideModel, version: Version, outcome: number) => {
    let l = live.get(m);
    if (!l) {
      const byOutcome: Live[][] = OUTCOMES.map(() => []);
      for (const rule of version.rules) {
        const where = m.deciding(rule);
        if (where === leaf(F)) continue;
        const box = mdd.hull(where, isTrue);
        for (const v of mdd.values(ops.join(decidesWith, m.outcome, where))) if (v > 0) byOutcome[v - 1].push({ rule, where, box });
      }
      live.set(m, (l = byOutcome));
    }
    return l[outcome];
  };
  const decidingIn = (side: 0 | 1, c: Cube, outcome: Outcome): string[] => {
    const found = new Set<CompiledRule>();
    for (const m of new Set(c.groups.map((g) => models[g][side]))) {
      for (const { rule, where, box } of liveIn(m, stores[side].version, OUTCOMES.indexOf(outcome))) {
        if (found.has(rule) || !box.every((b, i) => b & c.masks[i])) continue;
        if (where === leaf(T) || !mdd.only(where, c.masks, notT)) found.add(rule);
      }
    }
    return stores[side].version.rules.filter((r) => found.has(r)).map((r) => r.rule.id);
  };
  const regions = merged.map(({ cube: c, cells }): Region => {
    const [before, after] = c.kind.split('>') as [Outcome, Outcome];
    const where: Record<string, string[]> = {};
    const cell: number[] = [];
    space.attributes.forEach((attr, i) => {
      const members = attr.classes.flatMap((_, v) => (c.masks[i] & (1 << v) ? [v] : []));
      if (members.length < attr.classes.length) where[attr.path] = members.map((v) => attr.classes[v].id);
      // The witness takes a stated value where the region allows one.
      cell.push(members.find((v) => attr.classes[v].kind !== 'unstated') ?? members[0]);
    });
    const countries = c.groups.flatMap((g) => space.groups[g].countries).sort();
    const rep = space.groups[c.groups[0]].representative;
    return {
      from: before, to: after, rules: { from: decidingIn(0, c, before), to: decidingIn(1, c, after) }, where, countries,
      countryFacts: describe(countries),
      witness: requestOf(space, cell, rep, to.date), cells, boxCells: size(c),
    };
  });
  regions.sort((p, q) => q.cells - p.cells || p.from.localeCompare(q.from) || p.to.localeCompare(q.to) || JSON.stringify(p.where).localeCompare(JSON.stringify(q.where)) || p.countries.join().localeCompare(q.countries.join()));
  return {
    from: fromInfo, to: toInfo, space: space.cells, groups: space.groups.length, evaluations: count.runs, changed, regions, summary: summarise(regions),
    attributes: space.attributes.map((attr) => ({ path: attr.path, classes: attr.classes.map((c) => c.id) })),
  };
}
