// The full trace, as a tree of disclosure widgets: every rule tried (grouped by kind) and every fact used.
import { useState } from 'react';
import { useFacts, useRules } from '../api/catalog.ts';
import type { FactTrace, RuleTrace, TraceEntry } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { countryName } from '../lib/countries.ts';
import { buildTraceTree, factOfTest, factValue } from '../lib/traceTree.ts';
import { Link } from '../router.tsx';
import { AbsentNote, FactName } from './Facts.tsx';
import { SourceList } from './Sources.tsx';

const RESULT_CLASS: Record<RuleTrace['result'], string> = { fired: 'ok', not_fired: 'off', unknown: 'warn', defeated: 'bad' };

/** A rule's test as the engine wrote it, headed by the name of the fact it reads, if any. */
function TestText({ test }: { test: string }) {
  const { pick } = useI18n();
  const facts = useFacts();
  const doc = facts.data?.get(factOfTest(test) ?? '');
  return <>{doc ? <span className="test-fact">{pick(doc.title)}: </span> : null}<code>{test}</code></>;
}

function RuleLeaf({ e, deciding, title, open }: { e: RuleTrace; deciding: boolean; title: string | undefined; open: boolean }) {
  const { t } = useI18n();
  return (
    <li>
      <details open={open || undefined} className={`tree-node ${deciding ? 'deciding' : ''}`}>
        <summary>
          <span className={`res res-${RESULT_CLASS[e.result]}`}>{t(`result.${e.result}` as MessageKey)}</span>
          <span className="tree-title">{title ?? e.rule}</span>
          <code className="muted">{e.rule}</code>
          {deciding ? <span className="tag tag-deciding">{t('decidingRule')}</span> : null}
        </summary>
        <div className="tree-body">
          {e.tests.length > 0 ? (
            <ul className="tests">
              {e.tests.map((x, i) => (
                <li key={i}>
                  <span className={`truth truth-${x.value}`}>{t(`truth.${x.value}` as MessageKey)}</span> <TestText test={x.test} />
                </li>
              ))}
            </ul>
          ) : null}
          {e.defeatedBy?.length ? <p>{t('defeatedBy', { rules: e.defeatedBy.join(', ') })}</p> : null}
          <p className="muted">
            {t('introducedBy', { id: e.revision })} · <Link href={`/law/rules/${encodeURIComponent(e.rule)}`}>{t('rule')} {e.rule}</Link>
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
      <span className="fact-name"><FactName id={f.fact} /> · {countryName(f.of, lang)} ({f.of})</span>
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

export function TraceTree({ trace, reasons }: { trace: readonly TraceEntry[]; reasons: readonly string[] }) {
  const { t, pick } = useI18n();
  const tree = buildTraceTree(trace, reasons);
  const rules = useRules(tree.ruleIds);
  const titles = new Map((rules.data ?? []).map((r) => [r.id, pick(r.title)]));
  // Changing the key remounts the tree with every node open or closed.
  const [all, setAll] = useState<{ open: boolean; key: number }>({ open: false, key: 0 });
  return (
    <div className="trace">
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
                      <span className="muted"> {g.fired}/{g.rules.length} {t('result.fired')}</span>
                    </summary>
                    <ul>
                      {g.rules.map((n) => <RuleLeaf key={n.entry.rule} e={n.entry} deciding={n.deciding} title={titles.get(n.entry.rule)} open={all.open} />)}
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
