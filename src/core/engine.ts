import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { FactTable, addDays, type FactOverride } from './facts.ts';
import { compileExpr, F, T, U, TRUTH, and3, not3, or3, type Compiled, type EvalContext, type Recorder, type Tri } from './expr.ts';
import type {
  CountryCode, Decision, DecisionCondition, FactTrace, IsoDate, OpenQuestion, Outcome, Review, RuleKind, RuleTrace, Text,
  TraceEntry, TransferRequest,
} from './model.ts';
import type { ConditionDoc, Fact, RegimeDoc, Rule, Source } from './policy-schema.ts';

export interface ValidPolicy {
  sources: Source[];
  facts: Fact[];
  regimes: RegimeDoc[];
  conditions: ConditionDoc[];
}

export interface CompiledRule {
  rule: Rule;
  revision: string;
  when: Compiled;
  defeatedBy: CompiledRule[];
}

export interface RegimeInfo {
  id: string;
  kind: 'regime' | 'revision' | 'draft';
  regime: string; // the regime this version belongs to (itself for a regime or draft)
  base: string | null;
  from: IsoDate | null;
  to: IsoDate | null; // last day in force; null while in force (drafts: null)
  title: Text;
  summary?: Text;
  sources: string[];
  added: string[];
  repealed: string[];
  confirmed: boolean;
}

export interface Version {
  info: RegimeInfo;
  rules: CompiledRule[];
  facts: FactTable;
}

export interface RuleInfo extends Rule {
  revision: string;
  repealedBy?: string;
}

export interface EvaluateOptions {
  regime?: string;
  trace?: boolean;
}

