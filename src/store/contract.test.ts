// One contract suite for the Store, run against PGlite always and PostgreSQL when TEST_DATABASE_URL is set.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CaseRow, ConsentRow, UserRow } from '../cases/model.ts';
import type { AuditContext, AuditEntry } from '../cases/store-port.ts';
import { entryHash, GENESIS_HASH } from './audit.ts';
import { memoryAnchors } from './audit-key.ts';
import { canonicalJson, sha256 } from './canonical.ts';
import { migrate, MIGRATIONS } from './migrations.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Sql } from './sql.ts';
import { createStore, openStoreOver, type SqlStore } from './store.ts';

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
    let store: SqlStore;
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

    it('answers ping while the database does, and rejects once it is closed', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      const closed = createStore({ ...store.sql, query: () => Promise.reject(new Error('connection closed')) });
      await expect(closed.ping()).rejects.toThrow(/closed/);
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
      expect(last.after).toEqual({ role: 'examiner', version: 2, passwordHash: expect.stringMatching(/^hmac-sha256:[0-9a-f]{32}$/) });
      expect(last.before).toMatchObject({ passwordHash: expect.not.stringMatching((last.after as { passwordHash: string }).passwordHash) });
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
      expect([...known.keys()]).toEqual(['entity:acme:']);
      expect([...known.get('entity:acme:')!.entries()]).toEqual([['KPe.001', { verdict: 'false_positive', reason: 'different company', by: 'erin', at: 'now' }]]);
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
    });

    it('keeps an intact audit chain of every change', async () => {
      const all = await store.audit.list({ limit: 1000 });
      expect(all).toHaveLength(auditRows);
      expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
      expect(await store.audit.verify()).toEqual({ ok: true, count: auditRows, head: all.at(-1)!.hash, anchor: null, unkeyed: 0, differences: [] });
      expect(all.at(-1)!.hash).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
      expect(await store.audit.list({ targetId: all[0].targetId })).not.toHaveLength(0);
    });

    it('names the first row that was edited, deleted or reordered by hand', async () => {
      await allowTampering(store.sql);
      const row = (await store.audit.list({ after: 2, limit: 1 }))[0];
      await store.sql.query(`UPDATE audit_log SET after = jsonb_set(after, '{role}', '"admin"') WHERE seq = $1`, [row.seq]);
      expect(await store.audit.verify()).toMatchObject({ ok: false, firstBroken: 3, reason: expect.stringMatching(/edited/) });
      await store.sql.query('UPDATE audit_log SET after = $2::jsonb WHERE seq = $1', [row.seq, JSON.stringify(row.after)]);
      expect(await store.audit.verify()).toMatchObject({ ok: false, firstBroken: null, reason: expect.stringMatching(/append-only trigger.*switched off/) });
      await store.sql.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
      expect((await store.audit.verify()).ok).toBe(true);
      await allowTampering(store.sql);

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

    it('counts failed logins per key, forgets old ones, and clears a key', async () => {
      const at = (s: number) => new Date(Date.UTC(2026, 10, 30, 3, 0, s));
      const block = (_key: string, n: number) => (n >= 2 ? at(100 + n).toISOString() : null);
      await store.throttle.fail(['k1', 'k2'], at(0), at(-3600).toISOString(), block);
      const second = await store.throttle.fail(['k1'], at(1), at(-3599).toISOString(), block);
      expect(second).toEqual([{ key: 'k1', failures: 2, lastFailureAt: at(1).toISOString(), blockedUntil: at(102).toISOString() }]);
      // Concurrent failures (several servers) all count.
      await Promise.all([1, 2, 3].map(() => store.throttle.fail(['k1'], at(2), at(-3598).toISOString(), block)));
      expect((await store.throttle.get(['k1']))[0]).toMatchObject({ failures: 5, blockedUntil: at(105).toISOString() });
      // A failure after the reset time starts the count again, and forgotten keys go.
      const later = await store.throttle.fail(['k1'], at(5000), at(10).toISOString(), block);
      expect(later[0]).toMatchObject({ failures: 1, blockedUntil: null });
      expect((await store.throttle.get(['k1', 'k2'])).map((e) => e.key)).toEqual(['k1']);
      await store.throttle.clear(['k1']);
      expect(await store.throttle.get(['k1'])).toEqual([]);
    });

    it('keeps the state of list downloads, and gives each scheduled turn to one taker', async () => {
      const url = 'https://example.org/list.xml';
      expect(await store.listFetches.get(url)).toBeUndefined();
      const turns = await Promise.all([1, 2, 3].map(() => store.listFetches.claim(url, '2026-11-30T03:00:00.000Z', '2026-11-29T06:00:00.000Z')));
      expect(turns.filter(Boolean)).toHaveLength(1);
      expect(await store.listFetches.claim(url, '2026-11-30T04:00:00.000Z', '2026-11-29T07:00:00.000Z')).toBe(false);
      expect(await store.listFetches.claim(url, '2026-12-01T04:00:00.000Z', '2026-11-30T07:00:00.000Z')).toBe(true);
      const f = { url, etag: '"abc"', lastModified: 'Sat, 09 May 2026 23:00:04 GMT', sha256: 'sha256:x', checkedAt: '2026-12-01T04:00:01.000Z', outcome: 'updated' as const, message: null, okAt: '2026-12-01T04:00:01.000Z' };
      await store.listFetches.save(f);
      await store.listFetches.save({ ...f, url: 'https://other.example/l.xml', checkedAt: '2026-12-01T05:00:00.000Z', outcome: 'failed', message: 'the server answered 500' });
      expect(await store.listFetches.get(url)).toEqual(f);
      expect(await store.listFetches.latest()).toMatchObject({ url: 'https://other.example/l.xml', outcome: 'failed', message: 'the server answered 500' });
    });
  });

  describe(`audit tamper evidence: ${target.name}`, () => {
    let store: SqlStore;
    let cleanup: () => Promise<void>;
    const key = Buffer.alloc(32, 7);
    let c: CaseRow;

    beforeEach(async () => {
      const opened = await target.open();
      cleanup = opened.cleanup;
      await migrate(opened.sql);
      store = createStore(opened.sql, { auditKey: key, anchors: memoryAnchors() });
      await store.users.insert(ctx(), user('erin', 'examiner'));
      c = caseRow('ORG-T', await store.cases.nextReference(2026));
      await store.cases.insert(ctx(), c);
      await store.cases.update(ctx(), 'case.approve', { ...c, status: 'approved', decidedAt: '2026-02-01T00:00:00.000Z', category: 'security-cooperation' }, 1);
      await store.cases.update(ctx(), 'case.shipment', { ...c, status: 'approved', version: 2, decidedAt: '2026-02-01T00:00:00.000Z', category: 'security-cooperation', updatedAt: 'later' }, 2);
      expect(await store.audit.verify()).toMatchObject({ ok: true, count: 4 });
    });
    afterEach(async () => cleanup?.());

    const rows = async () => (await store.sql.query<{ seq: string; at: string; actor: string; verb: string; target_type: string; target_id: string; before: unknown; after: unknown; request_id: string | null; prev_hash: string; hash: string }>('SELECT * FROM audit_log ORDER BY seq')).rows;

    /** What a database writer without the key can do: change a row and recompute every later hash (with its own key, or none). */
    async function rewriteAndRehash(seq: number, change: (after: Record<string, unknown>) => void, hash: (e: Omit<AuditEntry, 'hash'>) => string) {
      await allowTampering(store.sql);
      let prev = seq === 1 ? GENESIS_HASH : (await rows())[seq - 2].hash;
      for (const r of (await rows()).slice(seq - 1)) {
        const e = { seq: Number(r.seq), at: r.at, actor: r.actor, verb: r.verb, targetType: r.target_type, targetId: r.target_id, before: r.before, after: r.after as Record<string, unknown>, requestId: r.request_id, prevHash: prev };
        if (e.seq === seq) change(e.after);
        const h = hash(e);
        await store.sql.query('UPDATE audit_log SET after = $2::jsonb, prev_hash = $3, hash = $4 WHERE seq = $1', [e.seq, JSON.stringify(e.after), prev, h]);
        prev = h;
      }
    }

    it('refuses UPDATE, DELETE and TRUNCATE of audit rows by the service\'s connection', async () => {
      await expect(store.sql.query("UPDATE audit_log SET actor = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
      await expect(store.sql.query('DELETE FROM audit_log WHERE seq = 4')).rejects.toThrow(/append-only/);
      await expect(store.sql.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
      expect(await store.audit.verify()).toMatchObject({ ok: true, count: 4 });
    });

    it('catches a row rewritten and every later hash recomputed without the key', async () => {
      await rewriteAndRehash(3, (a) => { a.category = 'peace-contribution'; }, (e) => entryHash(e, Buffer.alloc(32, 9)));
      expect(await store.audit.verify()).toMatchObject({ ok: false, firstBroken: 3, reason: expect.stringMatching(/keyed hash/) });
    });

    it('catches the whole chain rehashed the old, unkeyed way, by the anchor', async () => {
      expect(await store.audit.anchor('2026-02-02T00:00:00.000Z')).toMatchObject({ ok: true, anchor: { seq: 4 } });
      await rewriteAndRehash(1, () => {}, (e) => sha256(canonicalJson({ ...e, before: e.before ?? null, after: e.after ?? null })));
      expect(await store.audit.verify()).toMatchObject({ ok: false, firstBroken: 4, reason: expect.stringMatching(/anchor/) });
    });

    it('catches rows deleted from the end, and every row deleted, against the last anchor', async () => {
      expect(await store.audit.verify()).toMatchObject({ ok: true, anchor: null });
      await store.audit.anchor('2026-02-02T00:00:00.000Z');
      await allowTampering(store.sql);
      await store.sql.query('DELETE FROM audit_log WHERE seq > 2');
      expect(await store.audit.verify()).toMatchObject({ ok: false, firstBroken: 3, reason: expect.stringMatching(/removed from the end/) });
      await store.sql.query('DELETE FROM audit_log');
      expect(await store.audit.verify()).toMatchObject({ ok: false, firstBroken: 1, reason: expect.stringMatching(/removed from the end/) });
    });

    it('names a case row edited directly (recipient, category), and a row deleted or written behind its back', async () => {
      await store.sql.query(`UPDATE cases SET category = 'peace-contribution', data = jsonb_set(data, '{application,recipient}', '"KP"') WHERE id = $1`, [c.id]);
      const v = await store.audit.verify();
      expect(v).toMatchObject({ ok: false, firstBroken: null, differences: [{ targetType: 'case', targetId: c.id, label: c.reference, fields: ['application', 'category'] }] });
      await store.sql.query("UPDATE users SET role = 'admin', password_hash = 'scrypt$known-to-the-attacker' WHERE username = 'erin'");
      await store.sql.query(`INSERT INTO cases (id, reference, org, status, version, data, created_by, created_at, updated_at) SELECT 'ghost', 'GSK-2026-999999', org, status, version, data, created_by, created_at, updated_at FROM cases WHERE id = $1`, [c.id]);
      const erin = (await store.users.byUsername('erin'))!;
      await store.sessions.insert(ctx(), { tokenHash: 'sha256:' + 'a'.repeat(64), kind: 'token', userId: erin.id, csrf: null, label: null, createdAt: 'a', expiresAt: '2026-02-01T00:00:00.000Z' });
      await store.sql.query(`UPDATE sessions SET expires_at = '2099-01-01T00:00:00.000Z'`);
      await store.sql.query(`INSERT INTO sessions (token_hash, kind, user_id, created_at, expires_at) VALUES ('sha256:${'b'.repeat(64)}', 'token', $1, 'a', '2099-01-01')`, [erin.id]);
      const labels = (await store.audit.verify()).differences.map((d) => [d.label, d.fields.join(','), /no audit record/.test(d.reason)]);
      expect(labels).toEqual(expect.arrayContaining([[`token sha256:aaaaaaaaa of erin`, 'expiresAt', false], [`token sha256:bbbbbbbbb of erin`, '', true]]));
      expect(labels).toEqual(expect.arrayContaining([[c.reference, 'application,category', false], ['erin', 'passwordHash,role', false], ['GSK-2026-999999', '', true]]));
    });

    it.runIf(target.name === 'postgres')('keeps a service role granted as docs/deploy.md says from changing audit rows or the trigger', async () => {
      const role = `gensoku_app_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const schema = (await store.sql.query<{ s: string }>('SELECT current_schema() AS s')).rows[0].s;
      await store.sql.exec(`CREATE ROLE ${role} LOGIN;
        GRANT USAGE ON SCHEMA ${schema} TO ${role};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role};
        REVOKE UPDATE, DELETE, TRUNCATE ON ${schema}.audit_log FROM ${role};
        GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role};`);
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.username = role;
      const app = await openPostgres(url.href, { schema, max: 1 });
      try {
        const service = await openStoreOver(app, { auditKey: key, anchors: memoryAnchors() });
        await service.users.insert(ctx(), user('nora', 'nsc'));
        expect(await service.audit.verify()).toMatchObject({ ok: true, count: 5 });
        await expect(app.query("UPDATE audit_log SET actor = 'x' WHERE seq = 1")).rejects.toThrow(/permission denied|append-only/);
        await expect(app.query('DELETE FROM audit_log')).rejects.toThrow(/permission denied|append-only/);
        await expect(app.query('TRUNCATE audit_log')).rejects.toThrow(/permission denied|append-only/);
        await expect(app.query('ALTER TABLE audit_log DISABLE TRIGGER USER')).rejects.toThrow(/must be owner|permission denied/);
      } finally {
        await app.close();
        await store.sql.exec(`DROP OWNED BY ${role}; DROP ROLE ${role};`);
      }
    });

    it('refuses to anchor a broken chain', async () => {
      await store.sql.query(`UPDATE cases SET category = NULL WHERE id = $1`, [c.id]);
      expect(await store.audit.anchor('2026-02-02T00:00:00.000Z')).toMatchObject({ ok: false });
    });
  });
}

/** Plays an attacker who owns the tables: the append-only triggers are switched off first. */
async function allowTampering(sql: Sql) {
  await sql.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
}
