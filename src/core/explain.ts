import { countryName } from './countries.ts';
import { OUTCOME_SENTENCE, REVIEW_LABEL } from './labels.ts';
import { timeline } from './timeline.ts';
import type { Engine } from './engine.ts';
import type { Decision, FactTrace, Lang, Outcome, RuleTrace, Text, TransferRequest } from './model.ts';

const L = {
  outcome: {
    prohibited: { en: 'PROHIBITED', ja: '禁止' },
    not_permitted: { en: 'NOT PERMITTED', ja: '認められない' },
    permissible: { en: 'PERMISSIBLE', ja: '認め得る' },
    requires_judgment: { en: 'REQUIRES JUDGMENT', ja: '判断を要する' },
    out_of_scope: { en: 'OUT OF SCOPE', ja: '対象外' },
  } satisfies Record<Outcome, Text>,
  why: { en: 'Why', ja: '理由' },
  considered: { en: 'Considered and did not apply', ja: '検討したが該当しなかった規定' },
  conditions: { en: 'Conditions', ja: '条件' },
  review: { en: 'Review needed', ja: '必要な審査' },
  open: { en: 'Open questions', ja: '未決事項' },
  time: { en: 'The same request at other times', ja: '他の時点における同じ要求' },
  closest: { en: 'What would change it', ja: '結論を変え得るもの' },
  facts: { en: 'Facts used', ja: '用いた事実' },
  source: { en: 'Source', ja: '出典' },
  regime: { en: 'Rules applied', ja: '適用した規律' },
  request: { en: 'Request', ja: '要求' },
  notOnList: { en: 'not on the list', ja: '一覧に記載なし' },
  listOf: { en: 'list reviewed', ja: '一覧の確認日' },
  unconfirmed: { en: 'weakly sourced', ja: '出典が弱い' },
  none: { en: 'none', ja: 'なし' },
  truth: { true: { en: 'true', ja: '真' }, false: { en: 'false', ja: '偽' }, unknown: { en: 'unknown', ja: '不明' } },
  wouldApply: { en: 'would apply if', ja: '次の場合に該当し得る：' },
  ifValue: { en: 'if', ja: '' },
  otherValues: { en: 'other values', ja: 'その他の値' },
  instead: { en: 'What may govern it instead', ja: '代わりに適用され得る規律' },
  from: { en: 'from', ja: '以降' },
  until: { en: 'until', ja: 'まで' },
  now: { en: 'onward', ja: '以降現在まで' },
};

function quoteSource(engine: Engine, id: string, lang: Lang): string {
  const s = engine.sources.get(id);
  if (!s) return id;
  const bits = [s.title[lang], s.date ? `(${s.date})` : '', s.url ?? '', s.confirmed ? '' : `[${L.unconfirmed[lang]}]`].filter(Boolean);
  return bits.join(' ');
}

function describeRequest(req: TransferRequest, lang: Lang): string {
  const i = req.item;
  const attrs = [
    i.defenseEquipment === false ? (lang === 'en' ? 'not defense equipment' : '防衛装備でない') : '',
    i.etcoItem ? (lang === 'en' ? `Export Trade Control Order item 1(${i.etcoItem})` : `輸出貿易管理令別表第一 一の項(${i.etcoItem})`) : '',
    i.weapon === true ? (lang === 'en' ? 'weapon' : '武器') : i.weapon === false ? (lang === 'en' ? 'non-weapon' : '非武器') : '',
    i.form ?? '', i.function ?? '', i.origin ?? '',
    i.licensor ? `licensor ${i.licensor}` : '', i.partners?.length ? `partners ${i.partners.join('/')}` : '', i.program ?? '', i.controlList ?? '',
  ].filter(Boolean).join(', ');
  const to = `${countryName(req.recipient, lang)} (${req.recipient})`;
  const what = `${i.name ?? (lang === 'en' ? 'item' : '品目')}${attrs ? ` [${attrs}]` : ''}`;
  const purpose = (req.purpose ? (lang === 'en' ? `, purpose ${req.purpose}` : `、目的 ${req.purpose}`) : '')
    + (req.transferor ? (lang === 'en' ? `, transferred by ${req.transferor}` : `、移転者 ${req.transferor}`) : '');
  const user = req.endUser?.name || req.endUser?.type ? (lang === 'en' ? `, end user ${[req.endUser?.name, req.endUser?.type].filter(Boolean).join(' / ')}` : `、最終需要者 ${[req.endUser?.name, req.endUser?.type].filter(Boolean).join(' / ')}`) : '';
  return lang === 'en' ? `${what} to ${to}${purpose}${user}, on ${req.asOf}` : `${req.asOf} 時点、${to} への ${what}${purpose}${user}`;
}

