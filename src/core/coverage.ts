import type { Engine } from './engine.ts';
import { factsIn } from './expr.ts';
import type { Text } from './model.ts';
import type { Expr } from './policy-schema.ts';

// How far the encoded law rests on primary sources and confirmed facts, and which legal questions it leaves open.

export interface OpenLegalQuestion {
  id: string; // the judgment id, or fact:<id> for a list that is not exhaustive
  question: Text;
  by: string;
  rules: string[]; // the rules that ask it
}

export interface Coverage {
  rules: number;
  rulesWithPrimarySource: number;
  rulesUnconfirmed: string[]; // rules whose reading is marked unconfirmed, or that belong to an unconfirmed regime
  factEntries: number;
  factEntriesConfirmed: number;
  questions: OpenLegalQuestion[];
}

function judgments(expr: Expr, out: { judgment: string; question: Text; by: string }[] = []): { judgment: string; question: Text; by: string }[] {
  if (typeof expr === 'boolean') return out;
  if ('all' in expr) expr.all.forEach((e) => judgments(e, out));
  else if ('any' in expr) expr.any.forEach((e) => judgments(e, out));
  else if ('not' in expr) judgments(expr.not, out);
  else if ('judgment' in expr) out.push(expr);
  return out;
}

export function coverage(engine: Engine): Coverage {
  const rules = engine.allRules();
  const primary = (id: string) => engine.sources.get(id)?.kind === 'primary';
  const unconfirmedRegimes = new Set(engine.regimes().filter((r) => !r.confirmed).map((r) => r.id));
  const questions = new Map<string, OpenLegalQuestion>();
  for (const r of rules) {
    for (const j of judgments(r.when)) {
      const q = questions.get(j.judgment) ?? { id: j.judgment, question: j.question, by: j.by, rules: [] };
      if (!q.rules.includes(r.id)) q.rules.push(r.id);
      questions.set(j.judgment, q);
    }
  }
  for (const f of engine.policy.facts) {
    if (f.exhaustive) continue;
    const readers = rules.filter((r) => factsIn(r.when).some((x) => x.fact === f.id)).map((r) => r.id);
    questions.set(`fact:${f.id}`, {
      id: `fact:${f.id}`, by: f.decidedBy ?? 'operator', rules: readers,
      question: { en: `Does "${f.title.en}" hold for a country the list does not record?`, ja: `一覧に記載のない国について「${f.title.ja}」が当てはまるか。` },
    });
  }
  const entries = engine.policy.facts.flatMap((f) => Object.values(f.series).flat());
  return {
    rules: rules.length,
    rulesWithPrimarySource: rules.filter((r) => r.citations.some(primary)).length,
    rulesUnconfirmed: rules.filter((r) => !r.confirmed || unconfirmedRegimes.has(r.revision)).map((r) => r.id),
    factEntries: entries.length,
    factEntriesConfirmed: entries.filter((e) => e.confirmed).length,
    questions: [...questions.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}
