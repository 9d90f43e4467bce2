import { countrySignature, factsRead, literalCountries, rulesOf, type CountryGroup, type World } from './domain.ts';
import type { Engine, Version } from './engine.ts';
import { RuleValues, settle } from './evaluate.ts';
import { T, type EvalContext } from './expr.ts';
import type { CountryCode, IsoDate, Outcome, TransferRequest } from './model.ts';
import { explore, requestOf, requestSpace, type RequestSpace } from './space.ts';
import { sideInfo, type Side, type SideInfo } from './diff.ts';

// The exact diff over the full request space (docs/what-if.md). Per side and what it sees of a country, the cell ->
// decision function is built as a reduced decision diagram over the attribute classes: each rule's own condition is
// tabulated over the few attributes it reads, the diagram is built attribute by attribute with what is left of each
// rule as memo key, and each distinct vector of rule values is settled once by the rule evaluator. Per country group
// the two sides' diagrams are joined into one of (before, after); its changed paths are merged into regions.

export interface Region {
  from: Outcome;
  to: Outcome;
  rules: { from: string[]; to: string[] }; // the rules that decided before and after
  where: Record<string, string[]>; // attribute path -> the value classes it covers; an attribute left out: any value
  countries: CountryCode[];
  countryFacts: Record<string, string>; // facts that the countries share on the `to` date and that, together, single them out
  witness: TransferRequest; // a request of the region (asOf: the `to` side's date)
  cells: number;
}

export interface FullDiff {
  from: SideInfo;
  to: SideInfo;
  space: number; // cells: countries x value classes of every attribute read
  attributes: { path: string; classes: string[] }[];
  groups: number;
  evaluations: number;
  changed: number; // changed cells
  regions: Region[];
}

interface RuleTable {
  support: number[]; // attribute indices the rule's condition read, ascending
  radix: number[];
  table: Int8Array; // Tri per combination of the support's classes
  residualIds: Map<number, number>; // (assigned prefix, its length) -> the residual's id in the side's byContent of this rule
}

/** A rule's own condition for one recipient, as a table over the attributes it reads. */
function tabulate(space: RequestSpace, version: Version, index: number, recipient: CountryCode, date: IsoDate): RuleTable {
  const c = version.rules[index];
  const leaves: { cell: Int8Array; value: number }[] = [];
  explore(space, recipient, [{ asOf: date, evaluate: (req) => c.when({ req, date, facts: version.facts, rec: null } satisfies EvalContext) }], (l) => leaves.push({ cell: l.cell, value: l.results[0] }));
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
  return { support, radix, table, residualIds: new Map() };
}

/** What a cell's two decisions are: unchanged, or the outcomes and deciding rules on each side. */
type Label = { changed: false } | { changed: true; from: Outcome; to: Outcome; before: string[]; after: string[]; kind: string };

interface Diagram {
  root: number; // >= 0: a node; < 0: terminal -(label index + 1)
  nodes: { level: number; children: number[] }[];
}

const popcount = (m: number) => { let n = 0; for (let x = m; x; x &= x - 1) n++; return n; };

/** What a decision of the diff keeps: the outcome and the deciding rules. */
interface Decided { outcome: Outcome; reasons: string[] }

/** One side of a comparison: its version, the date its facts are read on, and what it sees of a country. */
interface SideView { version: Version; date: IsoDate; seen: (cc: CountryCode) => string }

/** Per side: the decisions met (a side diagram's terminal -(i + 1) is decision i), and its diagrams by what it sees of the country. */
interface SideStore {
  decided: Decided[];
  ids: Map<string, number>;
  diagrams: Map<string, Diagram>;
  // The decision is a function of the rule values alone (settle reads nothing else), so it is shared by every group.
  byVector: Map<string, number>;
  // A rule's table depends on the recipient only through the facts that rule reads: groups alike on those share it.
  tables: Map<string, RuleTable>;
  residuals: Map<string, number>[]; // per rule: residual content -> id (a leaf's content is the value alone)
  seenBy: ((cc: CountryCode) => string)[]; // per rule: what it sees of a country
}

