import { EXIT, json, parse, type Io } from '../io.ts';
import { catalogueOrExit, checkFormat, csv } from '../analysis.ts';

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { format: { type: 'string', default: 'text' }, lang: { type: 'string', default: 'en' }, policy: { type: 'string' } }, false);
  checkFormat(values.format, ['json', 'csv', 'text']);
  const items = catalogueOrExit(io, values.policy);
  if (typeof items === 'number') return items;
  const lang = values.lang === 'ja' ? 'ja' : 'en';
  if (values.format === 'json') { io.stdout(json(items)); return EXIT.ok; }
  const attrs = (c: (typeof items)[number]) => {
    const i = c.item;
    return [
      i.defenseEquipment === false ? 'not defense equipment' : i.weapon ? 'weapon' : 'non-weapon',
      i.form, i.function, i.origin,
      i.licensor ? `licensor ${i.licensor}` : '', i.partners?.length ? `partners ${i.partners.join('+')}` : '',
      i.program ? `program ${i.program}` : '', i.munitionType && i.munitionType !== 'other' ? i.munitionType : '',
    ].filter(Boolean).join(', ');
  };
  if (values.format === 'csv') {
    io.stdout(csv(['id', 'name', 'controlList', 'attributes', 'summary', 'source'], items.map((c) => [c.id, c.name[lang], c.controlList ?? 'none', attrs(c), c.summary[lang], c.source])));
    return EXIT.ok;
  }
  const w = Math.max(...items.map((c) => c.id.length));
  for (const c of items) io.stdout(`${c.id.padEnd(w)}  ${(c.controlList ?? '-').padEnd(4)}  ${c.name[lang]}\n${''.padEnd(w)}  ${''.padEnd(4)}  ${attrs(c)}\n`);
  io.stdout(`${items.length} item classes; "gensoku evaluate --item ID --to CC" evaluates one\n`);
  return EXIT.ok;
}
