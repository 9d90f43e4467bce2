// The audit chain: each row carries the keyed hash (HMAC) of its content and of the previous row, so an edited,
// deleted or reordered row shows, and a database writer without the key cannot recompute the chain.
import { createHmac } from 'node:crypto';
import { canonicalJson, sha256 } from './canonical.ts';
import type { AuditAnchor, AuditChange, AuditContext, AuditEntry, AuditFilter, AuditListEntry, AuditVerification, RowDifference } from '../cases/store-port.ts';
import type { Sql } from './sql.ts';

export const GENESIS_HASH = 'sha256:' + '0'.repeat(64);
// Writers take this lock first, so rows get consecutive numbers and each sees the true previous hash.
export const WRITE_LOCK = 7_401_002;
const KEYED = 'hmac-sha256:';
const UNKEYED = 'sha256:';

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

const hashInput = (e: Omit<AuditEntry, 'hash'>) => canonicalJson({
  seq: e.seq, at: e.at, actor: e.actor, verb: e.verb, targetType: e.targetType, targetId: e.targetId,
  before: e.before ?? null, after: e.after ?? null, requestId: e.requestId ?? null, prevHash: e.prevHash,
});

/** HMAC-SHA256 under the audit key over the canonical JSON of the row (its previous row's hash included). */
export function entryHash(e: Omit<AuditEntry, 'hash'>, key: Uint8Array): string {
  return KEYED + createHmac('sha256', key).update(hashInput(e)).digest('hex');
}

/** What rows written before the chain was keyed carry: a plain sha256 anyone can recompute. */
const unkeyedHash = (e: Omit<AuditEntry, 'hash'>) => sha256(hashInput(e));

/** Appends one row; must run inside the transaction that makes the change, after taking WRITE_LOCK. */
export async function appendAudit(tx: Sql, key: Uint8Array, ctx: AuditContext, change: AuditChange): Promise<AuditEntry> {
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
  const entry: AuditEntry = { ...base, hash: entryHash(base, key) };
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

export async function listAudit(sql: Sql, f: AuditFilter = {}): Promise<AuditListEntry[]> {
  const limit = Math.min(Math.max(f.limit ?? 100, 1), 1000);
  const verb = f.verb?.endsWith('.') ? { prefix: f.verb, exact: null } : { prefix: null, exact: f.verb ?? null };
  const { rows } = await sql.query<AuditDbRow & { label: string | null }>(
    `SELECT a.*, COALESCE(c.reference, kc.reference, u.username) AS label
       FROM audit_log a
       LEFT JOIN cases c ON a.target_type = 'case' AND c.id = a.target_id
       LEFT JOIN consents k ON a.target_type = 'consent' AND k.id = a.target_id
       LEFT JOIN cases kc ON kc.id = k.case_id
       LEFT JOIN users u ON a.target_type = 'user' AND u.id = a.target_id
      WHERE a.seq > $1 AND ($2::text IS NULL OR a.target_id = $2)
        AND ($3::text IS NULL OR c.id = $3 OR c.reference = $3 OR kc.id = $3 OR kc.reference = $3)
        AND ($4::text IS NULL OR a.actor = $4)
        AND ($5::text IS NULL OR a.verb = $5) AND ($6::text IS NULL OR starts_with(a.verb, $6))
        AND ($7::text IS NULL OR a.at >= $7) AND ($8::text IS NULL OR a.at < $8)
      ORDER BY a.seq LIMIT $9`,
    [f.after ?? 0, f.targetId ?? null, f.caseRef ?? null, f.actor ?? null, verb.exact, verb.prefix, f.from ?? null, f.to ?? null, limit],
  );
  return rows.map((r) => ({ ...toEntry(r), label: r.label }));
}

export type ChainCheck =
  | { ok: true; count: number; head: string; unkeyed: number }
  | { ok: false; count: number; firstBroken: number | null; reason: string; unkeyed: number };

/**
 * Walks the whole chain in pages and names the first row whose number, link or keyed hash is wrong; then holds the
 * chain to the last anchor, so rows removed from the end (or all of them) show. Rows written before the chain was
 * keyed are accepted only as a prefix: an unkeyed row after a keyed one is a forgery.
 */
export async function verifyChain(sql: Sql, key: Uint8Array, anchor: AuditAnchor | null, pageSize = 1000): Promise<ChainCheck> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let unkeyed = 0;
  let keyedSeen = false;
  let anchored = anchor === null;
  const broken = (firstBroken: number | null, reason: string): ChainCheck => ({ ok: false, count, firstBroken, reason, unkeyed });
  for (;;) {
    const { rows } = await sql.query<AuditDbRow>('SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2', [
      expectedSeq, pageSize,
    ]);
    if (rows.length === 0) {
      // Rows renumbered below 1 would never be reached by the walk above.
      const rest = await sql.query<{ seq: string | number }>('SELECT seq FROM audit_log WHERE seq < 1 ORDER BY seq LIMIT 1');
      if (rest.rows.length) return broken(Number(rest.rows[0].seq), 'row out of sequence');
      if (!anchored) {
        return broken(count + 1, `the chain ends at row ${count} but was anchored at row ${anchor!.seq} on ${anchor!.at}: rows were removed from the end`);
      }
      return { ok: true, count, head: prevHash, unkeyed };
    }
    for (const r of rows) {
      const e = toEntry(r);
      if (e.seq !== expectedSeq) return broken(e.seq, `row ${expectedSeq} is missing (found ${e.seq} next)`);
      if (e.prevHash !== prevHash) return broken(e.seq, 'previous-row hash does not match: a row before it was removed, reordered or rewritten');
      if (e.hash.startsWith(KEYED)) {
        if (entryHash(e, key) !== e.hash) return broken(e.seq, 'row content does not match its keyed hash: the row was edited, or written without the audit key');
        keyedSeen = true;
      } else if (!keyedSeen && e.hash.startsWith(UNKEYED) && unkeyedHash(e) === e.hash) {
        unkeyed += 1;
      } else {
        return broken(e.seq, keyedSeen ? 'an unkeyed row after keyed ones: the row was forged' : 'row content does not match its hash: the row was edited');
      }
      if (anchor && e.seq === anchor.seq) {
        if (e.hash !== anchor.hash) return broken(e.seq, `row ${e.seq} differs from the anchor written on ${anchor.at}: the chain was rewritten`);
        anchored = true;
      }
      prevHash = e.hash;
      expectedSeq += 1;
      count += 1;
    }
  }
}

/** The last row's number and hash: what an anchor records. */
export async function chainHead(sql: Sql): Promise<{ seq: number; hash: string }> {
  const { rows } = await sql.query<{ seq: string | number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  return rows.length ? { seq: Number(rows[0].seq), hash: rows[0].hash } : { seq: 0, hash: GENESIS_HASH };
}

/** Every audit row in order, a page at a time, for the replay. */
export async function* allAudit(sql: Sql, pageSize = 1000): AsyncGenerator<AuditEntry> {
  for (let after = 0; ;) {
    const { rows } = await sql.query<AuditDbRow>('SELECT * FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2', [after, pageSize]);
    for (const r of rows) yield toEntry(r);
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1].seq);
  }
}
