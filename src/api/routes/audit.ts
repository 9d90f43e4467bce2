// The audit log, read-only, for auditors: its rows and a verification of the whole chain.
import { z } from 'zod';
import { toProblems } from '../../core/request.ts';
import { invalid } from '../../cases/failure.ts';
import { ok, type RouteModule } from '../route.ts';

const auditQuery = z.strictObject({
  after: z.coerce.number().int().min(0).optional().describe('rows after this sequence number'),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  target: z.string().max(100).optional().describe('only rows about this case, consent request or user id'),
});

export const audit: RouteModule = {
  name: 'audit',
  routes: [
    {
      method: 'get', path: '/api/v1/audit', operationId: 'listAudit', summary: 'Read the audit log', tag: 'audit', access: ['auditor'], query: auditQuery,
      async handler({ services, query }) {
        const q = auditQuery.safeParse(query);
        if (!q.success) return invalid(toProblems(q.error, 'query'));
        const entries = await services.deps.store.audit.list({ after: q.data.after, limit: q.data.limit, targetId: q.data.target });
        return ok({ entries, next: entries.length ? entries[entries.length - 1].seq : null });
      },
    },
    {
      method: 'get', path: '/api/v1/audit/verify', operationId: 'verifyAudit', summary: 'Verify the audit chain', tag: 'audit', access: ['auditor'],
      responses: { 200: { description: 'ok, the row count and head hash; or the first broken row and why', contentType: 'application/json' } },
      handler: async ({ services }) => ok(await services.deps.store.audit.verify()),
    },
  ],
};
