// The house's boundaries, checked on the import graph of every source file: the core is pure, the store
// implements the case domain's port without its values (and the domain never imports the store), routes never
// reach back into the app, the web app takes only the pure core and declared types from the server, and nothing
// imports in a circle.
import { describe, expect, it } from 'vitest';
import { circles, importGraph, importsOf, type Edge } from './support/import-graph.ts';

/** What src/core may import besides itself: pure libraries, no I/O. */
const CORE_DEPENDENCIES = [/^zod$/, /^i18n-iso-countries(\/langs\/\w+\.json)?$/, /^@noble\/hashes\//];
/** Server modules whose types the web app shares (the JSON the API sends); it may import no value from them. */
const SHARED_TYPES = ['src/cases/model.ts', 'src/cases/service.ts', 'src/cases/screening.ts', 'src/cases/report.ts', 'src/cases/store-port.ts'];

const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const show = (e: Edge) => `${e.from}:${e.line} imports ${e.typeOnly ? 'type from ' : ''}${e.to}`;

/** Every import that breaks a boundary, as a readable line. */
export function violations(edges: Edge[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    if (e.from.startsWith('src/core/') && !isTest(e.from) && !e.to.startsWith('src/core/') && !CORE_DEPENDENCIES.some((d) => d.test(e.to))) {
      out.push(`${show(e)}: the core imports only the core and pure libraries`);
    }
    if (e.from.startsWith('src/store/') && e.to.startsWith('src/cases/') && !e.typeOnly) {
      out.push(`${show(e)}: the store implements the case domain's port and imports no value from it`);
    }
    if (e.from.startsWith('src/cases/') && !isTest(e.from) && e.to.startsWith('src/store/')) {
      out.push(`${show(e)}: the case domain reaches storage only through its port, never the store itself`);
    }
    if (e.from.startsWith('src/api/routes/') && !isTest(e.from) && e.to === 'src/api/app.ts') out.push(`${show(e)}: routes never import the app`);
    if (e.from.startsWith('web/') && e.to.startsWith('src/') && !e.to.startsWith('src/core/') && !(e.typeOnly && SHARED_TYPES.includes(e.to))) {
      out.push(`${show(e)}: the web app takes only the pure core and declared shared types from the server`);
    }
  }
  return out;
}

const FOLDERS = ['src', 'web/src', 'bench', 'scripts', 'test'];

describe('boundaries', () => {
  const graph = importGraph(process.cwd(), FOLDERS);

  it('reads the import graph (a parser that saw nothing would pass anything)', () => {
    expect(graph.length).toBeGreaterThan(500);
    expect(graph.some((e) => e.from === 'src/store/store.ts' && e.to === 'src/cases/store-port.ts' && e.typeOnly)).toBe(true);
  });

  it('hold across the repository', () => {
    expect(violations(graph)).toEqual([]);
  });

  it('leave no import circle', () => {
    expect(circles(graph)).toEqual([]);
  });

  it('catch each kind of violation', () => {
    const fake = (file: string, text: string) => importsOf(file, text);
    expect(violations([
      ...fake('src/core/x.ts', "import { readFileSync } from 'node:fs';"),
      ...fake('src/store/x.ts', "import { dispositionKey, type Disposition } from '../cases/screening.ts';"),
      ...fake('src/cases/x.ts', "import { sha256 } from '../store/canonical.ts';"),
      ...fake('src/api/routes/x.ts', "import type { Services } from '../app.ts';"),
      ...fake('web/src/x.tsx', "import { CaseService } from '../../src/cases/service.ts';"),
      ...fake('web/src/y.tsx', "import type { SqlStore } from '../../src/store/store.ts';"),
    ])).toHaveLength(6);
    expect(violations([
      ...fake('src/core/x.ts', "import { z } from 'zod';\nimport type { Item } from './model.ts';"),
      ...fake('src/store/x.ts', "import type {\n  CaseRow,\n} from '../cases/model.ts';"),
      ...fake('src/cases/x.test.ts', "import { openPglite } from '../store/pglite.ts';"),
      ...fake('web/src/x.tsx', "import type { CaseView } from '../../src/cases/service.ts';\nimport { labels } from '../../src/core/labels.ts';"),
    ])).toEqual([]);
    expect(circles([...fake('src/a.ts', "import type { B } from './b.ts';"), ...fake('src/b.ts', "export { a } from './a.ts';")])).toEqual([['src/a.ts', 'src/b.ts']]);
  });
});
