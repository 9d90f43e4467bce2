// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mountPoint } from '../../../test/support/dom.ts';
import { SessionProvider } from '../api/session.tsx';
import { Header } from '../components/Header.tsx';
import { I18nProvider, initialLang } from './i18n.tsx';
import { format, MESSAGES } from './messages.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('language switch', () => {
  const dom = mountPoint();

  beforeEach(() => {
    localStorage.clear();
    // Nobody is logged in.
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ problems: [] }), { status: 401, headers: { 'content-type': 'application/problem+json' } })));
  });


  it('switches the interface to Japanese and back, and remembers the choice', async () => {
    await act(async () => {
      dom.root.render(<I18nProvider lang="en"><SessionProvider><Header /></SessionProvider></I18nProvider>);
    });
    const nav = () => [...dom.host.querySelectorAll('nav a')].map((a) => a.textContent);
    expect(nav()).toEqual(['Evaluate', 'Questions', 'Map', 'The law', 'Cases']);
    const button = dom.host.querySelector<HTMLButtonElement>('button.lang-switch')!;
    expect(button.textContent).toBe('日本語: Switch to Japanese');
    expect(button.querySelector('[lang="ja"]')?.textContent).toBe('日本語');

    await act(async () => button.click());
    expect(nav()).toEqual(['判定', 'よくある問い', '地図', '規律', '案件']);
    expect(document.documentElement.lang).toBe('ja');
    expect(localStorage.getItem('gensoku.lang')).toBe('ja');
    expect(dom.host.querySelector('button.lang-switch [lang]')?.textContent).toBe('English');

    await act(async () => dom.host.querySelector<HTMLButtonElement>('button.lang-switch')!.click());
    expect(nav()[0]).toBe('Evaluate');
    expect(document.documentElement.lang).toBe('en');
  });

  it('starts in the stored language, else the browser’s', () => {
    expect(initialLang('ja', ['en-GB'])).toBe('ja');
    expect(initialLang(null, ['ja-JP', 'en'])).toBe('ja');
    expect(initialLang(null, ['fr-FR'])).toBe('en');
    expect(initialLang('de', ['en'])).toBe('en');
  });

  it('has every message in both languages, with the same placeholders', () => {
    for (const [key, m] of Object.entries(MESSAGES)) {
      expect(m.en.trim(), key).not.toBe('');
      expect(m.ja.trim(), key).not.toBe('');
      const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(holes(m.ja), key).toEqual(holes(m.en));
    }
    expect(format('ja', 'chainOk', { n: 3, head: 'sha256:ab' })).toBe('検証済み：3 行、先頭ハッシュ sha256:ab');
  });
});
