// `npm run fuzz [-- --runs 20000] [-- --seed N]`: a long fast-check run of every engine invariant
// over random pods (1–40 containers, every kind, probes, hooks, policies, versions) and random
// fault schedules. A failing case is shrunk and saved as a regression that `npm test` runs forever.

import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { podArb } from '../src/engine/testing/arbitraries';
import { violations } from '../src/engine/testing/invariants';
import type { PodDesc } from '../src/engine/testing/build';

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(arg('--runs') ?? 5000);
const seed = arg('--seed') !== undefined ? Number(arg('--seed')) : Date.now() % 2 ** 31;

const start = performance.now();
const result = fc.check(fc.property(podArb(40), (d) => violations(d).length === 0), { numRuns: runs, seed });
const seconds = ((performance.now() - start) / 1000).toFixed(1);

if (!result.failed) {
  console.log(`fuzz: ${runs} random pods, every invariant held (seed ${seed}, ${seconds} s)`);
} else {
  const d = result.counterexample![0] as PodDesc;
  const file = new URL(`../src/engine/sim/regressions/seed-${seed}.json`, import.meta.url);
  writeFileSync(file, `${JSON.stringify(d)}\n`);
  console.error(`fuzz: invariant broken after ${result.numRuns} pods (seed ${seed}):`);
  for (const v of violations(d)) console.error(`  ${v}`);
  console.error(`saved as ${file.pathname}; it now runs in npm test`);
  process.exit(1);
}
