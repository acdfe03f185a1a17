// The `sim` command's cold start: a new Node process running the default scenario, as a user would.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median, round } from './stats';

const root = fileURLToPath(new URL('..', import.meta.url));

export function measureCli(runs: number): { 'cli.coldRunMs': number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const r = spawnSync('npm', ['run', '--silent', 'sim', '--', 'run', 'src/scenarios/00-default.yaml', '--json'], { cwd: root, encoding: 'utf8' });
    times.push(performance.now() - start);
    if (r.status !== 0) throw new Error(`sim run failed: ${r.stderr}`);
  }
  return { 'cli.coldRunMs': round(median(times), 0) };
}
