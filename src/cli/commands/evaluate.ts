import { readFileSync } from 'node:fs';
import { explain } from '../../core/explain.ts';
import { parseRequest } from '../../core/request.ts';
import type { Decision, Problem } from '../../core/model.ts';
import { EXIT, UsageError, json, parse, printProblems, todayInJapan, type Io } from '../io.ts';
import { engineOrExit } from '../policy.ts';

const OPTIONS = {
  regime: { type: 'string' },
  format: { type: 'string', default: 'json' },
  lang: { type: 'string', default: 'en' },
  policy: { type: 'string' },
  to: { type: 'string' },
  'as-of': { type: 'string' },
  name: { type: 'string' },
  weapon: { type: 'boolean' },
  'non-weapon': { type: 'boolean' },
  'not-defense-equipment': { type: 'boolean' },
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

/** The exit code of a decision, per the contract. */
export function exitCodeOf(d: Decision): number {
  return d.outcome === 'permissible' || d.outcome === 'out_of_scope' ? EXIT.ok : d.outcome === 'requires_judgment' ? EXIT.judgment : EXIT.refused;
}

type Values = ReturnType<typeof parse<typeof OPTIONS>>['values'];

function fromFlags(v: Values): Record<string, unknown> {
  if (v.weapon && v['non-weapon']) throw new UsageError('--weapon and --non-weapon contradict each other');
  const item: Record<string, unknown> = {};
  if (v.name) item.name = v.name;
  if (v['not-defense-equipment']) item.defenseEquipment = false;
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
  if (v['end-user'] || v['end-user-type']) req.endUser = { ...(v['end-user'] ? { name: v['end-user'] } : {}), ...(v['end-user-type'] ? { type: v['end-user-type'] } : {}) };
  return req;
}

/** Reads the request: a file or stdin holding a TransferRequest, or a case file { request, regime? }. */
async function readInput(file: string | undefined, io: Io): Promise<{ input: unknown; regime?: string } | Problem[]> {
  let text: string;
  try {
    text = !file || file === '-' ? await io.stdin() : readFileSync(file, 'utf8');
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

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  if (positionals.length > 1) throw new UsageError('evaluate takes at most one FILE');
  if (!['json', 'text'].includes(values.format!)) throw new UsageError('--format is json or text');
  if (!['en', 'ja'].includes(values.lang!)) throw new UsageError('--lang is en or ja');
  const engine = engineOrExit(io, values.policy);
  if (typeof engine === 'number') return engine;

  let input: unknown;
  let regime = values.regime;
  if (values.to) {
    if (positionals.length) throw new UsageError('give either FILE or --to, not both');
    input = fromFlags(values);
  } else {
    const read = await readInput(positionals[0], io);
    if (Array.isArray(read)) { printProblems(io, read); return EXIT.usage; }
    input = read.input;
    regime ??= read.regime;
  }
  const parsed = parseRequest(input, { today: todayInJapan() });
  const problems = parsed.ok ? [] : parsed.problems;
  if (regime && !engine.version(regime)) problems.push({ code: 'unknown_regime', path: 'regime', message: `no regime, revision or draft "${regime}"; see "gensoku regimes"` });
  if (!parsed.ok || problems.length) { printProblems(io, problems); return EXIT.usage; }
  const decision = engine.evaluate(parsed.value, { regime });
  io.stdout(values.format === 'text' ? explain(engine, parsed.value, decision, values.lang as 'en' | 'ja') : json(decision));
  return exitCodeOf(decision);
}
