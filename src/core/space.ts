import { z } from 'zod';
import { ALL_COUNTRIES, atomsOf, countrySignature, factsRead, groupCountries, type CountryGroup, type World } from './domain.ts';
import type { IsoDate, TransferRequest } from './model.ts';
import type { Rule } from './policy-schema.ts';
import { itemSchema, transferRequestSchema } from './request.ts';

// The full request space of a comparison, derived from what the rules read: every request attribute some rule tests,
// its values cut into classes the rules cannot tell apart, "unstated" where the request may leave it out, and every
// country grouped by the facts the rules read about it. `explore` enumerates it lazily: an attribute is split only
// when the function run reads it, so each run covers every request that agrees on what it read.

export type Scalar = string | boolean;

/** Values of one attribute that every rule treats alike. */
export interface ValueClass {
  id: string; // 'unstated', the value, values joined by '|', 'other', 'recipient', 'another', 'includes-recipient', ...
  kind: 'unstated' | 'values' | 'other' | 'recipient' | 'another' | 'includes-recipient' | 'excludes-recipient';
  values: Scalar[]; // the concrete values of the class (an open "other": the one used in witnesses)
}

export interface Attribute {
  path: string; // item.weapon, item.licensor, item.partners, purpose, transferor, endUser.type
  classes: ValueClass[];
}

export interface RequestSpace {
  attributes: Attribute[];
  groups: CountryGroup[];
  /** Cells: every country times every combination of value classes. */
  cells: number;
}

const UNSTATED: ValueClass = { id: 'unstated', kind: 'unstated', values: [] };

type Domain = { finite: Scalar[] } | { open: z.ZodType };

function domainOf(schema: z.ZodType): Domain {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  if (inner instanceof z.ZodBoolean) return { finite: [true, false] };
  if (inner instanceof z.ZodEnum) return { finite: [...inner.options] as string[] };
  return { open: inner };
}

/** A value no rule names that the request schema still accepts: a named value with its number changed, or "other". */
function otherValue(schema: z.ZodType, named: readonly Scalar[]): string {
  const strings = named.filter((v): v is string => typeof v === 'string');
  const candidates = [
    ...strings.flatMap((s) => (/\d+/.test(s) ? Array.from({ length: 30 }, (_, i) => s.replace(/\d+(?=\D*$)/, String(i + 1))) : [])),
    'other', ...strings.map((s) => `${s}-other`),
  ];
  return candidates.find((c) => !named.includes(c) && schema.safeParse(c).success) ?? 'other';
}

/** What a rule's test makes of a value: its signature character. */
type Test = (v: Scalar) => string;

/** A test that a value is in a list. */
const inList = (l: readonly Scalar[]): Test => (v) => (l.includes(v) ? '1' : '0');

/** Cuts a domain into the classes of values that every test treats alike. */
function classesOf(domain: Domain, tests: readonly Test[], named: readonly Scalar[]): ValueClass[] {
  const values = 'finite' in domain ? domain.finite : [...new Set(named)];
  const bySignature = new Map<string, Scalar[]>();
  for (const v of values) {
    const sig = tests.map((t) => t(v)).join('');
    bySignature.set(sig, [...(bySignature.get(sig) ?? []), v]);
  }
  const out: ValueClass[] = [...bySignature.values()].map((vs) => ({ id: classId(vs), kind: 'values', values: vs }));
  if ('open' in domain) out.push({ id: 'other', kind: 'other', values: [otherValue(domain.open, named)] });
  return out;
}

/** A class's name: its values, a Munitions List category with every sub-category as `ML4*`, with all but itself as `ML4[a-z]`. */
function classId(vs: readonly Scalar[]): string {
  const set = new Set(vs.map(String));
  const out: string[] = [];
  for (const v of vs.map(String)) {
    const base = /^(ML\d+)[a-z]?$/.exec(v)?.[1];
    if (!base) { out.push(v); continue; }
    const subs = SUB_CATEGORIES.map((x) => `${base}${x}`);
    if (subs.every((x) => set.has(x))) { if (v === base) out.push(`${base}*`); }
    else if (subs.slice(1).every((x) => set.has(x))) { if (v === `${base}a`) out.push(`${base}[a-z]`); }
    else out.push(v);
  }
  return out.join('|');
}

/** A category, then the category with each sub-category letter. */
const SUB_CATEGORIES = ['', ...'abcdefghijklmnopqrstuvwxyz'];

