// gensoku report annual --year Y [--format json|csv]: approvals by category, as METI publishes them.
import { annualReport, annualReportCsv, yearBounds } from '../../cases/report.ts';
import { EXIT, UsageError, json, parse, type Io } from '../io.ts';
import { withStore } from './users.ts';

export async function run(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'annual') throw new UsageError('usage: gensoku report annual --year YYYY [--format json|csv]');
  const { values } = parse(rest, { year: { type: 'string' }, format: { type: 'string', default: 'json' } }, false);
  const year = Number(values.year);
  if (!values.year || !/^\d{4}$/.test(values.year)) throw new UsageError('--year takes a year such as 2024');
  if (values.format !== 'json' && values.format !== 'csv') throw new UsageError('--format is json or csv');
  return withStore(io, async (store) => {
    const { from, to } = yearBounds(year);
    const report = annualReport(year, await store.cases.approvalsByCategory(from, to));
    io.stdout(values.format === 'csv' ? annualReportCsv(report) : json(report));
    return EXIT.ok;
  });
}
