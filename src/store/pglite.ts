// The embedded adapter: PGlite (Postgres compiled to WASM), in memory or in a data directory.
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { QueryResult, Sql } from './sql.ts';

type Queryable = Pick<Transaction, 'query' | 'exec'>;

function wrap(db: Queryable, inTx: boolean, root: PGlite): Sql {
  const sql: Sql = {
    dialect: 'pglite',
    async query<R>(text: string, params: unknown[] = []): Promise<QueryResult<R>> {
      const res = await db.query<R>(text, params);
      return { rows: res.rows, rowCount: res.affectedRows ?? res.rows.length };
    },
    async exec(script: string) {
      await db.exec(script);
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
      if (inTx) return fn(sql);
      return root.transaction((tx) => fn(wrap(tx, true, root)));
    },
    async close() {
      if (!inTx) await root.close();
    },
  };
  return sql;
}

/** Opens PGlite; no dataDir means an in-memory database (tests). */
export async function openPglite(dataDir?: string): Promise<Sql> {
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  return wrap(db, false, db);
}
