// The repository's import graph, read from the source text: every static import/export-from and dynamic import(),
// marked type-only when nothing of it survives compilation. Small on purpose: the house writes imports one way.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface Edge {
  from: string; // repository-relative path, with '/'
  to: string; // a repository-relative path for a relative import, else the package specifier
  typeOnly: boolean;
  line: number;
}

const STATIC = /^[ \t]*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/gm;
const SIDE_EFFECT = /^[ \t]*import\s+['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Whether an import clause brings in only types: `type X`, or `{ type A, type B }` and nothing else. */
function clauseIsTypeOnly(keywordType: boolean, clause: string): boolean {
  if (keywordType) return true;
  const braces = /^\{([\s\S]*)\}$/.exec(clause.trim());
  if (!braces) return false; // a default or namespace import is a value
  const names = braces[1].split(',').map((s) => s.trim()).filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith('type '));
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;
const posix = (p: string) => p.split(sep).join('/');

/** The imports of one file's text; relative specifiers resolved against the file's folder. */
export function importsOf(file: string, text: string): Edge[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/^\s*\/\/.*$/gm, '');
  const target = (spec: string) => (spec.startsWith('.') ? posix(join(dirname(file), spec)) : spec);
  const out: Edge[] = [];
  for (const m of code.matchAll(STATIC)) {
    const [, , kw, clause, spec] = m;
    out.push({ from: file, to: target(spec), typeOnly: clauseIsTypeOnly(Boolean(kw), clause), line: lineOf(code, m.index) });
  }
  for (const m of code.matchAll(SIDE_EFFECT)) out.push({ from: file, to: target(m[1]), typeOnly: false, line: lineOf(code, m.index) });
  for (const m of code.matchAll(DYNAMIC)) out.push({ from: file, to: target(m[1]), typeOnly: false, line: lineOf(code, m.index) });
  return out;
}

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Every import of every .ts/.tsx file under the given folders (repository-relative). */
export function importGraph(root: string, folders: string[]): Edge[] {
  const files = folders.flatMap((f) => walk(resolve(root, f), []));
  return files.flatMap((abs) => importsOf(posix(relative(root, abs)), readFileSync(abs, 'utf8')));
}

/** The import circles among the given edges (each as the list of files around it), one per strongly connected group. */
export function circles(edges: Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (!e.to.startsWith('src/') && !e.to.startsWith('web/') && !e.to.startsWith('test/') && !e.to.startsWith('bench/') && !e.to.startsWith('scripts/')) continue;
    next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  }
  // Tarjan's strongly connected components; a component of more than one file, or a file importing itself, is a circle.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (next.get(v) ?? []).includes(v)) found.push(group.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return found;
}
