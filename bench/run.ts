// `npm run bench`: measures, prints one table and writes bench/results.json (contract section 5).
// Figures are medians over several runs; ratios compare two things measured in the same run.
// Usage: npm run bench [-- --runs 7] [-- --only engine,parse,budget,draw,cli,web,share]

import { writeFileSync } from 'node:fs';
import { measureCli } from './cli';
import { measureEngine } from './engine';
import { resultTable } from './goals';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 0) || 5;
const onlyArg = args.includes('--only') ? args[args.indexOf('--only') + 1] ?? '' : '';
const only = new Set(onlyArg ? onlyArg.split(',') : ['engine', 'parse', 'budget', 'draw', 'cli', 'web']);

async function main(): Promise<void> {
  const results: Record<string, number> = {};
  if (only.has('engine')) Object.assign(results, measureEngine(runs));
  if (only.has('parse')) Object.assign(results, (await import('./parse')).measureParse(runs));
  if (only.has('budget')) Object.assign(results, (await import('./budget')).measureBudget(runs));
  if (only.has('draw')) Object.assign(results, (await import('./draw')).measureDraw(runs));
  if (only.has('cli')) Object.assign(results, measureCli(Math.max(3, Math.ceil(runs / 2))));
  if (only.has('web')) {
    const { measureWeb } = await import('./web');
    Object.assign(results, await measureWeb(runs));
  }
  if (!onlyArg || only.has('share')) Object.assign(results, (await import('./share')).measureShare());
  console.log(resultTable(results)); // with the goals of issue 16 beside the figures
  const out = { measuredAt: new Date().toISOString(), node: process.version, runs, ...results };
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
  console.log('\nwritten to bench/results.json');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
