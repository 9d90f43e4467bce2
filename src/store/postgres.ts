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
    listen: (channel, onMessage, onReconnect) => listenOn(url, opts.schema, channel, onMessage, onReconnect),
  };
}

/** A connection of its own that LISTENs on channel, reconnecting (1 s, 2 s, ... 30 s apart) when it is lost. */
async function listenOn(url: string, schema: string | undefined, channel: string, onMessage: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (attempt: number): Promise<void> => {
    const c = new pg.Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
    c.on('notification', (m) => { if (m.channel === channel) onMessage(m.payload ?? ''); });
    c.on('error', () => {});
    c.on('end', () => {
      if (stopped || client !== c) return;
      client = undefined;
      retry = setTimeout(() => void connect(1), 1000);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      client = c;
      if (attempt > 0) onReconnect?.();
    } catch (err) {
      await c.end().catch(() => {});
      if (attempt === 0) throw err;
      if (!stopped) retry = setTimeout(() => void connect(attempt + 1), Math.min(30_000, 1000 * 2 ** attempt));
    }
  };
  await connect(0);
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const c = client;
    client = undefined;
    await c?.end().catch(() => {});
  };
}
