// A version of the law as compiled: its rules with their closures, and the facts it reads. Types only, shared by
// the engine that builds versions and the evaluator that reads them.
import type { FactTable } from './facts.ts';
import type { Compiled } from './expr.ts';
import type { IsoDate, RuleKind, Text } from './model.ts';
import type { Rule } from './policy-schema.ts';

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
