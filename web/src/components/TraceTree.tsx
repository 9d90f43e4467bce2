// The trace: first one line per clause considered, in words, with its source; then the full tree of disclosure
// widgets (every rule tried, grouped by kind, and every fact used). Tests read as questions with their answers; the
// engine's codes wait under "technical details".
import { useState } from 'react';
import { judgmentQuestions, RESULT_PHRASE, testSentence, type Wording } from '../../../src/core/labels.ts';
import { useFacts, useRules, useSources } from '../api/catalog.ts';
import type { FactTrace, OpenQuestion, RuleInfo, RuleTrace, TraceEntry, TransferRequest } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { countryName } from '../lib/countries.ts';
import { buildTraceTree, factOfTest, factValue } from '../lib/traceTree.ts';
import { Link } from '../router.tsx';
import { AbsentNote, FactName } from './Facts.tsx';
import { SourceList } from './Sources.tsx';

const RESULT_CLASS: Record<RuleTrace['result'], string> = { fired: 'ok', not_fired: 'off', unknown: 'warn', defeated: 'bad' };

interface Context {
  request?: Pick<TransferRequest, 'recipient' | 'item'>;
  open?: readonly OpenQuestion[];
  rules?: readonly RuleInfo[];
}

/** The words for tests: fact titles from the server, country names, and the question each judgment asks. */
function useWording(ctx: Context): Wording {
  const facts = useFacts();
  const asked = judgmentQuestions(ctx.rules ?? []);
  return { factTitle: (id) => facts.data?.get(id)?.title, factValue: (id, v) => facts.data?.get(id)?.valueLabels?.[v], country: countryName, judgment: (id) => ctx.open?.find((q) => q.id === id)?.question ?? asked(id) };
}

/** A rule's test as a question and its answer; the engine's wording beside it, for those who look for it. */
function TestLine({ test, value, ctx }: { test: string; value: RuleTrace['tests'][number]['value']; ctx: Context }) {
  const { pick } = useI18n();
  const words = useWording(ctx);
  const sentence = testSentence(test, value, words, ctx.request?.recipient ?? '', ctx.request?.item.licensor);
  return <><span className={`truth truth-${value}`}>{pick(sentence)}</span> <code className="muted tech-code">{test}</code></>;
}

function RuleLeaf({ e, deciding, titles, open, ctx }: { e: RuleTrace; deciding: boolean; titles: Map<string, string>; open: boolean; ctx: Context }) {
  const { t, pick } = useI18n();
  return (
    <li>
      <details open={open || undefined} className={`tree-node ${deciding ? 'deciding' : ''}`}>
        <summary>
          <span className={`res res-${RESULT_CLASS[e.result]}`}>{pick(RESULT_PHRASE[e.result])}</span>
          <span className="tree-title">{titles.get(e.rule) ?? e.rule}</span>
          {deciding ? <span className="tag tag-deciding">{t('decidingRule')}</span> : null}
        </summary>
        <div className="tree-body">
          {e.tests.length > 0 ? (
            <ul className="tests">
              {e.tests.map((x, i) => <li key={i}><TestLine test={x.test} value={x.value} ctx={ctx} /></li>)}
            </ul>
          ) : null}
          {e.defeatedBy?.length ? <p>{t('defeatedBy', { rules: e.defeatedBy.map((id) => titles.get(id) ?? id).join(', ') })}</p> : null}
          <p className="muted">
            <Link href={`/law/rules/${encodeURIComponent(e.rule)}`}>{t('readTheRule')}</Link> <code className="tech-code">{e.rule} · {e.revision}</code>
          </p>
          <SourceList ids={e.citations} compact />
        </div>
      </details>
    </li>
  );
}

function FactLeaf({ f }: { f: FactTrace }) {
  const { t, lang } = useI18n();
  const v = factValue(f);
  const shown = v === 'true' ? t('yes') : v === 'false' ? t('no') : v === 'unknown' ? t('unknown') : v;
  return (
    <li className="fact-leaf">
      <span className="fact-name"><FactName id={f.fact} /> · {countryName(f.of, lang)}</span>
      <strong className={`fact-value fact-${v}`}>{shown}</strong>
      {f.source ? (
        <span className="muted">
          {`${f.from ?? ''} – ${f.to ?? t('onward')}`}
          {f.confirmed ? '' : ` · ${t('unconfirmed')}`}
        </span>
      ) : <span className="fact-absent"><AbsentNote id={f.fact} /></span>}
      {f.note ? <span className="muted fact-note">{f.note}</span> : null}
      {f.source ? <SourceList ids={[f.source]} compact /> : null}
    </li>
  );
}

