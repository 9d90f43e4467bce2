import { countryName } from './countries.ts';
import { atomsOf, factsRead, rulesOf } from './domain.ts';
import type { Engine, Version } from './engine.ts';
import { addDays, type FactOverride } from './facts.ts';
import { timeline, type Segment } from './timeline.ts';
import { WHATIF_TEXT as W } from './labels.ts';
import {
  END_USER_TYPES, FORMS, FUNCTIONS, MUNITION_TYPES, ORIGINS, PURPOSES,
  type CountryCode, type Decision, type IsoDate, type Outcome, type RuleTrace, type Text, type TransferRequest,
} from './model.ts';
import type { Expr, FactEntry, Rule } from './policy-schema.ts';

// Counterfactuals: change the world (a fact about a country), the item, what the request leaves unstated, the date
// or the law (a draft), re-evaluate, and keep the smallest sets of changes that make the transfer permissible.
// The stated purpose and end user are the transaction itself and are not changed; only missing ones are filled.
// Every sentence a person reads comes in English and Japanese ({ en, ja }), worded by labels.ts with names, never
// codes; the structured fields carry the meaning. Only rules in force on the date asked or later suggest changes,
// so a category the law has abolished is never offered.

export type ChangeKind = 'regime' | 'fact' | 'item' | 'purpose' | 'endUser' | 'date';

export interface Change {
  kind: ChangeKind;
  path: string; // what changes: "facts.transfer-agreement.UA", "item.weapon", "regime", "asOf"
  from: unknown;
  to: unknown;
  text: Text;
}

export interface Attempt {
  changes: Change[];
  asOf: IsoDate;
  regime: string;
  revision: string;
  outcome: Outcome;
  reasons: string[];
  open: string[]; // open questions, when the outcome is requires_judgment
}

export interface Later {
  from: IsoDate;
  revision: string;
  outcome: Outcome;
  reasons: string[];
  open: string[];
}

export interface Shortfall extends Attempt {
  blockedBy: string[]; // the rules that still decide against it
  why: Text;
  /** Other single changes with which this one is enough on the date asked (their texts). */
  enoughWith: Text[];
  /** The first later date on which the same change would be enough (or at least open to judgment), if any. */
  later?: Later;
}

export interface WhatIf {
  request: TransferRequest;
  /** The request in a line: item, recipient, date and purpose. */
  summary: Text;
  regime: string | null;
  decision: { outcome: Outcome; regime: string; revision: string; reasons: string[] };
  enough: Attempt[]; // on the date asked, each checked by re-evaluation; smallest first, none containing another
  enoughLater: Attempt[]; // not on the date asked but from a later one (asOf is that date): single changes, and two facts together
  notEnough: Shortfall[]; // single changes that do not suffice on the date asked
  tried: number;
}

interface Variant {
  changes: Change[];
  req: TransferRequest;
  regime?: string;
  facts: FactOverride[];
}

type Step = { change: Change; key: string; apply: (v: Variant) => Variant };

/** How far a change moves from the request as asked: stating what it left open is closest, a new law furthest. */
const DISTANCE: Record<ChangeKind, number> = { purpose: 0, endUser: 0, date: 1, item: 2, fact: 3, regime: 4 };

/** The recorded series up to the day before `from`, then `value` from `from` on. */
export function holdFrom(entries: readonly FactEntry[], from: IsoDate, value: boolean | string): FactEntry[] {
  const kept: FactEntry[] = [];
  for (const e of entries) {
    if (e.from >= from) continue;
    const ends = e.to == null || e.to >= from ? addDays(from, -1) : e.to;
    kept.push({ ...e, to: ends });
  }
  return [...kept, { from, to: null, value, source: 'what-if', confirmed: false, note: 'what-if assumption, not a recorded fact' }];
}

type Value = boolean | string;

function listOf(v: Value | Value[] | undefined): Value[] {
  return v === undefined ? [true] : Array.isArray(v) ? v : [v];
}

const ITEM_DOMAINS: Record<string, readonly Value[]> = {
  weapon: [true, false], defenseEquipment: [true, false], form: FORMS, function: FUNCTIONS, origin: ORIGINS, munitionType: MUNITION_TYPES,
};

/**
 * The values of each fact and item attribute that push some rule toward a permission: those a permission asks for,
 * and those that keep a prohibition, exception or scope rule from applying. Changes the other way are not tried.
 */
