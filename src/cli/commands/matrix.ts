import { ALL_COUNTRIES } from '../../core/domain.ts';
import { matrix } from '../../core/matrix.ts';
import { parseContext } from '../../core/request.ts';
import type { EndUserType, Outcome, Purpose } from '../../core/model.ts';
import { EXIT, json, parse, printProblems, today, type Io } from '../io.ts';
import { POLICY_OPTIONS, checkFormat, csv, defaultRegime, engineAndItems, progressBar } from '../analysis.ts';

const OPTIONS = {
  'as-of': { type: 'string' },
  regime: { type: 'string' },
  item: { type: 'string', multiple: true },
  purpose: { type: 'string' },
  'end-user-type': { type: 'string' },
  transferor: { type: 'string' },
  format: { type: 'string', default: 'text' },
  ...POLICY_OPTIONS,
} as const;

export const OUTCOME_LETTER: Record<Outcome, string> = { permissible: 'P', not_permitted: '.', prohibited: 'X', requires_judgment: '?', out_of_scope: 'o' };
export const LEGEND = 'P permissible  . not permitted  X prohibited  ? requires judgment  o out of scope';

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, OPTIONS, false);
  checkFormat(values.format, ['json', 'csv', 'text']);
  const loaded = engineAndItems(io, values);
  if (typeof loaded === 'number') return loaded;
  const { engine, items } = loaded;
  const regime = defaultRegime(values.regime, loaded.drafts);
  // The request schema checks the date, purpose and end-user type exactly as evaluate does.
  const probe = parseContext({
    asOf: values['as-of'], purpose: values.purpose, transferor: values.transferor,
    ...(values['end-user-type'] ? { endUser: { type: values['end-user-type'] } } : {}),
  }, { today: today(io) });
  const problems = probe.ok ? [] : probe.problems.map((p) => ({ ...p, path: p.path === 'asOf' ? '--as-of' : p.path === 'endUser.type' ? '--end-user-type' : `--${p.path}` }));
  if (regime && !engine.version(regime)) problems.push({ code: 'unknown_regime', path: '--regime', message: `no regime, revision or draft "${regime}"; see "gensoku regimes"` });
  if (!probe.ok || problems.length) { printProblems(io, problems); return EXIT.usage; }
  const asOf = probe.value.asOf;
  const m = matrix(engine, {
    asOf, items, regime, purpose: values.purpose as Purpose | undefined, endUserType: values['end-user-type'] as EndUserType | undefined,
    transferor: probe.value.transferor,
    onProgress: progressBar(io, 'matrix', ALL_COUNTRIES.length * items.length),
  });
  if (values.format === 'json') { io.stdout(json(m.cells)); return EXIT.ok; }
  if (values.format === 'csv') {
    io.stdout(csv(['recipient', 'item', 'outcome', 'reasons'], m.cells.map((c) => [c.recipient, c.item, c.outcome, c.reasons.join(';')])));
    return EXIT.ok;
  }
  io.stdout(`${m.revision === m.regime ? m.regime : `${m.regime} as revised ${m.revision}`} on ${asOf}, purpose ${m.purpose ?? 'none'}${values['end-user-type'] ? `, end user ${values['end-user-type']}` : ''}\n`);
  items.forEach((c, i) => io.stdout(`  ${String(i + 1).padStart(2)} ${c.id}\n`));
  io.stdout(`\n     ${items.map((_, i) => String(i + 1).padStart(2)).join(' ')}\n`);
  for (let r = 0; r < m.cells.length; r += items.length) {
    const row = m.cells.slice(r, r + items.length);
    io.stdout(`  ${row[0].recipient} ${row.map((c) => ` ${OUTCOME_LETTER[c.outcome]}`).join(' ')}\n`);
  }
  const counts = new Map<Outcome, number>();
  for (const c of m.cells) counts.set(c.outcome, (counts.get(c.outcome) ?? 0) + 1);
  io.stdout(`\n${LEGEND}\n${m.cells.length} cells: ${[...counts].map(([o, n]) => `${n} ${o}`).join(', ')}\n`);
  return EXIT.ok;
}
