import type { Category } from './categories.ts';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical.ts';
import { FactTable, addDays, type FactOverride } from './facts.ts';
import { RuleValues, settle } from './evaluate.ts';
import { compileExpr, F, T, U } from './expr.ts';
import {
  END_USER_TYPES, FORMS, FUNCTIONS, MUNITION_TYPES, ORIGINS, PURPOSES, TRANSFERORS,
  type CountryCode, type EndUserType, type Decision, type DecisionCondition, type FactTrace, type IsoDate, type OpenOption, type OpenQuestion,
  type OtherControl, type Outcome, type Review, type RuleKind, type RuleTrace, type TraceEntry, type TransferRequest,
} from './model.ts';
import type { Classification, ConditionDoc, Fact, FactEntry, OtherControlDoc, RegimeDoc, Rule, Source } from './policy-schema.ts';

export interface ValidPolicy {
  /** The annual report's categories, in the report's order. */
  categories: Category[];
  sources: Source[];
  facts: Fact[];
  regimes: RegimeDoc[];
  conditions: ConditionDoc[];
  classification: Classification[];
  otherControls: OtherControlDoc[];
}

import type { CompiledRule, RegimeInfo, Version } from './version.ts';

export type { CompiledRule, RegimeInfo, Version };

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

export function digestOf(value: unknown): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalJson(value))))}`;
}

/** The compiled policy: versions of the law with their rules as closures, and the fact table. */
export class Engine {
  readonly policyDigest: string;
  readonly facts: FactTable;
  readonly sources: ReadonlyMap<string, Source>;
  readonly conditionDocs: ReadonlyMap<string, ConditionDoc>;
  readonly factDocs: ReadonlyMap<string, Fact>;
  /** The Munitions List categories of each sub-item of item 1 of Appended Table 1 of the Export Trade Control Order. */
  readonly mlOf: ReadonlyMap<string, readonly string[]>;
  private readonly versions = new Map<string, Version>();
  private readonly inForce: Version[]; // non-draft versions by date
  private readonly ruleInfo = new Map<string, RuleInfo>();

  constructor(readonly policy: ValidPolicy) {
    this.policyDigest = digestOf(policy);
    this.sources = new Map(policy.sources.map((s) => [s.id, s]));
    this.conditionDocs = new Map(policy.conditions.map((c) => [c.id, c]));
    this.factDocs = new Map(policy.facts.map((f) => [f.id, f]));
    this.facts = new FactTable(this.factDocs);
    this.mlOf = new Map(policy.classification.map((c) => [c.code, c.ml]));
    const info = {
      facts: new Map(policy.facts.map((f) => [f.id, { title: f.title, defaultNote: f.defaultNote, decidedBy: f.decidedBy }])),
      mlOf: this.mlOf,
    };

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
      const compiled = all.map((rule, index): CompiledRule => ({ index, rule, revision: revisionOf.get(rule.id)!, when: compileExpr(rule.when, info), defeatedBy: [] }));
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

  private decide(version: Version, req: TransferRequest, traced: boolean): Decision {
    const decision = this.decideOnce(version, req, traced);
    // The options are for a person reading one decision; aggregate callers (matrix, diff, timeline) evaluate untraced.
    if (!traced || !decision.open.length) return decision;
    // An unstated attribute with a finite set of values: say what each value would give.
    const open = decision.open.map((q) => {
      const values = FIELD_VALUES[q.id];
      if (!values) return q;
      const options = values.map((value): OpenOption => {
        const { outcome, deciding } = settle(new RuleValues(version, withField(req, q.id, value)));
        return { value: String(value), outcome, rules: deciding.map((c) => c.rule.id) };
      });
      return { ...q, options };
    });
    return { ...decision, open };
  }

  private decideOnce(version: Version, req: TransferRequest, traced: boolean, record = traced): Decision {
    const ev = new RuleValues(version, req, { record });
    const settled = settle(ev);
    // Open questions need the recorded tests: an untraced decision that leaves something open is evaluated again, recording.
    if (!record && settled.outcome === 'requires_judgment') return this.decideOnce(version, req, false, true);
    const { review, conditions } = this.attachments(settled.outcome, settled.attach);
    const open: OpenQuestion[] = [];
    const openIds = new Set<string>();
    const collect = (c: CompiledRule) => {
      if (ev.own[c.index] === U) {
        for (const q of ev.recorders?.[c.index]?.open ?? []) {
          if (openIds.has(q.id)) continue;
          openIds.add(q.id);
          open.push(q);
        }
      }
      // An exception left open leaves the rule it would defeat open too.
      for (const d of c.defeatedBy) if (ev.effective[d.index] === U) collect(d);
    };
    settled.openFrom.forEach(collect);
    const trace: TraceEntry[] = traced ? this.traceOf(ev.all()) : [];
    const instead = settled.deciding.some((c) => c.rule.kind === 'scope') ? this.otherControlsOn(req.asOf) : [];
    return {
      outcome: settled.outcome, regime: version.info.regime, revision: version.info.id,
      reasons: settled.deciding.map((c) => c.rule.id), conditions, review, open,
      ...(instead.length ? { instead } : {}),
      trace, policyDigest: this.policyDigest,
    };
  }

  /** The laws that may govern an item outside these rules, in force on the date. */
  private otherControlsOn(date: IsoDate): OtherControl[] {
    return this.policy.otherControls
      .filter((o) => o.from <= date && (o.to === undefined || date <= o.to))
      .map((o) => ({ id: o.id, title: o.title, governs: o.governs, citations: o.citations }));
  }

  /** Every rule, fired or not and why, then every fact read. */
  private traceOf(ev: RuleValues): TraceEntry[] {
    const trace: TraceEntry[] = ev.version.rules.map((c) => {
      const v = ev.effective[c.index];
      const own = ev.own[c.index];
      const defeatedBy = c.defeatedBy.filter((d) => ev.effective[d.index] !== F).map((d) => d.rule.id);
      const entry: RuleTrace = {
        type: 'rule', rule: c.rule.id, kind: c.rule.kind, revision: c.revision,
        // Defeated only when an exception closes it; an exception left open leaves the rule unknown.
        result: own !== F && v === F && defeatedBy.length ? 'defeated' : v === T ? 'fired' : v === F ? 'not_fired' : 'unknown',
        tests: ev.recorders?.[c.index]?.tests ?? [],
        citations: c.rule.citations,
      };
      if (defeatedBy.length) entry.defeatedBy = defeatedBy;
      return entry;
    });
    trace.push(...ev.facts!.values());
    return trace;
  }
}

/** The finite values of each request attribute that can be left unstated, by the path its open question names. */
const FIELD_VALUES: Partial<Record<string, readonly (string | boolean)[]>> = {
  'item.defenseEquipment': [false, true],
  'item.weapon': [false, true],
  'item.form': FORMS,
  'item.function': FUNCTIONS,
  'item.origin': ORIGINS,
  'item.munitionType': MUNITION_TYPES,
  'endUser.type': END_USER_TYPES,
  purpose: PURPOSES,
  transferor: TRANSFERORS,
};

function withField(req: TransferRequest, path: string, value: string | boolean): TransferRequest {
  if (path.startsWith('item.')) return { ...req, item: { ...req.item, [path.slice(5)]: value } };
  if (path === 'endUser.type') return { ...req, endUser: { ...req.endUser, type: value as EndUserType } };
  return { ...req, [path]: value };
}
