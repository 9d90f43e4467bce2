import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import ja from 'i18n-iso-countries/langs/ja.json' with { type: 'json' };
import type { CountryCode, Text } from './model.ts';

countries.registerLocale(en);
countries.registerLocale(ja);

// XK is a user-assigned code, not ISO 3166-1.
const NOT_ISO = new Set(['XK']);

export interface Country {
  code: CountryCode;
  numeric: string;
  name: Text;
}

export const COUNTRIES: readonly Country[] = Object.keys(countries.getAlpha2Codes())
  .filter((code) => !NOT_ISO.has(code))
  .sort()
  .map((code) => ({
    code,
    numeric: countries.alpha2ToNumeric(code) ?? '',
    name: { en: countries.getName(code, 'en') ?? code, ja: countries.getName(code, 'ja') ?? code },
  }));

const BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));

export function country(code: CountryCode): Country | undefined {
  return BY_CODE.get(code);
}

export function isCountry(code: string): boolean {
  return BY_CODE.has(code);
}

export function countryName(code: CountryCode, lang: 'en' | 'ja'): string {
  return BY_CODE.get(code)?.name[lang] ?? code;
}
