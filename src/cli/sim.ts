// The `sim` command (contract.md section 2): a thin dispatcher. Each subcommand lives in its
// own file and is loaded only when used.
//   npm run --silent sim -- run FILE [--json] [--until 5m] [--k8s 1.33] [--feature-gates A=true]

import { parseArgs, UsageError, USAGE, type CliArgs, type Command } from './args';
import { EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, nodeIO, type CliIO } from './io';

type Handler = (args: CliArgs, io: CliIO) => number;

const HANDLERS: Record<Command, () => Promise<Handler>> = {
  run: async () => (await import('./cmdRun')).runRun,
  status: async () => (await import('./cmdStatus')).runStatus,
  actions: async () => (await import('./cmdActions')).runActions,
  check: async () => (await import('./cmdCheck')).runCheck,
  explain: async () => (await import('./cmdExplain')).runExplain,
};

export async function main(argv: string[], io: CliIO): Promise<number> {
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
    io.err(`sim: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return EXIT_INTERNAL;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /sim\.[cm]?[jt]s$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2), nodeIO()).then((code) => { process.exitCode = code; });
}
