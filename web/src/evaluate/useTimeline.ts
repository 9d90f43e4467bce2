// The same request through time (the analysis timeline), and under every draft on the request's own date.
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { loadRegimes } from '../api/catalog.ts';
import type { Decision, Outcome, TransferRequest } from '../api/types.ts';
import type { TimeSegment } from '../lib/timeline.ts';

export interface DraftOutcome {
  id: string;
  outcome: Outcome;
  reasons: string[];
}

export interface RequestTimeline {
  segments: TimeSegment[];
  drafts: DraftOutcome[];
}

export async function loadTimeline(req: TransferRequest): Promise<RequestTimeline> {
  const { regimes } = await loadRegimes();
  const [timeline, drafts] = await Promise.all([
    api<{ segments: TimeSegment[] }>('/api/v1/timeline', { body: req }),
    Promise.all(regimes.filter((r) => r.kind === 'draft').map(async (r): Promise<DraftOutcome> => {
      const d = await api<Decision>('/api/v1/evaluate', { body: req, query: { regime: r.id, trace: 'false' } });
      return { id: r.id, outcome: d.outcome, reasons: d.reasons };
    })),
  ]);
  return { segments: timeline.segments, drafts };
}

export function useTimeline(req: TransferRequest | null): { data?: RequestTimeline; error?: Error } {
  const key = req ? JSON.stringify(req) : null;
  const [state, setState] = useState<{ key: string | null; data?: RequestTimeline; error?: Error }>({ key: null });
  useEffect(() => {
    if (!req || key === null) return;
    let live = true;
    loadTimeline(req).then(
      (data) => live && setState({ key, data }),
      (e: unknown) => live && setState({ key, error: e instanceof Error ? e : new Error(String(e)) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state.key === key ? state : {};
}