export function favourableValues(engine: Engine, rules: readonly Rule[], askedBy?: Map<string, Rule>): Map<string, Set<Value>> {
  const out = new Map<string, Set<Value>>();
  const put = (key: string, values: Value[]) => {
    const set = out.get(key) ?? new Set<Value>();
    values.forEach((v) => set.add(v));
    out.set(key, set);
  };
  const visit = (e: Expr, positive: boolean, rule: Rule) => {
    const kind = rule.kind;
    if (typeof e === 'boolean') return;
    if ('all' in e) e.all.forEach((x) => visit(x, positive, rule));
    else if ('any' in e) e.any.forEach((x) => visit(x, positive, rule));
    else if ('not' in e) visit(e.not, !positive, rule);
    else if ('fact' in e || 'item' in e) {
      const wanted = listOf(e.is);
      const toward = (kind === 'permission') === positive;
      if (toward) {
        const key = 'fact' in e ? `fact:${e.fact}` : `item:${e.item}`;
        put(key, wanted);
        if (kind === 'permission' && positive) for (const v of wanted) if (!askedBy?.has(`${key}=${v}`)) askedBy?.set(`${key}=${v}`, rule);
        return;
      }
      if ('fact' in e) {
        const doc = engine.factDocs.get(e.fact);
        const domain: Value[] = doc?.type === 'enum' ? (doc.values ?? []) : [true, false];
        const rest = domain.filter((v) => !wanted.includes(v));
        // Away from an enum's listed values means back to its default (e.g. no embargo), not to another listed scope.
        put(`fact:${e.fact}`, doc && rest.includes(doc.default) ? [doc.default] : rest);
      } else {
        const domain = ITEM_DOMAINS[e.item];
        if (domain) put(`item:${e.item}`, domain.filter((v) => !wanted.includes(v)));
      }
    }
  };
  for (const r of rules) if (r.kind !== 'requirement' && r.kind !== 'default') visit(r.when, true, r);
  return out;
}

function versionFor(engine: Engine, v: Variant, date: IsoDate): Version {
  return (v.regime ? engine.version(v.regime) : engine.versionOn(date))!;
}

function evaluate(engine: Engine, v: Variant, date = v.req.asOf, trace = false): Decision {
  return engine.evaluate({ ...v.req, asOf: date }, { regime: v.regime, facts: v.facts, trace });
}

function attempt(v: Variant, d: Decision): Attempt {
  return { changes: v.changes, asOf: v.req.asOf, regime: d.regime, revision: d.revision, outcome: d.outcome, reasons: d.reasons, open: d.open.map((q) => q.id) };
}

const countryText = (cc: CountryCode): Text => ({ en: countryName(cc, 'en'), ja: countryName(cc, 'ja') });

/** The request in one line, as the CLI heads its answer. */
function summarize(req: TransferRequest): Text {
  return W.summary(req.item.name, countryText(req.recipient), req.asOf, req.purpose);
}

/** The rules that can suggest a change: those of the version held fixed, else of every version in force on the date asked or later. */
function rulesInForce(engine: Engine, base: Variant): Rule[] {
  if (base.regime) return rulesOf(engine.version(base.regime)!);
  const seen = new Map<string, Rule>();
  for (const r of engine.regimes()) {
    if (r.kind === 'draft' || (r.to !== null && r.to < base.req.asOf)) continue;
    for (const rule of rulesOf(engine.version(r.id)!)) seen.set(rule.id, rule);
  }
  return [...seen.values()];
}

