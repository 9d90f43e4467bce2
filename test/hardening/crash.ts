// The crash-safety scenario, run against PGlite and PostgreSQL by the two crash-*.test.ts files: concurrent case
// writes, kill -9 mid-flight, restart, then check that every acknowledged write is there, nothing is half written,
// the audit chain verifies (through the API and `gensoku audit verify`), and no password reached the log.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { api, bearer, cli, exited, serve, stop, type Served } from './serve.ts';

const application = (marker: string) => ({
  recipient: 'AU', purpose: 'sdf-support', endUser: { name: 'JSDF contingent', type: 'military' },
  items: [{ item: { name: `body armour ${marker}`, weapon: false, form: 'complete', function: 'protection', origin: 'domestic' }, quantity: 10, valueJpy: 1_000_000 }],
  justification: marker,
});

interface Ack { marker: string; id: string; submitted: boolean }

export async function crashScenario(env: Record<string, string>, opts: { writers?: number; writeMs?: number } = {}) {
  const adminPassword = `admin-${randomBytes(12).toString('hex')}`;
  const userPassword = `user-${randomBytes(12).toString('hex')}`;
  const serverEnv = { ...env, GENSOKU_ADMIN_USER: 'root', GENSOKU_ADMIN_PASSWORD: adminPassword };
  let s: Served | undefined = await serve(serverEnv);
  const logs: string[] = [];
  try {
    const admin = await bearer(s.url, 'root', adminPassword);
    for (const [username, role, org] of [['alice', 'applicant', 'ACME'], ['audrey', 'auditor', undefined]] as const) {
      const r = await api(s.url, 'POST', '/api/v1/users', { token: admin, body: { username, password: userPassword, role, ...(org ? { org } : {}) } });
      expect(r.status, r.text).toBe(201);
    }
    const alice = await bearer(s.url, 'alice', userPassword);
    const audrey = await bearer(s.url, 'audrey', userPassword);

    // Writers: file a case, then submit it (which stores an evaluation with the status change); repeat.
    const acked: Ack[] = [];
    const unacked: { marker: string; id?: string; what: 'create' | 'submit' }[] = [];
    let stopWriting = false;
    const writer = async (w: number) => {
      for (let n = 0; !stopWriting; n++) {
        const marker = `crash-${w}-${n}-${randomBytes(3).toString('hex')}`;
        let id: string;
        try {
          const c = await api(s!.url, 'POST', '/api/v1/cases', { token: alice, body: application(marker), headers: { 'x-request-id': marker } });
          if (c.status !== 201) throw new Error(`create answered ${c.status}: ${c.text}`);
          id = c.json.id;
        } catch (err) {
          if (!stopWriting) throw err;
          unacked.push({ marker, what: 'create' });
          return;
        }
        const ack: Ack = { marker, id, submitted: false };
        acked.push(ack);
        try {
          const t = await api(s!.url, 'POST', `/api/v1/cases/${id}/transitions`, { token: alice, body: { action: 'submit', version: 1 } });
          if (t.status !== 200) throw new Error(`submit answered ${t.status}: ${t.text}`);
          ack.submitted = true;
        } catch (err) {
          if (!stopWriting) throw err;
          unacked.push({ marker, id, what: 'submit' });
          return;
        }
      }
    };
    const writers = Array.from({ length: opts.writers ?? 8 }, (_, w) => writer(w));
    await new Promise((r) => setTimeout(r, opts.writeMs ?? 2500));
    // kill -9 while requests are in flight.
    stopWriting = true;
    const dead = exited(s.child);
    s.child.kill('SIGKILL');
    await dead;
    await Promise.all(writers);
    logs.push(s.log());
    expect(s.child.signalCode).toBe('SIGKILL');
    expect(acked.length, 'enough writes were acknowledged before the kill to mean something').toBeGreaterThan(5);
    expect(unacked.length, 'the kill caught requests in flight').toBeGreaterThan(0);

    // Restart on the same database.
    s = await serve(serverEnv);
    const all = (await api(s.url, 'GET', '/api/v1/cases?limit=1000', { token: alice })).json.cases as { id: string; status: string }[];
    const byId = new Map(all.map((c) => [c.id, c]));

    // Every acknowledged write is there, whole.
    for (const a of acked) {
      const c = await api(s.url, 'GET', `/api/v1/cases/${a.id}`, { token: alice });
      expect(c.status, `acknowledged case ${a.marker} is lost`).toBe(200);
      expect(c.json.data.application.justification).toBe(a.marker);
      if (a.submitted) expect(c.json.status, `acknowledged submit of ${a.marker} is lost`).toBe('submitted');
    }

    // Nothing is half there: a case and its audit row, a status change and its evaluation and audit row, come together.
    const audit: { verb: string; targetId: string; requestId: string | null; seq: number }[] = [];
    for (let after = 0; ;) {
      const page = (await api(s.url, 'GET', `/api/v1/audit?after=${after}&limit=1000`, { token: audrey })).json;
      audit.push(...page.entries);
      if (!page.entries.length || page.next === null) break;
      after = page.next;
    }
    const created = audit.filter((e) => e.verb === 'case.create');
    expect(new Set(created.map((e) => e.targetId)).size).toBe(created.length);
    expect(created.map((e) => e.targetId).sort()).toEqual([...byId.keys()].sort());
    for (const c of all) {
      const submits = audit.filter((e) => e.verb === 'case.submit' && e.targetId === c.id).length;
      const evals = (await api(s.url, 'GET', `/api/v1/cases/${c.id}/evaluations`, { token: alice })).json.evaluations as unknown[];
      expect([c.status, submits, evals.length], c.id).toEqual(c.status === 'submitted' ? ['submitted', 1, 1] : ['draft', 0, 0]);
    }
    // Creations in flight at the kill either happened whole (row + audit row, under the request id) or not at all.
    for (const u of unacked.filter((x) => x.what === 'create')) {
      const rows = created.filter((e) => e.requestId === u.marker);
      expect(rows.length).toBeLessThanOrEqual(1);
      if (rows.length) expect(byId.has(rows[0].targetId)).toBe(true);
    }

    const verify = await api(s.url, 'GET', '/api/v1/audit/verify', { token: audrey });
    expect(verify.json, JSON.stringify(verify.json)).toMatchObject({ ok: true });
    await stop(s);
    logs.push(s.log());
    s = undefined;

    // The operator's check, with the server down (PGlite is one process's database).
    const v = await cli(['audit', 'verify'], env);
    expect(v.code, v.out + v.err).toBe(0);
    expect(v.out).toMatch(/audit chain intact: \d+ rows/);

    const everything = logs.join('\n') + v.out + v.err;
    expect(everything).not.toContain(adminPassword);
    expect(everything).not.toContain(userPassword);
    return { acked: acked.length, submitted: acked.filter((a) => a.submitted).length, inFlight: unacked.length, cases: all.length, auditRows: audit.length };
  } finally {
    if (s) {
      s.child.kill('SIGKILL');
      await exited(s.child);
    }
  }
}
