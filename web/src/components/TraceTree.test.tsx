// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mountPoint } from '../../../test/support/dom.ts';
import type { TraceEntry } from '../api/types.ts';
import { clearCatalog } from '../api/catalog.ts';
import { I18nProvider } from '../i18n/i18n.tsx';
import { TraceTree } from './TraceTree.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const trace: TraceEntry[] = [
  { type: 'rule', rule: 'C-p1-unsc', kind: 'prohibition', revision: '2014-04-01', result: 'not_fired', tests: [{ test: 'un-arms-embargo(recipient) = full', value: 'false' }], citations: ['three-principles-2014'] },
  { type: 'rule', rule: 'C-2022-ukraine-non-lethal', kind: 'permission', revision: '2022-03-08', result: 'fired', tests: [{ test: 'item.weapon = false', value: 'true' }], citations: ['nsc-2022-03-08-ukraine'] },
  { type: 'fact', fact: 'under-aggression', of: 'UA', value: true, from: '2022-03-08', to: null, source: 'nsc-2022-03-08-ukraine', confirmed: true },
  { type: 'fact', fact: 'security-partner', of: 'UA', value: false, from: null, to: null, source: null, confirmed: true },
];

const FACTS = [
  { id: 'under-aggression', title: { en: 'Country under aggression', ja: '侵略を受けている国' }, type: 'boolean', default: false, defaultNote: { en: 'Not judged under aggression.', ja: '侵略を受けていると判断されていない。' }, maintainedBy: 'law', listDate: '2026-11-22' },
  { id: 'security-partner', title: { en: 'Security partner of Japan', ja: '我が国との間で安全保障面での協力関係がある国' }, type: 'boolean', default: false, defaultNote: { en: 'Absent means no partnership was found by the operator.', ja: '一覧にない国は、運用者が協力関係を確認していない国である。' }, maintainedBy: 'operator', listDate: '2026-11-22' },
  { id: 'un-arms-embargo', title: { en: 'UN arms embargo', ja: '国連安保理決議による武器禁輸' }, type: 'enum', values: ['none', 'full'], default: 'none', defaultNote: { en: 'No embargo.', ja: '禁輸なし。' }, maintainedBy: 'un', listDate: '2026-11-22' },
];

const RULES: Record<string, { en: string; ja: string }> = {
  'C-p1-unsc': { en: 'Principle 1: UNSC obligations', ja: '第一原則：安保理決議' },
  'C-2022-ukraine-non-lethal': { en: 'Non-lethal equipment to Ukraine', ja: 'ウクライナへの非殺傷の装備品の移転' },
};

describe('trace tree', () => {
  const dom = mountPoint();

  beforeEach(() => {
    clearCatalog();
    vi.stubGlobal('fetch', vi.fn(async (url: string) => {
      const id = decodeURIComponent(String(url).split('/api/v1/rules/')[1] ?? '');
      if (RULES[id]) return new Response(JSON.stringify({ id, title: RULES[id] }), { headers: { 'content-type': 'application/json' } });
      if (String(url).endsWith('/api/v1/facts')) return new Response(JSON.stringify({ facts: FACTS }), { headers: { 'content-type': 'application/json' } });
      if (String(url).endsWith('/api/v1/sources')) return new Response(JSON.stringify({ sources: [] }), { headers: { 'content-type': 'application/json' } });
      return new Response('{}', { status: 404 });
    }));
  });


  it('opens the deciding rule, names rules by title, and expands or collapses everything', async () => {
    await act(async () => {
      dom.root.render(<I18nProvider lang="en"><TraceTree trace={trace} reasons={['C-2022-ukraine-non-lethal']} request={{ asOf: '2022-03-10', recipient: 'UA', item: {} }} /></I18nProvider>);
    });
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
    const deciding = dom.host.querySelector('details.tree-node.deciding');
    expect(deciding?.querySelector('.tree-title')?.textContent).toBe('Non-lethal equipment to Ukraine');
    // The group holding the deciding rule starts open; the prohibition group starts closed.
    const groups = [...dom.host.querySelectorAll('ul.tree > li:first-child > details > ul > li > details')];
    expect(groups.map((g) => (g as HTMLDetailsElement).open)).toEqual([false, true]);

    const expand = [...dom.host.querySelectorAll('button')].find((b) => b.textContent === 'Expand all')!;
    await act(async () => expand.click());
    expect([...dom.host.querySelectorAll('details')].every((d) => (d as HTMLDetailsElement).open)).toBe(true);
    // Tests read as questions in words; the engine's wording is kept only as a technical detail.
    expect(dom.host.querySelector('.tests .truth')?.textContent).toBe('Is “UN arms embargo” for Ukraine “full”? No.');
    expect(dom.host.querySelector('.tests .tech-code')?.textContent).toBe('un-arms-embargo(recipient) = full');
    // Facts by name, the id beside it; a rule's test headed by the fact it reads.
    const leaves = [...dom.host.querySelectorAll('li.fact-leaf')];
    expect(leaves.map((l) => l.querySelector('.fact-title')?.textContent)).toEqual(['Security partner of Japan', 'Country under aggression']);
    expect(leaves[1].textContent).toContain('under-aggression');
    // Absent from the operator's list: the assumption and the list's date are shown, not hidden.
    const absent = leaves[0].querySelector('.absent-operator');
    expect(absent?.textContent).toContain('Not on the list (reviewed 2026-11-22)');
    expect(absent?.textContent).toContain('Absent means no partnership was found by the operator.');

    // The trace opens with one line per clause considered, in words.
    const lines = [...dom.host.querySelectorAll('ol.clause-lines li')].map((l) => l.textContent);
    expect(lines[0]).toBe('Principle 1: UNSC obligations — does not apply. Is “UN arms embargo” for Ukraine “full”? No.');
    expect(lines[1]).toBe('Non-lethal equipment to Ukraine — applies');

    const collapse = [...dom.host.querySelectorAll('button')].find((b) => b.textContent === 'Collapse all')!;
    await act(async () => collapse.click());
    expect((dom.host.querySelector('details.tree-node') as HTMLDetailsElement).open).toBe(false);
  });

  it('names facts in Japanese for a Japanese reader', async () => {
    await act(async () => {
      dom.root.render(<I18nProvider lang="ja"><TraceTree trace={trace} reasons={['C-2022-ukraine-non-lethal']} /></I18nProvider>);
    });
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
    const titles = [...dom.host.querySelectorAll('li.fact-leaf .fact-title')].map((e) => e.textContent);
    expect(titles).toEqual(['我が国との間で安全保障面での協力関係がある国', '侵略を受けている国']);
    expect(dom.host.querySelector('.absent-operator')?.textContent).toContain('運用者が協力関係を確認していない国である');
  });
});
