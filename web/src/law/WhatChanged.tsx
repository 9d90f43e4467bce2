// "What this changed": the full request-space diff of a revision against the version before it (a draft against
// the version it overlays), as the few regions that hold most of the changed requests. Loaded on demand: the
// server computes it once per policy, in seconds for the large revisions.
import { useState } from 'react';
import { useFacts } from '../api/catalog.ts';
import type { Outcome, Text, TransferRequest } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { OutcomeBadge } from '../components/OutcomeBadge.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { countryName } from '../lib/countries.ts';
import { END_USER_LABEL, FORM_LABEL, FUNCTION_LABEL, MUNITION_LABEL, ORIGIN_LABEL, PURPOSE_LABEL } from '../lib/labels.ts';
import { TRANSFEROR_LABEL } from '../../../src/core/labels.ts';
import { Link } from '../router.tsx';
import type { SummaryLine } from '../../../src/core/regions.ts';

export interface Region {
  from: Outcome;
  to: Outcome;
  rules: { from: string[]; to: string[] };
  where: Record<string, string[]>;
  countries: string[];
  countryFacts: Record<string, string>;
  witness: TransferRequest;
  cells: number;
  boxCells: number;
}

/** The full diff with only the main regions (regions=main): the rest counted by how they change. */
export interface FullDiff {
  space: number;
  changed: number;
  regions: Region[];
  regionCount: number;
  tail: { from: string; to: string; regions: number; cells: number }[];
  summary: SummaryLine<TransferRequest>[];
}

// The words of this component, in both languages; the shared message table belongs to the other pages.
const W = {
  title: { en: 'What this changed', ja: 'この改正で変わったこと' },
  titleDraft: { en: 'What this draft would change', ja: 'この案で変わること' },
  show: { en: 'Show', ja: '表示する' },
  against: { en: 'Compared with {base}, on {date}, over every request the rules can tell apart.', ja: '{base} と比較（{date} 時点）。規則が区別し得るすべての要求を対象とする。' },
  summary: { en: '{changed} of {space} cells of the request space change, in {regions} regions.', ja: '要求空間 {space} セルのうち {changed} セルが変わる（{regions} 領域）。' },
  nothing: { en: 'No request changes outcome.', ja: '結論が変わる要求はない。' },
  more: { en: 'and {n} smaller regions, which may overlap these and each other; all of them: gensoku diff {from} {to} --space full --format json', ja: 'ほか小さな領域 {n} 件（上記や互いに重なる場合がある）。全件は gensoku diff {from} {to} --space full --format json' },
  byRules: { en: 'By how they change and the rules that decide before and after', ja: '変化の種類と変更前後の根拠の規則ごと' },
  largest: { en: 'The largest regions', ja: '大きな領域' },
  rulesBefore: { en: 'Before', ja: '変更前' },
  rulesAfter: { en: 'After', ja: '変更後' },
  tailChange: { en: 'How they change', ja: '変化' },
  countriesHead: { en: 'Countries', ja: '国数' },
  tailRegions: { en: 'Regions', ja: '領域数' },
  tailCells: { en: 'Cells', ja: 'セル数' },
  anyRequest: { en: 'Any request', ja: 'すべての要求' },
  countries: { en: '{n} countries', ja: '{n} か国' },
  where: { en: 'countries where', ja: '該当国の条件' },
  before: { en: 'decided before by', ja: '変更前の根拠' },
  after: { en: 'decided after by', ja: '変更後の根拠' },
  cells: { en: '{n} cells', ja: '{n} セル' },
  example: { en: 'Example request', ja: '該当する要求の例' },
} satisfies Record<string, Text>;

