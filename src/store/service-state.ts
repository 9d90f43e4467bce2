// State that several `gensoku serve` processes on one database share: failed logins and list downloads
// (the Store port's throttle and listFetches).
import type { ListFetch, ListFetchStore, ThrottleEntry, ThrottleStore } from '../cases/store-port.ts';
import type { Sql } from './sql.ts';

interface ThrottleDb { key: string; failures: number; last_failure_at: string; blocked_until: string | null }
const toEntry = (r: ThrottleDb): ThrottleEntry => ({ key: r.key, failures: Number(r.failures), lastFailureAt: r.last_failure_at, blockedUntil: r.blocked_until });

interface FetchDb { url: string; etag: string | null; last_modified: string | null; sha256: string | null; checked_at: string; outcome: ListFetch['outcome']; message: string | null; ok_at: string | null }
const toFetch = (r: FetchDb): ListFetch => ({
  url: r.url, etag: r.etag, lastModified: r.last_modified, sha256: r.sha256, checkedAt: r.checked_at, outcome: r.outcome, message: r.message, okAt: r.ok_at,
});

export function throttleStore(sql: Sql): ThrottleStore {
  return {
    async get(keys) {
      const { rows } = await sql.query<ThrottleDb>('SELECT * FROM login_throttle WHERE key = ANY($1::text[])', [keys]);
      return rows.map(toEntry);
    },
    async fail(keys, at, resetBefore, blockFor) {
      const now = at.toISOString();
      const out: ThrottleEntry[] = [];
      for (const key of keys) {
        // One statement, so concurrent failures on several instances all count.
        const { rows } = await sql.query<ThrottleDb>(
          `INSERT INTO login_throttle (key, failures, last_failure_at, blocked_until) VALUES ($1, 1, $2, NULL)
           ON CONFLICT (key) DO UPDATE SET
             failures = CASE WHEN login_throttle.last_failure_at < $3 THEN 1 ELSE login_throttle.failures + 1 END,
             last_failure_at = $2
           RETURNING *`, [key, now, resetBefore]);
        const entry = toEntry(rows[0]!);
        const until = blockFor(key, entry.failures);
        if (until) await sql.query('UPDATE login_throttle SET blocked_until = $2 WHERE key = $1', [key, until]);
        out.push({ ...entry, blockedUntil: until });
      }
      // Forgotten failures go, so a spray of random usernames does not grow the table without bound.
      await sql.query('DELETE FROM login_throttle WHERE last_failure_at < $1 AND (blocked_until IS NULL OR blocked_until < $2)', [resetBefore, now]);
      return out;
    },
    async clear(keys) {
      await sql.query('DELETE FROM login_throttle WHERE key = ANY($1::text[])', [keys]);
    },
  };
}

export function listFetchStore(sql: Sql): ListFetchStore {
  return {
    async get(url) {
      const { rows } = await sql.query<FetchDb>('SELECT * FROM list_fetches WHERE url = $1', [url]);
      return rows[0] && toFetch(rows[0]);
    },
    async latest() {
      const { rows } = await sql.query<FetchDb>('SELECT * FROM list_fetches ORDER BY checked_at DESC LIMIT 1');
      return rows[0] && toFetch(rows[0]);
    },
    async save(f) {
      await sql.query(
        `INSERT INTO list_fetches (url, etag, last_modified, sha256, checked_at, outcome, message, ok_at, claimed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $5)
         ON CONFLICT (url) DO UPDATE SET etag = $2, last_modified = $3, sha256 = $4, checked_at = $5, outcome = $6, message = $7, ok_at = $8`,
        [f.url, f.etag, f.lastModified, f.sha256, f.checkedAt, f.outcome, f.message, f.okAt]);
    },
    async claim(url, at, since) {
      const { rows } = await sql.query(
        `INSERT INTO list_fetches (url, checked_at, outcome, claimed_at) VALUES ($1, $2, 'unchanged', $2)
         ON CONFLICT (url) DO UPDATE SET claimed_at = $2 WHERE list_fetches.claimed_at IS NULL OR list_fetches.claimed_at < $3
         RETURNING url`, [url, at, since]);
      return rows.length === 1;
    },
  };
}
