// The database adapter port: each database is a small adapter behind this one interface (Kysely style).

export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

export interface Sql {
  readonly dialect: 'pglite' | 'postgres';
  /** Runs one parameterised statement; values are always passed as $1..$n parameters, never spliced. */
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<QueryResult<R>>;
  /** Runs a fixed script of several statements (migrations only); it takes no parameters. */
  exec(script: string): Promise<void>;
  /** Runs fn in one transaction; a nested call joins the outer transaction. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * PostgreSQL only: calls onMessage with each payload NOTIFYed on the channel by any connection, on a connection
   * of its own that comes back after a loss (then onReconnect, since messages may have been missed). Returns stop.
   */
  listen?(channel: string, onMessage: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
}
