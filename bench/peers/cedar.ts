// The 2014 regime (Principles 1 and 2 as of 2014-04-01) written by hand as Cedar policies, for the side-by-side
// benchmark and the differential check. Facts come in the request context, flattened by ./input.ts.
import { preparsePolicySet, statefulIsAuthorized, type StatefulAuthorizationCall } from '@cedar-policy/cedar-wasm/nodejs';
import { normalise, type FlatInput, type PeerResult } from './input.ts';

const C = 'context';
const inDE = `${C}.defenseEquipment`;
// Principle 1 left open: a partial UN embargo and a non-weapon item, where METI judges whether the measures cover it.
const p1Open = `(${C}.embargo == "partial" && !${C}.weapon)`;

/** Principle 2's permitted cases of 2014-04-01, by rule id. */
const PERMITTED: Record<string, string> = {
  'C-P2-peace-contribution': `["peace-contribution", "international-cooperation"].contains(${C}.purpose)
    && ["government", "military", "international-organization"].contains(${C}.endUserType)
    && (!${C}.weapon || ${C}.endUserType == "international-organization")`,
  'C-P2-joint-development': `${C}.origin == "joint-development" && ${C}.partners.contains(${C}.recipient) && ${C}.securityPartner`,
  'C-P2-us-technology-exchange': `${C}.recipient == "US" && ${C}.form == "technology"`,
  'C-P2-licensed-parts-to-licensor': `${C}.origin == "licensed-production" && ${C}.licensor == ${C}.recipient && ${C}.recipient == "US"
    && ["part", "technology"].contains(${C}.form)`,
  'C-P2-prior-exceptions': `(["BMD", "SM-3 Block IIA"].contains(${C}.program) && (${C}.partnerBmd || ${C}.partnerSm3))
    || (${C}.program == "F-35" && ["part", "technology"].contains(${C}.form) && ${C}.partnerF35)`,
  'C-P2-five-categories': `${C}.form == "complete" && ["rescue", "transport", "warning", "surveillance", "minesweeping"].contains(${C}.function)
    && !${C}.weapon && ${C}.securityPartner`,
  'C-P2-sdf-support': `${C}.purpose == "sdf-support"`,
  'C-P2-nationals-protection': `${C}.purpose == "nationals-protection"`,
};

export function cedarPolicies(): Record<string, string> {
  const p: Record<string, string> = {
    // Goods that are not defense equipment are outside the principles: a permit nothing else touches.
    'C-scope-defense-equipment': `permit(principal, action, resource) when { !${inDE} };`,
    // Principle 1: forbid beats any permit, as in Cedar itself.
    'C-P1-treaty': `forbid(principal, action, resource) when { ${inDE}
      && ["chemical-weapon", "biological-weapon", "cluster-munition", "anti-personnel-mine"].contains(${C}.munitionType) };`,
    'C-P1-unsc': `forbid(principal, action, resource) when { ${inDE} && (${C}.embargo == "full"
      || (${C}.embargo == "government-exempt" && !["government", "military"].contains(${C}.endUserType))
      || (${C}.embargo == "partial" && ${C}.weapon)) };`,
    'C-P1-party-to-conflict': `forbid(principal, action, resource) when { ${inDE} && ${C}.partyToConflict };`,
    // A permitted case on an impact judged very small always needs METI's judgment.
    'judgment:C-P2-very-small-impact': `permit(principal, action, resource) when { ${inDE} && ${C}.purpose == "very-small-impact" };`,
  };
  for (const [id, cond] of Object.entries(PERMITTED)) {
    p[id] = `permit(principal, action, resource) when { ${inDE} && (${cond}) && !${p1Open} };`;
    p[`judgment:${id}`] = `permit(principal, action, resource) when { ${inDE} && (${cond}) && ${p1Open} };`;
  }
  return p;
}

const PSET = 'gensoku-2014';
let psets = 0;
const principal = { type: 'Exporter', id: 'JP' };
const action = { type: 'Action', id: 'transfer' };
const resource = { type: 'Transfer', id: 'request' };

export class CedarPeer {
  readonly name = 'cedar-wasm';
  private readonly pset: string;
  /** Parses the policies once (another set, e.g. a deliberately broken one, gets its own id). */
  constructor(policies: Record<string, string> = cedarPolicies()) {
    this.pset = `${PSET}-${psets++}`;
    const r = preparsePolicySet(this.pset, { staticPolicies: policies });
    if (r.type !== 'success') throw new Error(`cedar policies do not parse: ${JSON.stringify(r.errors)}`);
  }

  /** The per-request call object, built once outside the timed loop (only the context changes). */
  call(input: FlatInput): StatefulAuthorizationCall {
    return { principal, action, resource, context: { ...input }, preparsedPolicySetId: this.pset, entities: [] };
  }

  decide(call: StatefulAuthorizationCall): PeerResult {
    const a = statefulIsAuthorized(call);
    if (a.type !== 'success') throw new Error(`cedar failed: ${JSON.stringify(a.errors)}`);
    const { decision, diagnostics } = a.response;
    if (diagnostics.errors.length) throw new Error(`cedar policy errors: ${JSON.stringify(diagnostics.errors)}`);
    const policies = diagnostics.reason;
    return normalise(decision === 'deny' ? (policies.length ? 'forbid' : 'no-match') : 'permit', policies);
  }
}
