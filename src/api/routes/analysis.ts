// Questions about the policy as a whole over HTTP: the world matrix, regime diffs, timelines and counterfactuals.
// The law is public: no login. Every cell is computed by the same core functions as the CLI.
import { z } from 'zod';
import { fail, invalid, type Failure } from '../../cases/failure.ts';
import { boundaryPairs, diff, resolveSides, type DiffResult, type Side } from '../../core/diff.ts';
import { fullDiff, type FullDiff } from '../../core/diff-space.ts';
import { ALL_PURPOSES } from '../../core/domain.ts';
import { Engine } from '../../core/engine.ts';
import type { ItemClass } from '../../core/items.ts';
import { matrix } from '../../core/matrix.ts';
import { mainRegions, tailByChange } from '../../core/regions.ts';
import { END_USER_TYPES, PURPOSES, TRANSFERORS, type Problem, type Purpose } from '../../core/model.ts';
import { isoDate, parseContext, parseRequest, toProblems, transferRequestSchema } from '../../core/request.ts';
import { timeline } from '../../core/timeline.ts';
import { whatif } from '../../core/whatif.ts';
import { ok, type Reply, type RouteContext, type RouteModule } from '../route.ts';

const countryParam = transferRequestSchema.shape.recipient;
const itemList = z.string().max(2000).optional().describe('comma-separated item class ids (default: the whole catalogue)');
const matrixQuery = z.strictObject({
  asOf: isoDate.optional().describe('default: today'),
  regime: z.string().max(100).optional().describe('a regime, revision or draft instead of the law in force on asOf'),
  items: itemList,
  purpose: z.enum(PURPOSES).optional(),
  endUserType: z.enum(END_USER_TYPES).optional(),
  transferor: z.enum(TRANSFERORS).optional(),
});
const diffQuery = z.strictObject({
  from: z.string().min(1).max(120).describe('a date, a regime/revision/draft id, or ID@DATE'),
  to: z.string().min(1).max(120).describe('a date, a regime/revision/draft id, or ID@DATE'),
  items: itemList,
  purposes: z.string().max(500).optional().describe('comma-separated purposes, "none" for no stated purpose (default: all and none)'),
  endUserType: z.enum(END_USER_TYPES).optional(),
  space: z.enum(['catalogue', 'full']).optional().describe('catalogue (default): countries x item classes x purposes; full: every request the rules can tell apart, summarised in regions'),
  regions: z.enum(['all', 'main']).optional().describe('space=full: all (default) regions, or only those holding nine tenths of the changed cells (at most ten), with the rest counted by how they change in tail'),
});
const boundariesQuery = z.strictObject({ space: diffQuery.shape.space });
const regimeQuery = z.strictObject({
  regime: z.string().max(100).optional().describe('hold this regime, revision or draft fixed instead of the law of each date'),
});

/** The analyses need the compiled engine itself, not only its evaluate function; a server given less has none. */
export function fullEngine({ services }: Pick<RouteContext, 'services'>): Engine | Failure {
  const eng = services.deps.engine;
  return eng instanceof Engine ? eng : fail('not_found', 'analysis_unavailable', '(root)', 'this server was started without a compiled policy engine, so it offers no analyses or answers');
}

// A full diff takes seconds and depends only on the compiled policy and the two sides: each is computed once.
const fullDiffs = new WeakMap<Engine, Map<string, FullDiff>>();
const FULL_DIFFS_KEPT = 64;
const catalogueBoundaries = new WeakMap<Engine, DiffResult[]>();
function cachedFullDiff(eng: Engine, a: Side, b: Side): FullDiff {
  const byKey = fullDiffs.get(eng) ?? new Map<string, FullDiff>();
  fullDiffs.set(eng, byKey);
  const key = JSON.stringify([a.date, a.regime ?? null, b.date, b.regime ?? null]);
  const known = byKey.get(key);
  if (known) return { ...known, from: { ...known.from, spec: a.spec }, to: { ...known.to, spec: b.spec } };
  const d = fullDiff(eng, a, b);
  // Any pair a caller names is kept, so the oldest goes once there are more than a page's worth of revisions.
  if (byKey.size >= FULL_DIFFS_KEPT) byKey.delete(byKey.keys().next().value!);
  byKey.set(key, d);
  return d;
}

