// @vitest-environment happy-dom
// The case page's trust points: an applicant sees only that screening is under review; after a true match the
// only decision offered is deny with its reason filled in; a refusal reads as words, not as a failure.
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mountPoint } from '../../../test/support/dom.ts';
import type { CaseView, User } from '../api/types.ts';
import { I18nProvider } from '../i18n/i18n.tsx';
import { MESSAGES } from '../i18n/messages.ts';
import { AuditLog } from './AuditPage.tsx';
import { CaseActions } from './CaseActions.tsx';
import { CaseScreening } from './CaseScreening.tsx';
import { caseTimeline, japanTime, verbLabel } from './record.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const hitScreening = (trueMatch: boolean) => ({
  source: 'UN', listVersion: '2026-05-01', at: '2026-05-02T01:00:00Z', hold: false, trueMatch,
  parties: [{ party: 'consignees.0', name: 'Korea Mining Development Trading Corp.', key: 'k', hits: [{
    referenceNumber: 'KPe.001', listedName: 'KOREA MINING DEVELOPMENT TRADING CORPORATION', matchedName: 'x', score: 0.93, explanation: 'tokens match',
    disposition: trueMatch ? { verdict: 'true_match' as const, reason: 'same registration', by: 'erin', at: '2026-05-02T02:00:00Z' } : null,
  }] }],
});

const view = (over: Partial<CaseView>): CaseView => ({
  id: 'c1', reference: 'GSK-2026-000001', org: 'ACME', status: 'under_review', version: 3, createdBy: 'alice', createdAt: '2026-05-01T00:00:00Z',
  updatedAt: '2026-05-02T00:00:00Z', decidedAt: null, category: null, evaluation: null, current: null, policyChanged: false, actions: [], consents: [],
  data: { application: { recipient: 'AU', endUser: { name: 'DoD', type: 'government' }, consignees: [], items: [], route: [], justification: '' }, documents: [], history: [], licence: null, shipments: [] },
  ...over,
} as CaseView);

describe('case page', () => {
  const dom = mountPoint();
  const render = async (node: React.ReactNode) => act(async () => dom.root.render(<I18nProvider lang="en">{node}</I18nProvider>));
  const applicant: User = { id: 'u', username: 'alice', role: 'applicant', org: 'ACME' };
  const examiner: User = { id: 'e', username: 'erin', role: 'examiner', org: null };

  it('shows an applicant only that screening is under review', async () => {
    await render(<CaseScreening view={view({ data: { ...view({}).data, screening: { at: '2026-05-02T01:00:00Z', underReview: true } } })} user={applicant} onChange={() => {}} />);
    expect(dom.host.textContent).toContain(MESSAGES.screeningUnderReview.en);
    expect(dom.host.textContent).not.toMatch(/KPe|KOREA|%/);
  });

  it('shows staff the hits', async () => {
    await render(<CaseScreening view={view({ data: { ...view({}).data, screening: hitScreening(false) } })} user={examiner} onChange={() => {}} />);
    expect(dom.host.textContent).toContain('KPe.001');
  });

  it('after a true match offers deny only, chosen, with the reason filled in; a refusal reads as words', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({
      status: 422, detail: 'x', problems: [{ code: 'sanctioned_party', path: 'action', message: 'A party of this case was confirmed as a match on the sanctions list, so the case can only be denied.' }],
    }), { status: 422, headers: { 'content-type': 'application/problem+json' } })));
    // Rendered first before the match is confirmed, as on an open page, then with it.
    await render(<CaseActions view={view({ actions: ['approve', 'deny', 'refer_nsc'], data: { ...view({}).data, screening: hitScreening(false) } })} onChange={() => {}} />);
    expect(dom.host.querySelector('textarea')).toBeNull();
    await render(<CaseActions view={view({ actions: ['deny'], data: { ...view({}).data, screening: hitScreening(true) } })} onChange={() => {}} />);
    const radios = [...dom.host.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((r) => r.value)).toEqual(['deny']);
    expect(radios[0].checked).toBe(true);
    expect(dom.host.querySelector<HTMLTextAreaElement>('textarea')!.value).toBe(MESSAGES.trueMatchDenyReason.en);
    await act(async () => dom.host.querySelector<HTMLButtonElement>('button[type=submit]')!.click());
    const alert = dom.host.querySelector('[role=alert][data-problem]')!;
    expect(alert.textContent).toContain(MESSAGES.cannotDoThatNow.en);
    expect(alert.textContent).not.toContain(MESSAGES.error.en);
    expect(alert.textContent).not.toMatch(/\baction\b/);
  });
});

