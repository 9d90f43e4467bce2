// gensoku audit verify|list: check the hash chain of the audit log, or print its rows.
import { EXIT, UsageError, json, parse, type Io } from '../io.ts';
import { withStore } from './users.ts';

export async function run(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'verify') {
    parse(rest, {}, false);
    return withStore(io, async (store) => {
      const v = await store.audit.verify();
      if (v.ok) {
        io.stdout(`audit chain intact: ${v.count} rows, head ${v.head}\n`);
        return EXIT.ok;
      }
      io.stdout(`audit chain BROKEN at row ${v.firstBroken}: ${v.reason} (${v.count} rows before it verified)\n`);
      return EXIT.refused;
    });
  }
  if (sub === 'list') {
    const { values } = parse(rest, { after: { type: 'string' }, limit: { type: 'string' }, target: { type: 'string' } }, false);
    const after = Number(values.after ?? 0);
    const limit = Number(values.limit ?? 100);
    if (!Number.isInteger(after) || after < 0 || !Number.isInteger(limit) || limit < 1) throw new UsageError('--after and --limit take whole numbers');
    return withStore(io, async (store) => {
      io.stdout(json(await store.audit.list({ after, limit, targetId: values.target })));
      return EXIT.ok;
    });
  }
  throw new UsageError('usage: gensoku audit verify | gensoku audit list [--after N] [--limit N] [--target ID]\nverify exits 0 when the chain is intact, 2 when a row was edited, deleted or reordered');
}
