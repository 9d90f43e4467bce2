// Public API of sanctions screening: import and diff lists, build the index, screen parties.
export { parseUnList, diffLists, summarizeList, UN_SOURCE } from './un-list.ts';
export { buildIndex, type ScreeningIndex, type IndexedName, type NameQuality } from './search-index.ts';
export { screen, validateQuery, parseDate, DEFAULTS, PENALTIES, type ScreeningQuery, type ScreeningOptions, type ScreeningMatch, type Feature } from './screen.ts';
export { compareNames, prepareName, NAME_PARAMS, type NameComparison, type PreparedName } from './compare.ts';
export { normalizeName, type NormalizedName } from './normalize.ts';
export { countryCode } from './countries.ts';
export { parseCsv } from './csv.ts';
export { parseAnyList, parseCsvList, parseJsonList, listFormat, mergeLists, type ListFormat } from './other-list.ts';
export { parseExtraNames } from './extra-names.ts';
export type * from './types.ts';
