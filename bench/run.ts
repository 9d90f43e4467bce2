// Entry point of `npm run bench`. Bundles bench/main.ts with esbuild (so our TypeScript runs as plain JS, without
// tsx's per-function overhead) and runs the bundle in a fresh node; every engine is then timed in that one process.
// `--no-bundle` runs main.ts directly under tsx instead. Other arguments go to main (see bench/main.ts).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repo.ts';

const args = process.argv.slice(2);
if (args.includes('--no-bundle')) {
  const { main } = await import('./main.ts');
  process.exitCode = await main(args.filter((a) => a !== '--no-bundle'));
} else {
  const root = repoRoot();
  const outDir = join(root, 'bench', '.build');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'main.mjs');
  const build = spawnSync(join(root, 'node_modules', '.bin', 'esbuild'), [
    join(root, 'bench', 'entry.ts'), '--bundle', '--platform=node', '--format=esm', '--packages=external',
    `--outfile=${outfile}`, '--log-level=warning',
  ], { stdio: 'inherit', cwd: root });
  const reference = build.status === 0 ? spawnSync(join(root, 'node_modules', '.bin', 'esbuild'), [
    join(root, 'bench', 'reference-server.ts'), '--bundle', '--platform=node', '--format=esm', '--packages=external',
    `--outfile=${join(outDir, 'reference-server.mjs')}`, '--log-level=warning',
  ], { stdio: 'inherit', cwd: root }) : build;
  if (build.status !== 0 || reference.status !== 0) {
    process.exitCode = (build.status || reference.status) ?? 1;
  } else {
    const run = spawnSync(process.execPath, [outfile, '--bundled', ...args], { stdio: 'inherit', cwd: root });
    process.exitCode = run.status ?? 1;
  }
}
