// Golden test: upstream's own unit tests of the prober and the probe handlers, translated to
// Sidecar Lab: what one run answers and what it prints.
//
// Upstream files (kubernetes/kubernetes, read 2026-12-08 with the stored copies):
// - pkg/kubelet/prober/prober_test.go, the 1.29-1.31-era copy (id 332747291: the Warning row, the
//   startup probe type, the command passed through with its $(VAR) expanded): TestProbe.
//   TestGetURLParts, TestGetTCPAddrParts (ports by name) are sim/probeOutput.test.ts's already;
//   TestNewExecInContainer is the runner's output buffer.
// - pkg/kubelet/prober/prober.go probe and runProbe (a 1.3x copy, id 262713168): Success and
//   Warning are Success, Failure and Unknown are Failure, an error is Failure with the error, which
//   doProbe throws away ("Prober error, throw away the result").
// - pkg/probe/exec/exec_test.go TestExec, the old copy d68e3f8f and the cri-client one (id
//   286079882, `remote "k8s.io/cri-client/pkg"`, 1.31+); pkg/probe/http/http_test.go
//   TestHTTPProbeChecker at c7297a44 with http.go DoHTTPProbe (a stored copy: `200 <= code < 400`
//   passes, else "HTTP probe failed with statuscode: %d"); pkg/probe/tcp/tcp_test.go at fa7ba8e2;
//   pkg/probe/grpc/grpc_test.go at 94341df3.
// - The exec timeout's wording: pkg/kubelet/cri/remote/remote_runtime.go ExecSync, a pre-cri-client
//   copy (id 2235994075): exec.NewTimeoutError(fmt.Errorf("command %q timed out", strings.Join(cmd, " ")));
//   from 1.31 k8s.io/cri-client's remote_runtime.go execSyncV1 (read at 00c66a23):
//   fmt.Errorf("%w: %q timed out after %s", ErrCommandTimedOut, strings.Join(cmd, " "), timeout),
//   ErrCommandTimedOut = errors.New("command timed out") (sim/probeOutput.ts says why 1.31).
// - The command's $(VAR)s: pkg/kubelet/container/helpers.go ExpandContainerCommandOnlyStatic and
//   third_party/forked/golang/expansion/expand.go (scenario/expandVars.ts, with their own tables).
//
// How they map to ours: the fake prober's answer is the app (up or not, an injected failure, its
// statusCode) or an exec command of literal `true` / `false` / `exit N` (contract section 1); a run's
// time is the Simulation document's `<probe>: { duration }`; what a failed run printed is the
// probe.failed event's `output` (sim/probeOutput.ts), `<pod IP>` standing for the address.
//
// Versions: every minor 1.27-1.37; the exec timeout's output on both sides of 1.31.
//
// Not expressible (not asserted):
// - TestProbe "No handler": the API server refuses a probe without a handler (asserted as such).
// - TestProbe "Probe result is warning" and TestHTTPProbeChecker's redirects (301/302/307/308, a 3xx
//   is Success with a ProbeWarning event): an injected statusCode is 400-599 only; the body, the
//   headers, Host, the proxy, non-local redirects and the payload's truncation: the engine has no
//   HTTP exchange. TestHTTPProbeChecker's status -1: not an HTTP status.
// - TestProbe "Probe result is unknown", TestExec "Run returns error" and "ExecProbeTimeout" off:
//   no runner error but [5.14]'s, and the gate is not modelled. TestExec's output truncation and
//   TestNewExecInContainer: the engine knows no command output.
// - TestGrpcProber_Probe "connection closed" (an HTTP server on the port) and "server response not
//   served" (NOT_SERVING): the scenario cannot say what answers on the port, nor which reply an
//   injected gRPC failure is (sim/probeOutput.ts leaves its output empty).

import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { minor, type KubeVersion } from '../version';
import {
  ALL, failedRuns, firstAfter, of, podText, readyAt, results, run, startedAt, times,
} from './upstreamProber.testkit';

const PRE_CRI_CLIENT: KubeVersion[] = ALL.filter((v) => minor(v) <= 30);
const CRI_CLIENT: KubeVersion[] = ALL.filter((v) => minor(v) >= 31);
const CONTEXT_CANCELLED: KubeVersion[] = ['1.35', '1.36'];

