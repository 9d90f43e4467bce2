// Picks the adapter: PostgreSQL when a URL is given, embedded PGlite otherwise.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { lockDataDir } from './lock.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Store } from '../cases/store-port.ts';
import { openStoreOver } from './store.ts';

export interface StoreConfig {
  databaseUrl?: string;
  dataDir?: string;
}

/** The configuration the environment asks for: DATABASE_URL, else GENSOKU_DATA, else ./.gensoku/. */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  return { dataDir: resolve(env.GENSOKU_DATA || '.gensoku') };
}

/** Opens the store and runs pending migrations. */
export async function openStore(config: StoreConfig): Promise<Store> {
  if (config.databaseUrl) return openStoreOver(await openPostgres(config.databaseUrl));
  if (!config.dataDir) return openStoreOver(await openPglite());
  mkdirSync(config.dataDir, { recursive: true });
  const release = lockDataDir(config.dataDir);
  try {
    const sql = await openPglite(config.dataDir);
    const close = sql.close.bind(sql);
    return await openStoreOver({ ...sql, close: async () => { await close(); release(); } });
  } catch (err) {
    release();
    throw err;
  }
}

/** Where the store lives, for a log line (the URL's password is left out). */
export function describeStore(config: StoreConfig): string {
  if (config.databaseUrl) {
    try {
      const u = new URL(config.databaseUrl);
      return `postgresql://${u.username ? u.username + '@' : ''}${u.host}${u.pathname}`;
    } catch {
      return 'postgresql';
    }
  }
  return `pglite:${config.dataDir ?? 'memory'}`;
}
