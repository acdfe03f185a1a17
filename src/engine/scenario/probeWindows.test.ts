// probeCommand.ts probeWindows ([15.4]): when an exec probe passes or fails by the container's own
// script, and what a failing run prints, checked against published `kubectl describe` lines. The
// output is what prober.go probe records after "%s probe failed: " (RunInContainer's stdout and
// stderr, pkg/probe/exec Probe's first 10 KiB, untrimmed); kubectl describe prints the message
// through strings.TrimSpace (describe.go DescribeEvents), hence `trim()` below. The same in every
// minor 1.27-1.37: none of these functions changed there.
//
// Not wired into the probe workers yet (the published transcripts of these pods still inject the
// failures with failLiveness/failStartup windows): this is the reading they would use.
import { describe, expect, it } from 'vitest';
import { probeWindows } from './probeCommand';

const LIVENESS_EXEC = 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600';

/** The Unhealthy message kubectl describe prints for a run in this window. */
const described = (probe: string, output: string | undefined) => `${probe} probe failed: ${output ?? ''}`.trim();

describe('probeWindows: the file the script removes, read by busybox\'s cat (open_or_warn: "can\'t open \'%s\'")', () => {
  it('kubernetes.io liveness-exec: passes for 30 s, then `Liveness probe failed: cat: can\'t open \'/tmp/healthy\': No such file or directory` until the script ends', () => {
    // https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-liveness-command
    const w = probeWindows({ image: 'registry.k8s.io/busybox', args: ['/bin/sh', '-c', LIVENESS_EXEC] }, ['cat', '/tmp/healthy']);
    expect(w).toEqual([
      { from: 0, to: 30, exitCode: 0, output: '' },
      { from: 30, to: 630, exitCode: 1, output: "cat: can't open '/tmp/healthy': No such file or directory\n" },
    ]);
    expect(described('Liveness', w[1]!.output)).toBe("Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
  });

  it('"Day 57" write-up, Task 6 (search-index file 71215186901, kind 1.35+, busybox:latest): `Startup probe failed: cat: can\'t open \'/tmp/started\': …` for the first 20 s', () => {
    const c = { image: 'busybox:latest', command: ['/bin/sh', '-c', 'sleep 20\ntouch /tmp/started\necho "application started"\nsleep 3600\n'] };
    const w = probeWindows(c, ['cat', '/tmp/started']);
    expect(w).toEqual([
      { from: 0, to: 20, exitCode: 1, output: "cat: can't open '/tmp/started': No such file or directory\n" },
      { from: 20, to: 3620, exitCode: 0, output: '' },
    ]);
    expect(described('Startup', w[0]!.output)).toBe("Startup probe failed: cat: can't open '/tmp/started': No such file or directory");
  });

  it('ChaseSunstrom/kube-training module 01 step 10 (busybox:1.37, a TERM trap, `sleep 20 & wait`, `rm` without -f): fails from 20 s', () => {
    // modules/01-pods/11-liveness-fail.yaml at d813c6ab; published `Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory`
    const script = 'trap \'echo "got SIGTERM from the kubelet"; exit 143\' TERM\ntouch /tmp/healthy; echo "healthy"\nsleep 20 & wait\nrm /tmp/healthy;    echo "now pretending to be stuck"\nsleep 3600 & wait\n';
    const w = probeWindows({ image: 'busybox:1.37', command: ['sh', '-c', script] }, ['cat', '/tmp/healthy']);
    expect(w.map((x) => [x.from, x.exitCode])).toEqual([[0, 0], [20, 1]]);
    expect(described('Liveness', w[1]!.output)).toBe("Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
  });

  it('the Docker Desktop readiness-exec (search-index file 16467414625, localhost:5000/busybox): the readiness line', () => {
    const w = probeWindows({ image: 'localhost:5000/busybox', args: ['/bin/sh', '-c', LIVENESS_EXEC] }, ['cat', '/tmp/healthy']);
    expect(described('Readiness', w[1]!.output)).toBe("Readiness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
  });
});

describe('probeWindows: GNU coreutils (error() with argv[0]; cat quotef, ls quoteaf)', () => {
  it('a CentOS liveness1 (search-index file 7925402142, centos untagged, kubectl 1.22+): `Liveness probe failed: cat: /tmp/healthy: No such file or directory`', () => {
    const c = { image: 'centos', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -rf /tmp/healthy; sleep 600'] };
    const w = probeWindows(c, ['cat', '/tmp/healthy']);
    expect(w.map((x) => [x.from, x.to, x.exitCode])).toEqual([[0, 30, 0], [30, 630, 1]]);
    expect(described('Liveness', w[1]!.output)).toBe('Liveness probe failed: cat: /tmp/healthy: No such file or directory');
  });

  it('ls on a Debian image (coreutils 8.25+) quotes the name and exits 2; `ls` of a file that is there prints its name', () => {
    const w = probeWindows({ image: 'debian:12', command: ['sh', '-c', 'sleep 10; touch /var/ready; sleep 100'] }, ['ls', '/var/ready']);
    expect(w).toEqual([
      { from: 0, to: 10, exitCode: 2, output: "ls: cannot access '/var/ready': No such file or directory\n" },
      { from: 10, to: 110, exitCode: 0, output: '/var/ready\n' },
    ]);
  });

  it('a name the reader cannot resolve stays unknown: the published CentOS `ls l /tmp/liveness-probe.log` (search-index file 13028337747) printed `ls: cannot access l: …` for a file of the image', () => {
    const c = { image: 'centos:7', args: ['/bin/sh', '-c', 'touch /tmp/liveness-probe.log && sleep 10 && rm -f /tmp/liveness-probe.log && sleep 20'] };
    expect(probeWindows(c, ['ls', 'l', '/tmp/liveness-probe.log'])).toEqual([]);
    // With the name resolved, CentOS 7's coreutils 8.22 prints it bare, as published: `ls: cannot access /tmp/liveness-probe.log: No such file or directory`.
    expect(probeWindows(c, ['ls', '/tmp/liveness-probe.log'])[1]).toEqual({ from: 10, to: 30, exitCode: 2, output: 'ls: cannot access /tmp/liveness-probe.log: No such file or directory\n' });
  });
});

describe('probeWindows: what it leaves out', () => {
  it('a file the script never names, an image\'s own entrypoint, a probe command it does not follow: no window', () => {
    expect(probeWindows({ image: 'busybox', args: ['sh', '-c', 'sleep 3600'] }, ['cat', '/tmp/healthy'])).toEqual([]);
    expect(probeWindows({ image: 'nginx:1.27' }, ['cat', '/var/run/nginx.pid'])).toEqual([]);
    expect(probeWindows({ image: 'busybox', args: ['sh', '-c', LIVENESS_EXEC] }, ['/bin/healthcheck'])).toEqual([]);
  });

  it('a file the script removes before creating it is unknown before the removal; after the reader stops following the script, nothing is known', () => {
    const c = { image: 'busybox', command: ['sh', '-c', 'sleep 5; rm -f /tmp/ready; sleep 5; touch /tmp/ready; exec /app/server'] };
    expect(probeWindows(c, ['cat', '/tmp/ready']).map((x) => [x.from, x.to, x.exitCode])).toEqual([[5, 10, 1]]);
  });

  it('a `test -f` probe prints nothing: the failing run\'s message is the bare "probe failed:"', () => {
    const w = probeWindows({ image: 'busybox', args: ['sh', '-c', LIVENESS_EXEC] }, ['sh', '-c', 'test -f /tmp/healthy']);
    expect(w).toEqual([{ from: 0, to: 30, exitCode: 0, output: '' }, { from: 30, to: 630, exitCode: 1, output: '' }]);
    expect(described('Liveness', w[1]!.output)).toBe('Liveness probe failed:');
  });
});
