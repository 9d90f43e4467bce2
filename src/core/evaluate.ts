import { F, T, U, and3, not3, or3, type EvalContext, type Recorder, type Tri } from './expr.ts';
import type { CompiledRule, Version } from './version.ts';
import type { FactTrace, Outcome, TransferRequest } from './model.ts';

// The one rule evaluator: the traced and untraced decisions and the static analysis all read rule values from here.

/** Each rule's own value and its value once the exceptions against it apply, computed on demand and at most once. */
export class RuleValues {
  readonly own: Int8Array;
  readonly effective: Int8Array;
  /** Traced evaluation only: the tests and open questions of each rule, and every fact read. */
  readonly recorders: (Recorder | undefined)[] | null;
  readonly facts: Map<string, FactTrace> | null;
  private readonly ctx: EvalContext;

  constructor(readonly version: Version, req: TransferRequest, opts: { record?: boolean; reuse?: { own: Int8Array; effective: Int8Array } } = {}) {
    const n = version.rules.length;
    // The analysis runs this for every point: reusing the buffers keeps the garbage collector out of it.
    const reuse = opts.reuse && opts.reuse.own.length === n ? opts.reuse : undefined;
    this.own = reuse ? reuse.own.fill(-1) : new Int8Array(n).fill(-1);
    this.effective = reuse ? reuse.effective.fill(-1) : new Int8Array(n).fill(-1);
    this.recorders = opts.record ? new Array(n) : null;
    this.facts = opts.record ? new Map() : null;
    this.ctx = { req, date: req.asOf, facts: version.facts, rec: null };
  }

  ownValue(c: CompiledRule): Tri {
    let v = this.own[c.index] as Tri | -1;
    if (v === -1) {
      this.ctx.rec = this.recorders ? (this.recorders[c.index] = { tests: [], open: [], facts: this.facts! }) : null;
      v = c.when(this.ctx);
      this.own[c.index] = v;
    }
    return v;
  }

  /** The rule's value once the exceptions that defeat it are applied; a rule that is false on its own needs none of them. */
  value(c: CompiledRule): Tri {
    let v = this.effective[c.index] as Tri | -1;
    if (v !== -1) return v;
    const own = this.ownValue(c);
    let defeated: Tri = F;
    if (own !== F || this.recorders) {
      for (const d of c.defeatedBy) {
        defeated = or3(defeated, this.value(d));
        if (defeated === T && !this.recorders) break;
      }
    }
    v = and3(own, not3(defeated));
    this.effective[c.index] = v;
    return v;
  }

  /** Evaluates every rule, for a trace or a static check. */
  all(): this {
    for (const c of this.version.rules) this.value(c);
    return this;
  }
}

export interface Settled {
  outcome: Outcome;
  deciding: CompiledRule[];
  openFrom: CompiledRule[]; // the rules whose unknowns are the decision's open questions
  attach: CompiledRule[]; // the rules whose review level and conditions attach to the outcome
}

/**
 * How the rule values decide (ADR 0002): scope, then Principle 1, then the permitted cases, then the version's default.
 * Reads rules lazily in that order, so an untraced decision touches exceptions and requirements only when they matter.
 */
export function settle(ev: RuleValues): Settled {
  const k = ev.version.byKind;
  const where = (rules: CompiledRule[], v: Tri) => rules.filter((c) => ev.value(c) === v);
  const scopeT = where(k.scope, T);
  if (scopeT.length) return { outcome: 'out_of_scope', deciding: scopeT, openFrom: [], attach: [] };
  // Whether the item is defense equipment at all comes first: every other answer depends on it.
  const scopeU = where(k.scope, U);
  if (scopeU.length) return { outcome: 'requires_judgment', deciding: scopeU, openFrom: scopeU, attach: [] };
  const prohibT = where(k.prohibition, T);
  if (prohibT.length) return { outcome: 'prohibited', deciding: prohibT, openFrom: [], attach: [] };
  const prohibU = where(k.prohibition, U);
  const dflt = k.default[0];
  const cases = casesOf(ev.version);
  const permT = where(cases, T);
  const permU = where(cases, U);
  const requirements = () => k.requirement.filter((c) => ev.value(c) !== F);
  if (permT.length && !prohibU.length) return { outcome: 'permissible', deciding: permT, openFrom: [], attach: [...permT, ...requirements()] };
  if (permT.length || permU.length) {
    const deciding = [...permT, ...permU];
    return { outcome: 'requires_judgment', deciding, openFrom: [...prohibU, ...(permT.length ? [] : permU)], attach: [...deciding, ...requirements()] };
  }
  // No permitted case can apply: the default decides, with every exception that closed a permitted case.
  const closers = new Set<CompiledRule>();
  for (const c of cases) if (ev.ownValue(c) !== F) for (const d of c.defeatedBy) if (ev.value(d) === T) closers.add(d);
  const defeaters = k.exception.filter((c) => closers.has(c));
  const outcome = defaultOutcome(ev.version);
  return { outcome, deciding: dflt ? [...defeaters, dflt] : defeaters, openFrom: [], attach: [] };
}

const cases = new WeakMap<Version, CompiledRule[]>();

/** The permitted cases settle weighs: the permissions, and a default that permits. */
export function casesOf(version: Version): CompiledRule[] {
  let c = cases.get(version);
  if (!c) {
    const k = version.byKind;
    const dflt = k.default[0];
    c = dflt?.rule.outcome === 'permissible' ? [...k.permission, dflt] : k.permission;
    cases.set(version, c);
  }
  return c;
}

/** What settle gives when no permitted case can apply: the default's outcome, not permitted if it would permit. */
export function defaultOutcome(version: Version): Outcome {
  const dflt = version.byKind.default[0];
  return !dflt || dflt.rule.outcome === 'permissible' ? 'not_permitted' : dflt.rule.outcome!;
}