const ATTRIBUTE: Record<string, Text> = {
  'item.defenseEquipment': { en: 'Defense equipment', ja: '防衛装備' },
  'item.weapon': { en: 'Weapon', ja: '武器' },
  'item.form': { en: 'Form', ja: '形態' },
  'item.function': { en: 'Function', ja: '機能' },
  'item.origin': { en: 'Origin', ja: '開発・生産の形態' },
  'item.partners': { en: 'Joint-development partners', ja: '共同開発のパートナー国' },
  'item.licensor': { en: 'Licensor', ja: 'ライセンス元' },
  'item.program': { en: 'Programme', ja: '計画' },
  'item.controlList': { en: 'Munitions List category', ja: '軍用品リスト区分' },
  'item.etcoItem': { en: 'Export Trade Control Order, Appended Table 1, item 1, sub-item', ja: '輸出貿易管理令別表第一の一の項の号' },
  'item.munitionType': { en: 'Treaty-banned type', ja: '条約で禁止された兵器の種別' },
  purpose: { en: 'Purpose', ja: '目的' },
  transferor: { en: 'Who transfers', ja: '移転を行う者' },
  'endUser.type': { en: 'End user', ja: '最終需要者' },
};

const CLASS: Record<string, Text> = {
  true: { en: 'yes', ja: 'はい' },
  false: { en: 'no', ja: 'いいえ' },
  unstated: { en: 'not stated', ja: '記載なし' },
  unknown: { en: 'unknown', ja: '不明' },
  other: { en: 'another', ja: 'その他' },
  recipient: { en: 'the recipient', ja: '移転先国' },
  another: { en: 'another country', ja: '他国' },
  'includes-recipient': { en: 'include the recipient', ja: '移転先国を含む' },
  'excludes-recipient': { en: 'do not include the recipient', ja: '移転先国を含まない' },
};

const VALUES: Record<string, Record<string, Text>> = {
  'item.form': FORM_LABEL, 'item.function': FUNCTION_LABEL, 'item.origin': ORIGIN_LABEL, 'item.munitionType': MUNITION_LABEL,
  purpose: PURPOSE_LABEL, transferor: TRANSFEROR_LABEL, 'endUser.type': END_USER_LABEL,
};

/** A value class in words: each of its values named, or the class's own word. */
export function classText(path: string, id: string, lang: 'en' | 'ja'): string {
  if (CLASS[id] && !(id === 'other' && VALUES[path]?.other)) return CLASS[id][lang];
  return id.split('|').map((v) => VALUES[path]?.[v]?.[lang] ?? CLASS[v]?.[lang] ?? v).join(lang === 'ja' ? '・' : ', ');
}

