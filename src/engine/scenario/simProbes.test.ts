// The Simulation document's probe timing ([5.11]): `containers.<name>.readinessProbe: { duration }`
// (also livenessProbe, startupProbe), and the exec command's own time (prober.go runProbe waits
// for it, up to timeoutSeconds; read 1.27-1.36).
import { describe, expect, it } from 'vitest';
import { probeCommandDuration } from './probeCommand';
import { check, ok, pod } from './testUtil';

const WORKLOAD = pod([
  '  containers:',
  '    - name: app',
  '      image: example/app:1',
  '      readinessProbe: { httpGet: { path: /ready, port: 80 }, timeoutSeconds: 5 }',
  '      livenessProbe: { exec: { command: [sh, -c, "sleep 2; exit 0"] } }',
  '',
].join('\n'));
const sim = (body: string) => `apiVersion: sidecar-lab/v1\nkind: Simulation\ncontainers:\n${body}---\n${WORKLOAD}`;

describe('Simulation containers: probe durations (prober.go runProbe) [5.11]', () => {
  it('reads a duration for each probe, `never` included', () => {
    const r = ok(check(sim('  app:\n    readinessProbe: { duration: 3s }\n    livenessProbe: { duration: never }\n')).result);
    expect(r.scenario.sim.behaviors.app?.probes).toEqual({ readiness: { duration: 3 }, liveness: { duration: null } });
  });

  it('reports bad fields and values where they are written', () => {
    const c = check(sim('  app:\n    readinessProbe: { duraton: 3s }\n    livenessProbe: { duration: -1 }\n    startupProbe: soon\n'));
    expect(c.errors).toEqual([
      expect.stringMatching(/^5:23 containers\.app\.readinessProbe\.duraton: unknown field "duraton" in a probe \(did you mean "duration"\?\)/),
      expect.stringMatching(/^6:32 containers\.app\.livenessProbe\.duration: a duration may not be negative/),
      '7:19 containers.app.startupProbe: startupProbe must be a mapping',
    ]);
  });

  it('warns about a probe the spec does not have, and notes a duration that always times out', () => {
    const c = check(sim('  app:\n    startupProbe: { duration: 1s }\n    readinessProbe: { duration: 5s }\n'));
    expect(c.warnings).toEqual(['5:5 containers.app.startupProbe: app has no startupProbe in its spec, so this is never used']);
    expect(c.infos.filter((m) => m.includes('timeoutSeconds'))).toEqual([
      "6:33 containers.app.readinessProbe.duration: the handler takes 5s, not less than the probe's timeoutSeconds (5s): every run times out after 5s and counts as a failure",
    ]);
    expect(ok(c.result).scenario.sim.behaviors.app?.probes).toEqual({ readiness: { duration: 5 } });
  });

  it('notes an exec handler only when it takes longer than timeoutSeconds: one of exactly timeoutSeconds answers (containerd starts its timer after the process)', () => {
    const c = check(sim('  app:\n    livenessProbe: { duration: 1s }\n'));
    expect(c.infos.filter((m) => m.includes('timeoutSeconds'))).toEqual([]);
    const late = check(sim('  app:\n    livenessProbe: { duration: 1.5s }\n'));
    expect(late.infos.filter((m) => m.includes('timeoutSeconds'))).toEqual([
      "5:32 containers.app.livenessProbe.duration: the handler takes 1.5s, longer than the probe's timeoutSeconds (1s): every run times out after 1s and counts as a failure",
    ]);
  });

  it('takes an exec probe\'s time from its command', () => {
    const r = ok(check(WORKLOAD).result);
    expect(r.scenario.pod.containers[0]?.livenessProbe?.duration).toBe(2);
    expect(r.scenario.pod.containers[0]?.readinessProbe?.duration).toBeUndefined();
  });
});

describe('probeCommandDuration: the shell reader\'s time for an exec probe (pkg/probe/exec) [5.11]', () => {
  it('reads sleeps, never-ending commands, and answers at once otherwise', () => {
    expect(probeCommandDuration(['sh', '-c', 'sleep 5; exit 0'])).toBe(5);
    expect(probeCommandDuration(['sleep', '2'])).toBe(2);
    expect(probeCommandDuration(['sleep', 'infinity'])).toBeNull();
    expect(probeCommandDuration(['/bin/true'])).toBe(0);
    expect(probeCommandDuration(['cat', '/tmp/healthy'])).toBe(0);
    expect(probeCommandDuration(['grpc_health_probe', '-addr=:8080'])).toBe(0);
    expect(probeCommandDuration(undefined)).toBe(0);
  });
});
