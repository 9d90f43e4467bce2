// The peers' encodings, generated from the rules of a version so they follow every policy change. Each condition
// becomes two two-valued formulas over the flat record of ./input.ts: "certainly true" and "possibly true" (Kleene
// logic, as the engine evaluates); a condition possibly but not certainly true is a judgment. The outcome order
// (scope, Principle 1, permitted cases, default) becomes forbid and permit policies, as docs/performance.md says.
import type { Version } from '../../src/core/engine.ts';
import type { Expr } from '../../src/core/policy-schema.ts';

/** The value of an attribute that is unknown: an unstated item attribute or end user, an unknown fact. */
export const UNKNOWN = '?';

export type Formula =
  | { op: 'const'; value: boolean }
  | { op: 'in'; attr: string; values: string[] }
  | { op: 'sameAs'; attr: string; other: string }
  | { op: 'has'; list: string; attr: string }
  | { op: 'atLeast' | 'atMost'; attr: string; value: number }
  | { op: 'and' | 'or'; parts: Formula[] }
  | { op: 'not'; part: Formula };

const TRUE: Formula = { op: 'const', value: true };
const FALSE: Formula = { op: 'const', value: false };
const isConst = (f: Formula, v: boolean) => f.op === 'const' && f.value === v;

function and(...parts: Formula[]): Formula {
  const kept = parts.filter((p) => !isConst(p, true));
  if (kept.some((p) => isConst(p, false))) return FALSE;
  return kept.length === 0 ? TRUE : kept.length === 1 ? kept[0] : { op: 'and', parts: kept };
}
function or(...parts: Formula[]): Formula {
  const kept = parts.filter((p) => !isConst(p, false));
  if (kept.some((p) => isConst(p, true))) return TRUE;
  return kept.length === 0 ? FALSE : kept.length === 1 ? kept[0] : { op: 'or', parts: kept };
}
function not(part: Formula): Formula {
  if (part.op === 'const') return { op: 'const', value: !part.value };
  return part.op === 'not' ? part.part : { op: 'not', part };
}

/** Attribute names of the flat record (letters, digits and '_', which both peers accept unquoted). */
export const attr = {
  item: (field: string) => `item_${field}`,
  fact: (id: string) => `fact_${id.replace(/[^A-Za-z0-9]/g, '_')}`,
  licensorFact: (id: string) => `licensorFact_${id.replace(/[^A-Za-z0-9]/g, '_')}`,
  covers: (id: string) => `covers_${id.replace(/[^A-Za-z0-9]/g, '_')}`,
};

/** A three-valued condition as two formulas: t holds when it is true, p when it is not false. */
interface Tri2 { t: Formula; p: Formula }

const strings = (v: boolean | string | string[] | undefined): string[] => (Array.isArray(v) ? v : [v ?? true]).map(String);
/** A test of a value that may be unknown: true when in the set, possibly true when unknown too. */
const test = (name: string, values: string[]): Tri2 => ({ t: { op: 'in', attr: name, values }, p: { op: 'in', attr: name, values: [...values, UNKNOWN] } });
const known = (f: Formula): Tri2 => ({ t: f, p: f });

