// gensoku serve: the API and the web UI on the embedded database (or DATABASE_URL), until SIGTERM.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { startServer } from '../../api/server.ts';
import { importList, loadStoredList, readListText, type ListHolder } from '../../cases/lists.ts';
import type { ScreeningProvider } from '../../cases/screening.ts';
import { CaseService, type RescreenSummary } from '../../cases/service.ts';
import { ensureFirstAdmin } from '../../cases/users.ts';
import { loadItems } from '../../policy-files/items.ts';
import { resolveListPath } from '../../screening/load-list.ts';
import { DataDirLocked } from '../../store/lock.ts';
import { describeStore, openStore, storeConfigFromEnv } from '../../store/open.ts';
import type { Store } from '../../cases/store-port.ts';
import { EXIT, UsageError, parse, printProblems, type Io } from '../io.ts';
import { engineOrExit } from '../policy.ts';

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  policy: { type: 'string' },
  list: { type: 'string' },
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
 * by `gensoku lists import`). Only when the database holds none: --list, GENSOKU_UN_LIST or the shared copy,
 * which is then stored, so that later imports are diffed against it.
 */
async function loadScreening(io: Io, store: Store, given: string | undefined): Promise<StartList | number> {
  const stored = await loadStoredList(store);
  if (!stored.ok) {
    printProblems(io, stored.problems, 'cannot read the sanctions list stored in the database');
    return EXIT.usage;
  }
  if (stored.value) {
    const named = given ? `--list ${given}` : process.env.GENSOKU_UN_LIST ? `GENSOKU_UN_LIST=${process.env.GENSOKU_UN_LIST}` : undefined;
    if (named) {
      io.stderr(`note: screening with the list stored in the database (${stored.value.version}, list #${stored.value.stored?.id}); ${named} is used only when the database holds none. To replace the stored list: gensoku lists import FILE, or PUT /api/v1/screening/list\n`);
    }
    return { provider: stored.value, from: 'database' };
  }
  const path = resolveListPath(given);
  if (!path) return { provider: null, from: 'none' };
  const text = readListText(path);
  if (!text.ok) {
    printProblems(io, text.problems, `cannot read the sanctions list ${path}`);
    return EXIT.usage;
  }
  const holder: ListHolder = { current: null };
  const r = await importList({ store, screening: holder }, SYSTEM, text.value, { origin: `file:${basename(path)}` });
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

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, OPTIONS, false);
  const portText = values.port ?? process.env.PORT ?? '8080';
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${portText}"`);
  const host = values.host ?? process.env.HOST ?? '127.0.0.1';

  const engine = engineOrExit(io, values.policy);
  if (typeof engine === 'number') return engine;

  const items = loadItems(values.policy ?? process.env.GENSOKU_POLICY ?? undefined);
  if (!items.ok) {
    printProblems(io, items.problems, 'invalid item catalogue');
    return EXIT.invalidPolicy;
  }
  const config = storeConfigFromEnv();
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
  const admin = await ensureFirstAdmin(store, process.env, new Date());
  if (!admin.ok) {
    printProblems(io, admin.problems, 'GENSOKU_ADMIN_USER / GENSOKU_ADMIN_PASSWORD');
    await store.close();
    return EXIT.usage;
  }

  const list = await loadScreening(io, store, values.list);
  if (typeof list === 'number') {
    await store.close();
    return list;
  }
  const screening = list.provider;
  // A list newer than the one open cases were screened against puts any new hit on hold before anyone decides.
  const rescreen = list.rescreen ?? await new CaseService({ store, engine, screening: () => screening }).rescreenOpenCases(SYSTEM);

  let server;
  try {
    server = await startServer({ store, engine, items: items.value, screening, version: version() }, { port, host });
  } catch (err) {
    io.stderr(`cannot listen on ${host}:${port}: ${(err as Error).message}\n`);
    await store.close();
    return EXIT.usage;
  }
  io.stdout(`gensoku listening on ${server.url} (database ${describeStore(config)}, policy ${engine.policyDigest.slice(0, 19)}; ${admin.value})\n`);
  io.stdout(`${JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'screening', list: screening ? { source: screening.source, version: screening.version, entries: screening.entries, id: screening.stored?.id, from: list.from } : null, rescreen })}\n`);

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGTERM', onTerm);
      process.off('SIGINT', onInt);
      io.stdout(`${JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'shutting down', signal })}\n`);
      void server.close().then(resolve);
    };
    const onTerm = () => stop('SIGTERM');
    const onInt = () => stop('SIGINT');
    process.on('SIGTERM', onTerm);
    process.on('SIGINT', onInt);
  });
  io.stdout(`${JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'stopped' })}\n`);
  return EXIT.ok;
}
