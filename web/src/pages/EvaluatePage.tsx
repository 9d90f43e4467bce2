// Evaluate: the form, then the answer for the request in the URL (so every answer has a link).
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import type { Decision } from '../api/types.ts';
import { Section } from '../components/Fields.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { TraceTree } from '../components/TraceTree.tsx';
import { ConditionsAndOpen, DecidingRules, Instead } from '../evaluate/DecisionDetails.tsx';
import { EvaluateForm } from '../evaluate/EvaluateForm.tsx';
import { ShareButton } from '../evaluate/ShareButton.tsx';
import { TimelineStrip } from '../evaluate/TimelineStrip.tsx';
import { Verdict } from '../evaluate/Verdict.tsx';
import { Icon } from '../components/Icon.tsx';
import { outcomeKey, sentenceKey } from '../lib/outcome.ts';
import { WhatIf } from '../evaluate/WhatIf.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { today } from '../lib/dates.ts';
import { decodeForm, encodeForm, isComplete, toRequest, withPresetItem, type FormState } from '../lib/requestUrl.ts';
import { useItems } from '../api/catalog.ts';
import { encodeMap } from '../map/mapUrl.ts';
import { Link, navigate, useLocation } from '../router.tsx';

export function EvaluatePage() {
  const { t } = useI18n();
  const { query } = useLocation();
  const search = query.toString();
  const now = today();
  const items = useItems();
  const decoded = useMemo(() => decodeForm(new URLSearchParams(search), now), [search, now]);
  const form = useMemo(() => withPresetItem(decoded, items.data), [decoded, items.data]);
  // A class named without attributes waits for the catalogue rather than evaluating an empty item.
  const waiting = form.preset !== '' && Object.keys(form.item).length === 0 && !items.error;
  const request = useMemo(() => (isComplete(form) && !waiting ? toRequest(form) : null), [form, waiting]);
  const [result, setResult] = useState<{ key: string; decision?: Decision; error?: Error }>({ key: '' });

  useEffect(() => {
    if (!request) return;
    let live = true;
    api<Decision>('/api/v1/evaluate', { body: request, query: { regime: form.regime || undefined } }).then(
      (decision) => live && setResult({ key: search, decision }),
      (e: unknown) => live && setResult({ key: search, error: e instanceof Error ? e : new Error(String(e)) }),
    );
    return () => {
      live = false;
    };
  }, [request, form.regime, search]);

  // After the user asks, focus moves to the verdict's heading, which brings it into view (a shared link opens at the
  // top, with the request visible). Only the verdict is announced: the live region holds its words alone.
  const asked = useRef(false);
  const verdictRef = useRef<HTMLHeadingElement>(null);
  // The engine's codes (rule ids, attribute paths) are shown only on request.
  const [tech, setTech] = useState(false);
  const submit = (s: FormState) => {
    asked.current = true;
    navigate(`/?${encodeForm(s).toString()}`);
  };
  useEffect(() => {
    if (!result.decision || !asked.current) return;
    asked.current = false;
    verdictRef.current?.focus();
  }, [result]);
  const linkFor = (asOf: string, regime?: string) => `/?${encodeForm({ ...form, asOf, regime: regime ?? '' }).toString()}`;
  const current = result.key === search ? result : { key: search };
  const busy = request !== null && !current.decision && !current.error;

  return (
    <div className={`page ${tech ? 'show-tech' : ''}`}>
      <header className="page-head">
        <h1>{t('evaluateTitle')}</h1>
        <p className="lead">{t('evaluateIntro')}</p>
      </header>
      <EvaluateForm initial={form} onSubmit={submit} busy={busy} />
      <p className="sr-only" aria-live="polite" aria-atomic="true" id="verdict-announcement">
        {current.decision ? `${t(outcomeKey(current.decision.outcome))}. ${t(sentenceKey(current.decision.outcome))}` : ''}
      </p>
      {request ? (
        <div className="result" aria-busy={busy}>
          {current.error ? <ErrorBox error={current.error} /> : null}
          {busy ? <Loading /> : null}
          {current.decision ? (
            <>
              <div className="result-head">
                <h2 className="sr-only">{t('resultTitle')}</h2>
                <Link className="btn btn-small" href={`/map?${encodeMap({ form: { ...form, recipient: '' }, compare: false, fromDate: form.asOf, fromRegime: '' })}&country=${request.recipient}`}>
                  <Icon name="map" /> {t('seeOnMap')}
                </Link>
                <ShareButton />
                <button type="button" className="btn btn-small" aria-pressed={tech} onClick={() => setTech(!tech)}>{t('technicalDetails')}</button>
              </div>
              <Verdict ref={verdictRef} decision={current.decision} recipient={request.recipient} asOf={request.asOf} />
              <DecidingRules decision={current.decision} />
              <ConditionsAndOpen decision={current.decision} />
              <Instead decision={current.decision} />
              <TimelineStrip request={request} linkFor={linkFor} today={now} />
              {current.decision.outcome !== 'permissible' && current.decision.outcome !== 'out_of_scope'
                ? <WhatIf request={request} regime={form.regime} form={form} linkFor={(s) => `/?${encodeForm(s).toString()}`} />
                : null}
              <Section title={t('trace')} id="trace">
                <p className="muted">{t('traceIntro')}</p>
                <TraceTree trace={current.decision.trace} reasons={current.decision.reasons} request={request} open={current.decision.open} />
                <p className="muted small">{t('policyDigest')}: <code>{current.decision.policyDigest}</code></p>
              </Section>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
