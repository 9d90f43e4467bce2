import type { Category } from './categories.ts';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { FactTable, addDays, type FactOverride } from './facts.ts';
import { compileExpr, F, T, U, and3, not3, or3, type Compiled, type EvalContext, type Recorder, type Tri } from './expr.ts';
import type {
  CountryCode, Decision, DecisionCondition, FactTrace, IsoDate, OpenQuestion, Outcome, Review, RuleKind, RuleTrace, Text,
  TraceEntry, TransferRequest,
} from './model.ts';
import type { ConditionDoc, Fact, FactEntry, RegimeDoc, Rule, Source } from './policy-schema.ts';

export interface ValidPolicy {
  /** The annual report's categories, in the report's order. */
  categories: Category[];
  sources: Source[];
  facts: Fact[];
  regimes: RegimeDoc[];
  conditions: ConditionDoc[];
}

export interface CompiledRule {
  index: number; // position in its version, for array-indexed evaluation
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
  byKind: Record<RuleKind, CompiledRule[]>;
  facts: FactTable;
}

export interface RuleInfo extends Rule {
  revision: string;
  repealedBy?: string;
}

export interface EvaluateOptions {
  regime?: string;
  trace?: boolean;
  /** What-if: dated series that replace the recorded facts of some countries, for this evaluation only. */
  facts?: readonly FactOverride[];
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
      // A draft is not law: it repeals nothing in the record of rules.
      if (doc.kind !== 'draft') for (const id of removed) this.markRepealed(id, doc.id);
      const kept = rules.filter((r) => !removed.has(r.id));
      const all = [...kept, ...doc.rules].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
      for (const r of doc.rules) {
        revisionOf.set(r.id, doc.id);
        if (!this.ruleInfo.has(r.id)) this.ruleInfo.set(r.id, { ...r, revision: doc.id });
      }
      const compiled = all.map((rule, index): CompiledRule => ({ index, rule, revision: revisionOf.get(rule.id)!, when: compileExpr(rule.when, factInfo), defeatedBy: [] }));
      const byId = new Map(compiled.map((c) => [c.rule.id, c]));
      for (const c of compiled) for (const target of c.rule.defeats ?? []) byId.get(target)?.defeatedBy.push(c);
      const idx = dated.findIndex((d) => d.id === doc.id);
      const next = idx >= 0 ? dated[idx + 1] : undefined;
      const regimeId = doc.kind === 'revision' ? (base?.info.regime ?? doc.id) : doc.id;
      const overrides: FactOverride[] = doc.facts;
      const version: Version = {
        info: {
          id: doc.id, kind: doc.kind, regime: regimeId, base: doc.base ?? null,
          from: doc.from ?? null,
          to: doc.kind === 'draft' ? null : next?.from ? addDays(next.from, -1) : null,
          title: doc.title, summary: doc.summary, sources: doc.sources,
          added: doc.rules.map((r) => r.id), repealed: [...removed], confirmed: doc.confirmed,
        },
        rules: compiled,
        byKind: Object.fromEntries(KIND_ORDER.map((kind) => [kind, compiled.filter((c) => c.rule.kind === kind)])) as Record<RuleKind, CompiledRule[]>,
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

  /** What each fact means: its title, type, values, who keeps it and what absence means; the series stay out. */
  factCatalogue(): Omit<Fact, 'series'>[] {
    return this.policy.facts.map(({ series: _series, ...rest }) => rest);
  }

  /** Every dated entry of every fact about a country, for its history. */
  factSeries(country: CountryCode): { fact: string; entries: readonly FactEntry[] }[] {
    return this.policy.facts.map((f) => ({ fact: f.id, entries: this.facts.entries(f.id, country) })).filter((s) => s.entries.length > 0);
  }

  /** A country's facts on a date, each with its citation. */
  factsOf(country: CountryCode, asOf: IsoDate): FactTrace[] {
    return this.policy.facts.map((f) => this.facts.trace(f.id, country, asOf));
  }

  evaluate(req: TransferRequest, opts: EvaluateOptions = {}): Decision {
    const found = opts.regime ? this.versions.get(opts.regime) : this.versionOn(req.asOf);
    if (!found) throw new Error(`no regime ${opts.regime ?? `in force on ${req.asOf}`}; validate input before evaluating`);
    if (!opts.facts?.length) return this.decide(found, req, opts.trace !== false);
    // Substituted facts make a different policy: the digest says so.
    const decision = this.decide({ ...found, facts: found.facts.withOverrides(opts.facts) }, req, opts.trace !== false);
    return { ...decision, policyDigest: digestOf({ policy: this.policyDigest, facts: opts.facts }) };
  }

  private decide(version: Version, req: TransferRequest, traced: boolean): Decision {
    if (traced) return this.run(version, req);
    return this.fast(version, req) ?? { ...this.run(version, req), trace: [] };
  }

  /** Review level (the strictest) and conditions (deduplicated, in rule order) of the rules that attach to the outcome. */
  private attachments(outcome: Outcome, attach: CompiledRule[]): { review: Review | null; conditions: DecisionCondition[] } {
    if (outcome !== 'permissible' && outcome !== 'requires_judgment') return { review: null, conditions: [] };
    let review: Review | null = null;
    const conditions: DecisionCondition[] = [];
    for (const c of attach) {
      const r = c.rule.review;
      if (r && (review === null || REVIEW_ORDER.indexOf(r) > REVIEW_ORDER.indexOf(review))) review = r;
      for (const id of c.rule.conditions ?? []) {
        if (conditions.some((x) => x.id === id)) continue;
        conditions.push({ id, rule: c.rule.id, text: this.conditionDocs.get(id)!.text });
      }
    }
    return { review, conditions };
  }

  /**
   * The untraced path: evaluates lazily in the order the outcome is decided (scope, Principle 1, permitted cases),
   * touching exceptions and requirements only when they matter. Returns null for requires_judgment, whose open
   * questions need the traced path.
   */
  private fast(version: Version, req: TransferRequest): Decision | null {
    const ctx: EvalContext = { req, date: req.asOf, facts: version.facts, rec: null };
    const k = version.byKind;
    const decide = (outcome: Outcome, deciding: CompiledRule[], attach: CompiledRule[] = []): Decision => {
      const { review, conditions } = this.attachments(outcome, attach);
      return {
        outcome, regime: version.info.regime, revision: version.info.id, reasons: deciding.map((c) => c.rule.id),
        conditions, review, open: [], trace: [], policyDigest: this.policyDigest,
      };
    };
    let scopeT: CompiledRule[] | undefined;
    for (const c of k.scope) if (c.when(ctx) === T) (scopeT ??= []).push(c);
    if (scopeT) return decide('out_of_scope', scopeT);
    let prohibT: CompiledRule[] | undefined;
    let prohibU = false;
    for (const c of k.prohibition) {
      const v = c.when(ctx);
      if (v === T) (prohibT ??= []).push(c);
      else if (v === U) prohibU = true;
    }
    if (prohibT) return decide('prohibited', prohibT);
    const memo = new Int8Array(version.rules.length).fill(-1);
    const valueOf = (d: CompiledRule): Tri => {
      let v = memo[d.index] as Tri | -1;
      if (v === -1) { v = effective(d, d.when(ctx)); memo[d.index] = v; }
      return v;
    };
    const effective = (c: CompiledRule, raw: Tri): Tri => {
      let defeated: Tri = F;
      for (const d of c.defeatedBy) {
        defeated = or3(defeated, valueOf(d));
        if (defeated === T) break;
      }
      return and3(raw, not3(defeated));
    };
    let permT: CompiledRule[] | undefined;
    let permU = false;
    let closers: Set<CompiledRule> | undefined;
    const consider = (c: CompiledRule) => {
      const raw = c.when(ctx);
      if (raw === F) return;
      const v = c.defeatedBy.length ? effective(c, raw) : raw;
      if (v === T) (permT ??= []).push(c);
      else if (v === U) permU = true;
      // Every exception that closed it is a reason, not only the first one found.
      else for (const d of c.defeatedBy) if (valueOf(d) === T) (closers ??= new Set()).add(d);
    };
    for (const c of k.permission) consider(c);
    const dflt = k.default[0];
    if (dflt?.rule.outcome === 'permissible') consider(dflt);
    if (permU || (permT && prohibU)) return null;
    if (permT) {
      const reqs = k.requirement.filter((c) => (c.defeatedBy.length ? effective(c, c.when(ctx)) : c.when(ctx)) !== F);
      return decide('permissible', permT, [...permT, ...reqs]);
    }
    const defeaters = closers ? k.exception.filter((c) => closers!.has(c)) : [];
    const outcome = !dflt || dflt.rule.outcome === 'permissible' ? 'not_permitted' : dflt.rule.outcome!;
    return decide(outcome, dflt ? [...defeaters, dflt] : defeaters);
  }

  /** The traced path: every rule evaluated and recorded, with the facts it read. */
  private run(version: Version, req: TransferRequest): Decision {
    const rules = version.rules;
    const n = rules.length;
    const values = new Int8Array(n).fill(-1);
    const rawValues = new Int8Array(n).fill(-1);
    const recorders: (Recorder | undefined)[] = new Array(n);
    const facts = new Map<string, FactTrace>();
    const ctx: EvalContext = { req, date: req.asOf, facts: version.facts, rec: null };
    const effective = (i: number): Tri => {
      const known = values[i];
      if (known !== -1) return known as Tri;
      const c = rules[i];
      let own = rawValues[i] as Tri | -1;
      if (own === -1) {
        ctx.rec = recorders[i] = { tests: [], open: [], facts };
        own = c.when(ctx);
        rawValues[i] = own;
      }
      let defeated: Tri = F;
      for (const d of c.defeatedBy) defeated = or3(defeated, effective(d.index));
      const v = and3(own, not3(defeated));
      values[i] = v;
      return v;
    };
    const scopeT: CompiledRule[] = [], prohibT: CompiledRule[] = [], prohibU: CompiledRule[] = [];
    let permT: CompiledRule[] = [], permU: CompiledRule[] = [];
    const requirements: CompiledRule[] = [];
    let defaultRule: CompiledRule | undefined;
    for (let i = 0; i < n; i++) {
      const v = effective(i);
      const c = rules[i];
      switch (c.rule.kind) {
        case 'scope': if (v === T) scopeT.push(c); break;
        case 'prohibition': if (v === T) prohibT.push(c); else if (v === U) prohibU.push(c); break;
        case 'permission': if (v === T) permT.push(c); else if (v === U) permU.push(c); break;
        case 'requirement': if (v !== F) requirements.push(c); break;
        case 'default': defaultRule ??= c; break;
        default: break;
      }
    }
    const defaultOutcome = defaultRule?.rule.outcome ?? 'not_permitted';
    if (defaultOutcome === 'permissible' && defaultRule) {
      const v = values[defaultRule.index];
      if (v === T) permT = [...permT, defaultRule];
      if (v === U) permU = [...permU, defaultRule];
    }

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
      const defeaters = rules.filter((c) => c.rule.kind === 'exception' && values[c.index] === T
        && rules.some((p) => p.rule.kind === 'permission' && rawValues[p.index] !== F && c.rule.defeats?.includes(p.rule.id)));
      outcome = defaultOutcome === 'permissible' ? 'not_permitted' : defaultOutcome;
      deciding = [...defeaters, ...(defaultRule ? [defaultRule] : [])];
    }

    const { review, conditions } = this.attachments(outcome, attach);
    const open: OpenQuestion[] = [];
    const openIds = new Set<string>();
    const collect = (c: CompiledRule) => {
      if (rawValues[c.index] === U) {
        for (const q of recorders[c.index]?.open ?? []) {
          if (openIds.has(q.id)) continue;
          openIds.add(q.id);
          open.push(q);
        }
      }
      // An exception left open leaves the rule it would defeat open too.
      for (const d of c.defeatedBy) if (values[d.index] === U) collect(d);
    };
    openFrom.forEach(collect);

    const trace: TraceEntry[] = [];
    {
      for (const c of rules) {
        const v = values[c.index];
        const own = rawValues[c.index];
        const defeatedBy = c.defeatedBy.filter((d) => values[d.index] !== F).map((d) => d.rule.id);
        const entry: RuleTrace = {
          type: 'rule', rule: c.rule.id, kind: c.rule.kind, revision: c.revision,
          result: own !== F && v !== own && defeatedBy.length ? 'defeated' : v === T ? 'fired' : v === F ? 'not_fired' : 'unknown',
          tests: recorders[c.index]?.tests ?? [],
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

