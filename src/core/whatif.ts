import { countryName } from './countries.ts';
import { atomsOf, factsRead, rulesOf } from './domain.ts';
import type { Engine, Version } from './engine.ts';
import { addDays, type FactOverride } from './facts.ts';
import { timeline, type Segment } from './timeline.ts';
import { END_USER_LABEL, FUNCTION_LABEL, MUNITION_LABEL, PURPOSE_LABEL } from './labels.ts';
import {
  END_USER_TYPES, FORMS, FUNCTIONS, MUNITION_TYPES, ORIGINS, PURPOSES,
  type CountryCode, type Decision, type Form, type IsoDate, type Outcome, type Text, type TransferRequest,
} from './model.ts';
import type { Expr, FactEntry, Rule } from './policy-schema.ts';

// Counterfactuals: change the world (a fact about a country), the item, what the request leaves unstated, the date
// or the law (a draft), re-evaluate, and keep the smallest sets of changes that make the transfer permissible.
// The stated purpose and end user are the transaction itself and are not changed; only missing ones are filled.
// Every sentence a person reads comes in English and Japanese ({ en, ja }); the structured fields carry the meaning.

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

const KIND_ORDER: ChangeKind[] = ['regime', 'fact', 'item', 'purpose', 'endUser', 'date'];
const FIVE = ['rescue', 'transport', 'warning', 'surveillance', 'minesweeping'];

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
export function favourableValues(engine: Engine, rules: readonly Rule[]): Map<string, Set<Value>> {
  const out = new Map<string, Set<Value>>();
  const put = (key: string, values: Value[]) => {
    const set = out.get(key) ?? new Set<Value>();
    values.forEach((v) => set.add(v));
    out.set(key, set);
  };
  const visit = (e: Expr, positive: boolean, kind: Rule['kind']) => {
    if (typeof e === 'boolean') return;
    if ('all' in e) e.all.forEach((x) => visit(x, positive, kind));
    else if ('any' in e) e.any.forEach((x) => visit(x, positive, kind));
    else if ('not' in e) visit(e.not, !positive, kind);
    else if ('fact' in e || 'item' in e) {
      const wanted = listOf(e.is);
      const toward = (kind === 'permission') === positive;
      if (toward) { put('fact' in e ? `fact:${e.fact}` : `item:${e.item}`, wanted); return; }
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
  for (const r of rules) if (r.kind !== 'requirement' && r.kind !== 'default') visit(r.when, true, r.kind);
  return out;
}

function versionFor(engine: Engine, v: Variant, date: IsoDate): Version {
  return (v.regime ? engine.version(v.regime) : engine.versionOn(date))!;
}

function evaluate(engine: Engine, v: Variant, date = v.req.asOf): Decision {
  return engine.evaluate({ ...v.req, asOf: date }, { regime: v.regime, facts: v.facts, trace: false });
}

function attempt(v: Variant, d: Decision): Attempt {
  return { changes: v.changes, asOf: v.req.asOf, regime: d.regime, revision: d.revision, outcome: d.outcome, reasons: d.reasons, open: d.open.map((q) => q.id) };
}

function show(v: unknown): string {
  return v === undefined || v === null ? 'unknown' : Array.isArray(v) ? v.join('+') : String(v);
}

const tx = (en: string, ja: string): Text => ({ en, ja });
const FORM_TEXT: Record<Form, Text> = { complete: tx('complete equipment', '完成品'), part: tx('parts', '部品'), technology: tx('technology', '技術') };
/** A fact's value in Japanese: 該当 / 非該当 for a yes-or-no fact, the listed value itself otherwise. */
function showJa(v: unknown): string {
  return v === undefined || v === null || v === 'unknown' ? '不明' : v === true ? '該当' : v === false ? '非該当' : Array.isArray(v) ? v.join('＋') : String(v);
}

const country = (cc: CountryCode): string => `${countryName(cc, 'ja')}（${cc}）`;
const ids = (list: readonly string[]): string => list.join('、');

/** The request in one line, as the CLI heads its answer. */
function summarize(req: TransferRequest): Text {
  const name = req.item.name;
  return {
    en: `${name ?? 'item'} to ${req.recipient} on ${req.asOf}${req.purpose ? `, purpose ${req.purpose}` : ''}`,
    ja: `${req.asOf}時点の${country(req.recipient)}への${name ? `「${name}」` : '品目'}の移転${req.purpose ? `（目的：${PURPOSE_LABEL[req.purpose].ja}）` : ''}`,
  };
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
    add({ kind: 'regime', path: 'regime', from: base.regime ?? version.info.id, to: r.id, text: tx(`adopt the draft ${r.id} (${r.title.en})`, `${r.title.ja.startsWith('案') ? '' : '案'}「${r.title.ja}」（${r.id}）を採用する`) }, 'regime', (v) => ({ ...v, regime: r.id }));
  }

  // The world: every fact some rule reads, about the recipient (and the licensor), set otherwise from the date asked on.
  const all = engine.allRules();
  const read = factsRead(all);
  const good = favourableValues(engine, all);
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
      add({ kind: 'fact', path: `facts.${fact}.${cc}`, from: now, to, text: tx(
        `${doc.title.en} (${fact}) for ${cc}: ${show(now)} -> ${show(to)} from ${req.asOf}`,
        `${country(cc)}の「${doc.title.ja}」（${fact}）を${req.asOf}以降、${showJa(now)}から${showJa(to)}とする`,
      ) },
        `facts.${fact}.${cc}`, (v) => ({ ...v, facts: [...v.facts.filter((o) => !(o.fact === fact && o.country === cc)), { fact, country: cc, series }] }));
    }
  }

  // The item.
  if (item.weapon !== false) add({ kind: 'item', path: 'item.weapon', from: item.weapon, to: false, text: tx('a non-weapon instead of a weapon', '武器ではなく非武器とする') }, 'item.weapon', withItem({ weapon: false }));
  for (const form of FORMS) {
    if (form !== item.form && helps('item:form', form)) add({ kind: 'item', path: 'item.form', from: item.form, to: form, text: tx(
      `${FORM_TEXT[form].en} instead of ${item.form ?? 'an unstated form'}`,
      item.form ? `形態を${FORM_TEXT[item.form].ja}から${FORM_TEXT[form].ja}に変える` : `形態を${FORM_TEXT[form].ja}と明示する`,
    ) }, 'item.form', withItem({ form }));
  }
  for (const fn of FUNCTIONS) {
    if (fn !== item.function && helps('item:function', fn)) add({ kind: 'item', path: 'item.function', from: item.function, to: fn, text: tx(
      `an item for ${fn}${FIVE.includes(fn) ? ' (one of the five categories)' : ''} instead of ${item.function ?? 'an unstated function'}`,
      `${item.function ? `機能を${FUNCTION_LABEL[item.function].ja}から` : '機能を'}${FUNCTION_LABEL[fn].ja}${FIVE.includes(fn) ? '（5類型の一つ）' : ''}${item.function ? 'に変える' : 'と明示する'}`,
    ) }, 'item.function', withItem({ function: fn }));
  }
  if (!(item.origin === 'joint-development' && item.partners?.includes(req.recipient))) {
    add({ kind: 'item', path: 'item.origin', from: item.origin, to: 'joint-development', text: tx(`developed jointly with ${req.recipient}`, `${country(req.recipient)}との国際共同開発品とする`) }, 'item.origin',
      withItem({ origin: 'joint-development', partners: [...new Set([...(item.partners ?? []), req.recipient])], licensor: undefined }));
  }
  if (!(item.origin === 'licensed-production' && item.licensor === req.recipient)) {
    add({ kind: 'item', path: 'item.origin', from: item.origin, to: 'licensed-production', text: tx(`made in Japan under licence from ${req.recipient}`, `${country(req.recipient)}のライセンスに基づき日本で生産した品目とする`) }, 'item.origin',
      withItem({ origin: 'licensed-production', licensor: req.recipient, partners: undefined }));
  }
  if (item.origin !== 'domestic') add({ kind: 'item', path: 'item.origin', from: item.origin, to: 'domestic', text: tx('developed by Japan alone', '日本が単独で開発した品目とする') }, 'item.origin', withItem({ origin: 'domestic', licensor: undefined, partners: undefined }));
  if (item.munitionType && item.munitionType !== 'other') add({ kind: 'item', path: 'item.munitionType', from: item.munitionType, to: 'other', text: tx(`not a ${item.munitionType}`, `${MUNITION_LABEL[item.munitionType].ja}に当たらない品目とする`) }, 'item.munitionType', withItem({ munitionType: 'other' }));

  // What the request leaves unstated.
  if (req.purpose === undefined) {
    for (const p of PURPOSES) add({ kind: 'purpose', path: 'purpose', from: undefined, to: p, text: tx(`state the purpose ${p}`, `目的を「${PURPOSE_LABEL[p].ja}」と明示する`) }, 'purpose', (v) => ({ ...v, req: { ...v.req, purpose: p } }));
  }
  if (req.endUser?.type === undefined) {
    for (const t of END_USER_TYPES) add({ kind: 'endUser', path: 'endUser.type', from: undefined, to: t, text: tx(`state the end user as ${t}`, `最終需要者を${END_USER_LABEL[t].ja}と明示する`) }, 'endUser.type', (v) => ({ ...v, req: { ...v.req, endUser: { ...v.req.endUser, type: t } } }));
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
  const [en, ja] = [d.reasons.join(', '), ids(d.reasons)];
  if (d.outcome === 'prohibited') return { blockedBy: d.reasons, why: tx(`still prohibited by ${en}`, `なお${ja}により禁止される`) };
  if (d.outcome === 'requires_judgment') {
    const open = d.open.map((q) => q.id);
    return { blockedBy: d.reasons, why: tx(`a permitted case may apply (${en}) but it still needs a judgment: ${open.join(', ')}`, `移転を認め得る場合に該当し得る（${ja}）が、なお判断を要する（${ids(open)}）`) };
  }
  if (d.outcome === 'out_of_scope') return { blockedBy: d.reasons, why: tx('the item would not be defense equipment at all', '品目がそもそも防衛装備に当たらなくなる') };
  const exceptions = d.reasons.filter((r) => engine.rule(r)?.kind === 'exception');
  const vid = version.info.id;
  const why = exceptions.length
    ? tx(`the exception ${exceptions.join(', ')} still closes the permitted case`, `例外${ids(exceptions)}により、なお移転を認め得る場合に当たらない`)
    : tx(`no permitted case of ${vid} applies (${en})`, `${vid}の規律では、移転を認め得る場合のいずれにも該当しない（${ja}）`);
  const fact = v.changes.find((c) => c.kind === 'fact');
  if (fact && !exceptions.length) {
    const id = fact.path.split('.')[1];
    if (!factsRead(rulesOf(version)).recipient.includes(id) && !factsRead(rulesOf(version)).licensor.includes(id)) {
      const first = firstReader(engine, id, v.req.asOf);
      const title = engine.factDocs.get(id)?.title.ja;
      why.en += `; no rule of ${vid} reads ${id}${first ? `: the first rule that does is ${first.rule}, in force from ${first.from}` : ''}`;
      why.ja += `。${vid}の規律には「${title ?? id}」（${id}）を参照する規定がない${first ? `。これを参照する最初の規定は${first.rule}であり、${first.from}から適用される` : ''}`;
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

  const singles = steps(engine, base);
  const failed: { step: Step; variant: Variant; decision: Decision }[] = [];
  for (const s of singles) {
    const v = applyAll(base, [s]);
    const d = evaluate(engine, v);
    result.tried++;
    if (d.outcome === 'permissible') result.enough.push(attempt(v, d));
    else failed.push({ step: s, variant: v, decision: d });
  }

  // Another date: the law and facts of the nearest date on which the request as it stands is permissible.
  const segs = timeline(engine, req, { regime: opts.regime });
  const next = segs.find((s) => s.from > req.asOf && s.outcome === 'permissible');
  const before = [...segs].reverse().find((s) => s.to !== null && s.to < req.asOf && s.outcome === 'permissible');
  for (const s of [next, before]) {
    if (!s) continue;
    const date = s === next ? s.from : s.to!;
    const change: Change = { kind: 'date', path: 'asOf', from: req.asOf, to: date, text: s === next ? tx(`wait until ${date}`, `${date}まで待つ`) : tx(`as it was on ${date}`, `${date}の時点で判断する（当時の規律と事実による）`) };
    const v: Variant = { ...base, changes: [change], req: { ...req, asOf: date } };
    result.tried++;
    result.enough.push(attempt(v, evaluate(engine, v)));
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
        result.enough.push(attempt(v, d));
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
    if (later?.outcome === 'permissible') result.enoughLater.push({ ...attempt(variant, decision), asOf: later.from, revision: later.revision, outcome: later.outcome, reasons: later.reasons, open: [] });
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
        result.enoughLater.push({ ...attempt(v, evaluate(engine, v, later.from)), asOf: later.from });
      }
    }
  }
  const rank = (a: Attempt) => a.changes.length * 10 + Math.min(...a.changes.map((c) => KIND_ORDER.indexOf(c.kind)));
  result.enough.sort((a, b) => rank(a) - rank(b));
  result.enoughLater.sort((a, b) => rank(a) - rank(b) || (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  result.notEnough.sort((a, b) => KIND_ORDER.indexOf(a.changes[0].kind) - KIND_ORDER.indexOf(b.changes[0].kind));
  return result;
}
