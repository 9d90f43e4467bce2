// Reduced multi-valued decision diagrams over the attributes of a request space. One store per comparison, nodes
// hash-consed, so equal functions are the same id and every operation is memoised on ids: combining rules pairwise
// keeps each intermediate function canonical, where splitting on all rules at once multiplies their residuals.

/** A node id (>= 0), or a terminal: -(value + 1), for a value >= 0. */
export type Ref = number;
export const leaf = (value: number): Ref => -(value + 1);
export const valueOf = (r: Ref): number => -r - 1;
const OFFSET = 2 ** 25;
const SPAN = 2 ** 26;

export class Mdd {
  readonly level: number[] = [];
  readonly kids: Ref[][] = [];
  private readonly unique = new Map<number, Ref[]>();

  /** `arity[i]`: the number of classes of attribute i; levels are attribute indices. */
  constructor(readonly arity: readonly number[]) {}

  get size(): number { return this.level.length; }

  /** The node with these children, or the child when all are the same (reduced). */
  node(level: number, children: Ref[]): Ref {
    const first = children[0];
    let hash = level + 1;
    let same = true;
    for (const c of children) {
      if (c !== first) same = false;
      hash = (Math.imul(hash, 31) + c) | 0;
    }
    if (same) return first;
    // Hash-consed by a numeric hash with the candidates compared, so no key string is built per call.
    const bucket = this.unique.get(hash);
    if (bucket) {
      for (const id of bucket) {
        const kids = this.kids[id];
        if (this.level[id] === level && kids.length === children.length && kids.every((k, i) => k === children[i])) return id;
      }
    }
    const id = this.level.length;
    // Memo keys pack two ids in one exact number (OFFSET, SPAN): a store this large would make them collide.
    if (id >= OFFSET) throw new Error(`decision diagram store over ${OFFSET} nodes`);
    this.level.push(level);
    this.kids.push(children);
    if (bucket) bucket.push(id);
    else this.unique.set(hash, [id]);
    return id;
  }

  levelOf(r: Ref): number { return r < 0 ? this.arity.length : this.level[r]; }

  /** The cofactor of r for class v of the attribute at `level` (r itself when r does not split there). */
  child(r: Ref, level: number, v: number): Ref { return r >= 0 && this.level[r] === level ? this.kids[r][v] : r; }

  /** A function of the classes of some attributes, from its table (row-major over `support`, ascending). */
  fromTable(support: readonly number[], table: ArrayLike<number>): Ref {
    const radix = support.map((i) => this.arity[i]);
    const build = (j: number, at: number): Ref => {
      if (j === support.length) return leaf(table[at]);
      const children: Ref[] = [];
      for (let v = 0; v < radix[j]; v++) children.push(build(j + 1, at * radix[j] + v));
      return this.node(support[j], children);
    };
    return build(0, 0);
  }

  /** f applied pointwise to one function; memo belongs to f. */
  map(f: (a: number) => number, memo: Map<Ref, Ref>, x: Ref): Ref {
    if (x < 0) return leaf(f(valueOf(x)));
    const known = memo.get(x);
    if (known !== undefined) return known;
    const kids = this.kids[x];
    const children: Ref[] = [];
    for (let v = 0; v < kids.length; v++) children.push(this.map(f, memo, kids[v]));
    const id = this.node(this.level[x], children);
    memo.set(x, id);
    return id;
  }

