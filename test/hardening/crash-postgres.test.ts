// kill -9 the server on PostgreSQL (a fresh schema on TEST_DATABASE_URL, loopback only) during concurrent case writes.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashScenario } from './crash.ts';

const base = process.env.TEST_DATABASE_URL;
if (!base) console.warn('hardening crash safety: PostgreSQL SKIPPED (set TEST_DATABASE_URL to run it)');
const schema = `gensoku_crash_${randomBytes(6).toString('hex')}`;

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

describe.skipIf(!base)('crash safety on PostgreSQL', () => {
  let url = '';
  beforeAll(async () => {
    const u = new URL(base!);
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) throw new Error(`refusing non-loopback TEST_DATABASE_URL host ${u.hostname}`);
    await admin(`CREATE SCHEMA ${schema}`);
    u.searchParams.set('options', `-c search_path=${schema}`);
    url = u.toString();
  });
  afterAll(async () => { if (url) await admin(`DROP SCHEMA ${schema} CASCADE`); });

  it('keeps every acknowledged write, half-writes nothing, and the audit chain verifies after kill -9', async () => {
    const r = await crashScenario({ DATABASE_URL: url });
    console.info(`crash-postgres: ${JSON.stringify(r)}`);
    expect(r.cases).toBeGreaterThanOrEqual(r.acked);
  }, 120_000);
});
