// The persistence port of the case system, written once over the Sql adapter port.
import type {
  CaseEvaluation, CaseRow, CaseStatus, ConsentRow, ConsentStatus, Role, SessionRow, UserRow,
} from '../cases/model.ts';
import {
  appendAudit, listAudit, verifyAudit, WRITE_LOCK,
  type AuditChange, type AuditContext, type AuditEntry, type AuditVerification,
} from './audit.ts';
import { dispositionKey, type Disposition } from '../cases/screening.ts';
import { migrate } from './migrations.ts';
import type { Sql } from './sql.ts';

/** The outcome of a versioned write: either the new row, or the row as it is now (someone else won). */
export type Versioned<T> = { ok: true; value: T } | { ok: false; current: T | undefined };

export interface CaseFilter {
  org?: string;
  status?: CaseStatus;
  limit?: number;
  offset?: number;
}

export interface ApprovalCount {
  category: string | null;
  count: number;
}

/** One imported sanctions list, without its content. */
export interface ScreeningListInfo {
  /** Import number: 1, 2, ... The highest is the list in use. */
  id: number;
  source: string;
  /** The list's own version: its generation date (dateGenerated). */
  version: string;
  /** Where it came from: the file named on the command line, or the HTTP import. */
  origin: string;
  importedAt: string;
  importedBy: string;
  /** sha256 of the content as stored (UTF-8). */
  sha256: string;
  bytes: number;
  individuals: number;
  entities: number;
  aliases: number;
}

export interface ScreeningListRow extends ScreeningListInfo {
  /** The list as published (the UN XML), so it can be parsed again at start and diffed at the next import. */
  content: string;
}

/** A list to store; its number, time and importer come from the store and the audit context. */
export type NewScreeningList = Omit<ScreeningListRow, 'id' | 'importedAt' | 'importedBy'>;

export interface Store {
  readonly dialect: Sql['dialect'];
  users: {
    get(id: string): Promise<UserRow | undefined>;
    byUsername(username: string): Promise<UserRow | undefined>;
    list(): Promise<UserRow[]>;
    count(role?: Role): Promise<number>;
    insert(ctx: AuditContext, user: UserRow): Promise<void>;
    update(ctx: AuditContext, verb: string, user: UserRow, expectedVersion: number): Promise<Versioned<UserRow>>;
  };
  sessions: {
    get(tokenHash: string): Promise<SessionRow | undefined>;
    insert(ctx: AuditContext, session: SessionRow): Promise<void>;
    delete(ctx: AuditContext, tokenHash: string): Promise<boolean>;
    /** Revokes every session and token of a user (password changed, user disabled); returns how many. */
    deleteForUser(ctx: AuditContext, userId: string): Promise<number>;
  };
  cases: {
    get(id: string): Promise<CaseRow | undefined>;
    list(filter?: CaseFilter): Promise<CaseRow[]>;
    nextReference(year: number): Promise<string>;
    insert(ctx: AuditContext, row: CaseRow): Promise<void>;
    /** Writes row if the stored version is still expectedVersion, with its evaluation and audit row, atomically. */
    update(ctx: AuditContext, verb: string, row: CaseRow, expectedVersion: number, evaluation?: Omit<CaseEvaluation, 'seq'>): Promise<Versioned<CaseRow>>;
    evaluations(caseId: string): Promise<CaseEvaluation[]>;
    latestEvaluation(caseId: string): Promise<CaseEvaluation | undefined>;
    /** Approved cases counted by category, decided in [from, to) (ISO timestamps). */
    approvalsByCategory(from: string, to: string): Promise<ApprovalCount[]>;
  };
  consents: {
    get(id: string): Promise<ConsentRow | undefined>;
    listByCase(caseId: string): Promise<ConsentRow[]>;
    insert(ctx: AuditContext, row: ConsentRow): Promise<void>;
    update(ctx: AuditContext, verb: string, row: ConsentRow, expectedVersion: number): Promise<Versioned<ConsentRow>>;
  };
  screening: {
    /** Dispositions recorded under this list version, keyed by dispositionKey(partyKey, referenceNumber). */
    dispositions(listVersion: string, partyKeys: string[]): Promise<Map<string, Disposition>>;
    /** Records a disposition and the case it was made on, atomically, with one audit row. */
    dispose(ctx: AuditContext, row: CaseRow, expectedVersion: number, d: { partyKey: string; listVersion: string; referenceNumber: string } & Disposition): Promise<Versioned<CaseRow>>;
    /**
     * Stores an imported list, which becomes the version in use of the list named by its source, with one audit row,
     * atomically; only if that list's version in use is still expectedCurrent (its id, or null for none), so two
     * imports at once cannot both diff against the same predecessor. `change` goes into the audit row.
     */
    saveList(ctx: AuditContext, list: NewScreeningList, expectedCurrent: number | null, change?: Record<string, unknown>): Promise<Versioned<ScreeningListInfo>>;
    /** The last list stored (of the given source, when named), with its content; undefined when none. */
    currentList(source?: string): Promise<ScreeningListRow | undefined>;
    /** Every list in use: the last import of each source, with content, oldest source first. */
    currentLists(): Promise<ScreeningListRow[]>;
    /** Earlier imports (of the given source, when named), newest first, without content. */
    listHistory(limit?: number, source?: string): Promise<ScreeningListInfo[]>;
  };
  audit: {
    /** Records an event that changes no table of its own (e.g. a sanctions list import). */
    record(ctx: AuditContext, change: AuditChange): Promise<void>;
    list(opts?: { after?: number; limit?: number; targetId?: string }): Promise<AuditEntry[]>;
    verify(): Promise<AuditVerification>;
  };
  /** The adapter underneath, for migrations, health checks and tests that tamper on purpose. */
  readonly sql: Sql;
  close(): Promise<void>;
}

