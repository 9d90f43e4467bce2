// Screening in the case system: dispositions of hits, the list in use, and re-screening open cases on import.
import { z } from 'zod';
import { dispositionSchema } from '../../cases/schema.ts';
import { providerFromIndex } from '../../cases/screening.ts';
import { buildIndex, parseUnList } from '../../screening/index.ts';
import { one, problemResponse } from '../problem.ts';
import { ok, type RouteModule } from '../route.ts';

const listOut = z.object({ source: z.string(), version: z.string(), entries: z.int() }).nullable();

export const caseScreening: RouteModule = {
  name: 'case-screening',
  routes: [
    {
      method: 'post', path: '/api/v1/cases/:id/screening/dispositions', operationId: 'disposeScreeningHit',
      summary: 'Record a disposition of a screening hit', tag: 'screening', access: ['examiner', 'nsc'], body: dispositionSchema,
      responses: { 200: { description: 'The case, its screening updated; the disposition holds for this party and list version', contentType: 'application/json' } },
      async handler({ services, rc, params, body }) {
        const r = await services.cases.disposeHit(rc, params.id, body);
        return r.ok ? ok(r.value) : r;
      },
    },
    {
      method: 'get', path: '/api/v1/screening/list', operationId: 'screeningList', summary: 'Read which sanctions list is in use', tag: 'screening',
      access: ['examiner', 'nsc', 'auditor', 'admin'],
      responses: { 200: { description: 'The list, or null when none is loaded', schema: z.object({ list: listOut }) } },
      handler({ services }) {
        const p = services.screening.current;
        return ok({ list: p && { source: p.source, version: p.version, entries: p.entries } });
      },
    },
    {
      method: 'put', path: '/api/v1/screening/list', operationId: 'importScreeningList', summary: 'Import a sanctions list and re-screen open cases', tag: 'screening',
      access: ['admin'], bodyLimit: 64 * 1024 * 1024,
      rawBody: { contentType: 'application/xml', description: 'The UN Security Council Consolidated List, as published (XML)' },
      responses: { 200: { description: 'The list now in use and what re-screening found', contentType: 'application/json' } },
      async handler({ c, services, rc, requestId }) {
        if (!/^(application|text)\/xml\b/i.test(c.req.header('content-type') ?? '')) {
          return problemResponse(415, one('unsupported_media_type', 'send the list as application/xml'), { requestId });
        }
        const parsed = parseUnList(await c.req.text());
        if (!parsed.ok) return { ok: false, kind: 'invalid', problems: parsed.problems };
        const provider = providerFromIndex(buildIndex(parsed.value));
        const previous = services.screening.current;
        services.screening.current = provider;
        await services.deps.store.audit.record({ actor: rc.actor.username, at: services.deps.now().toISOString(), requestId }, {
          verb: 'screening.list.import', targetType: 'screening-list', targetId: provider.source,
          before: previous && { version: previous.version, entries: previous.entries }, after: { version: provider.version, entries: provider.entries },
        });
        const rescreen = await services.cases.rescreenOpenCases(rc);
        return ok({ list: { source: provider.source, version: provider.version, entries: provider.entries }, rescreen });
      },
    },
    {
      method: 'post', path: '/api/v1/screening/rescreen', operationId: 'rescreenOpenCases', summary: 'Re-screen open cases against the list in use', tag: 'screening',
      access: ['examiner', 'admin'],
      handler: async ({ services, rc }) => ok(await services.cases.rescreenOpenCases(rc)),
    },
  ],
};
