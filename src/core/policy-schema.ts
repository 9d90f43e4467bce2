import { z } from 'zod';

// The shape of policy/ once read from disk: plain objects, validated here so the core trusts nothing it is handed.

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.:_-]*$/, 'ids use letters, digits, ".", ":", "_" and "-"');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const textSchema = z.strictObject({ en: z.string().min(1), ja: z.string().min(1) });

export const sourceSchema = z.strictObject({
  id,
  title: textSchema,
  issuer: z.string().optional(),
  date: date.optional(),
  url: z.string().url().optional(),
  kind: z.enum(['primary', 'wire', 'secondary']).optional()
    .describe("primary: the issuer's own text or an official record; wire: a news agency or broadcaster; secondary: reproductions, databases, commentary. Unset counts as not primary"),
  confirmed: z.boolean().default(true),
  note: z.string().optional(),
});

const factValue = z.union([z.boolean(), z.string()]);
export const factEntrySchema = z.strictObject({
  from: date,
  to: date.nullable().optional(),
  value: factValue,
  source: id,
  confirmed: z.boolean(),
  note: z.string().optional(),
  covers: z.array(z.string().regex(/^ML([1-9]|1[0-9]|2[0-2])$/, 'expected ML1..ML22')).optional()
    .describe('for a measure on some item classes only: the Munitions List categories it reaches'),
});

export const DECIDERS = ['meti', 'nsc', 'cabinet', 'operator'] as const;

export const factSchema = z.strictObject({
  id,
  title: textSchema,
  description: textSchema.optional(),
  type: z.enum(['boolean', 'enum']),
  values: z.array(z.string()).optional(),
  valueLabels: z.record(z.string(), textSchema).optional().describe('an enum fact: each value in words, as a reader sees it'),
  default: factValue,
  defaultNote: textSchema,
  maintainedBy: z.enum(['law', 'un', 'operator']),
  exhaustive: z.boolean().describe('true: the list records every country for which the fact holds, so absence takes the default; false: absence is unknown'),
  decidedBy: z.enum(DECIDERS).optional().describe('who decides for a country the list does not record (required when not exhaustive)'),
  listDate: date,
  series: z.record(z.string().regex(/^[A-Z]{2}$/), z.array(factEntrySchema)),
});

/** The rule condition language; see docs/policy-authoring.md. */
export type Expr =
  | boolean
  | { all: Expr[] }
  | { any: Expr[] }
  | { not: Expr }
  | { fact: string; is?: boolean | string | string[]; of?: 'recipient' | 'licensor' }
  | { item: string; is: boolean | string | string[] }
  | { purpose: string | string[] }
  | { transferor: string | string[] }
  | { covers: string }
  | { endUser: 'type'; is: string | string[] }
  | { recipient: string[] }
  | { recipientIn: 'licensor' | 'partners' }
  | { judgment: string; question: { en: string; ja: string }; by: string }
  | { asOf: { from?: string; to?: string } };

export const ITEM_FIELDS = ['defenseEquipment', 'etcoItem', 'weapon', 'form', 'function', 'origin', 'program', 'controlList', 'munitionType'] as const;
const scalarOrList = z.union([z.boolean(), z.string(), z.array(z.string()).min(1)]);
export const exprSchema: z.ZodType<Expr> = z.lazy(() =>
  z.union([
    z.boolean(),
    z.strictObject({ all: z.array(exprSchema).min(1) }),
    z.strictObject({ any: z.array(exprSchema).min(1) }),
    z.strictObject({ not: exprSchema }),
    z.strictObject({ fact: id, is: scalarOrList.optional(), of: z.enum(['recipient', 'licensor']).optional() }),
    z.strictObject({ item: z.enum(ITEM_FIELDS), is: scalarOrList }),
    z.strictObject({ purpose: z.union([z.string(), z.array(z.string()).min(1)]) }),
    z.strictObject({ transferor: z.union([z.string(), z.array(z.string()).min(1)]) }),
    z.strictObject({ covers: id }),
    z.strictObject({ endUser: z.literal('type'), is: z.union([z.string(), z.array(z.string()).min(1)]) }),
    z.strictObject({ recipient: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1) }),
    z.strictObject({ recipientIn: z.enum(['licensor', 'partners']) }),
    z.strictObject({ judgment: id, question: textSchema, by: z.string() }),
    z.strictObject({ asOf: z.strictObject({ from: date.optional(), to: date.optional() }).refine((p) => p.from !== undefined || p.to !== undefined, 'give from, to, or both') }),
  ]),
);

