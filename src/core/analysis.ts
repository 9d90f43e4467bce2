import { ALL_COUNTRIES, atomsOf, countrySignature, factsRead, literalCountries, purposeLabel, rulesOf, startOf } from './domain.ts';
import type { CompiledRule, Engine, Version } from './engine.ts';
import { RuleValues } from './evaluate.ts';
import { F, T, U, type Recorder } from './expr.ts';
import type { FactTable } from './facts.ts';
import type { ItemClass } from './items.ts';
import { requestFor } from './matrix.ts';
import { EARLIEST_DATE } from './request.ts';
import { END_USER_TYPES, PURPOSES, type CountryCode, type EndUserType, type IsoDate, type Purpose, type TransferRequest } from './model.ts';
import { addDays } from './facts.ts';

// Static checks over the same finite domain as diff: for every version of the law, every date on which some fact
// changes, every group of countries that reads alike, every item class, purpose and end-user type that a rule can
// tell apart. Rules are run as the engine runs them (own condition, then the exceptions that defeat it).

export type FindingCode = 'never_fires' | 'only_open' | 'always_shadowed' | 'p1_contradiction' | 'no_regime';

export interface Finding {
  code: FindingCode;
  severity: 'error' | 'warning' | 'info';
  rule: string | null;
  versions: string[]; // the versions of the law in which it holds
  message: string;
  witness: TransferRequest | null;
  witnessItem?: string;
  witnessRegime?: string; // the version the witness is evaluated under
}

export interface Analysis {
  findings: Finding[];
  points: number; // requests run through every rule of their version
  versions: number;
}

interface Point {
  req: TransferRequest;
  item: string;
}

interface RuleStats {
  ownT?: Point;
  ownU?: Point;
  effT?: Point;
  shadowed?: { point: Point; by: string[] };
}

/** `from`, and every later date up to `to` on which one of the facts changes for some country. */
function datesIn(table: FactTable, facts: readonly string[], from: IsoDate, to: IsoDate | null): IsoDate[] {
  const set = new Set<IsoDate>();
  for (const f of facts) {
    for (const cc of table.countriesOf(f)) {
      for (const e of table.entries(f, cc)) {
        set.add(e.from);
        if (e.to) set.add(addDays(e.to, 1));
      }
    }
  }
  return [from, ...[...set].filter((d) => d > from && (to === null || d <= to)).sort()];
}

/** Purposes the version's rules name and none (an unnamed purpose reads like none); end-user types named, one unnamed, and none. */
function choices(version: Version): { purposes: (Purpose | undefined)[]; endUsers: (EndUserType | undefined)[] } {
  const purposes = new Set<string>();
  const endUsers = new Set<string>();
  for (const a of atomsOf(rulesOf(version))) {
    if ('purpose' in a) (Array.isArray(a.purpose) ? a.purpose : [a.purpose]).forEach((p) => purposes.add(p));
    if ('endUser' in a) (Array.isArray(a.is) ? a.is : [a.is]).forEach((t) => endUsers.add(t));
  }
  const otherUser = END_USER_TYPES.find((t) => !endUsers.has(t));
  return {
    purposes: [...PURPOSES.filter((p) => purposes.has(p)), undefined],
    endUsers: [...END_USER_TYPES.filter((t) => endUsers.has(t)), ...(otherUser ? [otherUser] : []), undefined],
  };
}

