// gensoku audit on an embedded data directory: the key file made on first start, anchors written outside the
// database, and verify failing (exit 2) on a truncated chain, a row changed behind the service, or the wrong key.
import { readFileSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../store/pglite.ts';
import { cliOn } from '../../../test/support/serve.ts';
import { run as audit } from './audit.ts';
import { run as users } from './users.ts';

const dir = mkdtempSync(join(tmpdir(), 'gensoku-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function tamper(data: string, statements: string[]) {
  const db = await openPglite(data);
  try {
    await db.query('ALTER TABLE audit_log DISABLE TRIGGER USER'); // as the tables' owner could
    for (const s of statements) await db.query(s);
  } finally {
    await db.close();
  }
}

describe('gensoku audit', () => {
  const data = join(dir, 'data');
  const cli = (argv: string[], run = audit, stdin?: string) => cliOn(data, run, argv, stdin);

  it('keys the chain with a key file made on first start, and anchors its head in a file outside the database', async () => {
    for (const u of ['erin', 'nora', 'audrey']) {
      expect((await cli(['add', '--username', u, '--role', 'examiner', '--password-stdin'], users, 'a long enough password\n')).code).toBe(0);
    }
    expect(statSync(join(data, 'audit.key')).mode & 0o777).toBe(0o600);
    const v = await cli(['verify']);
    expect(v.code, v.out + v.err).toBe(0);
    expect(v.out).toMatch(/intact: 3 rows, head hmac-sha256:[0-9a-f]{64}, never anchored/);
    const a = await cli(['anchor']);
    expect(a.code, a.err).toBe(0);
    expect(a.out).toMatch(/anchored row 3, hmac-sha256:/);
    const anchor = JSON.parse(readFileSync(join(data, 'audit-anchors.jsonl'), 'utf8').trim());
    expect(anchor).toMatchObject({ seq: 3, hash: expect.stringMatching(/^hmac-sha256:/) });
    expect((await cli(['verify'])).out).toMatch(/anchored at row 3/);
  }, 120_000);

  it('fails with the wrong key', { timeout: 60_000 }, async () => {
    const saved = process.env.GENSOKU_AUDIT_KEY;
    process.env.GENSOKU_AUDIT_KEY = 'x'.repeat(40);
    try {
      const v = await cli(['verify']);
      expect(v.code).toBe(2);
      expect(v.out).toMatch(/BROKEN at row 1: .*keyed hash/);
    } finally {
      if (saved === undefined) delete process.env.GENSOKU_AUDIT_KEY; else process.env.GENSOKU_AUDIT_KEY = saved;
    }
  });

  it('names a user changed behind the service, and refuses to anchor then', { timeout: 60_000 }, async () => {
    await tamper(data, ["UPDATE users SET role = 'admin' WHERE username = 'nora'"]);
    const v = await cli(['verify']);
    expect(v.code).toBe(2);
    expect(v.out).toMatch(/user nora .*changed outside the service: role/);
    expect((await cli(['anchor'])).code).toBe(2);
    await tamper(data, ["UPDATE users SET role = 'examiner' WHERE username = 'nora'"]);
  });

  it('catches rows deleted from the end, after the anchor', { timeout: 60_000 }, async () => {
    await tamper(data, ['DELETE FROM audit_log WHERE seq > 1', "DELETE FROM users WHERE username <> 'erin'"]);
    const v = await cli(['verify']);
    expect(v.code).toBe(2);
    expect(v.out).toMatch(/BROKEN at row 2: the chain ends at row 1 but was anchored at row 3/);
  });
});
