// Reviewed names of listed entries that the lists do not carry (Japanese names from government notices and the
// press), read from CSV: reference,name,source. Pure: takes the text, returns the names or the problems found.
import { parseCsv } from './csv.ts';
import type { ExtraName, Problem, Result } from './types.ts';

/** Reads `reference,name,source` rows; every row needs all three, and the source must be a web address. */
export function parseExtraNames(text: string, lang: string): Result<ExtraName[]> {
  const problems: Problem[] = [];
  const out: ExtraName[] = [];
  parseCsv(text).forEach((row, i) => {
    const path = `row ${i + 2}`;
    const referenceNumber = (row['reference'] ?? '').trim();
    const name = (row['name'] ?? '').trim();
    const source = (row['source'] ?? '').trim();
    if (!referenceNumber) problems.push({ code: 'names.reference_required', path, message: 'a reference number (e.g. KPe.047) is required' });
    if (!name) problems.push({ code: 'names.name_required', path, message: 'the name is required' });
    if (!/^https?:\/\/\S+$/.test(source)) problems.push({ code: 'names.source_required', path, message: 'the source must be the address of the notice or article that writes the name' });
    if (referenceNumber && name && /^https?:\/\//.test(source)) out.push({ referenceNumber, name, lang, source });
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: out };
}
