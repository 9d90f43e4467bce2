// Keeping the sanctions list current: download it (conditional GET), then the same validate → diff → store →
// re-screen path as an import; schedule that; and on PostgreSQL follow lists stored by other servers.
import { daysSince } from '../core/clock.ts';
import type { ScreeningListInfo, Store } from './store-port.ts';
import type { ServiceResult } from './failure.ts';
import { downloadList, type DownloadOptions } from './list-download.ts';
import { importList, listImportView, loadStoredList, withEntries, type ListHolder, type ListImportReport } from './lists.ts';
import type { ScreeningProvider } from './screening.ts';
import type { RequestContext } from './model.ts';

/** A list generated longer ago than this is flagged at start-up, in /healthz and in the web header. */
export const STALE_AFTER_DAYS = 30;

export interface ListAge {
  source: string;
  /** The list's generation time (dateGenerated). */
  version: string;
  /** Import number in the database, when stored. */
  id: number | null;
  entries: number;
  ageDays: number | null;
  stale: boolean;
}

/** How old the list in use is, on Japan's calendar. */
export function listAge(p: ScreeningProvider, now: Date): ListAge {
  const ageDays = daysSince(p.version, now);
  return { source: p.source, version: p.version, id: p.stored?.id ?? null, entries: p.entries, ageDays, stale: ageDays === null || ageDays > STALE_AFTER_DAYS };
}

export type ListUpdate =
  | { status: 'unchanged'; url: string; list: ScreeningListInfo | null }
  | { status: 'imported'; url: string; report: ListImportReport };

export interface UpdateDeps {
  store: Store;
  screening: ListHolder;
  now: () => Date;
  download?: DownloadOptions;
}

/** The stored import with this content, if it is still the one in use of its list (other lists may be imported since). */
async function inUseCopy(store: Store, sha256: string | null): Promise<ScreeningListInfo | undefined> {
  if (!sha256) return undefined;
  const copy = (await store.screening.listHistory(1000)).find((l) => l.sha256 === sha256);
  const [head] = copy ? await store.screening.listHistory(1, copy.source) : [];
  return head?.sha256 === sha256 ? head : undefined;
}

/**
 * Downloads the list at url and imports it when it changed. A 304, or the same bytes as the list in use, stores
 * nothing. Any failure (network, size, a list that does not validate, an older list) is returned, recorded for
 * /healthz, and leaves the list in use as it was.
 */
export async function updateList(deps: UpdateDeps, rc: RequestContext, url: string): Promise<ServiceResult<ListUpdate>> {
  const before = await deps.store.listFetches.get(url);
  // The validators describe the copy we downloaded last; send them only while that copy is its list's import in use.
  const held = await inUseCopy(deps.store, before?.sha256 ?? null);
  const got = await downloadList(url, { ...deps.download, ...(held && before ? { etag: before.etag, lastModified: before.lastModified } : {}) });
  const checkedAt = deps.now().toISOString();
  const record = (outcome: 'updated' | 'unchanged' | 'failed', fields: { etag?: string | null; lastModified?: string | null; sha256?: string | null; message?: string }) =>
    deps.store.listFetches.save({
      url, checkedAt, outcome, message: fields.message ?? null, okAt: outcome === 'failed' ? (before?.okAt ?? null) : checkedAt,
      etag: fields.etag !== undefined ? fields.etag : (before?.etag ?? null),
      lastModified: fields.lastModified !== undefined ? fields.lastModified : (before?.lastModified ?? null),
      sha256: fields.sha256 !== undefined ? fields.sha256 : (before?.sha256 ?? null),
    });
  if (!got.ok) {
    await record('failed', { message: got.problems.map((p) => p.message).join('; ') });
    return { ok: false, kind: 'upstream', problems: got.problems };
  }
  if (got.value.status === 'unchanged') {
    await record('unchanged', {});
    return { ok: true, value: { status: 'unchanged', url, list: held ?? null } };
  }
  const { text, etag, lastModified } = got.value;
  const r = await importList({ store: deps.store, screening: deps.screening, now: deps.now }, rc, text, { origin: url });
  if (!r.ok) {
    await record('failed', { message: r.problems.map((p) => `${p.path}: ${p.message}`).join('; ') });
    // A download that is no valid list is the remote's failure; a conflict (list_older, list_changed) stays one.
    return { ...r, kind: r.kind === 'invalid' ? 'upstream' : r.kind, problems: r.problems.map((p) => ({ ...p, message: `${p.message} (downloaded from ${url}; the list in use is unchanged)` })) };
  }
  await record(r.value.unchanged ? 'unchanged' : 'updated', { etag, lastModified, sha256: r.value.list.sha256 });
  if (r.value.unchanged) return { ok: true, value: { status: 'unchanged', url, list: r.value.list } };
  return { ok: true, value: { status: 'imported', url, report: r.value } };
}

