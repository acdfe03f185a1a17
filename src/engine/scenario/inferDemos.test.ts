// Real demo commands, read as written ([15.1]–[15.4]): the Kubernetes docs' sidecar, init-container,
// probe and hook examples, and the command upstream's node e2e tests build for every container
// (ExecCommand in test/e2e_node/container_lifecycle_pod_construction.go, read at 03b40b6f).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { commandRunTime, inferProcess } from './infer';

/** The shape of upstream's ExecCommand: logs, a `_term` function as TERM trap, `exec sleep N & wait $!`. */
function execCommand(c: { delay?: number; startDelay?: number; loopForever?: boolean; terminationSeconds?: number; exitCode?: number }): string[] {
  const t = "`date -u +%FT$(nmeter -d0 '%3t' | head -n1)Z`";
  const log = '/persistent/c.log';
  let cmd = `touch ${log}; cat ${log} >> /proc/1/fd/1; echo ${t} 'c Starting ${c.startDelay ?? 0}' | tee -a ${log} >> /proc/1/fd/1; `;
  cmd += `_term() { sleep ${c.terminationSeconds ?? 0}; echo ${t} 'c Exiting' | tee -a ${log} >> /proc/1/fd/1; exit ${c.exitCode ?? 0}; }; `;
  cmd += 'trap _term TERM; ';
  if (c.startDelay) cmd += `exec sleep ${c.startDelay} & wait $!; `;
  cmd += `touch started; echo ${t} 'c Started' | tee -a ${log} >> /proc/1/fd/1; `;
  cmd += `echo ${t} 'c Delaying ${c.delay ?? 0}' | tee -a ${log} >> /proc/1/fd/1; `;
  if (c.delay) cmd += `exec sleep ${c.delay} & wait $!; `;
  if (c.loopForever) cmd += `while true; do echo ${t} 'c Looping' | tee -a ${log} >> /proc/1/fd/1 ; sleep 1 ; done; `;
  cmd += `echo ${t} 'c Exiting'  | tee -a ${log} >> /proc/1/fd/1; exit ${c.exitCode ?? 0}`;
  return ['sh', '-c', cmd];
}

describe('upstream e2e ExecCommand (container_lifecycle_pod_construction.go) [15.2] [15.3]', () => {
  it('Delay N, ExitCode C: exits C after N s; the trap interrupts `wait` at once', () => {
    expect(inferProcess({ image: 'busybox', command: execCommand({ delay: 60 }) })).toMatchObject({
      exitAfter: 60, exitCode: 0, understood: true, onStop: { kind: 'exit', after: 0, exitCode: 0 },
    });
    expect(inferProcess({ image: 'busybox', command: execCommand({ startDelay: 3, delay: 5, exitCode: 1 }) })).toMatchObject({
      exitAfter: 8, exitCode: 1, onStop: { kind: 'exit', after: 0, exitCode: 1 },
    });
  });

  it('TerminationSeconds T: the trap takes T s', () => {
    expect(inferProcess({ image: 'busybox', command: execCommand({ delay: 10, terminationSeconds: 1 }) }).onStop).toEqual({ kind: 'exit', after: 1, exitCode: 0 });
  });

  it('LoopForever: runs until stopped; the trap waits for the loop’s `sleep 1` to return', () => {
    const r = inferProcess({ image: 'busybox', command: execCommand({ loopForever: true, terminationSeconds: 5 }) });
    expect(r).toMatchObject({ exitAfter: null, understood: true });
    expect(r.onStop).toEqual({
      kind: 'exit', after: 5, exitCode: 0,
      trap: { armedAt: 0, timeline: { holds: [], loops: [{ from: 0, period: 1, holds: [{ from: 0, to: 1 }], end: Infinity }] } },
    });
    expect(r.note).toMatch(/its TERM trap exits 0 after 5 s, but a shell runs a trap only once the foreground command it is running returns \(up to 1 s\)$/);
  });
});

