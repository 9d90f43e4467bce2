// @vitest-environment happy-dom
// Who transfers on a case: the form states it (or leaves it unstated), and the case view shows the open question
// with what each value would give and the laws that may govern instead, as the evaluate page does.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mountPoint } from '../../../test/support/dom.ts';
import type { CaseView, Decision } from '../api/types.ts';
import { I18nProvider } from '../i18n/i18n.tsx';
import { MESSAGES, type Lang } from '../i18n/messages.ts';
import { EvaluationView } from './CaseDecision.tsx';
import { CaseForm } from './NewCasePage.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const draft = {
  id: 'c1', reference: 'GSK-2022-000001', org: 'ACME', status: 'draft', version: 2, createdBy: 'alice', createdAt: '2022-03-08T00:00:00Z',
  updatedAt: '2022-03-08T00:00:00Z', decidedAt: null, category: null, evaluation: null, current: null, policyChanged: false, actions: [], consents: [],
  data: {
    application: {
      recipient: 'UA', purpose: 'aid-against-aggression', transferor: 'defense-minister', endUser: { name: 'MoD', type: 'government' }, consignees: [],
      items: [{ item: { weapon: false }, quantity: 1, valueJpy: 0 }], route: [], justification: '',
    },
    documents: [], history: [], licence: null, shipments: [],
  },
} as unknown as CaseView;

describe('who transfers on a case', () => {
  const dom = mountPoint();
  const bodies: unknown[] = [];
  beforeEach(() => {
    bodies.length = 0;
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.body) bodies.push(JSON.parse(String(init.body)));
      return new Response(JSON.stringify(draft), { headers: { 'content-type': 'application/json' } });
    }));
  });
  const render = async (node: React.ReactNode, lang: Lang = 'en') => act(async () => dom.root.render(<I18nProvider lang={lang}>{node}</I18nProvider>));
  const select = () => dom.host.querySelector<HTMLSelectElement>('#case-transferor')!;
  const submit = async () => act(async () => { dom.host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });

  it('offers the evaluate form\'s choices in English and Japanese, with "not stated" first', async () => {
    await render(<CaseForm />);
    expect(dom.host.querySelector('label[for="case-transferor"]')!.textContent).toBe(MESSAGES.transferor.en);
    expect([...select().options].map((o) => o.value)).toEqual(['', 'defense-minister', 'government', 'company']);
    expect(select().value).toBe('');
    act(() => dom.root.unmount());
    dom.root = createRoot(dom.host); // the provider takes its language once
    await render(<CaseForm />, 'ja');
    expect(dom.host.querySelector('label[for="case-transferor"]')!.textContent).toBe(MESSAGES.transferor.ja);
  });

  it('keeps a draft\'s transferor, sends a changed one, and leaves an unstated one out', async () => {
    await render(<CaseForm draft={draft} />);
    expect(select().value).toBe('defense-minister');
    await act(async () => {
      select().value = 'government';
      select().dispatchEvent(new Event('change', { bubbles: true }));
    });
    await submit();
    expect(bodies.at(-1)).toMatchObject({ transferor: 'government', version: 2 });
    await act(async () => {
      select().value = '';
      select().dispatchEvent(new Event('change', { bubbles: true }));
    });
    await submit();
    expect(bodies.at(-1)).not.toHaveProperty('transferor');
  });

  it('shows an open question with what each value would give, and the laws that may govern instead', async () => {
    const d = {
      outcome: 'requires_judgment', reasons: [], review: null, regime: '2022-03-08', revision: '2022-03-08', conditions: [], trace: [], policyDigest: 'sha256:x',
      open: [{ id: 'transferor', question: { en: 'Who transfers?', ja: '誰が移転するか' }, by: 'meti', options: [
        { value: 'defense-minister', outcome: 'permissible', rules: ['C-2022-ukraine-non-lethal'] },
        { value: 'company', outcome: 'not_permitted', rules: [] },
      ] }],
      instead: [{ id: 'fefta', title: { en: 'Foreign Exchange Act', ja: '外為法' }, governs: { en: 'dual-use goods', ja: '汎用品' }, citations: [] }],
    } as unknown as Decision;
    await render(<EvaluationView title="now" recipient="UA" items={draft.data.application.items} context={draft.data.application}
      evaluation={{ at: 'x', status: 'draft', asOf: '2022-03-08', policyDigest: 'sha256:x', outcome: 'requires_judgment', review: null, items: [d] }} />);
    expect(dom.host.querySelector('[data-value="defense-minister"]')!.getAttribute('data-outcome')).toBe('permissible');
    expect(dom.host.querySelector('[data-value="company"]')!.getAttribute('data-outcome')).toBe('not_permitted');
    expect(dom.host.textContent).toContain('C-2022-ukraine-non-lethal');
    expect(dom.host.querySelector('[data-control="fefta"]')!.textContent).toContain('Foreign Exchange Act');
    expect(dom.host.querySelector('a[href*="transferor=defense-minister"]')).not.toBeNull();
  });
});
