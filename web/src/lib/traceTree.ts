// The decision's trace as a tree: rules grouped by kind in the order the engine weighs them, then the facts used.
import type { FactTrace, RuleTrace, TraceEntry } from '../api/types.ts';

export const KIND_ORDER: readonly RuleTrace['kind'][] = ['scope', 'prohibition', 'exception', 'permission', 'requirement', 'default'];

export interface RuleNode {
  entry: RuleTrace;
  /** One of the rules that decided the outcome. */
  deciding: boolean;
}

export interface KindGroup {
  kind: RuleTrace['kind'];
  rules: RuleNode[];
  fired: number;
}

export interface TraceTree {
  groups: KindGroup[];
  facts: FactTrace[];
  /** Ids of the rules tried, to look up their titles. */
  ruleIds: string[];
}

export function buildTraceTree(trace: readonly TraceEntry[], reasons: readonly string[]): TraceTree {
  const deciding = new Set(reasons);
  const byKind = new Map<RuleTrace['kind'], RuleNode[]>();
  const facts: FactTrace[] = [];
  for (const e of trace) {
    if (e.type === 'fact') {
      facts.push(e);
      continue;
    }
    const list = byKind.get(e.kind) ?? [];
    list.push({ entry: e, deciding: deciding.has(e.rule) });
    byKind.set(e.kind, list);
  }
  const groups = KIND_ORDER.filter((k) => byKind.has(k)).map((kind): KindGroup => {
    const rules = byKind.get(kind)!;
    // Deciding rules first, then those that fired, then the rest, each in the engine's order.
    const rank = (n: RuleNode) => (n.deciding ? 0 : n.entry.result === 'fired' ? 1 : n.entry.result === 'unknown' ? 2 : 3);
    const sorted = rules.map((n, i) => ({ n, i })).sort((a, b) => rank(a.n) - rank(b.n) || a.i - b.i).map((x) => x.n);
    return { kind, rules: sorted, fired: rules.filter((r) => r.entry.result === 'fired').length };
  });
  facts.sort((a, b) => a.of.localeCompare(b.of) || a.fact.localeCompare(b.fact));
  return { groups, facts, ruleIds: groups.flatMap((g) => g.rules.map((r) => r.entry.rule)) };
}

/** A fact's value as shown: yes / no / unknown for booleans, the value itself for enumerations. */
export function factValue(f: FactTrace): 'true' | 'false' | 'unknown' | string {
  if (f.value === null) return 'unknown';
  return typeof f.value === 'boolean' ? String(f.value) : f.value;
}

/** The fact a rule's test reads ("un-arms-embargo(recipient) = full" reads un-arms-embargo), or null for other tests. */
export function factOfTest(test: string): string | null {
  const m = /^([a-z0-9][a-z0-9._:-]*)\((recipient|licensor)\) /.exec(test);
  return m ? m[1] : null;
}
