// The 2014 regime (Principles 1 and 2 as of 2014-04-01) written by hand as json-rules-engine rules, for the
// side-by-side benchmark and the differential check. Facts are the flat record of ./input.ts.
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { normalise, type FlatInput, type PeerResult } from './input.ts';

type Cond = TopLevelCondition | { fact: string; operator: string; value: unknown };
const eq = (fact: string, value: unknown): Cond => ({ fact, operator: 'equal', value });
const isIn = (fact: string, value: unknown[]): Cond => ({ fact, operator: 'in', value });
const all = (...c: Cond[]): TopLevelCondition => ({ all: c });
const any = (...c: Cond[]): TopLevelCondition => ({ any: c });
const not = (c: Cond): TopLevelCondition => ({ not: c });

const inDE = eq('defenseEquipment', true);
const p1Open = all(eq('embargo', 'partial'), eq('weapon', false));

const PERMITTED: Record<string, Cond> = {
  'C-P2-peace-contribution': all(
    isIn('purpose', ['peace-contribution', 'international-cooperation']),
    isIn('endUserType', ['government', 'military', 'international-organization']),
    any(eq('weapon', false), eq('endUserType', 'international-organization')),
  ),
  'C-P2-joint-development': all(eq('origin', 'joint-development'), { fact: 'partners', operator: 'contains', value: { fact: 'recipient' } }, eq('securityPartner', true)),
  'C-P2-us-technology-exchange': all(eq('recipient', 'US'), eq('form', 'technology')),
  'C-P2-licensed-parts-to-licensor': all(
    eq('origin', 'licensed-production'), { fact: 'licensor', operator: 'equal', value: { fact: 'recipient' } }, eq('recipient', 'US'), isIn('form', ['part', 'technology']),
  ),
  'C-P2-prior-exceptions': any(
    all(isIn('program', ['BMD', 'SM-3 Block IIA']), any(eq('partnerBmd', true), eq('partnerSm3', true))),
    all(eq('program', 'F-35'), isIn('form', ['part', 'technology']), eq('partnerF35', true)),
  ),
  'C-P2-five-categories': all(
    eq('form', 'complete'), isIn('function', ['rescue', 'transport', 'warning', 'surveillance', 'minesweeping']), eq('weapon', false), eq('securityPartner', true),
  ),
  'C-P2-sdf-support': eq('purpose', 'sdf-support'),
  'C-P2-nationals-protection': eq('purpose', 'nationals-protection'),
};

export function jreRules(): RuleProperties[] {
  const rule = (id: string, type: 'forbid' | 'permit', conditions: TopLevelCondition): RuleProperties => ({ name: id, conditions, event: { type, params: { id } } });
  const rules: RuleProperties[] = [
    rule('C-scope-defense-equipment', 'permit', { all: [eq('defenseEquipment', false)] }),
    rule('C-P1-treaty', 'forbid', { all: [inDE, isIn('munitionType', ['chemical-weapon', 'biological-weapon', 'cluster-munition', 'anti-personnel-mine'])] }),
    rule('C-P1-unsc', 'forbid', { all: [inDE, any(
      eq('embargo', 'full'),
      all(eq('embargo', 'government-exempt'), { fact: 'endUserType', operator: 'notIn', value: ['government', 'military'] }),
      all(eq('embargo', 'partial'), eq('weapon', true)),
    )] }),
    rule('C-P1-party-to-conflict', 'forbid', { all: [inDE, eq('partyToConflict', true)] }),
    rule('judgment:C-P2-very-small-impact', 'permit', { all: [inDE, eq('purpose', 'very-small-impact')] }),
  ];
  for (const [id, cond] of Object.entries(PERMITTED)) {
    rules.push(rule(id, 'permit', { all: [inDE, cond, not(p1Open)] }));
    rules.push(rule(`judgment:${id}`, 'permit', { all: [inDE, cond, p1Open] }));
  }
  return rules;
}

export class JsonRulesEnginePeer {
  readonly name = 'json-rules-engine';
  private readonly engine: Engine;
  constructor() {
    this.engine = new Engine(jreRules(), { allowUndefinedFacts: false });
  }

  /** Deny overrides: any forbid event decides; else any permit; else nothing matched. */
  async decide(input: FlatInput): Promise<PeerResult> {
    const { events } = await this.engine.run(input as unknown as Record<string, unknown>);
    const forbid = events.filter((e) => e.type === 'forbid').map((e) => String(e.params!.id));
    if (forbid.length) return normalise('forbid', forbid);
    const permit = events.filter((e) => e.type === 'permit').map((e) => String(e.params!.id));
    return normalise(permit.length ? 'permit' : 'no-match', permit);
  }
}
