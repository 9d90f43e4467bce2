// The public's questions (policy/questions.yaml), answered by the engine. A question holds only what is asked: a
// request, two dates to compare, or an item to map; the answer is computed on each call, so it follows the policy.
import { z } from 'zod';
import { diff, resolveSides, type SideInfo } from './diff.ts';
import type { Engine } from './engine.ts';
import { itemById, type ItemClass } from './items.ts';
import { matrix } from './matrix.ts';
import { END_USER_TYPES, PURPOSES, type CountryCode, type IsoDate, type OpenQuestion, type Outcome, type Problem, type Result, type Review, type Text, type TransferRequest } from './model.ts';
import { textSchema } from './policy-schema.ts';
import { itemSchema, parseRequest, toProblems, transferRequestSchema } from './request.ts';

/** Outcomes in the order a reader weighs them: what is open first. */
const OUTCOMES_ORDER: readonly Outcome[] = ['permissible', 'requires_judgment', 'not_permitted', 'prohibited', 'out_of_scope'];

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'question ids use lowercase letters, digits and "-"');

/** A request as a question states it: a catalogue class (amended by `item`) or an item by hand; no date means today. */
const askSchema = z.strictObject({
  label: textSchema.optional(),
  itemClass: z.string().optional(),
  request: transferRequestSchema.extend({ item: itemSchema.optional() }),
});

export const questionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ id: idSchema, kind: z.literal('evaluate'), question: textSchema, asks: z.array(askSchema).min(1).max(6) }),
  z.strictObject({ id: idSchema, kind: z.literal('changes'), question: textSchema, from: z.string().min(1), to: z.string().min(1) }),
  z.strictObject({
    id: idSchema, kind: z.literal('countries'), question: textSchema, itemClass: z.string(),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), purpose: z.enum(PURPOSES).optional(), endUserType: z.enum(END_USER_TYPES).optional(),
  }),
]);

export type Question = z.infer<typeof questionSchema>;

export interface DecidingClause {
  rule: string;
  title: Text;
  clause: Text;
  /** The instrument the rule comes from: its first citation. */
  source: string | null;
}

export interface AskAnswer {
  label?: Text;
  itemClass?: string;
  request: TransferRequest;
  outcome: Outcome;
  regime: string;
  revision: string;
  deciding: DecidingClause[];
  review: Review | null;
  open: OpenQuestion[];
}

export interface ChangeCount { from: Outcome; to: Outcome; count: number }

export interface ChangesAnswer {
  from: SideInfo;
  to: SideInfo;
  /** Cells compared (countries x item classes x purposes) and how many changed. */
  compared: number;
  changed: number;
  byOutcome: ChangeCount[];
  /** The rules that made a difference, most cells first. */
  rules: (DecidingClause & { cells: number })[];
  /** The item classes that changed for most countries, most first. */
  items: { id: string; name: Text; countries: number }[];
}

export interface CountriesAnswer {
  asOf: IsoDate;
  itemClass: string;
  item: Text;
  byOutcome: { outcome: Outcome; countries: CountryCode[]; deciding: DecidingClause[] }[];
}

export interface QuestionAnswer {
  id: string;
  kind: Question['kind'];
  question: Text;
  /** The date the answer was computed for ("today"), so a reader knows when it held. */
  asOf: IsoDate;
  /** The question's permalink on the web app. */
  link: string;
  asks?: AskAnswer[];
  changes?: ChangesAnswer;
  countries?: CountriesAnswer;
}

