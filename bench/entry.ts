// The bundled benchmark's entry: runs main with the command-line arguments.
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
