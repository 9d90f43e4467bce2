import { describe, expect, it } from 'vitest';
import { compilePolicy } from './compile.ts';
import type { Decision } from './model.ts';
import type { RawPolicy } from './policy-schema.ts';

/** What the untraced path gives: the traced decision without its trace and without the options of open questions. */
const untraced = (d: Decision): Decision => ({ ...d, trace: [], open: d.open.map(({ options: _options, ...q }) => q) });


const text = (s: string) => ({ en: s, ja: s });

/** A tiny but complete policy: one regime, one fact, one permission, one exception, a default. */
export function miniPolicy(): RawPolicy {
  return {
    sources: [{ file: 'sources/s.yaml', data: [{ id: 'law', title: text('Law') }, { id: 'news', title: text('News'), confirmed: false }] }],
    facts: [
      { file: 'facts/ally.yaml', data: { id: 'ally', title: text('Ally'), type: 'boolean', default: false, defaultNote: text('not an ally'), maintainedBy: 'law', exhaustive: true, listDate: '2026-11-22', series: { AU: [{ from: '2014-07-08', value: true, source: 'law', confirmed: true }], CA: [{ from: '2026-01-27', value: 'unknown', source: 'news', confirmed: false }] } } },
      { file: 'facts/war.yaml', data: { id: 'war', title: text('War'), type: 'boolean', default: false, defaultNote: text('no war'), maintainedBy: 'operator', exhaustive: true, listDate: '2026-11-22', series: { RU: [{ from: '2022-02-24', value: true, source: 'news', confirmed: false }] } } },
    ],
    conditions: [{ file: 'conditions/c.yaml', data: [{ id: 'consent', text: text('prior consent'), source: 'law' }] }],
    regimes: [
      {
        file: 'regimes/r1.yaml',
        data: {
          id: 'R1', kind: 'regime', title: text('R1'), from: '1949-12-01', sources: ['law'],
          rules: [
            { id: 'scope', kind: 'scope', title: text('scope'), clause: text('scope'), citations: ['law'], when: { item: 'defenseEquipment', is: false } },
            { id: 'ban', kind: 'prohibition', title: text('ban'), clause: text('ban'), citations: ['law'], when: { item: 'munitionType', is: 'cluster-munition' } },
            { id: 'allies', kind: 'permission', review: 'nsc', conditions: ['consent'], title: text('allies'), clause: text('allies'), citations: ['law'], when: { all: [{ fact: 'ally' }, { item: 'weapon', is: true }] } },
            { id: 'not-at-war', kind: 'exception', defeats: ['allies'], title: text('war'), clause: text('war'), citations: ['law'], when: { all: [{ fact: 'war' }, { not: { judgment: 'special', question: text('special?'), by: 'nsc' } }] } },
            { id: 'no', kind: 'default', outcome: 'not_permitted', title: text('no'), clause: text('no'), citations: ['law'] },
          ],
        },
      },
    ],
  };
}

function compile(p: RawPolicy) {
  const r = compilePolicy(p);
  if (!r.ok) throw new Error(JSON.stringify(r.problems, null, 1));
  return r.value;
}

const req = (recipient: string, item: Record<string, unknown> = { weapon: true, munitionType: 'other' }) => ({ asOf: '2026-05-01', recipient, item: { defenseEquipment: true, ...item } });