/** The single changes worth trying for this request. */
function steps(engine: Engine, base: Variant): Step[] {
  const out: Step[] = [];
  const { req } = base;
  const version = versionFor(engine, base, req.asOf);
  const item = req.item;
  const withItem = (patch: Partial<TransferRequest['item']>) => (v: Variant): Variant => ({ ...v, req: { ...v.req, item: { ...v.req.item, ...patch } } });
  const add = (change: Change, key: string, apply: (v: Variant) => Variant) => out.push({ change, key, apply });

  // The law: every draft, applied on the same date.
  for (const r of engine.regimes()) {
    if (r.kind !== 'draft' || r.id === base.regime) continue;
    add({ kind: 'regime', path: 'regime', from: base.regime ?? version.info.id, to: r.id, text: W.draft(r.title) }, 'regime', (v) => ({ ...v, regime: r.id }));
  }

  // The world: every fact some rule in force reads, about the recipient (and the licensor), set otherwise from the date asked on.
  const inForce = rulesInForce(engine, base);
  const read = factsRead(inForce);
  const askedBy = new Map<string, Rule>();
  const good = favourableValues(engine, inForce, askedBy);
  const helps = (key: string, v: Value) => good.get(key)?.has(v) ?? false;
  const subjects: [string, CountryCode][] = [
    ...read.recipient.map((f): [string, CountryCode] => [f, req.recipient]),
    ...(item.licensor && item.licensor !== req.recipient ? read.licensor.map((f): [string, CountryCode] => [f, item.licensor!]) : []),
  ];
  for (const [fact, cc] of subjects) {
    const doc = engine.factDocs.get(fact);
    if (!doc) continue;
    const now = version.facts.value(fact, cc, req.asOf);
    const values: Value[] = doc.type === 'boolean' ? [true, false] : (doc.values ?? []);
    for (const to of values) {
      if (to === now || !helps(`fact:${fact}`, to)) continue;
      const series = holdFrom(version.facts.entries(fact, cc), req.asOf, to);
      add({ kind: 'fact', path: `facts.${fact}.${cc}`, from: now, to, text: W.fact(doc.title, countryText(cc), to, req.asOf) },
        `facts.${fact}.${cc}`, (v) => ({ ...v, facts: [...v.facts.filter((o) => !(o.fact === fact && o.country === cc)), { fact, country: cc, series }] }));
    }
  }

  // The item.
  if (item.weapon !== false && helps('item:weapon', false)) add({ kind: 'item', path: 'item.weapon', from: item.weapon, to: false, text: W.nonWeapon }, 'item.weapon', withItem({ weapon: false }));
  for (const form of FORMS) {
    if (form !== item.form && helps('item:form', form)) add({ kind: 'item', path: 'item.form', from: item.form, to: form, text: W.form(form, item.form) }, 'item.form', withItem({ form }));
  }
  for (const fn of FUNCTIONS) {
    if (fn !== item.function && helps('item:function', fn)) {
      add({ kind: 'item', path: 'item.function', from: item.function, to: fn, text: W.function(fn, item.function, askedBy.get(`item:function=${fn}`)?.title) }, 'item.function', withItem({ function: fn }));
    }
  }
  const recipient = countryText(req.recipient);
  if (helps('item:origin', 'joint-development') && !(item.origin === 'joint-development' && item.partners?.includes(req.recipient))) {
    add({ kind: 'item', path: 'item.origin', from: item.origin, to: 'joint-development', text: W.jointWith(recipient) }, 'item.origin',
      withItem({ origin: 'joint-development', partners: [...new Set([...(item.partners ?? []), req.recipient])], licensor: undefined }));
  }
  if (helps('item:origin', 'licensed-production') && !(item.origin === 'licensed-production' && item.licensor === req.recipient)) {
    add({ kind: 'item', path: 'item.origin', from: item.origin, to: 'licensed-production', text: W.licensedFrom(recipient) }, 'item.origin',
      withItem({ origin: 'licensed-production', licensor: req.recipient, partners: undefined }));
  }
  if (item.origin !== 'domestic') add({ kind: 'item', path: 'item.origin', from: item.origin, to: 'domestic', text: W.domestic }, 'item.origin', withItem({ origin: 'domestic', licensor: undefined, partners: undefined }));
  if (item.munitionType && item.munitionType !== 'other') add({ kind: 'item', path: 'item.munitionType', from: item.munitionType, to: 'other', text: W.notMunition(item.munitionType) }, 'item.munitionType', withItem({ munitionType: 'other' }));

  // What the request leaves unstated.
  if (req.purpose === undefined) {
    for (const p of PURPOSES) add({ kind: 'purpose', path: 'purpose', from: undefined, to: p, text: W.purpose(p) }, 'purpose', (v) => ({ ...v, req: { ...v.req, purpose: p } }));
  }
  if (req.endUser?.type === undefined) {
    for (const t of END_USER_TYPES) add({ kind: 'endUser', path: 'endUser.type', from: undefined, to: t, text: W.endUser(t) }, 'endUser.type', (v) => ({ ...v, req: { ...v.req, endUser: { ...v.req.endUser, type: t } } }));
  }
  return out;
}

function applyAll(base: Variant, chosen: Step[]): Variant {
  return chosen.reduce((v, s) => ({ ...s.apply(v), changes: [...v.changes, s.change] }), base);
}

/** Which rules read a fact, and from which date the first of them is in force. */
function firstReader(engine: Engine, fact: string, after: IsoDate): { rule: string; from: IsoDate } | null {
  for (const r of engine.regimes()) {
    if (r.kind === 'draft' || !r.from || (r.to !== null && r.to < after)) continue;
    const v = engine.version(r.id)!;
    const rule = v.rules.find((c) => atomsOf([c.rule]).some((a) => 'fact' in a && a.fact === fact));
    if (rule) return { rule: rule.rule.id, from: r.from < after ? after : r.from };
  }
  return null;
}