describe('prober_test.go TestProbe', () => {
  it.each(ALL)('"No probe": Success: a container without probes is started and ready (%s)', (v: KubeVersion) => {
    const t = run(podText(v, { containers: '    - name: app\n      image: example/app:1\n', until: '20s' }));
    expect(startedAt(t, 'app', 19)).toBe(true);
    expect(readyAt(t, 'app', 19)).toBe(true);
  });

  it('"No handler": a probe without a handler is refused by the API server', () => {
    const text = podText('1.33', { containers: '    - name: app\n      image: example/app:1\n      readinessProbe: { periodSeconds: 5 }\n' });
    expect(runScenario(text).problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual(['Required value: must specify a handler type']);
  });

  it.each(ALL)('"Probe fails" / "Probe succeeds": exec `false` fails each probe type, `/bin/true` passes it (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: fails-readiness
      image: example/app:1
      readinessProbe: { exec: { command: ["false"] }, periodSeconds: 2 }
    - name: fails-liveness
      image: example/app:1
      livenessProbe: { exec: { command: ["false"] }, periodSeconds: 2, failureThreshold: 1 }
    - name: fails-startup
      image: example/app:1
      startupProbe: { exec: { command: ["false"] }, periodSeconds: 2, failureThreshold: 1 }
    - name: passes
      image: example/app:1
      startupProbe: { exec: { command: [/bin/true] }, periodSeconds: 2 }
      readinessProbe: { exec: { command: [/bin/true] }, periodSeconds: 2 }
      livenessProbe: { exec: { command: [/bin/true] }, periodSeconds: 2, failureThreshold: 1 }
`,
      until: '30s',
    }));
    expect(readyAt(t, 'fails-readiness', 29)).toBe(false);
    expect(failedRuns(t, 'fails-readiness', 'readiness').length).toBeGreaterThan(5);
    expect(of(t, 'container.kill', 'fails-liveness')[0]?.reason).toBe('LivenessProbe');
    expect(of(t, 'container.kill', 'fails-startup')[0]?.reason).toBe('StartupProbe');
    expect(startedAt(t, 'passes', 29)).toBe(true);
    expect(readyAt(t, 'passes', 29)).toBe(true);
    expect(of(t, 'probe.failed', 'passes')).toEqual([]);
    expect(of(t, 'container.kill', 'passes')).toEqual([]);
  });

  it.each(CONTEXT_CANCELLED)('"Probe has an error": Failure with an error, which doProbe throws away: the result stays (%s, [5.14])', (v: KubeVersion) => {
    // The only prober error a scenario reaches: an exec probe of a deleted pod in 1.35 and 1.36.
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      readinessProbe: { exec: { command: [cat, /tmp/ready] }, periodSeconds: 2, failureThreshold: 1 }
`,
      sim: 'containers:\n  app: { onStop: { after: 20s } }\nevents:\n  - { at: 20s, do: deletePod, gracePeriodSeconds: 30 }\n  - { at: 22s, container: app, do: failReadiness }\n',
    }));
    expect(of(t, 'probe.errored', 'app').length).toBeGreaterThan(3);
    expect(failedRuns(t, 'app', 'readiness')).toEqual([]);
    const exit = times(t, 'container.exit', 'app')[0]!;
    expect(readyAt(t, 'app', exit - 0.5)).toBe(true); // still the Success from before the deletion
  });

  it.each(PRE_CRI_CLIENT)('"Probe arguments are passed through": the exec runs the command as written, as its timeout says (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      livenessProbe: { exec: { command: [/bin/bash, -c, some script] }, periodSeconds: 5, failureThreshold: 100 }
`,
      until: '20s',
      sim: 'containers:\n  app: { livenessProbe: { duration: 5s } }\n',
    }));
    expect(failedRuns(t, 'app', 'liveness')[0]!.output).toBe('command "/bin/bash -c some script" timed out');
  });

  it.each(CRI_CLIENT)('"Probe arguments are passed through": the exec runs the command as written, as the cri-client\'s timeout says (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      livenessProbe: { exec: { command: [/bin/bash, -c, some script] }, periodSeconds: 5, failureThreshold: 100 }
`,
      until: '20s',
      sim: 'containers:\n  app: { livenessProbe: { duration: 5s } }\n',
    }));
    expect(failedRuns(t, 'app', 'liveness')[0]!.output).toBe('command timed out: "/bin/bash -c some script" timed out after 1s');
  });

  it.each(ALL)('"Probe arguments are passed through", with $(A) of the container\'s env expanded: `exit $(CODE)` with CODE=1 fails (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      env: [{ name: CODE, value: "1" }]
      readinessProbe: { exec: { command: [sh, -c, "exit $(CODE)"] }, periodSeconds: 2 }
`,
      until: '20s',
    }));
    expect(readyAt(t, 'app', 19)).toBe(false);
    expect(failedRuns(t, 'app', 'readiness').length).toBeGreaterThan(3);
  });

  it.each(PRE_CRI_CLIENT)('"Probe arguments are passed through": `some $(A) $(B)` with A=script runs as `some script $(B)`, as its timeout says (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      env: [{ name: A, value: script }]
      livenessProbe: { exec: { command: [/bin/bash, -c, "some $(A) $(B)"] }, periodSeconds: 5, failureThreshold: 100 }
`,
      until: '20s',
      sim: 'containers:\n  app: { livenessProbe: { duration: 5s } }\n',
    }));
    expect(failedRuns(t, 'app', 'liveness')[0]!.output).toBe('command "/bin/bash -c some script $(B)" timed out');
  });

  it.each(CRI_CLIENT)('"Probe arguments are passed through": `some $(A) $(B)` with A=script runs as `some script $(B)`, as the cri-client\'s timeout says (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      env: [{ name: A, value: script }]
      livenessProbe: { exec: { command: [/bin/bash, -c, "some $(A) $(B)"] }, periodSeconds: 5, failureThreshold: 100 }
`,
      until: '20s',
      sim: 'containers:\n  app: { livenessProbe: { duration: 5s } }\n',
    }));
    expect(failedRuns(t, 'app', 'liveness')[0]!.output).toBe('command timed out: "/bin/bash -c some script $(B)" timed out after 1s');
  });
});

describe('exec_test.go TestExec', () => {
  it.each(ALL)('"Ok": exit 0 is Success; "Unhealthy": a non-zero exit is Failure, and prints what the command printed (nothing) (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: ok
      image: example/app:1
      readinessProbe: { exec: { command: [sh, -c, "exit 0"] }, periodSeconds: 2 }
    - name: unhealthy
      image: example/app:1
      readinessProbe: { exec: { command: [sh, -c, "exit 1"] }, periodSeconds: 2 }
    - name: exit-2
      image: example/app:1
      readinessProbe: { exec: { command: [sh, -c, "exit 2"] }, periodSeconds: 2 }
`,
      until: '20s',
    }));
    expect(readyAt(t, 'ok', 19)).toBe(true);
    for (const c of ['unhealthy', 'exit-2']) {
      expect(readyAt(t, c, 19), c).toBe(false);
      const failed = failedRuns(t, c, 'readiness');
      expect(failed.length, c).toBeGreaterThan(3);
      expect(failed.every((e) => e.output === undefined), c).toBe(true);
    }
  });

  it.each(ALL)('"Timeout": a command that outlives timeoutSeconds is Failure (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      livenessProbe: { exec: { command: [sh, -c, "sleep 5"] }, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 2 }
`,
      until: '60s',
    }));
    const failed = failedRuns(t, 'app', 'liveness', 0);
    expect(failed.map((e) => e.run)).toEqual([1, 2]);
    expect(of(t, 'container.kill', 'app')[0]!.reason).toBe('LivenessProbe');
    expect(of(t, 'container.kill', 'app')[0]!.t).toBe(failed[1]!.t);
  });

  it.each(PRE_CRI_CLIENT)('"Timeout": its output is the runtime\'s timeout error, `command "…" timed out` (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      livenessProbe: { exec: { command: [sh, -c, "sleep 5"] }, periodSeconds: 10, failureThreshold: 100 }
`,
      until: '30s',
    }));
    expect(failedRuns(t, 'app', 'liveness')[0]!.output).toBe('command "sh -c sleep 5" timed out');
  });

  it.each(CRI_CLIENT)('"Timeout": from the cri-client on, its output is `command timed out: "…" timed out after 1s` (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      livenessProbe: { exec: { command: [sh, -c, "sleep 5"] }, periodSeconds: 10, failureThreshold: 100 }
`,
      until: '30s',
    }));
    expect(failedRuns(t, 'app', 'liveness')[0]!.output).toBe('command timed out: "sh -c sleep 5" timed out after 1s');
  });
});

describe('http_test.go TestHTTPProbeChecker (and http.go DoHTTPProbe)', () => {
  const withFault = (v: KubeVersion, fault: string) => run(podText(v, {
    containers: `    - name: app
      image: example/app:1
      readinessProbe: { httpGet: { path: /healthz, port: 8080 }, periodSeconds: 2, failureThreshold: 1 }
`,
    until: '40s',
    sim: `events:\n  - { at: 20s, container: app, do: failReadiness, for: 10s${fault} }\n`,
  }));

  it.each(ALL)('200: Success; 500: Failure, "HTTP probe failed with statuscode: 500" (%s)', (v: KubeVersion) => {
    const t = withFault(v, ', statusCode: 500');
    expect(readyAt(t, 'app', 19)).toBe(true);
    expect(readyAt(t, 'app', 23)).toBe(false);
    const failed = failedRuns(t, 'app', 'readiness').filter((e) => e.t >= 20 && e.t < 30);
    expect(failed.length).toBeGreaterThan(2);
    expect(failed.every((e) => e.output === 'HTTP probe failed with statuscode: 500')).toBe(true);
    expect(firstAfter(t, 'container.ready', 'app', 30)!.t).toBeLessThanOrEqual(32);
  });

  it.each(ALL)('the boundary of `200 <= code < 400`: 400 fails with its status, as 599 does (%s)', (v: KubeVersion) => {
    for (const code of [400, 599]) {
      const failed = failedRuns(withFault(v, `, statusCode: ${code}`), 'app', 'readiness').filter((e) => e.t >= 20 && e.t < 30);
      expect(failed.length, String(code)).toBeGreaterThan(2);
      expect(failed.every((e) => e.output === `HTTP probe failed with statuscode: ${code}`), String(code)).toBe(true);
    }
  });

  it.each(ALL)('a handler slower than the client\'s timeout: Failure, the client\'s deadline error (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      livenessProbe: { httpGet: { path: /healthz, port: 8080 }, periodSeconds: 5, timeoutSeconds: 1, failureThreshold: 3 }
`,
      until: '30s',
      sim: 'containers:\n  app: { livenessProbe: { duration: 3s } }\n',
    }));
    const failed = failedRuns(t, 'app', 'liveness', 0);
    expect(failed.map((e) => e.run)).toEqual([1, 2, 3]);
    expect(failed.every((e) => e.output === 'Get "http://<pod IP>:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)')).toBe(true);
    expect(of(t, 'container.kill', 'app')[0]!.reason).toBe('LivenessProbe');
  });
});

