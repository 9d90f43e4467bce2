import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '../api/types.ts';
import { buildTraceTree, factOfTest, factValue } from './traceTree.ts';

const rule = (rule: string, kind: 'prohibition' | 'permission' | 'default' | 'exception', result: 'fired' | 'not_fired' | 'unknown' | 'defeated'): TraceEntry => ({
  type: 'rule', rule, kind, revision: '2014-04-01', result, tests: [], citations: ['three-principles-2014'],
});

const trace: TraceEntry[] = [
  rule('C-default', 'default', 'fired'),
  rule('C-p1-unsc', 'prohibition', 'not_fired'),
  rule('C-p2-peace', 'permission', 'not_fired'),
  rule('C-2022-ukraine-non-lethal', 'permission', 'fired'),
  rule('C-ex', 'exception', 'unknown'),
  { type: 'fact', fact: 'under-aggression', of: 'UA', value: true, from: '2022-03-08', to: null, source: 'nsc-2022-03-08-ukraine', confirmed: true },
  { type: 'fact', fact: 'transfer-agreement', of: 'UA', value: null, from: null, to: null, source: null, confirmed: true },
];

describe('trace tree', () => {
  it('groups rules by kind in the order the engine weighs them', () => {
    const tree = buildTraceTree(trace, ['C-2022-ukraine-non-lethal']);
    expect(tree.groups.map((g) => g.kind)).toEqual(['prohibition', 'exception', 'permission', 'default']);
    expect(tree.groups.find((g) => g.kind === 'permission')?.fired).toBe(1);
  });

  it('puts the deciding rule first in its group and flags it', () => {
    const perm = buildTraceTree(trace, ['C-2022-ukraine-non-lethal']).groups.find((g) => g.kind === 'permission')!;
    expect(perm.rules.map((r) => [r.entry.rule, r.deciding])).toEqual([['C-2022-ukraine-non-lethal', true], ['C-p2-peace', false]]);
  });

  it('keeps facts apart, with unknown values shown as unknown', () => {
    const tree = buildTraceTree(trace, []);
    expect(tree.facts.map((f) => f.fact)).toEqual(['transfer-agreement', 'under-aggression']);
    expect(tree.facts.map(factValue)).toEqual(['unknown', 'true']);
    expect(tree.ruleIds).toHaveLength(5);
  });

  it('handles an empty trace', () => {
    expect(buildTraceTree([], [])).toEqual({ groups: [], facts: [], ruleIds: [] });
  });

  it('tells which fact a rule’s test reads', () => {
    expect(factOfTest('un-arms-embargo(recipient) in [targeted, regional]')).toBe('un-arms-embargo');
    expect(factOfTest('partner-f35(licensor) = true')).toBe('partner-f35');
    expect(factOfTest('item.weapon = true')).toBeNull();
    expect(factOfTest('recipient in item.partners')).toBeNull();
    expect(factOfTest('judgment: very-small-impact')).toBeNull();
  });
});
