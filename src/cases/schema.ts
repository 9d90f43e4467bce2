// Validation schemas for case input: the same zod objects validate requests and feed the OpenAPI document.
import { z } from 'zod';
import { END_USER_TYPES, PURPOSES } from '../core/model.ts';
import { countryCode, EARLIEST_DATE, isoDate, itemSchema, transferRequestSchema } from '../core/request.ts';
import { CASE_ACTIONS, CASE_STATUSES, CONSENT_KINDS, ROLES } from './model.ts';

const line = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const version = z.int().min(1).optional().describe('the version you last read; a stale one gives 409 with the current state');

export const partySchema = z.strictObject({
  name: line(300),
  address: z.string().max(1000).optional(),
  type: z.enum(END_USER_TYPES),
  country: countryCode.optional(),
});

export const itemLineSchema = z.strictObject({
  item: itemSchema,
  quantity: z.int().min(1).max(1_000_000_000),
  valueJpy: z.int().min(0).max(1_000_000_000_000_000).describe('value in Japanese yen'),
});

export const caseApplicationSchema = z.strictObject({
  recipient: countryCode.describe('destination country'),
  purpose: z.enum(PURPOSES).optional(),
  transferor: transferRequestSchema.shape.transferor, // the engine's own field, so both documents say the same
  endUser: partySchema,
  consignees: z.array(partySchema).max(50).default([]),
  items: z.array(itemLineSchema).min(1, 'a case needs at least one item').max(200),
  route: z.array(z.strictObject({ country: countryCode, place: z.string().max(300).optional() })).max(30).default([])
    .describe('transit legs in order'),
  justification: z.string().max(20_000).default(''),
});

export const caseUpdateSchema = caseApplicationSchema.extend({ version });

export const documentSchema = z.strictObject({
  name: line(300),
  mediaType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'expected a media type such as application/pdf').max(200),
  contentBase64: z.base64().max(8_000_000).optional().describe('the file; only its hash and size are kept'),
  sha256: z.string().regex(/^(sha256:)?[0-9a-f]{64}$/, 'expected a hex sha256 digest').optional().describe('instead of contentBase64'),
  size: z.int().min(0).optional().describe('with sha256'),
  version,
}).refine((d) => (d.contentBase64 !== undefined) !== (d.sha256 !== undefined && d.size !== undefined), {
  message: 'give either contentBase64, or sha256 and size', path: ['contentBase64'],
});

export const transitionSchema = z.strictObject({
  action: z.enum(CASE_ACTIONS),
  reason: z.string().trim().max(10_000).optional(),
  version,
  conditions: z.array(line(2000)).max(50).optional().describe('approve: conditions beyond those the decision attaches'),
  licence: z.strictObject({
    validUntil: isoDate.optional(),
    lines: z.array(z.strictObject({ item: z.int().min(0), quantity: z.int().min(0), valueJpy: z.int().min(0) })).max(200).optional()
      .describe('authorised amounts, at most those applied for; default: as applied for'),
  }).optional(),
});

export const shipmentSchema = z.strictObject({
  date: isoDate,
  lines: z.array(z.strictObject({ item: z.int().min(0), quantity: z.int().min(0), valueJpy: z.int().min(0) })).min(1).max(200),
  note: z.string().max(2000).optional(),
  version,
});

export const consentSchema = z.strictObject({
  kind: z.enum(CONSENT_KINDS),
  recipient: countryCode.describe('for a third-party transfer, the third country; for extra-purpose use, the current holder'),
  endUser: partySchema.optional(),
  purpose: z.enum(PURPOSES).optional(),
  asOf: isoDate.refine((d) => d >= EARLIEST_DATE, `no regime before ${EARLIEST_DATE}`).optional().describe('the date the consent would take effect; default: today'),
  justification: line(20_000),
});

export const consentDecisionSchema = z.strictObject({
  outcome: z.enum(['approved', 'denied']),
  reason: line(10_000),
  conditions: z.array(line(2000)).max(50).optional(),
  version,
});

export const caseListQuery = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export const userCreateSchema = z.strictObject({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'lowercase letters, digits, dot, dash, underscore; 2-63 characters'),
  password: z.string().min(12, 'at least 12 characters').max(1000),
  role: z.enum(ROLES),
  org: z.string().trim().min(1).max(200).optional(),
});

export const userUpdateSchema = z.strictObject({
  role: z.enum(ROLES).optional(),
  org: z.string().trim().min(1).max(200).nullable().optional(),
  disabled: z.boolean().optional(),
  password: z.string().min(12, 'at least 12 characters').max(1000).optional(),
  version,
});

export const loginSchema = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
});

export const tokenSchema = z.strictObject({
  label: line(200),
  days: z.int().min(1).max(365).default(90),
});

export type CaseApplicationInput = z.output<typeof caseApplicationSchema>;

export const dispositionSchema = z.strictObject({
  party: z.string().regex(/^(endUser|consignees\.\d{1,2})$/, 'endUser or consignees.N').describe('the screened party, as in the case screening'),
  referenceNumber: z.string().min(1).max(50).describe('the list entry the hit is on, e.g. KPe.001'),
  verdict: z.enum(['false_positive', 'true_match']),
  reason: line(10_000),
  version,
});
