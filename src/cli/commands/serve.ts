// gensoku serve: the API and the web UI on the embedded database (or DATABASE_URL), until SIGTERM.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { startServer } from '../../api/server.ts';
import { followStoredLists, listAge, scheduleListRefresh, STALE_AFTER_DAYS } from '../../cases/list-update.ts';
import { importList, loadStoredList, readListText, type ListHolder } from '../../cases/lists.ts';
import type { ScreeningProvider } from '../../cases/screening.ts';
import { CaseService, type RescreenSummary } from '../../cases/service.ts';
import { ensureFirstAdmin } from '../../cases/users.ts';
import { loadItems } from '../../policy-files/items.ts';
import { loadQuestions } from '../../policy-files/questions.ts';
import { loadAuthorities } from '../../policy-files/authorities.ts';
import { resolveListPath } from '../../screening/load-list.ts';
import { DataDirLocked } from '../../store/lock.ts';
import type { Config } from '../../config.ts';
import { parseDuration } from '../../core/clock.ts';
import { describeStore, openStore } from '../../store/open.ts';
import type { Store } from '../../cases/store-port.ts';
import { EXIT, UsageError, configOf, nowOf, parse, printProblems, type Io } from '../io.ts';
import { engineOrExit } from '../policy.ts';

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  policy: { type: 'string' },
  list: { type: 'string' },
  'list-refresh': { type: 'string' },
} as const;

const SYSTEM = { actor: { id: 'system', username: 'system', role: 'examiner' as const, org: null } };

interface StartList {
  provider: ScreeningProvider | null;
  from: string;
  /** Set when the start-up file was imported: that import already re-screened open cases. */
  rescreen?: RescreenSummary;
}

/**
 * The sanctions list to screen parties against: the one stored in the database (the last import, over HTTP or
 * by `gensoku lists import`). Only when the database holds none: --list, GENSOKU_UN_LIST or the bundled copy,
 * which is then stored, so that later imports are diffed against it.
 */
async function loadScreening(io: Io, config: Config, store: Store, given: string | undefined): Promise<StartList | number> {
  const stored = await loadStoredList(store);
  if (!stored.ok) {
    printProblems(io, stored.problems, 'cannot read the sanctions list stored in the database');
    return EXIT.usage;
  }
  if (stored.value) {
    const named = given ? `--list ${given}` : config.listFile ? `GENSOKU_UN_LIST=${config.listFile}` : undefined;
    if (named) {
      io.stderr(`note: screening with the list stored in the database (${stored.value.version}, list #${stored.value.stored?.id}); ${named} is used only when the database holds none. To replace the stored list: gensoku lists import FILE, or PUT /api/v1/screening/list\n`);
    }
    return { provider: stored.value, from: 'database' };
  }
  const path = resolveListPath(given, config.listFile);
  if (!path) return { provider: null, from: 'none' };
  const text = readListText(path);
  if (!text.ok) {
    printProblems(io, text.problems, `cannot read the sanctions list ${path}`);
    return EXIT.usage;
  }
  const holder: ListHolder = { current: null };
  const r = await importList({ store, screening: holder, now: () => nowOf(io) }, SYSTEM, text.value, { origin: `file:${basename(path)}` });
  // Several servers starting at once on an empty database: another one stored its list first; screen with that.
  if (!r.ok && r.problems[0]?.code === 'list_changed') return loadScreening(io, config, store, given);
  if (!r.ok) {
    printProblems(io, r.problems, `cannot read the sanctions list ${path}`);
    return EXIT.usage;
  }
  return { provider: holder.current, from: `file:${path}`, rescreen: r.value.rescreen };
}

