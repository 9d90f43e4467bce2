import { country } from '../../core/countries.ts';
import { EXIT, UsageError, json, parse, today, type Io } from '../io.ts';
import { engineOrExit } from '../policy.ts';
import { parseRequest } from '../../core/request.ts';

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { 'as-of': { type: 'string' }, format: { type: 'string', default: 'text' }, lang: { type: 'string', default: 'en' }, policy: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('usage: gensoku facts CC [--as-of YYYY-MM-DD]');
  const cc = positionals[0].toUpperCase();
  // Reuse the request validation so the country and date rules are the same everywhere.
  const check = parseRequest({ recipient: cc, asOf: values['as-of'], item: {} }, { today: today(io) });
  if (!check.ok) { for (const p of check.problems) io.stderr(`${p.path === 'recipient' ? 'country' : p.path === 'asOf' ? '--as-of' : p.path}: ${p.message}\n`); return EXIT.usage; }
  const engine = engineOrExit(io, values.policy);
  if (typeof engine === 'number') return engine;
  const asOf = check.value.asOf;
  const facts = engine.factsOf(cc, asOf);
  if (values.format === 'json') { io.stdout(json({ country: cc, asOf, facts })); return EXIT.ok; }
  const lang = values.lang === 'ja' ? 'ja' : 'en';
  io.stdout(`${country(cc)!.name[lang]} (${cc}) on ${asOf}\n`);
  for (const f of facts) {
    const doc = engine.factDocs.get(f.fact)!;
    const value = f.value === null ? 'unknown' : String(f.value);
    const cite = f.source ? `${f.from}..${f.to ?? ''} ${engine.sources.get(f.source)?.url ?? f.source}${f.confirmed ? '' : ' [unconfirmed]'}` : `no entry: ${doc.defaultNote[lang]} (list of ${doc.listDate})`;
    io.stdout(`  ${doc.title[lang]}: ${value}\n      ${cite}${f.note ? `\n      ${f.note}` : ''}\n`);
  }
  return EXIT.ok;
}
