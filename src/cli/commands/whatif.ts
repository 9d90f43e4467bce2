import { OUTCOME_NAME } from '../../core/labels.ts';
import { parseRequest } from '../../core/request.ts';
import type { Lang, Outcome, Text } from '../../core/model.ts';
import { whatif, type Attempt, type Later, type WhatIf } from '../../core/whatif.ts';
import { EXIT, UsageError, json, parse, printProblems, today, type Io } from '../io.ts';
import { POLICY_OPTIONS, checkFormat, csv } from '../analysis.ts';
import { REQUEST_OPTIONS, engineAndInput } from '../request-input.ts';

const OPTIONS = {
  regime: { type: 'string' },
  format: { type: 'string', default: 'text' },
  lang: { type: 'string', default: 'en' },
  'no-pairs': { type: 'boolean' },
  ...POLICY_OPTIONS,
  ...REQUEST_OPTIONS,
} as const;

/** The fixed words of the text answer; the changes and reasons come worded from the core in both languages. */
const W = {
  outcome: (a: { outcome: Outcome; revision: string; reasons: string[] }): Text => ({
    en: `${a.outcome} under ${a.revision} (${a.reasons.join(', ')})`,
    ja: `${OUTCOME_NAME[a.outcome].ja} [${a.outcome}]（${a.revision}の規律：${a.reasons.join('、')}）`,
  }),
  nothing: { en: 'Already decided without a refusal: nothing to change.', ja: '移転を否定する結論ではないため、変えるべき点はない。' },
  singles: { en: 'Enough on its own (each re-evaluated):', ja: '単独で足りる変更（いずれも再判定で確認済み）：' },
  noSingle: { en: 'No single change is enough on the date asked.', ja: '判断日において単独で足りる変更はない。' },
  pairs: { en: 'Enough together (neither alone is):', ja: '組み合わせれば足りる変更（いずれも単独では足りない）：' },
  and: { en: ' AND ', ja: ' かつ ' },
  onDate: (d: string): Text => ({ en: ` on ${d}`, ja: `（${d}時点）` }),
  laterHead: (d: string): Text => ({ en: `Not enough on ${d}, but enough later:`, ja: `${d}時点では足りないが、後日であれば足りる変更：` }),
  fromDate: (d: string, o: string): Text => ({ en: `from ${d}: ${o}`, ja: `${d}以降：${o}` }),
  notEnoughHead: (d: string): Text => ({ en: `Not enough on ${d} on its own:`, ja: `${d}時点で単独では足りない変更：` }),
  outcomeWhy: (o: Outcome, why: string): Text => ({ en: `${o}: ${why}`, ja: `${OUTCOME_NAME[o].ja} [${o}]：${why}` }),
  with: (list: string[]): Text => ({ en: `enough together with: ${list.join('; ')}`, ja: `次の変更と組み合わせれば足りる：${list.join('／')}` }),
  later: (l: Later): Text => ({
    en: `later: ${l.outcome} from ${l.from} under ${l.revision} (${l.reasons.join(', ')})${l.open.length ? `, open: ${l.open.join(', ')}` : ''}`,
    ja: `後日：${l.from}以降、${l.revision}の規律により${OUTCOME_NAME[l.outcome].ja} [${l.outcome}]（${l.reasons.join('、')}）${l.open.length ? `。未決事項：${l.open.join('、')}` : ''}`,
  }),
  tried: (n: number): Text => ({ en: `${n} variants evaluated.`, ja: `${n}通りの変更案を再判定した。` }),
};

function text(w: WhatIf, lang: Lang): string {
  const r = w.request;
  const say = (t: Text) => t[lang];
  const lines = [`${say(w.summary)}${lang === 'ja' ? '：' : ': '}${say(W.outcome(w.decision))}`];
  if (w.decision.outcome === 'permissible' || w.decision.outcome === 'out_of_scope') {
    lines.push(say(W.nothing));
    return `${lines.join('\n')}\n`;
  }
  const change = (a: Attempt) => a.changes.map((c) => say(c.text)).join(say(W.and));
  const singles = w.enough.filter((a) => a.changes.length === 1);
  const pairs = w.enough.filter((a) => a.changes.length > 1);
  lines.push('', say(singles.length ? W.singles : W.noSingle));
  for (const a of singles) lines.push(`  + ${change(a)}\n      -> ${say(W.outcome(a))}${a.asOf !== r.asOf ? say(W.onDate(a.asOf)) : ''}`);
  if (pairs.length) {
    lines.push('', say(W.pairs));
    for (const a of pairs) lines.push(`  + ${change(a)}\n      -> ${say(W.outcome(a))}`);
  }
  if (w.enoughLater.length) {
    lines.push('', say(W.laterHead(r.asOf)));
    for (const a of w.enoughLater) lines.push(`  + ${change(a)}\n      -> ${say(W.fromDate(a.asOf, say(W.outcome(a))))}`);
  }
  if (w.notEnough.length) {
    lines.push('', say(W.notEnoughHead(r.asOf)));
    for (const s of w.notEnough) {
      lines.push(`  - ${change(s)}\n      -> ${say(W.outcomeWhy(s.outcome, say(s.why)))}`);
      if (s.enoughWith.length) lines.push(`      ${say(W.with(s.enoughWith.map(say)))}`);
      if (s.later) lines.push(`      ${say(W.later(s.later))}`);
    }
  }
  lines.push('', say(W.tried(w.tried)));
  return `${lines.join('\n')}\n`;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  checkFormat(values.format, ['json', 'csv', 'text']);
  if (!['en', 'ja'].includes(values.lang!)) throw new UsageError('--lang is en or ja');
  const lang = values.lang as Lang;
  const loaded = await engineAndInput(values, positionals, io);
  if (typeof loaded === 'number') return loaded;
  const { engine, ...read } = loaded;
  // What-if starts from the law the request is decided under: --regime, else the law of its date (not a case file's draft).
  const regime = values.regime;
  const parsed = parseRequest(read.input, { today: today(io) });
  const problems = parsed.ok ? [] : parsed.problems;
  if (regime && !engine.version(regime)) problems.push({ code: 'unknown_regime', path: 'regime', message: `no regime, revision or draft "${regime}"; see "gensoku regimes"` });
  if (!parsed.ok || problems.length) { printProblems(io, problems); return EXIT.usage; }
  const w = whatif(engine, parsed.value, { regime, pairs: !values['no-pairs'] });
  if (values.format === 'json') io.stdout(json(w));
  else if (values.format === 'csv') {
    const rows = [
      ...w.enoughLater.map((a) => ['enough_later', a.changes.map((c) => c.path).join(' + '), a.changes.map((c) => show(c.to)).join(' + '), a.asOf, a.revision, a.outcome, a.reasons.join(';'), '']),
      ...w.enough.map((a) => ['enough', a.changes.map((c) => c.path).join(' + '), a.changes.map((c) => show(c.to)).join(' + '), a.asOf, a.revision, a.outcome, a.reasons.join(';'), '']),
      ...w.notEnough.map((s) => ['not_enough', s.changes.map((c) => c.path).join(' + '), s.changes.map((c) => show(c.to)).join(' + '), s.asOf, s.revision, s.outcome, s.blockedBy.join(';'), s.why[lang]]),
    ];
    io.stdout(csv(['result', 'change', 'to', 'asOf', 'revision', 'outcome', 'rules', 'why'], rows));
  } else io.stdout(text(w, lang));
  return EXIT.ok;
}

function show(v: unknown): string {
  return v === undefined || v === null ? '' : Array.isArray(v) ? v.join('+') : String(v);
}
