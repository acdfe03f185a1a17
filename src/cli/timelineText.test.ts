import { describe, expect, it } from 'vitest';
import type { Trace } from '../engine/trace';
import { eventLine, timelineText } from './timelineText';

const trace: Trace = {
  schema: 'sidecar-lab.trace/v1',
  kubernetesVersion: '1.33',
  end: 62,
  containers: [{ name: 'istio-proxy', kind: 'sidecar', index: 0 }, { name: 'app', kind: 'main', index: 0 }],
  events: [
    { t: 0, type: 'pod.scheduled', why: 'Bound to the node.' },
    { t: 12.3, type: 'container.start', container: 'istio-proxy', attempt: 0, why: '[2.1] The sidecar starts.' },
    { t: 12.3, type: 'pod.kubectl', ready: '0/2', status: 'Init:0/1', restarts: '0', why: 'kubectl' },
    { t: 30, type: 'container.exit', container: 'app', attempt: 1, exitCode: 137, reason: 'Error', why: '[8.5] SIGKILL.' },
    { t: 31, type: 'pod.condition', condition: 'Ready', status: 'False', reason: 'ContainersNotReady', why: '[7.4] x' },
  ],
};

describe('timelineText', () => {
  it('prints one line per event and the kubectl row where it changes', () => {
    expect(timelineText(trace)).toEqual([
      '# Kubernetes 1.33; ends at 62.000 s; containers: istio-proxy (sidecar), app (main)',
      '    0.000  pod              pod.scheduled — Bound to the node.',
      '   12.300  istio-proxy      container.start   attempt 0 — [2.1] The sidecar starts.',
      '   12.300  kubectl get pod  READY 0/2   STATUS Init:0/1               RESTARTS 0',
      '   30.000  app              container.exit    attempt 1, exit 137 (Error) — [8.5] SIGKILL.',
      '   31.000  pod              pod.condition     Ready=False (ContainersNotReady) — [7.4] x',
    ]);
  });
  it('formats faults', () => {
    expect(eventLine({ t: 45, type: 'fault', do: 'crash', container: 'app', exitCode: 1, why: 'Injected.' }))
      .toBe('   45.000  app              fault             crash, exit 1 — Injected.');
  });
  it('prints a failed pull with the runtime\'s error ([10.9])', () => {
    const message = 'failed to pull and unpack image "docker.io/library/nginx:1.27-alpne": not found';
    expect(eventLine({ t: 1.7, type: 'fault', do: 'failPull', container: 'web', image: 'nginx:1.27-alpne', message, why: 'The pull fails.' }))
      .toBe(`    1.700  web              fault             failPull, nginx:1.27-alpne: ${message} — The pull fails.`);
  });
});
