import { ConfigError, readConfig } from '../config.ts';
import { commandHelp, HELP, type CommandName } from './help.ts';
import { EXIT, UsageError, printProblems, type Io } from './io.ts';

export type Command = { run: (argv: string[], io: Io) => Promise<number> };

/** Each command's module, loaded only when used (static imports, so bundlers see them); its help is in help.ts. */
export const COMMANDS: Record<CommandName, () => Promise<Command>> = {
  evaluate: () => import('./commands/evaluate.ts'),
  regimes: () => import('./commands/regimes.ts'),
  facts: () => import('./commands/facts.ts'),
  check: () => import('./commands/check.ts'),
  items: () => import('./commands/items.ts'),
  matrix: () => import('./commands/matrix.ts'),
  diff: () => import('./commands/diff.ts'),
  timeline: () => import('./commands/timeline.ts'),
  whatif: () => import('./commands/whatif.ts'),
  screen: () => import('./commands/screen.ts'),
  lists: () => import('./commands/lists.ts'),
  serve: () => import('./commands/serve.ts'),
  users: () => import('./commands/users.ts'),
  audit: () => import('./commands/audit.ts'),
  report: () => import('./commands/report.ts'),
};

function help(): string {
  const names = Object.keys(COMMANDS) as CommandName[];
  const width = Math.max(...names.map((c) => c.length));
  return `gensoku - Japan's rules on transferring defense equipment abroad, as an explainable engine\n\nUsage: gensoku <command> [options]\n\n${names
    .map((c) => `  ${c.padEnd(width)}  ${HELP[c].summary}`).join('\n')}\n\n"gensoku <command> --help" shows a command's options and an example.\nExit codes: 0 permissible/out_of_scope, 2 prohibited/not_permitted, 4 requires_judgment, 1 bad input, 3 invalid policy.\n`;
}

const defaultIo = (): Io => ({
  stdout: (s) => { process.stdout.write(s); },
  stderr: (s) => { process.stderr.write(s); },
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  isTTY: Boolean(process.stderr.isTTY),
  // The one place the CLI reads the environment; commands get it from here.
  config: readConfig(),
  now: () => new Date(),
});

const wantsHelp = (argv: string[]) => argv.some((a) => a === '--help' || a === '-h');

/** Parses the command name and dispatches to its module; every failure maps to an exit code here. */
export async function main(argv: string[], given?: Io): Promise<number> {
  const [name, ...rest] = argv;
  const out = given ?? { stdout: (s: string) => { process.stdout.write(s); }, stderr: (s: string) => { process.stderr.write(s); } };
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out.stdout(help());
    return name ? EXIT.ok : EXIT.usage;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name as CommandName] : undefined;
  if (!load) {
    out.stderr(`unknown command "${name}"\n\n${help()}`);
    return EXIT.usage;
  }
  if (wantsHelp(rest)) {
    out.stdout(commandHelp(name as CommandName));
    return EXIT.ok;
  }
  let io: Io;
  try {
    io = given ?? defaultIo();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    printProblems({ ...out, stdin: async () => '' }, e.problems, 'invalid configuration in the environment (see docs/deploy.md)');
    return EXIT.usage;
  }
  try {
    const mod = await load();
    return await mod.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\nRun "gensoku ${name} --help" for usage.\n`);
      return EXIT.usage;
    }
    if (e instanceof ConfigError) {
      printProblems(io, e.problems, 'invalid configuration in the environment (see docs/deploy.md)');
      return EXIT.usage;
    }
    io.stderr(`internal error: ${(e as Error).message}\n`);
    return 70;
  }
}
