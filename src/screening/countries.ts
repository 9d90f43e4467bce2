// Country names as the UN list and users write them, to ISO 3166-1 alpha-2. Pure.
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

/** UN formal names that the country library does not know. */
const EXTRA: Record<string, string> = {
  "democratic people's republic of korea": 'KP',
  'democratic peoples republic of korea': 'KP',
  'dprk': 'KP',
  'north korea': 'KP',
  'republic of korea': 'KR',
  'united kingdom of great britain and northern ireland': 'GB',
  'united kingdom': 'GB',
  'uk': 'GB',
  'viet nam': 'VN',
  'lao peoples democratic republic': 'LA',
  'republic of moldova': 'MD',
  'state of palestine': 'PS',
  'palestinian territory': 'PS',
  'occupied palestinian territory': 'PS',
  'usa': 'US',
  'united states of america': 'US',
  'kosovo': 'XK',
  'turkiye': 'TR',
  'czechia': 'CZ',
  'british virgin islands': 'VG',
  'syria': 'SY',
  'laos': 'LA',
  'east timor': 'TL',
  'russia': 'RU',
  'iran': 'IR',
  'vatican': 'VA',
  'ivory coast': 'CI',
  'cape verde': 'CV',
  'swaziland': 'SZ',
  'burma': 'MM',
  'macedonia': 'MK',
  'brunei': 'BN',
  'micronesia': 'FM',
  'palestine': 'PS',
  'tanzania': 'TZ',
  'bolivia': 'BO',
  'venezuela': 'VE',
  'moldova': 'MD',
  'south korea': 'KR',
  'taiwan': 'TW',
  'china, hong kong special administrative region': 'HK',
  'china, macao special administrative region': 'MO',
};

const cache = new Map<string, string | undefined>();

/** ISO alpha-2 code for a country name or code, or undefined when it is not a country we know. */
export function countryCode(input: string): string | undefined {
  const key = input.trim();
  if (cache.has(key)) return cache.get(key);
  const code = lookup(key);
  cache.set(key, code);
  return code;
}

function lookup(s: string): string | undefined {
  if (!s) return undefined;
  if (/^[A-Za-z]{2}$/.test(s) && countries.isValid(s.toUpperCase())) return s.toUpperCase();
  if (/^[A-Za-z]{3}$/.test(s) && countries.isValid(s.toUpperCase())) return countries.alpha3ToAlpha2(s.toUpperCase());
  const folded = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’']/g, "'").trim();
  const candidates = [folded, folded.replace(/\s*\(.*?\)\s*/g, ' ').trim(), folded.replace(/'/g, ''), folded.replace(/^the /, '')];
  for (const c of candidates) {
    if (EXTRA[c]) return EXTRA[c];
    const code = countries.getAlpha2Code(c, 'en');
    if (code) return code;
  }
  return undefined;
}
