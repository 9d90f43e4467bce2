// Importing the sanctions list into the case system: parse and validate, diff against the stored list, store
// (with its audit row), put it in use, and re-screen open cases. One function, used by `gensoku lists import`,
// PUT /api/v1/screening/list and `gensoku serve` (which stores its start-up list when the database has none).
import { buildIndex, diffLists, listFormat, mergeLists, parseCsvList, parseJsonList, parseUnList, summarizeList, type ListFormat } from '../screening/index.ts';
import { japaneseNames } from '../screening/load-list.ts';
import type { ListEntry, Problem, Result, SanctionsList } from '../screening/types.ts';
import { sha256 } from '../hash.ts';
export { readListText } from '../screening/load-list.ts';
import { fail, invalid, type ServiceResult } from './failure.ts';
import type { RequestContext } from './model.ts';
import { rescreenOpenCases, type RescreenSummary } from './rescreen.ts';
import { providerFromIndex, type ScreeningProvider } from './screening.ts';
import type { ScreeningListInfo, Store } from './store-port.ts';

/** The list in use in this process; an import replaces `current`. The API's services.screening is one. */
export interface ListHolder {
  current: ScreeningProvider | null;
}

export interface ListDeps {
  store: Store;
  screening: ListHolder;
  now?: () => Date;
  /** Match threshold for party screening; default: the screening module's (0.70). */
  threshold?: number;
}

export interface ListImportOptions {
  /** Where the list came from, for the record: `file:NAME`, `http`, ... */
  origin: string;
  /** Accept a list generated before the one in use (going back on purpose). */
  allowOlder?: boolean;
  /** validateListXml(xml)'s (or validateListContent's) result, when the caller checked the file before opening the store. */
  parsed?: SanctionsList;
  /** The file's format: the UN's XML (the default), or another list as CSV or JSON (see src/screening/other-list.ts). */
  format?: ListFormat;
}

export interface EntryBrief {
  referenceNumber: string;
  name: string;
  type: ListEntry['type'];
  regime: string;
}

export interface ListChanges {
  /** The version diffed against; null on the first import (everything is added). */
  fromVersion: string | null;
  toVersion: string;
  added: EntryBrief[];
  removed: EntryBrief[];
  changed: (EntryBrief & { fields: string[] })[];
}

export interface ListImportReport {
  /** The list now in use. */
  list: ScreeningListInfo;
  /** The list it replaced; null on the first import. */
  previous: ScreeningListInfo | null;
  /** The file is the list already in use, byte for byte: nothing new was stored. */
  unchanged: boolean;
  changes: ListChanges;
  rescreen: RescreenSummary;
}

const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Parses and checks a list before anything is stored: well-formed, complete, not empty, storable as text. */
export function validateListXml(xml: string): Result<SanctionsList> {
  const bad = BAD_TEXT.exec(xml);
  if (bad) {
    const line = xml.slice(0, bad.index).split('\n').length;
    return { ok: false, problems: [{ code: 'list.invalid_character', path: `line ${line}`, message: 'the file holds a NUL character or an unpaired surrogate; it is not a UN list as published' }] };
  }
  const parsed = parseUnList(xml);
  if (!parsed.ok) return parsed;
  if (parsed.value.entries.length === 0) {
    return { ok: false, problems: [{ code: 'list.empty', path: 'CONSOLIDATED_LIST', message: 'the list has no individuals and no entities; a real list is never empty, so this one is refused rather than clearing every entry' }] };
  }
  return parsed;
}

/** validateListXml for the UN's XML; for another list in CSV or JSON, the same checks on its own parser. */
export function validateListContent(text: string, format: ListFormat = 'un-xml'): Result<SanctionsList> {
  if (format === 'un-xml') return validateListXml(text);
  const bad = BAD_TEXT.exec(text);
  if (bad) return { ok: false, problems: [{ code: 'list.invalid_character', path: `line ${text.slice(0, bad.index).split('\n').length}`, message: 'the file holds a NUL character or an unpaired surrogate' }] };
  const parsed = format === 'json' ? parseJsonList(text) : parseCsvList(text);
  if (parsed.ok && parsed.value.entries.length === 0) return { ok: false, problems: [{ code: 'list.empty', path: '(root)', message: 'the list has no entries; it is refused rather than clearing every entry' }] };
  return parsed;
}

