// The entry the production bundle (dist/cli/gensoku.mjs) is built from; bin/gensoku.mjs runs the sources through tsx.
import { main } from './main.ts';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
process.exitCode = await main(process.argv.slice(2));