/** An update as the API answers it and `lists update --format json` prints it; `unchanged: true` stored nothing. */
export function listUpdateView(u: ListUpdate) {
  return u.status === 'imported'
    ? { status: u.status, url: u.url, ...listImportView(u.report) }
    : { status: u.status, url: u.url, unchanged: true, list: u.list && withEntries(u.list) };
}

export type Log = (line: Record<string, unknown>) => void;

/**
 * Runs updateList every `everyMs`. With several servers on one database, one of them takes each turn (claim), so
 * the list is downloaded once per period whatever the number of servers. Returns stop.
 */
export function scheduleListRefresh(deps: UpdateDeps, url: string, everyMs: number, log: Log): () => void {
  const rc: RequestContext = { actor: { id: 'system', username: 'system', role: 'admin', org: null } };
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const turn = async () => {
    const now = deps.now();
    // A turn taken by anyone in the last 90% of a period counts as this one.
    if (!(await deps.store.listFetches.claim(url, now.toISOString(), new Date(now.getTime() - everyMs * 0.9).toISOString()))) return;
    const r = await updateList(deps, rc, url);
    if (!r.ok) log({ level: 'error', msg: 'list update failed', url, problems: r.problems });
    else if (r.value.status === 'unchanged') log({ level: 'info', msg: 'list update: unchanged', url });
    else log({ level: 'info', msg: 'list updated', url, list: { id: r.value.report.list.id, version: r.value.report.list.version }, changes: { added: r.value.report.changes.added.length, removed: r.value.report.changes.removed.length, changed: r.value.report.changes.changed.length }, rescreen: { screened: r.value.report.rescreen.screened, held: r.value.report.rescreen.held } });
  };
  const next = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      turn().catch((e: unknown) => log({ level: 'error', msg: 'list update failed', url, error: (e as Error).message })).finally(() => next(everyMs));
    }, ms);
    timer.unref();
  };
  // The first turn comes when the last check (by any server) is a period old; at once if never.
  void deps.store.listFetches.get(url).then((f) => {
    const due = f?.checkedAt ? Date.parse(f.checkedAt) + everyMs - deps.now().getTime() : 0;
    next(Math.max(1000, Math.min(due, everyMs)));
  }, () => next(everyMs));
  return () => { stopped = true; clearTimeout(timer); };
}

/**
 * On PostgreSQL, loads each list another server stores (announced with NOTIFY at commit) into this server's holder,
 * and checks again after a lost connection. PGlite has one server per database: nothing to follow. Returns stop.
 */
export async function followStoredLists(store: Store, holder: ListHolder, log: Log): Promise<() => Promise<void>> {
  if (!store.watchLists) return async () => {};
  let running: Promise<void> = Promise.resolve();
  const refresh = () => {
    running = running.then(async () => {
      const [head] = await store.screening.listHistory(1);
      if (!head || head.id === holder.current?.stored?.id) return;
      const r = await loadStoredList(store);
      if (!r.ok || !r.value) {
        log({ level: 'error', msg: 'cannot load the list another server stored', problems: r.ok ? [] : r.problems });
        return;
      }
      // Another import may have finished meanwhile in this process; never go back to an older import.
      if ((holder.current?.stored?.id ?? 0) < (r.value.stored?.id ?? 0)) {
        holder.current = r.value;
        log({ level: 'info', msg: 'screening with the list another server stored', list: { id: r.value.stored?.id, version: r.value.version } });
      }
    }).catch((e: unknown) => log({ level: 'error', msg: 'cannot load the list another server stored', error: (e as Error).message }));
  };
  return store.watchLists(refresh);
}
