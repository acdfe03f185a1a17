// An exec probe's command as the prober runs it ([15.4], [5.13]): pkg/probe/exec/exec.go Probe (read
// at 05c351a9: a non-zero exit is a Failure with the output, LimitWriter(maxReadLength = 10 KiB)),
// prober.go newExecInContainer and probe (a stored 1.2x-1.3x copy, id 262713168: RunInContainer's output, then
// `"%s probe failed: %s"`), kuberuntime_container.go RunInContainer (stdout with stderr appended).
// The same in every minor 1.27-1.37. Also infer.ts userlandOf (whose cat/ls an image has) and
// probeCommand.ts probeNotes (a note for a probe command read in part).
import { describe, expect, it } from 'vitest';
import { execEnd, probeVerdict, userlandOf } from './infer';
import { EXEC_PROBE_MAX_OUTPUT, execProbeOutput, failingExecOutput, probeNotes } from './probeCommand';
import type { ProbeSpec } from './types';

describe('userlandOf: busybox in busybox and Alpine images, GNU coreutils elsewhere (assumed: most images are Debian, Ubuntu or Red Hat based)', () => {
  it.each([
    ['busybox', 'busybox'], ['registry.k8s.io/busybox', 'busybox'], ['busybox:1.27', 'busybox'], ['alpine:3.20', 'busybox'],
    ['nginx:alpine', 'busybox'], ['nginx:1.27-alpine', 'busybox'], ['bash:5', 'busybox'], ['nicolaka/netshoot', 'busybox'],
    ['debian:12', 'gnu'], ['ubuntu:24.04', 'gnu'], ['nginx:1.27', 'gnu'], ['centos', 'gnu'], ['example/app:1', 'gnu'],
    ['centos:7', 'gnu-old'], ['debian:jessie', 'gnu-old'], ['ubuntu:14.04', 'gnu-old'], ['amazonlinux:2', 'gnu-old'],
  ])('%s: %s', (image, userland) => {
    expect(userlandOf(image)).toBe(userland);
  });

  it('unknown without an image, and for a distroless one (no cat at all)', () => {
    expect(userlandOf(undefined)).toBeUndefined();
    expect(userlandOf('gcr.io/distroless/static:nonroot')).toBeUndefined();
  });
});

describe('probeVerdict: exec.go Probe fails a run on a non-zero exit; a command the reader follows to a certain non-zero exit always fails', () => {
  it.each([
    [['sh', '-c', 'echo "not ready"; exit 1'], 'fail'],
    [['sh', '-c', 'sleep 5; exit 2'], 'fail'],
    [['sh', '-c', 'rm -f /tmp/x; cat /tmp/x'], 'fail'],
    [['sh', '-c', 'exit 1'], 'fail'], // literal, as before
    [['true'], 'pass'], // literal, as before
  ])('%j: %s', (command, verdict) => {
    expect(probeVerdict(command)).toBe(verdict);
  });

  it.each([
    [['cat', '/tmp/healthy']], // cat's 0 is assumed for a file it does not know: the app decides (injected failures)
    [['sh', '-c', 'echo ok']], // a pass stays literal-only: an injected failure still applies
    [['sh', '-c', 'sleep 10 & exit 1']], // the runtime waits for the job holding the output: not followed
    [['sh', '-c', 'pg_isready || exit 1']],
  ])('%j: no fixed verdict', (command) => {
    expect(probeVerdict(command)).toBeUndefined();
  });
});

