// For tests: `gensoku serve` as a child process on a free port, and CLI commands run in-process on its data directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Io } from '../../src/cli/io.ts';
import { memoryIo } from './cli-io.ts';

const BIN = fileURLToPath(new URL('../../bin/gensoku.mjs', import.meta.url));

export interface Server { child: ChildProcess; url: string; stdout: () => string; stderr: () => string }

/** Starts the server and resolves with its address once stdout shows `listening` (and `ready`, when given). */
export async function startServe(env: NodeJS.ProcessEnv, opts: { ready?: RegExp; timeoutMs?: number } = {}): Promise<Server> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stdout} ${stderr}`)), opts.timeoutMs ?? 60_000);
    const check = () => {
      const m = /listening on (http:\/\/\S+)/.exec(stdout);
      if (m && (!opts.ready || opts.ready.test(stdout))) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  return { child, url, stdout: () => stdout, stderr: () => stderr };
}

/** SIGTERM, then the exit code (already exited: its code). */
export async function stopServe(s: Server): Promise<number | null> {
  if (s.child.exitCode !== null) return s.child.exitCode;
  const exited = new Promise<number | null>((resolve) => s.child.once('exit', (code) => resolve(code)));
  s.child.kill('SIGTERM');
  return exited;
}

/** Runs a command's `run` in-process against an embedded data directory, restoring the environment after. */
export async function cliOn(dataDir: string, run: (argv: string[], io: Io) => Promise<number>, argv: string[], stdin?: string) {
  const saved = { ...process.env };
  Object.assign(process.env, { GENSOKU_DATA: dataDir, DATABASE_URL: '' });
  try {
    const t = memoryIo({ stdin });
    const code = await run(argv, t.io);
    return { code, out: t.out(), err: t.err() };
  } finally {
    process.env = saved;
  }
}
