import { analyse, type Finding } from '../../core/analysis.ts';
import { compilePolicy } from '../../core/compile.ts';
import { coverage } from '../../core/coverage.ts';
import { runScenarios } from '../../core/scenarios.ts';
import { readPolicyWithDrafts } from '../../policy-files/drafts.ts';
import { uncategorisedPermissions } from '../../core/categories.ts';
import { todayInJapan } from '../../core/clock.ts';
import { loadItems } from '../../policy-files/items.ts';
import { EXIT, configOf, json, nowOf, parse, printProblems, type Io } from '../io.ts';
import { progressBar } from '../analysis.ts';

function witness(f: Finding): string {
  if (!f.witness) return '';
  const w = f.witness;
  return `\n      witness: ${JSON.stringify({ ...w, item: f.witnessItem ?? w.item })}${f.witnessRegime ? ` under ${f.witnessRegime}` : ''}`;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, {
    policy: { type: 'string' }, format: { type: 'string', default: 'text' }, draft: { type: 'string', multiple: true },
    'no-analysis': { type: 'boolean' },
  }, false);
  // Overlays given with --draft are validated exactly like the shipped policy, and analysed with it.
  const dir = values.policy ?? configOf(io).policyDir;
  const raw = readPolicyWithDrafts(dir, values.draft ?? []);
  if (!raw.ok) { printProblems(io, raw.problems, 'invalid policy'); return EXIT.invalidPolicy; }
  const compiled = compilePolicy(raw.value);
  if (!compiled.ok) { printProblems(io, compiled.problems, 'invalid policy'); return EXIT.invalidPolicy; }
  const items = loadItems(dir);
  if (!items.ok) { printProblems(io, items.problems, 'invalid item catalogue'); return EXIT.invalidPolicy; }
  const engine = compiled.value;
  // Every permission that could decide an approval from today on must say what the annual report counts it under.
  const today = todayInJapan(nowOf(io));
  const current = engine.regimes().filter((r) => r.kind !== 'draft' && (r.to === null || r.to >= today));
  const uncategorised = uncategorisedPermissions([...new Map(current.flatMap((r) => engine.version(r.id)!.rules).map((c) => [c.rule.id, c])).values()]);
  if (uncategorised.length) { printProblems(io, uncategorised, 'permissions without a report category (policy/categories.yaml)'); return EXIT.invalidPolicy; }
  const report = runScenarios(engine, raw.value.scenarios ?? []);
  const rules = engine.allRules().length;
  const factEntries = engine.policy.facts.reduce((n, f) => n + Object.values(f.series).reduce((m, s) => m + s.length, 0), 0);
  const analysis = values['no-analysis'] ? null : analyse(engine, items.value, { onProgress: progressBar(io, 'analysis', 1e9) });
  const cov = coverage(engine);
  const summary = {
    regimes: engine.regimes().length,
    rules,
    facts: engine.policy.facts.length,
    factEntries,
    sources: engine.policy.sources.length,
    items: items.value.length,
    scenarios: report.total,
    scenariosPassed: report.passed,
    problems: report.problems,
    coverage: cov,
    analysis: analysis && { points: analysis.points, versions: analysis.versions, findings: analysis.findings },
    policyDigest: engine.policyDigest,
  };
  const errors = analysis?.findings.filter((f) => f.severity === 'error') ?? [];
  if (values.format === 'json') io.stdout(json(summary));
  else {
    io.stdout(`policy ${engine.policyDigest}\n${summary.regimes} regimes/revisions/drafts, ${rules} rules, ${summary.facts} facts (${factEntries} dated values), ${summary.sources} sources, ${summary.items} item classes\n`);
    io.stdout(`scenarios: ${report.passed} passed, ${report.total - report.passed} failed\n`);
    const pct = (n: number, d: number) => `${d ? Math.round((100 * n) / d) : 0}%`;
    io.stdout(`coverage: ${cov.rulesWithPrimarySource}/${cov.rules} rules (${pct(cov.rulesWithPrimarySource, cov.rules)}) cite a primary source; `
      + `${cov.factEntriesConfirmed}/${cov.factEntries} dated fact values (${pct(cov.factEntriesConfirmed, cov.factEntries)}) confirmed; `
      + `${cov.rulesUnconfirmed.length} rules read without a confirmed text\n`);
    io.stdout(`open legal questions (${cov.questions.length}):\n`);
    for (const q of cov.questions) io.stdout(`  ${q.id} (${q.by}; ${q.rules.join(', ')}): ${q.question.en}\n`);
    if (analysis) {
      const count = (s: Finding['severity']) => analysis.findings.filter((f) => f.severity === s).length;
      io.stdout(`analysis: ${analysis.points} requests over ${analysis.versions} versions; ${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes\n`);
      for (const f of analysis.findings) io.stdout(`  ${f.severity} ${f.code}: ${f.message}${witness(f)}\n`);
    }
  }
  if (report.problems.length) { printProblems(io, report.problems, 'scenario failures'); return EXIT.invalidPolicy; }
  // Warnings describe the law as written (a rule dormant on today's facts is not a defect); only errors fail.
  if (errors.length) { printProblems(io, errors.map((f) => ({ code: f.code, path: f.rule ?? '(policy)', message: f.message })), 'analysis errors'); return EXIT.invalidPolicy; }
  return EXIT.ok;
}
