import type { Io } from '../../src/cli/io.ts';

/** An in-memory Io for calling the CLI in-process from tests. */
export function memoryIo(opts: { stdin?: string; isTTY?: boolean } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (s) => { out.push(s); }, stderr: (s) => { err.push(s); }, stdin: async () => opts.stdin ?? '', isTTY: opts.isTTY };
  return { io, out: () => out.join(''), err: () => err.join('') };
}
