// Map: outcomes for one item in every country, on a date under a regime; or, in compare mode, only what changed.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useRegimes } from '../api/catalog.ts';
import { useItems } from '../api/catalog.ts';
import { CountryPicker } from '../components/CountryPicker.tsx';
import { SelectField, TextField } from '../components/Fields.tsx';
import { ErrorBox } from '../components/Status.tsx';
import { ItemFields } from '../evaluate/ItemFields.tsx';
import { RegimeSelect } from '../evaluate/RegimeSelect.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { countryName } from '../lib/countries.ts';
import { today } from '../lib/dates.ts';
import { describeItem, PURPOSE_LABEL, options, transferorOptions } from '../lib/labels.ts';
import { CHANGE_STYLE, changeDirection, NO_DATA_FILL, OUTCOME_STYLE, outcomeKey, type ChangeDirection } from '../lib/outcome.ts';
import { withPresetItem } from '../lib/requestUrl.ts';
import { navigate, useLocation } from '../router.tsx';
import { ChangeList } from './ChangeList.tsx';
import { CountryPanel } from './CountryPanel.tsx';
import { ChangeLegend, OutcomeLegend } from './Legend.tsx';
import { dateForYear, decodeMap, encodeMap, type MapState } from './mapUrl.ts';
import { diffOutcomes, type MapQuery } from './outcomes.ts';
import { OutcomeTable } from './OutcomeTable.tsx';
import { useOutcomes } from './useOutcomes.ts';
import { WorldMap } from './WorldMap.tsx';
import { RegimeTicks } from './RegimeTicks.tsx';
import { Icon } from '../components/Icon.tsx';

const EARLIEST = '1967-04-21';
const FIRST_YEAR = 1967;

