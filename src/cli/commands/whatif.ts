import { parseRequest } from '../../core/request.ts';
import { whatif, type Attempt, type WhatIf } from '../../core/whatif.ts';
import { EXIT, json, parse, printProblems, todayInJapan, type Io } from '../io.ts';
import { POLICY_OPTIONS, catalogueOrExit, checkFormat, csv, engineWithDrafts } from '../analysis.ts';
import { REQUEST_OPTIONS, requestInput } from '../request-input.ts';

const OPTIONS = {
  regime: { type: 'string' },
  format: { type: 'string', default: 'text' },
  'no-pairs': { type: 'boolean' },
  ...POLICY_OPTIONS,
  ...REQUEST_OPTIONS,
} as const;

const outcomeText = (a: { outcome: string; revision: string; reasons: string[] }) => `${a.outcome} under ${a.revision} (${a.reasons.join(', ')})`;

function text(w: WhatIf): string {
  const r = w.request;
  const lines = [
    `${r.item.name ?? 'item'} to ${r.recipient} on ${r.asOf}${r.purpose ? `, purpose ${r.purpose}` : ''}: ${outcomeText(w.decision)}`,
  ];
  if (w.decision.outcome === 'permissible' || w.decision.outcome === 'out_of_scope') {
    lines.push('Already decided without a refusal: nothing to change.');
    return `${lines.join('\n')}\n`;
  }
  const change = (a: Attempt) => a.changes.map((c) => c.text).join(' AND ');
  const singles = w.enough.filter((a) => a.changes.length === 1);
  const pairs = w.enough.filter((a) => a.changes.length > 1);
  lines.push('', singles.length ? 'Enough on its own (each re-evaluated):' : 'No single change is enough on the date asked.');
  for (const a of singles) lines.push(`  + ${change(a)}\n      -> ${outcomeText(a)}${a.asOf !== r.asOf ? ` on ${a.asOf}` : ''}`);
  if (pairs.length) {
    lines.push('', 'Enough together (neither alone is):');
    for (const a of pairs) lines.push(`  + ${change(a)}\n      -> ${outcomeText(a)}`);
  }
  if (w.enoughLater.length) {
    lines.push('', `Not enough on ${r.asOf}, but enough later:`);
    for (const a of w.enoughLater) lines.push(`  + ${change(a)}\n      -> from ${a.asOf}: ${outcomeText(a)}`);
  }
  if (w.notEnough.length) {
    lines.push('', `Not enough on ${r.asOf} on its own:`);
    for (const s of w.notEnough) {
      lines.push(`  - ${change(s)}\n      -> ${s.outcome}: ${s.why}`);
      if (s.enoughWith.length) lines.push(`      enough together with: ${s.enoughWith.join('; ')}`);
      if (s.later) lines.push(`      later: ${s.later.outcome} from ${s.later.from} under ${s.later.revision} (${s.later.reasons.join(', ')})${s.later.open.length ? `, open: ${s.later.open.join(', ')}` : ''}`);
    }
  }
  lines.push('', `${w.tried} variants evaluated.`);
  return `${lines.join('\n')}\n`;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  checkFormat(values.format, ['json', 'csv', 'text']);
  const loaded = engineWithDrafts(io, values.policy, values.draft);
  if (typeof loaded === 'number') return loaded;
  const { engine } = loaded;
  const read = await requestInput(values, positionals, io.stdin, () => catalogueOrExit(io, values.policy));
  if (typeof read === 'number') return read;
  if (Array.isArray(read)) { printProblems(io, read); return EXIT.usage; }
  // What-if starts from the law the request is decided under: --regime, else the law of its date (not a case file's draft).
  const regime = values.regime;
  const parsed = parseRequest(read.input, { today: todayInJapan() });
  const problems = parsed.ok ? [] : parsed.problems;
  if (regime && !engine.version(regime)) problems.push({ code: 'unknown_regime', path: 'regime', message: `no regime, revision or draft "${regime}"; see "gensoku regimes"` });
  if (!parsed.ok || problems.length) { printProblems(io, problems); return EXIT.usage; }
  const w = whatif(engine, parsed.value, { regime, pairs: !values['no-pairs'] });
  if (values.format === 'json') io.stdout(json(w));
  else if (values.format === 'csv') {
    const rows = [
      ...w.enoughLater.map((a) => ['enough_later', a.changes.map((c) => c.path).join(' + '), a.changes.map((c) => show(c.to)).join(' + '), a.asOf, a.revision, a.outcome, a.reasons.join(';'), '']),
      ...w.enough.map((a) => ['enough', a.changes.map((c) => c.path).join(' + '), a.changes.map((c) => show(c.to)).join(' + '), a.asOf, a.revision, a.outcome, a.reasons.join(';'), '']),
      ...w.notEnough.map((s) => ['not_enough', s.changes.map((c) => c.path).join(' + '), s.changes.map((c) => show(c.to)).join(' + '), s.asOf, s.revision, s.outcome, s.blockedBy.join(';'), s.why]),
    ];
    io.stdout(csv(['result', 'change', 'to', 'asOf', 'revision', 'outcome', 'rules', 'why'], rows));
  } else io.stdout(text(w));
  return EXIT.ok;
}

function show(v: unknown): string {
  return v === undefined || v === null ? '' : Array.isArray(v) ? v.join('+') : String(v);
}
