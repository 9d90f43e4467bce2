// What the peer engines are given: one flat record per request, the attributes the version's rules read and the
// recipient's (and licensor's) facts on its date, read from policy/facts through our loader (the same FactTable).
import type { Engine, Version } from '../../src/core/engine.ts';
import { factsIn } from '../../src/core/expr.ts';
import type { TransferRequest } from '../../src/core/model.ts';
import { attr, attributes, peerRules, UNKNOWN } from './encode.ts';

/** One request, flat: strings (UNKNOWN when unknown), the date as a number (yyyymmdd) and the partner list. */
export type FlatInput = Record<string, string | number | string[]>;

/** The outcome in the peers' vocabulary: a forbid, a permit, or no policy matched; with the policies that decided. */
export interface PeerResult {
  effect: 'forbid' | 'permit' | 'no-match';
  /** The determining policy ids; judgment-tagged permits carry the prefix "judgment:". */
  policies: string[];
}

/** What an absent item attribute means to the engine (src/core/expr.ts): no programme, a default, else unknown. */
const ITEM_ABSENT: Record<string, string> = { program: '', munitionType: 'other' };

const readCache = new WeakMap<Version, { items: string[]; facts: string[]; licensorFacts: string[]; covers: string[] }>();

/** The item fields and facts the version's encoded rules read. */
function reads(version: Version) {
  let r = readCache.get(version);
  if (!r) {
    const names = new Set<string>();
    for (const p of peerRules(version)) attributes(p.when, names);
    const factIds = [...new Set(version.rules.flatMap((c) => factsIn(c.rule.when).map((f) => f.fact)))];
    r = {
      items: [...names].filter((n) => n.startsWith('item_')).map((n) => n.slice('item_'.length)),
      facts: factIds.filter((id) => names.has(attr.fact(id))),
      licensorFacts: factIds.filter((id) => names.has(attr.licensorFact(id))),
      covers: factIds.filter((id) => names.has(attr.covers(id))),
    };
    readCache.set(version, r);
  }
  return r;
}

/** Flattens a request for a peer, with the facts of the version in force on its date. */
export function flatten(engine: Engine, regime: string, req: TransferRequest): FlatInput {
  const version = engine.version(regime)!;
  const { items, facts, licensorFacts, covers } = reads(version);
  const it = req.item;
  const fact = (id: string, cc: string | undefined) => {
    const v = cc === undefined ? null : version.facts.value(id, cc, req.asOf);
    return v === null ? UNKNOWN : String(v);
  };
  const flat: FlatInput = {
    recipient: req.recipient,
    asOf: Number(req.asOf.replaceAll('-', '')),
    purpose: req.purpose ?? UNKNOWN,
    transferor: req.transferor ?? UNKNOWN,
    endUserType: req.endUser?.type ?? UNKNOWN,
    partners: it.partners ?? [],
    partnersGiven: String(it.partners !== undefined),
  };
  for (const field of items) {
    const v = (it as Record<string, unknown>)[field];
    // A classification under item 1 of Appended Table 1 makes the item defense equipment.
    const absent = field === 'defenseEquipment' && it.etcoItem !== undefined ? 'true' : ITEM_ABSENT[field] ?? UNKNOWN;
    flat[attr.item(field)] = v === undefined ? absent : String(v);
  }
  // A measure on some item classes: whether the recipient's entry reaches the item's ML categories.
  const mlOf = new Map(engine.policy.classification.map((c) => [c.code, c.ml]));
  for (const id of covers) {
    const reach = version.facts.read(id, req.recipient, req.asOf).entry?.covers;
    const ml = it.controlList ? [it.controlList.replace(/[a-z]$/, '')] : it.etcoItem ? mlOf.get(it.etcoItem) ?? [] : [];
    const inside = reach ? ml.filter((c) => reach.includes(c)).length : -1;
    flat[attr.covers(id)] = !reach || !ml.length || (inside > 0 && inside < ml.length) ? UNKNOWN : String(inside === ml.length);
  }
  for (const id of facts) flat[attr.fact(id)] = fact(id, req.recipient);
  for (const id of licensorFacts) flat[attr.licensorFact(id)] = fact(id, it.licensor);
  return flat;
}

/** Our decision in the peers' vocabulary (see docs/performance.md for the mapping). */
export function oursAsPeer(d: { outcome: string; reasons: string[] }): PeerResult {
  switch (d.outcome) {
    case 'prohibited': return { effect: 'forbid', policies: [...d.reasons].sort() };
    case 'not_permitted': return { effect: 'no-match', policies: [] };
    case 'permissible': return { effect: 'permit', policies: [...d.reasons].sort() };
    case 'requires_judgment': return { effect: 'permit', policies: d.reasons.map((r) => `judgment:${r}`).sort() };
    case 'out_of_scope': return { effect: 'permit', policies: [...d.reasons].sort() };
    default: throw new Error(`unexpected outcome ${d.outcome}`);
  }
}

/**
 * A peer's answer normalised: a permit decided only by judgment-tagged policies is a judgment; when a plain permit
 * also matched, the plain ones decide (as in our engine, where a permitted case that holds beats one left open).
 */
export function normalise(effect: PeerResult['effect'], policies: string[]): PeerResult {
  if (effect !== 'permit') return { effect, policies: effect === 'forbid' ? [...policies].sort() : [] };
  const plain = policies.filter((p) => !p.startsWith('judgment:'));
  return { effect, policies: (plain.length ? plain : policies).sort() };
}

export const sameResult = (a: PeerResult, b: PeerResult) => a.effect === b.effect && a.policies.join() === b.policies.join();
