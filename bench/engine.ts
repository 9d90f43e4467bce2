// Engine side by side: ours (untraced and traced), json-rules-engine and cedar-wasm on the same requests, in one
// process. First every engine must agree on every request; then each is timed in interleaved batches.
import type { Engine } from '../src/core/engine.ts';
import type { TransferRequest } from '../src/core/model.ts';
import { CedarPeer } from './peers/cedar.ts';
import { attr, peerRules, type Formula } from './peers/encode.ts';
import { flatten, oursAsPeer, sameResult, type FlatInput, type PeerResult } from './peers/input.ts';
import { JsonRulesEnginePeer } from './peers/jre.ts';
import { summarise, type Summary } from './stats.ts';

export const REGIME = '2014-04-01';

export interface Disagreement {
  request: TransferRequest;
  ours: PeerResult;
  cedar: PeerResult;
  jre: PeerResult;
}

export interface EngineReport {
  regime: string;
  requests: number;
  outcomes: Record<string, number>;
  disagreements: Disagreement[];
  timedRequests: number;
  batch: number;
  perDecisionUs: Record<'ours' | 'oursTraced' | 'jsonRulesEngine' | 'cedarWasm', Summary>;
}

function elapsedUs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1000;
}

export async function differential(engine: Engine, requests: TransferRequest[]): Promise<Pick<EngineReport, 'outcomes' | 'disagreements'>> {
  const version = engine.version(REGIME)!;
  const cedar = new CedarPeer(version);
  const jre = new JsonRulesEnginePeer(version);
  const outcomes: Record<string, number> = {};
  const disagreements: Disagreement[] = [];
  for (const req of requests) {
    const flat = flatten(engine, REGIME, req);
    const fast = engine.evaluate(req, { trace: false });
    const traced = engine.evaluate(req);
    if (fast.revision !== REGIME) throw new Error(`request on ${req.asOf} is outside ${REGIME}`);
    outcomes[traced.outcome] = (outcomes[traced.outcome] ?? 0) + 1;
    const ours = oursAsPeer(fast);
    const oursTraced = oursAsPeer(traced);
    const c = cedar.decide(cedar.call(flat));
    const j = await jre.decide(flat);
    if (!sameResult(ours, oursTraced) || !sameResult(ours, c) || !sameResult(ours, j)) disagreements.push({ request: req, ours, cedar: c, jre: j });
  }
  return { outcomes, disagreements };
}

/**
 * The check can fail: the peers' policies with one test dropped (the security-partner test of the five categories)
 * must disagree with ours somewhere in the workload. Returns how many requests tell them apart.
 */
export function mutationCheck(engine: Engine, requests: TransferRequest[]): number {
  const partner = attr.fact('security-partner');
  const drop = (f: Formula): Formula => {
    if (f.op === 'in' && f.attr === partner) return { op: 'const', value: true };
    if (f.op === 'and' || f.op === 'or') return { ...f, parts: f.parts.map(drop) };
    return f.op === 'not' ? { ...f, part: drop(f.part) } : f;
  };
  const rules = peerRules(engine.version(REGIME)!).map((r) => (r.id.endsWith('C-P2-five-categories') ? { ...r, when: drop(r.when) } : r));
  const broken = new CedarPeer(rules);
  let caught = 0;
  for (const req of requests) {
    if (!sameResult(oursAsPeer(engine.evaluate(req, { trace: false })), broken.decide(broken.call(flatten(engine, REGIME, req))))) caught++;
  }
  return caught;
}

/**
 * Times each engine on the same requests, cut into batches; the engines take turns batch by batch so drift
 * (GC, frequency scaling) hits them alike. A sample is one batch's time divided by its size.
 */
export async function timeEngines(engine: Engine, requests: TransferRequest[], opts: { batch: number; rounds: number; peerRounds: number }): Promise<EngineReport['perDecisionUs']> {
  const version = engine.version(REGIME)!;
  const cedar = new CedarPeer(version);
  const jre = new JsonRulesEnginePeer(version);
  const flats: FlatInput[] = requests.map((r) => flatten(engine, REGIME, r));
  const calls = flats.map((f) => cedar.call(f));
  const samples = { ours: [] as number[], oursTraced: [] as number[], jsonRulesEngine: [] as number[], cedarWasm: [] as number[] };
  let sink = 0;
  const batches = Math.floor(requests.length / opts.batch);
  // Warm up every path once (JIT, wasm tier-up).
  for (let i = 0; i < requests.length; i++) {
    sink += engine.evaluate(requests[i], { trace: false }).reasons.length + engine.evaluate(requests[i]).trace.length;
    sink += cedar.decide(calls[i]).policies.length + (await jre.decide(flats[i])).policies.length;
  }
  for (let round = 0; round < opts.rounds; round++) {
    const withPeers = round < opts.peerRounds;
    for (let b = 0; b < batches; b++) {
      const lo = b * opts.batch;
      const hi = lo + opts.batch;
      let t = process.hrtime.bigint();
      for (let i = lo; i < hi; i++) sink += engine.evaluate(requests[i], { trace: false }).reasons.length;
      samples.ours.push(elapsedUs(t) / opts.batch);
      t = process.hrtime.bigint();
      for (let i = lo; i < hi; i++) sink += engine.evaluate(requests[i]).trace.length;
      samples.oursTraced.push(elapsedUs(t) / opts.batch);
      if (!withPeers) continue;
      t = process.hrtime.bigint();
      for (let i = lo; i < hi; i++) sink += cedar.decide(calls[i]).policies.length;
      samples.cedarWasm.push(elapsedUs(t) / opts.batch);
      t = process.hrtime.bigint();
      for (let i = lo; i < hi; i++) sink += (await jre.decide(flats[i])).policies.length;
      samples.jsonRulesEngine.push(elapsedUs(t) / opts.batch);
    }
  }
  if (sink === -1) console.log('unreachable');
  return {
    ours: summarise(samples.ours),
    oursTraced: summarise(samples.oursTraced),
    jsonRulesEngine: summarise(samples.jsonRulesEngine),
    cedarWasm: summarise(samples.cedarWasm),
  };
}

/** Every k-th request, so the timed set spans all dates, countries and item classes. */
export function sample<T>(xs: T[], n: number): T[] {
  if (xs.length <= n) return xs;
  const step = xs.length / n;
  return Array.from({ length: n }, (_, i) => xs[Math.floor(i * step)]);
}
