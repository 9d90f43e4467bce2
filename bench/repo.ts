// The repository root, found from this file whether it runs from bench/ or bundled in bench/.build/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function repoRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'gensoku') return dir;
    if (dirname(dir) === dir) throw new Error(`no gensoku package.json above ${from}`);
  }
}
