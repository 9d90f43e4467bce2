// How a command gets one TransferRequest: a file or stdin (a request or a case file), friendly flags, or a catalogue item.
import { readFileSync } from 'node:fs';
import { itemById, type ItemClass } from '../core/items.ts';
import type { Problem } from '../core/model.ts';
import type { Engine } from '../core/engine.ts';
import { catalogueOrExit, engineWithDrafts } from './analysis.ts';
import { EXIT, UsageError, parse, printProblems, type Io } from './io.ts';

export const REQUEST_OPTIONS = {
  to: { type: 'string' },
  'as-of': { type: 'string' },
  item: { type: 'string' },
  name: { type: 'string' },
  weapon: { type: 'boolean' },
  'non-weapon': { type: 'boolean' },
  'defense-equipment': { type: 'boolean' },
  'not-defense-equipment': { type: 'boolean' },
  'etco-item': { type: 'string' },
  transferor: { type: 'string' },
  form: { type: 'string' },
  function: { type: 'string' },
  origin: { type: 'string' },
  licensor: { type: 'string' },
  partners: { type: 'string' },
  program: { type: 'string' },
  'control-list': { type: 'string' },
  'munition-type': { type: 'string' },
  purpose: { type: 'string' },
  'end-user': { type: 'string' },
  'end-user-type': { type: 'string' },
} as const;

type Values = ReturnType<typeof parse<typeof REQUEST_OPTIONS>>['values'];

/** A request from flags; with --item the catalogue class supplies the item and the flags amend it. */
export function fromFlags(v: Values, base: ItemClass | undefined): Record<string, unknown> {
  if (v.weapon && v['non-weapon']) throw new UsageError('--weapon and --non-weapon contradict each other');
  if (v['defense-equipment'] && v['not-defense-equipment']) throw new UsageError('--defense-equipment and --not-defense-equipment contradict each other');
  const item: Record<string, unknown> = { ...(base?.item ?? {}) };
  if (v.name) item.name = v.name;
  if (v['defense-equipment']) item.defenseEquipment = true;
  if (v['not-defense-equipment']) item.defenseEquipment = false;
  if (v['etco-item']) item.etcoItem = v['etco-item'];
  if (v.weapon) item.weapon = true;
  if (v['non-weapon']) item.weapon = false;
  if (v.form) item.form = v.form;
  if (v.function) item.function = v.function;
  if (v.origin) item.origin = v.origin;
  if (v.licensor) item.licensor = v.licensor;
  if (v.partners) item.partners = v.partners.split(',').map((s) => s.trim());
  if (v.program) item.program = v.program;
  if (v['control-list']) item.controlList = v['control-list'];
  if (v['munition-type']) item.munitionType = v['munition-type'];
  const req: Record<string, unknown> = { recipient: v.to, item };
  if (v['as-of']) req.asOf = v['as-of'];
  if (v.purpose) req.purpose = v.purpose;
  if (v.transferor) req.transferor = v.transferor;
  if (v['end-user'] || v['end-user-type']) req.endUser = { ...(v['end-user'] ? { name: v['end-user'] } : {}), ...(v['end-user-type'] ? { type: v['end-user-type'] } : {}) };
  return req;
}

/** Reads the request: a file or stdin holding a TransferRequest, or a case file { request, regime? }. */
export async function readInput(file: string | undefined, stdin: () => Promise<string>): Promise<{ input: unknown; regime?: string } | Problem[]> {
  let text: string;
  try {
    text = !file || file === '-' ? await stdin() : readFileSync(file, 'utf8');
  } catch (e) {
    return [{ code: 'unreadable', path: file ?? '-', message: (e as Error).message }];
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    return [{ code: 'malformed_json', path: file ?? '-', message: (e as Error).message }];
  }
  if (input && typeof input === 'object' && !Array.isArray(input) && 'request' in input) {
    const wrapper = input as { request: unknown; regime?: unknown };
    return { input: wrapper.request, regime: typeof wrapper.regime === 'string' ? wrapper.regime : undefined };
  }
  return { input };
}

/** The raw request of a command: from --to (and --item) flags, or from FILE/stdin; a catalogue item needs --to. */
export async function requestInput(
  values: Values, positionals: string[], stdin: () => Promise<string>, items: () => ItemClass[] | number,
): Promise<{ input: unknown; regime?: string } | Problem[] | number> {
  if (positionals.length > 1) throw new UsageError('give at most one FILE');
  if (values.item && !values.to) throw new UsageError('--item needs --to COUNTRY');
  if (values.to) {
    if (positionals.length) throw new UsageError('give either FILE or --to, not both');
    let base: ItemClass | undefined;
    if (values.item) {
      const catalogue = items();
      if (typeof catalogue === 'number') return catalogue;
      base = itemById(catalogue, values.item);
      if (!base) return [{ code: 'unknown_item', path: 'item', message: `no item class "${values.item}"; see "gensoku items"` }];
    }
    return { input: fromFlags(values, base) };
  }
  return readInput(positionals[0], stdin);
}

/** The policy (with any --draft overlays) and the command's raw request; an exit code, problems printed, when either fails. */
export async function engineAndInput(
  values: Values & { policy?: string; draft?: string[] }, positionals: string[], io: Io,
): Promise<{ engine: Engine; drafts: string[]; input: unknown; regime?: string } | number> {
  const loaded = engineWithDrafts(io, values.policy, values.draft);
  if (typeof loaded === 'number') return loaded;
  const read = await requestInput(values, positionals, io.stdin, () => catalogueOrExit(io, values.policy));
  if (typeof read === 'number') return read;
  if (Array.isArray(read)) { printProblems(io, read); return EXIT.usage; }
  return { ...loaded, ...read };
}
