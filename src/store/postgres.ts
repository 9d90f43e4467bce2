// The server adapter: PostgreSQL through node-postgres, one pool, one client per transaction.
import pg from 'pg';
import type { QueryResult, Sql } from './sql.ts';

export interface PostgresOptions {
  /** Confines every connection to this schema (tests use a fresh one per run). */
  schema?: string;
  max?: number;
}

function clientSql(client: pg.PoolClient): Sql {
  const sql: Sql = {
    dialect: 'postgres',
    async query<R>(text: string, params: unknown[] = []): Promise<QueryResult<R>> {
      const res = await client.query(text, params);
      return { rows: res.rows as R[], rowCount: res.rowCount ?? res.rows.length };
    },
    async exec(script: string) {
      await client.query(script);
    },
    transaction: (fn) => fn(sql),
    async close() {},
  };
  return sql;
}

export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<Sql> {
  if (opts.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(opts.schema)) {
    throw new Error(`invalid schema name ${opts.schema}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  await pool.query('SELECT 1');
  return {
    dialect: 'postgres',
    async query<R>(text: string, params: unknown[] = []): Promise<QueryResult<R>> {
      const res = await pool.query(text, params);
      return { rows: res.rows as R[], rowCount: res.rowCount ?? res.rows.length };
    },
    async exec(script: string) {
      await pool.query(script);
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await fn(clientSql(client));
        await client.query('COMMIT');
        return value;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
