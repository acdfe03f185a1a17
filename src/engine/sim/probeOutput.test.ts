// [5.13] What a failed probe run printed, as the Unhealthy event carries it (sim/probeOutput.ts):
// checked against the probers' own wording and two published kubectl events lines
// (dirsigler/uptime-kuma-helm#67, a 2022 k3s cluster):
//   Readiness probe failed: Get "http://10.42.0.186:3001/": dial tcp 10.42.0.186:3001: connect: connection refused
//   Liveness probe failed: command "node extra/healthcheck.js" timed out
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { TraceEvent } from '../trace';
import { CRI_CLIENT_EXEC_TIMEOUT_SINCE, failedRunOutput } from './probeOutput';
import type { ProbeSpec } from '../scenario/types';

const base = { initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 };

const pod = (probes: string, sim = '', version?: string) => `apiVersion: v1
kind: Pod
metadata: { name: uptime-kuma }
spec:
  containers:
    - name: uptime-kuma
      image: louislam/uptime-kuma:1
${probes}---
apiVersion: sidecar-lab/v1
kind: Simulation
${version ? `kubernetesVersion: "${version}"\n` : ''}until: 40s
containers:
  uptime-kuma: { startDelay: 20s${sim} }
`;

function failures(text: string, probe: string): TraceEvent[] {
  const r = runScenario(text);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.trace!.events.filter((e) => e.type === 'probe.failed' && e.probe === probe);
}

const withIp = (output: string | undefined, ip: string) => output?.replaceAll('<pod IP>', ip);

