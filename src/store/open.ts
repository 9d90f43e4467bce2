// Picks the adapter: PostgreSQL when a URL is given, embedded PGlite otherwise.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../cases/store-port.ts';
import { ANCHOR_FILE, fileAnchors, loadAuditKey } from './audit-key.ts';
import { lockDataDir } from './lock.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import { openStoreOver, type StoreOptions } from './store.ts';

/** PostgreSQL when databaseUrl is set (src/config.ts: DATABASE_URL), else PGlite in dataDir, else in memory. */
export interface StoreConfig {
  databaseUrl?: string;
  dataDir?: string;
  /** The audit chain's key (GENSOKU_AUDIT_KEY); else a key file in dataDir, created on first start (also with PostgreSQL). */
  auditKey?: string;
  /** The append-only anchor file (GENSOKU_AUDIT_ANCHORS); else audit-anchors.jsonl in dataDir. */
  auditAnchors?: string;
}

function auditOptions(config: StoreConfig): StoreOptions {
  // A data directory holds the key and anchors unless told otherwise; a store in memory keys itself for its life.
  if (!config.dataDir && !config.auditKey) return {};
  const keyDir = config.dataDir;
  return {
    auditKey: loadAuditKey({ key: config.auditKey, dir: keyDir ?? '.' }),
    ...(config.auditAnchors || keyDir ? { anchors: fileAnchors(config.auditAnchors ?? join(keyDir!, ANCHOR_FILE)) } : {}),
  };
}

/** Opens the store and runs pending migrations. */
export async function openStore(config: StoreConfig): Promise<Store> {
  const opts = auditOptions(config);
  if (config.databaseUrl) return openStoreOver(await openPostgres(config.databaseUrl), opts);
  if (!config.dataDir) return openStoreOver(await openPglite(), opts);
  mkdirSync(config.dataDir, { recursive: true });
  const release = lockDataDir(config.dataDir);
  try {
    const sql = await openPglite(config.dataDir);
    const close = sql.close.bind(sql);
    return await openStoreOver({ ...sql, close: async () => { await close(); release(); } }, opts);
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
