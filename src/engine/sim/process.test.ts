// What the process does on its stop signal when a shell's TERM trap is inferred ([15.3], [8.6]):
// the trap runs once the foreground command returns; `wait` lets it run at once.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { TraceEvent } from '../trace';

const scenario = `apiVersion: v1
kind: Pod
metadata: { name: traps }
spec:
  terminationGracePeriodSeconds: 10
  containers:
    - name: fg
      image: busybox:1.36
      command: [sh, -c, 'trap "exit 0" TERM; sleep 3600']
    - name: bg
      image: busybox:1.36
      command: [sh, -c, 'trap "sleep 3; exit 0" TERM; sleep 3600 & wait']
    - name: loop
      image: busybox:1.36
      command: [sh, -c, 'trap "exit 0" TERM; while true; do sleep 4; done']
---
apiVersion: sidecar-lab/v1
kind: Simulation
events:
  - { at: 7s, do: deletePod }
`;

function exitOf(events: TraceEvent[], name: string): Extract<TraceEvent, { type: 'container.exit' }> {
  const e = events.find((x) => x.type === 'container.exit' && x.container === name);
  if (!e || e.type !== 'container.exit') throw new Error(`${name} never exited`);
  return e;
}

describe('signalStop with a shell trap [15.3] (POSIX XCU 2.11; busybox ash, dash, bash)', () => {
  const res = runScenario(scenario, {});
  const events = res.trace?.events ?? [];
  const start = (name: string) => events.find((e) => e.type === 'container.start' && e.container === name)?.t ?? NaN;
  const signal = events.find((e) => e.type === 'container.signal' && e.container === 'fg')?.t ?? NaN;

  it('a trap behind a foreground sleep never runs before SIGKILL: 137 at the end of the grace period', () => {
    expect(exitOf(events, 'fg')).toMatchObject({ exitCode: 137, t: signal + 10 });
  });

  it('a trap with `wait` runs at once and takes its own 3 s', () => {
    expect(exitOf(events, 'bg')).toMatchObject({ exitCode: 0, t: signal + 3 });
  });

  it('a trap in a sleep loop runs when the current sleep returns', () => {
    const t0 = start('loop');
    const periodEnd = t0 + Math.ceil((signal - t0) / 4) * 4;
    const exit = exitOf(events, 'loop');
    expect(exit.exitCode).toBe(0);
    expect(exit.t).toBeCloseTo(periodEnd, 6);
    expect(exit.why).toMatch(/only once its foreground command returns .*\[15\.3\]/);
  });
});

describe('whys of an attempt set by `runs:` name that entry, not the base behaviour', () => {
  const text = `apiVersion: v1
kind: Pod
metadata: { name: runs }
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: [sleep, "30"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 40s
containers:
  app:
    runs:
      - { exitAfter: 2s, exitCode: 1, startDelay: 1s }
`;
  const events = runScenario(text, {}).trace?.events ?? [];
  const of = (type: string, attempt: number) => events.find((e) => e.type === type && 'attempt' in e && e.attempt === attempt)?.why ?? '';

  it('attempt 0 follows runs[0]', () => {
    expect(of('container.exit', 0)).toBe('The process ends by itself 2s after it started, with code 1 (runs[0] in the Simulation document, for attempt 0 only).');
    expect(of('container.up', 0)).toMatch(/^The app is up 1s after its process started \(runs\[0\] in the Simulation document, for attempt 0 only\)/);
  });

  it('attempt 1 has no runs entry: the command’s own reading explains it', () => {
    expect(of('container.exit', 1)).toBe('The process ends by itself 30s after it started, with code 0 (sleep 30 → exits 0 after 30 s; ignores SIGTERM as PID 1, so it is killed at the end of the grace period).');
  });
});

describe('a trap that does not exit ends the process only during the final wait [15.3]', () => {
  const text = (at: string) => `apiVersion: v1
kind: Pod
metadata: { name: resume }
spec:
  terminationGracePeriodSeconds: 5
  containers:
    - name: app
      image: busybox:1.36
      command: [sh, -c, "trap 'echo got TERM' TERM; sleep 3; sleep 60 & wait"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
events:
  - { at: ${at}, do: deletePod }
`;
  const exit = (at: string) => {
    const events = runScenario(text(at), {}).trace?.events ?? [];
    const signal = events.find((e) => e.type === 'container.signal')?.t ?? NaN;
    const e = events.find((x) => x.type === 'container.exit');
    return { signal, exit: e?.t, code: e?.type === 'container.exit' ? e.exitCode : undefined };
  };

  it('SIGTERM during `wait`: 143 at once', () => {
    const r = exit('10s');
    expect(r).toMatchObject({ code: 143, exit: r.signal });
  });

  it('SIGTERM during the foreground `sleep 3`: the shell goes on into its wait, and SIGKILL ends it', () => {
    const r = exit('2s');
    expect(r).toMatchObject({ code: 137, exit: r.signal + 5 });
  });
});
