// Forward-only migrations. A shipped migration never changes: its checksum is recorded and checked at start.
import { sha256 } from './canonical.ts';
import type { Sql } from './sql.ts';

export interface Migration {
  id: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: '0001_initial',
    sql: `
CREATE TABLE users (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('applicant', 'examiner', 'nsc', 'auditor', 'admin')),
  org text,
  disabled boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at text NOT NULL,
  updated_at text NOT NULL
);
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('session', 'token')),
  user_id text NOT NULL REFERENCES users(id),
  csrf text,
  label text,
  created_at text NOT NULL,
  expires_at text NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE SEQUENCE case_reference_seq;
CREATE TABLE cases (
  id text PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  org text NOT NULL,
  status text NOT NULL,
  version integer NOT NULL,
  data jsonb NOT NULL,
  created_by text NOT NULL,
  created_at text NOT NULL,
  updated_at text NOT NULL,
  decided_at text,
  category text
);
CREATE INDEX cases_org ON cases(org);
CREATE INDEX cases_status ON cases(status);
CREATE INDEX cases_decided ON cases(decided_at);
CREATE TABLE case_evaluations (
  case_id text NOT NULL REFERENCES cases(id),
  seq integer NOT NULL,
  at text NOT NULL,
  status text NOT NULL,
  as_of text NOT NULL,
  policy_digest text NOT NULL,
  outcome text NOT NULL,
  decisions jsonb NOT NULL,
  PRIMARY KEY (case_id, seq)
);
CREATE TABLE consents (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases(id),
  org text NOT NULL,
  status text NOT NULL,
  version integer NOT NULL,
  data jsonb NOT NULL,
  created_at text NOT NULL,
  updated_at text NOT NULL
);
CREATE INDEX consents_case ON consents(case_id);
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at text NOT NULL,
  actor text NOT NULL,
  verb text NOT NULL,
  target_type text NOT NULL,
  target_id text NOT NULL,
  before jsonb,
  after jsonb,
  request_id text,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
`,
  },
  {
    id: '0002_screening_dispositions',
    sql: `
CREATE TABLE screening_dispositions (
  party_key text NOT NULL,
  list_version text NOT NULL,
  reference_number text NOT NULL,
  verdict text NOT NULL CHECK (verdict IN ('false_positive', 'true_match')),
  reason text NOT NULL,
  decided_by text NOT NULL,
  decided_at text NOT NULL,
  case_id text NOT NULL REFERENCES cases(id),
  PRIMARY KEY (party_key, list_version, reference_number)
);
`,
  },
  {
    id: '0003_screening_lists',
    sql: `
CREATE TABLE screening_lists (
  id bigint PRIMARY KEY,
  source text NOT NULL,
  version text NOT NULL,
  origin text NOT NULL,
  imported_at text NOT NULL,
  imported_by text NOT NULL,
  sha256 text NOT NULL,
  bytes integer NOT NULL,
  individuals integer NOT NULL,
  entities integer NOT NULL,
  aliases integer NOT NULL,
  content text NOT NULL
);
CREATE INDEX screening_lists_version ON screening_lists(version);
`,
  },
  {
    // Failed logins and list downloads live in the database, so several servers on one PostgreSQL share them.
    id: '0004_login_throttle_list_fetches',
    sql: `
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  last_failure_at text NOT NULL,
  blocked_until text
);
CREATE INDEX login_throttle_last_failure ON login_throttle(last_failure_at);
CREATE TABLE list_fetches (
  url text PRIMARY KEY,
  etag text,
  last_modified text,
  sha256 text,
  checked_at text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('updated', 'unchanged', 'failed')),
  message text,
  ok_at text,
  claimed_at text
);
`,
  },
  {
    // Whoever writes to the database through the service cannot rewrite its history (see docs/deploy.md, Audit record).
    id: '0005_audit_append_only',
    sql: `
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
`,
  },
];

// One constant key so two processes starting at once do not migrate twice.
const MIGRATION_LOCK = 7_401_001;

/** Applies the pending migrations in order, each in its own transaction; refuses a changed one. */
export async function migrate(sql: Sql, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  // Checked first: a service role without CREATE on the schema (docs/deploy.md, "Audit record") starts on a migrated
  // database; otherwise created under the lock, since two servers starting at once on an empty database would race.
  const { rows: exists } = await sql.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  if (!exists[0].t) {
    await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id text PRIMARY KEY, checksum text NOT NULL, applied_at text NOT NULL)`);
    });
  }
  const applied: string[] = [];
  for (const m of migrations) {
    const done = await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const { rows } = await tx.query<{ checksum: string }>('SELECT checksum FROM schema_migrations WHERE id = $1', [m.id]);
      if (rows.length > 0) {
        if (rows[0].checksum !== sha256(m.sql)) {
          throw new Error(`migration ${m.id} was changed after it was applied; add a new migration instead`);
        }
        return false;
      }
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (id, checksum, applied_at) VALUES ($1, $2, $3)', [
        m.id, sha256(m.sql), new Date().toISOString(),
      ]);
      return true;
    });
    if (done) applied.push(m.id);
  }
  return applied;
}