export function MapPage() {
  const { t, lang, pick } = useI18n();
  const { query } = useLocation();
  const now = today();
  const search = query.toString();
  const items = useItems();
  const state = useMemo(() => decodeMap(new URLSearchParams(search), now), [search, now]);
  const selected = query.get('country');
  const set = useCallback((next: MapState, replace = true) => navigate(`/map?${encodeMap(next)}${selected ? `&country=${selected}` : ''}`, { replace }), [selected]);

  // Without a chosen item, the first class of the catalogue (or, without a catalogue, a complete weapon, which is arms: defense equipment).
  const form = withPresetItem(state.form, items.data);
  const firstItem = items.data?.[0];
  const effective = form.preset || Object.keys(form.item).length ? form : firstItem ? { ...form, preset: firstItem.id, item: firstItem.item } : { ...form, item: { defenseEquipment: true, weapon: true, form: 'complete' as const } };
  const q: MapQuery = { asOf: form.asOf, regime: form.regime, itemId: effective.preset, item: effective.item, purpose: form.purpose, transferor: form.transferor };
  const qFrom: MapQuery | null = state.compare ? { ...q, asOf: state.fromDate, regime: state.fromRegime } : null;
  const to = useOutcomes(items.data || items.error ? q : null);
  const from = useOutcomes(items.data || items.error ? qFrom : null);

  const changes = useMemo(() => (from.data && to.data ? diffOutcomes(from.data, to.data) : []), [from.data, to.data]);
  const changeBy = useMemo(() => new Map(changes.map((c) => [c.code, changeDirection(c.from.outcome, c.to.outcome)])), [changes]);

  const fill = useCallback((code: string) => {
    if (state.compare) {
      const dir = changeBy.get(code);
      return dir ? CHANGE_STYLE[dir].fill : NO_DATA_FILL;
    }
    const o = to.data?.get(code);
    return o ? OUTCOME_STYLE[o.outcome].fill : NO_DATA_FILL;
  }, [state.compare, changeBy, to.data]);

  const describe = useCallback((code: string, atlasName: string) => {
    if (!code) return atlasName;
    const name = countryName(code, lang);
    const o = to.data?.get(code);
    if (!o) return name;
    if (state.compare) {
      const c = changes.find((x) => x.code === code);
      return c ? `${name}: ${t(outcomeKey(c.from.outcome))} → ${t(outcomeKey(c.to.outcome))}` : `${name}: ${t('unchanged')}`;
    }
    return `${name}: ${t(outcomeKey(o.outcome))}`;
  }, [lang, to.data, state.compare, changes, t]);

  const counts = useMemo(() => {
    const c: Record<ChangeDirection, number> = { opened: 0, closed: 0, other: 0 };
    for (const d of changeBy.values()) c[d]++;
    return c;
  }, [changeBy]);
  const loading = to.loading || (state.compare && from.loading);
  const year = Number(form.asOf.slice(0, 4));
  const lastYear = Number(now.slice(0, 4));
  const regimes = useRegimes();
  const regimeYears = [...new Set((regimes.data?.regimes ?? []).filter((r) => r.kind !== 'draft' && r.from).map((r) => Number(r.from!.slice(0, 4))))];
  // Play: a year a step, recolouring as it goes, until today.
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!playing) return;
    if (year >= lastYear) {
      setPlaying(false);
      return;
    }
    if (loading) return;
    const timer = setTimeout(() => set({ ...state, form: { ...form, asOf: dateForYear(year + 1, form.asOf, EARLIEST, now) } }), 600);
    return () => clearTimeout(timer);
  }, [playing, year, loading, lastYear, state, form, now, set]);
  const itemTitle = effective.preset ? pick(items.data?.find((i) => i.id === effective.preset)?.name) : describeItem(effective.item, t, lang);

  return (
    <div className="page wide">
      <header className="page-head">
        <h1>{t('mapTitle')}</h1>
        <p className="lead">{t('mapIntro')}</p>
      </header>
      <div className="map-layout">
        <aside className="card map-controls" aria-label={t('mapTitle')}>
          {items.data && items.data.length > 0 ? (
            <SelectField
              id="map-item"
              label={t('itemPreset')}
              value={effective.preset}
              empty={t('itemByHand')}
              options={items.data.map((i) => ({ value: i.id, label: pick(i.name) })).sort((a, b) => a.label.localeCompare(b.label, lang))}
              onChange={(id) => {
                const found = items.data?.find((i) => i.id === id);
                set({ ...state, form: { ...form, preset: found?.id ?? '', item: found?.item ?? effective.item } }, false);
              }}
            />
          ) : null}
          <details className="more" open={!items.data?.length}>
            <summary>{t('itemAttributes')}</summary>
            <ItemFields value={{ preset: effective.preset, item: effective.item }} onChange={({ preset, item }) => set({ ...state, form: { ...form, preset, item } }, false)} />
          </details>
          <SelectField label={t('purpose')} value={form.purpose} empty={t('notStated')} options={options(PURPOSE_LABEL, lang)} onChange={(purpose) => set({ ...state, form: { ...form, purpose } })} />
          <SelectField id="map-transferor" label={t('transferor')} value={form.transferor} empty={t('notStated')} options={transferorOptions(lang)} onChange={(transferor) => set({ ...state, form: { ...form, transferor } })} />
          <fieldset className="group">
            <legend>{state.compare ? t('compareTo') : t('date')}</legend>
            <TextField id="map-date" label={t('asOf')} type="date" min={EARLIEST} value={form.asOf} onChange={(asOf) => /^\d{4}-\d{2}-\d{2}$/.test(asOf) && set({ ...state, form: { ...form, asOf } })} />
            <RegimeSelect id="map-regime" value={form.regime} onChange={(regime) => set({ ...state, form: { ...form, regime } })} />
          </fieldset>
          <div className="field checkbox">
            <label>
              <input type="checkbox" checked={state.compare} onChange={(e) => set({ ...state, compare: e.target.checked }, false)} /> {t('compare')}
            </label>
          </div>
          {state.compare ? (
            <fieldset className="group">
              <legend>{t('compareFrom')}</legend>
              <TextField id="map-from-date" label={t('asOf')} type="date" min={EARLIEST} value={state.fromDate} onChange={(fromDate) => /^\d{4}-\d{2}-\d{2}$/.test(fromDate) && set({ ...state, fromDate })} />
              <RegimeSelect id="map-from-regime" value={state.fromRegime} onChange={(fromRegime) => set({ ...state, fromRegime })} />
            </fieldset>
          ) : null}
        </aside>
        <section className="map-main" aria-labelledby="map-caption" aria-busy={loading}>
          {/* Above the map and pinned while scrolling on a phone, so the map can be watched as it plays. */}
          <div className={`map-timebar ${playing ? 'playing' : ''}`}>
            <button type="button" className="btn btn-small play" aria-pressed={playing} onClick={() => {
              if (!playing && year >= lastYear) set({ ...state, form: { ...form, asOf: dateForYear(1967, form.asOf, EARLIEST, now) } });
              setPlaying(!playing);
            }}>
              <Icon name={playing ? 'pause' : 'play'} /> {playing ? t('pause') : t('play')}
            </button>
            <div className="timebar-slider">
              <label htmlFor="map-year">{t('dateSlider')}: <strong>{form.asOf}</strong></label>
              <input
                id="map-year"
                type="range"
                min={FIRST_YEAR}
                max={lastYear}
                step={1}
                value={year}
                aria-valuetext={form.asOf}
                list="regime-years"
                onChange={(e) => set({ ...state, form: { ...form, asOf: dateForYear(Number(e.target.value), form.asOf, EARLIEST, now) } })}
              />
              <datalist id="regime-years">{regimeYears.map((y) => <option key={y} value={y} />)}</datalist>
              <RegimeTicks years={regimeYears} first={FIRST_YEAR} last={lastYear} current={year} />
            </div>
          </div>
          <h2 id="map-caption" className="map-caption">
            {itemTitle || t('item')} · {state.compare ? `${state.fromDate}${state.fromRegime ? ` (${state.fromRegime})` : ''} → ${form.asOf}` : form.asOf}
            {form.regime ? ` · ${pick(regimes.data?.regimes.find((r) => r.id === form.regime)?.title) || form.regime}` : ''}
            {loading ? <span className="spinner" role="status" aria-label={t('loading')} /> : null}
          </h2>
          {to.error ? <ErrorBox error={to.error} /> : null}
          {from.error ? <ErrorBox error={from.error} /> : null}
          {state.compare ? <ChangeLegend counts={counts} /> : <OutcomeLegend outcomes={[...(to.data?.values() ?? [])].map((o) => o.outcome)} />}
          <WorldMap
            label={t('mapLabel')}
            fill={fill}
            describe={describe}
            selected={selected}
            onSelect={(code) => navigate(`/map?${encodeMap(state)}${code ? `&country=${code}` : ''}`, { replace: true })}
          />
          {selected && to.data?.get(selected) ? (
            <CountryPanel code={selected} outcome={to.data.get(selected)!} before={state.compare ? from.data?.get(selected) : undefined} form={{ ...effective, recipient: selected }} onClose={() => navigate(`/map?${encodeMap(state)}`, { replace: true })} />
          ) : null}
          <CountryPicker id="map-country-below" label={t('findSmallCountry')} value={selected ?? ''} onChange={(code) => navigate(`/map?${encodeMap(state)}&country=${code}`, { replace: true })} />
          {!state.compare && to.data ? <OutcomeTable outcomes={to.data} form={effective} /> : null}
        </section>
        {state.compare ? (
          <aside className="card map-changes" aria-label={t('changes', { n: changes.length })}>
            <ChangeList changes={changes} loading={loading} onSelect={(code) => navigate(`/map?${encodeMap(state)}&country=${code}`, { replace: true })} />
          </aside>
        ) : null}
      </div>
    </div>
  );
}
