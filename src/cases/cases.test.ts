// The pure parts of the case system: lifecycle table, licence arithmetic, report, screening bookkeeping.
import { bundledEngine } from '../policy-files/load.ts';
import { describe, expect, it } from 'vitest';
import { summarise } from './evaluate.ts';
import { issueLicence, recordShipment } from './licence.ts';
import { availableActions, checkTransition, TRANSITIONS } from './lifecycle.ts';
import type { CaseApplication, CaseStatus, Role } from './model.ts';
import { annualReport, annualReportCsv, yearBounds } from './report.ts';
import { dispose, partyKey, screenParties, type ScreeningProvider } from './screening.ts';

const app: CaseApplication = {
  recipient: 'AU', endUser: { name: 'Department of Defence', type: 'government' }, consignees: [{ name: 'Acme Freight', type: 'company' }],
  items: [{ item: { weapon: false }, quantity: 10, valueJpy: 1000 }, { item: { weapon: false }, quantity: 5, valueJpy: 500 }],
  route: [], justification: '',
};
const ok = { outcome: 'permissible' as const, review: 'meti' as const, policyDigest: 'sha256:x' };

describe('lifecycle', () => {
  const statuses: CaseStatus[] = ['draft', 'submitted', 'under_review', 'nsc_deliberation', 'approved', 'denied', 'withdrawn'];
  const roles: Role[] = ['applicant', 'examiner', 'nsc', 'auditor', 'admin'];

  it('allows exactly the transitions in the table, each to its roles', () => {
    for (const [action, t] of Object.entries(TRANSITIONS)) for (const from of statuses) for (const role of roles) {
      const r = checkTransition(from, action as keyof typeof TRANSITIONS, role, 'because', ok);
      const deciderOk = !(action === 'approve' || action === 'deny') || (from === 'under_review' ? role === 'examiner' : role === 'nsc');
      expect(r.ok, `${role} ${action} from ${from}`).toBe(t.roles.includes(role) && t.from.includes(from) && deciderOk);
    }
  });

  it('never leaves a final status', () => {
    for (const s of ['approved', 'denied', 'withdrawn'] as const) for (const role of roles) expect(availableActions(s, role)).toEqual([]);
  });

  it('refuses approval of what the rules prohibit, and sends NSC-level cases to the NSC', () => {
    expect(checkTransition('under_review', 'approve', 'examiner', 'x', { ...ok, outcome: 'prohibited' })).toMatchObject({ ok: false, problems: [{ code: 'outcome_forbids_approval' }] });
    expect(checkTransition('under_review', 'approve', 'examiner', 'x', { ...ok, review: 'nsc' })).toMatchObject({ ok: false, problems: [{ code: 'review_required' }] });
    expect(checkTransition('nsc_deliberation', 'approve', 'nsc', 'x', { ...ok, review: 'nsc' }).ok).toBe(true);
    expect(checkTransition('under_review', 'deny', 'examiner', ' ', ok)).toMatchObject({ ok: false, problems: [{ path: 'reason' }] });
  });

  it('sums item decisions up to the least permissible outcome and the highest review', () => {
    const d = (outcome: string, review: string | null) => ({ outcome, review }) as never;
    expect(summarise([d('permissible', 'meti'), d('requires_judgment', 'nsc'), d('out_of_scope', null)])).toEqual({ outcome: 'requires_judgment', review: 'nsc' });
    expect(summarise([])).toEqual({ outcome: 'out_of_scope', review: null });
  });
});

