import { z } from 'zod';
import { categoriesFileSchema, checkCategories } from './categories.ts';
import { Engine, type ValidPolicy } from './engine.ts';
import { factsIn } from './expr.ts';
import { isCountry } from './countries.ts';
import { EARLIEST_DATE, toProblems } from './request.ts';
import { ETCO_ITEM1, type Problem, type Result } from './model.ts';
import {
  classificationSchema, conditionSchema, factSchema, otherControlSchema, regimeSchema, sourceSchema,
  type ConditionDoc, type Fact, type FactEntry, type RawPolicy, type RegimeDoc, type Rule, type Source,
} from './policy-schema.ts';

function parseAll<T>(schema: z.ZodType<T>, files: { file: string; data: unknown }[], problems: Problem[]): { file: string; value: T }[] {
  const out: { file: string; value: T }[] = [];
  for (const { file, data } of files) {
    const items = Array.isArray(data) ? data : [data];
    items.forEach((item, i) => {
      const r = schema.safeParse(item);
      const prefix = Array.isArray(data) ? `${file}[${i}]` : file;
      if (r.success) out.push({ file: prefix, value: r.data });
      else problems.push(...toProblems(r.error).map((p) => ({ ...p, path: `${prefix}:${p.path}` })));
    });
  }
  return out;
}

function unique<T extends { id: string }>(kind: string, items: { file: string; value: T }[], problems: Problem[]): Map<string, { file: string; value: T }> {
  const map = new Map<string, { file: string; value: T }>();
  for (const it of items) {
    const prev = map.get(it.value.id);
    if (prev) problems.push({ code: 'duplicate_id', path: `${it.file}:id`, message: `${kind} id "${it.value.id}" is also defined in ${prev.file}` });
    else map.set(it.value.id, it);
  }
  return map;
}

function checkFact(file: string, f: Fact, sources: Map<string, unknown>, problems: Problem[]) {
  const okValue = (v: boolean | string) => v === 'unknown' || (f.type === 'boolean' ? typeof v === 'boolean' : typeof v === 'string' && (f.values ?? []).includes(v));
  if (f.type === 'enum' && !f.values?.length) problems.push({ code: 'missing_values', path: `${file}:values`, message: 'an enum fact lists its values' });
  for (const v of Object.keys(f.valueLabels ?? {})) {
    if (!(f.values ?? []).includes(v)) problems.push({ code: 'invalid_value', path: `${file}:valueLabels.${v}`, message: `"${v}" is not a value of the fact` });
  }
  if (!f.exhaustive && !f.decidedBy) problems.push({ code: 'required', path: `${file}:decidedBy`, message: 'a list that is not exhaustive says who decides for a country it does not record' });
  if (!okValue(f.default) || f.default === 'unknown') problems.push({ code: 'invalid_value', path: `${file}:default`, message: `default ${String(f.default)} is not a ${f.type} value of the fact` });
  for (const [cc, entries] of Object.entries(f.series)) {
    if (!isCountry(cc)) problems.push({ code: 'unknown_country', path: `${file}:series.${cc}`, message: `${cc} is not an ISO 3166-1 alpha-2 code` });
    let prev: FactEntry | undefined;
    entries.forEach((e, i) => {
      const at = `${file}:series.${cc}[${i}]`;
      if (!okValue(e.value)) problems.push({ code: 'invalid_value', path: `${at}.value`, message: `${String(e.value)} is not a ${f.type} value of ${f.id}` });
      if (!sources.has(e.source)) problems.push({ code: 'dangling_citation', path: `${at}.source`, message: `no source "${e.source}" in policy/sources` });
      if (e.to && e.to < e.from) problems.push({ code: 'bad_period', path: `${at}.to`, message: `ends (${e.to}) before it starts (${e.from})` });
      if (prev) {
        if (e.from <= prev.from) problems.push({ code: 'unordered_period', path: `${at}.from`, message: `entries must be in date order (${e.from} after ${prev.from})` });
        else if (prev.to && e.from <= prev.to) problems.push({ code: 'overlapping_period', path: `${at}.from`, message: `starts ${e.from}, inside the previous entry (${prev.from}..${prev.to})` });
      }
      prev = e;
    });
  }
}