describe('tcp_test.go TestTcpHealthChecker', () => {
  it.each(ALL)('a connection is made: Success; none can be made: Failure (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      readinessProbe: { tcpSocket: { port: 5432 }, periodSeconds: 2 }
`,
      until: '40s',
      sim: 'containers:\n  app: { startDelay: 15s }\n',
    }));
    const start = times(t, 'container.start', 'app')[0]!;
    const failed = failedRuns(t, 'app', 'readiness');
    expect(failed.length).toBeGreaterThan(3);
    expect(failed.every((e) => e.t < start + 15 && e.output === 'dial tcp <pod IP>:5432: connect: connection refused')).toBe(true);
    const ready = times(t, 'container.ready', 'app')[0]!;
    expect(ready - start).toBeGreaterThanOrEqual(15);
    expect(ready - start).toBeLessThanOrEqual(17);
  });
});

describe('grpc_test.go TestGrpcProber_Probe', () => {
  it.each(ALL)('"cant find host": Failure, no error, "timeout: failed to connect service … within 1s: context deadline exceeded" (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      livenessProbe: { grpc: { port: 32 }, periodSeconds: 5, failureThreshold: 100 }
`,
      until: '30s',
      sim: 'containers:\n  app: { startDelay: 1000s }\n',
    }));
    const failed = failedRuns(t, 'app', 'liveness');
    expect(failed.length).toBeGreaterThan(2);
    expect(failed.every((e) => e.output === 'timeout: failed to connect service "<pod IP>:32" within 1s: context deadline exceeded')).toBe(true);
  });

  it.each(ALL)('"server not response in time" (4 s, timeout 2 s): Failure, "timeout: health rpc did not complete within 2s" (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      livenessProbe: { grpc: { port: 9090 }, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 100 }
`,
      until: '30s',
      sim: 'containers:\n  app: { livenessProbe: { duration: 4s } }\n',
    }));
    const failed = failedRuns(t, 'app', 'liveness');
    expect(failed.length).toBeGreaterThan(2);
    expect(failed.every((e) => e.output === 'timeout: health rpc did not complete within 2s')).toBe(true);
  });

  it.each(ALL)('"check was success": Success (%s)', (v: KubeVersion) => {
    const t = run(podText(v, {
      containers: `    - name: app
      image: example/app:1
      startupProbe: { grpc: { port: 9090 }, periodSeconds: 2 }
      readinessProbe: { grpc: { port: 9090 }, periodSeconds: 2 }
`,
      until: '20s',
    }));
    expect(results(t, 'app', 'startup').map((e) => e.result)).toEqual(['success']);
    expect(readyAt(t, 'app', 19)).toBe(true);
    expect(of(t, 'probe.failed', 'app')).toEqual([]);
  });
});