/** The classes named in a comma list, or all; unknown ids are added to `problems`. */
function pick(catalogue: readonly ItemClass[], ids: string | undefined, problems: Problem[]): ItemClass[] {
  if (!ids) return [...catalogue];
  const wanted = ids.split(',').map((s) => s.trim()).filter(Boolean);
  for (const id of wanted) if (!catalogue.some((c) => c.id === id)) problems.push({ code: 'unknown_item', path: 'query.items', message: `no item class "${id}"; see GET /api/v1/items` });
  return catalogue.filter((c) => wanted.includes(c.id));
}

function unknownRegime(eng: Engine, regime: string | undefined): Problem[] {
  return regime && !eng.version(regime) ? [{ code: 'unknown_regime', path: 'query.regime', message: `no regime, revision or draft "${regime}"; see GET /api/v1/regimes` }] : [];
}

function requestAnalysis(ctx: RouteContext, run: (eng: Engine, req: ReturnType<typeof parseRequest> & { ok: true }, regime?: string) => unknown): Reply {
  const eng = fullEngine(ctx);
  if (!(eng instanceof Engine)) return eng;
  const q = regimeQuery.safeParse(ctx.query);
  const parsed = parseRequest(ctx.body, { today: ctx.services.today() });
  const problems = [...(q.success ? unknownRegime(eng, q.data.regime) : toProblems(q.error, 'query')), ...(parsed.ok ? [] : parsed.problems)];
  if (problems.length || !parsed.ok || !q.success) return invalid(problems);
  return ok(run(eng, parsed, q.data.regime));
}