/** Validates everything read from policy/ and compiles it; every problem is listed, nothing is guessed. */
export function compilePolicy(raw: RawPolicy): Result<Engine> {
  const problems: Problem[] = [];
  const sourceList = parseAll(sourceSchema, raw.sources, problems);
  const factList = parseAll(factSchema, raw.facts, problems);
  const regimeList = parseAll(regimeSchema, raw.regimes, problems);
  const conditionList = parseAll(conditionSchema, raw.conditions, problems);
  const sources = unique('source', sourceList, problems);
  const facts = unique('fact', factList, problems);
  const regimes = unique('regime', regimeList, problems);
  const conditions = unique('condition', conditionList, problems);
  const classification = parseAll(classificationSchema, raw.classification ?? [], problems);
  const otherControls = unique('other control', parseAll(otherControlSchema, raw.otherControls ?? [], problems), problems);
  // The request schema accepts exactly the sub-items of item 1; the table must map each of them once.
  const codes = new Map<string, string>();
  for (const { file, value } of classification) {
    if (!(ETCO_ITEM1 as readonly string[]).includes(value.code)) problems.push({ code: 'invalid_value', path: `${file}:code`, message: `"${value.code}" is not a sub-item of item 1 (${ETCO_ITEM1.join(', ')})` });
    if (codes.has(value.code)) problems.push({ code: 'duplicate_id', path: `${file}:code`, message: `sub-item ${value.code} is also mapped in ${codes.get(value.code)}` });
    codes.set(value.code, file);
    value.citations.forEach((c, i) => { if (!sources.has(c)) problems.push({ code: 'dangling_citation', path: `${file}:citations[${i}]`, message: `no source "${c}"` }); });
  }
  if (classification.length) for (const code of ETCO_ITEM1) if (!codes.has(code)) problems.push({ code: 'required', path: 'classification', message: `sub-item ${code} of item 1 has no row in policy/classification` });
  for (const { file, value } of otherControls.values()) {
    value.citations.forEach((c, i) => { if (!sources.has(c)) problems.push({ code: 'dangling_citation', path: `${file}:citations[${i}]`, message: `no source "${c}"` }); });
  }

  for (const { file, value } of facts.values()) checkFact(file, value, sources, problems);
  for (const { file, value } of conditions.values()) {
    if (!sources.has(value.source)) problems.push({ code: 'dangling_citation', path: `${file}:source`, message: `no source "${value.source}"` });
  }

  const ruleHome = new Map<string, string>();
  for (const { file, value: doc } of regimes.values()) {
    doc.sources.forEach((s, i) => { if (!sources.has(s)) problems.push({ code: 'dangling_citation', path: `${file}:sources[${i}]`, message: `no source "${s}"` }); });
    if (doc.kind === 'revision' && !doc.base) problems.push({ code: 'missing_base', path: `${file}:base`, message: 'a revision names the regime or revision it amends' });
    if (doc.kind === 'draft' && !doc.base) problems.push({ code: 'missing_base', path: `${file}:base`, message: 'a draft names the regime or revision it overlays' });
    if (doc.kind !== 'draft' && !doc.from) problems.push({ code: 'missing_date', path: `${file}:from`, message: 'a regime or revision has the date it takes effect' });
    if (doc.kind !== 'draft' && doc.from && doc.from < EARLIEST_DATE) problems.push({ code: 'bad_period', path: `${file}:from`, message: `no regime before ${EARLIEST_DATE}` });
    if (doc.base && !regimes.has(doc.base)) problems.push({ code: 'unknown_regime', path: `${file}:base`, message: `no regime "${doc.base}"` });
    if (doc.kind !== 'draft' && doc.base && regimes.get(doc.base)?.value.kind === 'draft') problems.push({ code: 'draft_base', path: `${file}:base`, message: 'law never amends a draft' });
    doc.facts.forEach((o, i) => {
      const f = facts.get(o.fact)?.value;
      if (!f) problems.push({ code: 'unknown_fact', path: `${file}:facts[${i}].fact`, message: `no fact "${o.fact}"` });
      else checkFact(`${file}:facts[${i}]`, { ...f, series: { [o.country]: o.series } }, sources, problems);
    });
    doc.rules.forEach((r, i) => checkRule(`${file}:rules[${i}]`, r, { sources, facts, conditions, ruleHome }, problems));
  }
  // Base chains must end at a regime, without cycles.
  for (const { file, value: doc } of regimes.values()) {
    const seen = new Set<string>();
    let cur: RegimeDoc | undefined = doc;
    while (cur?.base) {
      if (seen.has(cur.id)) { problems.push({ code: 'base_cycle', path: `${file}:base`, message: `the base chain of "${doc.id}" loops` }); break; }
      seen.add(cur.id);
      cur = regimes.get(cur.base)?.value;
    }
  }
  const dated = [...regimes.values()].filter((r) => r.value.kind !== 'draft' && r.value.from).sort((a, b) => (a.value.from! < b.value.from! ? -1 : 1));
  if (dated.length && dated[0].value.from !== EARLIEST_DATE) problems.push({ code: 'gap_in_time', path: `${dated[0].file}:from`, message: `no regime is in force from ${EARLIEST_DATE} to ${dated[0].value.from}` });
  for (let i = 1; i < dated.length; i++) {
    if (dated[i].value.from === dated[i - 1].value.from) problems.push({ code: 'overlapping_period', path: `${dated[i].file}:from`, message: `takes effect on the same day as "${dated[i - 1].value.id}"` });
  }
  const categoryList = parseAll(categoriesFileSchema, raw.categories ?? [], problems).flatMap((f) => f.value.categories.map((value) => ({ file: f.file, value })));
  problems.push(...checkCategories(categoryList, [...regimes.values()].flatMap(({ file, value }) => value.rules.map((rule) => ({ file, rule }))), new Set(sources.keys())));
  if (problems.length) return { ok: false, problems };

  const policy: ValidPolicy = {
    categories: categoryList.map((c) => c.value),
    sources: [...sources.values()].map((s) => s.value).sort(byId),
    facts: [...facts.values()].map((f) => f.value).sort(byId),
    regimes: [...regimes.values()].map((r) => r.value).sort(byId),
    conditions: [...conditions.values()].map((c) => c.value).sort(byId),
    classification: classification.map((c) => c.value),
    otherControls: [...otherControls.values()].map((o) => o.value).sort(byId),
  };
  const engine = new Engine(policy);
  problems.push(...checkVersions(engine, regimes));
  return problems.length ? { ok: false, problems } : { ok: true, value: engine };
}

