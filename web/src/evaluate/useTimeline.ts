// The same request through time: the analysis timeline when the server has it, otherwise the request evaluated on
// the first day of every regime and revision. Drafts are evaluated on the request's own date.
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import { loadRegimes } from '../api/catalog.ts';
import type { Decision, Outcome, TransferRequest } from '../api/types.ts';
import { mergeSegments, type TimeSegment } from '../lib/timeline.ts';

export interface DraftOutcome {
  id: string;
  outcome: Outcome;
  reasons: string[];
}

export interface RequestTimeline {
  segments: TimeSegment[];
  drafts: DraftOutcome[];
  /** Where the segments came from: the analysis endpoint, or one evaluation per regime. */
  basis: 'timeline' | 'regimes';
}

async function perRegime(req: TransferRequest): Promise<TimeSegment[]> {
  const { regimes } = await loadRegimes();
  const dated = regimes.filter((r) => r.kind !== 'draft' && r.from);
  const decisions = await Promise.all(dated.map((r) =>
    api<Decision>('/api/v1/evaluate', { body: { ...req, asOf: r.from }, query: { trace: 'false' } })));
  return mergeSegments(dated.map((r, i) => ({ from: r.from!, to: r.to, outcome: decisions[i].outcome, regime: decisions[i].regime, reasons: decisions[i].reasons })));
}

export async function loadTimeline(req: TransferRequest): Promise<RequestTimeline> {
  const { regimes } = await loadRegimes();
  const draftsP = Promise.all(regimes.filter((r) => r.kind === 'draft').map(async (r): Promise<DraftOutcome> => {
    const d = await api<Decision>('/api/v1/evaluate', { body: req, query: { regime: r.id, trace: 'false' } });
    return { id: r.id, outcome: d.outcome, reasons: d.reasons };
  }));
  let segments: TimeSegment[];
  let basis: RequestTimeline['basis'] = 'timeline';
  try {
    segments = (await api<{ segments: TimeSegment[] }>('/api/v1/timeline', { body: req })).segments;
  } catch (e) {
    if (!(e instanceof ApiError && (e.status === 404 || e.status === 405))) throw e;
    segments = await perRegime(req);
    basis = 'regimes';
  }
  return { segments, drafts: await draftsP, basis };
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
