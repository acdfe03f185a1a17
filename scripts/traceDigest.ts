// `npx tsx scripts/traceDigest.ts > before.txt`: one line per scenario of a fixed corpus (the
// gallery, the golden fixtures, the CLI fixtures, the saved regressions and 400 random pods of a fixed
// seed) with a hash of its whole trace. Run it before and after an engine change that should not
// change behaviour and `diff` the two files: any line that differs names the scenario to look at.
// `--full NAME` prints that scenario's trace as JSON instead.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { runScenario } from '../src/engine/run';
import { simulate } from '../src/engine/sim/simulate';
import { podArb } from '../src/engine/testing/arbitraries';
import { buildScenario, type PodDesc } from '../src/engine/testing/build';

const root = new URL('../', import.meta.url);
const texts = (dir: string) =>
  readdirSync(new URL(dir, root)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => [`${dir}${f}`, readFileSync(new URL(`${dir}${f}`, root), 'utf8')] as const);

function corpus(): [string, () => unknown][] {
  const out: [string, () => unknown][] = [];
  for (const dir of ['src/scenarios/', 'src/engine/golden/fixtures/', 'src/cli/fixtures/']) {
    for (const [name, text] of texts(dir)) out.push([name, () => { const r = runScenario(text); return r.trace ?? r.problems; }]);
  }
  const reg = 'src/engine/sim/regressions/';
  for (const f of readdirSync(new URL(reg, root)).filter((x) => x.endsWith('.json')).sort()) {
    const d = JSON.parse(readFileSync(new URL(reg + f, root), 'utf8')) as PodDesc;
    out.push([reg + f, () => simulate(buildScenario(d))]);
  }
  const pods = fc.sample(podArb(12), { numRuns: 400, seed: 20261203 });
  pods.forEach((d, i) => out.push([`random-${i}`, () => simulate(buildScenario(d))]));
  return out;
}

const full = process.argv.indexOf('--full');
for (const [name, run] of corpus()) {
  if (full >= 0) { if (name === process.argv[full + 1]) console.log(JSON.stringify(run(), null, 1)); continue; }
  const json = JSON.stringify(run());
  console.log(`${createHash('sha256').update(json).digest('hex').slice(0, 16)} ${name}`);
}
