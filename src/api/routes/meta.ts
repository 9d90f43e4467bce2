// Health, the OpenAPI document and its browsable page.
import { z } from 'zod';
import { listAge } from '../../cases/list-update.ts';
import { DOCS_HTML } from '../docs.ts';
import { openApiDocument } from '../openapi.ts';
import { one, problemResponse } from '../problem.ts';
import { ok, type RouteModule } from '../route.ts';

const healthOut = z.object({
  status: z.literal('ok'),
  database: z.string(),
  policyDigest: z.string(),
  list: z.object({
    source: z.string(), version: z.string().describe('the list\'s generation time'), id: z.number().nullable().describe('import number in the database'),
    entries: z.number(), ageDays: z.number().nullable(), stale: z.boolean().describe('older than 30 days'), sha256: z.string().nullable(),
  }).nullable().describe('null: no list, submissions are not screened'),
  listUpdate: z.object({
    url: z.string(), checkedAt: z.string(), outcome: z.enum(['updated', 'unchanged', 'failed']), message: z.string().nullable().describe('why the last download failed'),
    lastSuccessAt: z.string().nullable(),
  }).nullable().describe('the last list download (gensoku lists update or the scheduled refresh); null: never'),
});

let cachedDoc: { routes: unknown; doc: unknown } | undefined;

export const meta: RouteModule = {
  name: 'meta',
  routes: [
    {
      method: 'get', path: '/healthz', operationId: 'health', summary: 'Check health', tag: 'meta', access: 'public',
      responses: { 200: { description: 'Up, with the database reachable; the policy and the sanctions list in use (servers on one database show the same when in step), how old the list is, and the last list download', schema: healthOut } },
      async handler({ services, requestId }) {
        let update;
        try {
          await services.deps.store.ping();
          update = await services.deps.store.listFetches.latest();
        } catch {
          return problemResponse(503, one('database_unavailable', 'the database does not answer'), { requestId });
        }
        const current = services.screening.current;
        return ok({
          status: 'ok', database: services.deps.store.dialect, policyDigest: services.deps.engine.policyDigest,
          list: current ? { ...listAge(current, services.deps.now()), sha256: current.stored?.sha256 ?? null } : null,
          listUpdate: update ? { url: update.url, checkedAt: update.checkedAt, outcome: update.outcome, message: update.message, lastSuccessAt: update.okAt } : null,
        });
      },
    },
    {
      method: 'get', path: '/api/openapi.json', operationId: 'openapi', summary: 'Read the OpenAPI document', tag: 'meta', access: 'public',
      responses: { 200: { description: 'OpenAPI 3.1', contentType: 'application/json' } },
      handler({ services }) {
        const routes = services.routes;
        if (cachedDoc?.routes !== routes) cachedDoc = { routes, doc: openApiDocument(routes, { version: services.deps.version ?? '0.1.0' }) };
        return ok(cachedDoc.doc);
      },
    },
    {
      method: 'get', path: '/api/docs', operationId: 'docs', summary: 'Browse the API documentation', tag: 'meta', access: 'public',
      responses: { 200: { description: 'An HTML page', contentType: 'text/html' } },
      handler: ({ c }) => c.html(DOCS_HTML),
    },
  ],
};
