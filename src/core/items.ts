import { z } from 'zod';
import { itemSchema, toProblems } from './request.ts';
import { textSchema } from './policy-schema.ts';
import type { Item, Problem, Result, Text } from './model.ts';

/** A named class of equipment drawn from a real transfer: the item a matrix, diff or what-if evaluates. */
export interface ItemClass {
  id: string;
  name: Text;
  item: Item; // with controlList and defenseEquipment filled in from the class
  controlList: string | null; // null: not on the Munitions List (not defense equipment)
  summary: string;
  source: string;
}

export const itemClassSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'item ids use lowercase letters, digits and "-"'),
  name: textSchema,
  item: itemSchema,
  controlList: z.union([z.string().regex(/^ML([1-9]|1[0-9]|2[0-2])[a-z]?$/, 'expected ML1..ML22'), z.literal('none')])
    .describe('Munitions List category; "none" for goods that are not defense equipment'),
  summary: z.string().min(1).max(300).regex(/^[^\n]*$/, 'one line'),
  source: z.string().min(1).max(300).regex(/^[^\n]*$/, 'one line'),
});

/** Validates the files of policy/items (each one class or a list of them); every problem is listed. */
export function compileItems(files: readonly { file: string; data: unknown }[]): Result<ItemClass[]> {
  const problems: Problem[] = [];
  const out: ItemClass[] = [];
  const seen = new Map<string, string>();
  for (const { file, data } of files) {
    const list = Array.isArray(data) ? data : [data];
    list.forEach((raw, i) => {
      const at = Array.isArray(data) ? `${file}[${i}]` : file;
      const r = itemClassSchema.safeParse(raw);
      if (!r.success) { problems.push(...toProblems(r.error).map((p) => ({ ...p, path: `${at}:${p.path}` }))); return; }
      const c = r.data;
      const prev = seen.get(c.id);
      if (prev) { problems.push({ code: 'duplicate_id', path: `${at}:id`, message: `item class "${c.id}" is also defined in ${prev}` }); return; }
      seen.set(c.id, at);
      problems.push(...consistency(at, c));
      const controlList = c.controlList === 'none' ? null : c.controlList;
      out.push({
        id: c.id, name: c.name, summary: c.summary, source: c.source, controlList,
        // A class on the Munitions List is defense equipment; "none" is not: the catalogue states scope, never leaves it open.
        item: { name: c.name.en, ...c.item, defenseEquipment: controlList !== null, ...(controlList ? { controlList } : {}) },
      });
    });
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: out.sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

/** Attributes that contradict each other would make every answer about the class meaningless. */
function consistency(at: string, c: z.infer<typeof itemClassSchema>): Problem[] {
  const problems: Problem[] = [];
  const i = c.item;
  const cl = c.controlList === 'none' ? undefined : c.controlList;
  if (i.controlList !== undefined && i.controlList !== cl) problems.push({ code: 'invalid_value', path: `${at}:item.controlList`, message: `differs from the class's controlList ${c.controlList}` });
  if ((c.controlList === 'none') !== (i.defenseEquipment === false)) problems.push({ code: 'invalid_value', path: `${at}:controlList`, message: 'controlList is "none" exactly when the item is not defense equipment' });
  if (i.origin === 'joint-development' && !i.partners?.length) problems.push({ code: 'required', path: `${at}:item.partners`, message: 'a jointly developed item names its partners' });
  if (i.origin === 'licensed-production' && !i.licensor) problems.push({ code: 'required', path: `${at}:item.licensor`, message: 'an item made under licence names its licensor' });
  if (i.partners?.length && i.origin !== 'joint-development') problems.push({ code: 'invalid_value', path: `${at}:item.partners`, message: 'only a jointly developed item has partners' });
  if (i.licensor && i.origin !== 'licensed-production') problems.push({ code: 'invalid_value', path: `${at}:item.licensor`, message: 'only an item made under licence has a licensor' });
  for (const f of ['weapon', 'form', 'function', 'origin'] as const) {
    if (i[f] === undefined) problems.push({ code: 'required', path: `${at}:item.${f}`, message: `an item class states ${f}, so answers about it are not left open by the catalogue` });
  }
  return problems;
}

export function itemById(items: readonly ItemClass[], id: string): ItemClass | undefined {
  return items.find((c) => c.id === id);
}
