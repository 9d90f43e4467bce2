import { compilePolicy } from '../../core/compile.ts';
import { runScenarios } from '../../core/scenarios.ts';
import { readPolicy } from '../../policy-files/load.ts';
import { EXIT, json, parse, printProblems, type Io } from '../io.ts';

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { policy: { type: 'string' }, format: { type: 'string', default: 'text' } }, false);
  const raw = readPolicy(values.policy ?? process.env.GENSOKU_POLICY ?? undefined);
  if (!raw.ok) { printProblems(io, raw.problems, 'invalid policy'); return EXIT.invalidPolicy; }
  const compiled = compilePolicy(raw.value);
  if (!compiled.ok) { printProblems(io, compiled.problems, 'invalid policy'); return EXIT.invalidPolicy; }
  const engine = compiled.value;
  const report = runScenarios(engine, raw.value.scenarios ?? []);
  const rules = engine.allRules().length;
  const factEntries = engine.policy.facts.reduce((n, f) => n + Object.values(f.series).reduce((m, s) => m + s.length, 0), 0);
  const summary = {
    regimes: engine.regimes().length,
    rules,
    facts: engine.policy.facts.length,
    factEntries,
    sources: engine.policy.sources.length,
    scenarios: report.total,
    scenariosPassed: report.passed,
    problems: report.problems,
    policyDigest: engine.policyDigest,
  };
  if (values.format === 'json') io.stdout(json(summary));
  else {
    io.stdout(`policy ${engine.policyDigest}\n${summary.regimes} regimes/revisions/drafts, ${rules} rules, ${summary.facts} facts (${factEntries} dated values), ${summary.sources} sources\n`);
    io.stdout(`scenarios: ${report.passed} passed, ${report.total - report.passed} failed\n`);
  }
  if (report.problems.length) { printProblems(io, report.problems, 'scenario failures'); return EXIT.invalidPolicy; }
  return EXIT.ok;
}