const version = (): string => {
  try {
    return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
};

/** What to do while the database has no admin: printed at every start until there is one. */
const FIRST_ADMIN = (url: string) => [
  'no admin yet. Create the first one, then sign in at ' + url + '/login:',
  '  stop this server (PGlite allows one process), run: gensoku users add --username admin --role admin',
  '  or start it with GENSOKU_ADMIN_USER=admin GENSOKU_ADMIN_PASSWORD=<12+ characters> (created at start while there is no admin)',
].join('\n');

const logLine = (io: Io, line: Record<string, unknown>) => io.stdout(`${JSON.stringify({ time: nowOf(io).toISOString(), level: 'info', ...line })}\n`);

export async function run(argv: string[], io: Io): Promise<number> {
  const config = configOf(io);
  const { values } = parse(argv, OPTIONS, false);
  const portText = values.port ?? String(config.port);
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${portText}"`);
  const host = values.host ?? config.host;
  let refreshMs = config.listRefreshMs;
  const refreshText = values['list-refresh'];
  if (refreshText !== undefined) {
    refreshMs = refreshText === 'off' ? null : parseDuration(refreshText);
    if (refreshText !== 'off' && (refreshMs === null || refreshMs < 60_000)) throw new UsageError(`--list-refresh takes a duration such as 24h, 30m or 1d (at least 1m), or off; not "${refreshText}"`);
  }

  const engine = engineOrExit(io, values.policy);
  if (typeof engine === 'number') return engine;

  const items = loadItems(values.policy ?? config.policyDir);
  if (!items.ok) {
    printProblems(io, items.problems, 'invalid item catalogue');
    return EXIT.invalidPolicy;
  }
  const questions = loadQuestions(items.value, values.policy ?? config.policyDir);
  const authorities = loadAuthorities(values.policy ?? config.policyDir);
  if (!questions.ok || !authorities.ok) {
    printProblems(io, [...(questions.ok ? [] : questions.problems), ...(authorities.ok ? [] : authorities.problems)], 'invalid questions or authorities');
    return EXIT.invalidPolicy;
  }
  let store;
  try {
    store = await openStore(config);
  } catch (err) {
    if (err instanceof DataDirLocked) {
      io.stderr(`${err.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`cannot open the database (${describeStore(config)}): ${(err as Error).message}\n`);
    return EXIT.usage;
  }
  const admin = await ensureFirstAdmin(store, config.admin, nowOf(io));
  if (!admin.ok) {
    printProblems(io, admin.problems, 'GENSOKU_ADMIN_USER / GENSOKU_ADMIN_PASSWORD');
    await store.close();
    return EXIT.usage;
  }

  const list = await loadScreening(io, config, store, values.list);
  if (typeof list === 'number') {
    await store.close();
    return list;
  }
  const holder: ListHolder = { current: list.provider };
  const now = () => nowOf(io);
  // A list newer than the one open cases were screened against puts any new hit on hold before anyone decides.
  const rescreen = list.rescreen ?? await new CaseService({ store, engine, now, screening: () => holder.current }).rescreenOpenCases(SYSTEM);
  const log = (line: Record<string, unknown>) => logLine(io, line);
  const unfollow = await followStoredLists(store, holder, log);

  let server;
  try {
    server = await startServer({ store, engine, items: items.value, questions: questions.value, authorities: authorities.value, lists: holder, listUrl: config.listUrl, trustProxy: config.trustProxy, version: version() }, { port, host });
  } catch (err) {
    io.stderr(`cannot listen on ${host}:${port}: ${(err as Error).message}\n`);
    await unfollow();
    await store.close();
    return EXIT.usage;
  }
  io.stdout(`gensoku listening on ${server.url} (database ${describeStore(config)}, policy ${engine.policyDigest.slice(0, 19)}${admin.value ? `; ${admin.value}` : ''})\n`);
  const age = holder.current ? listAge(holder.current, now()) : null;
  if (!age) io.stdout('WARNING: no sanctions list: submissions are not screened. Import one: gensoku lists update, or gensoku lists import FILE\n');
  else io.stdout(`sanctions list: ${age.source}, generated ${age.version.slice(0, 10)} (${age.ageDays} days ago), ${age.entries} entries, list #${age.id}${age.stale ? `\nWARNING: the sanctions list is older than ${STALE_AFTER_DAYS} days: update it (gensoku lists update, or serve --list-refresh 24h)` : ''}\n`);
  if (admin.value === null) io.stdout(`${FIRST_ADMIN(server.url)}\n`);
  log({ msg: 'screening', list: holder.current ? { ...age, from: list.from } : null, rescreen });
  const stopRefresh = refreshMs ? scheduleListRefresh({ store, screening: holder, now }, config.listUrl, refreshMs, log) : () => {};
  if (refreshMs) log({ msg: 'list refresh scheduled', url: config.listUrl, everyMinutes: refreshMs / 60_000 });

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGTERM', onTerm);
      process.off('SIGINT', onInt);
      log({ msg: 'shutting down', signal });
      stopRefresh();
      void unfollow().then(() => server.close()).then(resolve);
    };
    const onTerm = () => stop('SIGTERM');
    const onInt = () => stop('SIGINT');
    process.on('SIGTERM', onTerm);
    process.on('SIGINT', onInt);
  });
  log({ msg: 'stopped' });
  return EXIT.ok;
}
