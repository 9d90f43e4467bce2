// The case store over the Sql adapter port: implements the case domain's persistence port (src/cases/store-port.ts).
import type {
  CaseEvaluation, CaseRow, CaseStatus, ConsentRow, ConsentStatus, Disposition, Role, SessionRow, UserRow,
} from '../cases/model.ts';
import { createHmac, randomBytes } from 'node:crypto';
import type { AuditChange, AuditContext, AuditVerification, RowDifference, ScreeningListInfo, Store, Versioned } from '../cases/store-port.ts';
import { allAudit, appendAudit, chainHead, jsonSafe, listAudit, verifyChain, WRITE_LOCK } from './audit.ts';
import { memoryAnchors, type AnchorLog } from './audit-key.ts';
import { canonicalJson } from './canonical.ts';
import { migrate } from './migrations.ts';
import { listFetchStore, throttleStore } from './service-state.ts';
import type { Sql } from './sql.ts';

/** The store with the adapter underneath, for migrations and tests that tamper on purpose; the domain sees only Store. */
export interface SqlStore extends Store {
  readonly sql: Sql;
}

// ---- row mapping ----

interface UserDb { id: string; username: string; password_hash: string; role: Role; org: string | null; disabled: boolean; version: number; created_at: string; updated_at: string }
const toUser = (r: UserDb): UserRow => ({
  id: r.id, username: r.username, passwordHash: r.password_hash, role: r.role, org: r.org, disabled: r.disabled,
  version: Number(r.version), createdAt: r.created_at, updatedAt: r.updated_at,
});
/**
 * What the audit log may say about a user: never the password hash, only a keyed fingerprint of it, so a hash replaced
 * behind the service's back shows in the replay while the log tells nothing about the password.
 */
const userAudit = (u: UserRow, fingerprint: (hash: string) => string) => ({
  username: u.username, role: u.role, org: u.org, disabled: u.disabled, version: u.version, passwordHash: fingerprint(u.passwordHash),
});
// What rows written before fingerprints said instead: nothing to replay.
const UNFINGERPRINTED = new Set(['[redacted]', '[changed]']);

interface SessionDb { token_hash: string; kind: 'session' | 'token'; user_id: string; csrf: string | null; label: string | null; created_at: string; expires_at: string }
const toSession = (r: SessionDb): SessionRow => ({
  tokenHash: r.token_hash, kind: r.kind, userId: r.user_id, csrf: r.csrf, label: r.label, createdAt: r.created_at, expiresAt: r.expires_at,
});

interface CaseDb { id: string; reference: string; org: string; status: CaseStatus; version: number; data: CaseRow['data']; created_by: string; created_at: string; updated_at: string; decided_at: string | null; category: string | null }
const toCase = (r: CaseDb): CaseRow => ({
  id: r.id, reference: r.reference, org: r.org, status: r.status, version: Number(r.version), data: r.data,
  createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at, decidedAt: r.decided_at, category: r.category,
});
const caseAudit = (c: CaseRow) => ({
  reference: c.reference, org: c.org, status: c.status, version: c.version, decidedAt: c.decidedAt, category: c.category, ...c.data,
});

interface EvalDb { seq: number; at: string; status: CaseStatus; as_of: string; policy_digest: string; outcome: CaseEvaluation['outcome']; decisions: { review: CaseEvaluation['review']; items: CaseEvaluation['items'] } }
const toEval = (r: EvalDb): CaseEvaluation => ({
  seq: Number(r.seq), at: r.at, status: r.status, asOf: r.as_of, policyDigest: r.policy_digest, outcome: r.outcome,
  review: r.decisions.review, items: r.decisions.items,
});

interface ConsentDb { id: string; case_id: string; org: string; status: ConsentStatus; version: number; data: ConsentRow['data']; created_at: string; updated_at: string }
const toConsent = (r: ConsentDb): ConsentRow => ({
  id: r.id, caseId: r.case_id, org: r.org, status: r.status, version: Number(r.version), data: r.data, createdAt: r.created_at, updatedAt: r.updated_at,
});
const consentAudit = (c: ConsentRow) => ({ caseId: c.caseId, org: c.org, status: c.status, version: c.version, ...c.data });

