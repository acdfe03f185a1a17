// bin/sim-cli.cjs, what `npm run sim` and `npx sim` call: it bundles the command once (esbuild)
// and runs plain JavaScript after that. It must say exactly what the TypeScript source says.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });

describe('bin/sim-cli.cjs (the bundled sim command)', () => {
  it('prints the same trace as the TypeScript source, byte for byte', () => {
    const args = ['run', 'src/scenarios/00-default.yaml', '--json'];
    const bundled = run('node', ['bin/sim-cli.cjs', ...args]);
    const source = run('npx', ['tsx', 'src/cli/sim.ts', ...args]);
    expect(bundled.status).toBe(0);
    expect(bundled.stderr).toBe('');
    expect(JSON.parse(bundled.stdout).schema).toBe('sidecar-lab.trace/v1');
    expect(bundled.stdout).toBe(source.stdout);
  });

  it('compiles through a V8 code cache it writes itself; a corrupt cache is replaced and changes nothing', () => {
    const args = ['bin/sim-cli.cjs', 'run', 'src/scenarios/00-default.yaml', '--json'];
    const first = run('node', args);
    expect(first.status).toBe(0);
    const cache = 'dist-cli/sim.cjs.cache';
    expect(readFileSync(cache).length).toBeGreaterThan(100_000);
    writeFileSync(cache, 'not a code cache');
    const withCorrupt = run('node', args);
    expect(withCorrupt.status).toBe(0);
    expect(withCorrupt.stderr).toBe('');
    expect(withCorrupt.stdout).toBe(first.stdout);
    expect(readFileSync(cache).length).toBeGreaterThan(100_000);
    expect(run('node', args).stdout).toBe(first.stdout);
  });

  it('builds the bundle again when a source deep under src/engine is newer than it, and only then', () => {
    const args = ['bin/sim-cli.cjs', 'run', 'src/scenarios/00-default.yaml', '--json'];
    expect(run('node', args).status).toBe(0);
    const bundle = 'dist-cli/sim.cjs';
    const builtAt = statSync(bundle).mtimeMs;
    expect(run('node', args).status).toBe(0);
    expect(statSync(bundle).mtimeMs).toBe(builtAt);
    const source = 'src/engine/kubelet/backoff.ts'; // a folder down
    const now = new Date();
    utimesSync(source, now, now);
    const after = run('node', args);
    expect(after.status).toBe(0);
    expect(after.stderr).toBe('');
    expect(statSync(bundle).mtimeMs).toBeGreaterThanOrEqual(now.getTime());
  });

  it('finds every source by name: no folder under src/cli or src/engine has a dot in its name', () => {
    // The launcher takes a name without a dot for a folder and looks into no name with one.
    const dotted = ['src/cli', 'src/engine'].flatMap((dir) => readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name.includes('.')).map((e) => `${e.parentPath}/${e.name}`));
    expect(dotted).toEqual([]);
  });

  it('bundles plain ASCII, so every call reads it as a one-byte string (a non-ASCII character costs ~3 ms a call)', () => {
    expect(run('node', ['bin/sim-cli.cjs', 'check', 'src/scenarios/00-default.yaml']).status).toBe(0);
    const bytes = readFileSync('dist-cli/sim.cjs');
    const firstNonAscii = bytes.findIndex((byte) => byte > 0x7f);
    expect(firstNonAscii === -1 ? '' : bytes.subarray(Math.max(0, firstNonAscii - 40), firstNonAscii + 10).toString('utf8')).toBe('');
  });

  it('keeps the exit status and problem lines of invalid input', () => {
    const r = run('node', ['bin/sim-cli.cjs', 'check', 'src/cli/fixtures/scenario-invalid.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^src\/cli\/fixtures\/scenario-invalid\.yaml:\d+:\d+: /);
  });
});

describe('bin/sim-cli.cjs and a closed pipe', () => {
  it('ends quietly when the reader goes away (sim run FILE | head -1)', () => {
    const r = spawnSync('sh', ['-c', 'node bin/sim-cli.cjs run src/scenarios/00-default.yaml | head -1'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toMatch(/^# Kubernetes /);
    expect(r.stderr).toBe('');
  });
});