describe('Kubernetes docs examples [15.1] [15.2]', () => {
  it.each([
    // concepts/workloads/pods/sidecar-containers: the app and its log-shipping sidecar
    [['sh', '-c', 'while true; do echo "logging" >> /opt/logs.txt; sleep 1; done'], { exitAfter: null, understood: true, onStop: { kind: 'ignore' } }],
    [['sh', '-c', 'tail -F /opt/logs.txt'], { exitAfter: null, understood: true, onStop: { kind: 'ignore' } }],
    // the sidecar Job example's main container
    [['sh', '-c', 'echo "logging" > /opt/logs.txt'], { exitAfter: 0, exitCode: 0, understood: true }],
    // concepts/workloads/pods/init-containers
    [['sh', '-c', 'echo The app is running! && sleep 3600'], { exitAfter: 3600, exitCode: 0, understood: true }],
    [['sh', '-c', 'until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done'], { exitAfter: null, understood: false }],
    // tasks/configure-pod-container/configure-liveness-readiness-startup-probes
    [['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'], { exitAfter: 630, exitCode: 0, understood: true }],
    // issue 12's loop over seq
    [['sh', '-c', 'for i in $(seq 1 5); do echo "tick $i"; sleep 3; done'], { exitAfter: 15, exitCode: 0, understood: true }],
  ])('%j', (command, expected) => {
    expect(inferProcess({ image: 'busybox:1.28', command })).toMatchObject(expected);
  });
});

describe('a TERM trap in a POSIX shell runs after the foreground command returns [15.3]', () => {
  it("trap '…; sleep 3; exit 0' TERM with `sleep infinity & wait`: the trap runs at once and takes 3 s", () => {
    const r = inferProcess({ image: 'busybox', command: ['sh', '-c', "trap 'echo bye; sleep 3; exit 0' TERM; sleep infinity & wait"] });
    expect(r.onStop).toEqual({ kind: 'exit', after: 3, exitCode: 0 });
    expect(r.note).toMatch(/its TERM trap exits 0 after 3 s$/);
  });

  it('trap "exit 0" TERM; sleep 3600: the trap waits for the sleep, so SIGTERM does not end it at once', () => {
    const r = inferProcess({ image: 'busybox', command: ['sh', '-c', 'trap "exit 0" TERM; sleep 3600'] });
    expect(r).toMatchObject({ exitAfter: 3600, onStop: { kind: 'exit', after: 0, trap: { armedAt: 0, timeline: { holds: [{ from: 0, to: 3600 }] } } } });
    expect(r.note).toMatch(/only once the foreground command it is running returns \(up to 1 h\)/);
  });

  it('a trap set late: a SIGTERM before it is ignored by PID 1', () => {
    const r = inferProcess({ image: 'busybox', command: ['sh', '-c', "sleep 5; trap 'exit 0' TERM; sleep infinity & wait"] });
    expect(r.onStop).toMatchObject({ kind: 'exit', trap: { armedAt: 5 } });
    expect(r.note).toMatch(/set 5 s after the start; a SIGTERM before that is ignored/);
  });

  it('an unknown foreground program holds the trap back, maybe for ever', () => {
    const r = inferProcess({ image: 'python:3', command: ['sh', '-c', "trap 'exit 0' TERM; python3 -m http.server"] });
    expect(r).toMatchObject({ understood: false, onStop: { kind: 'exit', trap: { timeline: { holds: [{ from: 0, to: Infinity }] } } } });
    expect(r.note).toMatch(/which may be never/);
  });
});

