// The country list (ISO 3166-1, names in English and Japanese, numeric codes for the map), and search over it.
import { COUNTRIES, type Country } from '../../../src/core/countries.ts';
import type { Lang } from '../i18n/messages.ts';

export type { Country };
export { COUNTRIES };

const BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));
const BY_NUMERIC = new Map(COUNTRIES.filter((c) => c.numeric).map((c) => [c.numeric, c]));

export const countryByCode = (code: string): Country | undefined => BY_CODE.get(code.toUpperCase());
/** The map's features carry ISO numeric ids, sometimes without leading zeros. */
export const countryByNumeric = (id: string | number): Country | undefined => BY_NUMERIC.get(String(id).padStart(3, '0'));

export function countryName(code: string, lang: Lang): string {
  return BY_CODE.get(code)?.name[lang] ?? code;
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

/** Countries matching a query by code, numeric code, or either name; exact code first, then name prefix, then substring. */
export function searchCountries(query: string, lang: Lang, limit = 12): Country[] {
  const q = fold(query.trim());
  const byName = (a: Country, b: Country) => a.name[lang].localeCompare(b.name[lang], lang);
  if (!q) return [...COUNTRIES].sort(byName).slice(0, limit);
  const scored: { c: Country; score: number }[] = [];
  for (const c of COUNTRIES) {
    const en = fold(c.name.en);
    const ja = fold(c.name.ja);
    let score = -1;
    if (fold(c.code) === q || c.numeric === q.padStart(3, '0')) score = 0;
    else if (en.startsWith(q) || ja.startsWith(q)) score = 1;
    else if (en.split(/[\s,()-]+/).some((w) => w.startsWith(q))) score = 2;
    else if (en.includes(q) || ja.includes(q)) score = 3;
    if (score >= 0) scored.push({ c, score });
  }
  scored.sort((a, b) => a.score - b.score || byName(a.c, b.c));
  return scored.slice(0, limit).map((s) => s.c);
}