/** The list format a file name suggests: .json and .csv are other lists; anything else is the UN's XML. */
export function formatOfFile(name: string): ListFormat {
  return /\.json$/i.test(name) ? 'json' : /\.csv$/i.test(name) ? 'csv' : 'un-xml';
}

/** Every list in use, screened as one, each entry keeping its list's name, with the Japanese names. */
const indexOf = (lists: SanctionsList[]) => buildIndex(mergeLists(lists), japaneseNames());

/** Parses stored content in whatever format it was imported in. */
const parseStored = (content: string) => validateListContent(content, listFormat(content));

const brief = (e: ListEntry): EntryBrief => ({ referenceNumber: e.referenceNumber, name: e.name, type: e.type, regime: e.regime });

/** The changes between two parsed lists, named by reference number; `before` null means a first import. */
export function listChanges(before: SanctionsList | null, after: SanctionsList): ListChanges {
  const d = diffLists(before ?? { source: after.source, version: '', entries: [] }, after);
  return {
    fromVersion: before ? before.version : null,
    toVersion: after.version,
    added: d.added.map(brief),
    removed: d.removed.map(brief),
    changed: d.changed.map((c) => ({ ...brief(c.after), fields: c.fields })),
  };
}

/** True when version a is a generation date before b; versions that are not dates are not compared. */
function older(a: string, b: string): boolean {
  const x = Date.parse(a);
  const y = Date.parse(b);
  return Number.isFinite(x) && Number.isFinite(y) && x < y;
}

/**
 * Reads the lists in use from the store (the last import of each list): the provider to screen with, or null when
 * none was ever imported. The provider's `stored` is the most recent import.
 */
export async function loadStoredList(store: Store, threshold?: number): Promise<Result<ScreeningProvider | null>> {
  const rows = await store.screening.currentLists();
  if (rows.length === 0) return { ok: true, value: null };
  const lists: SanctionsList[] = [];
  for (const row of rows) {
    const { content, ...info } = row;
    const where = `stored list #${info.id} (${info.source} ${info.version})`;
    if (sha256(content) !== info.sha256) {
      return { ok: false, problems: [{ code: 'list.digest_mismatch', path: where, message: 'the stored content does not match its sha256: it was changed in the database; import the list again' }] };
    }
    const parsed = parseStored(content);
    if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ ...p, path: `${where}: ${p.path}` })) };
    lists.push(parsed.value);
  }
  const { content: _c, ...last } = rows[rows.length - 1]!;
  return { ok: true, value: providerFromIndex(indexOf(lists), threshold, last) };
}

/** The other lists in use, parsed from the store, to screen together with a newly imported one. */
async function otherLists(store: Store, source: string): Promise<Result<SanctionsList[]>> {
  const out: SanctionsList[] = [];
  for (const row of await store.screening.currentLists()) {
    if (row.source === source) continue;
    const parsed = parseStored(row.content);
    if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ ...p, path: `stored list #${row.id}: ${p.path}` })) };
    out.push(parsed.value);
  }
  return { ok: true, value: out };
}

/** The stored list in use, parsed: from memory when this process already holds it, else from the database. */
async function storedPredecessor(deps: ListDeps, head: ScreeningListInfo): Promise<Result<SanctionsList>> {
  const held = deps.screening.current;
  if (held?.index && held.stored?.id === head.id && held.stored.sha256 === head.sha256 && held.index.source === head.source) {
    return { ok: true, value: { source: held.index.source, version: held.index.version, entries: held.index.entries } };
  }
  const row = await deps.store.screening.currentList(head.source);
  if (!row || row.id !== head.id) return { ok: false, problems: [{ code: 'list_changed', path: '(root)', message: 'another import stored a list meanwhile; import again to compare against it' }] };
  const parsed = parseStored(row.content);
  return parsed.ok ? parsed : { ok: false, problems: parsed.problems.map((p: Problem) => ({ ...p, path: `stored list #${head.id}: ${p.path}` })) };
}

