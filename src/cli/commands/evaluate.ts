import { explain } from '../../core/explain.ts';
import { parseRequest } from '../../core/request.ts';
import type { Decision } from '../../core/model.ts';
import { EXIT, UsageError, json, parse, printProblems, today, type Io } from '../io.ts';
import { POLICY_OPTIONS, defaultRegime } from '../analysis.ts';
import { REQUEST_OPTIONS, engineAndInput } from '../request-input.ts';

const OPTIONS = {
  regime: { type: 'string' },
  format: { type: 'string', default: 'json' },
  lang: { type: 'string', default: 'en' },
  ...POLICY_OPTIONS,
  ...REQUEST_OPTIONS,
} as const;

/** The exit code of a decision, per the contract. */
export function exitCodeOf(d: Decision): number {
  return d.outcome === 'permissible' || d.outcome === 'out_of_scope' ? EXIT.ok : d.outcome === 'requires_judgment' ? EXIT.judgment : EXIT.refused;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  if (positionals.length > 1) throw new UsageError('evaluate takes at most one FILE');
  if (!['json', 'text'].includes(values.format!)) throw new UsageError('--format is json or text');
  if (!['en', 'ja'].includes(values.lang!)) throw new UsageError('--lang is en or ja');
  const loaded = await engineAndInput(values, positionals, io);
  if (typeof loaded === 'number') return loaded;
  const { engine, ...read } = loaded;
  // An explicit --regime wins, then a --draft overlay, then the regime named in a case file.
  const regime = defaultRegime(values.regime, loaded.drafts) ?? read.regime;
  const parsed = parseRequest(read.input, { today: today(io) });
  const problems = parsed.ok ? [] : parsed.problems;
  if (regime && !engine.version(regime)) problems.push({ code: 'unknown_regime', path: 'regime', message: `no regime, revision or draft "${regime}"; see "gensoku regimes"` });
  if (!parsed.ok || problems.length) { printProblems(io, problems); return EXIT.usage; }
  const decision = engine.evaluate(parsed.value, { regime });
  io.stdout(values.format === 'text' ? explain(engine, parsed.value, decision, values.lang as 'en' | 'ja') : json(decision));
  return exitCodeOf(decision);
}
