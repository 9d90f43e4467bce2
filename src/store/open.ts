// Picks the adapter: PostgreSQL when a URL is given, embedded PGlite otherwise.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ANCHOR_FILE, fileAnchors, loadAuditKey } from './audit-key.ts';
import { lockDataDir } from './lock.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import { openStoreOver, type Store, type StoreOptions } from './store.ts';

export interface StoreConfig {
  databaseUrl?: string;
  dataDir?: string;
  /** The audit chain's key and anchors, kept outside the database. */
  audit?: AuditConfig;
}

export interface AuditConfig {
  /** GENSOKU_AUDIT_KEY; else a key file in keyDir, created on first start. */
  key?: string;
  keyDir: string;
  /** GENSOKU_AUDIT_ANCHORS; else audit-anchors.jsonl in keyDir. */
  anchorFile: string;
}

/**
 * The configuration the environment asks for: DATABASE_URL, else GENSOKU_DATA, else ./.gensoku/; the audit key from
 * GENSOKU_AUDIT_KEY or a key file in GENSOKU_DATA (also with PostgreSQL), anchors in GENSOKU_AUDIT_ANCHORS.
 */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const keyDir = resolve(env.GENSOKU_DATA || '.gensoku');
  const audit: AuditConfig = { ...(env.GENSOKU_AUDIT_KEY ? { key: env.GENSOKU_AUDIT_KEY } : {}), keyDir, anchorFile: resolve(env.GENSOKU_AUDIT_ANCHORS || join(keyDir, ANCHOR_FILE)) };
  if (env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL, audit };
  return { dataDir: keyDir, audit };
}

function auditOptions(config: StoreConfig): StoreOptions {
  // A data directory holds the key and anchors unless told otherwise; a store in memory keys itself for its life.
  const audit = config.audit ?? (config.dataDir ? { keyDir: config.dataDir, anchorFile: join(config.dataDir, ANCHOR_FILE) } : undefined);
  if (!audit) return {};
  return { auditKey: loadAuditKey({ key: audit.key, dir: audit.keyDir }), anchors: fileAnchors(audit.anchorFile) };
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
