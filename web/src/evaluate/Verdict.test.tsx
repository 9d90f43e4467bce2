// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mountPoint } from '../../../test/support/dom.ts';
import { clearCatalog } from '../api/catalog.ts';
import type { Decision } from '../api/types.ts';
import { I18nProvider } from '../i18n/i18n.tsx';
import { Verdict } from './Verdict.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const decision = (outcome: Decision['outcome']) => ({
  outcome, regime: '2022-03-08', revision: '2022-03-08', reasons: ['C-scope-defense-equipment'], review: null, conditions: [], open: [], trace: [],
}) as unknown as Decision;

describe('the verdict', () => {
  const dom = mountPoint();
  beforeEach(() => {
    clearCatalog();
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 404 })));
  });

  const review = async (outcome: Decision['outcome']) => {
    await act(async () => dom.root.render(<I18nProvider lang="en"><Verdict decision={decision(outcome)} recipient="UA" asOf="2022-04-19" /></I18nProvider>));
    return dom.host.querySelector('section.verdict')!.textContent;
  };

  it('says an item outside the rules needs no review under them, not that the transfer is refused', async () => {
    expect(await review('out_of_scope')).toContain('None under these rules: the item is outside them');
    expect(await review('out_of_scope')).not.toContain('not permitted');
    expect(await review('not_permitted')).toContain('Not applicable: the transfer is not permitted');
  });
});
