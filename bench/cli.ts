// The `sim` command's cold start: a new Node process running the default scenario, as a user would.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median, round } from './stats';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The median of `runs` calls, each a new process. One call before them is not counted: it may
 * build the bundle or its code cache (once per checkout), or find the files out of the page cache
 * after the web section of the previous repeat.
 */
export function measureCli(runs: number): { 'cli.coldRunMs': number } {
  const call = () => {
    const start = performance.now();
    const r = spawnSync('npm', ['run', '--silent', 'sim', '--', 'run', 'src/scenarios/00-default.yaml', '--json'], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`sim run failed: ${r.stderr}`);
    return performance.now() - start;
  };
  call();
  const times = Array.from({ length: runs }, call);
  return { 'cli.coldRunMs': round(median(times), 0) };
}