export const analysis: RouteModule = {
  name: 'analysis',
  routes: [
    {
      method: 'get', path: '/api/v1/facts', operationId: 'factCatalogue', summary: 'What each fact means: title, type, values, who keeps the list and what absence means', tag: 'analysis', access: 'public',
      responses: { 200: { description: '{ facts: [{ id, title, description?, type, values?, default, defaultNote, maintainedBy, listDate }] }', contentType: 'application/json' } },
      handler(ctx) {
        const eng = fullEngine(ctx);
        return eng instanceof Engine ? ok({ facts: eng.factCatalogue() }) : eng;
      },
    },
    {
      method: 'get', path: '/api/v1/facts/:country/series', operationId: 'countryFactSeries', summary: "Every dated entry of every fact about a country: its history", tag: 'analysis', access: 'public',
      responses: { 200: { description: '{ country, facts: [{ fact, entries: [{ from, to, value, source, confirmed, note? }] }] }', contentType: 'application/json' } },
      handler(ctx) {
        const eng = fullEngine(ctx);
        if (!(eng instanceof Engine)) return eng;
        const c = countryParam.safeParse(ctx.params.country);
        if (!c.success) return invalid(toProblems(c.error, 'country'));
        return ok({ country: c.data, facts: eng.factSeries(c.data) });
      },
    },
    {
      method: 'get', path: '/api/v1/matrix', operationId: 'matrix', summary: 'Outcome for every country x item class on a date', tag: 'analysis', access: 'public',
      query: matrixQuery,
      responses: { 200: { description: '{ asOf, regime, revision, purpose, evaluations, cells: [{ recipient, item, outcome, reasons }] }', contentType: 'application/json' } },
      handler(ctx) {
        const eng = fullEngine(ctx);
        if (!(eng instanceof Engine)) return eng;
        const q = matrixQuery.safeParse(ctx.query);
        // Every problem at once: the schema's, then the ids it cannot know.
        const problems = [...(q.success ? [] : toProblems(q.error, 'query')), ...unknownRegime(eng, ctx.query.regime)];
        const items = pick(ctx.services.deps.items ?? [], ctx.query.items, problems);
        const asOf = q.success ? (q.data.asOf ?? ctx.services.today()) : '';
        const parsed = q.success ? parseContext({ asOf }, { today: asOf }) : null;
        if (parsed && !parsed.ok) problems.push(...parsed.problems.map((p) => ({ ...p, path: 'query.asOf' })));
        if (problems.length || !q.success) return invalid(problems);
        return ok(matrix(eng, { asOf, items, regime: q.data.regime, purpose: q.data.purpose, endUserType: q.data.endUserType, transferor: q.data.transferor }));
      },
    },
    {
      method: 'get', path: '/api/v1/diff', operationId: 'diff', summary: 'Every (country, item class, purpose) whose outcome differs between two dates or regimes', tag: 'analysis', access: 'public',
      query: diffQuery,
      responses: { 200: { description: 'space=catalogue: { from, to, compared, evaluations, groups, changes: [{ recipient, item, purpose, from, to, rules }] }; space=full: { from, to, space, attributes, groups, evaluations, changed, regions: [{ from, to, rules: { from, to }, where, countries, countryFacts, witness, cells, boxCells }], summary: [{ from, to, rules: { from, to }, regions, cells, countries, witness }] }, and with regions=main only the main regions, regionCount and tail: [{ from, to, regions, cells }]; the cells of a region are its own share of the changed cells (they sum to changed), boxCells its whole box', contentType: 'application/json' } },
      handler(ctx) {
        const eng = fullEngine(ctx);
        if (!(eng instanceof Engine)) return eng;
        const q = diffQuery.safeParse(ctx.query);
        const problems: Problem[] = q.success ? [] : toProblems(q.error, 'query');
        const items = pick(ctx.services.deps.items ?? [], ctx.query.items, problems);
        const specs = ctx.query.purposes?.split(',').map((s) => s.trim()).filter(Boolean);
        for (const p of specs ?? []) if (p !== 'none' && !ALL_PURPOSES.includes(p as Purpose)) problems.push({ code: 'invalid_value', path: 'query.purposes', message: `unknown purpose "${p}"` });
        const sides = q.success ? resolveSides(eng, q.data.from, q.data.to) : null;
        if (sides && !sides.ok) problems.push(...sides.problems.map((p) => ({ ...p, path: `query.${p.path}` })));
        if (problems.length || !sides?.ok || !q.success) return invalid(problems);
        if (q.data.space === 'full') {
          const narrowed = (['items', 'purposes', 'endUserType'] as const).filter((k) => ctx.query[k] !== undefined);
          if (narrowed.length) return invalid(narrowed.map((k) => ({ code: 'invalid_value', path: `query.${k}`, message: 'space=full covers every item, purpose and end user; narrow only with space=catalogue' })));
          const d = cachedFullDiff(eng, sides.value[0], sides.value[1]);
          if (q.data.regions !== 'main') return ok(d);
          // What a reader sees first: a page need not download every region (two megabytes for 2026-04-21).
          const shown = mainRegions(d);
          return ok({ ...d, regions: shown, regionCount: d.regions.length, tail: tailByChange(d.regions, shown.length) });
        }
        const purposes = specs?.map((p) => (p === 'none' ? undefined : (p as Purpose)));
        return ok(diff(eng, sides.value[0], sides.value[1], { items, purposes, endUserType: q.data.endUserType }));
      },
    },
    {
      method: 'get', path: '/api/v1/diff/boundaries', operationId: 'diffBoundaries', summary: 'What every revision changed: each consecutive pair of dated versions, on the day the later one took effect', tag: 'analysis', access: 'public',
      query: boundariesQuery,
      responses: { 200: { description: '{ boundaries: [...] }, each as GET /api/v1/diff returns it for the same space', contentType: 'application/json' } },
      handler(ctx) {
        const eng = fullEngine(ctx);
        if (!(eng instanceof Engine)) return eng;
        const q = boundariesQuery.safeParse(ctx.query);
        if (!q.success) return invalid(toProblems(q.error, 'query'));
        if (q.data.space === 'full') return ok({ boundaries: boundaryPairs(eng).map(([a, b]) => cachedFullDiff(eng, a, b)) });
        const items = ctx.services.deps.items ?? [];
        const known = catalogueBoundaries.get(eng);
        const boundaries = known ?? boundaryPairs(eng).map(([a, b]) => diff(eng, a, b, { items }));
        catalogueBoundaries.set(eng, boundaries);
        return ok({ boundaries });
      },
    },
    {
      method: 'post', path: '/api/v1/timeline', operationId: 'timeline', summary: 'The same request across all time, split where the outcome or deciding rules change', tag: 'analysis', access: 'public',
      body: transferRequestSchema, query: regimeQuery,
      responses: { 200: { description: '{ segments: [{ from, to, regime, revision, outcome, reasons }] }', contentType: 'application/json' } },
      handler: (ctx) => requestAnalysis(ctx, (eng, parsed, regime) => ({ segments: timeline(eng, parsed.value, { regime }) })),
    },
    {
      method: 'post', path: '/api/v1/whatif', operationId: 'whatif', summary: 'The smallest changes that would make a request permissible, each re-evaluated', tag: 'analysis', access: 'public',
      body: transferRequestSchema, query: regimeQuery,
      responses: { 200: { description: '{ request, summary, decision, enough, enoughLater, notEnough, tried }; every text a person reads (summary, change text, why, enoughWith) comes as { en, ja }', contentType: 'application/json' } },
      handler: (ctx) => requestAnalysis(ctx, (eng, parsed, regime) => whatif(eng, parsed.value, { regime })),
    },
  ],
};
