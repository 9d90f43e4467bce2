// PGlite is one process's database: a lock file keeps a second process (the CLI while the server runs) out.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLocked extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the data directory's lock, or throws DataDirLocked naming the process that holds it. */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, 'gensoku.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid && pid !== process.pid && alive(pid)) {
        throw new DataDirLocked(`the data directory ${dir} is in use by process ${pid} (a running gensoku serve?); stop it, or use the API`);
      }
      // A lock left by a process that died: take it over.
      unlinkSync(file);
    }
  }
  throw new DataDirLocked(`could not lock ${dir}`);
}
