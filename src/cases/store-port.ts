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

export interface AuditFilter {
  after?: number;
  limit?: number;
  /** Rows about this case, consent request or user id. */
  targetId?: string;
  /** Rows about this case (its id or its number, GSK-...) and its consent requests. */
  caseRef?: string;
  actor?: string;
  /** A verb (case.approve), or a family of them ending in a dot (case.). */
  verb?: string;
  /** ISO instants: at >= from, at < to. */
  from?: string;
  to?: string;
}

/** An audit row as listed: with the name a person recognises for its target (case number, username). */
export type AuditListEntry = AuditEntry & { label: string | null };

/** The head of the chain at one moment, kept outside the database so truncation and wholesale rewrites show. */
export interface AuditAnchor {
  seq: number;
  hash: string;
  at: string;
}

/** A row of cases, consents or users that is not what its audit rows say it should be. */
export interface RowDifference {
  targetType: 'case' | 'consent' | 'user' | 'session';
  targetId: string;
  /** The case number (GSK-...), the username, or the consent's case id: what a person recognises. */
  label: string;
  fields: string[];
  reason: string;
}

export type AuditVerification =
  | { ok: true; count: number; head: string; anchor: AuditAnchor | null; unkeyed: number; differences: [] }
  | { ok: false; count: number; firstBroken: number | null; reason: string; anchor: AuditAnchor | null; unkeyed: number; differences: RowDifference[] };

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

export interface ThrottleEntry {
  key: string;
  failures: number;
  lastFailureAt: string;
  /** Until when a login under this key is refused (ISO); null when it is not. */
  blockedUntil: string | null;
}

/** The state of downloads from one URL (`gensoku lists update`, the scheduled refresh). */
export interface ListFetch {
  url: string;
  /** The validators of the last download that was stored or confirmed, sent back as a conditional GET. */
  etag: string | null;
  lastModified: string | null;
  /** sha256 of that download's content: the validators are sent only while that list is still the one in use. */
  sha256: string | null;
  checkedAt: string;
  outcome: 'updated' | 'unchanged' | 'failed';
  /** What went wrong, when outcome is failed. */
  message: string | null;
  /** When the last successful check was (updated or unchanged). */
  okAt: string | null;
}

export interface ThrottleStore {
  /** The entries for these keys (missing keys have never failed recently). */
  get(keys: string[]): Promise<ThrottleEntry[]>;
  /**
   * Counts one failure under each key (a count whose last failure is before resetBefore starts again at 1) and
   * blocks each key until the time `blockFor(failures)` gives; returns the entries as now stored.
   */
  fail(keys: string[], at: Date, resetBefore: string, blockFor: (key: string, failures: number) => string | null): Promise<ThrottleEntry[]>;
  clear(keys: string[]): Promise<void>;
}

export interface ListFetchStore {
  get(url: string): Promise<ListFetch | undefined>;
  /** The last check of any URL, for /healthz. */
  latest(): Promise<ListFetch | undefined>;
  save(f: ListFetch): Promise<void>;
  /** Takes this URL's scheduled turn when no process took it since `since`: true for exactly one taker. */
  claim(url: string, at: string, since: string): Promise<boolean>;
}

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
    list(filter?: AuditFilter): Promise<AuditListEntry[]>;
    /** The chain (keyed hashes, held to the last anchor), then the rows of cases, consents and users replayed against it. */
    verify(): Promise<AuditVerification>;
    /** The chain's head now. */
    head(): Promise<{ seq: number; hash: string }>;
    /** Verifies the chain and writes its head to the anchor log outside the database; refuses a broken chain. */
    anchor(at: string): Promise<{ ok: true; anchor: AuditAnchor; where: string } | { ok: false; verification: AuditVerification }>;
  };
  /** Failed logins by key (username and client address, client address), shared by every server on the database. */
  throttle: ThrottleStore;
  /** Conditional-GET state of list downloads. */
  listFetches: ListFetchStore;
  /**
   * Calls fn when any process stores a list, and after a lost connection (it may have missed one); returns stop.
   * PostgreSQL only (LISTEN/NOTIFY): PGlite has one process per database, so there is nothing to watch.
   */
  watchLists?(fn: () => void): Promise<() => Promise<void>>;
  /** Resolves when the database answers; rejects when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