describe('the audit page', () => {
  const dom = mountPoint();
  const asked: string[] = [];
  beforeEach(() => {
    asked.length = 0;
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      asked.push(String(url));
      const json = (v: unknown) => new Response(JSON.stringify(v), { headers: { 'content-type': 'application/json' } });
      if (String(url).startsWith('/api/v1/audit/verify')) {
        return json({ ok: false, count: 2, firstBroken: null, reason: 'x', anchor: null, unkeyed: 0, differences: [{ targetType: 'case', targetId: 'c1', label: 'GSK-2026-000001', fields: ['category'], reason: 'changed outside the service: category' }] });
      }
      return json({ entries: [{ seq: 1, at: '2026-03-31T15:30:00.000Z', actor: 'erin', verb: 'case.refer_nsc', targetType: 'case', targetId: 'c1', label: 'GSK-2026-000001', before: null, after: null, requestId: null, prevHash: 'p', hash: 'hmac-sha256:ab' }], next: 1 });
    }));
  });

  it('shows case numbers, verbs in words, Japan time, the rows that differ, and filters by case', async () => {
    await act(async () => dom.root.render(<I18nProvider lang="ja"><AuditLog /></I18nProvider>));
    const text = dom.host.textContent ?? '';
    expect(dom.host.querySelector('[data-differs="GSK-2026-000001"]')).not.toBeNull();
    const row = dom.host.querySelector('tbody tr')!.textContent!;
    expect(row).toContain('2026-04-01 00:30:00 JST');
    expect(row).toContain('NSCに付議');
    expect(row).toContain('GSK-2026-000001');
    expect(text).not.toContain('case.refer_nsc');
    const input = dom.host.querySelector<HTMLInputElement>('#audit-case')!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, 'GSK-2026-000001');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => dom.host.querySelector<HTMLFormElement>('form.audit-filter')!.requestSubmit());
    expect(asked.at(-1)).toContain('case=GSK-2026-000001');
  });
});

describe('the record in words', () => {
  it('gives Japan time with its zone, verbs in words, and dispositions and consent decisions in the history', () => {
    expect(japanTime('2026-03-31T15:30:00Z')).toBe('2026-04-01 00:30:00 JST');
    expect(verbLabel('case.refer_nsc', 'ja')).toBe('NSCに付議');
    expect(verbLabel('case.refer_nsc', 'en')).toBe('referred a case to the NSC');
    const t = caseTimeline(view({
      consents: [{ id: 'k', kind: 'third-party-transfer', recipient: 'NZ', status: 'approved', decision: { by: 'nora', at: '2026-05-03T00:00:00Z', outcome: 'approved', reason: 'partner', conditions: [] } }],
      data: { ...view({}).data, history: [
        { at: '2026-05-01T00:00:00Z', actor: 'alice', action: 'submit', from: 'draft', to: 'submitted', reason: null },
        { at: '2026-05-02T00:00:00Z', actor: 'erin', action: 'dispose', party: 'consignees.0', referenceNumber: 'KPe.001', verdict: 'true_match', reason: 'same' },
      ] },
    }));
    expect(t.map((e) => e.kind)).toEqual(['status', 'disposition', 'consent']);
  });
});
