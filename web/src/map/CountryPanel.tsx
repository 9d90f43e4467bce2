// The selected country: its outcome, the deciding rule by name, and a link to the full answer on Evaluate.
import { useRules } from '../api/catalog.ts';
import { OutcomeBadge } from '../components/OutcomeBadge.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { countryName } from '../lib/countries.ts';
import { encodeForm, type FormState } from '../lib/requestUrl.ts';
import { Link } from '../router.tsx';
import type { CountryOutcome } from './outcomes.ts';

export function CountryPanel({ code, outcome, before, form, onClose }: {
  code: string;
  outcome: CountryOutcome;
  before?: CountryOutcome;
  form: FormState;
  onClose: () => void;
}) {
  const { t, lang, pick } = useI18n();
  const rules = useRules(outcome.reasons);
  return (
    <section className="card country-panel" aria-live="polite" aria-labelledby="country-panel-title" data-code={code} data-outcome={outcome.outcome}>
      <div className="card-head">
        <h2 id="country-panel-title">{countryName(code, lang)} <code className="muted">{code}</code></h2>
        <button type="button" className="btn btn-small" onClick={onClose}>{t('close')}</button>
      </div>
      <p>
        {before ? <><OutcomeBadge outcome={before.outcome} /> → </> : null}
        <OutcomeBadge outcome={outcome.outcome} />
      </p>
      <h3 className="h-sub">{t('decidingRule')}</h3>
      <ul className="plain-list">
        {outcome.reasons.map((id, i) => (
          <li key={id}>
            <Link href={`/law/rules/${encodeURIComponent(id)}`}>{rules.data?.[i] ? pick(rules.data[i].title) : id}</Link>
          </li>
        ))}
      </ul>
      <p className="links">
        <Link href={`/?${encodeForm(form).toString()}`} className="btn btn-small">{t('openInEvaluate')}</Link>{' '}
        <Link href={`/law/countries/${code}?date=${form.asOf}`} className="btn btn-small">{t('countryPage')}</Link>
      </p>
    </section>
  );
}