/** Only the top-level fields that changed, so an audit row says what happened without copying the world. */
export function shallowDiff(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k] ?? null;
      a[k] = after[k] ?? null;
    }
  }
  return { before: b, after: a };
}

interface ListDb { id: string | number; source: string; version: string; origin: string; imported_at: string; imported_by: string; sha256: string; bytes: number; individuals: number; entities: number; aliases: number; content?: string }
const toListInfo = (r: ListDb): ScreeningListInfo => ({
  id: Number(r.id), source: r.source, version: r.version, origin: r.origin, importedAt: r.imported_at, importedBy: r.imported_by,
  sha256: r.sha256, bytes: Number(r.bytes), individuals: Number(r.individuals), entities: Number(r.entities), aliases: Number(r.aliases),
});
const LIST_INFO_COLUMNS = 'id, source, version, origin, imported_at, imported_by, sha256, bytes, individuals, entities, aliases';
/** What the audit log says about a list: everything but its content. */
const listForAudit = (l: ScreeningListInfo) => ({ id: l.id, version: l.version, origin: l.origin, sha256: l.sha256, bytes: l.bytes, individuals: l.individuals, entities: l.entities, aliases: l.aliases });

const json = (v: unknown) => JSON.stringify(v);

/** The channel a stored list is announced on (its id as the payload). */
const LIST_CHANNEL = 'gensoku_list';


export interface StoreOptions {
  /** The audit key (kept outside the database); default: a random key for this store's life only (tests). */
  auditKey?: Uint8Array;
  /** Where anchors go; default: memory. */
  anchors?: AnchorLog;
}

// Audit after-states that are not columns of the row: the decision a case change was made under.
const NOT_REPLAYED: Record<'case' | 'consent' | 'user', ReadonlySet<string>> = {
  case: new Set(['evaluation']), consent: new Set(), user: new Set(),
};

