// The audit chain: each row carries the hash of the previous one, so an edited, deleted or reordered row shows.
import { canonicalJson, sha256 } from './canonical.ts';
import type { AuditChange, AuditContext, AuditEntry, AuditVerification } from '../cases/store-port.ts';
import type { Sql } from './sql.ts';

export const GENESIS_HASH = 'sha256:' + '0'.repeat(64);
// Writers take this lock first, so rows get consecutive numbers and each sees the true previous hash.
export const WRITE_LOCK = 7_401_002;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Makes a value survive a jsonb round trip unchanged (no NUL, no lone surrogates), so its hash stays valid. */
export function jsonSafe(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\uFFFD').replace(/\u0000/g, '\uFFFD');
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[jsonSafe(k) as string] = jsonSafe(v);
    return out;
  }
  return value ?? null;
}

export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  return sha256(canonicalJson({
    seq: e.seq, at: e.at, actor: e.actor, verb: e.verb, targetType: e.targetType, targetId: e.targetId,
    before: e.before ?? null, after: e.after ?? null, requestId: e.requestId ?? null, prevHash: e.prevHash,
  }));
}

/** Appends one row; must run inside the transaction that makes the change, after taking WRITE_LOCK. */
export async function appendAudit(tx: Sql, ctx: AuditContext, change: AuditChange): Promise<AuditEntry> {
  const { rows } = await tx.query<{ seq: string | number; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  const prevSeq = rows.length ? Number(rows[0].seq) : 0;
  const base = {
    seq: prevSeq + 1,
    at: ctx.at,
    actor: ctx.actor,
    verb: change.verb,
    targetType: change.targetType,
    targetId: change.targetId,
    before: jsonSafe(change.before),
    after: jsonSafe(change.after),
    requestId: ctx.requestId ?? null,
    prevHash: rows.length ? rows[0].hash : GENESIS_HASH,
  };
  const entry: AuditEntry = { ...base, hash: entryHash(base) };
  await tx.query(
    `INSERT INTO audit_log (seq, at, actor, verb, target_type, target_id, before, after, request_id, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11)`,
    [entry.seq, entry.at, entry.actor, entry.verb, entry.targetType, entry.targetId,
      entry.before === null ? null : JSON.stringify(entry.before), entry.after === null ? null : JSON.stringify(entry.after),
      entry.requestId, entry.prevHash, entry.hash],
  );
  return entry;
}

interface AuditDbRow {
  seq: string | number; at: string; actor: string; verb: string; target_type: string; target_id: string;
  before: unknown; after: unknown; request_id: string | null; prev_hash: string; hash: string;
}

export const toEntry = (r: AuditDbRow): AuditEntry => ({
  seq: Number(r.seq), at: r.at, actor: r.actor, verb: r.verb, targetType: r.target_type, targetId: r.target_id,
  before: r.before ?? null, after: r.after ?? null, requestId: r.request_id, prevHash: r.prev_hash, hash: r.hash,
});

export async function listAudit(sql: Sql, opts: { after?: number; limit?: number; targetId?: string } = {}): Promise<AuditEntry[]> {
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), 1000);
  const { rows } = await sql.query<AuditDbRow>(
    `SELECT * FROM audit_log WHERE seq > $1 AND ($2::text IS NULL OR target_id = $2) ORDER BY seq LIMIT $3`,
    [opts.after ?? 0, opts.targetId ?? null, limit],
  );
  return rows.map(toEntry);
}

/** Walks the whole chain in pages and names the first row whose number, link or hash is wrong. */
export async function verifyAudit(sql: Sql, pageSize = 1000): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const { rows } = await sql.query<AuditDbRow>('SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2', [
      expectedSeq, pageSize,
    ]);
    if (rows.length === 0) {
      // Rows renumbered below 1 would never be reached by the walk above.
      const rest = await sql.query<{ seq: string | number }>('SELECT seq FROM audit_log WHERE seq < 1 ORDER BY seq LIMIT 1');
      if (rest.rows.length) return { ok: false, count, firstBroken: Number(rest.rows[0].seq), reason: 'row out of sequence' };
      return { ok: true, count, head: prevHash };
    }
    for (const r of rows) {
      const e = toEntry(r);
      if (e.seq !== expectedSeq) {
        return { ok: false, count, firstBroken: e.seq, reason: `row ${expectedSeq} is missing (found ${e.seq} next)` };
      }
      if (e.prevHash !== prevHash) {
        return { ok: false, count, firstBroken: e.seq, reason: 'previous-row hash does not match: a row before it was removed, reordered or rewritten' };
      }
      if (entryHash(e) !== e.hash) {
        return { ok: false, count, firstBroken: e.seq, reason: 'row content does not match its hash: the row was edited' };
      }
      prevHash = e.hash;
      expectedSeq += 1;
      count += 1;
    }
  }
}
