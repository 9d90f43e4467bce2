import { ALL_PURPOSES, groupCountries, purposeLabel, startOf, type World } from './domain.ts';
import type { Engine } from './engine.ts';
import type { ItemClass } from './items.ts';
import { requestFor } from './matrix.ts';
import { EARLIEST_DATE } from './request.ts';
import type { CountryCode, EndUserType, IsoDate, Outcome, Problem, Purpose, Result } from './model.ts';

/** One side of a comparison: the law in force on a date, or a named regime, revision or draft applied on a date. */
export interface Side {
  spec: string; // as the user wrote it
  date: IsoDate;
  regime?: string; // undefined: the law in force on `date`
}

export interface SideInfo extends Side {
  revision: string; // the version actually applied
  kind: 'regime' | 'revision' | 'draft';
}

export interface DiffRow {
  recipient: CountryCode;
  item: string;
  purpose: string; // a purpose, or "none"
  from: Outcome;
  to: Outcome;
  rules: string[]; // the rules that made the difference
}

export interface DiffResult {
  from: SideInfo;
  to: SideInfo;
  compared: number; // cells compared: countries x items x purposes
  evaluations: number; // evaluations actually run, one per country group, item, purpose and side
  groups: number;
  changes: DiffRow[];
}

export interface DiffOptions {
  items: readonly ItemClass[];
  purposes?: readonly (Purpose | undefined)[];
  endUserType?: EndUserType;
  countries?: readonly CountryCode[];
  onProgress?: (done: number, total: number) => void;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function realDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * Reads FROM and TO: a date (the law in force then), a regime/revision/draft id, or ID@DATE.
 * An id alone is applied on the other side's date; two bare ids are compared on the later one's start date,
 * so that only the law differs.
 */
export function resolveSides(engine: Engine, fromSpec: string, toSpec: string): Result<[Side, Side]> {
  const problems: Problem[] = [];
  const parse = (spec: string, path: string): { date?: IsoDate; regime?: string } => {
    const [id, at] = spec.includes('@') ? spec.split('@', 2) : DATE.test(spec) ? [undefined, spec] : [spec, undefined];
    const out: { date?: IsoDate; regime?: string } = {};
    if (at !== undefined) {
      if (!DATE.test(at) || !realDate(at)) problems.push({ code: 'invalid_value', path, message: `"${at}" is not a date YYYY-MM-DD` });
      else if (at < EARLIEST_DATE) problems.push({ code: 'invalid_value', path, message: `no regime before ${EARLIEST_DATE}` });
      else out.date = at;
    }
    if (id !== undefined) {
      if (!engine.version(id)) problems.push({ code: 'unknown_regime', path, message: `no regime, revision or draft "${id}"; see "gensoku regimes"` });
      else out.regime = id;
    }
    return out;
  };
  const a = parse(fromSpec, 'from');
  const b = parse(toSpec, 'to');
  if (problems.length) return { ok: false, problems };
  const startOfId = (id: string) => startOf(engine, engine.version(id)!);
  const fallback = [a.regime, b.regime].filter((x): x is string => !!x).map(startOfId).sort().at(-1) ?? EARLIEST_DATE;
  const dateA = a.date ?? b.date ?? fallback;
  const dateB = b.date ?? a.date ?? fallback;
  return { ok: true, value: [{ spec: fromSpec, date: dateA, regime: a.regime }, { spec: toSpec, date: dateB, regime: b.regime }] };
}

/** A side with the version it applies. */
export function sideInfo(engine: Engine, side: Side): SideInfo {
  const v = side.regime ? engine.version(side.regime)! : engine.versionOn(side.date)!;
  return { ...side, revision: v.info.id, kind: v.info.kind };
}

/** The rules that made the difference: deciding rules on one side and not the other, defaults only if nothing else. */
function cause(engine: Engine, a: readonly string[], b: readonly string[]): string[] {
  const changed = [...b.filter((r) => !a.includes(r)), ...a.filter((r) => !b.includes(r))];
  const specific = changed.filter((r) => engine.rule(r)?.kind !== 'default');
  return specific.length ? specific : changed.length ? changed : [...new Set([...a, ...b])];
}

/** Every (country, item class, purpose) whose outcome differs between two sides, over the whole finite domain. */
export function diff(engine: Engine, from: Side, to: Side, opts: DiffOptions): DiffResult {
  const fromInfo = sideInfo(engine, from);
  const toInfo = sideInfo(engine, to);
  const worlds: World[] = [
    { version: engine.version(fromInfo.revision)!, date: from.date },
    { version: engine.version(toInfo.revision)!, date: to.date },
  ];
  const purposes = opts.purposes ?? ALL_PURPOSES;
  const groups = groupCountries(worlds, opts.items, opts.countries);
  const total = groups.length * opts.items.length * purposes.length;
  const changes: DiffRow[] = [];
  let done = 0;
  let countries = 0;
  for (const g of groups) {
    countries += g.countries.length;
    for (const item of opts.items) {
      for (const p of purposes) {
        const a = engine.evaluate(requestFor(g.representative, item, from.date, p, opts.endUserType), { regime: from.regime, trace: false });
        const b = engine.evaluate(requestFor(g.representative, item, to.date, p, opts.endUserType), { regime: to.regime, trace: false });
        done++;
        opts.onProgress?.(done, total);
        if (a.outcome === b.outcome) continue;
        const rules = cause(engine, a.reasons, b.reasons);
        for (const cc of g.countries) changes.push({ recipient: cc, item: item.id, purpose: purposeLabel(p), from: a.outcome, to: b.outcome, rules });
      }
    }
  }
  const order = (r: DiffRow) => `${r.recipient}\u0000${r.item}\u0000${r.purpose}`;
  changes.sort((x, y) => (order(x) < order(y) ? -1 : order(x) > order(y) ? 1 : 0));
  return { from: fromInfo, to: toInfo, compared: countries * opts.items.length * purposes.length, evaluations: done * 2, groups: groups.length, changes };
}

/** Every consecutive pair of dated versions, each compared on the day the later one took effect. */
export function boundaryPairs(engine: Engine): [Side, Side][] {
  const dated = engine.regimes().filter((r) => r.kind !== 'draft' && r.from);
  const pairs: [Side, Side][] = [];
  for (let i = 1; i < dated.length; i++) {
    const date = dated[i].from!;
    pairs.push([{ spec: dated[i - 1].id, date, regime: dated[i - 1].id }, { spec: dated[i].id, date, regime: dated[i].id }]);
  }
  return pairs;
}
