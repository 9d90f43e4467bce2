// The language of the interface: chosen by the user, remembered, and set on <html lang> for screen readers.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { format, type Lang, type MessageKey } from './messages.ts';

const STORAGE_KEY = 'gensoku.lang';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** Picks the right language from a { en, ja } text of the data. */
  pick: (text: { en: string; ja: string } | string | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function initialLang(stored: string | null, browser: readonly string[]): Lang {
  if (stored === 'en' || stored === 'ja') return stored;
  return browser.some((l) => l.toLowerCase().startsWith('ja')) ? 'ja' : 'en';
}

function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function I18nProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => fixed ?? initialLang(readStored(), globalThis.navigator?.languages ?? []));
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => ({
    lang,
    setLang,
    t: (key, params) => format(lang, key, params),
    pick: (text) => (text === undefined ? '' : typeof text === 'string' ? text : text[lang]),
  }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
