// Many examiners (and NSC members) deciding the same cases at once: every case ends with exactly one decision,
// everyone else is told 409 with the current state, and the audit chain stays valid. On PGlite, and on PostgreSQL
// when TEST_DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/cases/store-port.ts';
import { addUser, freshPostgres, harness, type Harness } from './helpers.ts';

const EXAMINERS = 8;
const NSC = 4;
const CASES = 12;

/** Body armour for the Self-Defense Forces abroad: permissible with METI review, so an examiner decides it. */
const meti = (n: number) => ({
  recipient: 'AU', purpose: 'sdf-support', endUser: { name: 'JSDF contingent', type: 'military' },
  items: [{ item: { name: `body armour lot ${n}`, weapon: false, form: 'complete', function: 'protection', origin: 'domestic' }, quantity: 10, valueJpy: 1_000_000 }],
  justification: `SDF support ${n}`,
});
/** A coastal radar to a security partner: permissible with NSC review, so the NSC decides it. */
const nsc = (n: number) => ({
  recipient: 'AU', purpose: 'security-cooperation', endUser: { name: 'Department of Defence', type: 'government' },
  items: [{ item: { name: `coastal radar ${n}`, weapon: false, form: 'complete', function: 'surveillance', origin: 'domestic' }, quantity: 1, valueJpy: 1_000_000 }],
  justification: `Maritime awareness ${n}`,
});

const targets: { name: string; open(): Promise<{ store?: Store; drop(): Promise<void> } | undefined> }[] = [
  { name: 'pglite', open: async () => ({ drop: async () => {} }) },
  {
    name: 'postgres',
    open: async () => {
      const pg = await freshPostgres();
      return pg && { store: pg.store, drop: pg.drop };
    },
  },
];
if (!process.env.TEST_DATABASE_URL) console.warn('hardening concurrency: PostgreSQL SKIPPED (set TEST_DATABASE_URL to run it too)');

describe.each(targets)('$name', (target) => {
  let h: Harness;
  let drop: () => Promise<void> = async () => {};
  let skip = false;
  const staff: { examiners: string[]; nsc: string[] } = { examiners: [], nsc: [] };

  beforeAll(async () => {
    const opened = await target.open();
    if (!opened) { skip = true; return; }
    drop = opened.drop;
    h = await harness({ store: opened.store });
    for (const [role, n, list] of [['examiner', EXAMINERS, staff.examiners], ['nsc', NSC, staff.nsc]] as const) {
      for (let i = 0; i < n; i++) {
        const username = `${role}-${i}`;
        h.tokens[username] = (await addUser(h.store, { username, role })).token;
        list.push(username);
      }
    }
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await drop();
  });

  it('every case ends in exactly one decision; the audit chain stays valid', async (ctx) => {
    if (skip) ctx.skip();
    const post = (as: string, path: string, body: unknown) => h.call('POST', path, { as, body });

    // File and submit the cases concurrently.
    const ids = await Promise.all(Array.from({ length: CASES }, async (_, n) => {
      const c = await post('alice', '/api/v1/cases', n % 2 ? nsc(n) : meti(n));
      expect(c.status, c.text).toBe(201);
      expect((await post('alice', `/api/v1/cases/${c.json.id}/transitions`, { action: 'submit' })).status).toBe(200);
      return { id: c.json.id as string, needsNsc: n % 2 === 1 };
    }));

    // Every examiner tries to start the review of every case at once: one wins per case.
    const starts = await Promise.all(ids.flatMap(({ id }) => staff.examiners.map(async (ex) => ({ id, r: await post(ex, `/api/v1/cases/${id}/transitions`, { action: 'start_review' }) }))));
    for (const { id } of ids) {
      const mine = starts.filter((s) => s.id === id).map((s) => s.r.status).sort();
      expect(mine, id).toEqual([200, ...Array(EXAMINERS - 1).fill(409)]);
    }

    // NSC cases: every examiner refers at once (one wins); METI cases: every examiner approves or denies at once.
    const round1 = await Promise.all(ids.flatMap(({ id, needsNsc }) => staff.examiners.map(async (ex, i) => {
      const action = needsNsc ? 'refer_nsc' : i % 2 ? 'deny' : 'approve';
      const body = { action, reason: `${ex} decides`, ...(i % 3 === 0 ? { version: 3 } : {}) };
      return { id, ex, action, r: await post(ex, `/api/v1/cases/${id}/transitions`, body) };
    })));
    // NSC members decide the referred cases at once.
    const round2 = await Promise.all(ids.filter((c) => c.needsNsc).flatMap(({ id }) => staff.nsc.map(async (m, i) => {
      const action = i % 2 ? 'deny' : 'approve';
      return { id, ex: m, action, r: await post(m, `/api/v1/cases/${id}/transitions`, { action, reason: `${m} decides` }) };
    })));

    for (const { id, needsNsc } of ids) {
      const deciding = (needsNsc ? round2 : round1).filter((x) => x.id === id);
      const winners = deciding.filter((x) => x.r.status === 200);
      expect(winners.length, `${id}: ${deciding.map((x) => x.r.status)}`).toBe(1);
      for (const loser of deciding.filter((x) => x.r.status !== 200)) {
        expect(loser.r.status, loser.r.text).toBe(409);
        expect(['version_conflict', 'illegal_transition']).toContain(loser.r.json.problems[0].code);
      }
      const final = (await h.call('GET', `/api/v1/cases/${id}`, { as: 'audrey' })).json;
      expect(final.status).toBe(winners[0].action === 'approve' ? 'approved' : 'denied');
      const decisions = (await h.store.audit.list({ targetId: id, limit: 1000 })).filter((e) => e.verb === 'case.approve' || e.verb === 'case.deny');
      expect(decisions.map((e) => e.actor)).toEqual([winners[0].ex]);
      const evals = (await h.store.cases.evaluations(id)).filter((e) => e.status === 'approved' || e.status === 'denied');
      expect(evals.length).toBe(1);
      if (final.status === 'approved') expect(final.data.licence).not.toBeNull();
    }
    const v = await h.call('GET', '/api/v1/audit/verify', { as: 'audrey' });
    expect(v.json, JSON.stringify(v.json)).toMatchObject({ ok: true });
  });
});
