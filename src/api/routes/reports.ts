// The annual report: approvals by the policy's report categories for one year, as JSON or CSV, with the audit head.
import { z } from 'zod';
import { annualReportCsv } from '../../cases/report.ts';
import { toProblems } from '../../core/request.ts';
import { invalid } from '../../cases/failure.ts';
import { ok, type RouteModule } from '../route.ts';

const reportQuery = z.strictObject({
  year: z.coerce.number().int().min(1967).max(9999),
  format: z.enum(['json', 'csv']).optional(),
});

const text = z.object({ en: z.string(), ja: z.string() });
const reportOut = z.object({
  year: z.int(), total: z.int(),
  categories: z.array(z.object({ category: z.string(), title: text.nullable(), report: text.nullable(), count: z.int() })),
  audit: z.object({ seq: z.int(), hash: z.string(), at: z.string() }),
});

export const reports: RouteModule = {
  name: 'reports',
  routes: [
    {
      method: 'get', path: '/api/v1/reports/annual', operationId: 'annualReport', summary: 'Read the annual report', tag: 'reports',
      access: ['examiner', 'nsc', 'auditor'], query: reportQuery,
      responses: {
        200: {
          description: 'Approvals counted by the policy\'s report categories, with the audit head at the time (JSON, or CSV with format=csv)', schema: reportOut,
          alternatives: [{ contentType: 'text/csv', description: 'format=csv: RFC 4180, columns year, category, count, heading_en, heading_ja; then a total row and an audit_head row (sequence, hash, time)' }],
        },
      },
      async handler({ c, services, query }) {
        const q = reportQuery.safeParse(query);
        if (!q.success) return invalid(toProblems(q.error, 'query'));
        const report = await services.cases.annualReport(q.data.year);
        if (q.data.format === 'csv') {
          return c.body(annualReportCsv(report), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="gensoku-annual-${q.data.year}.csv"` });
        }
        return ok(report);
      },
    },
  ],
};
