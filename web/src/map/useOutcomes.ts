import { useEffect, useState } from 'react';
import { loadOutcomes, type MapQuery, type OutcomeMap } from './outcomes.ts';

/** Loads the outcomes for a query; a newer query cancels an older one still loading. */
export function useOutcomes(q: MapQuery | null): { data?: OutcomeMap; error?: Error; loading: boolean } {
  const key = q ? JSON.stringify(q) : null;
  const [state, setState] = useState<{ key: string | null; data?: OutcomeMap; error?: Error }>({ key: null });
  useEffect(() => {
    if (!q || key === null) return;
    const ctl = new AbortController();
    loadOutcomes(q, ctl.signal).then(
      (data) => setState({ key, data }),
      (e: unknown) => !ctl.signal.aborted && setState({ key, error: e instanceof Error ? e : new Error(String(e)) }),
    );
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const fresh = state.key === key;
  return { data: fresh ? state.data : undefined, error: fresh ? state.error : undefined, loading: key !== null && !fresh };
}
