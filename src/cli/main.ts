import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXIT, UsageError, type Io } from './io.ts';

const COMMANDS: Record<string, string> = {
  evaluate: 'decide a TransferRequest: gensoku evaluate [FILE|-] [--regime ID] [--format json|text] [--lang en|ja]',
  regimes: 'list regimes, revisions and drafts with their dates and sources',
  facts: "a country's facts on a date, each with its citation: gensoku facts UA [--as-of DATE]",
  check: 'validate the policy and run every scenario (exit 3 on any failure)',
  items: 'list the item catalogue',
  matrix: 'outcome for every country x item class',
  diff: 'what changed between two dates or regimes',
  timeline: 'the same request across all time',
  whatif: 'the smallest changes that would make a request permissible',
  screen: 'screen a name against the UN Security Council Consolidated List',
  lists: 'import the UN Security Council Consolidated List',
  serve: 'start the API and web UI',
  users: 'manage users',
  audit: 'verify the audit chain',
  report: 'annual report',
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return `gensoku - Japan's rules on transferring defense equipment abroad, as an explainable engine\n\nUsage: gensoku <command> [options]\n\n${Object.entries(COMMANDS)
    .map(([c, d]) => `  ${c.padEnd(width)}  ${d}`).join('\n')}\n\nExit codes: 0 permissible/out_of_scope, 2 prohibited/not_permitted, 4 requires_judgment, 1 bad input, 3 invalid policy.\n`;
}

const defaultIo: Io = {
  stdout: (s) => { process.stdout.write(s); },
  stderr: (s) => { process.stderr.write(s); },
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  isTTY: Boolean(process.stderr.isTTY),
};

/** Parses the command name and dispatches to src/cli/commands/<name>.ts; every failure maps to an exit code here. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name ? EXIT.ok : EXIT.usage;
  }
  const file = fileURLToPath(new URL(`./commands/${name}.ts`, import.meta.url));
  if (!/^[a-z-]+$/.test(name) || !COMMANDS[name] || !existsSync(file)) {
    io.stderr(`unknown command "${name}"\n\n${help()}`);
    return EXIT.usage;
  }
  try {
    const mod = (await import(`./commands/${name}.ts`)) as { run: (argv: string[], io: Io) => Promise<number> };
    return await mod.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\nRun "gensoku --help" for usage.\n`);
      return EXIT.usage;
    }
    io.stderr(`internal error: ${(e as Error).message}\n`);
    return 70;
  }
}