/** One line per clause considered: its title, whether it applies and why, in words, and the instrument it comes from. */
function ClauseLines({ trace, reasons, titles, ctx }: { trace: readonly TraceEntry[]; reasons: readonly string[]; titles: Map<string, string>; ctx: Context }) {
  const { t, pick } = useI18n();
  const sources = useSources();
  const words = useWording(ctx);
  const facts = new Map(trace.filter((e): e is FactTrace => e.type === 'fact').map((f) => [f.fact, f]));
  const rules = trace.filter((e): e is RuleTrace => e.type === 'rule' && e.kind !== 'default' && e.kind !== 'requirement');
  return (
    <ol className="clause-lines">
      {rules.map((e) => {
        // The tests that settled it: the false ones for a clause that does not apply, the open ones where it is unknown.
        const settling = e.tests.filter((x) => (e.result === 'not_fired' ? x.value === 'false' : e.result === 'unknown' ? x.value === 'unknown' : false));
        const notes = settling.map((x) => facts.get(factOfTest(x.test) ?? '')?.note).filter((n): n is string => Boolean(n));
        const src = e.citations[0] ? sources.data?.get(e.citations[0]) : undefined;
        return (
          <li key={e.rule} className={`clause-line res-line-${RESULT_CLASS[e.result]} ${reasons.includes(e.rule) ? 'deciding' : ''}`} data-rule={e.rule}>
            <strong>{titles.get(e.rule) ?? e.rule}</strong>{' — '}{pick(RESULT_PHRASE[e.result])}
            {e.result === 'defeated' && e.defeatedBy?.length ? <>: {e.defeatedBy.map((id) => titles.get(id) ?? id).join(', ')}</> : null}
            {settling.length ? <>. {settling.slice(0, 2).map((x) => pick(testSentence(x.test, x.value, words, ctx.request?.recipient ?? '', ctx.request?.item.licensor))).join(' ')}</> : null}
            {notes.map((n, i) => <span key={i} className="clause-note"> {n}</span>)}
            {src ? <span className="clause-source muted small"> {t('source')}: {pick(src.title)}{src.date ? ` (${src.date})` : ''}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}

export function TraceTree({ trace, reasons, request, open }: { trace: readonly TraceEntry[]; reasons: readonly string[]; request?: TransferRequest; open?: readonly OpenQuestion[] }) {
  const { t, pick } = useI18n();
  const tree = buildTraceTree(trace, reasons);
  const defeaters = trace.flatMap((e) => (e.type === 'rule' ? e.defeatedBy ?? [] : []));
  const rules = useRules([...new Set([...tree.ruleIds, ...defeaters])]);
  const titles = new Map((rules.data ?? []).map((r) => [r.id, pick(r.title)]));
  const ctx: Context = { request, open, rules: rules.data };
  // Changing the key remounts the tree with every node open or closed.
  const [all, setAll] = useState<{ open: boolean; key: number }>({ open: false, key: 0 });
  return (
    <div className="trace">
      <h3 className="h-sub">{t('clausesConsidered')}</h3>
      <ClauseLines trace={trace} reasons={reasons} titles={titles} ctx={ctx} />
      <div className="trace-tools">
        <button type="button" className="btn btn-small" onClick={() => setAll((a) => ({ open: true, key: a.key + 1 }))}>{t('expandAll')}</button>
        <button type="button" className="btn btn-small" onClick={() => setAll((a) => ({ open: false, key: a.key + 1 }))}>{t('collapseAll')}</button>
      </div>
      <ul className="tree" key={all.key}>
        <li>
          <details open>
            <summary><strong>{t('rulesTried')}</strong> <span className="muted">({tree.ruleIds.length})</span></summary>
            <ul>
              {tree.groups.map((g) => (
                <li key={g.kind}>
                  <details open={all.open || g.rules.some((r) => r.deciding) || undefined}>
                    <summary>
                      <span className={`tag tag-kind tag-${g.kind}`}>{t(`kind.${g.kind}` as MessageKey)}</span>
                      <span className="muted"> {t('appliedCount', { n: g.fired, of: g.rules.length })}</span>
                    </summary>
                    <ul>
                      {g.rules.map((n) => <RuleLeaf key={n.entry.rule} e={n.entry} deciding={n.deciding} titles={titles} open={all.open} ctx={ctx} />)}
                    </ul>
                  </details>
                </li>
              ))}
            </ul>
          </details>
        </li>
        <li>
          <details open={all.open || undefined}>
            <summary><strong>{t('factsUsed')}</strong> <span className="muted">({tree.facts.length})</span></summary>
            <ul className="facts">{tree.facts.map((f) => <FactLeaf key={`${f.fact}:${f.of}`} f={f} />)}</ul>
          </details>
        </li>
      </ul>
    </div>
  );
}