export const RULE_KINDS = ['scope', 'prohibition', 'permission', 'exception', 'requirement', 'default'] as const;
export const REVIEWS = ['meti', 'nsc', 'cabinet'] as const;

export const ruleSchema = z.strictObject({
  id,
  kind: z.enum(RULE_KINDS),
  title: textSchema,
  clause: textSchema,
  citations: z.array(id).min(1),
  when: exprSchema.default(true),
  defeats: z.array(id).optional(),
  outcome: z.enum(['prohibited', 'not_permitted', 'permissible']).optional(),
  review: z.enum(REVIEWS).optional(),
  conditions: z.array(id).optional(),
  /** The annual-report category an approval under this rule counts under: an id of policy/categories.yaml. */
  category: id.optional(),
  replaces: id.optional(),
  confirmed: z.boolean().default(true),
  note: z.string().optional(),
});

export const regimeSchema = z.strictObject({
  id,
  kind: z.enum(['regime', 'revision', 'draft']),
  title: textSchema,
  summary: textSchema.optional(),
  base: id.nullable().optional(),
  from: date.optional(),
  sources: z.array(id).min(1),
  rules: z.array(ruleSchema).default([]),
  repeal: z.array(id).default([]),
  facts: z.array(z.strictObject({ fact: id, country: z.string().regex(/^[A-Z]{2}$/), series: z.array(factEntrySchema) })).default([]),
  confirmed: z.boolean().default(true),
  note: z.string().optional(),
});

export const conditionSchema = z.strictObject({
  id,
  text: textSchema,
  source: id,
});

/** One sub-item of item 1 of Appended Table 1 of the Export Trade Control Order, with the ML categories it matches. */
export const classificationSchema = z.strictObject({
  code: z.string(),
  title: textSchema,
  ml: z.array(z.string().regex(/^ML([1-9]|1[0-9]|2[0-2])$/)).min(1),
  citations: z.array(id).min(1),
  note: z.string().optional(),
});

/** A law that may govern an item the rules on defense equipment do not cover, while it is in force. */
export const otherControlSchema = z.strictObject({
  id,
  title: textSchema,
  governs: textSchema,
  from: date,
  to: date.optional(),
  citations: z.array(id).min(1),
});

export type Source = z.infer<typeof sourceSchema>;
export type Classification = z.infer<typeof classificationSchema>;
export type OtherControlDoc = z.infer<typeof otherControlSchema>;
export type Fact = z.infer<typeof factSchema>;
export type FactEntry = z.infer<typeof factEntrySchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type RegimeDoc = z.infer<typeof regimeSchema>;
export type ConditionDoc = z.infer<typeof conditionSchema>;

/** What policy-files hands to the core: every file's parsed content, tagged with where it came from. */
export interface RawPolicy {
  sources: { file: string; data: unknown }[];
  facts: { file: string; data: unknown }[];
  regimes: { file: string; data: unknown }[];
  conditions: { file: string; data: unknown }[];
  classification?: { file: string; data: unknown }[];
  otherControls?: { file: string; data: unknown }[];
  scenarios?: { file: string; data: unknown }[];
  /** policy/categories.yaml: the annual report's categories. */
  categories?: { file: string; data: unknown }[];
}
