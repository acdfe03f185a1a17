// The bundled command's entry (bin/sim-cli.mjs builds this file into dist-cli/ and runs it):
// the same dispatcher as `tsx src/cli/sim.ts`, without compiling TypeScript at every call.

import { nodeIO } from './io';
import { main } from './sim';

main(process.argv.slice(2), nodeIO()).then((code) => { process.exitCode = code; });