/** Every value of item.controlList the request schema accepts: a finite domain, so categories and sub-categories are exact. */
const CONTROL_LIST: readonly string[] = Array.from({ length: 30 }, (_, i) => SUB_CATEGORIES.map((x) => `ML${i + 1}${x}`)).flat()
  .filter((v) => itemSchema.shape.controlList.safeParse(v).success);

const listOf = (v: Scalar | Scalar[]): Scalar[] => (Array.isArray(v) ? v : [v]);

/** What the `covers` tests read: the category lists of the recipients' entries, and the categories of each sub-item of the order. */
export interface CoversContext {
  lists: readonly (readonly string[])[];
  mlOf: ReadonlyMap<string, readonly string[]>;
}

/** The attributes the rules of the given versions read, in the order of the request schema. */
export function attributesRead(rules: readonly Rule[], covers: CoversContext = { lists: [], mlOf: new Map() }): Attribute[] {
  const itemTests = new Map<string, { tests: Test[]; named: Scalar[] }>();
  const itemTest = (field: string, t: Test, named: readonly Scalar[]) => {
    const e = itemTests.get(field) ?? { tests: [], named: [] };
    e.tests.push(t);
    e.named.push(...named);
    itemTests.set(field, e);
  };
  const purposes: Scalar[][] = [];
  const transferors: Scalar[][] = [];
  const endUsers: Scalar[][] = [];
  let licensor = false;
  let partners = false;
  let coversRead = false;
  for (const a of atomsOf(rules)) {
    if ('item' in a) itemTest(a.item, inList(listOf(a.is)), listOf(a.is));
    else if ('purpose' in a) purposes.push(listOf(a.purpose));
    else if ('transferor' in a) transferors.push(listOf(a.transferor));
    else if ('endUser' in a) endUsers.push(listOf(a.is));
    else if ('recipientIn' in a) (a.recipientIn === 'licensor' ? (licensor = true) : (partners = true));
    else if ('fact' in a && a.of === 'licensor') licensor = true;
    else if ('covers' in a) coversRead = true;
  }
  if (coversRead) {
    // A measure reaches the item's category (the category without its sub-category letter), else its sub-item's categories: all, none or some.
    for (const l of covers.lists) {
      itemTest('controlList', (v) => (l.includes(String(v).replace(/[a-z]$/, '')) ? '1' : '0'), []);
      itemTest('etcoItem', (v) => {
        const ml = covers.mlOf.get(String(v)) ?? [];
        const inside = ml.filter((c) => l.includes(c)).length;
        return !ml.length ? 'u' : inside === 0 ? '0' : inside === ml.length ? '1' : 's';
      }, []);
    }
  }
  const out: Attribute[] = [];
  for (const [field, schema] of Object.entries(itemSchema.shape)) {
    const read = itemTests.get(field);
    if (field === 'licensor' && licensor) {
      out.push({ path: 'item.licensor', classes: [UNSTATED, { id: 'recipient', kind: 'recipient', values: [] }, { id: 'another', kind: 'another', values: [] }] });
    } else if (field === 'partners' && partners) {
      out.push({ path: 'item.partners', classes: [UNSTATED, { id: 'includes-recipient', kind: 'includes-recipient', values: [] }, { id: 'excludes-recipient', kind: 'excludes-recipient', values: [] }] });
    } else if (read) {
      const domain: Domain = field === 'controlList' ? { finite: [...CONTROL_LIST] } : domainOf(schema as z.ZodType);
      out.push({ path: `item.${field}`, classes: [...classesOf(domain, read.tests, read.named), UNSTATED] });
    }
  }
  const top = (path: string, schema: z.ZodType, lists: Scalar[][]) => {
    if (lists.length) out.push({ path, classes: [...classesOf(domainOf(schema), lists.map(inList), lists.flat()), UNSTATED] });
  };
  top('purpose', transferRequestSchema.shape.purpose, purposes);
  top('transferor', transferRequestSchema.shape.transferor, transferors);
  const endUserSchema = (transferRequestSchema.shape.endUser.unwrap() as z.ZodObject<{ type: z.ZodType }>).shape.type;
  top('endUser.type', endUserSchema, endUsers);
  return out;
}

