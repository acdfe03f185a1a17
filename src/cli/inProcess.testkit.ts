// The `sim` command run in-process for tests: its exit status and the lines it printed.

import { nodeIO, type CliIO } from './io';
import { main } from './sim';

export async function sim(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l), readFile: nodeIO().readFile };
  const code = await main(argv, io);
  return { code, out, err };
}
