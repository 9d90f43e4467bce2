import { OutcomeBadge } from '../components/OutcomeBadge.tsx';
import { Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { countryName } from '../lib/countries.ts';
import type { Change } from './outcomes.ts';

/** The diff beside the map: each country that changed, from and to, with the rules now deciding it. */
export function ChangeList({ changes, loading, onSelect }: { changes: Change[]; loading: boolean; onSelect: (code: string) => void }) {
  const { t, lang } = useI18n();
  const sorted = [...changes].sort((a, b) => countryName(a.code, lang).localeCompare(countryName(b.code, lang), lang));
  return (
    <div className="changes">
      <h2>{t('changes', { n: changes.length })}</h2>
      {loading ? <Loading /> : changes.length === 0 ? <p className="muted">{t('noChanges')}</p> : (
        <ul className="change-list">
          {sorted.map((c) => (
            <li key={c.code} data-code={c.code}>
              <button type="button" className="linkish" onClick={() => onSelect(c.code)}>
                {countryName(c.code, lang)}
              </button>
              <div className="change-row">
                <OutcomeBadge outcome={c.from.outcome} small /> <span aria-hidden="true">→</span><span className="sr-only">→</span> <OutcomeBadge outcome={c.to.outcome} small />
              </div>
              <div className="muted small"><code>{c.to.reasons.join(', ')}</code></div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