/** The space of a comparison between two worlds: the attributes either side's rules read, the countries grouped by both. */
export function requestSpace(worlds: readonly World[], mlOf: ReadonlyMap<string, readonly string[]> = new Map()): RequestSpace {
  const rules = worlds.flatMap((w) => w.version.rules.map((c) => c.rule));
  // The category lists of the measures `covers` reads, as recorded for each country on each side's date.
  const coversFacts = [...new Set(atomsOf(rules).flatMap((a) => ('covers' in a ? [a.covers] : [])))];
  const lists = new Map<string, string[]>();
  for (const w of worlds) for (const f of coversFacts) for (const cc of ALL_COUNTRIES) {
    const l = w.version.facts.read(f, cc, w.date).entry?.covers;
    if (l) lists.set(l.join(','), [...l]);
  }
  const attributes = attributesRead(rules, { lists: [...lists.values()], mlOf });
  // Facts about the licensor split the "another country" class by what the rules read about it.
  const licensorFacts = worlds.map((w) => factsRead(w.version.rules.map((c) => c.rule)).licensor);
  const licensor = attributes.find((a) => a.path === 'item.licensor');
  if (licensor && licensorFacts.some((f) => f.length)) {
    const bySig = new Map<string, string[]>();
    for (const cc of ALL_COUNTRIES) {
      const sig = worlds.map((w, i) => countrySignature(w.version.facts, licensorFacts[i], new Set(), cc, w.date)).join('#');
      bySig.set(sig, [...(bySig.get(sig) ?? []), cc]);
    }
    licensor.classes = [UNSTATED, licensor.classes[1], ...[...bySig.values()].map((ccs, i) => ({ id: `another-${i + 1}`, kind: 'another' as const, values: ccs }))];
  }
  // Classes are bits of a 32-bit mask in the regions and an Int8Array entry in a cell: more would be a bug here.
  for (const a of attributes) if (a.classes.length > 30) throw new Error(`${a.path} has ${a.classes.length} value classes; at most 30 fit a region's mask`);
  const groups = groupCountries(worlds, []);
  const cells = ALL_COUNTRIES.length * attributes.reduce((n, a) => n * a.classes.length, 1);
  return { attributes, groups, cells };
}

/** Attributes that are fields of the request itself, not of its item or end user. */
const TOP_LEVEL: readonly string[] = ['purpose', 'transferor'];

/** The concrete value a request carries for a class, for a given recipient; undefined: left out. */
export function sampleValue(c: ValueClass, recipient: string): unknown {
  switch (c.kind) {
    case 'unstated': return undefined;
    case 'recipient': return recipient;
    case 'another': return c.values.length ? (c.values.find((v) => v !== recipient) ?? c.values[0]) : ALL_COUNTRIES.find((v) => v !== recipient);
    case 'includes-recipient': return [recipient];
    case 'excludes-recipient': return [];
    default: return c.values[0];
  }
}

/** A concrete request for one cell: `cell[i]` is the class of attribute i, or -1 (any: the first class is used). */
export function requestOf(space: RequestSpace, cell: ArrayLike<number>, recipient: string, asOf: IsoDate): TransferRequest {
  const req: TransferRequest = { asOf, recipient, item: {} };
  space.attributes.forEach((a, i) => {
    const v = sampleValue(a.classes[cell[i] < 0 ? 0 : cell[i]], recipient);
    if (v === undefined) return;
    if (TOP_LEVEL.includes(a.path)) (req as unknown as Record<string, unknown>)[a.path] = v;
    else if (a.path === 'endUser.type') req.endUser = { type: v as NonNullable<TransferRequest['endUser']>['type'] };
    else (req.item as Record<string, unknown>)[a.path.slice('item.'.length)] = v;
  });
  return req;
}

/** The class a concrete request falls in, per attribute. */
export function classOf(space: RequestSpace, req: TransferRequest): number[] {
  // A sub-item of item 1 makes the item defense equipment; a space without etcoItem reads only that of it.
  const implied = req.item.defenseEquipment === undefined && req.item.etcoItem !== undefined && !space.attributes.some((a) => a.path === 'item.etcoItem');
  return space.attributes.map((a) => {
    const v: unknown = a.path === 'item.defenseEquipment' && implied ? true : TOP_LEVEL.includes(a.path) ? (req as unknown as Record<string, unknown>)[a.path] : a.path === 'endUser.type' ? req.endUser?.type : (req.item as Record<string, unknown>)[a.path.slice('item.'.length)];
    return a.classes.findIndex((c) => {
      if (v === undefined) return c.kind === 'unstated';
      switch (c.kind) {
        case 'unstated': return false;
        case 'recipient': return v === req.recipient;
        case 'another': return v !== req.recipient && (c.values.length === 0 || c.values.includes(v as string));
        case 'includes-recipient': return (v as string[]).includes(req.recipient);
        case 'excludes-recipient': return !(v as string[]).includes(req.recipient);
        case 'other': return !a.classes.some((o) => o.kind === 'values' && o.values.includes(v as Scalar));
        default: return c.values.includes(v as Scalar);
      }
    });
  });
}

