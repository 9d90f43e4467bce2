// The annual report: approvals by category for one year, as JSON or CSV.
import { z } from 'zod';
import { annualReportCsv } from '../../cases/report.ts';
import { toProblems } from '../../core/request.ts';
import { invalid } from '../../cases/failure.ts';
import { ok, type RouteModule } from '../route.ts';

const reportQuery = z.strictObject({
  year: z.coerce.number().int().min(1967).max(9999),
  format: z.enum(['json', 'csv']).optional(),
});

export const reports: RouteModule = {
  name: 'reports',
  routes: [
    {
      method: 'get', path: '/api/v1/reports/annual', operationId: 'annualReport', summary: 'Read the annual report', tag: 'reports',
      access: ['examiner', 'nsc', 'auditor'], query: reportQuery,
      responses: { 200: { description: 'Approvals counted by category (JSON, or CSV with format=csv)', contentType: 'application/json' } },
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