/** What the diagrams of one comparison share: labels, and each side's decisions and diagrams. */
interface Shared {
  labels: Label[];
  labelIds: Map<string, number>;
  sides: SideStore[];
  evaluations: number;
}

/**
 * One side's reduced diagram of cell -> decision for a country. Each rule's own condition is tabulated over the
 * attributes it reads; the diagram is built attribute by attribute with what is left of each rule as memo key, and
 * each distinct vector of rule values is settled once by the rule evaluator.
 */
function sideDiagram(space: RequestSpace, side: SideView, rep: CountryCode, store: SideStore, shared: Shared): Diagram {
  const n = space.attributes.length;
  // Requirements attach review and conditions, never the outcome or its deciding rules: they are left out.
  const compiledAt = side.version.rules.flatMap((c, i) => (c.rule.kind === 'requirement' ? [] : [i]));
  const rules = compiledAt.map((i) => {
    const key = `${i}#${store.seenBy[i](rep)}`;
    let t = store.tables.get(key);
    if (!t) { t = tabulate(space, side.version, i, rep, side.date); store.tables.set(key, t); }
    return t;
  });
  // The last attribute each rule reads: from there on its value is known.
  const doneAt = rules.map((r) => (r.support.length ? r.support[r.support.length - 1] : -1));
  const assign = new Int8Array(n).fill(-1);
  const valueOf = (r: RuleTable): number => {
    let at = 0;
    for (let j = 0; j < r.support.length; j++) at = at * r.radix[j] + assign[r.support[j]];
    return r.table[at];
  };
  // Scope, then Principle 1: once the scope rules (or, all failing, the prohibitions) are known and one holds, nothing
  // else can change the decision, so the rest is not built. A rule an exception can defeat never settles early.
  const byKind = (['scope', 'prohibition'] as const).map((kind) => ({ kind, list: compiledAt.flatMap((c, i) => (side.version.rules[c].rule.kind === kind ? [i] : [])) }));
  const defeasible = compiledAt.map((c) => side.version.rules[c].defeatedBy.length > 0);
  const settledKey = (level: number): string | null => {
    let key = '';
    for (const { kind, list } of byKind) {
      let held = false;
      for (const i of list) {
        if (doneAt[i] >= level || defeasible[i]) return null;
        const v = valueOf(rules[i]);
        key += v;
        if (v === T) held = true;
      }
      if (held) return `${kind}:${key}`;
    }
    return null;
  };
  // Per level, the rules the memo key holds (those begun) and how many of their attributes are assigned. A begun rule
  // enters the key by what is left of its table once the assigned classes are fixed, so prefixes alike below share a node.
  const begun = Array.from({ length: n + 1 }, (_, level) => rules.flatMap((r, i) => (r.support.length && r.support[0] < level ? [i] : [])));
  const assigned = Array.from({ length: n + 1 }, (_, level) => rules.map((r) => r.support.filter((x) => x < level).length));
  const residual = (i: number, level: number): number => {
    const r = rules[i];
    const j = assigned[level][i];
    let at = 0;
    for (let x = 0; x < j; x++) at = at * r.radix[x] + assign[r.support[x]];
    const key = at * (r.support.length + 1) + j;
    // Ids by content, per rule and side: alike across the groups, so a vector of ids names the same rule values in each.
    const byContent = (store.residuals[compiledAt[i]] ??= new Map());
    let id = r.residualIds.get(key);
    if (id === undefined) {
      let stride = 1;
      for (let x = j; x < r.support.length; x++) stride *= r.radix[x];
      const content = j === r.support.length ? `=${r.table[at]}` : `${j}:${String.fromCharCode(...r.table.subarray(at * stride, (at + 1) * stride).map((v) => v + 48))}`;
      id = byContent.get(content) ?? byContent.size;
      byContent.set(content, id);
      r.residualIds.set(key, id);
    }
    return id;
  };
  // Residual ids per level, kept incrementally: assigning an attribute changes only the rules that read it.
  const touches = Array.from({ length: n }, (_, level) => rules.flatMap((r, i) => (r.support.includes(level) ? [i] : [])));
  const cur = Array.from({ length: n + 1 }, () => new Int32Array(rules.length));
  rules.forEach((_, i) => { cur[0][i] = residual(i, 0); });
  const byVector = store.byVector;
  // At the last level each rule's residual id stands for its value alone, so the ids are the vector.
  const terminal = (level: number, early: string | null): number => {
    const vec = early ?? `#${String.fromCharCode(...cur[n])}`;
    const known = byVector.get(vec);
    if (known !== undefined) return known;
    // The rule evaluator settles from the rule values known here; a rule not yet known is read from the request if needed.
    const ev = new RuleValues(side.version, requestOf(space, assign, rep, side.date));
    for (let i = 0; i < rules.length; i++) if (doneAt[i] < level) ev.own[compiledAt[i]] = valueOf(rules[i]);
    const settled = settle(ev);
    shared.evaluations++;
    const reasons = settled.deciding.map((c) => c.rule.id);
    const key = `${settled.outcome}|${reasons.join(',')}`;
    let id = store.ids.get(key);
    if (id === undefined) {
      id = store.decided.length;
      store.decided.push({ outcome: settled.outcome, reasons });
      store.ids.set(key, id);
    }
    byVector.set(vec, -(id + 1));
    return -(id + 1);
  };
  const nodes: Diagram['nodes'] = [];
  const unique = new Map<string, number>();
  const memo = new Map<string, number>();
  const build = (level: number): number => {
    const early = settledKey(level);
    if (level === n || early !== null) return terminal(level, early);
    const here = cur[level];
    const ids = begun[level].map((i) => here[i]);
    const key = ids.every((x) => x < 0xffff) ? String.fromCharCode(level, ...ids) : `${level}:${ids.join(',')}`;
    const seen = memo.get(key);
    if (seen !== undefined) return seen;
    const k = space.attributes[level].classes.length;
    const children: number[] = [];
    const next = cur[level + 1];
    for (let v = 0; v < k; v++) {
      assign[level] = v;
      next.set(here);
      for (const i of touches[level]) next[i] = residual(i, level + 1);
      children.push(build(level + 1));
    }
    assign[level] = -1;
    const id = node(nodes, unique, level, children);
    memo.set(key, id);
    return id;
  };
  return { root: build(0), nodes };
}

