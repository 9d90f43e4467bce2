// The repository stands alone: nothing names the steering folder beside it, and the vendored data is what data/README.md says.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const tracked = (): string[] => execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);

describe('the repository stands alone', () => {
  it('no tracked file names the shared folder beside the repository', () => {
    const needle = ['..', 'shared'].join('/');
    const offenders = tracked().filter((f) => !f.startsWith('data/') && readFileSync(f).includes(needle));
    expect(offenders).toEqual([]);
  });

  it('every vendored data file has the sha256 data/README.md gives', () => {
    const readme = readFileSync('data/README.md', 'utf8');
    const rows = [...readme.matchAll(/^([0-9a-f]{64}) {2}(\S+)$/gm)];
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const [, sum, path] of rows) {
      expect(createHash('sha256').update(readFileSync(`data/${path}`)).digest('hex'), path).toBe(sum);
    }
  });
});
