import { parseRequest } from '../../core/request.ts';
import { timeline } from '../../core/timeline.ts';
import { EXIT, json, parse, printProblems, today, type Io } from '../io.ts';
import { POLICY_OPTIONS, checkFormat, csv, defaultRegime } from '../analysis.ts';
import { REQUEST_OPTIONS, engineAndInput } from '../request-input.ts';

const OPTIONS = {
  regime: { type: 'string' },
  format: { type: 'string', default: 'text' },
  ...POLICY_OPTIONS,
  ...REQUEST_OPTIONS,
} as const;

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  checkFormat(values.format, ['json', 'csv', 'text']);
  const loaded = await engineAndInput(values, positionals, io);
  if (typeof loaded === 'number') return loaded;
  const { engine, ...read } = loaded;
  // A case file's regime is where it was decided, not a law to hold fixed across time: only --regime/--draft fix one.
  const regime = defaultRegime(values.regime, loaded.drafts);
  const parsed = parseRequest(read.input, { today: today(io) });
  const problems = parsed.ok ? [] : parsed.problems;
  if (regime && !engine.version(regime)) problems.push({ code: 'unknown_regime', path: 'regime', message: `no regime, revision or draft "${regime}"; see "gensoku regimes"` });
  if (!parsed.ok || problems.length) { printProblems(io, problems); return EXIT.usage; }
  const req = parsed.value;
  const segments = timeline(engine, req, { regime }).map(({ from, to, regime: r, revision, outcome, reasons }) => ({ from, to, regime: r, revision, outcome, reasons }));
  if (values.format === 'json') { io.stdout(json(segments)); return EXIT.ok; }
  if (values.format === 'csv') {
    io.stdout(csv(['from', 'to', 'regime', 'revision', 'outcome', 'reasons'], segments.map((s) => [s.from, s.to ?? '', s.regime, s.revision, s.outcome, s.reasons.join(';')])));
    return EXIT.ok;
  }
  const i = req.item;
  io.stdout(`${i.name ?? 'item'} to ${req.recipient}${req.purpose ? `, purpose ${req.purpose}` : ''}${regime ? `, always under ${regime}` : ''}\n`);
  for (const s of segments) {
    const mark = s.from <= req.asOf && (s.to === null || req.asOf <= s.to) ? '  <- ' + req.asOf : '';
    io.stdout(`  ${s.from}..${(s.to ?? '').padEnd(10)}  ${s.outcome.toUpperCase().replace('_', ' ').padEnd(17)}  ${s.revision.padEnd(12)}  ${s.reasons.join(', ')}${mark}\n`);
  }
  return EXIT.ok;
}
