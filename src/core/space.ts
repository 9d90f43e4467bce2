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
  path: string; // item.weapon, item.licensor, item.partners, purpose, endUser.type
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

/** Cuts a domain into the classes of values that fall in exactly the same lists of every test. */
function classesOf(domain: Domain, lists: readonly Scalar[][]): ValueClass[] {
  const named = [...new Set(lists.flat())];
  const values = 'finite' in domain ? domain.finite : named;
  const bySignature = new Map<string, Scalar[]>();
  for (const v of values) {
    const sig = lists.map((l) => (l.includes(v) ? '1' : '0')).join('');
    bySignature.set(sig, [...(bySignature.get(sig) ?? []), v]);
  }
  const out: ValueClass[] = [...bySignature.values()].map((vs) => ({ id: vs.map(String).join('|'), kind: 'values', values: vs }));
  if ('open' in domain) out.push({ id: 'other', kind: 'other', values: [otherValue(domain.open, named)] });
  return out;
}

const listOf = (v: Scalar | Scalar[]): Scalar[] => (Array.isArray(v) ? v : [v]);

/** The attributes the rules of the given versions read, in the order of the request schema. */
export function attributesRead(rules: readonly Rule[]): Attribute[] {
  const itemLists = new Map<string, Scalar[][]>();
  const purposes: Scalar[][] = [];
  const endUsers: Scalar[][] = [];
  let licensor = false;
  let partners = false;
  for (const a of atomsOf(rules)) {
    if ('item' in a) itemLists.set(a.item, [...(itemLists.get(a.item) ?? []), listOf(a.is)]);
    else if ('purpose' in a) purposes.push(listOf(a.purpose));
    else if ('endUser' in a) endUsers.push(listOf(a.is));
    else if ('recipientIn' in a) (a.recipientIn === 'licensor' ? (licensor = true) : (partners = true));
    else if ('fact' in a && a.of === 'licensor') licensor = true;
  }
  const out: Attribute[] = [];
  for (const [field, schema] of Object.entries(itemSchema.shape)) {
    if (field === 'licensor' && licensor) {
      out.push({ path: 'item.licensor', classes: [UNSTATED, { id: 'recipient', kind: 'recipient', values: [] }, { id: 'another', kind: 'another', values: [] }] });
    } else if (field === 'partners' && partners) {
      out.push({ path: 'item.partners', classes: [UNSTATED, { id: 'includes-recipient', kind: 'includes-recipient', values: [] }, { id: 'excludes-recipient', kind: 'excludes-recipient', values: [] }] });
    } else if (itemLists.has(field)) {
      out.push({ path: `item.${field}`, classes: [...classesOf(domainOf(schema as z.ZodType), itemLists.get(field)!), UNSTATED] });
    }
  }
  if (purposes.length) out.push({ path: 'purpose', classes: [...classesOf(domainOf(transferRequestSchema.shape.purpose), purposes), UNSTATED] });
  const endUserSchema = (transferRequestSchema.shape.endUser.unwrap() as z.ZodObject<{ type: z.ZodType }>).shape.type;
  if (endUsers.length) out.push({ path: 'endUser.type', classes: [...classesOf(domainOf(endUserSchema), endUsers), UNSTATED] });
  return out;
}

/** The space of a comparison between two worlds: the attributes either side's rules read, the countries grouped by both. */
export function requestSpace(worlds: readonly World[]): RequestSpace {
  const rules = worlds.flatMap((w) => w.version.rules.map((c) => c.rule));
  const attributes = attributesRead(rules);
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
  const groups = groupCountries(worlds, []);
  const cells = ALL_COUNTRIES.length * attributes.reduce((n, a) => n * a.classes.length, 1);
  return { attributes, groups, cells };
}

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
    if (a.path === 'purpose') req.purpose = v as TransferRequest['purpose'];
    else if (a.path === 'endUser.type') req.endUser = { type: v as NonNullable<TransferRequest['endUser']>['type'] };
    else (req.item as Record<string, unknown>)[a.path.slice('item.'.length)] = v;
  });
  return req;
}

/** The class a concrete request falls in, per attribute. */
export function classOf(space: RequestSpace, req: TransferRequest): number[] {
  return space.attributes.map((a) => {
    const v: unknown = a.path === 'purpose' ? req.purpose : a.path === 'endUser.type' ? req.endUser?.type : (req.item as Record<string, unknown>)[a.path.slice('item.'.length)];
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
  const purposeAt = index.get('purpose');
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
  const requests = sides.map(({ asOf }) => {
    const fixed: Record<string, unknown> = { asOf, recipient, item };
    if (endUserAt !== undefined) fixed.endUser = endUser;
    const keys = () => [...Object.keys(fixed), ...(purposeAt !== undefined && choose(purposeAt) !== undefined ? ['purpose'] : [])];
    return new Proxy(fixed, {
      get: (t, key) => (key === 'purpose' ? (purposeAt !== undefined ? choose(purposeAt) : undefined) : t[key as string]),
      has: (t, key) => (key === 'purpose' ? purposeAt !== undefined && choose(purposeAt) !== undefined : key in t),
      ownKeys: keys,
      getOwnPropertyDescriptor: (t, key) => {
        if (key !== 'purpose') return Object.getOwnPropertyDescriptor(t, key);
        const value = purposeAt !== undefined ? choose(purposeAt) : undefined;
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
