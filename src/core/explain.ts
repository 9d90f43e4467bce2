import { countryName } from './countries.ts';
import {
  ABSENT_READ, ANSWER, DECIDER_LABEL, END_USER_LABEL, FORM_LABEL, FUNCTION_LABEL, KIND_WORD, MITI_DECIDER, MITI_REVIEW, MITI_UNTIL, ORIGIN_LABEL, OUTCOME_NAME, OUTCOME_SENTENCE,
  PURPOSE_LABEL, RESULT_PHRASE, REVIEW_LABEL, REVIEW_NOT_APPLICABLE, REVIEW_OPEN, REVIEW_OUT_OF_SCOPE, TRANSFEROR_LABEL, judgmentQuestions, optionLabel, testSentence, type Wording,
} from './labels.ts';
import { timeline } from './timeline.ts';
import { whatif } from './whatif.ts';
import type { Engine } from './engine.ts';
import type { Decision, FactTrace, Lang, OpenQuestion, RuleTrace, Text, TransferRequest } from './model.ts';
import type { Expr } from './policy-schema.ts';

const L = {
  outcome: OUTCOME_NAME,
  why: { en: 'Why', ja: '理由' },
  whyOpen: { en: 'Why (the outcome of these rules turns on the open questions below)', ja: '理由（以下の規定の適否は下記の未決事項により定まる）' },
  considered: { en: 'Other rules considered', ja: '検討した他の規定' },
  conditions: { en: 'Conditions', ja: '条件' },
  review: { en: 'Review needed', ja: '必要な審査' },
  open: { en: 'Open questions', ja: '未決事項' },
  time: { en: 'The same request at other times', ja: '他の時点における同じ要求' },
  closest: { en: 'What would change it', ja: '結論を変え得るもの' },
  facts: { en: 'Facts used', ja: '用いた事実' },
  source: { en: 'Source', ja: '出典' },
  regime: { en: 'Rules applied', ja: '適用した規律' },
  inForce: { en: 'in force', ja: '現行の規律' },
  request: { en: 'Request', ja: '要求' },
  notOnList: { en: 'not on the list', ja: '一覧に記載なし' },
  listOf: { en: 'list reviewed', ja: '一覧の確認日' },
  unconfirmed: { en: 'weakly sourced', ja: '出典が弱い' },
  none: { en: 'none', ja: 'なし' },
  otherValues: { en: 'other answers', ja: 'その他の回答' },
  turnsOn: { en: 'rules that turn on it', ja: 'これにより適否が定まる規定' },
  instead: { en: 'What may govern it instead', ja: '代わりに適用され得る規律' },
  openException: { en: 'an exception may apply', ja: '例外に該当する可能性がある' },
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
    i.defenseEquipment === false ? (lang === 'en' ? 'not defense equipment' : '防衛装備でない') : i.defenseEquipment && !i.etcoItem ? (lang === 'en' ? 'defense equipment' : '防衛装備') : '',
    i.etcoItem ? (lang === 'en' ? `Export Trade Control Order item 1(${i.etcoItem})` : `輸出貿易管理令別表第一 一の項(${i.etcoItem})`) : '',
    i.weapon === true ? (lang === 'en' ? 'weapon' : '武器') : i.weapon === false ? (lang === 'en' ? 'non-weapon' : '非武器') : '',
    i.form ? FORM_LABEL[i.form][lang] : '', i.function ? FUNCTION_LABEL[i.function][lang] : '', i.origin ? ORIGIN_LABEL[i.origin][lang] : '',
    i.licensor ? `licensor ${i.licensor}` : '', i.partners?.length ? `partners ${i.partners.join('/')}` : '', i.program ?? '', i.controlList ?? '',
  ].filter(Boolean).join(', ');
  const to = `${countryName(req.recipient, lang)} (${req.recipient})`;
  const what = `${i.name ?? (lang === 'en' ? 'item' : '品目')}${attrs ? ` [${attrs}]` : ''}`;
  const purpose = (req.purpose ? (lang === 'en' ? `, purpose ${PURPOSE_LABEL[req.purpose].en}` : `、目的 ${PURPOSE_LABEL[req.purpose].ja}`) : '')
    + (req.transferor ? (lang === 'en' ? `, transferred by ${TRANSFEROR_LABEL[req.transferor].en}` : `、移転者 ${TRANSFEROR_LABEL[req.transferor].ja}`) : '');
  const who = [req.endUser?.name, req.endUser?.type ? END_USER_LABEL[req.endUser.type][lang] : undefined].filter(Boolean).join(' / ');
  const user = who ? (lang === 'en' ? `, end user ${who}` : `、最終需要者 ${who}`) : '';
  return lang === 'en' ? `${what} to ${to}${purpose}${user}, on ${req.asOf}` : `${req.asOf} 時点、${to} への ${what}${purpose}${user}`;
}