/** Validates policy/questions: every item class named exists and every request is a valid one. */
export function compileQuestions(data: unknown, items: readonly ItemClass[], file = 'questions.yaml'): Result<Question[]> {
  const parsed = z.array(questionSchema).safeParse(data);
  if (!parsed.success) return { ok: false, problems: toProblems(parsed.error).map((p) => ({ ...p, path: `${file}:${p.path}` })) };
  const problems: Problem[] = [];
  const seen = new Set<string>();
  parsed.data.forEach((q, i) => {
    const at = `${file}:${i}`;
    if (seen.has(q.id)) problems.push({ code: 'duplicate_id', path: `${at}.id`, message: `question "${q.id}" is defined twice` });
    seen.add(q.id);
    const classes = q.kind === 'evaluate' ? q.asks.map((a) => a.itemClass) : q.kind === 'countries' ? [q.itemClass] : [];
    for (const c of classes) if (c !== undefined && !itemById(items, c)) problems.push({ code: 'unknown_item', path: `${at}.itemClass`, message: `no item class "${c}"` });
    if (q.kind === 'evaluate') {
      q.asks.forEach((a, j) => {
        if (!a.itemClass && !a.request.item) problems.push({ code: 'required', path: `${at}.asks.${j}.request.item`, message: 'name an itemClass or describe the item' });
      });
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data };
}

function clauseOf(engine: Engine, id: string): DecidingClause {
  const r = engine.rule(id);
  return { rule: id, title: r?.title ?? { en: id, ja: id }, clause: r?.clause ?? { en: '', ja: '' }, source: r?.citations[0] ?? null };
}

/** The request an ask states, with the catalogue class filled in and today for a missing date. */
export function askRequest(ask: Extract<Question, { kind: 'evaluate' }>['asks'][number], items: readonly ItemClass[], today: IsoDate): TransferRequest {
  const base = ask.itemClass ? itemById(items, ask.itemClass)?.item : undefined;
  const parsed = parseRequest({ ...ask.request, item: { ...base, ...ask.request.item } }, { today });
  if (!parsed.ok) throw new Error(`question request invalid after compileQuestions: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.value;
}

/**
 * What changed between two sides, over the item catalogue. One function, so the questions can move to a diff over
 * the whole request space without changing anything else.
 */
export function whatChanged(engine: Engine, items: readonly ItemClass[], fromSpec: string, toSpec: string): ChangesAnswer {
  const sides = resolveSides(engine, fromSpec, toSpec);
  if (!sides.ok) throw new Error(`question sides invalid: ${sides.problems.map((p) => p.message).join('; ')}`);
  const d = diff(engine, sides.value[0], sides.value[1], { items });
  const count = <K>(keys: K[]) => {
    const m = new Map<string, { key: K; n: number }>();
    for (const k of keys) {
      const s = JSON.stringify(k);
      m.set(s, { key: k, n: (m.get(s)?.n ?? 0) + 1 });
    }
    return [...m.values()].sort((a, b) => b.n - a.n);
  };
  const countriesPerItem = new Map<string, Set<string>>();
  for (const c of d.changes) countriesPerItem.set(c.item, (countriesPerItem.get(c.item) ?? new Set()).add(c.recipient));
  return {
    from: d.from, to: d.to, compared: d.compared, changed: d.changes.length,
    byOutcome: count(d.changes.map((c) => ({ from: c.from, to: c.to }))).map(({ key, n }) => ({ ...key, count: n })),
    rules: count(d.changes.flatMap((c) => c.rules)).map(({ key, n }) => ({ ...clauseOf(engine, key), cells: n })),
    items: [...countriesPerItem].map(([id, cs]) => ({ id, name: itemById(items, id)?.name ?? { en: id, ja: id }, countries: cs.size }))
      .sort((a, b) => b.countries - a.countries || a.id.localeCompare(b.id)),
  };
}

export function answerQuestion(engine: Engine, items: readonly ItemClass[], q: Question, today: IsoDate): QuestionAnswer {
  const head = { id: q.id, kind: q.kind, question: q.question, asOf: today, link: `/questions/${q.id}` };
  if (q.kind === 'evaluate') {
    const asks = q.asks.map((a): AskAnswer => {
      const request = askRequest(a, items, today);
      const d = engine.evaluate(request, { trace: false });
      return {
        ...(a.label ? { label: a.label } : {}), ...(a.itemClass ? { itemClass: a.itemClass } : {}),
        request, outcome: d.outcome, regime: d.regime, revision: d.revision, deciding: d.reasons.map((id) => clauseOf(engine, id)), review: d.review, open: d.open,
      };
    });
    return { ...head, asks };
  }
  if (q.kind === 'changes') return { ...head, changes: whatChanged(engine, items, q.from, q.to) };
  const cls = itemById(items, q.itemClass)!;
  const asOf = q.asOf ?? today;
  const m = matrix(engine, { asOf, items: [cls], purpose: q.purpose, endUserType: q.endUserType });
  const byOutcome = OUTCOMES_ORDER.map((outcome) => {
    const cells = m.cells.filter((c) => c.outcome === outcome);
    return { outcome, countries: cells.map((c) => c.recipient), deciding: [...new Set(cells.flatMap((c) => c.reasons))].map((id) => clauseOf(engine, id)) };
  }).filter((o) => o.countries.length > 0);
  return { ...head, countries: { asOf, itemClass: cls.id, item: cls.name, byOutcome } };
}
