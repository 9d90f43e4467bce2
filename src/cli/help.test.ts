// Every command answers --help (and -h) with its usage, options and an example, on stdout, exit 0, touching nothing.
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../test/support/cli-io.ts';
import { COMMANDS, main } from './main.ts';
import { HELP } from './help.ts';

describe('gensoku COMMAND --help', () => {
  it.each(Object.keys(COMMANDS))('%s --help', async (name) => {
    for (const argv of [[name, '--help'], [name, '-h'], [name, 'sub', '--format', 'json', '--help']]) {
      const t = memoryIo();
      expect(await main(argv, t.io)).toBe(0);
      expect(t.err()).toBe('');
      const out = t.out();
      expect(out).toMatch(new RegExp(`^gensoku ${name}: `));
      expect(out).toMatch(/\nUsage:\n {2}gensoku /);
      expect(out).toMatch(/\nOptions:\n[\s\S]*--help/);
      expect(out).toMatch(/\nExamples?:\n {2}gensoku /);
    }
  });

  it('lists every command with its summary in gensoku --help', async () => {
    const t = memoryIo();
    expect(await main(['--help'], t.io)).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(t.out()).toContain(`  ${name}`);
    expect(Object.keys(HELP).sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  it('points a usage error at the command help', async () => {
    const t = memoryIo();
    expect(await main(['facts'], t.io)).toBe(1);
    expect(t.err()).toContain('Run "gensoku facts --help" for usage.');
  });

  it('refuses a bad --list-refresh, and a bad setting in the environment, naming it, before opening anything', async () => {
    const t = memoryIo();
    expect(await main(['serve', '--list-refresh', 'soon'], t.io)).toBe(1);
    expect(t.err()).toContain('--list-refresh takes a duration such as 24h');
    const saved = process.env.GENSOKU_LIST_REFRESH;
    process.env.GENSOKU_LIST_REFRESH = 'daily';
    try {
      const e = memoryIo();
      expect(await main(['lists', 'history'], e.io)).toBe(1);
      expect(e.err()).toMatch(/invalid configuration in the environment[\s\S]*GENSOKU_LIST_REFRESH: a duration such as 24h/);
    } finally {
      if (saved === undefined) delete process.env.GENSOKU_LIST_REFRESH;
      else process.env.GENSOKU_LIST_REFRESH = saved;
    }
  });
});
