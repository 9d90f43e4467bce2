// The annual report as METI publishes it: approvals counted by the policy's report categories, for one year, with the
// audit chain's head at the time, so a later truncation or rewrite of the record shows against the printed report. Pure.
import type { Category } from '../core/categories.ts';
import { yearBoundsInJapan } from '../core/clock.ts';
import { toCsv } from '../core/csv.ts';
import type { Text } from '../core/model.ts';
import type { ApprovalCount } from './store-port.ts';

export interface AnnualReport {
  year: number;
  total: number;
  /** Every category of the policy in the report's order, then any other found on approved cases. */
  categories: { category: string; title: Text | null; report: Text | null; count: number }[];
  /** The audit chain's head when the report was made: keep it with the report, as an anchor. */
  audit: { seq: number; hash: string; at: string };
}

export const UNCATEGORISED = 'uncategorised';

/** A calendar year in Japan as UTC ISO bounds [from, to). */
export const yearBounds = yearBoundsInJapan;

export function annualReport(year: number, counts: ApprovalCount[], categories: readonly Category[], audit: AnnualReport['audit']): AnnualReport {
  const found = new Map(counts.map((c) => [c.category ?? UNCATEGORISED, c.count]));
  const known = new Map(categories.map((c) => [c.id, c]));
  const rows = [...categories.map((c) => c.id), ...[...found.keys()].filter((k) => !known.has(k))].map((category) => ({
    category, title: known.get(category)?.title ?? null, report: known.get(category)?.report ?? null, count: found.get(category) ?? 0,
  }));
  return { year, total: rows.reduce((n, c) => n + c.count, 0), categories: rows, audit };
}

export function annualReportCsv(r: AnnualReport): string {
  return toCsv([
    ['year', 'category', 'count', 'heading_en', 'heading_ja'],
    ...r.categories.map((c) => [r.year, c.category, c.count, c.report?.en ?? '', c.report?.ja ?? '']),
    [r.year, 'total', r.total, '', ''],
    [r.year, 'audit_head', r.audit.seq, r.audit.hash, r.audit.at],
  ]);
}
