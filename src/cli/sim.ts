// The `sim` command (contract.md section 2): a thin dispatcher. Each subcommand lives in its
// own file and is loaded only when used.
//   npm run --silent sim -- run FILE [--json] [--until 5m] [--k8s 1.33] [--feature-gates A=true]

import { parseArgs, UsageError, USAGE, type CliArgs, type Command } from './args';
import { EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, nodeIO, type CliIO } from './io';
import { printable } from './printable';

type Handler = (args: CliArgs, io: CliIO) => number;

const HANDLERS: Record<Command, () => Promise<Handler>> = {
  run: async () => (await import('./cmdRun')).runRun,
  status: async () => (await import('./cmdStatus')).runStatus,
  actions: async () => (await import('./cmdActions')).runActions,
  check: async () => (await import('./cmdCheck')).runCheck,
  explain: async () => (await import('./cmdExplain')).runExplain,
};

/** Every printed line escaped (printable.ts). */
function printableIO(io: CliIO): CliIO {
  return { out: (line) => io.out(printable(line)), err: (line) => io.err(printable(line)), readFile: (path) => io.readFile(path) };
}

export async function main(argv: string[], rawIO: CliIO): Promise<number> {
  const io = printableIO(rawIO);
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help')) {
    for (const line of USAGE) io.out(line);
    return EXIT_OK;
  }
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`sim: ${e.message}`);
    for (const line of USAGE) io.err(line);
    return EXIT_INVALID;
  }
  try {
    const handler = await HANDLERS[args.command]();
    return handler(args, io);
  } catch (e) {
    // One line; the stack only on request (SIM_DEBUG=1), never for the input's sake.
    const debug = process.env.SIM_DEBUG === '1' && e instanceof Error && e.stack;
    io.err(`sim: internal error: ${debug || (e instanceof Error ? e.message : String(e))}; please report the input that caused it`);
    return EXIT_INTERNAL;
  }
}

/** `sim run FILE | head -1`: once the reader is gone, stop without a word (as cat or grep do). */
function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(process.exitCode ?? EXIT_OK);
    });
  }
}

/** Runs the command for this process: its arguments, stdout and stderr, and its exit status. */
export function runProcess(): void {
  endQuietlyOnClosedPipe();
  main(process.argv.slice(2), nodeIO()).then((code) => { process.exitCode = code; });
}

const invokedDirectly = process.argv[1] !== undefined && /sim\.[cm]?[jt]s$/.test(process.argv[1]);
if (invokedDirectly) runProcess();