/** A reduced node: a child when every child is the same, else the one node with these children. */
function node(nodes: Diagram['nodes'], unique: Map<string, number>, level: number, children: number[]): number {
  if (children.every((c) => c === children[0])) return children[0];
  const u = `${level}:${children.join(',')}`;
  let id = unique.get(u);
  if (id === undefined) {
    id = nodes.length;
    nodes.push({ level, children });
    unique.set(u, id);
  }
  return id;
}

/** The reduced diagram of one group's cell -> label function: the product of the two sides' diagrams. */
function diagram(space: RequestSpace, group: CountryGroup, sides: readonly SideView[], shared: Shared): Diagram {
  const rep = group.representative;
  // Groups apart only on the other side's facts decide alike on this one: they share this side's diagram.
  const [a, b] = sides.map((s, i) => {
    const store = shared.sides[i];
    const seen = s.seen(rep);
    let d = store.diagrams.get(seen);
    if (!d) { d = sideDiagram(space, s, rep, store, shared); store.diagrams.set(seen, d); }
    return d;
  });
  const n = space.attributes.length;
  const levelOf = (d: Diagram, id: number) => (id < 0 ? n : d.nodes[id].level);
  const childOf = (d: Diagram, id: number, level: number, v: number) => (id >= 0 && d.nodes[id].level === level ? d.nodes[id].children[v] : id);
  const label = (x: number, y: number): number => {
    const da = shared.sides[0].decided[-x - 1];
    const db = shared.sides[1].decided[-y - 1];
    const changed = da.outcome !== db.outcome;
    const key = changed ? `${da.outcome}>${db.outcome}|${da.reasons.join(',')}|${db.reasons.join(',')}` : 'same';
    let id = shared.labelIds.get(key);
    if (id === undefined) {
      id = shared.labels.length;
      shared.labels.push(changed ? { changed, from: da.outcome, to: db.outcome, before: da.reasons, after: db.reasons, kind: `${da.outcome}>${db.outcome}` } : { changed });
      shared.labelIds.set(key, id);
    }
    return -(id + 1);
  };
  const nodes: Diagram['nodes'] = [];
  const unique = new Map<string, number>();
  const memo = new Map<string, number>();
  const go = (x: number, y: number): number => {
    if (x < 0 && y < 0) return label(x, y);
    const key = `${x},${y}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const level = Math.min(levelOf(a, x), levelOf(b, y));
    const children: number[] = [];
    for (let v = 0; v < space.attributes[level].classes.length; v++) children.push(go(childOf(a, x, level, v), childOf(b, y, level, v)));
    const id = node(nodes, unique, level, children);
    memo.set(key, id);
    return id;
  };
  return { root: go(a.root, b.root), nodes };
}

/** Each path to a changed label, as one mask of classes per attribute. */
function cubes(space: RequestSpace, d: Diagram): Map<number, number[][]> {
  const n = space.attributes.length;
  const full = space.attributes.map((a) => (1 << a.classes.length) - 1);
  const memo = new Map<number, Map<number, number[][]>>();
  const walk = (id: number, level: number): Map<number, number[][]> => {
    // Returns cubes over attributes level..n-1 (earlier entries are filled by the caller).
    if (id < 0) {
      return new Map([[-id - 1, [full.slice(level)]]]);
    }
    const node = d.nodes[id];
    const key = id * (n + 1) + level;
    const known = memo.get(key);
    if (known) return known;
    const out = new Map<number, number[][]>();
    if (node.level > level) {
      for (const [label, list] of walk(id, node.level)) out.set(label, list.map((c) => [...full.slice(level, node.level), ...c]));
    } else {
      const byChild = new Map<number, number>();
      node.children.forEach((c, v) => byChild.set(c, (byChild.get(c) ?? 0) | (1 << v)));
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
  if (n === 0) return d.root < 0 ? new Map([[-d.root - 1, [[]]]]) : new Map();
  return walk(d.root, 0);
}

interface Cube { kind: string; masks: number[]; groups: number[] }

/** Merges cubes of one kind of change that differ in one dimension only (the country groups count as one), to a fixed point. */
function merge(list: Cube[], dims: number): Cube[] {
  // A cube's masks as one character each, so the key that leaves one dimension out is two slices.
  const code = (c: Cube) => String.fromCharCode(...c.masks.map((m) => m + 48));
  let cur = list.map((c) => ({ cube: { ...c, masks: [...c.masks], groups: [...c.groups] }, ms: '', gs: '' }));
  for (const e of cur) { e.ms = code(e.cube); e.gs = e.cube.groups.join(','); }
  for (let changed = true; changed;) {
    changed = false;
    for (let d = 0; d <= dims; d++) {
      const buckets = new Map<string, (typeof cur)[number]>();
      const next: typeof cur = [];
      for (const e of cur) {
        const key = d === dims ? `${e.cube.kind}/${e.ms}` : `${e.cube.kind}/${e.ms.slice(0, d)}*${e.ms.slice(d + 1)}/${e.gs}`;
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

/** The labels a group's diagram reaches inside a cube of classes. */
function reached(d: Diagram, masks: readonly number[]): Set<number> {
  const out = new Set<number>();
  const seen = new Set<number>();
  const walk = (id: number) => {
    if (id < 0) { out.add(-id - 1); return; }
    if (seen.has(id)) return;
    seen.add(id);
    const node = d.nodes[id];
    node.children.forEach((c, v) => { if (masks[node.level] & (1 << v)) walk(c); });
  };
  walk(d.root);
  return out;
}

/**
 * Grows each cube, dimension by dimension, while every cell it covers still changes the same way (prime-implicant
 * style); then drops cubes another one contains. Regions may overlap; each holds only cells of its kind.
 */
function expand(cubesIn: Cube[], dims: number[], diagrams: Diagram[], labels: Label[]): Cube[] {
  const kindOf = (l: number) => (labels[l].changed ? (labels[l] as { kind: string }).kind : 'same');
  // Whether every cell of the cube changes its way in the group: a walk that stops at the first other label.
  const onlyKind = (d: Diagram, masks: readonly number[], kind: string): boolean => {
    const ok = new Set<number>();
    const walk = (id: number): boolean => {
      if (id < 0) return kindOf(-id - 1) === kind;
      if (ok.has(id)) return true;
      const node = d.nodes[id];
      for (let v = 0; v < node.children.length; v++) if (masks[node.level] & (1 << v) && !walk(node.children[v])) return false;
      ok.add(id);
      return true;
    };
    return walk(d.root);
  };
  const valid = (c: Cube, groups: number[] = c.groups) => groups.every((g) => onlyKind(diagrams[g], c.masks, c.kind));
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
    for (let g = 0; g < diagrams.length; g++) if (!c.groups.includes(g) && valid(c, [g])) c.groups.push(g);
    c.groups.sort((x, y) => x - y);
    grown.push(c);
  }
  // A greedy cover: the grown cube that holds the most cells of cubes not yet covered, until all are. Gains only
  // fall, so a candidate's last gain bounds its next one: only the top candidate is recomputed (lazy greedy).
  const weights = cubesIn.map(weight);
  const ofKind = new Map<string, number[]>();
  cubesIn.forEach((c, i) => { const l = ofKind.get(c.kind); if (l) l.push(i); else ofKind.set(c.kind, [i]); });
  const holds = grown.map((g) => ofKind.get(g.kind)!.filter((i) => within(cubesIn[i], g)));
  const covered = new Uint8Array(cubesIn.length);
  const gainOf = (j: number) => holds[j].reduce((s, i) => s + (covered[i] ? 0 : weights[i]), 0);
  const queue = holds.map((_, j) => ({ j, gain: gainOf(j) })).sort((a, b) => b.gain - a.gain || a.j - b.j);
  const out: Cube[] = [];
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
    out.push(grown[top.j]);
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

/** The Munitions List categories of each sub-item of item 1 of the Export Trade Control Order. */
export const mlOf = (engine: Engine): Map<string, readonly string[]> => new Map(engine.policy.classification.map((c) => [c.code, c.ml]));

/** Per rule of a version, what that rule alone sees of a country: the facts it reads, and the country if it names it. */
function ruleSeen(version: Version, date: IsoDate): ((cc: CountryCode) => string)[] {
  return version.rules.map((c) => {
    const facts = factsRead([c.rule]).recipient;
    const literal = literalCountries([c.rule], []);
    return (cc: CountryCode) => countrySignature(version.facts, facts, literal, cc, date);
  });
}

/** Every cell whose outcome differs between two sides, over the full request space, summarised in regions. */
export function fullDiff(engine: Engine, from: Side, to: Side): FullDiff {
  const fromInfo = sideInfo(engine, from);
  const toInfo = sideInfo(engine, to);
  const sides = [
    { version: engine.version(fromInfo.revision)!, date: from.date, regime: from.regime },
    { version: engine.version(toInfo.revision)!, date: to.date, regime: to.regime },
  ];
  const worlds: World[] = sides.map(({ version, date }) => ({ version, date }));
  const space = requestSpace(worlds, mlOf(engine));
  const n = space.attributes.length;
  const shared: Shared = { labels: [], labelIds: new Map(), sides: sides.map((s) => ({ decided: [], ids: new Map(), diagrams: new Map(), byVector: new Map(), tables: new Map(), residuals: [], seenBy: ruleSeen(s.version, s.date) })), evaluations: 0 };
  const labels = shared.labels;
  const literal = literalCountries(worlds.flatMap((w) => rulesOf(w.version)), []);
  const seeing = sides.map((s) => {
    const facts = factsRead(rulesOf(s.version));
    return { ...s, seen: (cc: CountryCode) => countrySignature(s.version.facts, facts.recipient, literal, cc, s.date) };
  });
  const diagrams = space.groups.map((g) => diagram(space, g, seeing, shared));
  const raw: Cube[] = [];
  diagrams.forEach((d, gi) => {
    for (const [label, list] of cubes(space, d)) {
      const l = labels[label];
      if (l.changed) for (const masks of list) raw.push({ kind: l.kind, masks, groups: [gi] });
    }
  });
  const size = (c: Cube) => c.masks.reduce((p, m) => p * popcount(m), 1) * c.groups.reduce((p, g) => p + space.groups[g].countries.length, 0);
  const changed = raw.reduce((s, c) => s + size(c), 0);
  const dims = space.attributes.map((a) => a.classes.length);
  const merged = expand(merge(raw, n), dims, diagrams, labels);
  const readFacts = factsRead(rulesOf(sides[1].version)).recipient;
  const allCountries = space.groups.flatMap((g) => g.countries);
  const factValues = new Map(allCountries.map((cc) => [cc, readFacts.map((f) => String(worlds[1].version.facts.value(f, cc, worlds[1].date)))]));
  // Many regions share their countries: each set is described once.
  const described = new Map<string, Record<string, string>>();
  const describe = (countries: CountryCode[]) => {
    const key = countries.join(',');
    let d = described.get(key);
    if (!d) { d = countries.length === allCountries.length ? {} : describeCountries(readFacts, factValues, new Set(countries)); described.set(key, d); }
    return d;
  };
  const regions = merged.map((c): Region => {
    // The deciding rules of every cell in the region, on each side.
    const inside = [...new Set(c.groups.flatMap((g) => [...reached(diagrams[g], c.masks)]))].map((l) => labels[l] as Extract<Label, { changed: true }>);
    const [before, after] = c.kind.split('>') as [Outcome, Outcome];
    const where: Record<string, string[]> = {};
    const cell: number[] = [];
    space.attributes.forEach((a, i) => {
      const members = a.classes.flatMap((cl, v) => (c.masks[i] & (1 << v) ? [v] : []));
      if (members.length < a.classes.length) where[a.path] = members.map((v) => a.classes[v].id);
      cell.push(members.find((v) => a.classes[v].kind !== 'unstated') ?? members[0]);
    });
    const countries = c.groups.flatMap((g) => space.groups[g].countries).sort();
    const rep = space.groups[c.groups[0]].representative;
    return {
      from: before, to: after, rules: { from: [...new Set(inside.flatMap((l) => l.before))], to: [...new Set(inside.flatMap((l) => l.after))] }, where, countries,
      countryFacts: describe(countries),
      witness: requestOf(space, cell, rep, to.date), cells: size(c),
    };
  });
  regions.sort((a, b) => b.cells - a.cells || (a.witness.recipient < b.witness.recipient ? -1 : 1));
  return {
    from: fromInfo, to: toInfo, space: space.cells, groups: space.groups.length, evaluations: shared.evaluations, changed, regions,
    attributes: space.attributes.map((a) => ({ path: a.path, classes: a.classes.map((c) => c.id) })),
  };
}
