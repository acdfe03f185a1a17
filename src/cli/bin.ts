// The bundled command's entry (bin/sim-cli.cjs builds this file into dist-cli/ and runs it):
// the same dispatcher as `tsx src/cli/sim.ts`, without compiling TypeScript at every call.

import { runProcess } from './sim';

runProcess();