describe('evaluate', () => {
  it('permits through a fact and attaches review and conditions', () => {
    const d = compile(miniPolicy()).evaluate(req('AU'));
    expect(d).toMatchObject({ outcome: 'permissible', reasons: ['allies'], review: 'nsc', conditions: [{ id: 'consent', rule: 'allies' }] });
  });
  it('falls to the default when no permission applies, and says which list the absence came from', () => {
    const d = compile(miniPolicy()).evaluate(req('BR'));
    expect(d.outcome).toBe('not_permitted');
    expect(d.reasons).toEqual(['no']);
    expect(d.trace).toContainEqual(expect.objectContaining({ type: 'fact', fact: 'ally', of: 'BR', value: false, source: null }));
  });
  it('keeps an unknown fact unknown and names it as an open question', () => {
    const d = compile(miniPolicy()).evaluate(req('CA'));
    expect(d.outcome).toBe('requires_judgment');
    expect(d.open.map((q) => q.id)).toEqual(['fact:ally:CA']);
  });
  it('turns a missing item attribute into an open question only when it matters', () => {
    expect(compile(miniPolicy()).evaluate(req('AU', { munitionType: 'other' })).open.map((q) => q.id)).toEqual(['item.weapon']);
    expect(compile(miniPolicy()).evaluate(req('BR', { munitionType: 'other' })).outcome).toBe('not_permitted');
  });
  it('leaves a treaty ban open for a weapon whose banned type is not stated, and reads a non-weapon as none', () => {
    const d = compile(miniPolicy()).evaluate(req('AU', { weapon: true }));
    expect(d.outcome).toBe('requires_judgment');
    expect(d.open.map((q) => q.id)).toEqual(['item.munitionType']);
    expect(d.open[0].options).toContainEqual({ value: 'cluster-munition', outcome: 'prohibited', rules: ['ban'] });
    expect(compile(miniPolicy()).evaluate(req('BR', { weapon: false })).open.map((q) => q.id)).not.toContain('item.munitionType');
  });
  it('a prohibition beats any permission', () => {
    const d = compile(miniPolicy()).evaluate(req('AU', { weapon: true, munitionType: 'cluster-munition' }));
    expect(d).toMatchObject({ outcome: 'prohibited', reasons: ['ban'], review: null, conditions: [] });
  });
  it('an exception that rests on a judgment leaves the permission open', () => {
    const p = miniPolicy();
    (p.facts[1].data as { series: Record<string, unknown> }).series.AU = [{ from: '2026-01-01', value: true, source: 'news', confirmed: false }];
    const d = compile(p).evaluate(req('AU'));
    expect(d.outcome).toBe('requires_judgment');
    expect(d.open.map((q) => q.id)).toEqual(['special']);
    // Open, not defeated: the exception that would close it rests on the judgment.
    expect(d.trace).toContainEqual(expect.objectContaining({ rule: 'allies', result: 'unknown', defeatedBy: ['not-at-war'] }));
  });
  it('is out of scope for goods that are not defense equipment', () => {
    expect(compile(miniPolicy()).evaluate(req('AU', { defenseEquipment: false })).outcome).toBe('out_of_scope');
  });
  it('asks first whether the item is defense equipment, and says what follows either way', () => {
    const d = compile(miniPolicy()).evaluate({ asOf: '2026-05-01', recipient: 'AU', item: { weapon: true, munitionType: 'other' } });
    expect(d).toMatchObject({ outcome: 'requires_judgment', reasons: ['scope'], review: null });
    expect(d.open).toEqual([expect.objectContaining({
      id: 'item.defenseEquipment', by: 'applicant',
      options: [{ value: 'false', outcome: 'out_of_scope', rules: ['scope'] }, { value: 'true', outcome: 'permissible', rules: ['allies'] }],
    })]);
  });
  it('an unstated attribute lists the values that would open a case, each with its rule', () => {
    const d = compile(miniPolicy()).evaluate(req('AU', { munitionType: 'other' }));
    expect(d.outcome).toBe('requires_judgment');
    expect(d.open[0].options).toEqual([{ value: 'false', outcome: 'not_permitted', rules: ['no'] }, { value: 'true', outcome: 'permissible', rules: ['allies'] }]);
  });
  it('reads absence from a list that is not exhaustive as unknown, asking whoever the list names', () => {
    const p = miniPolicy();
    Object.assign(p.facts[0].data as object, { exhaustive: false, decidedBy: 'nsc' });
    const d = compile(p).evaluate(req('BR'));
    expect(d.outcome).toBe('requires_judgment');
    expect(d.open).toEqual([expect.objectContaining({ id: 'fact:ally:BR', by: 'nsc' })]);
    expect(d.trace).toContainEqual(expect.objectContaining({ type: 'fact', fact: 'ally', of: 'BR', value: null, source: null }));
  });
  it('rejects a list that is not exhaustive without saying who decides', () => {
    const p = miniPolicy();
    Object.assign(p.facts[0].data as object, { exhaustive: false });
    const r = compilePolicy(p);
    expect(r.ok ? [] : r.problems.map((x) => x.path)).toEqual(['facts/ally.yaml:decidedBy']);
  });
  it('gives byte-identical output for the same input, and the fast path agrees with the traced one', () => {
    const e = compile(miniPolicy());
    expect(JSON.stringify(e.evaluate(req('CA')))).toBe(JSON.stringify(e.evaluate(req('CA'))));
    for (const cc of ['AU', 'BR', 'CA']) {
      const fast = e.evaluate(req(cc), { trace: false });
      const full = e.evaluate(req(cc));
      expect(fast).toEqual(untraced(full));
    }
  });
  it('changes the digest when a fact changes', () => {
    const a = compile(miniPolicy());
    const p = miniPolicy();
    (p.facts[0].data as { series: Record<string, unknown[]> }).series.AU[0] = { from: '2014-07-09', value: true, source: 'law', confirmed: true };
    expect(compile(p).policyDigest).not.toBe(a.policyDigest);
  });
});

