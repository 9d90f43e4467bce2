// gensoku audit verify|anchor|list: check the keyed audit chain against its last anchor and the rows it describes,
// write the chain's head to the anchor file, or print rows.
import type { AuditVerification } from '../../cases/store-port.ts';
import { commandHelp } from '../help.ts';
import { EXIT, UsageError, json, nowOf, parse, type Io } from '../io.ts';
import { withStore } from './users.ts';

const USAGE = commandHelp('audit');

/** The verification in words, one finding a line. */
export function describeVerification(v: AuditVerification): string {
  const anchor = v.anchor ? `, anchored at row ${v.anchor.seq} on ${v.anchor.at}` : ', never anchored (run gensoku audit anchor)';
  const unkeyed = v.unkeyed ? `; the first ${v.unkeyed} rows predate the audit key and are only hashed` : '';
  if (v.ok) return `audit chain intact: ${v.count} rows, head ${v.head}${anchor}${unkeyed}\n`;
  const head = v.firstBroken === null
    ? `audit chain intact (${v.count} rows${anchor}), but the rows differ from it\n`
    : `audit chain BROKEN at row ${v.firstBroken}: ${v.reason} (${v.count} rows before it verified${anchor})\n`;
  return head + v.differences.map((d) => `  ${d.targetType} ${d.label} (${d.targetId}): ${d.reason}\n`).join('');
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'verify') {
    parse(rest, {}, false);
    return withStore(io, async (store) => {
      const v = await store.audit.verify();
      io.stdout(describeVerification(v));
      return v.ok ? EXIT.ok : EXIT.refused;
    });
  }
  if (sub === 'anchor') {
    parse(rest, {}, false);
    return withStore(io, async (store) => {
      const r = await store.audit.anchor(nowOf(io).toISOString());
      if (!r.ok) {
        io.stdout(describeVerification(r.verification));
        io.stderr('not anchored: the chain does not verify\n');
        return EXIT.refused;
      }
      io.stdout(`anchored row ${r.anchor.seq}, ${r.anchor.hash}, at ${r.anchor.at}, in ${r.where}\n`);
      return EXIT.ok;
    });
  }
  if (sub === 'list') {
    const { values } = parse(rest, {
      after: { type: 'string' }, limit: { type: 'string' }, target: { type: 'string' }, case: { type: 'string' }, actor: { type: 'string' }, verb: { type: 'string' },
    }, false);
    const after = Number(values.after ?? 0);
    const limit = Number(values.limit ?? 100);
    if (!Number.isInteger(after) || after < 0 || !Number.isInteger(limit) || limit < 1) throw new UsageError('--after and --limit take whole numbers');
    return withStore(io, async (store) => {
      io.stdout(json(await store.audit.list({ after, limit, targetId: values.target, caseRef: values.case, actor: values.actor, verb: values.verb })));
      return EXIT.ok;
    });
  }
  throw new UsageError(USAGE);
}