const REVIEW_ORDER: Review[] = ['meti', 'nsc', 'cabinet'];
const KIND_ORDER: RuleKind[] = ['scope', 'prohibition', 'exception', 'permission', 'requirement', 'default'];

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function digestOf(value: unknown): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonical(value))))}`;
}

/** The compiled policy: versions of the law with their rules as closures, and the fact table. */
export class Engine {
  readonly policyDigest: string;
  readonly facts: FactTable;
  readonly sources: ReadonlyMap<string, Source>;
  readonly conditionDocs: ReadonlyMap<string, ConditionDoc>;
  readonly factDocs: ReadonlyMap<string, Fact>;
  private readonly versions = new Map<string, Version>();
  private readonly inForce: Version[]; // non-draft versions by date
  private readonly ruleInfo = new Map<string, RuleInfo>();

  constructor(readonly policy: ValidPolicy) {
    this.policyDigest = digestOf(policy);
    this.sources = new Map(policy.sources.map((s) => [s.id, s]));
    this.conditionDocs = new Map(policy.conditions.map((c) => [c.id, c]));
    this.factDocs = new Map(policy.facts.map((f) => [f.id, f]));
    this.facts = new FactTable(this.factDocs);
    const factInfo = new Map(policy.facts.map((f) => [f.id, { title: f.title, defaultNote: f.defaultNote }]));

    const docs = new Map(policy.regimes.map((r) => [r.id, r]));
    const dated = policy.regimes.filter((r) => r.kind !== 'draft').sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? -1 : 1));
    const build = (doc: RegimeDoc): Version => {
      const existing = this.versions.get(doc.id);
      if (existing) return existing;
      const base = doc.base ? build(docs.get(doc.base)!) : null;
      const rules: Rule[] = base ? base.rules.map((r) => r.rule) : [];
      const revisionOf = new Map<string, string>(base ? base.rules.map((r) => [r.rule.id, r.revision]) : []);
      const removed = new Set([...doc.repeal, ...doc.rules.flatMap((r) => (r.replaces ? [r.replaces] : []))]);
      for (const id of removed) this.markRepealed(id, doc.id);
      const kept = rules.filter((r) => !removed.has(r.id));
      const all = [...kept, ...doc.rules].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
      for (const r of doc.rules) {
        revisionOf.set(r.id, doc.id);
        if (!this.ruleInfo.has(r.id)) this.ruleInfo.set(r.id, { ...r, revision: doc.id });
      }
      const compiled = all.map((rule): CompiledRule => ({ rule, revision: revisionOf.get(rule.id)!, when: compileExpr(rule.when, factInfo), defeatedBy: [] }));
      const byId = new Map(compiled.map((c) => [c.rule.id, c]));
      for (const c of compiled) for (const target of c.rule.defeats ?? []) byId.get(target)?.defeatedBy.push(c);
      const idx = dated.findIndex((d) => d.id === doc.id);
      const next = idx >= 0 ? dated[idx + 1] : undefined;
      const regimeId = doc.kind === 'revision' ? (base?.info.regime ?? doc.id) : doc.id;
      const overrides: FactOverride[] = doc.facts;
      const version: Version = {
        info: {
          id: doc.id, kind: doc.kind, regime: regimeId, base: doc.base ?? null,
          from: doc.kind === 'draft' ? (doc.from ?? null) : (doc.from ?? null),
          to: doc.kind === 'draft' ? null : next?.from ? addDays(next.from, -1) : null,
          title: doc.title, summary: doc.summary, sources: doc.sources,
          added: doc.rules.map((r) => r.id), repealed: [...removed], confirmed: doc.confirmed,
        },
        rules: compiled,
        facts: base ? base.facts.withOverrides(overrides) : this.facts.withOverrides(overrides),
      };
      this.versions.set(doc.id, version);
      return version;
    };
    for (const doc of policy.regimes) build(doc);
    this.inForce = dated.map((d) => this.versions.get(d.id)!);
  }

  private markRepealed(id: string, by: string) {
    const info = this.ruleInfo.get(id);
    if (info && !info.repealedBy) info.repealedBy = by;
  }

  regimes(): RegimeInfo[] {
    return [...this.inForce.map((v) => v.info), ...[...this.versions.values()].filter((v) => v.info.kind === 'draft').map((v) => v.info)];
  }

  version(id: string): Version | undefined {
    return this.versions.get(id);
  }

  /** The version of the law in force on a date, or undefined before the first regime. */
  versionOn(date: IsoDate): Version | undefined {
    let found: Version | undefined;
    for (const v of this.inForce) if (v.info.from !== null && v.info.from <= date) found = v;
    return found;
  }

  rule(id: string): RuleInfo | undefined {
    return this.ruleInfo.get(id);
  }

  allRules(): RuleInfo[] {
    return [...this.ruleInfo.values()];
  }

  /** A country's facts on a date, each with its citation. */
  factsOf(country: CountryCode, asOf: IsoDate): FactTrace[] {
    return this.policy.facts.map((f) => this.facts.trace(f.id, country, asOf));
  }

  evaluate(req: TransferRequest, opts: EvaluateOptions = {}): Decision {
    const version = opts.regime ? this.versions.get(opts.regime) : this.versionOn(req.asOf);
    if (!version) throw new Error(`no regime ${opts.regime ?? `in force on ${req.asOf}`}; validate input before evaluating`);
    const first = this.run(version, req, opts.trace !== false);
    if (first.outcome === 'requires_judgment' && opts.trace === false) {
      // The fast path keeps no recorder; the open questions need one.
      const traced = this.run(version, req, true);
      return { ...traced, trace: [] };
    }
    return first;
  }

  private run(version: Version, rawReq: TransferRequest, traced: boolean): Decision {
    const req: TransferRequest = {
      ...rawReq,
      item: { defenseEquipment: true, munitionType: 'other', ...rawReq.item },
    };
    const values = new Map<CompiledRule, Tri>();
    const recorders = new Map<CompiledRule, Recorder>();
    const facts = new Map<string, FactTrace>();
    const raw = (c: CompiledRule): Tri => {
      if (!traced) return c.when({ req, date: req.asOf, facts: version.facts, rec: null });
      const rec: Recorder = { tests: [], open: [], facts };
      recorders.set(c, rec);
      const ctx: EvalContext = { req, date: req.asOf, facts: version.facts, rec };
      return c.when(ctx);
    };
    const rawValues = new Map<CompiledRule, Tri>();
    const effective = (c: CompiledRule): Tri => {
      const known = values.get(c);
      if (known !== undefined) return known;
      let own = rawValues.get(c);
      if (own === undefined) { own = raw(c); rawValues.set(c, own); }
      let defeated: Tri = F;
      for (const d of c.defeatedBy) defeated = or3(defeated, effective(d));
      const v = and3(own, not3(defeated));
      values.set(c, v);
      return v;
    };
    for (const c of version.rules) effective(c);

    const byKind = (kind: RuleKind, v: Tri) => version.rules.filter((c) => c.rule.kind === kind && values.get(c) === v);
    const scopeT = byKind('scope', T);
    const prohibT = byKind('prohibition', T);
    const prohibU = byKind('prohibition', U);
    const defaults = version.rules.filter((c) => c.rule.kind === 'default');
    const defaultRule = defaults[0];
    const defaultOutcome = defaultRule?.rule.outcome ?? 'not_permitted';
    let permT = byKind('permission', T);
    let permU = byKind('permission', U);
    if (defaultOutcome === 'permissible' && defaultRule) {
      const v = values.get(defaultRule);
      if (v === T) permT = [...permT, defaultRule];
      if (v === U) permU = [...permU, defaultRule];
    }
    const requirements = version.rules.filter((c) => c.rule.kind === 'requirement' && values.get(c) !== F);

    let outcome: Outcome;
    let deciding: CompiledRule[];
    let openFrom: CompiledRule[] = [];
    let attach: CompiledRule[] = [];
    if (scopeT.length) {
      outcome = 'out_of_scope'; deciding = scopeT;
    } else if (prohibT.length) {
      outcome = 'prohibited'; deciding = prohibT;
    } else if (permT.length && !prohibU.length) {
      outcome = 'permissible'; deciding = permT; attach = [...permT, ...requirements];
    } else if (permT.length || permU.length) {
      outcome = 'requires_judgment'; deciding = [...permT, ...permU]; openFrom = [...prohibU, ...(permT.length ? [] : permU)];
      attach = [...deciding, ...requirements];
    } else {
      // No permitted case can apply: the regime's default decides, with the exceptions that closed a permitted case.
      const defeaters = version.rules.filter((c) => c.rule.kind === 'exception' && values.get(c) === T
        && version.rules.some((p) => p.rule.kind === 'permission' && rawValues.get(p) !== F && c.rule.defeats?.includes(p.rule.id)));
      outcome = defaultOutcome === 'permissible' ? 'not_permitted' : defaultOutcome;
      deciding = [...defeaters, ...(defaultRule ? [defaultRule] : [])];
    }

    const review = outcome === 'permissible' || outcome === 'requires_judgment'
      ? attach.reduce<Review | null>((acc, c) => {
        const r = c.rule.review;
        if (!r) return acc;
        return acc === null || REVIEW_ORDER.indexOf(r) > REVIEW_ORDER.indexOf(acc) ? r : acc;
      }, null)
      : null;
    const conditions: DecisionCondition[] = [];
    const seen = new Set<string>();
    for (const c of attach) {
      for (const id of c.rule.conditions ?? []) {
        if (seen.has(id)) continue;
        seen.add(id);
        const doc = this.conditionDocs.get(id)!;
        conditions.push({ id, rule: c.rule.id, text: doc.text });
      }
    }
    const open: OpenQuestion[] = [];
    const openIds = new Set<string>();
    for (const c of openFrom) {
      for (const q of recorders.get(c)?.open ?? []) {
        if (openIds.has(q.id)) continue;
        openIds.add(q.id);
        open.push(q);
      }
    }

    const trace: TraceEntry[] = [];
    if (traced) {
      for (const c of version.rules) {
        const v = values.get(c)!;
        const own = rawValues.get(c)!;
        const defeatedBy = c.defeatedBy.filter((d) => values.get(d) !== F).map((d) => d.rule.id);
        const entry: RuleTrace = {
          type: 'rule', rule: c.rule.id, kind: c.rule.kind, revision: c.revision,
          result: own !== F && v !== own && defeatedBy.length ? 'defeated' : v === T ? 'fired' : v === F ? 'not_fired' : 'unknown',
          tests: recorders.get(c)?.tests ?? [],
          citations: c.rule.citations,
        };
        if (defeatedBy.length) entry.defeatedBy = defeatedBy;
        trace.push(entry);
      }
      trace.push(...facts.values());
    }

    return {
      outcome,
      regime: version.info.regime,
      revision: version.info.id,
      reasons: deciding.map((c) => c.rule.id),
      conditions,
      review,
      open,
      trace,
      policyDigest: this.policyDigest,
    };
  }
}

export { TRUTH, U };
