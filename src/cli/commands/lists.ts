// gensoku lists: import (parse, validate, summarise) and diff UN Consolidated List files.
import { EXIT, UsageError, json, parse, printProblems, type Io } from '../io.ts';
import { readListFile } from '../../screening/load-list.ts';
import { diffLists, summarizeList } from '../../screening/un-list.ts';

const USAGE = 'usage: gensoku lists import FILE [--format json|text]\n       gensoku lists diff OLD NEW [--format json|text]';

export async function run(argv: string[], io: Io): Promise<number> {
  try {
    return lists(argv, io);
  } catch (e) {
    // Usage problems are expected input problems: report them here, whoever called us.
    if (e instanceof UsageError) { io.stderr(`${e.message}\n`); return EXIT.usage; }
    throw e;
  }
}

function lists(argv: string[], io: Io): number {
  const { values, positionals } = parse(argv, { format: { type: 'string', default: 'text' } });
  const [sub, ...files] = positionals;
  if (values.format !== 'json' && values.format !== 'text') throw new UsageError(`--format must be json or text\n${USAGE}`);
  if (sub === 'import' && files.length === 1) {
    const r = readListFile(files[0]!);
    if (!r.ok) { printProblems(io, r.problems, `cannot import ${files[0]}`); return EXIT.usage; }
    const s = summarizeList(r.value);
    if (values.format === 'json') { io.stdout(json({ source: r.value.source, ...s })); return EXIT.ok; }
    io.stdout(`${r.value.source}, generated ${s.version}\n`);
    io.stdout(`  individuals: ${s.individuals}\n  entities: ${s.entities}\n  aliases: ${s.aliases}\n  names in original script: ${s.originalScriptNames}\n`);
    io.stdout(`  regimes: ${Object.entries(s.regimes).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
    return EXIT.ok;
  }
  if (sub === 'diff' && files.length === 2) {
    const a = readListFile(files[0]!);
    if (!a.ok) { printProblems(io, a.problems, `cannot read ${files[0]}`); return EXIT.usage; }
    const b = readListFile(files[1]!);
    if (!b.ok) { printProblems(io, b.problems, `cannot read ${files[1]}`); return EXIT.usage; }
    const d = diffLists(a.value, b.value);
    const brief = {
      fromVersion: d.fromVersion,
      toVersion: d.toVersion,
      added: d.added.map((e) => ({ referenceNumber: e.referenceNumber, name: e.name })),
      removed: d.removed.map((e) => ({ referenceNumber: e.referenceNumber, name: e.name })),
      changed: d.changed.map((c) => ({ referenceNumber: c.referenceNumber, name: c.after.name, fields: c.fields })),
    };
    if (values.format === 'json') { io.stdout(json(brief)); return EXIT.ok; }
    io.stdout(`${d.fromVersion} -> ${d.toVersion}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed\n`);
    for (const e of brief.added) io.stdout(`  + ${e.referenceNumber} ${e.name}\n`);
    for (const e of brief.removed) io.stdout(`  - ${e.referenceNumber} ${e.name}\n`);
    for (const c of brief.changed) io.stdout(`  ~ ${c.referenceNumber} ${c.name} (${c.fields.join(', ')})\n`);
    return EXIT.ok;
  }
  throw new UsageError(USAGE);
}
