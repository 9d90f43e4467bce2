import { z } from 'zod';
import { isCountry } from './countries.ts';
import {
  END_USER_TYPES, ETCO_ITEM1, FORMS, FUNCTIONS, MUNITION_TYPES, ORIGINS, PURPOSES, TRANSFERORS,
  type Problem, type Result, type TransferRequest,
} from './model.ts';

/** The earliest date any regime covers: the Foreign Exchange and Foreign Trade Control Law and the Export Trade Control Order took effect (ADR 0004). */
export const EARLIEST_DATE = '1949-12-01';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD').refine(isRealDate, 'not a real calendar date');
export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as "UA"').refine(isCountry, 'unknown ISO 3166-1 country code');

export const itemSchema = z.strictObject({
  name: z.string().max(500).optional(),
  defenseEquipment: z.boolean().optional().describe('true: defense equipment or technology (item 1 of the Appended Tables); false: not (out of scope); absent means unknown, or true when etcoItem is given'),
  etcoItem: z.enum(ETCO_ITEM1).optional().describe('Export Trade Control Order, Appended Table 1, item 1, sub-item: "1".."17" or "13-2"'),
  weapon: z.boolean().optional().describe('lethal, directly used in combat; absent means unknown'),
  form: z.enum(FORMS).optional(),
  function: z.enum(FUNCTIONS).optional(),
  origin: z.enum(ORIGINS).optional(),
  partners: z.array(countryCode).max(50).optional(),
  licensor: countryCode.optional(),
  program: z.string().max(100).optional(),
  controlList: z.string().regex(/^ML([1-9]|1[0-9]|2[0-2])[a-z]?$/, 'expected a Munitions List category ML1..ML22').optional(),
  munitionType: z.enum(MUNITION_TYPES).optional().describe('treaty-banned type, or "other" for none of them; absent means none for a non-weapon, unknown for a weapon or an item whose weapon status is unstated'),
}).refine((i) => !(i.etcoItem && i.defenseEquipment === false), { path: ['defenseEquipment'], message: 'an item classified under item 1 of Appended Table 1 (etcoItem) is defense equipment' });

export const transferRequestSchema = z.strictObject({
  asOf: isoDate.refine((d) => d >= EARLIEST_DATE, `no regime before ${EARLIEST_DATE}`).optional(),
  recipient: countryCode,
  endUser: z.strictObject({ name: z.string().max(500).optional(), type: z.enum(END_USER_TYPES).optional() }).optional(),
  item: itemSchema,
  purpose: z.enum(PURPOSES).optional(),
  transferor: z.enum(TRANSFERORS).optional().describe('who transfers: defense-minister (e.g. SDF Act art. 116-3), government, company; absent means unknown'),
});

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function toProblems(error: z.ZodError, prefix = ''): Problem[] {
  const join = (parts: PropertyKey[]) => [prefix, ...parts.map(String)].filter(Boolean).join('.') || '(root)';
  return error.issues.flatMap((issue): Problem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ code: 'unknown_field', path: join([...issue.path, key]), message: `unknown field "${key}"` }));
    }
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    const code = missing ? 'required' : issue.code === 'invalid_type' ? 'wrong_type' : issue.code === 'custom' ? 'invalid_value' : issue.code;
    return [{ code, path: join(issue.path), message: missing ? 'required field is missing' : issue.message }];
  });
}

/** Validates untrusted input into a TransferRequest, listing every problem. `today` fills a missing asOf. */
export function parseRequest(input: unknown, opts: { today: string }): Result<TransferRequest> {
  const parsed = transferRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: toProblems(parsed.error) };
  const { asOf, ...rest } = parsed.data;
  return { ok: true, value: { asOf: asOf ?? opts.today, ...rest } };
}

const contextSchema = transferRequestSchema.pick({ asOf: true, purpose: true, endUser: true, transferor: true });

/** The parts of a request that are the same for every cell of a matrix: date, purpose, end user, transferor; same rules as a request. */
export function parseContext(input: unknown, opts: { today: string }): Result<{ asOf: string; purpose?: TransferRequest['purpose']; endUser?: TransferRequest['endUser']; transferor?: TransferRequest['transferor'] }> {
  const parsed = contextSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: toProblems(parsed.error) };
  return { ok: true, value: { ...parsed.data, asOf: parsed.data.asOf ?? opts.today } };
}
