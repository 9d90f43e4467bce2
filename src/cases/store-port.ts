// The case domain's persistence port: what the case service needs stored, in its own terms. src/store implements it.
import type {
  CaseEvaluation, CaseRow, CaseStatus, ConsentRow, Disposition, Role, SessionRow, UserRow,
} from './model.ts';

/** Who changes something, and when; the store writes it into the audit row. */
export interface AuditContext {
  actor: string; // user id, or 'system' / 'cli:<user>'
  at: string; // ISO timestamp
  requestId?: string | null;
}

export interface AuditChange {
  verb: string; // e.g. case.create, case.approve, user.update
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  verb: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

export type AuditVerification =
  | { ok: true; count: number; head: string }
  | { ok: false; count: number; firstBroken: number; reason: string };

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
  /** Which database answers, for the health check. */
  readonly dialect: 'pglite' | 'postgres';
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
    /** Dispositions recorded under this list version, by party key, then by the hit's reference number. */
    dispositions(listVersion: string, partyKeys: string[]): Promise<Map<string, Map<string, Disposition>>>;
    /** Records a disposition and the case it was made on, atomically, with one audit row. */
    dispose(ctx: AuditContext, row: CaseRow, expectedVersion: number, d: { partyKey: string; listVersion: string; referenceNumber: string } & Disposition): Promise<Versioned<CaseRow>>;
    /**
     * Stores an imported list, which becomes the list in use, with one audit row, atomically; only if the list in
     * use is still expectedCurrent (its id, or null for none), so two imports at once cannot both diff against
     * the same predecessor. `change` (e.g. added/removed/changed counts) goes into the audit row.
     */
    saveList(ctx: AuditContext, list: NewScreeningList, expectedCurrent: number | null, change?: Record<string, unknown>): Promise<Versioned<ScreeningListInfo>>;
    /** The list in use (the last one stored), with its content; undefined when none was ever imported. */
    currentList(): Promise<ScreeningListRow | undefined>;
    /** Earlier imports, newest first, without content. */
    listHistory(limit?: number): Promise<ScreeningListInfo[]>;
  };
  audit: {
    /** Records an event that changes no table of its own (e.g. a sanctions list import). */
    record(ctx: AuditContext, change: AuditChange): Promise<void>;
    list(opts?: { after?: number; limit?: number; targetId?: string }): Promise<AuditEntry[]>;
    verify(): Promise<AuditVerification>;
  };
  /** Resolves when the database answers; rejects when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
