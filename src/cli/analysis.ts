// What the analysis commands share: the policy with --draft overlays, the item catalogue, and a progress bar.
import { csvCell } from '../core/csv.ts';
import type { Engine } from '../core/engine.ts';
import type { ItemClass } from '../core/items.ts';
import { loadPolicyWithDrafts } from '../policy-files/drafts.ts';
import { loadItems } from '../policy-files/items.ts';
import { EXIT, UsageError, configOf, printProblems, type Io } from './io.ts';
import { engineOrExit } from './policy.ts';

export const POLICY_OPTIONS = {
  policy: { type: 'string' },
  draft: { type: 'string', multiple: true },
} as const;

function policyDir(io: Io, dir?: string): string | undefined {
  return dir ?? configOf(io).policyDir;
}

/** The engine, with any --draft overlays compiled in, and their ids; invalid data (policy or overlay) is exit 3. */
export function engineWithDrafts(io: Io, dir: string | undefined, drafts: readonly string[] | undefined): { engine: Engine; drafts: string[] } | number {
  if (!drafts?.length) {
    const engine = engineOrExit(io, dir);
    return typeof engine === 'number' ? engine : { engine, drafts: [] };
  }
  const r = loadPolicyWithDrafts(policyDir(io, dir), drafts);
  if (r.ok) return r.value;
  printProblems(io, r.problems, 'invalid policy or draft');
  return EXIT.invalidPolicy;
}

/** The regime a command applies by default: --regime, else the one --draft overlay. */
export function defaultRegime(regime: string | undefined, drafts: readonly string[]): string | undefined {
  if (regime || drafts.length === 0) return regime;
  if (drafts.length === 1) return drafts[0];
  throw new UsageError('with several --draft overlays, name the one to apply with --regime');
}

export function catalogueOrExit(io: Io, dir?: string): ItemClass[] | number {
  const r = loadItems(policyDir(io, dir));
  if (r.ok) return r.value;
  printProblems(io, r.problems, 'invalid item catalogue');
  return EXIT.invalidPolicy;
}

/** The classes named with --item, or all of them. */
export function pickItems(catalogue: ItemClass[], ids: readonly string[] | undefined): ItemClass[] | string {
  if (!ids?.length) return catalogue;
  const wanted = ids.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const unknown = wanted.filter((id) => !catalogue.some((c) => c.id === id));
  if (unknown.length) return `no item class ${unknown.map((u) => `"${u}"`).join(', ')}; see "gensoku items"`;
  return catalogue.filter((c) => wanted.includes(c.id));
}

/** A progress bar on stderr when it is a terminal and the work is large; nothing otherwise. */
export function progressBar(io: Io, label: string, cells: number, threshold = 2000): ((done: number, total: number) => void) | undefined {
  if (!io.isTTY || cells <= threshold) return undefined;
  let shown = -1;
  return (done, total) => {
    const pct = Math.floor((done / total) * 100);
    if (pct === shown) return;
    shown = pct;
    const width = 30;
    const fill = Math.round((pct / 100) * width);
    io.stderr(done >= total ? '\r\x1b[K' : `\r${label} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${pct}%`);
  };
}

/** A header and rows as CSV with LF rows for a terminal; cells quoted and neutralised by the one CSV writer. */
export function csv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export function checkFormat(format: string | undefined, allowed: readonly string[]): void {
  if (!allowed.includes(format ?? '')) throw new UsageError(`--format is ${allowed.join(', ')}`);
}

/** The engine (with --draft overlays) and the item classes chosen by --item (default: the whole catalogue). */
export function engineAndItems(io: Io, values: { policy?: string; draft?: string[]; item?: string[] }): { engine: Engine; drafts: string[]; items: ItemClass[] } | number {
  const loaded = engineWithDrafts(io, values.policy, values.draft);
  if (typeof loaded === 'number') return loaded;
  const catalogue = catalogueOrExit(io, values.policy);
  if (typeof catalogue === 'number') return catalogue;
  const items = pickItems(catalogue, values.item);
  if (typeof items === 'string') throw new UsageError(items);
  return { ...loaded, items };
}