/** A stored list with its number of entries, as the API and `--format json` show it. */
export const withEntries = (l: ScreeningListInfo) => ({ ...l, entries: l.individuals + l.entities });

/** An import report as the API answers it and `lists import --format json` prints it. */
export const listImportView = (r: ListImportReport) => ({ ...r, list: withEntries(r.list) });

/**
 * Imports a list: parse and validate it, compare it with the stored list in use, store it with an audit row, put it
 * in use, and re-screen every open case. A file that does not parse, or is empty, is refused with its problems and
 * changes nothing. The same file again stores nothing (`unchanged`). A list generated before the one in use is
 * refused (409 list_older) unless `allowOlder`.
 */
export async function importList(deps: ListDeps, rc: RequestContext, xml: string, opts: ListImportOptions): Promise<ServiceResult<ListImportReport>> {
  const now = deps.now ?? (() => new Date());
  const parsed = opts.parsed ? { ok: true as const, value: opts.parsed } : validateListContent(xml, opts.format);
  if (!parsed.ok) return invalid(parsed.problems);
  const list = parsed.value;
  const digest = sha256(xml);
  const [head] = await deps.store.screening.listHistory(1, list.source);
  const rescreen = (provider: ScreeningProvider) => rescreenOpenCases({ store: deps.store, provider, now }, rc);
  const others = await otherLists(deps.store, list.source);
  if (!others.ok) return invalid(others.problems);

  if (head && head.sha256 === digest) {
    // The list in use, again: nothing to store, but make sure this process screens with it.
    if (deps.screening.current?.stored?.sha256 !== digest) deps.screening.current = providerFromIndex(indexOf([...others.value, list]), deps.threshold, head);
    return {
      ok: true,
      value: { list: head, previous: head, unchanged: true, changes: { fromVersion: head.version, toVersion: list.version, added: [], removed: [], changed: [] }, rescreen: await rescreen(deps.screening.current) },
    };
  }
  if (head && !opts.allowOlder && older(list.version, head.version)) {
    return fail('conflict', 'list_older', 'version', `the list was generated on ${list.version}, before the list in use (${head.version}); to go back to it on purpose, import it with allowOlder`, head);
  }
  let before: SanctionsList | null = null;
  if (head) {
    const prev = await storedPredecessor(deps, head);
    if (!prev.ok) return prev.problems[0]?.code === 'list_changed' ? fail('conflict', 'list_changed', '(root)', prev.problems[0].message) : invalid(prev.problems);
    before = prev.value;
  }
  const changes = listChanges(before, list);
  const counts = summarizeList(list);
  // Built before the write, so the new list is in use the moment it is stored; other lists in use stay in it.
  const index = indexOf([...others.value, list]);
  const at = now();
  const saved = await deps.store.screening.saveList(
    { actor: rc.actor.username, at: at.toISOString(), requestId: rc.requestId ?? null },
    {
      source: list.source, version: list.version, origin: opts.origin, sha256: digest, bytes: Buffer.byteLength(xml, 'utf8'),
      individuals: counts.individuals, entities: counts.entities, aliases: counts.aliases, content: xml,
    },
    head?.id ?? null,
    { fromVersion: changes.fromVersion, added: changes.added.length, removed: changes.removed.length, changed: changes.changed.length },
  );
  if (!saved.ok) return fail('conflict', 'list_changed', '(root)', 'another import stored a list meanwhile; import again to compare against it', saved.current);
  const provider = providerFromIndex(index, deps.threshold, saved.value);
  deps.screening.current = provider;
  return { ok: true, value: { list: saved.value, previous: head ?? null, unchanged: false, changes, rescreen: await rescreen(provider) } };
}
