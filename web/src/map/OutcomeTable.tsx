// The map as a list, for keyboard and screen-reader users and for search: countries grouped by outcome.
import { useI18n } from '../i18n/i18n.tsx';
import { countryName } from '../lib/countries.ts';
import { OUTCOMES, OUTCOME_STYLE, outcomeKey } from '../lib/outcome.ts';
import { encodeForm, type FormState } from '../lib/requestUrl.ts';
import { Link } from '../router.tsx';
import type { OutcomeMap } from './outcomes.ts';

export function OutcomeTable({ outcomes, form }: { outcomes: OutcomeMap; form: FormState }) {
  const { t, lang } = useI18n();
  return (
    <details className="card outcome-table">
      <summary><h2 className="inline">{t('countriesTable')}</h2></summary>
      {OUTCOMES.map((o) => {
        const codes = [...outcomes].filter(([, v]) => v.outcome === o).map(([c]) => c)
          .sort((a, b) => countryName(a, lang).localeCompare(countryName(b, lang), lang));
        if (codes.length === 0) return null;
        return (
          <section key={o}>
            <h3 className="h-sub"><span className="swatch" style={{ background: OUTCOME_STYLE[o].fill }} aria-hidden="true" /> {t(outcomeKey(o))} ({codes.length})</h3>
            <ul className="country-cloud">
              {codes.map((c) => (
                <li key={c}><Link href={`/?${encodeForm({ ...form, recipient: c }).toString()}`}>{countryName(c, lang)}</Link></li>
              ))}
            </ul>
          </section>
        );
      })}
    </details>
  );
}
