// Health, the OpenAPI document and its browsable page.
import { z } from 'zod';
import { DOCS_HTML } from '../docs.ts';
import { openApiDocument } from '../openapi.ts';
import { one, problemResponse } from '../problem.ts';
import { ok, type RouteModule } from '../route.ts';

let cachedDoc: { routes: unknown; doc: unknown } | undefined;

export const meta: RouteModule = {
  name: 'meta',
  routes: [
    {
      method: 'get', path: '/healthz', operationId: 'health', summary: 'Check health', tag: 'meta', access: 'public',
      responses: { 200: { description: 'Up, with the database reachable', schema: z.object({ status: z.literal('ok'), database: z.string(), policyDigest: z.string() }) } },
      async handler({ services, requestId }) {
        try {
          await services.deps.store.ping();
        } catch {
          return problemResponse(503, one('database_unavailable', 'the database does not answer'), { requestId });
        }
        return ok({ status: 'ok', database: services.deps.store.dialect, policyDigest: services.deps.engine.policyDigest });
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
