// gensoku lists: download or import the UN Consolidated List into the database (diffed against the stored one, open
// cases re-screened), show what is stored, or parse, summarise and diff files without a database.
import { basename } from 'node:path';
import { listUpdateView, updateList } from '../../cases/list-update.ts';
import { formatOfFile, importList, listImportView, readListText, validateListContent, validateListXml, type ListImportReport } from '../../cases/lists.ts';
import { readListFile } from '../../screening/load-list.ts';
import { diffLists, summarizeList } from '../../screening/un-list.ts';
import { DataDirLocked } from '../../store/lock.ts';
import { describeStore, openStore } from '../../store/open.ts';
import type { Store } from '../../cases/store-port.ts';
import { commandHelp } from '../help.ts';
import { EXIT, UsageError, configOf, json, nowOf, parse, printProblems, type Io } from '../io.ts';
import { cliActor } from './users.ts';

const USAGE = commandHelp('lists');

const OPTIONS = {
  format: { type: 'string', default: 'text' },
  'dry-run': { type: 'boolean' },
  'allow-older': { type: 'boolean' },
  url: { type: 'string' },
} as const;

/** Most entries printed per kind of change in text; JSON has them all. */
const SHOWN = 25;

export async function run(argv: string[], io: Io): Promise<number> {
  try {
    return await lists(argv, io);
  } catch (e) {
    // Usage problems are expected input problems: report them here, whoever called us.
    if (e instanceof UsageError) { io.stderr(`${e.message}\n`); return EXIT.usage; }
    throw e;
  }
}

