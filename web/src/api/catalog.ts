// Data that changes only with the policy (regimes, rules, sources, the item catalogue): fetched once per page load
// and shared by every component that needs it.
import { useEffect, useState } from 'react';
import { api, ApiError } from './client.ts';
import type { CatalogueItem, Classification, FactDoc, RegimeList, RuleInfo, Source } from './types.ts';

const cache = new Map<string, Promise<unknown>>();

function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    cache.set(key, p);
    // A failed load is forgotten, so the next component tries again.
    p.catch(() => cache.delete(key));
  }
  return p;
}

/** For tests: forget everything loaded. */
export const clearCatalog = () => cache.clear();

export interface Shared<T> {
  data: T | undefined;
  error: Error | undefined;
  /** The server has no such endpoint (404): the view works without it. */
  missing: boolean;
}

function useShared<T>(key: string | null, load: () => Promise<T>): Shared<T> {
  const [state, setState] = useState<Shared<T>>({ data: undefined, error: undefined, missing: false });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState({ data: undefined, error: undefined, missing: false });
    once(key, load).then(
      (data) => live && setState({ data, error: undefined, missing: false }),
      (e: unknown) => live && setState({
        data: undefined, error: e instanceof Error ? e : new Error(String(e)), missing: e instanceof ApiError && (e.status === 404 || e.status === 405),
      }),
    );
    return () => {
      live = false;
    };
    // `load` is derived from `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}

export const loadRegimes = () => once('regimes', () => api<RegimeList>('/api/v1/regimes'));
export const useRegimes = () => useShared('regimes', () => api<RegimeList>('/api/v1/regimes'));

export const loadRule = (id: string) => once(`rule:${id}`, () => api<RuleInfo>(`/api/v1/rules/${encodeURIComponent(id)}`));
export const useRule = (id: string | null) => useShared(id === null ? null : `rule:${id}`, () => api<RuleInfo>(`/api/v1/rules/${encodeURIComponent(id ?? '')}`));

/** Several rules at once, in the order asked. */
export function useRules(ids: readonly string[]): Shared<RuleInfo[]> {
  const key = ids.join('|');
  return useShared(ids.length ? `rules:${key}` : null, () => Promise.all(ids.map(loadRule)));
}

export const useSources = () => useShared('sources', async () => {
  const { sources } = await api<{ sources: Source[] }>('/api/v1/sources');
  return new Map(sources.map((s) => [s.id, s]));
});

// One request for both: the item classes and the sub-items of item 1 of Appended Table 1 (older servers send no sub-items).
const loadCatalogue = () => once('catalogue', () => api<{ items: CatalogueItem[]; classification?: Classification[] }>('/api/v1/items'));
export const useItems = () => useShared('items', async () => (await loadCatalogue()).items);
export const useClassification = () => useShared('classification', async () => (await loadCatalogue()).classification ?? []);

/** What each fact means, by id: its title in both languages, who keeps the list and what absence means. */
export const useFacts = () => useShared('facts', async () => {
  const { facts } = await api<{ facts: FactDoc[] }>('/api/v1/facts');
  return new Map(facts.map((f) => [f.id, f]));
});