export interface Leaf<T> {
  cell: Int8Array; // class per attribute; -1: no evaluation read it, so every class gives the same results
  results: T[];
}

/**
 * Every distinct run of the given functions of a request for one recipient: a depth-first search over the attributes
 * in the order they are read. A run hands out the next untried class of each attribute when it is first read; its
 * results then hold for every request that agrees on the attributes read, because the functions are pure. Reads go
 * through proxies, so the functions see an ordinary request (a field read, `in`, spread or JSON all count).
 */
export function explore<T>(space: RequestSpace, recipient: string, sides: readonly { asOf: IsoDate; evaluate: (req: TransferRequest) => T }[], visit: (leaf: Leaf<T>) => void): number {
  const attrs = space.attributes;
  const index = new Map(attrs.map((a, i) => [a.path, i]));
  const itemFields = attrs.flatMap((a, i) => (a.path.startsWith('item.') ? [[a.path.slice(5), i] as const] : []));
  const itemIndex = new Map(itemFields);
  const cell = new Int8Array(attrs.length);
  const order: number[] = [];
  let prefix: number[] = [];
  const choose = (i: number): unknown => {
    if (cell[i] < 0) {
      cell[i] = order.length < prefix.length ? prefix[order.length] : 0;
      order.push(i);
    }
    return sampleValue(attrs[i].classes[cell[i]], recipient);
  };
  const item = new Proxy({} as Record<string, unknown>, {
    get: (_t, key) => (typeof key === 'string' && itemIndex.has(key) ? choose(itemIndex.get(key)!) : undefined),
    has: (_t, key) => typeof key === 'string' && itemIndex.has(key) && choose(itemIndex.get(key)!) !== undefined,
    ownKeys: () => itemFields.filter(([, i]) => choose(i) !== undefined).map(([f]) => f),
    getOwnPropertyDescriptor: (_t, key) => {
      if (typeof key !== 'string' || !itemIndex.has(key)) return undefined;
      const value = choose(itemIndex.get(key)!);
      return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true };
    },
  });
  const topAt = new Map(TOP_LEVEL.flatMap((f) => (index.has(f) ? [[f, index.get(f)!] as const] : [])));
  const endUserAt = index.get('endUser.type');
  const endUser = new Proxy({} as Record<string, unknown>, {
    get: (_t, key) => (key === 'type' && endUserAt !== undefined ? choose(endUserAt) : undefined),
    has: (_t, key) => key === 'type' && endUserAt !== undefined && choose(endUserAt) !== undefined,
    ownKeys: () => (endUserAt !== undefined && choose(endUserAt) !== undefined ? ['type'] : []),
    getOwnPropertyDescriptor: (_t, key) => {
      const value = key === 'type' && endUserAt !== undefined ? choose(endUserAt) : undefined;
      return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true };
    },
  });
  // A top-level attribute (purpose, transferor) is chosen when read; one the space lacks is left out.
  const top = (key: string | symbol): unknown => (typeof key === 'string' && topAt.has(key) ? choose(topAt.get(key)!) : undefined);
  const requests = sides.map(({ asOf }) => {
    const fixed: Record<string, unknown> = { asOf, recipient, item };
    if (endUserAt !== undefined) fixed.endUser = endUser;
    const keys = () => [...Object.keys(fixed), ...TOP_LEVEL.filter((f) => top(f) !== undefined)];
    return new Proxy(fixed, {
      get: (t, key) => (TOP_LEVEL.includes(key as string) ? top(key) : t[key as string]),
      has: (t, key) => (TOP_LEVEL.includes(key as string) ? top(key) !== undefined : key in t),
      ownKeys: keys,
      getOwnPropertyDescriptor: (t, key) => {
        if (!TOP_LEVEL.includes(key as string)) return Object.getOwnPropertyDescriptor(t, key);
        const value = top(key);
        return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true };
      },
    }) as unknown as TransferRequest;
  });
  let runs = 0;
  for (;;) {
    cell.fill(-1);
    order.length = 0;
    const results = sides.map((s, i) => s.evaluate(requests[i]));
    runs++;
    visit({ cell: cell.slice(), results });
    // Backtrack: the deepest choice with an untried class is advanced; everything after it is chosen afresh.
    let p = order.length - 1;
    while (p >= 0 && cell[order[p]] + 1 >= attrs[order[p]].classes.length) p--;
    if (p < 0) return runs;
    prefix = [...order.slice(0, p).map((i) => cell[i]), cell[order[p]] + 1];
  }
}
