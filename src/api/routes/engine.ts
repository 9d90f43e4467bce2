// The engine over HTTP: evaluate a request, list regimes, read facts and rules. The law is public: no login.
import { z } from 'zod';
import { countryCode, isoDate, parseRequest, toProblems, transferRequestSchema } from '../../core/request.ts';
import { invalid } from '../../cases/failure.ts';
import { ok, type RouteModule } from '../route.ts';

const evaluateQuery = z.strictObject({
  regime: z.string().max(100).optional().describe('evaluate under this regime, revision or draft instead of the one in force'),
  trace: z.enum(['true', 'false']).optional().describe('include the trace (default true)'),
});
const factsQuery = z.strictObject({ asOf: isoDate.optional().describe('default: today') });

export const engine: RouteModule = {
  name: 'engine',
  routes: [
    {
      method: 'post', path: '/api/v1/evaluate', operationId: 'evaluate', summary: 'Evaluate a transfer request', tag: 'engine', access: 'public',
      body: transferRequestSchema, query: evaluateQuery,
      responses: { 200: { description: 'The decision, with its trace', contentType: 'application/json' } },
      handler({ services, body, query }) {
        const q = evaluateQuery.safeParse(query);
        if (!q.success) return invalid(toProblems(q.error, 'query'));
        const parsed = parseRequest(body, { today: services.today() });
        if (!parsed.ok) return invalid(parsed.problems);
        const eng = services.deps.engine;
        if (q.data.regime && !eng.regimes().some((r) => r.id === q.data.regime)) {
          return invalid([{ code: 'unknown_regime', path: 'query.regime', message: `no regime, revision or draft "${q.data.regime}"; see GET /api/v1/regimes` }]);
        }
        return ok(eng.evaluate(parsed.value, { regime: q.data.regime, trace: q.data.trace !== 'false' }));
      },
    },
    {
      method: 'get', path: '/api/v1/regimes', operationId: 'listRegimes', summary: 'List regimes, revisions and drafts', tag: 'engine', access: 'public',
      responses: { 200: { description: 'The policy digest and every version of the law, in force or draft', schema: z.object({ policyDigest: z.string(), regimes: z.array(z.unknown()) }) } },
      handler: ({ services }) => ok({ policyDigest: services.deps.engine.policyDigest, regimes: services.deps.engine.regimes() }),
    },
    {
      method: 'get', path: '/api/v1/facts/:country', operationId: 'countryFacts', summary: 'Read the facts about a country on a date', tag: 'engine', access: 'public',
      responses: { 200: { description: 'Every fact about the country on the date, with its source', schema: z.object({ country: z.string(), asOf: z.string(), facts: z.array(z.unknown()) }) } },
      query: factsQuery,
      handler({ services, params, query }) {
        const c = countryCode.safeParse(params.country);
        const q = factsQuery.safeParse(query);
        const problems = [...(c.success ? [] : toProblems(c.error, 'country')), ...(q.success ? [] : toProblems(q.error, 'query'))];
        if (problems.length || !c.success || !q.success) return invalid(problems);
        const asOf = q.data.asOf ?? services.today();
        return ok({ country: c.data, asOf, facts: services.deps.engine.factsOf(c.data, asOf) });
      },
    },
    {
      method: 'get', path: '/api/v1/sources', operationId: 'listSources', summary: 'List the legal instruments the rules and facts cite', tag: 'engine', access: 'public',
      responses: { 200: { description: 'The sources', schema: z.object({ sources: z.array(z.unknown()) }) } },
      handler({ services }) {
        // Each issuer also by name in both languages, where policy/authorities.yaml has it.
        const names = new Map((services.deps.authorities ?? []).map((a) => [a.en, a]));
        return ok({ sources: [...services.deps.engine.sources.values()].map((s) => (s.issuer && names.has(s.issuer) ? { ...s, issuerName: names.get(s.issuer) } : s)) });
      },
    },
    {
      method: 'get', path: '/api/v1/items', operationId: 'listItems', summary: 'List the item classes of the catalogue and the sub-items of item 1 of Appended Table 1', tag: 'engine', access: 'public',
      responses: { 200: { description: 'The item classes, and the Export Trade Control Order item-1 sub-items (etcoItem) with their ML categories', schema: z.object({ items: z.array(z.unknown()), classification: z.array(z.unknown()) }) } },
      handler: ({ services }) => ok({ items: services.deps.items ?? [], classification: services.deps.engine.policy.classification ?? [] }),
    },
    {
      method: 'get', path: '/api/v1/rules/:id', operationId: 'getRule', summary: 'Read a rule with its clause and citations', tag: 'engine', access: 'public',
      responses: { 200: { description: 'The rule, with the version that added it and the one that repealed it, if any', contentType: 'application/json' } },
      handler({ services, params }) {
        const rule = services.deps.engine.rule(params.id);
        return rule ? ok(rule) : { ok: false, kind: 'not_found', problems: [{ code: 'not_found', path: 'id', message: `no rule "${params.id}"` }] };
      },
    },
  ],
};