function explainShortfall(engine: Engine, v: Variant, d: Decision): { blockedBy: string[]; why: Text } {
  const version = versionFor(engine, v, v.req.asOf);
  const titles = (list: readonly string[]) => list.map((id) => engine.rule(id)?.title ?? { en: id, ja: id });
  if (d.outcome === 'prohibited') return { blockedBy: d.reasons, why: W.prohibitedBy(titles(d.reasons)) };
  if (d.outcome === 'requires_judgment') return { blockedBy: d.reasons, why: W.needsJudgment(titles(d.reasons), d.open.map((q) => q.question)) };
  if (d.outcome === 'out_of_scope') return { blockedBy: d.reasons, why: W.outOfScope };
  const exceptions = d.reasons.filter((r) => engine.rule(r)?.kind === 'exception');
  const why = exceptions.length ? W.exceptionCloses(titles(exceptions)) : W.noPermittedCase(version.info.title);
  const fact = v.changes.find((c) => c.kind === 'fact');
  if (fact && !exceptions.length) {
    const id = fact.path.split('.')[1];
    const read = factsRead(rulesOf(version));
    if (!read.recipient.includes(id) && !read.licensor.includes(id)) {
      const first = firstReader(engine, id, v.req.asOf);
      const more = W.notRead(version.info.title, engine.factDocs.get(id)?.title ?? { en: id, ja: id }, first ? { rule: engine.rule(first.rule)?.title ?? { en: first.rule, ja: first.rule }, from: first.from } : null);
      return { blockedBy: d.reasons, why: { en: why.en + more.en, ja: why.ja + more.ja } };
    }
  }
  return { blockedBy: d.reasons, why };
}

/** The first segment after the date asked in which the variant is permissible, else open to judgment. */
function laterFor(engine: Engine, v: Variant): Later | undefined {
  const segs: Segment[] = timeline(engine, v.req, { regime: v.regime, facts: v.facts }).filter((s) => s.from > v.req.asOf);
  const best = segs.find((s) => s.outcome === 'permissible') ?? segs.find((s) => s.outcome === 'requires_judgment');
  if (!best) return undefined;
  // A segment names the last revision it spans; the day it starts is decided under the first.
  const d = evaluate(engine, v, best.from);
  return { from: best.from, revision: d.revision, outcome: d.outcome, reasons: d.reasons, open: d.open.map((q) => q.id) };
}