  /** f applied pointwise to two functions; memo belongs to f. `absorb(a)`: the result when one side is the terminal a, whatever the other is. */
  apply(f: (a: number, b: number) => number, memo: Map<number, Ref>, x: Ref, y: Ref, absorb?: (a: number) => number | undefined): Ref {
    if (x < 0 && y < 0) return leaf(f(valueOf(x), valueOf(y)));
    if (absorb) {
      const r = (x < 0 ? absorb(valueOf(x)) : undefined) ?? (y < 0 ? absorb(valueOf(y)) : undefined);
      if (r !== undefined) return leaf(r);
    }
    // Both ids fit in 26 bits with their sign, so the pair is one exact number.
    const key = (x + OFFSET) * SPAN + (y + OFFSET);
    const known = memo.get(key);
    if (known !== undefined) return known;
    const level = Math.min(this.levelOf(x), this.levelOf(y));
    const children: Ref[] = [];
    for (let v = 0; v < this.arity[level]; v++) children.push(this.apply(f, memo, this.child(x, level, v), this.child(y, level, v), absorb));
    const id = this.node(level, children);
    memo.set(key, id);
    return id;
  }

  /** f applied pointwise to several functions; memo belongs to f. */
  applyN(f: (values: number[]) => number, memo: Map<string, Ref>, xs: Ref[]): Ref {
    if (xs.every((x) => x < 0)) return leaf(f(xs.map(valueOf)));
    const key = xs.join(',');
    const known = memo.get(key);
    if (known !== undefined) return known;
    let level = this.arity.length;
    for (const x of xs) level = Math.min(level, this.levelOf(x));
    const children: Ref[] = [];
    for (let v = 0; v < this.arity[level]; v++) children.push(this.applyN(f, memo, xs.map((x) => this.child(x, level, v))));
    const id = this.node(level, children);
    memo.set(key, id);
    return id;
  }

  /** The smallest box (a mask of classes per attribute) holding every cell where r reaches a terminal `ok` accepts. */
  hull(r: Ref, ok: (value: number) => boolean): number[] {
    const full = this.arity.map((k) => (1 << k) - 1);
    const out = this.arity.map(() => 0);
    const reaches = new Map<Ref, boolean>();
    const can = (x: Ref): boolean => {
      if (x < 0) return ok(valueOf(x));
      let v = reaches.get(x);
      if (v === undefined) { v = this.kids[x].some(can); reaches.set(x, v); }
      return v;
    };
    const seen = new Set<Ref>();
    // A path that skips an attribute leaves it free: every class is in the box.
    const walk = (x: Ref, from: number) => {
      const level = this.levelOf(x);
      for (let l = from; l < level; l++) out[l] = full[l];
      if (x < 0 || seen.has(x)) return;
      seen.add(x);
      this.kids[x].forEach((k, v) => { if (can(k)) { out[level] |= 1 << v; walk(k, level + 1); } });
    };
    if (can(r)) walk(r, 0);
    return out;
  }

  /** Every terminal value r reaches. */
  values(r: Ref): Set<number> {
    const out = new Set<number>();
    this.grow();
    const stamp = ++this.stamp;
    const seen = this.marks;
    const walk = (x: Ref) => {
      if (x < 0) { out.add(valueOf(x)); return; }
      if (seen[x] === stamp) return;
      seen[x] = stamp;
      for (const k of this.kids[x]) walk(k);
    };
    walk(r);
    return out;
  }

  // Nodes met in the current walk carry its stamp, so no set is allocated per walk.
  private marks = new Int32Array(1024);
  private stamp = 0;
  private grow(): void {
    if (this.marks.length < this.level.length) { const g = new Int32Array(this.level.length * 2); g.set(this.marks); this.marks = g; }
  }

  /** Whether every cell within the masks reaches a terminal `ok` accepts. */
  only(r: Ref, masks: readonly number[], ok: (value: number) => boolean): boolean {
    this.grow();
    const stamp = ++this.stamp;
    const good = this.marks;
    const walk = (x: Ref): boolean => {
      if (x < 0) return ok(valueOf(x));
      if (good[x] === stamp) return true;
      const kids = this.kids[x];
      const m = masks[this.level[x]];
      for (let v = 0; v < kids.length; v++) if (m & (1 << v) && !walk(kids[v])) return false;
      good[x] = stamp;
      return true;
    };
    return walk(r);
  }
}
