// The `sim` command as a new process, the way outside checks call it (`npm run sim` runs
// bin/sim-cli.cjs, the bundled command; launcher.test.ts checks it says what the source says):
//   node bin/sim-cli.cjs <command> ...

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const F = 'src/cli/fixtures';

function sim(...argv: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('node', ['bin/sim-cli.cjs', ...argv], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('sim as a process', () => {
  it('status FILE --json → one line of JSON, exit 0', () => {
    const r = sim('status', `${F}/sidecar-running.yaml`, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ phase: 'Running', kubectl: { ready: '2/2', status: 'Running', restarts: '2 (10s ago)' } });
  });

  it('status on an invalid file → exit 2 and problem lines on stderr', () => {
    const r = sim('status', `${F}/not-a-pod.yaml`);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${F}/not-a-pod.yaml:2:7: kind: Unsupported value: "Deployment": supported values: "Pod"\n`);
  });

  it('an unknown command → exit 2 with a usage line', () => {
    const r = sim('explode');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sim: unknown command "explode"\nusage: sim run FILE/);
  });

  it('a missing file → exit 2', () => {
    const r = sim('actions', `${F}/missing.yaml`);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`sim: cannot read ${F}/missing.yaml: no such file or directory\n`);
  });
});

describe('sim run and check as a process', () => {
  it('check on the default scenario prints nothing and exits 0', () => {
    const r = sim('check', 'src/scenarios/00-default.yaml');
    expect(r).toMatchObject({ code: 0, stdout: '' });
  });

  it('check on an invalid scenario → exit 2 with FILE:LINE:COL: FIELD.PATH: MESSAGE', () => {
    const r = sim('check', `${F}/scenario-invalid.yaml`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /scenario-invalid\.yaml:10:\d+: spec\.initContainers\[0\]\.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"/);
  });

  it('run --json prints the trace', () => {
    const r = sim('run', 'src/scenarios/00-default.yaml', '--json', '--k8s', '1.33');
    expect(r.code).toBe(0);
    const trace = JSON.parse(r.stdout);
    expect(trace).toMatchObject({ schema: 'sidecar-lab.trace/v1', kubernetesVersion: '1.33' });
    expect(trace.containers.map((c: { name: string; kind: string }) => `${c.name}:${c.kind}`)).toEqual([
      'init-myservice:init', 'init-mydb:init', 'istio-proxy:sidecar', 'myapp-container:main',
    ]);
    expect(r.stdout).toBe(`${JSON.stringify(trace, null, 2)}\n`);
  });

  it('run prints a text timeline with the kubectl rows', () => {
    const r = sim('run', 'src/scenarios/00-default.yaml', '--until', '1m');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^# Kubernetes 1\.37; ends at/);
    expect(lines.some((l) => /^\s+\d+\.\d{3} {2}istio-proxy\s+container\.start\s+attempt 0 — /.test(l))).toBe(true);
    expect(lines.some((l) => /kubectl get pod {2}READY 2\/2\s+STATUS Running/.test(l))).toBe(true);
  });

  it('run is deterministic: same scenario, same trace', () => {
    const a = sim('run', 'src/scenarios/00-default.yaml', '--json');
    const b = sim('run', 'src/scenarios/00-default.yaml', '--json');
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('sim as a process, on input that never ends and output nobody reads', () => {
  it('a FIFO is refused at once, even with no writer (opening it would block)', () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'sim-fifo-')), 'pods');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    for (const command of ['run', 'status']) {
      const r = sim(command, fifo);
      expect(r).toEqual({ code: 2, stdout: '', stderr: `sim: cannot read ${fifo}: not a regular file (a FIFO); sim reads YAML files only\n` });
    }
  });

  it('/dev/zero is refused at once with one line (it used to be read until memory ran out)', () => {
    const r = sim('status', '/dev/zero');
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'sim: cannot read /dev/zero: not a regular file (a character device); sim reads YAML files only\n' });
  });

  it('sim run FILE | head -1: the closed pipe ends the process quietly', async () => {
    const child = spawn('node', ['bin/sim-cli.cjs', 'run', `${F}/crash-loop-year.yaml`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    // Only the run's own warning (it reaches the event budget); no EPIPE, no stack.
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(stderr.trimEnd().split('\n').every((l) => l.startsWith(`${F}/crash-loop-year.yaml:`) && l.includes('warning:'))).toBe(true);
    expect(code).toBe(0);
  });
});