function factLine(engine: Engine, f: FactTrace, lang: Lang): string {
  const doc = engine.factDocs.get(f.fact);
  const title = doc?.title[lang] ?? f.fact;
  const value = f.value === null ? (lang === 'en' ? 'unknown' : '不明') : typeof f.value === 'boolean' ? ANSWER[String(f.value) as 'true' | 'false'][lang] : doc?.valueLabels?.[f.value]?.[lang] ?? f.value;
  const of = `${countryName(f.of, lang)} (${f.of})`;
  if (!f.source) {
    return `${title} — ${of}: ${value} (${L.notOnList[lang]}; ${doc?.defaultNote[lang] ?? ''} ${L.listOf[lang]} ${doc?.listDate ?? ''})`;
  }
  const period = `${f.from}${f.to ? `..${f.to}` : '..'}`;
  return `${title} — ${of}: ${value} [${period}] ${L.source[lang]}: ${quoteSource(engine, f.source, lang)}${f.note ? ` — ${f.note}` : ''}`;
}

/** The explanation a person reads: outcome, the deciding clauses quoted with sources, what did not apply, and time. */
export function explain(engine: Engine, req: TransferRequest, d: Decision, lang: Lang): string {
  const out: string[] = [];
  const regime = engine.version(d.regime)?.info;
  const revision = engine.version(d.revision)?.info;
  out.push(`${L.outcome[d.outcome][lang]} — ${OUTCOME_SENTENCE[d.outcome][lang]}`);
  out.push('');
  out.push(`${L.request[lang]}: ${describeRequest(req, lang)}`);
  // The instrument of the deciding rule, not the latest revision in force (which may have decided nothing here).
  const deciding = [...new Set(d.reasons.flatMap((id) => engine.rule(id)?.citations.slice(0, 1) ?? []))].map((c) => quoteSource(engine, c, lang));
  out.push(`${L.regime[lang]}: ${deciding.length ? deciding.join('; ') : regime?.title[lang] ?? d.regime}`);
  out.push(`  ${L.inForce[lang]}: ${regime?.title[lang] ?? d.regime} (${d.regime})${d.revision !== d.regime ? ` — ${revision?.title[lang]} (${d.revision})` : ''}`);
  out.push('');
  out.push(`${(d.outcome === 'requires_judgment' ? L.whyOpen : L.why)[lang]}:`);
  for (const id of d.reasons) {
    const r = engine.rule(id);
    if (!r) continue;
    out.push(`  [${id}] ${r.title[lang]}`);
    out.push(`    “${r.clause[lang]}”`);
    for (const c of r.citations) out.push(`    ${L.source[lang]}: ${quoteSource(engine, c, lang)}`);
  }
  const rules = d.trace.filter((t): t is RuleTrace => t.type === 'rule');
  // Out of scope, the other rules were never the item's rules: listing them as considered would suggest they were weighed.
  const notApplied = d.outcome === 'out_of_scope' ? [] : rules.filter((t) => !d.reasons.includes(t.rule) && (t.kind === 'prohibition' || t.kind === 'permission') && t.result !== 'fired');
  if (notApplied.length) {
    out.push('');
    out.push(`${L.considered[lang]}:`);
    for (const t of notApplied) {
      const r = engine.rule(t.rule)!;
      const words: Wording = { factTitle: (id) => engine.factDocs.get(id)?.title, factValue: (id, v) => engine.factDocs.get(id)?.valueLabels?.[v], country: countryName, judgment: judgmentQuestions([r]) };
      // A rule that does not apply is settled by what is known (an unknown inside it changes nothing), so only that is shown.
      const shown = t.result === 'not_fired' ? t.tests.filter((x) => x.value !== 'unknown') : t.tests.filter((x) => x.value !== 'true');
      const failing = shown.map((x) => {
        const said = testSentence(x.test, x.value, words, req.recipient, req.item.licensor)[lang];
        // The two attributes whose absence has a meaning say so, since the answer then rests on nothing the request said.
        const field = /^item\.(munitionType|program)\b/.exec(x.test)?.[1] as keyof typeof ABSENT_READ | undefined;
        return field && req.item[field] === undefined && x.value === 'false' ? `${said}${lang === 'en' ? ' ' : ''}${ABSENT_READ[field][lang]}` : said;
      });
      const by = t.defeatedBy?.map((id) => engine.rule(id)?.title[lang] ?? id).join(', ');
      // A rule left open by an exception that may apply names that exception.
      const open = t.result !== 'defeated' && by ? ` ${L.openException[lang]}: ${by}` : '';
      const why = t.result === 'defeated' ? `${RESULT_PHRASE.defeated[lang]}: ${by}` : lang === 'en' ? `${RESULT_PHRASE[t.result].en}. ${failing.join(' ')}${open}` : `${RESULT_PHRASE[t.result].ja}。${failing.join('。').replace(/。{2,}/g, '。')}${open}`;
      out.push(`  [${t.rule}] ${r.title[lang]}: ${why}`);
      if (r.citations[0]) out.push(`    ${L.source[lang]}: ${quoteSource(engine, r.citations[0], lang)}`);
    }
  }
  if (d.conditions.length) {
    out.push('');
    out.push(`${L.conditions[lang]}:`);
    for (const c of d.conditions) out.push(`  - ${c.text[lang]} [${c.id}]`);
  }
  out.push('');
  const refused = d.outcome === 'prohibited' || d.outcome === 'not_permitted';
  const reviewLabel = d.review === 'meti' && req.asOf <= MITI_UNTIL ? MITI_REVIEW : d.review ? REVIEW_LABEL[d.review] : undefined;
  out.push(`${L.review[lang]}: ${reviewLabel ? reviewLabel[lang] : refused ? REVIEW_NOT_APPLICABLE[lang] : d.outcome === 'out_of_scope' ? REVIEW_OUT_OF_SCOPE[lang] : d.outcome === 'requires_judgment' ? REVIEW_OPEN[lang] : L.none[lang]}`);
  if (d.open.length) {
    out.push('');
    out.push(`${L.open[lang]}:`);
    for (const q of d.open) {
      const who = q.by === 'meti' && req.asOf <= MITI_UNTIL ? MITI_DECIDER : DECIDER_LABEL[q.by];
      out.push(`  - ${q.question[lang]} (${who?.[lang] ?? q.by}) [${q.id}]`);
      // The values that would settle it: each one that opens a case or leaves the rules, the refusals summed up.
      const opening = (q.options ?? []).filter((o) => o.outcome !== 'not_permitted' && o.outcome !== 'prohibited');
      const answer = (v: string) => (lang === 'en' ? `“${optionLabel(q.id, v).en}”` : `「${optionLabel(q.id, v).ja}」`);
      for (const o of opening) out.push(`      ${lang === 'en' ? `if ${answer(o.value)}` : `${answer(o.value)}の場合`}: ${L.outcome[o.outcome][lang]} (${o.rules.join(', ')})`);
      const closed = (q.options ?? []).filter((o) => !opening.includes(o));
      if (closed.length && opening.length) out.push(`      ${L.otherValues[lang]} (${closed.map((o) => answer(o.value)).join(lang === 'en' ? ', ' : '、')}): ${[...new Set(closed.map((o) => L.outcome[o.outcome][lang]))].join(' / ')}`);
      if (!q.options?.length) out.push(...eitherWay(engine, q, rules, lang).map((l) => `      ${l}`));
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

/** The smallest changes that would open the transfer, each re-evaluated (so none a defeating rule would still close). */
function closestCases(engine: Engine, req: TransferRequest, d: Decision, lang: Lang): string[] {
  if (d.outcome === 'permissible' || d.outcome === 'out_of_scope') return [];
  const w = whatif(engine, req, { regime: d.regime === engine.versionOn(req.asOf)?.info.id ? undefined : d.revision });
  return [...w.enough, ...w.enoughLater].slice(0, 8).map((a) => {
    // A change of date already names its date.
    const dated = a.asOf !== req.asOf && !a.changes.some((c) => c.kind === 'date');
    const when = dated ? (lang === 'en' ? ` (${L.from[lang]} ${a.asOf})` : `（${a.asOf}${L.from[lang]}）`) : '';
    return `${a.changes.map((c) => c.text[lang]).join(lang === 'en' ? ' and ' : '、かつ')}${when}: ${a.reasons.map((id) => engine.rule(id)?.title[lang] ?? id).join(', ')}`;
  });
}

/** Whether a judgment counts for its rule as asked (true) or negated (false): "yes" then opens or closes the rule. */
function asked(e: Expr | undefined, id: string, negated = false): boolean | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  if ('judgment' in e) return e.judgment === id ? !negated : undefined;
  if ('not' in e) return asked(e.not, id, !negated);
  const parts = 'all' in e ? e.all : 'any' in e ? e.any : [];
  for (const p of parts) {
    const found = asked(p, id, negated);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** What follows either way from a question without listed values: for a judgment, what "yes" and "no" do to each rule that asks it; else the rules it decides. */
function eitherWay(engine: Engine, q: OpenQuestion, rules: RuleTrace[], lang: Lang): string[] {
  const open = rules.filter((t) => t.result === 'unknown');
  const judged = open.flatMap((t) => {
    const r = engine.rule(t.rule);
    const yes = r && t.tests.some((x) => x.test === `judgment: ${q.id}`) ? asked(r.when, q.id) : undefined;
    if (!r || yes === undefined) return [];
    const kind = KIND_WORD[r.kind] ?? { en: 'the rule', ja: '規定' };
    const [applies, not]: Text[] = [{ en: 'yes', ja: 'はい' }, { en: 'no', ja: 'いいえ' }];
    const [first, second] = yes ? [applies, not] : [not, applies];
    return [lang === 'en'
      ? `if ${first.en}: ${kind.en} “${r.title.en}” may apply; if ${second.en}: it does not`
      : `「${first.ja}」の場合：${kind.ja}「${r.title.ja}」が適用され得る。「${second.ja}」の場合：適用されない`];
  });
  if (judged.length) return judged;
  const fact = /^(?:fact|covers):([^:]+):/.exec(q.id)?.[1];
  const reads = (test: string) => (fact ? test.startsWith(`${fact}(`) : test.includes(q.id));
  const titles = open.filter((t) => t.tests.some((x) => x.value === 'unknown' && reads(x.test))).map((t) => engine.rule(t.rule)?.title[lang] ?? t.rule);
  if (!titles.length) return [];
  return [`${L.turnsOn[lang]}: ${titles.map((x) => (lang === 'en' ? `“${x}”` : `「${x}」`)).join(lang === 'en' ? ', ' : '、')}`];
}