function factLine(engine: Engine, f: FactTrace, lang: Lang): string {
  const doc = engine.factDocs.get(f.fact);
  const title = doc?.title[lang] ?? f.fact;
  const value = f.value === null ? (lang === 'en' ? 'unknown' : '不明') : String(f.value);
  if (!f.source) {
    return `${title} — ${f.of}: ${value} (${L.notOnList[lang]}; ${doc?.defaultNote[lang] ?? ''} ${L.listOf[lang]} ${doc?.listDate ?? ''})`;
  }
  const period = `${f.from}${f.to ? `..${f.to}` : '..'}`;
  return `${title} — ${f.of}: ${value} [${period}] ${L.source[lang]}: ${quoteSource(engine, f.source, lang)}${f.note ? ` — ${f.note}` : ''}`;
}

/** The explanation a person reads: outcome, the deciding clauses quoted with sources, what did not apply, and time. */
export function explain(engine: Engine, req: TransferRequest, d: Decision, lang: Lang): string {
  const out: string[] = [];
  const regime = engine.version(d.regime)?.info;
  const revision = engine.version(d.revision)?.info;
  out.push(`${L.outcome[d.outcome][lang]} — ${OUTCOME_SENTENCE[d.outcome][lang]}`);
  out.push('');
  out.push(`${L.request[lang]}: ${describeRequest(req, lang)}`);
  out.push(`${L.regime[lang]}: ${regime?.title[lang] ?? d.regime} (${d.regime})${d.revision !== d.regime ? ` — ${revision?.title[lang]} (${d.revision})` : ''}`);
  out.push('');
  out.push(`${L.why[lang]}:`);
  for (const id of d.reasons) {
    const r = engine.rule(id);
    if (!r) continue;
    out.push(`  [${id}] ${r.title[lang]}`);
    out.push(`    “${r.clause[lang]}”`);
    for (const c of r.citations) out.push(`    ${L.source[lang]}: ${quoteSource(engine, c, lang)}`);
  }
  const rules = d.trace.filter((t): t is RuleTrace => t.type === 'rule');
  const notApplied = rules.filter((t) => !d.reasons.includes(t.rule) && (t.kind === 'prohibition' || t.kind === 'permission') && t.result !== 'fired');
  if (notApplied.length) {
    out.push('');
    out.push(`${L.considered[lang]}:`);
    for (const t of notApplied) {
      const r = engine.rule(t.rule)!;
      const failing = t.tests.filter((x) => x.value !== 'true').map((x) => `${x.test} → ${L.truth[x.value][lang]}`);
      const why = t.result === 'defeated' ? `defeated by ${t.defeatedBy?.join(', ')}`
        : [...failing, ...(t.defeatedBy?.length ? [`open exception ${t.defeatedBy.join(', ')}`] : [])].join('; ');
      out.push(`  [${t.rule}] ${r.title[lang]}: ${why}`);
    }
  }
  if (d.conditions.length) {
    out.push('');
    out.push(`${L.conditions[lang]}:`);
    for (const c of d.conditions) out.push(`  - ${c.text[lang]} [${c.id}]`);
  }
  out.push('');
  out.push(`${L.review[lang]}: ${d.review ? REVIEW_LABEL[d.review][lang] : L.none[lang]}`);
  if (d.open.length) {
    out.push('');
    out.push(`${L.open[lang]}:`);
    for (const q of d.open) {
      out.push(`  - ${q.question[lang]} (${q.by}) [${q.id}]`);
      // The values that would settle it: each one that opens a case or leaves the rules, the refusals summed up.
      const opening = (q.options ?? []).filter((o) => o.outcome !== 'not_permitted' && o.outcome !== 'prohibited');
      for (const o of opening) out.push(`      ${L.ifValue[lang]} ${q.id} = ${o.value}: ${L.outcome[o.outcome][lang]} (${o.rules.join(', ')})`);
      const closed = (q.options ?? []).filter((o) => !opening.includes(o));
      if (closed.length && opening.length) out.push(`      ${L.otherValues[lang]} (${closed.map((o) => o.value).join(', ')}): ${[...new Set(closed.map((o) => L.outcome[o.outcome][lang]))].join(' / ')}`);
    }
  }
  if (d.instead?.length) {
    out.push('');
    out.push(`${L.instead[lang]}:`);
    for (const o of d.instead) out.push(`  - ${o.title[lang]}: ${o.governs[lang]} (${o.citations.map((c) => quoteSource(engine, c, lang)).join('; ')})`);
  }
  const closest = closestCases(engine, req, d, lang);
  if (closest.length) {
    out.push('');
    out.push(`${L.closest[lang]}:`);
    out.push(...closest.map((l) => `  - ${l}`));
  }
  if (d.regime === regime?.id && regime?.kind !== 'draft') {
    const segs = timeline(engine, req);
    if (segs.length > 1) {
      out.push('');
      out.push(`${L.time[lang]}:`);
      for (const s of segs) {
        const span = `${s.from}..${s.to ?? ''}`;
        const mark = s.from <= req.asOf && (s.to === null || req.asOf <= s.to) ? ' ←' : '';
        out.push(`  ${span.padEnd(22)} ${L.outcome[s.outcome][lang].padEnd(lang === 'en' ? 17 : 8)} ${s.reasons.join(', ')}${mark}`);
      }
    }
  }
  const facts = d.trace.filter((t): t is FactTrace => t.type === 'fact');
  if (facts.length) {
    out.push('');
    out.push(`${L.facts[lang]}:`);
    for (const f of facts) out.push(`  - ${factLine(engine, f, lang)}`);
  }
  out.push('');
  out.push(`policy ${d.policyDigest}`);
  return `${out.join('\n')}\n`;
}