describe('compilePolicy rejects broken policies with every problem listed', () => {
  const broken = (mutate: (p: RawPolicy) => void) => {
    const p = miniPolicy();
    mutate(p);
    const r = compilePolicy(p);
    if (r.ok) throw new Error('expected problems');
    return r.problems.map((x) => x.code);
  };
  const rules = (p: RawPolicy) => (p.regimes[0].data as { rules: Record<string, unknown>[] }).rules;
  it('dangling citations', () => expect(broken((p) => { rules(p)[1].citations = ['nowhere']; })).toContain('dangling_citation'));
  it('unknown facts in conditions', () => expect(broken((p) => { rules(p)[1].when = { fact: 'nothing' }; })).toContain('unknown_fact'));
  it('values a fact cannot take', () => expect(broken((p) => { rules(p)[2].when = { fact: 'ally', is: 'maybe' }; })).toContain('invalid_value'));
  it('words for a value a fact does not have', () => expect(broken((p) => { Object.assign(p.facts[0].data as object, { valueLabels: { maybe: { en: 'maybe', ja: 'たぶん' } } }); })).toContain('invalid_value'));
  it('unknown conditions', () => expect(broken((p) => { rules(p)[2].conditions = ['nope']; })).toContain('unknown_condition'));
  it('overlapping periods', () => expect(broken((p) => {
    (p.facts[0].data as { series: Record<string, unknown[]> }).series.AU = [
      { from: '2014-01-01', to: '2016-01-01', value: true, source: 'law', confirmed: true },
      { from: '2015-01-01', value: false, source: 'law', confirmed: true },
    ];
  })).toContain('overlapping_period'));
  it('exception cycles', () => expect(broken((p) => {
    rules(p).push({ id: 'loop', kind: 'exception', defeats: ['not-at-war'], title: text('x'), clause: text('x'), citations: ['law'], when: true });
    rules(p)[3].defeats = ['allies', 'loop'];
  })).toContain('exception_cycle'));
  it('an exception to a prohibition', () => expect(broken((p) => { rules(p)[3].defeats = ['ban']; })).toContain('prohibition_overridden'));
  it('reused rule ids', () => expect(broken((p) => {
    p.regimes.push({ file: 'regimes/r2.yaml', data: { id: 'R2', kind: 'revision', base: 'R1', title: text('R2'), from: '2000-01-01', sources: ['law'], rules: [{ id: 'ban', kind: 'prohibition', title: text('x'), clause: text('x'), citations: ['law'], when: true }] } });
  })).toContain('duplicate_id'));
  it('gaps in time before the first regime', () => expect(broken((p) => { (p.regimes[0].data as { from: string }).from = '1970-01-01'; })).toContain('gap_in_time'));
  it('unknown fields and wrong types', () => expect(broken((p) => { rules(p)[0].colour = 'red'; rules(p)[1].kind = 'maybe'; })).toEqual(expect.arrayContaining(['unknown_field', 'invalid_value'])));
  it('repeals of rules the base does not have', () => expect(broken((p) => {
    p.regimes.push({ file: 'regimes/r2.yaml', data: { id: 'R2', kind: 'revision', base: 'R1', title: text('R2'), from: '2000-01-01', sources: ['law'], repeal: ['ghost'] } });
  })).toContain('unknown_rule'));
});

describe('the fast path', () => {
  it('agrees with the traced path on every country, item shape and regime of the bundled policy', async () => {
    const { bundledEngine } = await import('../policy-files/load.ts');
    const { COUNTRIES } = await import('./countries.ts');
    const engine = bundledEngine();
    const items = [
      { defenseEquipment: true, weapon: true, form: 'complete', function: 'other', origin: 'domestic' },
      { defenseEquipment: true, weapon: false, form: 'complete', function: 'warning', origin: 'domestic' },
      { defenseEquipment: true, weapon: false, form: 'part', origin: 'domestic', controlList: 'ML6' },
      { defenseEquipment: true, weapon: true, form: 'complete', origin: 'licensed-production', licensor: 'US' },
      { defenseEquipment: true, weapon: true, form: 'complete', origin: 'joint-development', partners: ['GB', 'IT'], program: 'GCAP' },
      { form: 'complete', function: 'transport' },
      { defenseEquipment: true, weapon: true, form: 'complete', function: 'other', origin: 'licensed-production', licensor: 'SELF' },
    ];
    let compared = 0;
    for (const v of engine.regimes()) {
      const asOf = v.from ?? '2023-03-10';
      for (const c of COUNTRIES) {
        for (const item of items) {
          for (const purpose of [undefined, 'aid-against-aggression', 'sdf-support'] as const) {
            // A licensor equal to the recipient reaches the licensed-production cases and their exceptions everywhere.
            const it = item.licensor === 'SELF' ? { ...item, licensor: c.code } : item;
            const req = { asOf, recipient: c.code, item: it, ...(purpose ? { purpose } : {}) } as import('./model.ts').TransferRequest;
            const fast = engine.evaluate(req, { regime: v.id, trace: false });
            const full = engine.evaluate(req, { regime: v.id });
            expect(fast).toEqual(untraced(full));
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(70_000);
  }, 120_000);
});
