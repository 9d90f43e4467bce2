// What would change it: the smallest changes that make the transfer permissible (each re-evaluated by the server),
// those that would from a later date, and those that would not be enough, with why. Every text comes from the
// server in both languages.
import { useEffect, useState } from 'react';
import type { Attempt, Shortfall, WhatIf as WhatIfResult } from '../../../src/core/whatif.ts';
import { api, ApiError } from '../api/client.ts';
import { useRules } from '../api/catalog.ts';
import type { TransferRequest } from '../api/types.ts';
import { Section } from '../components/Fields.tsx';
import { OutcomeBadge } from '../components/OutcomeBadge.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { outcomeKey } from '../lib/outcome.ts';
import type { FormState } from '../lib/requestUrl.ts';
import { Link } from '../router.tsx';
import { applyChanges } from './whatifApply.ts';

/** The titles of the rules that decide a variant, in the reader's language (their ids until they load). */
function useRuleTitles(ids: readonly string[]): string {
  const { pick, lang } = useI18n();
  const rules = useRules(ids);
  return (rules.data?.map((r) => pick(r.title)) ?? ids).join(lang === 'en' ? '”, “' : '」「');
}

function Suggestion({ a, form, linkFor }: { a: Attempt; form: FormState; linkFor: (s: FormState) => string }) {
  const { t, pick } = useI18n();
  const rules = useRuleTitles(a.reasons);
  const applied = applyChanges({ ...form, asOf: a.asOf }, a.changes);
  return (
    <li className="whatif-item">
      <div className="whatif-changes">
        {a.changes.map((c, i) => <span key={i} className="chip">{pick(c.text)}</span>)}
      </div>
      <div className="whatif-result">
        <OutcomeBadge outcome={a.outcome} small /> <span className="small">{t('whatifUnder', { rules })}</span> <code className="muted small tech-code">{a.reasons.join(', ')}</code>
        {a.asOf !== form.asOf ? <span className="muted small"> · {a.asOf}</span> : null}
        {applied ? <> · <Link href={linkFor(applied)} className="small">{t('tryIt')}</Link></> : null}
      </div>
    </li>
  );
}

function NotEnough({ s }: { s: Shortfall }) {
  const { t, pick } = useI18n();
  const later = useRuleTitles(s.later?.reasons ?? []);
  return (
    <li className="whatif-item">
      <div className="whatif-changes">{s.changes.map((c, i) => <span key={i} className="chip chip-muted">{pick(c.text)}</span>)}</div>
      <div className="whatif-result small">
        <OutcomeBadge outcome={s.outcome} small /> {pick(s.why)}
      </div>
      {s.enoughWith.length ? <div className="small muted">{t('whatifEnoughWith', { list: s.enoughWith.map(pick).join(' / ') })}</div> : null}
      {s.later ? (
        <div className="small muted">
          {t('whatifLaterWhy', { date: s.later.from, outcome: t(outcomeKey(s.later.outcome)), rules: later })} <code className="tech-code">{s.later.reasons.join(', ')}</code>
        </div>
      ) : null}
    </li>
  );
}

export function WhatIf({ request, regime, form, linkFor }: { request: TransferRequest; regime: string; form: FormState; linkFor: (s: FormState) => string }) {
  const { t } = useI18n();
  const key = JSON.stringify([request, regime]);
  const [state, setState] = useState<{ key: string; data?: WhatIfResult; error?: Error; missing?: boolean }>({ key: '' });
  useEffect(() => {
    let live = true;
    api<WhatIfResult>('/api/v1/whatif', { body: request, query: { regime: regime || undefined } }).then(
      (data) => live && setState({ key, data }),
      (e: unknown) => live && setState({ key, error: e instanceof Error ? e : new Error(String(e)), missing: e instanceof ApiError && (e.status === 404 || e.status === 405) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const s = state.key === key ? state : { key };
  return (
    <Section title={t('whatifTitle')} id="whatif">
      {s.missing ? <p className="muted">{t('unavailable', { what: 'POST /api/v1/whatif' })}</p>
        : s.error ? <ErrorBox error={s.error} />
          : !s.data ? <Loading /> : (
            <>
              <p className="muted">{t('whatifIntro')}</p>
              {s.data.enough.length === 0 && s.data.enoughLater.length === 0 ? <p>{t('whatifNone')}</p> : (
                <ul className="whatif-list">
                  {s.data.enough.map((a, i) => <Suggestion key={`n${i}`} a={a} form={form} linkFor={linkFor} />)}
                  {s.data.enoughLater.map((a, i) => <Suggestion key={`l${i}`} a={a} form={form} linkFor={linkFor} />)}
                </ul>
              )}
              {s.data.notEnough.length > 0 ? (
                <details className="more">
                  <summary>{t('whatifNotEnough')} ({s.data.notEnough.length})</summary>
                  <ul className="whatif-list">{s.data.notEnough.map((x, i) => <NotEnough key={i} s={x} />)}</ul>
                </details>
              ) : null}
            </>
          )}
    </Section>
  );
}