/** The smallest changes that would make a request permissible, and the single changes that would not be enough. */
export function whatif(engine: Engine, req: TransferRequest, opts: { regime?: string; pairs?: boolean } = {}): WhatIf {
  const base: Variant = { changes: [], req, regime: opts.regime, facts: [] };
  const d0 = evaluate(engine, base);
  const result: WhatIf = {
    request: req, summary: summarize(req), regime: opts.regime ?? null,
    decision: { outcome: d0.outcome, regime: d0.regime, revision: d0.revision, reasons: d0.reasons },
    enough: [], enoughLater: [], notEnough: [], tried: 0,
  };
  if (d0.outcome === 'permissible' || d0.outcome === 'out_of_scope') return result;

  // Each suggestion remembers the variant it was checked with, to weigh how plausible it is.
  const variants = new Map<Attempt, Variant>();
  const keep = (a: Attempt, v: Variant) => (variants.set(a, v), a);
  const singles = steps(engine, base);
  const failed: { step: Step; variant: Variant; decision: Decision }[] = [];
  for (const s of singles) {
    const v = applyAll(base, [s]);
    const d = evaluate(engine, v);
    result.tried++;
    if (d.outcome === 'permissible') result.enough.push(keep(attempt(v, d), v));
    else failed.push({ step: s, variant: v, decision: d });
  }

  // Another date: the law and facts of the nearest date on which the request as it stands is permissible.
  const segs = timeline(engine, req, { regime: opts.regime });
  const next = segs.find((s) => s.from > req.asOf && s.outcome === 'permissible');
  const before = [...segs].reverse().find((s) => s.to !== null && s.to < req.asOf && s.outcome === 'permissible');
  for (const s of [next, before]) {
    if (!s) continue;
    const date = s === next ? s.from : s.to!;
    const change: Change = { kind: 'date', path: 'asOf', from: req.asOf, to: date, text: s === next ? W.waitUntil(date) : W.asItWas(date) };
    const v: Variant = { ...base, changes: [change], req: { ...req, asOf: date } };
    result.tried++;
    result.enough.push(keep(attempt(v, evaluate(engine, v)), v));
  }

  // Two changes together, where neither alone was enough.
  const partners = new Map<Step, Step[]>();
  if (opts.pairs !== false) {
    for (let i = 0; i < failed.length; i++) {
      for (let j = i + 1; j < failed.length; j++) {
        const [a, b] = [failed[i].step, failed[j].step];
        if (a.key === b.key) continue;
        const v = applyAll(base, [a, b]);
        const d = evaluate(engine, v);
        result.tried++;
        if (d.outcome !== 'permissible') continue;
        result.enough.push(keep(attempt(v, d), v));
        partners.set(a, [...(partners.get(a) ?? []), b]);
        partners.set(b, [...(partners.get(b) ?? []), a]);
      }
    }
  }

  // What would not be enough on the date asked, why, and whether it would be later.
  const laterOf = new Map<Step, Later>();
  // A change that only helps from the day the request would pass unchanged adds nothing: waiting is enough then.
  const usefulLater = (l: Later | undefined): Later | undefined => (l && (!next || l.from < next.from) ? l : undefined);
  for (const { step, variant, decision } of failed) {
    const later = usefulLater(laterFor(engine, variant));
    result.tried++;
    const changed = decision.outcome !== d0.outcome || decision.reasons.join() !== d0.reasons.join();
    // A filled-in purpose or end user that changes nothing now or later says nothing worth reading.
    if ((step.change.kind === 'purpose' || step.change.kind === 'endUser') && !changed && !later && !partners.has(step)) continue;
    if (later) laterOf.set(step, later);
    if (later?.outcome === 'permissible') result.enoughLater.push(keep({ ...attempt(variant, decision), asOf: later.from, revision: later.revision, outcome: later.outcome, reasons: later.reasons, open: [] }, variant));
    result.notEnough.push({ ...attempt(variant, decision), ...explainShortfall(engine, variant, decision), enoughWith: (partners.get(step) ?? []).map((p) => p.change.text), ...(later ? { later } : {}) });
  }

  // Two facts about the world together, from a later date: the conditions a future law sets may need more than one.
  if (opts.pairs !== false) {
    const facts = failed.filter((f) => f.step.change.kind === 'fact');
    for (let i = 0; i < facts.length; i++) {
      for (let j = i + 1; j < facts.length; j++) {
        const [a, b] = [facts[i].step, facts[j].step];
        if (a.key === b.key || partners.get(a)?.includes(b)) continue;
        const alone = [laterOf.get(a), laterOf.get(b)].filter((l) => l?.outcome === 'permissible').map((l) => l!.from);
        const v = applyAll(base, [a, b]);
        const later = usefulLater(laterFor(engine, v));
        result.tried++;
        if (later?.outcome !== 'permissible' || alone.some((d) => d <= later.from)) continue;
        result.enoughLater.push(keep({ ...attempt(v, evaluate(engine, v, later.from)), asOf: later.from }, v));
      }
    }
  }
  // Fewest changes first, then closest to the request, then most plausible: the recorded facts already support it.
  const distance = (a: Attempt) => a.changes.reduce((n, c) => n + DISTANCE[c.kind], 0);
  const support = new Map<Attempt, number>();
  const supportOf = (a: Attempt) => {
    if (!support.has(a)) support.set(a, recordedSupport(engine, variants.get(a)!, a.asOf));
    return support.get(a)!;
  };
  const rank = (a: Attempt, b: Attempt) => a.changes.length - b.changes.length || distance(a) - distance(b) || supportOf(b) - supportOf(a);
  result.enough.sort(rank);
  result.enoughLater.sort((a, b) => rank(a, b) || (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  result.notEnough.sort((a, b) => distance(a) - distance(b));
  return result;
}

/**
 * How many tests about the recipient (a recorded fact, or the rule naming it) the deciding rules of a suggestion pass:
 * the more the world already supports it, the more plausible.
 */
function recordedSupport(engine: Engine, v: Variant, date: IsoDate): number {
  const d = evaluate(engine, v, date, true);
  return d.trace.filter((t): t is RuleTrace => t.type === 'rule' && d.reasons.includes(t.rule))
    .reduce((n, t) => n + t.tests.filter((x) => x.value === 'true' && /\((recipient|licensor)\)|^recipient /.test(x.test)).length, 0);
}