function byId(a: { id: string }, b: { id: string }) {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

interface Known {
  sources: Map<string, { value: Source }>;
  facts: Map<string, { value: Fact }>;
  conditions: Map<string, { value: ConditionDoc }>;
  ruleHome: Map<string, string>;
}

function checkRule(at: string, r: Rule, known: Known, problems: Problem[]) {
  const prev = known.ruleHome.get(r.id);
  if (prev) problems.push({ code: 'duplicate_id', path: `${at}.id`, message: `rule id "${r.id}" is also used at ${prev}; rule ids are never reused` });
  else known.ruleHome.set(r.id, at);
  r.citations.forEach((c, i) => { if (!known.sources.has(c)) problems.push({ code: 'dangling_citation', path: `${at}.citations[${i}]`, message: `no source "${c}"` }); });
  (r.conditions ?? []).forEach((c, i) => { if (!known.conditions.has(c)) problems.push({ code: 'unknown_condition', path: `${at}.conditions[${i}]`, message: `no condition "${c}" in policy/conditions` }); });
  for (const { fact, is } of factsIn(r.when)) {
    const f = known.facts.get(fact)?.value;
    if (!f) { problems.push({ code: 'unknown_fact', path: `${at}.when`, message: `condition names unknown fact "${fact}"` }); continue; }
    const wanted = is === undefined ? [true] : Array.isArray(is) ? is : [is];
    for (const w of wanted) {
      const ok = f.type === 'boolean' ? typeof w === 'boolean' : typeof w === 'string' && (f.values ?? []).includes(w);
      if (!ok) problems.push({ code: 'invalid_value', path: `${at}.when`, message: `${String(w)} is not a value of fact "${fact}"` });
    }
  }
  if (r.kind === 'exception' && !r.defeats?.length) problems.push({ code: 'missing_defeats', path: `${at}.defeats`, message: 'an exception names the rules it defeats' });
  if (r.kind !== 'exception' && r.defeats?.length) problems.push({ code: 'invalid_value', path: `${at}.defeats`, message: 'only exceptions defeat rules' });
  if (r.kind === 'default' && !r.outcome) problems.push({ code: 'missing_outcome', path: `${at}.outcome`, message: 'a default rule states the outcome' });
}

function checkVersions(engine: Engine, regimes: Map<string, { file: string; value: RegimeDoc }>): Problem[] {
  const problems: Problem[] = [];
  for (const info of engine.regimes()) {
    const file = regimes.get(info.id)!.file;
    const doc = regimes.get(info.id)!.value;
    const version = engine.version(info.id)!;
    const ids = new Set(version.rules.map((c) => c.rule.id));
    const base = doc.base ? engine.version(doc.base) : undefined;
    const baseIds = new Set(base?.rules.map((c) => c.rule.id) ?? []);
    doc.repeal.forEach((id, i) => { if (!baseIds.has(id)) problems.push({ code: 'unknown_rule', path: `${file}:repeal[${i}]`, message: `"${id}" is not a rule of the base "${doc.base}"` }); });
    doc.rules.forEach((r, i) => {
      if (r.replaces && !baseIds.has(r.replaces)) problems.push({ code: 'unknown_rule', path: `${file}:rules[${i}].replaces`, message: `"${r.replaces}" is not a rule of the base "${doc.base}"` });
    });
    const defaults = version.rules.filter((c) => c.rule.kind === 'default');
    if (defaults.length !== 1) problems.push({ code: 'default_count', path: file, message: `version "${info.id}" has ${defaults.length} default rules; it needs exactly one` });
    for (const c of version.rules) {
      for (const target of c.rule.defeats ?? []) {
        const t = version.rules.find((x) => x.rule.id === target);
        if (!ids.has(target)) problems.push({ code: 'unknown_rule', path: `${file}:${c.rule.id}.defeats`, message: `in version "${info.id}", "${target}" is not a rule in force` });
        else if (t && t.rule.kind !== 'permission' && t.rule.kind !== 'exception' && t.rule.kind !== 'requirement') {
          problems.push({ code: 'prohibition_overridden', path: `${file}:${c.rule.id}.defeats`, message: `"${target}" is a ${t.rule.kind}; only permissions, requirements and exceptions can be defeated` });
        }
      }
    }
    // Exception cycles: a rule must not (indirectly) defeat itself.
    const graph = new Map(version.rules.map((c) => [c.rule.id, c.rule.defeats ?? []]));
    const state = new Map<string, number>();
    const visit = (id: string, path: string[]): void => {
      if (state.get(id) === 2) return;
      if (state.get(id) === 1) { problems.push({ code: 'exception_cycle', path: file, message: `exceptions loop in "${info.id}": ${[...path, id].join(' -> ')}` }); return; }
      state.set(id, 1);
      for (const next of graph.get(id) ?? []) visit(next, [...path, id]);
      state.set(id, 2);
    };
    for (const id of graph.keys()) visit(id, []);
  }
  return dedupe(problems);
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.code}|${p.path}|${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
