import { COUNTRIES } from './countries.ts';
import type { Engine, Version } from './engine.ts';
import type { FactTable } from './facts.ts';
import type { ItemClass } from './items.ts';
import { EARLIEST_DATE } from './request.ts';
import { PURPOSES, type CountryCode, type IsoDate, type Purpose } from './model.ts';
import type { Expr, Rule } from './policy-schema.ts';

// The finite domain that matrix, diff and the static checks enumerate: countries x item classes x purposes.
// Countries that read the same facts on a date decide alike, because rules see a country only through its facts,
// the literal lists that name it, and the licensor/partners of the item; so one representative per group is enough.

/** Every stated purpose, and none. */
export const ALL_PURPOSES: readonly (Purpose | undefined)[] = [...PURPOSES, undefined];
export const purposeLabel = (p: Purpose | undefined): string => p ?? 'none';
export const ALL_COUNTRIES: readonly CountryCode[] = COUNTRIES.map((c) => c.code);

function walk(expr: Expr, visit: (e: Exclude<Expr, boolean>) => void): void {
  if (typeof expr === 'boolean') return;
  visit(expr);
  if ('all' in expr) expr.all.forEach((e) => walk(e, visit));
  else if ('any' in expr) expr.any.forEach((e) => walk(e, visit));
  else if ('not' in expr) walk(expr.not, visit);
}

/** Each sub-expression of the rules' conditions, in order. */
export function atomsOf(rules: readonly Rule[]): Exclude<Expr, boolean>[] {
  const out: Exclude<Expr, boolean>[] = [];
  for (const r of rules) walk(r.when, (e) => out.push(e));
  return out;
}

/** Fact ids the rules read, about the recipient and about the item's licensor. */
export function factsRead(rules: readonly Rule[]): { recipient: string[]; licensor: string[] } {
  const recipient = new Set<string>();
  const licensor = new Set<string>();
  for (const a of atomsOf(rules)) {
    if ('fact' in a) (a.of === 'licensor' ? licensor : recipient).add(a.fact);
    else if ('covers' in a) recipient.add(a.covers);
  }
  return { recipient: [...recipient].sort(), licensor: [...licensor].sort() };
}

/** Every fact the rules read of a country, as recipient or as licensor (which may be the recipient). */
export function factsOfCountry(rules: readonly Rule[]): string[] {
  const f = factsRead(rules);
  return [...new Set([...f.recipient, ...f.licensor])].sort();
}

/** Countries that a rule names literally or an item class names as licensor or partner: each is its own group. */
export function literalCountries(rules: readonly Rule[], items: readonly ItemClass[]): Set<CountryCode> {
  const out = new Set<CountryCode>();
  for (const a of atomsOf(rules)) if ('recipient' in a) a.recipient.forEach((c) => out.add(c));
  for (const c of items) {
    if (c.item.licensor) out.add(c.item.licensor);
    c.item.partners?.forEach((p) => out.add(p));
  }
  return out;
}

export const rulesOf = (v: Version): Rule[] => v.rules.map((c) => c.rule);

/** What a version's rules can see of a country on a date. */
export function countrySignature(table: FactTable, facts: readonly string[], literal: ReadonlySet<CountryCode>, cc: CountryCode, date: IsoDate): string {
  let s = literal.has(cc) ? cc : '-';
  // A measure on some item classes is seen with the categories it covers.
  for (const f of facts) {
    const { value, entry } = table.read(f, cc, date);
    s += `|${String(value)}${entry?.covers ? `:${entry.covers.join(',')}` : ''}`;
  }
  return s;
}

/** One law applied on one date: the version (in force, or named) and the date its facts are read on. */
export interface World {
  version: Version;
  date: IsoDate;
}

export interface CountryGroup {
  representative: CountryCode;
  countries: CountryCode[];
}

/** Groups countries that every given world sees alike; rules compared across worlds need the joint signature. */
export function groupCountries(worlds: readonly World[], items: readonly ItemClass[], countries: readonly CountryCode[] = ALL_COUNTRIES): CountryGroup[] {
  const allRules = worlds.flatMap((w) => rulesOf(w.version));
  const literal = literalCountries(allRules, items);
  // A fact read of the licensor is read of the recipient too when the recipient licensed the item.
  const facts = worlds.map((w) => factsOfCountry(rulesOf(w.version)));
  const groups = new Map<string, CountryGroup>();
  for (const cc of countries) {
    const key = worlds.map((w, i) => countrySignature(w.version.facts, facts[i], literal, cc, w.date)).join('#');
    const g = groups.get(key);
    if (g) g.countries.push(cc);
    else groups.set(key, { representative: cc, countries: [cc] });
  }
  return [...groups.values()];
}

/** The day a version starts to apply: its own date, or for a draft that of the version it overlays. */
export function startOf(engine: Engine, version: Version): IsoDate {
  let v: Version | undefined = version;
  while (v) {
    if (v.info.from) return v.info.from;
    v = v.info.base ? engine.version(v.info.base) : undefined;
  }
  return EARLIEST_DATE;
}