export function createStore(sql: Sql, opts: StoreOptions = {}): SqlStore {
  const auditKey = opts.auditKey ?? randomBytes(32);
  const anchors = opts.anchors ?? memoryAnchors();
  const fingerprint = (hash: string) => 'hmac-sha256:' + createHmac('sha256', auditKey).update(`password-hash:${hash}`).digest('hex').slice(0, 32);
  /** One write: take the writer lock, change, append the audit row, all in one transaction. */
  async function write<T>(ctx: AuditContext, fn: (tx: Sql) => Promise<{ value: T; audit: AuditChange | null }>): Promise<T> {
    return sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      const { value, audit } = await fn(tx);
      if (audit) await appendAudit(tx, auditKey, ctx, audit);
      return value;
    });
  }

  /** A versioned case write with its optional evaluation; write() appends the audit row. */
  async function updateCase(tx: Sql, verb: string, c: CaseRow, expectedVersion: number, evaluation?: Omit<CaseEvaluation, 'seq'>): Promise<{ value: Versioned<CaseRow>; audit: AuditChange | null }> {
    const old = await tx.query<CaseDb>('SELECT * FROM cases WHERE id = $1', [c.id]);
    const res = await tx.query<CaseDb>(
      `UPDATE cases SET status = $2, version = $3, data = $4::jsonb, updated_at = $5, decided_at = $6, category = $7
       WHERE id = $1 AND version = $8 RETURNING *`,
      [c.id, c.status, expectedVersion + 1, json(c.data), c.updatedAt, c.decidedAt, c.category, expectedVersion]);
    if (res.rows.length === 0) return { value: { ok: false as const, current: old.rows[0] && toCase(old.rows[0]) }, audit: null };
    const next = toCase(res.rows[0]);
    const diff = shallowDiff(caseAudit(toCase(old.rows[0])), caseAudit(next));
    if (evaluation) {
      const { rows } = await tx.query<{ n: string | number }>('SELECT count(*) AS n FROM case_evaluations WHERE case_id = $1', [c.id]);
      const seq = Number(rows[0].n) + 1;
      await tx.query(
        `INSERT INTO case_evaluations (case_id, seq, at, status, as_of, policy_digest, outcome, decisions)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
        [c.id, seq, evaluation.at, evaluation.status, evaluation.asOf, evaluation.policyDigest, evaluation.outcome,
          json({ review: evaluation.review, items: evaluation.items })]);
      // The audit row names the decision the change was made under; the full trace is in case_evaluations.
      diff.after.evaluation = { seq, asOf: evaluation.asOf, policyDigest: evaluation.policyDigest, outcome: evaluation.outcome, review: evaluation.review,
        reasons: [...new Set(evaluation.items.flatMap((d) => d.reasons))] };
    }
    return { value: { ok: true as const, value: next }, audit: { verb, targetType: 'case', targetId: c.id, ...diff } };
  }

  async function verify(): Promise<AuditVerification> {
    const anchor = anchors.last();
    const chain = await verifyChain(sql, auditKey, anchor);
    const differences = await replay();
    if (!chain.ok) return { ...chain, anchor, differences };
    const reasons = [
      ...(differences.length ? [`${differences.length} row(s) of cases, consents, users or sessions differ from what the audit record says: ${differences.map((d) => d.label).join(', ')}`] : []),
      ...await appendOnlyOff(),
    ];
    if (reasons.length) return { ok: false, count: chain.count, firstBroken: null, reason: reasons.join('; '), anchor, unkeyed: chain.unkeyed, differences };
    return { ok: true, count: chain.count, head: chain.head, anchor, unkeyed: chain.unkeyed, differences: [] };
  }

  /** The append-only triggers (migration 0005_audit_append_only) are gone or switched off: someone who owns the tables was at work. */
  async function appendOnlyOff(): Promise<string[]> {
    const { rows } = await sql.query<{ tgname: string; tgenabled: string }>(
      `SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid = to_regclass('audit_log') AND NOT tgisinternal`);
    const on = new Set(rows.filter((r) => r.tgenabled !== 'D').map((r) => r.tgname));
    const missing = ['audit_log_no_update_delete', 'audit_log_no_truncate'].filter((t) => !on.has(t));
    return missing.length ? [`the append-only trigger(s) ${missing.join(', ')} of audit_log are dropped or switched off`] : [];
  }

  /** Folds every audit row's after-state per row, then names each current row that differs from its fold. */
  async function replay(): Promise<RowDifference[]> {
    const told = new Map<string, Record<string, unknown>>();
    const sessionsTold = new Map<string, { kind: string; expiresAt: string }>();
    for await (const e of allAudit(sql)) {
      if (e.verb === 'session.create' || e.verb === 'token.create') {
        const a = e.after as { kind: string; expiresAt: string; tokenId: string };
        sessionsTold.set(`${e.targetId}:${a.tokenId}`, { kind: a.kind, expiresAt: a.expiresAt });
        continue;
      }
      if (e.verb.split('.')[0] !== e.targetType || !(e.targetType in NOT_REPLAYED)) continue;
      const key = `${e.targetType}:${e.targetId}`;
      const after = (e.after ?? {}) as Record<string, unknown>;
      told.set(key, e.verb.endsWith('.create') ? { ...after } : { ...told.get(key), ...after });
    }
    const out: RowDifference[] = [];
    const same = (a: unknown, b: unknown) => canonicalJson(jsonSafe(a ?? null)) === canonicalJson(jsonSafe(b ?? null));
    const compare = (targetType: keyof typeof NOT_REPLAYED, targetId: string, label: string, current: Record<string, unknown>) => {
      const key = `${targetType}:${targetId}`;
      const state = told.get(key);
      told.delete(key);
      if (!state) { out.push({ targetType, targetId, label, fields: [], reason: 'the row has no audit record: it was written outside the service' }); return; }
      const fields = [...new Set([...Object.keys(state), ...Object.keys(current)])]
        .filter((k) => !NOT_REPLAYED[targetType].has(k) && !UNFINGERPRINTED.has(state[k] as string) && !same(state[k], current[k])).sort();
      if (fields.length) out.push({ targetType, targetId, label, fields, reason: `changed outside the service: ${fields.join(', ')}` });
    };
    for (const r of (await sql.query<CaseDb>('SELECT * FROM cases ORDER BY id')).rows) compare('case', r.id, r.reference, caseAudit(toCase(r)));
    for (const r of (await sql.query<ConsentDb>('SELECT * FROM consents ORDER BY id')).rows) compare('consent', r.id, `consent ${r.id.slice(0, 8)} of case ${r.case_id.slice(0, 8)}`, consentAudit(toConsent(r)));
    for (const r of (await sql.query<UserDb>('SELECT * FROM users ORDER BY id')).rows) compare('user', r.id, r.username, userAudit(toUser(r), fingerprint));
    // Sessions and tokens: one made by hand is a login nobody audited; a lifetime stretched by hand is one too.
    for (const r of (await sql.query<SessionDb & { username: string | null }>('SELECT s.*, u.username FROM sessions s LEFT JOIN users u ON u.id = s.user_id ORDER BY s.token_hash')).rows) {
      const made = sessionsTold.get(`${r.user_id}:${r.token_hash.slice(0, 16)}`);
      const label = `${r.kind} ${r.token_hash.slice(0, 16)} of ${r.username ?? r.user_id}`;
      if (!made) out.push({ targetType: 'session', targetId: r.token_hash.slice(0, 16), label, fields: [], reason: 'the session or token has no audit record: it was written outside the service' });
      else if (made.kind !== r.kind || made.expiresAt !== r.expires_at) out.push({ targetType: 'session', targetId: r.token_hash.slice(0, 16), label, fields: ['expiresAt', 'kind'].filter((f) => (f === 'kind' ? made.kind !== r.kind : made.expiresAt !== r.expires_at)), reason: 'changed outside the service' });
    }
    for (const [key, state] of told) {
      const [targetType, targetId] = key.split(/:(.*)/s) as [keyof typeof NOT_REPLAYED, string];
      const label = String(state.reference ?? state.username ?? `${targetType} ${targetId.slice(0, 8)}`);
      out.push({ targetType, targetId, label, fields: [], reason: 'the row is missing: the audit record says it exists' });
    }
    return out;
  }

  return {
    dialect: sql.dialect,
    sql,
    async ping() {
      await sql.query('SELECT 1');
    },
    close: () => sql.close(),
    users: {
      async get(id) {
        const { rows } = await sql.query<UserDb>('SELECT * FROM users WHERE id = $1', [id]);
        return rows[0] && toUser(rows[0]);
      },
      async byUsername(username) {
        const { rows } = await sql.query<UserDb>('SELECT * FROM users WHERE username = $1', [username]);
        return rows[0] && toUser(rows[0]);
      },
      async list() {
        const { rows } = await sql.query<UserDb>('SELECT * FROM users ORDER BY username');
        return rows.map(toUser);
      },
      async count(role) {
        const { rows } = await sql.query<{ n: string | number }>(
          'SELECT count(*) AS n FROM users WHERE ($1::text IS NULL OR role = $1) AND NOT disabled', [role ?? null]);
        return Number(rows[0].n);
      },
      insert: (ctx, u) => write(ctx, async (tx) => {
        await tx.query(
          `INSERT INTO users (id, username, password_hash, role, org, disabled, version, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [u.id, u.username, u.passwordHash, u.role, u.org, u.disabled, u.version, u.createdAt, u.updatedAt]);
        return { value: undefined, audit: { verb: 'user.create', targetType: 'user', targetId: u.id, before: null, after: userAudit(u, fingerprint) } };
      }),
      update: (ctx, verb, u, expectedVersion) => write<Versioned<UserRow>>(ctx, async (tx) => {
        const old = await tx.query<UserDb>('SELECT * FROM users WHERE id = $1', [u.id]);
        const res = await tx.query<UserDb>(
          `UPDATE users SET username = $2, password_hash = $3, role = $4, org = $5, disabled = $6, version = $7, updated_at = $8
           WHERE id = $1 AND version = $9 RETURNING *`,
          [u.id, u.username, u.passwordHash, u.role, u.org, u.disabled, expectedVersion + 1, u.updatedAt, expectedVersion]);
        if (res.rows.length === 0) return { value: { ok: false as const, current: old.rows[0] && toUser(old.rows[0]) }, audit: null };
        const next = toUser(res.rows[0]);
        const before = userAudit(toUser(old.rows[0]), fingerprint);
        const after = userAudit(next, fingerprint);
        return { value: { ok: true as const, value: next }, audit: { verb, targetType: 'user', targetId: u.id, ...shallowDiff(before, after) } };
      }),
    },
    sessions: {
      async get(tokenHash) {
        const { rows } = await sql.query<SessionDb>('SELECT * FROM sessions WHERE token_hash = $1', [tokenHash]);
        return rows[0] && toSession(rows[0]);
      },
      insert: (ctx, s) => write(ctx, async (tx) => {
        await tx.query(
          `INSERT INTO sessions (token_hash, kind, user_id, csrf, label, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [s.tokenHash, s.kind, s.userId, s.csrf, s.label, s.createdAt, s.expiresAt]);
        // The token itself never reaches the log; a prefix of its hash identifies it.
        return { value: undefined, audit: { verb: `${s.kind}.create`, targetType: 'user', targetId: s.userId, before: null, after: { kind: s.kind, label: s.label, expiresAt: s.expiresAt, tokenId: s.tokenHash.slice(0, 16) } } };
      }),
      delete: (ctx, tokenHash) => write(ctx, async (tx) => {
        const { rows } = await tx.query<SessionDb>('DELETE FROM sessions WHERE token_hash = $1 RETURNING *', [tokenHash]);
        if (!rows[0]) return { value: false, audit: null };
        return { value: true, audit: { verb: `${rows[0].kind}.delete`, targetType: 'user', targetId: rows[0].user_id, before: { tokenId: tokenHash.slice(0, 16) }, after: null } };
      }),
      deleteForUser: (ctx, userId) => write(ctx, async (tx) => {
        const { rows } = await tx.query<SessionDb>('DELETE FROM sessions WHERE user_id = $1 RETURNING token_hash', [userId]);
        if (rows.length === 0) return { value: 0, audit: null };
        return { value: rows.length, audit: { verb: 'sessions.revoke', targetType: 'user', targetId: userId, before: { sessions: rows.length }, after: { sessions: 0 } } };
      }),
    },
    cases: {
      async get(id) {
        const { rows } = await sql.query<CaseDb>('SELECT * FROM cases WHERE id = $1', [id]);
        return rows[0] && toCase(rows[0]);
      },
      async list(f = {}) {
        const { rows } = await sql.query<CaseDb>(
          `SELECT * FROM cases WHERE ($1::text IS NULL OR org = $1) AND ($2::text IS NULL OR status = $2)
           ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`,
          [f.org ?? null, f.status ?? null, Math.min(f.limit ?? 100, 1000), f.offset ?? 0]);
        return rows.map(toCase);
      },
      async nextReference(year) {
        const { rows } = await sql.query<{ n: string | number }>("SELECT nextval('case_reference_seq') AS n");
        return `GSK-${year}-${String(rows[0].n).padStart(6, '0')}`;
      },
      insert: (ctx, c) => write(ctx, async (tx) => {
        await tx.query(
          `INSERT INTO cases (id, reference, org, status, version, data, created_by, created_at, updated_at, decided_at, category)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11)`,
          [c.id, c.reference, c.org, c.status, c.version, json(c.data), c.createdBy, c.createdAt, c.updatedAt, c.decidedAt, c.category]);
        return { value: undefined, audit: { verb: 'case.create', targetType: 'case', targetId: c.id, before: null, after: caseAudit(c) } };
      }),
      update: (ctx, verb, c, expectedVersion, evaluation) => write<Versioned<CaseRow>>(ctx, (tx) => updateCase(tx, verb, c, expectedVersion, evaluation)),
      async evaluations(caseId) {
        const { rows } = await sql.query<EvalDb>('SELECT * FROM case_evaluations WHERE case_id = $1 ORDER BY seq', [caseId]);
        return rows.map(toEval);
      },
      async latestEvaluation(caseId) {
        const { rows } = await sql.query<EvalDb>('SELECT * FROM case_evaluations WHERE case_id = $1 ORDER BY seq DESC LIMIT 1', [caseId]);
        return rows[0] && toEval(rows[0]);
      },
      async approvalsByCategory(from, to) {
        const { rows } = await sql.query<{ category: string | null; n: string | number }>(
          `SELECT category, count(*) AS n FROM cases WHERE status = 'approved' AND decided_at >= $1 AND decided_at < $2
           GROUP BY category ORDER BY category NULLS LAST`, [from, to]);
        return rows.map((r) => ({ category: r.category, count: Number(r.n) }));
      },
    },
    consents: {
      async get(id) {
        const { rows } = await sql.query<ConsentDb>('SELECT * FROM consents WHERE id = $1', [id]);
        return rows[0] && toConsent(rows[0]);
      },
      async listByCase(caseId) {
        const { rows } = await sql.query<ConsentDb>('SELECT * FROM consents WHERE case_id = $1 ORDER BY created_at, id', [caseId]);
        return rows.map(toConsent);
      },
      insert: (ctx, c) => write(ctx, async (tx) => {
        await tx.query(
          `INSERT INTO consents (id, case_id, org, status, version, data, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
          [c.id, c.caseId, c.org, c.status, c.version, json(c.data), c.createdAt, c.updatedAt]);
        return { value: undefined, audit: { verb: 'consent.create', targetType: 'consent', targetId: c.id, before: null, after: consentAudit(c) } };
      }),
      update: (ctx, verb, c, expectedVersion) => write<Versioned<ConsentRow>>(ctx, async (tx) => {
        const old = await tx.query<ConsentDb>('SELECT * FROM consents WHERE id = $1', [c.id]);
        const res = await tx.query<ConsentDb>(
          `UPDATE consents SET status = $2, version = $3, data = $4::jsonb, updated_at = $5 WHERE id = $1 AND version = $6 RETURNING *`,
          [c.id, c.status, expectedVersion + 1, json(c.data), c.updatedAt, expectedVersion]);
        if (res.rows.length === 0) return { value: { ok: false as const, current: old.rows[0] && toConsent(old.rows[0]) }, audit: null };
        const next = toConsent(res.rows[0]);
        return { value: { ok: true as const, value: next }, audit: { verb, targetType: 'consent', targetId: c.id, ...shallowDiff(consentAudit(toConsent(old.rows[0])), consentAudit(next)) } };
      }),
    },
    screening: {
      async dispositions(listVersion, partyKeys) {
        const out = new Map<string, Map<string, Disposition>>();
        if (partyKeys.length === 0) return out;
        const { rows } = await sql.query<{ party_key: string; reference_number: string; verdict: Disposition['verdict']; reason: string; decided_by: string; decided_at: string }>(
          'SELECT * FROM screening_dispositions WHERE list_version = $1 AND party_key = ANY($2::text[])', [listVersion, partyKeys]);
        for (const r of rows) {
          if (!out.has(r.party_key)) out.set(r.party_key, new Map());
          out.get(r.party_key)!.set(r.reference_number, { verdict: r.verdict, reason: r.reason, by: r.decided_by, at: r.decided_at });
        }
        return out;
      },
      dispose: (ctx, c, expectedVersion, d) => write<Versioned<CaseRow>>(ctx, async (tx) => {
        const res = await updateCase(tx, 'case.screening.dispose', c, expectedVersion);
        if (!res.value.ok) return res;
        await tx.query(
          `INSERT INTO screening_dispositions (party_key, list_version, reference_number, verdict, reason, decided_by, decided_at, case_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (party_key, list_version, reference_number)
           DO UPDATE SET verdict = EXCLUDED.verdict, reason = EXCLUDED.reason, decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at, case_id = EXCLUDED.case_id`,
          [d.partyKey, d.listVersion, d.referenceNumber, d.verdict, d.reason, d.by, d.at, c.id]);
        return res;
      }),
      saveList: (ctx, l, expectedCurrent, change) => write<Versioned<ScreeningListInfo>>(ctx, async (tx) => {
        const { rows } = await tx.query<ListDb>(`SELECT ${LIST_INFO_COLUMNS} FROM screening_lists ORDER BY id DESC LIMIT 1`);
        const current = rows[0] && toListInfo(rows[0]);
        if ((current?.id ?? null) !== expectedCurrent) return { value: { ok: false as const, current }, audit: null };
        const info: ScreeningListInfo = {
          id: (current?.id ?? 0) + 1, source: l.source, version: l.version, origin: l.origin, importedAt: ctx.at, importedBy: ctx.actor,
          sha256: l.sha256, bytes: l.bytes, individuals: l.individuals, entities: l.entities, aliases: l.aliases,
        };
        await tx.query(
          `INSERT INTO screening_lists (id, source, version, origin, imported_at, imported_by, sha256, bytes, individuals, entities, aliases, content)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [info.id, info.source, info.version, info.origin, info.importedAt, info.importedBy, info.sha256, info.bytes, info.individuals, info.entities, info.aliases, l.content]);
        // Delivered at commit to every server LISTENing on the database, which then loads this list.
        await tx.query('SELECT pg_notify($1, $2)', [LIST_CHANNEL, String(info.id)]);
        return {
          value: { ok: true as const, value: info },
          audit: { verb: 'screening.list.import', targetType: 'screening-list', targetId: l.source, before: current ? listForAudit(current) : null, after: { ...listForAudit(info), ...change } },
        };
      }),
      async currentList() {
        const { rows } = await sql.query<ListDb>('SELECT * FROM screening_lists ORDER BY id DESC LIMIT 1');
        return rows[0] && { ...toListInfo(rows[0]), content: rows[0].content! };
      },
      async listHistory(limit = 20) {
        const { rows } = await sql.query<ListDb>(`SELECT ${LIST_INFO_COLUMNS} FROM screening_lists ORDER BY id DESC LIMIT $1`, [Math.min(Math.max(limit, 1), 1000)]);
        return rows.map(toListInfo);
      },
    },
    throttle: throttleStore(sql),
    listFetches: listFetchStore(sql),
    ...(sql.listen ? { watchLists: (fn: () => void) => sql.listen!(LIST_CHANNEL, fn, fn) } : {}),
    audit: {
      record: (ctx, change) => write(ctx, async () => ({ value: undefined, audit: change })),
      list: (filter) => listAudit(sql, filter),
      verify,
      head: () => chainHead(sql),
      async anchor(at) {
        const verification = await verify();
        if (!verification.ok) return { ok: false, verification };
        const head = await chainHead(sql);
        const anchor = { seq: head.seq, hash: head.hash, at };
        anchors.append(anchor);
        return { ok: true, anchor, where: anchors.where };
      },
    },
  };
}

/** Opens and migrates a store over an adapter. */
export async function openStoreOver(sql: Sql, opts: StoreOptions = {}): Promise<SqlStore> {
  await migrate(sql);
  return createStore(sql, opts);
}