/** One item class per distinct view the version's rules have of items. */
function distinctItems(version: Version, items: readonly ItemClass[]): ItemClass[] {
  const atoms = atomsOf(rulesOf(version));
  const fields = [...new Set(atoms.flatMap((a) => ('item' in a ? [a.item] : [])))].sort() as (keyof ItemClass['item'])[];
  const relational = atoms.some((a) => 'recipientIn' in a || ('fact' in a && a.of === 'licensor'));
  const seen = new Set<string>();
  return items.filter((c) => {
    const key = JSON.stringify([...fields.map((f) => c.item[f] ?? null), ...(relational ? [c.item.licensor ?? null, c.item.partners ?? null] : [])]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One representative (country, date) per distinct view the version's rules have of the world within its period. */
function representatives(engine: Engine, version: Version, items: readonly ItemClass[]): { cc: CountryCode; date: IsoDate }[] {
  const rules = rulesOf(version);
  const literal = literalCountries(rules, items);
  const read = factsRead(rules);
  const seen = new Set<string>();
  const out: { cc: CountryCode; date: IsoDate }[] = [];
  const licensors = [...new Set(items.flatMap((c) => (c.item.licensor ? [c.item.licensor] : [])))];
  for (const date of datesIn(version.facts, [...read.recipient, ...read.licensor], startOf(engine, version), version.info.to)) {
    // A rule about the licensor sees the licensor's facts, the same for every recipient on the date.
    const world = read.licensor.length ? licensors.map((l) => countrySignature(version.facts, read.licensor, new Set(), l, date)).join('/') : '';
    for (const cc of ALL_COUNTRIES) {
      const key = `${world}#${countrySignature(version.facts, read.recipient, literal, cc, date)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ cc, date });
    }
  }
  return out;
}

/** Each rule's own value and its value once the exceptions against it are applied, as Engine.evaluate computes them. */
export function ruleValues(version: Version, req: TransferRequest, reuse?: { own: Int8Array; effective: Int8Array }): { own: Int8Array; effective: Int8Array } {
  const ev = new RuleValues(version, req, { reuse }).all();
  return { own: ev.own, effective: ev.effective };
}

/** How many of a rule's tests hold for a request: the nearest miss makes the best witness for a rule that never fires. */
function testsHeld(version: Version, c: CompiledRule, req: TransferRequest): number {
  const rec: Recorder = { tests: [], open: [], facts: new Map() };
  c.when({ req, date: req.asOf, facts: version.facts, rec });
  return rec.tests.filter((t) => t.value === 'true').length - rec.tests.filter((t) => t.value === 'false').length;
}

const describe = (p: Point) => `${p.req.recipient} on ${p.req.asOf}, ${p.item}, purpose ${purposeLabel(p.req.purpose)}, end user ${p.req.endUser?.type ?? 'unstated'}`;

/** Rules that can never fire, rules always shadowed, Principle 1 contradictions and dates without law. */
export function analyse(engine: Engine, items: readonly ItemClass[], opts: { onProgress?: (done: number, total: number) => void } = {}): Analysis {
  const findings: Finding[] = [];
  const versions = [...engine.regimes().map((r) => engine.version(r.id)!)];

  const first = engine.versionOn(EARLIEST_DATE);
  if (!first) {
    const start = engine.regimes().find((r) => r.kind !== 'draft')?.from;
    findings.push({
      code: 'no_regime', severity: 'error', rule: null, versions: [],
      message: `no regime is in force from ${EARLIEST_DATE}${start ? ` to ${addDays(start, -1)}` : ' on'}, yet requests on those dates are accepted`,
      witness: items[0] ? requestFor(ALL_COUNTRIES[0], items[0], EARLIEST_DATE) : null, witnessItem: items[0]?.id,
    });
  }

  const plan = versions.map((v) => ({ version: v, reps: representatives(engine, v, items), items: distinctItems(v, items), ...choices(v) }));
  const total = plan.reduce((n, p) => n + p.reps.length * p.items.length * p.purposes.length * p.endUsers.length, 0);
  let done = 0;
  // Per rule, per version: what was seen; merged into findings below.
  const stats = new Map<string, Map<string, RuleStats>>();
  const contradictions = new Map<string, { point: Point; version: string; versions: Set<string> }>();

  for (const { version, reps, items: distinct, purposes, endUsers } of plan) {
    const byIndex: RuleStats[] = version.rules.map(() => ({}));
    stats.set(version.info.id, new Map(version.rules.map((c) => [c.rule.id, byIndex[c.index]])));
    const permissions = version.byKind.permission;
    const prohibitions = version.byKind.prohibition;
    const buffers = { own: new Int8Array(version.rules.length), effective: new Int8Array(version.rules.length) };
    for (const { cc, date } of reps) {
      for (const item of distinct) {
        for (const p of purposes) {
          for (const eu of endUsers) {
            const req = requestFor(cc, item, date, p, eu);
            const { own, effective } = ruleValues(version, req, buffers);
            done++;
            if (done % 2048 === 0) opts.onProgress?.(done, total);
            const point: Point = { req, item: item.id };
            for (const c of version.rules) {
              const s = byIndex[c.index];
              const o = own[c.index];
              if (o === T) s.ownT ??= point;
              else if (o === U) s.ownU ??= point;
              if (effective[c.index] === T) s.effT ??= point;
              else if (o === T && !s.shadowed) s.shadowed = { point, by: c.defeatedBy.filter((d) => effective[d.index] !== F).map((d) => d.rule.id) };
            }
            for (const x of prohibitions) {
              if (own[x.index] !== T) continue;
              for (const perm of permissions) {
                if (effective[perm.index] !== T) continue;
                const key = `${perm.rule.id}\u0000${x.rule.id}`;
                const known = contradictions.get(key);
                if (known) known.versions.add(version.info.id);
                else contradictions.set(key, { point, version: version.info.id, versions: new Set([version.info.id]) });
              }
            }
          }
        }
      }
    }
  }
  opts.onProgress?.(total, total);

  // Merge the versions in which a rule behaves the same way into one finding.
  const perRule = new Map<string, { version: Version; s: RuleStats }[]>();
  for (const { version } of plan) {
    for (const c of version.rules) {
      if (c.rule.kind === 'default') continue;
      const list = perRule.get(c.rule.id) ?? [];
      list.push({ version, s: stats.get(version.info.id)!.get(c.rule.id)! });
      perRule.set(c.rule.id, list);
    }
  }
  for (const [id, list] of perRule) {
    const rule = engine.rule(id)!;
    const fired = list.filter((x) => x.s.effT);
    if (fired.length) continue;
    const shadowed = list.filter((x) => x.s.shadowed);
    const names = list.map((x) => x.version.info.id);
    if (shadowed.length) {
      const { point, by } = shadowed[0].s.shadowed!;
      findings.push({
        code: 'always_shadowed', severity: 'warning', rule: id, versions: names,
        message: `${id} (${rule.kind}) applies on its own terms but is always defeated by ${by.join(', ') || 'an exception'}; e.g. ${describe(point)}`,
        witness: point.req, witnessItem: point.item, witnessRegime: shadowed[0].version.info.id,
      });
      continue;
    }
    const open = list.find((x) => x.s.ownU);
    if (open) {
      const point = open.s.ownU!;
      findings.push({
        code: 'only_open', severity: 'info', rule: id, versions: names,
        message: `${id} (${rule.kind}) never applies outright: at best it leaves the decision open (a judgment or an unknown fact); e.g. ${describe(point)}`,
        witness: point.req, witnessItem: point.item, witnessRegime: open.version.info.id,
      });
      continue;
    }
    // The nearest miss: the request for which most of the rule's tests hold.
    let best: { point: Point; version: Version; score: number } | undefined;
    for (const { version } of list) {
      const c = version.rules.find((r) => r.rule.id === id)!;
      const plan1 = plan.find((p) => p.version === version)!;
      for (const { cc, date } of plan1.reps) {
        for (const item of plan1.items) {
          for (const p of plan1.purposes) {
            for (const eu of plan1.endUsers) {
              const req = requestFor(cc, item, date, p, eu);
              const score = testsHeld(version, c, req);
              if (!best || score > best.score) best = { point: { req, item: item.id }, version, score };
            }
          }
        }
      }
    }
    const span = `${startOf(engine, list[0].version)}..${list[list.length - 1].version.info.to ?? ''}`;
    // Say which recorded fact never takes the value the rule asks for, the usual reason a rule lies dormant.
    const dormant = atomsOf([rule]).flatMap((a) => {
      if (!('fact' in a) || a.of === 'licensor') return [];
      const wanted = a.is === undefined ? [true] : Array.isArray(a.is) ? a.is : [a.is];
      const held = list.some(({ version }) => plan.find((p) => p.version === version)!.reps.some(({ cc, date }) => wanted.includes(version.facts.value(a.fact, cc, date) as string)));
      return held ? [] : [`no country has ${a.fact} = ${wanted.join(' or ')}`];
    });
    findings.push({
      code: 'never_fires', severity: 'warning', rule: id, versions: names,
      message: `${id} (${rule.kind}) never applies to any country, date, item class, purpose or end user while in force (${span})${dormant.length ? `: ${dormant.join('; ')}` : ''}; nearest miss: ${best ? describe(best.point) : 'none'}`,
      witness: best?.point.req ?? null, witnessItem: best?.point.item, witnessRegime: best?.version.info.id,
    });
  }

  for (const [key, { point, version, versions: vs }] of contradictions) {
    const [perm, prohib] = key.split('\u0000');
    findings.push({
      code: 'p1_contradiction', severity: 'warning', rule: perm, versions: [...vs],
      message: `${perm} permits a transfer that ${prohib} prohibits, and no exception to ${perm} says so (the prohibition wins); e.g. ${describe(point)}`,
      witness: point.req, witnessItem: point.item, witnessRegime: version,
    });
  }
  const order: FindingCode[] = ['no_regime', 'never_fires', 'always_shadowed', 'p1_contradiction', 'only_open'];
  findings.sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code) || ((a.rule ?? '') < (b.rule ?? '') ? -1 : 1));
  return { findings, points: done, versions: plan.length };
}