function fill(s: string, params: Record<string, string | number>): string {
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

function RuleLinks({ ids }: { ids: string[] }) {
  return <>{ids.map((id, i) => <span key={id}>{i ? ', ' : ''}<Link href={`/law/rules/${encodeURIComponent(id)}`}><code>{id}</code></Link></span>)}</>;
}

function RegionCard({ r }: { r: Region }) {
  const { lang, pick } = useI18n();
  const facts = useFacts();
  const n = (x: number) => x.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
  const where = Object.entries(r.where);
  const factText = Object.entries(r.countryFacts).map(([f, v]) => `${pick(facts.data?.get(f)?.title) || f}: ${classText('', v, lang)}`);
  return (
    <li className="card what-changed-region">
      <p><OutcomeBadge outcome={r.from} small /> → <OutcomeBadge outcome={r.to} small /> <span className="muted small">{fill(pick(W.cells), { n: n(r.cells) })}</span></p>
      <ul className="small">
        {where.length ? where.map(([path, ids]) => (
          <li key={path}><strong>{pick(ATTRIBUTE[path]) || path}</strong>: {ids.map((id) => classText(path, id, lang)).join(lang === 'ja' ? '、' : '; ')}</li>
        )) : <li>{pick(W.anyRequest)}</li>}
      </ul>
      <p className="small">
        <strong>{fill(pick(W.countries), { n: r.countries.length })}</strong>
        {factText.length ? <> ({pick(W.where)}: {factText.join(lang === 'ja' ? '、' : ', ')})</> : null}
        {': '}{r.countries.slice(0, 12).map((cc) => countryName(cc, lang)).join(lang === 'ja' ? '、' : ', ')}{r.countries.length > 12 ? ' …' : ''}
      </p>
      <p className="small">{pick(W.before)}: <RuleLinks ids={r.rules.from} /><br />{pick(W.after)}: <RuleLinks ids={r.rules.to} /></p>
      <details className="small"><summary>{pick(W.example)}</summary><pre>{JSON.stringify(r.witness, null, 2)}</pre></details>
    </li>
  );
}

function Result({ from, to }: { from: string; to: string }) {
  const { lang, pick } = useI18n();
  const d = useApi<FullDiff>(`/api/v1/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&space=full&regions=main`);
  if (d.error) return <ErrorBox error={d.error} />;
  if (!d.data) return <Loading />;
  const n = (x: number) => x.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');
  if (d.data.regions.length === 0) return <p>{pick(W.nothing)}</p>;
  const shown = d.data.regions;
  const rest = d.data.regionCount - shown.length;
  return (
    <>
      <p>{fill(pick(W.summary), { changed: n(d.data.changed), space: n(d.data.space), regions: d.data.regionCount })}</p>
      <h4>{pick(W.byRules)}</h4>
      <table className="small what-changed-summary">
        <thead><tr><th>{pick(W.tailChange)}</th><th>{pick(W.rulesBefore)}</th><th>{pick(W.rulesAfter)}</th><th>{pick(W.tailCells)}</th><th>{pick(W.countriesHead)}</th><th>{pick(W.tailRegions)}</th></tr></thead>
        <tbody>{d.data.summary.map((l, i) => (
          <tr key={i}>
            <td><OutcomeBadge outcome={l.from as Outcome} small /> → <OutcomeBadge outcome={l.to as Outcome} small /></td>
            <td><RuleLinks ids={l.rules.from} /></td><td><RuleLinks ids={l.rules.to} /></td>
            <td>{n(l.cells)}</td><td>{n(l.countries.length)}</td><td>{n(l.regions)}</td>
          </tr>
        ))}</tbody>
      </table>
      <h4>{pick(W.largest)}</h4>
      <ol className="what-changed">{shown.map((r, i) => <RegionCard key={i} r={r} />)}</ol>
      {rest ? (
        <>
          <p className="muted small">{fill(pick(W.more), { n: rest, from, to })}</p>
          <table className="small what-changed-tail">
            <thead><tr><th>{pick(W.tailChange)}</th><th>{pick(W.tailRegions)}</th><th>{pick(W.tailCells)}</th></tr></thead>
            <tbody>{d.data.tail.map((t) => (
              <tr key={`${t.from}>${t.to}`}><td><OutcomeBadge outcome={t.from as Outcome} small /> → <OutcomeBadge outcome={t.to as Outcome} small /></td><td>{n(t.regions)}</td><td>{n(t.cells)}</td></tr>
            ))}</tbody>
          </table>
        </>
      ) : null}
    </>
  );
}

/** `base`: the version compared against (the previous one, or the version a draft overlays); `date`: the day compared on. */
export function WhatChanged({ id, base, date, draft }: { id: string; base: string; date: string; draft: boolean }) {
  const { pick } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <section className="what-changed-section" aria-label={pick(draft ? W.titleDraft : W.title)}>
      <button type="button" className="btn btn-small" aria-expanded={open} onClick={() => setOpen(!open)}>
        {pick(draft ? W.titleDraft : W.title)}{open ? '' : ` — ${pick(W.show)}`}
      </button>
      {open ? (
        <>
          <p className="muted small">{fill(pick(W.against), { base, date })}</p>
          {/* Both sides on the one date, so only the law differs: a bare id that looks like a date would be read as one. */}
          <Result from={`${base}@${date}`} to={`${id}@${date}`} />
        </>
      ) : null}
    </section>
  );
}
