// Importing the sanctions list into the case system: parse and validate, diff against the stored list, store
// (with its audit row), put it in use, and re-screen open cases. One function, used by `gensoku lists import`,
// PUT /api/v1/screening/list and `gensoku serve` (which stores its start-up list when the database has none).
import { buildIndex, diffLists, parseUnList, summarizeList } from '../screening/index.ts';
import type { ListEntry, Problem, Result, SanctionsList } from '../screening/types.ts';
import { sha256 } from '../store/canonical.ts';
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
  /** validateListXml(xml)'s result, when the caller checked the file before opening the store. */
  parsed?: SanctionsList;
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

/** Reads the list in use from the store: the provider to screen with, or null when none was ever imported. */
export async function loadStoredList(store: Store, threshold?: number): Promise<Result<ScreeningProvider | null>> {
  const row = await store.screening.currentList();
  if (!row) return { ok: true, value: null };
  const { content, ...info } = row;
  const where = `stored list #${info.id} (${info.version})`;
  if (sha256(content) !== info.sha256) {
    return { ok: false, problems: [{ code: 'list.digest_mismatch', path: where, message: 'the stored content does not match its sha256: it was changed in the database; import the list again' }] };
  }
  const parsed = validateListXml(content);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => ({ ...p, path: `${where}: ${p.path}` })) };
  return { ok: true, value: providerFromIndex(buildIndex(parsed.value), threshold, info) };
}

/** The stored list in use, parsed: from memory when this process already holds it, else from the database. */
async function storedPredecessor(deps: ListDeps, head: ScreeningListInfo): Promise<Result<SanctionsList>> {
  const held = deps.screening.current;
  if (held?.index && held.stored?.id === head.id && held.stored.sha256 === head.sha256) {
    return { ok: true, value: { source: held.index.source, version: held.index.version, entries: held.index.entries } };
  }
  const row = await deps.store.screening.currentList();
  if (!row || row.id !== head.id) return { ok: false, problems: [{ code: 'list_changed', path: '(root)', message: 'another import stored a list meanwhile; import again to compare against it' }] };
  const parsed = parseUnList(row.content);
  return parsed.ok ? parsed : { ok: false, problems: parsed.problems.map((p: Problem) => ({ ...p, path: `stored list #${head.id}: ${p.path}` })) };
}

/**
 * Imports a list: parse and validate it, compare it with the stored list in use, store it with an audit row, put it
 * in use, and re-screen every open case. A file that does not parse, or is empty, is refused with its problems and
 * changes nothing. The same file again stores nothing (`unchanged`). A list generated before the one in use is
 * refused (409 list_older) unless `allowOlder`.
 */
export async function importList(deps: ListDeps, rc: RequestContext, xml: string, opts: ListImportOptions): Promise<ServiceResult<ListImportReport>> {
  const now = deps.now ?? (() => new Date());
  const parsed = opts.parsed ? { ok: true as const, value: opts.parsed } : validateListXml(xml);
  if (!parsed.ok) return invalid(parsed.problems);
  const list = parsed.value;
  const digest = sha256(xml);
  const [head] = await deps.store.screening.listHistory(1);
  const rescreen = (provider: ScreeningProvider) => rescreenOpenCases({ store: deps.store, provider, now }, rc);

  if (head && head.sha256 === digest) {
    // The list in use, again: nothing to store, but make sure this process screens with it.
    if (deps.screening.current?.stored?.sha256 !== digest) deps.screening.current = providerFromIndex(buildIndex(list), deps.threshold, head);
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
  // Built before the write, so the new list is in use the moment it is stored.
  const index = buildIndex(list);
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