describe('the output the prober gets: RunInContainer\'s stdout, then its stderr, the first 10 KiB (exec.go LimitWriter)', () => {
  it('stdout first, stderr after, not interleaved ("This does not correctly interleave stdout & stderr")', () => {
    expect(failingExecOutput(['sh', '-c', 'echo to-stderr >&2; echo to-stdout; exit 1'])).toBe('to-stdout\nto-stderr\n');
    expect(execProbeOutput('a\n', 'b\n')).toBe('a\nb\n');
  });

  it('the first 10,240 bytes, cut before a character that would not fit', () => {
    const long = 'x'.repeat(EXEC_PROBE_MAX_OUTPUT + 50);
    expect(execProbeOutput(long, '')).toHaveLength(10_240);
    expect(execProbeOutput(`${'x'.repeat(EXEC_PROBE_MAX_OUTPUT - 1)}é`, '')).toBe('x'.repeat(EXEC_PROBE_MAX_OUTPUT - 1));
  });

  it('the image\'s userland words a file the command itself removed; unknown output stays undefined', () => {
    const cmd = ['sh', '-c', 'rm -f /tmp/ready; cat /tmp/ready'];
    expect(failingExecOutput(cmd, 'busybox')).toBe("cat: can't open '/tmp/ready': No such file or directory\n");
    expect(failingExecOutput(cmd, 'debian:12')).toBe('cat: /tmp/ready: No such file or directory\n');
    expect(failingExecOutput(cmd)).toBeUndefined(); // no image: the words are not known
    expect(failingExecOutput(['sh', '-c', 'exit 1'])).toBe('');
    expect(failingExecOutput(['sh', '-c', 'echo ok'])).toBeUndefined(); // it does not fail
  });

  it('execEnd: seconds, exit code and both streams of a hook\'s command (Kubernetes in Action 2e, pod.quote-poststart-fail on nginx:alpine)', () => {
    expect(execEnd(['sh', '-c', "echo 'Emulating a post-start hook failure'; exit 1"], 'nginx:alpine')).toEqual({
      seconds: 0, exitCode: 1, stdout: 'Emulating a post-start hook failure\n', stderr: '',
    });
  });
});

describe('probeNotes: an exec probe command read in part is taken to pass at once; the user is told', () => {
  const probe = (command: string[]): ProbeSpec => ({
    handler: 'exec', command, initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3,
  });

  it('names the probe, the container, the reason and the assumption', () => {
    const notes = probeNotes({ name: 'app', image: 'busybox', livenessProbe: probe(['sh', '-c', 'sleep 10 & exit 1']), startupProbe: probe(['sh', '-c', 'exit $CODE']) });
    expect(notes).toEqual([
      "startupProbe of app: can't tell how its command ends (it cannot follow exit $CODE): each run is taken to answer at once and to pass while the app is up; a failStartup event in the Simulation document makes it fail",
      "livenessProbe of app: can't tell how its command ends (a background job keeps the run's output open, and the runtime waits for it): each run is taken to answer at once and to pass while the app is up; a failLiveness event in the Simulation document makes it fail",
    ]);
  });

  it('none for a program the reader does not know (the everyday probe), one it follows, or one that never returns (it times out)', () => {
    const c = { name: 'db', image: 'postgres:16' };
    expect(probeNotes({ ...c, readinessProbe: probe(['pg_isready', '-U', 'postgres']) })).toEqual([]);
    expect(probeNotes({ ...c, readinessProbe: probe(['sh', '-c', 'pg_isready -U postgres || exit 1']) })).toEqual([]);
    expect(probeNotes({ ...c, livenessProbe: probe(['cat', '/tmp/healthy']) })).toEqual([]);
    expect(probeNotes({ ...c, livenessProbe: probe(['sleep', 'infinity']) })).toEqual([]);
  });

  it('none for a probe whose run the Simulation document describes (its `livenessProbe:` entry)', () => {
    const c = { name: 'app', image: 'busybox', livenessProbe: probe(['sh', '-c', 'sleep 10 & exit 1']) };
    expect(probeNotes(c, { liveness: { duration: 2 } })).toEqual([]);
    expect(probeNotes(c, { readiness: { duration: 2 } })).toHaveLength(1);
  });

  it('a loop waiting on something outside: noted', () => {
    const notes = probeNotes({ name: 'web', image: 'busybox', readinessProbe: probe(['sh', '-c', 'until nc -z db 5432; do sleep 1; done']) });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^readinessProbe of web: can't tell how its command ends \(it waits for something the simulator cannot see/);
  });
});
