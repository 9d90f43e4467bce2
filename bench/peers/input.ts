// What the peer engines are given: one flat record per request, the request's attributes and the recipient's
// facts on its date, read from policy/facts through our loader (the same FactTable our engine reads).
import type { Engine } from '../../src/core/engine.ts';
import type { TransferRequest } from '../../src/core/model.ts';

export interface FlatInput {
  recipient: string;
  embargo: string; // un-arms-embargo: none | full | government-exempt | partial | regional | targeted
  partyToConflict: boolean;
  securityPartner: boolean;
  partnerBmd: boolean;
  partnerSm3: boolean;
  partnerF35: boolean;
  defenseEquipment: boolean;
  weapon: boolean;
  form: string;
  function: string;
  origin: string;
  partners: string[];
  licensor: string; // '' when none
  munitionType: string;
  program: string; // '' when none
  purpose: string; // '' when none
  endUserType: string; // '' when none
}

/** The outcome in the peers' vocabulary: a forbid, a permit, or no policy matched; with the policies that decided. */
export interface PeerResult {
  effect: 'forbid' | 'permit' | 'no-match';
  /** The determining policy ids; judgment-tagged permits carry the prefix "judgment:". */
  policies: string[];
}

/** Flattens a request for a peer, with the facts of the version in force on its date. Unknown facts are refused. */
export function flatten(engine: Engine, regime: string, req: TransferRequest): FlatInput {
  const facts = engine.version(regime)!.facts;
  const fact = (id: string) => {
    const v = facts.value(id, req.recipient, req.asOf);
    if (v === null) throw new Error(`${id}(${req.recipient}) is unknown on ${req.asOf}: the two-valued peers cannot take it`);
    return v;
  };
  const it = req.item;
  if (it.weapon === undefined || !it.form || !it.function || !it.origin) throw new Error(`incomplete item in ${JSON.stringify(req)}`);
  return {
    recipient: req.recipient,
    embargo: String(fact('un-arms-embargo')),
    partyToConflict: fact('party-to-conflict') === true,
    securityPartner: fact('security-partner') === true,
    partnerBmd: fact('partner-bmd') === true,
    partnerSm3: fact('partner-sm3-block-iia') === true,
    partnerF35: fact('partner-f35') === true,
    defenseEquipment: it.defenseEquipment ?? true,
    weapon: it.weapon,
    form: it.form,
    function: it.function,
    origin: it.origin,
    partners: it.partners ?? [],
    licensor: it.licensor ?? '',
    munitionType: it.munitionType ?? 'other',
    program: it.program ?? '',
    purpose: req.purpose ?? '',
    endUserType: req.endUser?.type ?? '',
  };
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