/** Opens the server's database; a PGlite directory held by a running server is refused with a way forward. */
async function withDatabase(io: Io, fn: (store: Store) => Promise<number>): Promise<number> {
  const config = configOf(io);
  let store: Store;
  try {
    store = await openStore(config);
  } catch (err) {
    if (err instanceof DataDirLocked) {
      io.stderr(`${err.message}\nthe server is running on this database: import or update through it instead (PUT /api/v1/screening/list or POST /api/v1/screening/list/update as an admin), or stop it first\n`);
    } else {
      io.stderr(`cannot open the database (${describeStore(config)}): ${(err as Error).message}\n`);
    }
    return EXIT.usage;
  }
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

function more(io: Io, n: number) {
  if (n > SHOWN) io.stdout(`    ... and ${n - SHOWN} more (--format json lists them all)\n`);
}

function printReport(io: Io, r: ListImportReport) {
  const l = r.list;
  if (r.unchanged) {
    io.stdout(`${l.source}, generated ${l.version}: already in use as list #${l.id} (imported ${l.importedAt} by ${l.importedBy}); nothing stored\n`);
  } else {
    io.stdout(`imported ${l.source}, generated ${l.version}, as list #${l.id}: ${l.individuals} individuals, ${l.entities} entities, ${l.aliases} aliases\n`);
    const c = r.changes;
    if (c.fromVersion === null) {
      io.stdout(`  the first list stored: ${c.added.length} entries\n`);
    } else {
      io.stdout(`  changes since ${c.fromVersion} (list #${r.previous!.id}): ${c.added.length} added, ${c.removed.length} removed, ${c.changed.length} changed\n`);
      for (const e of c.added.slice(0, SHOWN)) io.stdout(`    + ${e.referenceNumber} ${e.name}\n`);
      more(io, c.added.length);
      for (const e of c.removed.slice(0, SHOWN)) io.stdout(`    - ${e.referenceNumber} ${e.name}\n`);
      more(io, c.removed.length);
      for (const e of c.changed.slice(0, SHOWN)) io.stdout(`    ~ ${e.referenceNumber} ${e.name} (${e.fields.join(', ')})\n`);
      more(io, c.changed.length);
    }
  }
  const s = r.rescreen;
  const flagged = s.cases.filter((x) => x.newHits.length > 0);
  io.stdout(`re-screened ${s.screened} open case${s.screened === 1 ? '' : 's'}: ${flagged.length} with new hits, ${s.held} on hold\n`);
  for (const x of s.cases) {
    const state = x.hold ? (x.wasHeld ? 'still on hold' : 'now ON HOLD') : 'no longer on hold';
    io.stdout(`  ${x.reference} (${x.status.replace(/_/g, ' ')}) ${state}\n`);
    for (const h of x.newHits) io.stdout(`    new hit: ${h.party} "${h.name}" ~ ${h.referenceNumber} ${h.listedName} (${h.score.toFixed(2)})\n`);
    for (const h of x.clearedHits) io.stdout(`    cleared: ${h.party} ~ ${h.referenceNumber}\n`);
  }
}

async function importCommand(file: string, values: { format?: string; 'dry-run'?: boolean; 'allow-older'?: boolean }, io: Io): Promise<number> {
  if (values['dry-run']) {
    if (values['allow-older']) throw new UsageError(`--allow-older means nothing with --dry-run\n${USAGE}`);
    const r = readListFile(file);
    if (!r.ok) { printProblems(io, r.problems, `cannot import ${file}`); return EXIT.usage; }
    const s = summarizeList(r.value);
    if (values.format === 'json') { io.stdout(json({ source: r.value.source, ...s })); return EXIT.ok; }
    io.stdout(`${r.value.source}, generated ${s.version} (dry run: nothing stored)\n`);
    io.stdout(`  individuals: ${s.individuals}\n  entities: ${s.entities}\n  aliases: ${s.aliases}\n  names in original script: ${s.originalScriptNames}\n`);
    io.stdout(`  regimes: ${Object.entries(s.regimes).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
    return EXIT.ok;
  }
  // The file is checked before the database is opened: a bad file is refused, with its reasons, whatever the database.
  const text = readListText(file);
  if (!text.ok) { printProblems(io, text.problems, `cannot import ${file}`); return EXIT.usage; }
  const format = formatOfFile(file);
  const parsed = validateListContent(text.value, format);
  if (!parsed.ok) { printProblems(io, parsed.problems, `cannot import ${file}; the stored list is unchanged`); return EXIT.usage; }
  return withDatabase(io, async (store) => {
    const actor = cliActor();
    const r = await importList({ store, screening: { current: null } }, { actor: { id: '', username: actor, role: 'admin', org: null } }, text.value, {
      origin: `file:${basename(file)}`, allowOlder: values['allow-older'] === true, parsed: parsed.value, format,
    });
    if (!r.ok) {
      printProblems(io, r.problems, `cannot import ${file}; the stored list is unchanged`);
      if (r.problems[0]?.code === 'list_older') io.stderr('  add --allow-older to go back to it on purpose\n');
      return EXIT.usage;
    }
    if (values.format === 'json') io.stdout(json(listImportView(r.value)));
    else printReport(io, r.value);
    return EXIT.ok;
  });
}

/** Downloads the list and imports it when it changed; a failure changes nothing and exits 1. */
async function updateCommand(url: string, format: string, io: Io): Promise<number> {
  return withDatabase(io, async (store) => {
    const r = await updateList({ store, screening: { current: null }, now: () => nowOf(io) }, { actor: { id: '', username: cliActor(), role: 'admin', org: null } }, url);
    if (!r.ok) {
      printProblems(io, r.problems, `cannot update the list from ${url}; the list in use is unchanged`);
      return EXIT.usage;
    }
    const u = r.value;
    if (format === 'json') io.stdout(json(listUpdateView(u)));
    else if (u.status === 'unchanged') io.stdout(`${url}: unchanged${u.list ? ` (list #${u.list.id}, generated ${u.list.version})` : ''}; nothing stored\n`);
    else printReport(io, u.report);
    return EXIT.ok;
  });
}

async function lists(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  const [sub, ...files] = positionals;
  if (values.format !== 'json' && values.format !== 'text') throw new UsageError(`--format must be json or text\n${USAGE}`);
  if ((values['dry-run'] || values['allow-older']) && sub !== 'import') throw new UsageError(`--dry-run and --allow-older go with import\n${USAGE}`);
  if (values.url !== undefined && sub !== 'update') throw new UsageError(`--url goes with update\n${USAGE}`);
  if (sub === 'update' && files.length === 0) {
    const url = values.url ?? configOf(io).listUrl;
    if (!/^https?:\/\/\S+$/i.test(url)) throw new UsageError(`--url takes an http:// or https:// URL, not "${url}"`);
    return updateCommand(url, values.format, io);
  }
  if (sub === 'import' && files.length === 1) return importCommand(files[0]!, values, io);
  if (sub === 'history' && files.length === 0) {
    return withDatabase(io, async (store) => {
      const history = await store.screening.listHistory(100);
      if (values.format === 'json') { io.stdout(json(history)); return EXIT.ok; }
      if (history.length === 0) { io.stdout('no list stored: gensoku lists import FILE\n'); return EXIT.ok; }
      // Newest first: the first import of each list met is the one in use.
      const seen = new Set<string>();
      for (const l of history) {
        const inUse = !seen.has(l.source);
        seen.add(l.source);
        io.stdout(`#${l.id} ${l.source} ${l.version}  ${l.individuals + l.entities} entries  imported ${l.importedAt} by ${l.importedBy} from ${l.origin}${inUse ? '  (in use)' : ''}\n`);
      }
      return EXIT.ok;
    });
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
