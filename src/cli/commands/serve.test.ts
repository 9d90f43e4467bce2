// The whole story on a real server: CLI-made users file and decide a case, the server restarts, the audit
// chain verifies, and one row edited by hand in SQL makes `gensoku audit verify` fail and name it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../store/pglite.ts';
import type { Io } from '../io.ts';
import { cliOn, startServe, stopServe, type Server } from '../../../test/support/serve.ts';
import { run as audit } from './audit.ts';
import { run as report } from './report.ts';
import { run as users } from './users.ts';

const dir = mkdtempSync(join(tmpdir(), 'gensoku-serve-'));
const data = join(dir, 'data');
const env = { ...process.env, GENSOKU_DATA: data, DATABASE_URL: '', GENSOKU_ADMIN_USER: 'root', GENSOKU_ADMIN_PASSWORD: 'root password 1234' };
const PASSWORD = 'a long enough password';

const cli = (fn: (argv: string[], io: Io) => Promise<number>, argv: string[], stdin?: string) => cliOn(data, fn, argv, stdin);
const start = () => startServe(env, { timeoutMs: 45_000 });
const stop = stopServe;

async function login(url: string, username: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  return async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${url}${path}`, {
      method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: r.status, json: (await r.json()) as any };
  };
}

let server: Server | undefined;
afterAll(async () => {
  if (server && server.child.exitCode === null) await stop(server);
  rmSync(dir, { recursive: true, force: true });
});

describe('gensoku serve, users, audit and report', { timeout: 120_000 }, () => {
  let caseId = '';

  beforeAll(async () => {
    expect((await cli(users, ['add', '--username', 'acme-clerk', '--role', 'applicant', '--org', 'ACME', '--password-stdin'], `${PASSWORD}\n`)).code).toBe(0);
    const ex = await cli(users, ['add', '--username', 'examiner1', '--role', 'examiner', '--password-stdin'], PASSWORD);
    expect(ex.out).toMatch(/created examiner examiner1/);
    const weak = await cli(users, ['add', '--username', 'x', '--role', 'wizard', '--password-stdin'], 'short');
    expect(weak.code).toBe(1);
    expect(weak.err).toMatch(/username.*\n.*password.*\n.*role/s);
    const set = await cli(users, ['set', '--username', 'examiner1', '--password-stdin'], PASSWORD);
    expect(set.out).toMatch(/updated examiner1: examiner, new password/);
    expect((await cli(users, ['set', '--username', 'nobody', '--disable'])).code).toBe(1);
    const list = JSON.parse((await cli(users, ['list'])).out) as { username: string }[];
    expect(list.map((u) => u.username)).toEqual(['acme-clerk', 'examiner1']);
  });

  it('serves, files a case and decides it, and refuses a CLI on the same data directory meanwhile', async () => {
    server = await start();
    expect(server.stdout()).toMatch(/created the first admin root/);
    const locked = await cli(audit, ['verify']);
    expect(locked.code).toBe(1);
    expect(locked.err).toMatch(/in use by process/);

    const applicant = await login(server.url, 'acme-clerk');
    const created = await applicant('POST', '/api/v1/cases', {
      recipient: 'AU', purpose: 'security-cooperation',
      endUser: { name: 'Department of Defence', type: 'government' },
      items: [{ item: { name: 'surveillance radar', defenseEquipment: true, weapon: false, form: 'complete', function: 'surveillance' }, quantity: 2, valueJpy: 200_000_000 }],
      justification: 'maritime surveillance',
    });
    expect(created.status).toBe(201);
    caseId = created.json.id;
    expect((await applicant('POST', `/api/v1/cases/${caseId}/transitions`, { action: 'submit' })).json.evaluation.outcome).toBe('permissible');

    const examiner = await login(server.url, 'examiner1');
    expect((await examiner('POST', `/api/v1/cases/${caseId}/transitions`, { action: 'start_review' })).status).toBe(200);
    const approved = await examiner('POST', `/api/v1/cases/${caseId}/transitions`, { action: 'approve', reason: 'security cooperation with a partner' });
    expect(approved.json).toMatchObject({ status: 'approved', data: { licence: { lines: [{ quantity: 2 }] } } });

    expect(await stop(server)).toBe(0);
    expect(server.stdout()).toMatch(/"msg":"stopped"/);
  });

  it('keeps everything across a restart', async () => {
    server = await start();
    const examiner = await login(server.url, 'examiner1');
    const c = await examiner('GET', `/api/v1/cases/${caseId}`);
    expect(c.json).toMatchObject({ status: 'approved', policyChanged: false });
    expect(c.json.data.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'start_review', 'approve']);
    expect(await stop(server)).toBe(0);
  });

  it('verifies the audit chain and reports approvals', async () => {
    const v = await cli(audit, ['verify']);
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/audit chain intact: \d+ rows/);
    const year = new Date(Date.now() + 9 * 3600_000).getUTCFullYear();
    const r = await cli(report, ['annual', '--year', String(year), '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`${year},total,1`));
  });

  it('fails verification and names the row after one audit row is edited by hand in SQL', async () => {
    const db = await openPglite(data);
    // As the tables' owner would: the append-only trigger stops the service, not an owner who switches it off.
    await db.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await db.query(`UPDATE audit_log SET actor = 'someone-else' WHERE seq = 4`);
    await db.close();
    const v = await cli(audit, ['verify']);
    expect(v.code).toBe(2);
    expect(v.out).toMatch(/BROKEN at row 4: .*edited/);
  });
});
