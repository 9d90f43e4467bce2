// gensoku report annual --year Y [--format json|csv]: approvals by the policy's report categories, with the audit head.
import { annualReportCsv } from '../../cases/report.ts';
import { CaseService } from '../../cases/service.ts';
import { EXIT, UsageError, json, parse, type Io } from '../io.ts';
import { engineOrExit } from '../policy.ts';
import { withStore } from './users.ts';

export async function run(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'annual') throw new UsageError('usage: gensoku report annual --year YYYY [--format json|csv] [--policy DIR]');
  const { values } = parse(rest, { year: { type: 'string' }, format: { type: 'string', default: 'json' }, policy: { type: 'string' } }, false);
  const year = Number(values.year);
  if (!values.year || !/^\d{4}$/.test(values.year)) throw new UsageError('--year takes a year such as 2024');
  if (values.format !== 'json' && values.format !== 'csv') throw new UsageError('--format is json or csv');
  const engine = engineOrExit(io, values.policy);
  if (typeof engine === 'number') return engine;
  return withStore(io, async (store) => {
    const report = await new CaseService({ store, engine }).annualReport(year);
    io.stdout(values.format === 'csv' ? annualReportCsv(report) : json(report));
    return EXIT.ok;
  });
}