describe('licence', () => {
  const terms = { number: 'L1', issuedAt: '2026-04-01T00:00:00.000Z', issuedBy: 'erin', conditions: [] };

  it('authorises at most what was applied for', () => {
    expect(issueLicence(app, { ...terms, lines: [{ item: 0, quantity: 11, valueJpy: 1000 }, { item: 2, quantity: 1, valueJpy: 1 }] }))
      .toMatchObject({ ok: false, problems: [{ code: 'exceeds_application' }, { code: 'unknown_item' }] });
    const l = issueLicence(app, terms);
    expect(l.ok && l.value.lines).toEqual([
      { item: 0, quantity: 10, valueJpy: 1000, shippedQuantity: 0, shippedValueJpy: 0 },
      { item: 1, quantity: 5, valueJpy: 500, shippedQuantity: 0, shippedValueJpy: 0 },
    ]);
  });

  it('draws shipments down and refuses one that exceeds what remains or falls outside its dates', () => {
    const l = issueLicence(app, { ...terms, validUntil: '2026-12-31', lines: [{ item: 0, quantity: 4, valueJpy: 400 }] });
    if (!l.ok) throw new Error('licence');
    const ship = (date: string, quantity: number, valueJpy: number, item = 0) => ({ id: 's', date, recordedBy: 'a', recordedAt: 'x', lines: [{ item, quantity, valueJpy }] });
    const first = recordShipment(l.value, ship('2026-05-01', 3, 300));
    expect(first.ok && first.value.lines[0]).toMatchObject({ shippedQuantity: 3, shippedValueJpy: 300 });
    if (!first.ok) return;
    expect(recordShipment(first.value, ship('2026-05-02', 1, 100)).ok).toBe(true);
    expect(recordShipment(first.value, ship('2026-05-02', 2, 0))).toMatchObject({ ok: false, problems: [{ code: 'exceeds_licence', path: 'lines.0.quantity' }] });
    expect(recordShipment(first.value, ship('2026-05-02', 0, 101))).toMatchObject({ ok: false, problems: [{ code: 'exceeds_licence', path: 'lines.0.valueJpy' }] });
    expect(recordShipment(first.value, ship('2027-01-01', 1, 1))).toMatchObject({ ok: false, problems: [{ code: 'licence_expired' }] });
    expect(recordShipment(first.value, ship('2026-03-31', 1, 1))).toMatchObject({ ok: false, problems: [{ code: 'before_licence' }] });
    expect(recordShipment(first.value, ship('2026-05-02', 1, 1, 1))).toMatchObject({ ok: false, problems: [{ code: 'not_licensed' }] });
  });
});

describe('annual report', () => {
  const head = { seq: 12, hash: 'hmac-sha256:abc', at: '2026-01-05T00:00:00.000Z' };
  it('counts by the policy\'s categories in their order, then what else was found, with a total and the audit head', () => {
    const categories = bundledEngine().policy.categories;
    const r = annualReport(2025, [{ category: 'security-cooperation', count: 3 }, { category: null, count: 1 }], categories, head);
    expect(r.total).toBe(4);
    expect(r.categories.map((c) => [c.category, c.count])).toEqual([
      ['peace-contribution', 0], ['joint-development', 0], ['security-cooperation', 3], ['sdf-nationals', 0], ['aggression', 0], ['very-small-impact', 0],
      ['uncategorised', 1],
    ]);
    expect(r.categories[2].report?.ja).toContain('安全保障・防衛協力');
    expect(r.audit).toEqual(head);
  });

  it('writes spreadsheet-safe RFC 4180 CSV', () => {
    const csv = annualReportCsv(annualReport(2025, [{ category: '=cmd|x', count: 1 }], [], head));
    expect(csv).toBe("year,category,count,heading_en,heading_ja\r\n2025,'=cmd|x,1,,\r\n2025,total,1,,\r\n2025,audit_head,12,hmac-sha256:abc,2026-01-05T00:00:00.000Z\r\n");
  });

  it('counts a year in Japan time', () => {
    expect(yearBounds(2025)).toEqual({ from: '2024-12-31T15:00:00.000Z', to: '2025-12-31T15:00:00.000Z' });
  });
});

describe('screening bookkeeping', () => {
  const provider: ScreeningProvider = {
    source: 'test', version: 'v1', entries: 1,
    check: (q) => (q.name.includes('Freight') ? [{ referenceNumber: 'X.1', listedName: 'ACME FREIGHT', matchedName: 'ACME FREIGHT', score: 0.9, explanation: 'name' }] : []),
  };

  it('holds on a hit until it is disposed of, and applies known dispositions', () => {
    const s = screenParties(provider, app, new Map(), 'now');
    expect(s).toMatchObject({ hold: true, trueMatch: false });
    const d = dispose(s, 'consignees.0', 'X.1', { verdict: 'true_match', reason: 'r', by: 'erin', at: 'now' });
    expect(d.ok && d.value).toMatchObject({ hold: false, trueMatch: true });
    expect(dispose(s, 'consignees.9', 'X.1', { verdict: 'true_match', reason: 'r', by: 'e', at: 'n' })).toMatchObject({ ok: false, problems: [{ code: 'unknown_party' }] });
    const key = partyKey(app.consignees[0]);
    const again = screenParties(provider, app, new Map([[key, new Map([['X.1', { verdict: 'false_positive' as const, reason: 'r', by: 'erin', at: 'then' }]])]]), 'now');
    expect(again).toMatchObject({ hold: false, trueMatch: false });
  });

  it('keys a party by kind, folded name and country', () => {
    expect(partyKey({ name: ' ACME  Freight, Ltd. ', type: 'company', country: 'AU' })).toBe(partyKey({ name: 'acme freight ltd', type: 'company', country: 'AU' }));
    expect(partyKey({ name: 'Acme', type: 'individual' })).not.toBe(partyKey({ name: 'Acme', type: 'company' }));
  });
});
