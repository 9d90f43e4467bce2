// The audit log, read-only, for auditors: its rows (filtered by case, actor, verb and Japan dates) and a verification
// of the whole chain against its last anchor and the rows it describes.
import { z } from 'zod';
import { toProblems } from '../../core/request.ts';
import { invalid } from '../../cases/failure.ts';
import { ok, type RouteModule } from '../route.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00+09:00`)), 'not a date');
const auditQuery = z.strictObject({
  after: z.coerce.number().int().min(0).optional().describe('rows after this sequence number'),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  target: z.string().max(100).optional().describe('only rows about this case, consent request or user id'),
  case: z.string().max(100).optional().describe('only rows about this case (its id or number, GSK-...) and its consent requests'),
  actor: z.string().max(100).optional().describe('only rows by this user'),
  verb: z.string().max(100).optional().describe('only this verb (case.approve), or verbs starting with it when it ends in a dot (case.)'),
  from: day.optional().describe('only rows on or after this day, in Japan time'),
  to: day.optional().describe('only rows on or before this day, in Japan time'),
});

/** The first instant of a day in Japan (UTC+9, no daylight saving), as an ISO instant. */
const japanDayStart = (d: string, plusDays = 0) => new Date(Date.parse(`${d}T00:00:00+09:00`) + plusDays * 86_400_000).toISOString();

const entry = z.object({
  seq: z.int(), at: z.string(), actor: z.string(), verb: z.string(), targetType: z.string(), targetId: z.string(),
  before: z.unknown(), after: z.unknown(), requestId: z.string().nullable(), prevHash: z.string(), hash: z.string(),
  label: z.string().nullable().describe('the case number (GSK-...) or username of the target'),
});
const anchor = z.object({ seq: z.int(), hash: z.string(), at: z.string() }).nullable();
const difference = z.object({ targetType: z.enum(['case', 'consent', 'user', 'session']), targetId: z.string(), label: z.string(), fields: z.array(z.string()), reason: z.string() });
const verification = z.union([
  z.object({ ok: z.literal(true), count: z.int(), head: z.string(), anchor, unkeyed: z.int(), differences: z.array(difference).max(0) }),
  z.object({ ok: z.literal(false), count: z.int(), firstBroken: z.int().nullable(), reason: z.string(), anchor, unkeyed: z.int(), differences: z.array(difference) }),
]);

export const audit: RouteModule = {
  name: 'audit',
  routes: [
    {
      method: 'get', path: '/api/v1/audit', operationId: 'listAudit', summary: 'Read the audit log', tag: 'audit', access: ['auditor'], query: auditQuery,
      responses: { 200: { description: 'Rows in order, and the last sequence number for the next page', schema: z.object({ entries: z.array(entry), next: z.int().nullable() }) } },
      async handler({ services, query }) {
        const q = auditQuery.safeParse(query);
        if (!q.success) return invalid(toProblems(q.error, 'query'));
        const { after, limit, target, case: caseRef, actor, verb, from, to } = q.data;
        const entries = await services.deps.store.audit.list({
          after, limit, targetId: target, caseRef, actor, verb, from: from && japanDayStart(from), to: to && japanDayStart(to, 1),
        });
        return ok({ entries, next: entries.length ? entries[entries.length - 1].seq : null });
      },
    },
    {
      method: 'get', path: '/api/v1/audit/verify', operationId: 'verifyAudit', summary: 'Verify the audit chain', tag: 'audit', access: ['auditor'],
      responses: { 200: { description: 'ok, the row count, head and last anchor; or the first broken row, and every row of cases, consents and users that differs from the record', schema: verification } },
      handler: async ({ services }) => ok(await services.deps.store.audit.verify()),
    },
  ],
};
