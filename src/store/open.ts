// Picks the adapter: PostgreSQL when a URL is given, embedded PGlite otherwise.
import { mkdirSync } from 'node:fs';
import { lockDataDir } from './lock.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Store } from '../cases/store-port.ts';
import { openStoreOver } from './store.ts';

/** PostgreSQL when databaseUrl is set (src/config.ts: DATABASE_URL), else PGlite in dataDir, else in memory. */
export interface StoreConfig {
  databaseUrl?: string;
  dataDir?: string;
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