describe('failedRunOutput: the handler\'s output after "probe failed: " [5.13]', () => {
  it('an HTTP probe before the app listens: the client\'s connection refused, as published (the IP aside)', () => {
    const [first] = failures(pod('      readinessProbe: { httpGet: { path: /, port: 3001 } }\n'), 'readiness');
    expect(first && first.type === 'probe.failed' && withIp(first.output, '10.42.0.186'))
      .toBe('Get "http://10.42.0.186:3001/": dial tcp 10.42.0.186:3001: connect: connection refused');
  });

  it('an exec probe past timeoutSeconds: the runtime\'s timeout, as published (a 2022 cluster: pkg/kubelet/cri/remote ExecSync, up to 1.30)', () => {
    const [first] = failures(pod('      livenessProbe:\n        exec: { command: [node, extra/healthcheck.js] }\n        periodSeconds: 5\n', ', livenessProbe: { duration: 3s }', '1.27'), 'liveness');
    expect(first && first.type === 'probe.failed' && first.output).toBe('command "node extra/healthcheck.js" timed out');
  });

  it('an exec timeout from 1.31: k8s.io/cri-client execSyncV1\'s `command timed out: %q timed out after %s`, the timeout as time.Duration prints it', () => {
    const text = (v: string) => pod('      livenessProbe:\n        exec: { command: [node, extra/healthcheck.js] }\n        periodSeconds: 5\n', ', livenessProbe: { duration: 3s }', v);
    for (const v of ['1.30', '1.31', '1.37']) {
      const [first] = failures(text(v), 'liveness');
      expect(first && first.type === 'probe.failed' && first.output, v).toBe(v === '1.30'
        ? 'command "node extra/healthcheck.js" timed out'
        : 'command timed out: "node extra/healthcheck.js" timed out after 1s');
    }
    const exec: ProbeSpec = { ...base, timeoutSeconds: 90, handler: 'exec', command: ['sh', '-c', 'sleep "$T"'] };
    expect(failedRunOutput(exec, 'timedOut', CRI_CLIENT_EXEC_TIMEOUT_SINCE)).toBe('command timed out: "sh -c sleep \\"$T\\"" timed out after 1m30s');
    expect(failedRunOutput(exec, 'timedOut', CRI_CLIENT_EXEC_TIMEOUT_SINCE - 1)).toBe('command "sh -c sleep \\"$T\\"" timed out');
  });

  it('words the URL as prober.go formatURL does: the scheme lowercased, a slash before a bare path, "/" without one (the API server\'s SetDefaults_HTTPGetAction)', () => {
    const http = (target: string): ProbeSpec => ({ ...base, handler: 'httpGet', target });
    expect(failedRunOutput(http('https://<pod IP>:8443/healthz'), 'timedOut', 33)).toBe('Get "https://<pod IP>:8443/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)');
    const bare = failures(pod('      startupProbe: { httpGet: { path: healthz, port: 8080, scheme: HTTPS } }\n'), 'startup')[0];
    expect(bare && bare.type === 'probe.failed' && bare.output).toBe('Get "https://<pod IP>:8080/healthz": dial tcp <pod IP>:8080: connect: connection refused');
    const none = failures(pod('      startupProbe: { httpGet: { port: 8080 } }\n'), 'startup')[0];
    expect(none && none.type === 'probe.failed' && none.output).toBe('Get "http://<pod IP>:8080/": dial tcp <pod IP>:8080: connect: connection refused');
  });

  it('dials `host` when the probe sets one, else the pod\'s IP (prober.go runProbe: HTTPGet.Host, TCPSocket.Host)', () => {
    const http = failures(pod('      startupProbe: { httpGet: { host: db.example.com, path: /ready, port: 8080 } }\n'), 'startup')[0];
    expect(http && http.type === 'probe.failed' && http.output).toBe('Get "http://db.example.com:8080/ready": dial tcp db.example.com:8080: connect: connection refused');
    const tcp = failures(pod('      startupProbe: { tcpSocket: { host: db.example.com, port: 5432 } }\n'), 'startup')[0];
    expect(tcp && tcp.type === 'probe.failed' && tcp.output).toBe('dial tcp db.example.com:5432: connect: connection refused');
  });

  it('resolves a named port from the container\'s ports, as findPortByName does', () => {
    const named = pod('      ports: [{ name: http, containerPort: 3001 }]\n      readinessProbe: { httpGet: { path: /, port: http } }\n');
    const [first] = failures(named, 'readiness');
    expect(first && first.type === 'probe.failed' && first.output).toBe('Get "http://<pod IP>:3001/": dial tcp <pod IP>:3001: connect: connection refused');
    const tcp = failures(pod('      ports: [{ name: db, containerPort: 5432 }]\n      livenessProbe: { tcpSocket: { port: db }, periodSeconds: 5 }\n'), 'liveness')[0];
    expect(tcp && tcp.type === 'probe.failed' && tcp.output).toBe('dial tcp <pod IP>:5432: connect: connection refused');
  });

  it('a TCP probe: the dial\'s error', () => {
    const tcp: ProbeSpec = { ...base, handler: 'tcpSocket', target: '<pod IP>:5432' };
    expect(failedRunOutput(tcp, 'refused', 33)).toBe('dial tcp <pod IP>:5432: connect: connection refused');
    expect(failedRunOutput(tcp, 'timedOut', 33)).toBe('dial tcp <pod IP>:5432: i/o timeout');
  });

  it('says nothing it cannot know: an exec command\'s own output, an app that answers but fails, a named port, a gRPC server\'s reply', () => {
    expect(failedRunOutput({ ...base, handler: 'exec', command: ['cat', '/tmp/healthy'] }, 'refused', 33)).toBeUndefined();
    expect(failedRunOutput({ ...base, handler: 'httpGet', target: 'http://<pod IP>:80/' }, 'other', 33)).toBeUndefined();
    expect(failedRunOutput({ ...base, handler: 'httpGet' }, 'refused', 33)).toBeUndefined(); // a named port the container lacks
    expect(failedRunOutput({ ...base, handler: 'grpc' }, 'refused', 33)).toBeUndefined();
    expect(failedRunOutput({ ...base, handler: 'grpc', target: '<pod IP>:9090' }, 'other', 33)).toBeUndefined(); // NOT_SERVING or another failure: the server's
    // an injected failure on an app that is up: no output (the status code is the app's)
    const injected = failures(pod('      readinessProbe: { httpGet: { path: /, port: 3001 } }\n').replace('until: 40s', 'until: 40s\nevents:\n  - { at: 30s, do: failReadiness, container: uptime-kuma, for: 5s }'), 'readiness');
    const late = injected.filter((e) => e.t >= 30);
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((e) => e.type === 'probe.failed' && e.output === undefined)).toBe(true);
  });

  it('an injected failure with a statusCode: the HTTP prober\'s `HTTP probe failed with statuscode: N` (pkg/probe/http), only while that window lasts', () => {
    const text = pod('      readinessProbe: { httpGet: { path: /, port: 3001 } }\n').replace('until: 40s', 'until: 40s\nevents:\n  - { at: 30s, do: failReadiness, container: uptime-kuma, for: 5s, statusCode: 503 }');
    const late = failures(text, 'readiness').filter((e) => e.t >= 30);
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((e) => e.type === 'probe.failed' && e.output === 'HTTP probe failed with statuscode: 503' && e.t < 35)).toBe(true);
    const fault = runScenario(text).trace!.events.find((e) => e.type === 'fault')!;
    expect(fault.why).toMatch(/^Injected: uptime-kuma's readiness probe handler answers HTTP 503 for 5s;/);
  });

  it('a statusCode on an exec probe\'s failure: a warning at its line, and no output (only an httpGet probe reads a status)', () => {
    const text = pod('      livenessProbe: { exec: { command: [cat, /tmp/healthy] }, periodSeconds: 5 }\n').replace('until: 40s', 'until: 40s\nevents:\n  - { at: 25s, do: failLiveness, container: uptime-kuma, statusCode: 500 }');
    const r = runScenario(text);
    expect(r.problems.filter((p) => p.severity === 'warning').map((p) => [p.line, p.message])).toEqual([
      [14, "statusCode on uptime-kuma's liveness probe is ignored: it is an exec probe, and only an httpGet probe reads an HTTP status [5.13]"],
    ]);
    expect(failures(text, 'liveness').filter((e) => e.t >= 25).every((e) => e.type === 'probe.failed' && e.output === undefined)).toBe(true);
  });
});
