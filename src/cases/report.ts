// The annual report as METI publishes it: approvals counted by category, for one year. Pure.
import { CATEGORIES } from '../core/policy-schema.ts';
import type { ApprovalCount } from './store-port.ts';

export interface AnnualReport {
  year: number;
  total: number;
  categories: { category: string; count: number }[];
}

export const UNCATEGORISED = 'uncategorised';

/** A calendar year in Japan (JST, UTC+9, no daylight saving) as UTC ISO bounds [from, to). */
export function yearBounds(year: number): { from: string; to: string } {
  const start = (y: number) => new Date(Date.UTC(y, 0, 1) - 9 * 3600_000).toISOString();
  return { from: start(year), to: start(year + 1) };
}

/** Every category the policy knows, in the report's order, with zero where nothing was approved. */
export function annualReport(year: number, counts: ApprovalCount[]): AnnualReport {
  const found = new Map(counts.map((c) => [c.category ?? UNCATEGORISED, c.count]));
  const categories = [...CATEGORIES, ...[...found.keys()].filter((k) => !(CATEGORIES as readonly string[]).includes(k))]
    .map((category) => ({ category, count: found.get(category) ?? 0 }));
  return { year, total: categories.reduce((n, c) => n + c.count, 0), categories };
}

const csvCell = (s: string | number) => {
  const t = String(s);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(t) ? `'${t}` : t;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function annualReportCsv(r: AnnualReport): string {
  const rows = [['year', 'category', 'count'], ...r.categories.map((c) => [r.year, c.category, c.count]), [r.year, 'total', r.total]];
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