describe('commandRunTime: how long an exec’d command takes (probes, hooks) [15.4]', () => {
  it('reads sleeps and exits, says never or cannot tell', () => {
    expect(commandRunTime(['sh', '-c', 'sleep 3; exit 1'])).toEqual({ kind: 'exits', seconds: 3, exitCode: 1 });
    expect(commandRunTime(['cat', '/tmp/healthy'])).toEqual({ kind: 'exits', seconds: 0, exitCode: 0 });
    expect(commandRunTime(['sleep', 'infinity'])).toEqual({ kind: 'never' });
    expect(commandRunTime(['/bin/grpc_health_probe', '-addr=:5000'])).toMatchObject({ kind: 'unknown' });
    expect(commandRunTime([])).toMatchObject({ kind: 'unknown' });
  });
});

describe('hostile commands (issue 17 finding 12)', () => {
  it('1,000 nested subshells: a note that it cannot be read, no crash', () => {
    const deep = `${'('.repeat(1000)}sleep 1${')'.repeat(1000)}`;
    const r = inferProcess({ image: 'busybox', command: ['sh', '-c', deep] });
    expect(r).toMatchObject({ exitAfter: null, understood: false });
    expect(r.note).toMatch(/^can't tell what \(\(\(/);
  });

  it('the scenario still runs: an info note at the container, no internal error', () => {
    const deep = `${'('.repeat(1000)}sleep 1${')'.repeat(1000)}`;
    const res = runScenario(`apiVersion: v1\nkind: Pod\nmetadata: { name: deep }\nspec:\n  containers:\n    - name: app\n      image: busybox\n      command: [sh, -c, '${deep}']\n`, {});
    expect(res.ok).toBe(true);
    expect(res.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(res.problems.find((p) => p.severity === 'info')?.message).toMatch(/^app: can't tell what/);
  });

  it('a function calling itself is not followed for ever', () => {
    expect(inferProcess({ image: 'busybox', command: ['sh', '-c', 'f() { sleep 1; f; }; f'] })).toMatchObject({ exitAfter: null, understood: false });
  });
});

describe('a TERM trap that does not exit [15.3]', () => {
  it('trap : TERM INT; sleep infinity & wait (the Dockerfile idiom): the wait returns 143 and the script ends with it', () => {
    const r = inferProcess({ image: 'busybox', command: ['sh', '-c', 'trap : TERM INT; sleep infinity & wait'] });
    expect(r).toMatchObject({ exitAfter: null, understood: true });
    expect(r.onStop).toEqual({ kind: 'exit', after: 0, exitCode: 143, trap: { armedAt: 0, timeline: { holds: [], loops: [] }, onlyDuring: { from: 0, to: Infinity } } });
  });

  it('command [/bin/bash, -c, --] with the script in args: `--` only ends the options', () => {
    const r = inferProcess({ image: 'ubuntu:24.04', command: ['/bin/bash', '-c', '--'], args: ['trap : TERM INT; sleep infinity & wait'] });
    expect(r.onStop).toMatchObject({ kind: 'exit', after: 0, exitCode: 143 });
    expect(inferProcess({ image: 'busybox', command: ['/bin/sh', '-c', '--'], args: ['while true; do sleep 30; done;'] })).toMatchObject({ exitAfter: null, understood: true });
  });

  it('what follows the interrupted wait decides the code and adds its time', () => {
    const r = inferProcess({ image: 'busybox', command: ['sh', '-c', "trap 'echo x; sleep 2' TERM; sleep infinity & wait; sleep 1; exit 3"] });
    expect(r.onStop).toMatchObject({ kind: 'exit', after: 3, exitCode: 3 });
  });

  it('behind a foreground command, or in a loop that goes on, the shell carries on: SIGTERM is in effect ignored', () => {
    expect(inferProcess({ image: 'busybox', command: ['sh', '-c', "trap 'echo got TERM' TERM; sleep 100"] }).onStop).toEqual({ kind: 'ignore' });
    expect(inferProcess({ image: 'busybox', command: ['sh', '-c', "trap 'echo x' TERM; while true; do sleep infinity & wait; done"] }).onStop).toEqual({ kind: 'ignore' });
  });
});
