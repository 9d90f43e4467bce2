// The categories METI's annual report counts approvals under, as policy data (policy/categories.yaml): their names,
// the report's own heading and its source. Rules name the category they count under; this checks both ways. Pure.
import { z } from 'zod';
import type { Problem } from './model.ts';
import type { Rule } from './policy-schema.ts';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.:_-]*$/, 'ids use letters, digits, ".", ":", "_" and "-"');
const text = z.strictObject({ en: z.string().min(1), ja: z.string().min(1) });

export const categorySchema = z.strictObject({
  id,
  title: text,
  /** The heading the report uses for it, as published. */
  report: text,
  source: id,
  confirmed: z.boolean().default(true),
  note: z.string().optional(),
});

export const categoriesFileSchema = z.strictObject({ categories: z.array(categorySchema).min(1) });

export type Category = z.infer<typeof categorySchema>;

/** A rule's category must be one the policy defines; a category's source must exist. */
export function checkCategories(
  categories: { file: string; value: Category }[], rules: { file: string; rule: Rule }[], sources: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  const known = new Set<string>();
  for (const { file, value } of categories) {
    if (known.has(value.id)) problems.push({ code: 'duplicate_id', path: `${file}:${value.id}`, message: `category "${value.id}" is defined twice` });
    known.add(value.id);
    if (!sources.has(value.source)) problems.push({ code: 'dangling_citation', path: `${file}:${value.id}.source`, message: `no source "${value.source}"` });
  }
  for (const { file, rule } of rules) {
    if (rule.category !== undefined && !known.has(rule.category)) {
      problems.push({ code: 'unknown_category', path: `${file}:${rule.id}.category`, message: `no category "${rule.category}" in policy/categories.yaml` });
    }
  }
  return problems;
}

/** Permissions that could decide an approval (in force on asOf, or later) but name no report category. */
export function uncategorisedPermissions(rules: readonly { rule: Rule; revision: string }[]): Problem[] {
  return rules.filter((r) => r.rule.kind === 'permission' && !r.rule.category).map((r) => ({
    code: 'uncategorised_permission', path: `${r.revision}:${r.rule.id}`,
    message: `permission ${r.rule.id} names no report category: the annual report could not count an approval under it`,
  }));
}