// ---- row mapping ----

interface UserDb { id: string; username: string; password_hash: string; role: Role; org: string | null; disabled: boolean; version: number; created_at: string; updated_at: string }
const toUser = (r: UserDb): UserRow => ({
  id: r.id, username: r.username, passwordHash: r.password_hash, role: r.role, org: r.org, disabled: r.disabled,
  version: Number(r.version), createdAt: r.created_at, updatedAt: r.updated_at,
});
/** What the audit log may say about a user: never the password hash, only that it changed. */
const userAudit = (u: UserRow) => ({ username: u.username, role: u.role, org: u.org, disabled: u.disabled, version: u.version, passwordHash: '[redacted]' });

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

export function createStore(sql: Sql): Store {
  /** One write: take the writer lock, change, append the audit row, all in one transaction. */
  async function write<T>(ctx: AuditContext, fn: (tx: Sql) => Promise<{ value: T; audit: AuditChange | null }>): Promise<T> {
    return sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
      const { value, audit } = await fn(tx);
      if (audit) await appendAudit(tx, ctx, audit);
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

  return {
    dialect: sql.dialect,
    sql,
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
        return { value: undefined, audit: { verb: 'user.create', targetType: 'user', targetId: u.id, before: null, after: userAudit(u) } };
      }),
      update: (ctx, verb, u, expectedVersion) => write<Versioned<UserRow>>(ctx, async (tx) => {
        const old = await tx.query<UserDb>('SELECT * FROM users WHERE id = $1', [u.id]);
        const res = await tx.query<UserDb>(
          `UPDATE users SET username = $2, password_hash = $3, role = $4, org = $5, disabled = $6, version = $7, updated_at = $8
           WHERE id = $1 AND version = $9 RETURNING *`,
          [u.id, u.username, u.passwordHash, u.role, u.org, u.disabled, expectedVersion + 1, u.updatedAt, expectedVersion]);
        if (res.rows.length === 0) return { value: { ok: false as const, current: old.rows[0] && toUser(old.rows[0]) }, audit: null };
        const next = toUser(res.rows[0]);
        const before = userAudit(toUser(old.rows[0]));
        const after = userAudit(next);
        if (old.rows[0].password_hash !== next.passwordHash) after.passwordHash = '[changed]';
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
        const out = new Map<string, Disposition>();
        if (partyKeys.length === 0) return out;
        const { rows } = await sql.query<{ party_key: string; reference_number: string; verdict: Disposition['verdict']; reason: string; decided_by: string; decided_at: string }>(
          'SELECT * FROM screening_dispositions WHERE list_version = $1 AND party_key = ANY($2::text[])', [listVersion, partyKeys]);
        for (const r of rows) out.set(dispositionKey(r.party_key, r.reference_number), { verdict: r.verdict, reason: r.reason, by: r.decided_by, at: r.decided_at });
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
        const { rows } = await tx.query<ListDb>(`SELECT ${LIST_INFO_COLUMNS} FROM screening_lists WHERE source = $1 ORDER BY id DESC LIMIT 1`, [l.source]);
        const current = rows[0] && toListInfo(rows[0]);
        if ((current?.id ?? null) !== expectedCurrent) return { value: { ok: false as const, current }, audit: null };
        const last = await tx.query<{ id: string | number | null }>('SELECT max(id) AS id FROM screening_lists');
        const info: ScreeningListInfo = {
          id: Number(last.rows[0]?.id ?? 0) + 1, source: l.source, version: l.version, origin: l.origin, importedAt: ctx.at, importedBy: ctx.actor,
          sha256: l.sha256, bytes: l.bytes, individuals: l.individuals, entities: l.entities, aliases: l.aliases,
        };
        await tx.query(
          `INSERT INTO screening_lists (id, source, version, origin, imported_at, imported_by, sha256, bytes, individuals, entities, aliases, content)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [info.id, info.source, info.version, info.origin, info.importedAt, info.importedBy, info.sha256, info.bytes, info.individuals, info.entities, info.aliases, l.content]);
        return {
          value: { ok: true as const, value: info },
          audit: { verb: 'screening.list.import', targetType: 'screening-list', targetId: l.source, before: current ? listForAudit(current) : null, after: { ...listForAudit(info), ...change } },
        };
      }),
      async currentList(source) {
        const { rows } = source === undefined
          ? await sql.query<ListDb>('SELECT * FROM screening_lists ORDER BY id DESC LIMIT 1')
          : await sql.query<ListDb>('SELECT * FROM screening_lists WHERE source = $1 ORDER BY id DESC LIMIT 1', [source]);
        return rows[0] && { ...toListInfo(rows[0]), content: rows[0].content! };
      },
      async currentLists() {
        const { rows } = await sql.query<ListDb>(
          'SELECT l.* FROM screening_lists l JOIN (SELECT source, max(id) AS id FROM screening_lists GROUP BY source) h ON h.id = l.id ORDER BY l.id');
        return rows.map((r) => ({ ...toListInfo(r), content: r.content! }));
      },
      async listHistory(limit = 20, source) {
        const n = Math.min(Math.max(limit, 1), 1000);
        const { rows } = source === undefined
          ? await sql.query<ListDb>(`SELECT ${LIST_INFO_COLUMNS} FROM screening_lists ORDER BY id DESC LIMIT $1`, [n])
          : await sql.query<ListDb>(`SELECT ${LIST_INFO_COLUMNS} FROM screening_lists WHERE source = $1 ORDER BY id DESC LIMIT $2`, [source, n]);
        return rows.map(toListInfo);
      },
    },
    audit: {
      record: (ctx, change) => write(ctx, async () => ({ value: undefined, audit: change })),
      list: (opts) => listAudit(sql, opts),
      verify: () => verifyAudit(sql),
    },
  };
}

/** Opens and migrates a store over an adapter. */
export async function openStoreOver(sql: Sql): Promise<Store> {
  await migrate(sql);
  return createStore(sql);
}
