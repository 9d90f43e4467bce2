// One contract suite for the Store, run against PGlite always and PostgreSQL when TEST_DATABASE_URL is set.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRow, ConsentRow, UserRow } from '../cases/model.ts';
import type { AuditContext } from './audit.ts';
import { sha256 } from './canonical.ts';
import { migrate, MIGRATIONS } from './migrations.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Sql } from './sql.ts';
import { createStore, type Store } from './store.ts';

interface Target {
  name: string;
  open(): Promise<{ sql: Sql; cleanup(): Promise<void> }>;
}

const targets: Target[] = [{
  name: 'pglite',
  async open() {
    const sql = await openPglite();
    return { sql, cleanup: () => sql.close() };
  },
}];

const pgUrl = process.env.TEST_DATABASE_URL;
if (pgUrl) {
  targets.push({
    name: 'postgres',
    async open() {
      const schema = `gensoku_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
      const admin = await openPostgres(pgUrl, { max: 1 });
      await admin.query(`CREATE SCHEMA ${schema}`);
      const sql = await openPostgres(pgUrl, { schema, max: 4 });
      return {
        sql,
        async cleanup() {
          await sql.close();
          await admin.query(`DROP SCHEMA ${schema} CASCADE`);
          await admin.close();
        },
      };
    },
  });
} else {
  console.warn('store contract: PostgreSQL SKIPPED (set TEST_DATABASE_URL to run the suite against it too)');
}

let clock = 0;
const ctx = (actor = 'u-admin'): AuditContext => ({ actor, at: new Date(Date.UTC(2026, 0, 1) + (clock++) * 1000).toISOString(), requestId: `req-${clock}` });

const user = (username: string, role: UserRow['role'], org: string | null = null): UserRow => ({
  id: randomUUID(), username, passwordHash: 'scrypt$test$' + username, role, org, disabled: false, version: 1,
  createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
});

const caseRow = (org: string, reference: string): CaseRow => ({
  id: randomUUID(), reference, org, status: 'draft', version: 1,
  data: {
    application: {
      recipient: 'AU', purpose: 'security-cooperation', endUser: { name: 'Department of Defence', type: 'government' }, consignees: [],
      items: [{ item: { name: 'radar', weapon: false, form: 'complete', function: 'warning' }, quantity: 2, valueJpy: 1_000_000 }],
      route: [], justification: 'joint exercise — 共同訓練',
    },
    documents: [], history: [], licence: null, shipments: [],
  },
  createdBy: 'u-app', createdAt: '2026-01-02T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z', decidedAt: null, category: null,
});

for (const target of targets) {
  describe(`store contract: ${target.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let auditRows = 0;

    beforeAll(async () => {
      const opened = await target.open();
      cleanup = opened.cleanup;
      expect(await migrate(opened.sql)).toEqual(MIGRATIONS.map((m) => m.id));
      store = createStore(opened.sql);
    });
    afterAll(async () => cleanup?.());

    it('runs migrations once and refuses a changed one', async () => {
      expect(await migrate(store.sql)).toEqual([]);
      const extra = { id: '9999_contract_probe', sql: 'CREATE TABLE contract_probe (a integer);' };
      expect(await migrate(store.sql, [...MIGRATIONS, extra])).toEqual(['9999_contract_probe']);
      await expect(migrate(store.sql, [...MIGRATIONS, { ...extra, sql: 'CREATE TABLE contract_probe (b integer);' }])).rejects.toThrow(/changed/);
    });

    it('stores users, finds them by name, and redacts the password hash in the audit row', async () => {
      const admin = user('admin', 'admin');
      await store.users.insert(ctx(), admin);
      auditRows++;
      await store.users.insert(ctx(), user('alice', 'applicant', 'ORG-A'));
      auditRows++;
      expect((await store.users.byUsername('alice'))?.org).toBe('ORG-A');
      expect(await store.users.get(admin.id)).toEqual(admin);
      expect((await store.users.list()).map((u) => u.username)).toEqual(['admin', 'alice']);
      expect(await store.users.count('admin')).toBe(1);
      await expect(store.users.insert(ctx(), user('alice', 'examiner'))).rejects.toThrow();
      const entries = await store.audit.list();
      expect(entries).toHaveLength(auditRows);
      expect(JSON.stringify(entries)).not.toContain('scrypt$');
    });

    it('updates a user only at the expected version', async () => {
      const alice = (await store.users.byUsername('alice'))!;
      const res = await store.users.update(ctx(), 'user.update', { ...alice, passwordHash: 'scrypt$new', role: 'examiner' }, alice.version);
      auditRows++;
      expect(res.ok && res.value.version).toBe(alice.version + 1);
      const stale = await store.users.update(ctx(), 'user.update', { ...alice, role: 'nsc' }, alice.version);
      expect(stale.ok).toBe(false);
      expect(!stale.ok && stale.current?.role).toBe('examiner');
      const last = (await store.audit.list({ after: 0, limit: 1000 })).at(-1)!;
      expect(last.verb).toBe('user.update');
      expect(last.after).toEqual({ role: 'examiner', version: 2, passwordHash: '[changed]' });
    });

    it('stores and deletes sessions', async () => {
      const alice = (await store.users.byUsername('alice'))!;
      const s = { tokenHash: 'sha256:abc', kind: 'session' as const, userId: alice.id, csrf: 'c', label: null, createdAt: 'a', expiresAt: 'b' };
      await store.sessions.insert(ctx(alice.id), s);
      auditRows++;
      expect(await store.sessions.get('sha256:abc')).toEqual(s);
      expect(await store.sessions.delete(ctx(alice.id), 'sha256:abc')).toBe(true);
      auditRows++;
      expect(await store.sessions.delete(ctx(alice.id), 'sha256:abc')).toBe(false);
      expect(await store.sessions.get('sha256:abc')).toBeUndefined();
      await store.sessions.insert(ctx(alice.id), { ...s, tokenHash: 'sha256:t1', kind: 'token', csrf: null });
      await store.sessions.insert(ctx(alice.id), { ...s, tokenHash: 'sha256:t2' });
      expect(await store.sessions.deleteForUser(ctx(), alice.id)).toBe(2);
      expect(await store.sessions.deleteForUser(ctx(), alice.id)).toBe(0);
      auditRows += 3;
      expect(await store.sessions.get('sha256:t1')).toBeUndefined();
    });

    it('stores cases, lists them by organisation and status, and numbers references', async () => {
      const a = caseRow('ORG-A', await store.cases.nextReference(2026));
      const b = caseRow('ORG-B', await store.cases.nextReference(2026));
      expect(a.reference).toMatch(/^GSK-2026-\d{6}$/);
      await store.cases.insert(ctx(), a);
      await store.cases.insert(ctx(), b);
      auditRows += 2;
      expect(await store.cases.get(a.id)).toEqual(a);
      expect((await store.cases.list({ org: 'ORG-B' })).map((c) => c.id)).toEqual([b.id]);
      expect(await store.cases.list({ status: 'approved' })).toEqual([]);
      expect(await store.cases.get(randomUUID())).toBeUndefined();
      // A failed write leaves no audit row: the insert and its audit row share one transaction.
      await expect(store.cases.insert(ctx(), a)).rejects.toThrow();
      expect(await store.audit.list({ limit: 1000 })).toHaveLength(auditRows);
    });

    it('writes a case update, its evaluation and its audit row together, at the expected version only', async () => {
      const [c] = await store.cases.list({ org: 'ORG-A' });
      const evaluation = {
        at: '2026-02-01T00:00:00.000Z', status: 'submitted' as const, asOf: '2026-02-01', policyDigest: 'sha256:p1',
        outcome: 'permissible' as const, review: 'meti' as const, items: [],
      };
      const res = await store.cases.update(ctx(), 'case.submit', { ...c, status: 'submitted', updatedAt: evaluation.at }, c.version, evaluation);
      auditRows++;
      expect(res.ok).toBe(true);
      expect((await store.cases.latestEvaluation(c.id))).toEqual({ ...evaluation, seq: 1 });
      const last = (await store.audit.list({ limit: 1000 })).at(-1)!;
      expect(last).toMatchObject({ verb: 'case.submit', targetId: c.id, before: { status: 'draft', version: 1 } });
      expect((last.after as Record<string, unknown>).evaluation).toMatchObject({ seq: 1, policyDigest: 'sha256:p1' });

      const stale = await store.cases.update(ctx(), 'case.withdraw', { ...c, status: 'withdrawn' }, c.version);
      expect(stale).toEqual({ ok: false, current: expect.objectContaining({ status: 'submitted', version: 2 }) });
      expect(await store.cases.evaluations(c.id)).toHaveLength(1);
    });

    it('lets exactly one of two concurrent writers at the same version win', async () => {
      const [c] = await store.cases.list({ org: 'ORG-B' });
      const results = await Promise.all(['approved', 'denied'].map((status) =>
        store.cases.update(ctx('u-ex'), `case.${status}`, { ...c, status: status as 'approved' | 'denied' }, c.version)));
      auditRows++;
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const loser = results.find((r) => !r.ok)!;
      expect(!loser.ok && loser.current?.version).toBe(c.version + 1);
    });

    it('counts approvals by category and year', async () => {
      const a = caseRow('ORG-C', await store.cases.nextReference(2025));
      await store.cases.insert(ctx(), a);
      await store.cases.update(ctx(), 'case.approve', { ...a, status: 'approved', decidedAt: '2025-06-01T00:00:00.000Z', category: 'security-cooperation' }, 1);
      auditRows += 2;
      expect(await store.cases.approvalsByCategory('2025-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')).toEqual([{ category: 'security-cooperation', count: 1 }]);
      expect(await store.cases.approvalsByCategory('2025-06-01T00:00:00.001Z', '2026-01-01T00:00:00.000Z')).toEqual([]);
    });

    it('stores consent requests linked to their case', async () => {
      const [c] = await store.cases.list({ org: 'ORG-C' });
      const consent: ConsentRow = {
        id: randomUUID(), caseId: c.id, org: c.org, status: 'filed', version: 1, createdAt: 'x', updatedAt: 'x',
        data: { kind: 'third-party-transfer', recipient: 'GB', asOf: '2026-03-01', justification: 'spares', filedBy: 'u-app', decision: null,
          evaluation: { at: 'x', asOf: '2026-03-01', policyDigest: 'sha256:p', outcome: 'permissible', review: null, items: [] } },
      };
      await store.consents.insert(ctx(), consent);
      const res = await store.consents.update(ctx(), 'consent.approve', { ...consent, status: 'approved' }, 1);
      auditRows += 2;
      expect(res.ok && res.value.status).toBe('approved');
      expect((await store.consents.listByCase(c.id)).map((x) => x.id)).toEqual([consent.id]);
      expect(await store.consents.get(consent.id)).toMatchObject({ status: 'approved', version: 2 });
    });

    it('remembers screening dispositions per party and list version, written with their case', async () => {
      const [c] = await store.cases.list({ org: 'ORG-C' });
      const d = { partyKey: 'entity:acme:', listVersion: 'v1', referenceNumber: 'KPe.001', verdict: 'false_positive' as const, reason: 'different company', by: 'erin', at: 'now' };
      const res = await store.screening.dispose(ctx('erin'), { ...c, updatedAt: 'later' }, c.version, d);
      auditRows++;
      expect(res.ok).toBe(true);
      const stale = await store.screening.dispose(ctx('erin'), c, c.version, { ...d, verdict: 'true_match' });
      expect(stale.ok).toBe(false);
      const known = await store.screening.dispositions('v1', ['entity:acme:', 'entity:other:']);
      expect([...known.entries()]).toEqual([['entity:acme:\u0001KPe.001', { verdict: 'false_positive', reason: 'different company', by: 'erin', at: 'now' }]]);
      expect((await store.screening.dispositions('v2', ['entity:acme:'])).size).toBe(0);
      await store.audit.record(ctx(), { verb: 'screening.list.import', targetType: 'screening-list', targetId: 'UN', before: null, after: { version: 'v2' } });
      auditRows++;
      expect((await store.audit.list({ limit: 1000 })).at(-1)).toMatchObject({ verb: 'screening.list.import', after: { version: 'v2' } });
    });

    it('stores imported sanctions lists: the last one is in use, written only over the predecessor it was diffed against', async () => {
      expect(await store.screening.currentList()).toBeUndefined();
      expect(await store.screening.listHistory()).toEqual([]);
      // Original-script names and a few megabytes must come back byte for byte: the digest is checked at start.
      const content = `<CONSOLIDATED_LIST dateGenerated="2026-05-08T00:00:00Z">${'<NAME_ORIGINAL_SCRIPT>عبد الرحمن 金正恩 Пётр</NAME_ORIGINAL_SCRIPT>'.repeat(40_000)}</CONSOLIDATED_LIST>`;
      const list = (version: string, text: string) => ({
        source: 'UN Security Council Consolidated List', version, origin: 'file:consolidated.xml', sha256: sha256(text), bytes: Buffer.byteLength(text),
        individuals: 737, entities: 272, aliases: 2000, content: text,
      });
      const first = await store.screening.saveList(ctx('u-admin'), list('2026-05-08T00:00:00Z', content), null, { added: 1009, removed: 0, changed: 0 });
      auditRows++;
      expect(first).toEqual({ ok: true, value: expect.objectContaining({ id: 1, version: '2026-05-08T00:00:00Z', importedBy: 'u-admin', bytes: Buffer.byteLength(content) }) });
      const stored = (await store.screening.currentList())!;
      expect(stored.content.length).toBe(content.length);
      expect(sha256(stored.content)).toBe(stored.sha256);
      expect(stored.importedAt).toMatch(/^2026-01-01T/);

      // A second import that diffed against "no list" lost the race: refused, nothing written, no audit row.
      const lost = await store.screening.saveList(ctx(), list('2026-05-09T00:00:00Z', 'other'), null);
      expect(lost).toEqual({ ok: false, current: expect.objectContaining({ id: 1, version: '2026-05-08T00:00:00Z' }) });
      const second = await store.screening.saveList(ctx('cli:ops'), { ...list('2026-05-09T00:00:00Z', '<CONSOLIDATED_LIST/>'), origin: 'http' }, 1, { added: 1, removed: 0, changed: 2 });
      auditRows++;
      expect(second.ok && second.value).toMatchObject({ id: 2, origin: 'http', importedBy: 'cli:ops' });
      expect(await store.screening.currentList()).toMatchObject({ id: 2, version: '2026-05-09T00:00:00Z', content: '<CONSOLIDATED_LIST/>' });
      const history = await store.screening.listHistory();
      expect(history.map((l) => [l.id, l.version])).toEqual([[2, '2026-05-09T00:00:00Z'], [1, '2026-05-08T00:00:00Z']]);
      expect(history[0]).not.toHaveProperty('content');
      expect(await store.screening.listHistory(1)).toHaveLength(1);

      // The audit row says which list replaced which and what changed, never the content.
      const last = (await store.audit.list({ limit: 1000 })).at(-1)!;
      expect(last).toMatchObject({
        verb: 'screening.list.import', actor: 'cli:ops', targetType: 'screening-list', targetId: 'UN Security Council Consolidated List',
        before: { id: 1, version: '2026-05-08T00:00:00Z' }, after: { id: 2, version: '2026-05-09T00:00:00Z', added: 1, changed: 2 },
      });
      expect(JSON.stringify(last)).not.toContain('CONSOLIDATED_LIST');

      // Another list is its own line of imports: numbered after the others, diffed against its own predecessor only.
      const other = { ...list('2025-09-30', '{"list":"METI End User List"}'), source: 'METI End User List' };
      const eul = await store.screening.saveList(ctx(), other, null);
      auditRows++;
      expect(eul.ok && eul.value).toMatchObject({ id: 3, source: 'METI End User List' });
      expect((await store.screening.currentLists()).map((l) => [l.id, l.source])).toEqual([[2, 'UN Security Council Consolidated List'], [3, 'METI End User List']]);
      expect(await store.screening.currentList('UN Security Council Consolidated List')).toMatchObject({ id: 2 });
      expect((await store.screening.listHistory(10, 'METI End User List')).map((l) => l.id)).toEqual([3]);
      expect(await store.screening.saveList(ctx(), list('2026-05-10T00:00:00Z', 'x'), 3)).toMatchObject({ ok: false, current: { id: 2 } });
    });

    it('keeps an intact audit chain of every change', async () => {
      const all = await store.audit.list({ limit: 1000 });
      expect(all).toHaveLength(auditRows);
      expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
      expect(await store.audit.verify()).toEqual({ ok: true, count: auditRows, head: all.at(-1)!.hash });
      expect(await store.audit.list({ targetId: all[0].targetId })).not.toHaveLength(0);
    });

    it('names the first row that was edited, deleted or reordered by hand', async () => {
      const row = (await store.audit.list({ after: 2, limit: 1 }))[0];
      await store.sql.query(`UPDATE audit_log SET after = jsonb_set(after, '{role}', '"admin"') WHERE seq = $1`, [row.seq]);
      expect(await store.audit.verify()).toMatchObject({ ok: false, firstBroken: 3, reason: expect.stringMatching(/edited/) });
      await store.sql.query('UPDATE audit_log SET after = $2::jsonb WHERE seq = $1', [row.seq, JSON.stringify(row.after)]);
      expect((await store.audit.verify()).ok).toBe(true);

      const swap = async () => {
        await store.sql.query('UPDATE audit_log SET seq = -seq WHERE seq IN (4, 5)');
        await store.sql.query('UPDATE audit_log SET seq = 5 WHERE seq = -4');
        await store.sql.query('UPDATE audit_log SET seq = 4 WHERE seq = -5');
      };
      await swap();
      expect(await store.audit.verify()).toMatchObject({ ok: false, firstBroken: 4 });

      await store.sql.query('DELETE FROM audit_log WHERE seq = 6');
      const res = await store.audit.verify();
      expect(res).toMatchObject({ ok: false, firstBroken: 4 });
      await swap();
      expect(await store.audit.verify()).toMatchObject({ ok: false, firstBroken: 7, reason: expect.stringMatching(/missing/) });
    });
  });
}