/** Permitted cases, here or in any later version, that fail only on the item or purpose: the nearest ways in. */
function closestCases(engine: Engine, req: TransferRequest, d: Decision, lang: Lang): string[] {
  if (d.outcome === 'permissible' || d.outcome === 'out_of_scope' || d.outcome === 'prohibited') return [];
  const lines: string[] = [];
  const seen = new Set<string>();
  const versions = engine.regimes().filter((r) => r.kind !== 'draft' && (r.to === null || r.to >= req.asOf));
  for (const v of versions) {
    const asOf = v.from && v.from > req.asOf ? v.from : req.asOf;
    const probe = engine.evaluate({ ...req, asOf }, { regime: v.id });
    for (const t of probe.trace) {
      if (t.type !== 'rule' || t.kind !== 'permission' || t.result !== 'not_fired' || seen.has(t.rule)) continue;
      const failing = t.tests.filter((x) => x.value === 'false');
      if (!failing.length || !failing.every((x) => x.test.startsWith('item.')) || t.tests.some((x) => x.test.startsWith('judgment:'))) continue;
      seen.add(t.rule);
      const r = engine.rule(t.rule)!;
      const when = asOf !== req.asOf ? ` (${L.from[lang]} ${asOf})` : '';
      lines.push(`[${t.rule}]${when} ${r.title[lang]} — ${L.wouldApply[lang]} ${failing.map((x) => x.test).join(', ')}`);
    }
  }
  return lines;
}