/** Translates one condition; a construct the peers cannot express throws, so a new one fails the check loudly. */
export function translate(expr: Expr): Tri2 {
  if (typeof expr === 'boolean') return known(expr ? TRUE : FALSE);
  if ('all' in expr) {
    const parts = expr.all.map(translate);
    return { t: and(...parts.map((x) => x.t)), p: and(...parts.map((x) => x.p)) };
  }
  if ('any' in expr) {
    const parts = expr.any.map(translate);
    return { t: or(...parts.map((x) => x.t)), p: or(...parts.map((x) => x.p)) };
  }
  if ('not' in expr) {
    const inner = translate(expr.not);
    return { t: not(inner.p), p: not(inner.t) };
  }
  if ('fact' in expr) return test((expr.of === 'licensor' ? attr.licensorFact : attr.fact)(expr.fact), strings(expr.is));
  if ('item' in expr) return test(attr.item(expr.item), strings(expr.is));
  if ('purpose' in expr) return test('purpose', strings(expr.purpose));
  if ('transferor' in expr) return test('transferor', strings(expr.transferor));
  if ('covers' in expr) return test(attr.covers(expr.covers), ['true']);
  if ('endUser' in expr) return test('endUserType', strings(expr.is));
  if ('recipient' in expr) return known({ op: 'in', attr: 'recipient', values: expr.recipient });
  if ('recipientIn' in expr) {
    if (expr.recipientIn === 'licensor') {
      const same: Formula = { op: 'sameAs', attr: 'recipient', other: attr.item('licensor') };
      return { t: same, p: or(same, { op: 'in', attr: attr.item('licensor'), values: [UNKNOWN] }) };
    }
    const member: Formula = { op: 'has', list: 'partners', attr: 'recipient' };
    return { t: member, p: or(member, { op: 'in', attr: 'partnersGiven', values: ['false'] }) };
  }
  if ('asOf' in expr) {
    const day = (d: string) => Number(d.replaceAll('-', ''));
    return known(and(
      expr.asOf.from ? { op: 'atLeast', attr: 'asOf', value: day(expr.asOf.from) } : TRUE,
      expr.asOf.to ? { op: 'atMost', attr: 'asOf', value: day(expr.asOf.to) } : TRUE,
    ));
  }
  if ('judgment' in expr) return { t: FALSE, p: TRUE };
  throw new Error(`bench/peers/encode.ts cannot translate ${JSON.stringify(expr)}: teach translate() the new construct`);
}

/** A policy of a peer: forbid or permit, when the formula holds. Judgment permits are named "judgment:<rule>". */
export interface PeerRule {
  id: string;
  effect: 'forbid' | 'permit';
  when: Formula;
}

/**
 * The version's outcome order as deny-overrides policies: a scope rule that holds permits alone (one left open is a
 * judgment); then any prohibition that holds forbids; a permitted case that holds permits when no prohibition is
 * left open; otherwise every permitted case not ruled out is a judgment; nothing matching is the default.
 */
export function peerRules(version: Version): PeerRule[] {
  const rules = version.rules.map((c) => c.rule);
  const unsupported = rules.filter((r) => r.kind === 'exception' || r.defeats?.length || (r.kind === 'default' && r.outcome !== 'not_permitted'));
  if (unsupported.length) throw new Error(`bench/peers/encode.ts does not encode ${unsupported.map((r) => `${r.id} (${r.kind})`).join(', ')} of ${version.info.id}`);
  const of = (kind: string) => rules.filter((r) => r.kind === kind).map((r) => ({ id: r.id, ...translate(r.when) }));
  const scope = of('scope');
  const prohibitions = of('prohibition');
  const permissions = of('permission');
  const inScope = and(...scope.map((s) => not(s.p)));
  const notScopeTrue = and(...scope.map((s) => not(s.t)));
  const noProhibitionOpen = and(...prohibitions.map((p) => not(p.p)));
  const out: PeerRule[] = [
    ...scope.map((s) => ({ id: s.id, effect: 'permit' as const, when: s.t })),
    ...scope.map((s) => ({ id: `judgment:${s.id}`, effect: 'permit' as const, when: and(notScopeTrue, s.p) })),
    ...prohibitions.map((p) => ({ id: p.id, effect: 'forbid' as const, when: and(inScope, p.t) })),
    ...permissions.map((p) => ({ id: p.id, effect: 'permit' as const, when: and(inScope, p.t, noProhibitionOpen) })),
    ...permissions.map((p) => ({ id: `judgment:${p.id}`, effect: 'permit' as const, when: and(inScope, p.p) })),
  ];
  return out.filter((r) => !isConst(r.when, false));
}

/** Every attribute a formula reads, for building the flat record. */
export function attributes(f: Formula, out = new Set<string>()): Set<string> {
  switch (f.op) {
    case 'const': break;
    case 'in': case 'atLeast': case 'atMost': out.add(f.attr); break;
    case 'sameAs': out.add(f.attr).add(f.other); break;
    case 'has': out.add(f.list).add(f.attr); break;
    case 'and': case 'or': f.parts.forEach((p) => attributes(p, out)); break;
    case 'not': attributes(f.part, out); break;
  }
  return out;
}
