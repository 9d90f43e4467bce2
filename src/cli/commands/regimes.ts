import { EXIT, json, parse, type Io } from '../io.ts';
import { engineOrExit } from '../policy.ts';

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { format: { type: 'string', default: 'text' }, lang: { type: 'string', default: 'en' }, policy: { type: 'string' } }, false);
  const engine = engineOrExit(io, values.policy);
  if (typeof engine === 'number') return engine;
  const lang = values.lang === 'ja' ? 'ja' : 'en';
  const list = engine.regimes();
  if (values.format === 'json') { io.stdout(json(list)); return EXIT.ok; }
  for (const r of list) {
    const span = r.kind === 'draft' ? `draft on ${r.base}` : `${r.from}..${r.to ?? ''}`;
    io.stdout(`${r.id.padEnd(36)} ${r.kind.padEnd(9)} ${span.padEnd(24)} ${r.title[lang]}${r.confirmed ? '' : ' [weakly sourced]'}\n`);
    io.stdout(`${''.padEnd(36)} sources: ${r.sources.map((s) => { const src = engine.sources.get(s); return src?.url ? `${s} <${src.url}>` : s; }).join(', ')}\n`);
  }
  return EXIT.ok;
}
