// `npm run bench`: measures, prints one table with the goals of issue 16 beside the figures, and
// writes bench/results.json (contract section 5) and the README's figures table generated from it.
// Figures are medians over several runs; ratios compare two things measured in the same run;
// `--repeat N` measures every section N times, each in a new process (a repeat in the same process
// would find the engine already optimised by V8), and keeps the median and the spread of the repeats.
// Usage: npm run bench [-- --runs 7] [-- --repeat 3] [-- --only engine,parse,budget,draw,cli,web,share] [-- --dry]
// (`--dry`: print the table and write nothing, for a trial or an A/B)

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measureCli } from './cli';
import { measureEngine } from './engine';
import { resultTable } from './goals';
import { withFigures } from './readmeFigures';
import { mergeResults, summarise, type Figures, type Results } from './results';

const args = process.argv.slice(2);
const numberArg = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback);
const runs = numberArg('--runs', 5);
const repeats = numberArg('--repeat', 1);
/** Set in a repeat's own process: print the figures as JSON on the last line and write nothing. */
const asRepeat = args.includes('--as-repeat');
/** Print the figures and write nothing: a trial run, or one side of an A/B. */
const dry = args.includes('--dry');
const onlyArg = args.includes('--only') ? args[args.indexOf('--only') + 1] ?? '' : '';
const only = new Set(onlyArg ? onlyArg.split(',') : ['engine', 'parse', 'budget', 'draw', 'cli', 'web']);

const RESULTS = new URL('./results.json', import.meta.url);
const README = new URL('../README.md', import.meta.url);

async function measureOnce(): Promise<Figures> {
  const results: Figures = {};
  if (only.has('engine')) Object.assign(results, measureEngine(runs));
  if (only.has('parse')) Object.assign(results, (await import('./parse')).measureParse(runs));
  if (only.has('budget')) Object.assign(results, (await import('./budget')).measureBudget(runs));
  if (only.has('draw')) Object.assign(results, (await import('./draw')).measureDraw(runs));
  if (only.has('cli')) Object.assign(results, measureCli(Math.max(7, runs)));
  if (only.has('web')) {
    const { measureWeb } = await import('./web');
    Object.assign(results, await measureWeb(runs));
  }
  if (!onlyArg || only.has('share')) Object.assign(results, (await import('./share')).measureShare());
  return results;
}

function previousResults(): Partial<Results> | undefined {
  try {
    return JSON.parse(readFileSync(RESULTS, 'utf8')) as Partial<Results>;
  } catch {
    return undefined;
  }
}

/** One repeat in a new process, its figures read from the last line it prints. */
function measureInNewProcess(): Figures {
  const script = fileURLToPath(import.meta.url);
  const res = spawnSync('npx', ['tsx', script, ...args.filter((a, i) => a !== '--repeat' && args[i - 1] !== '--repeat'), '--as-repeat'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  if (res.status !== 0) throw new Error(`a repeat failed (exit ${res.status})`);
  return JSON.parse(res.stdout.trim().split('\n').at(-1)!) as Figures;
}

async function main(): Promise<void> {
  if (asRepeat) {
    console.log(JSON.stringify(await measureOnce()));
    return;
  }
  const all: Figures[] = [];
  for (let i = 0; i < repeats; i++) {
    all.push(repeats > 1 ? measureInNewProcess() : await measureOnce());
    if (repeats > 1) console.log(`repeat ${i + 1} of ${repeats} done`);
  }
  const fresh = summarise(all);
  console.log(resultTable(fresh.figures));
  if (dry) {
    console.log('\n--dry: bench/results.json and the README are unchanged');
    return;
  }
  const results = mergeResults(previousResults(), fresh, { at: new Date().toISOString(), runs, repeats }, process.version);
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(README, withFigures(readFileSync(README, 'utf8'), results));
  console.log('\nwritten to bench/results.json and the README’s figures table');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
