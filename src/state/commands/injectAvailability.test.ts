import { describe, expect, it } from 'vitest';
import { injectUnavailable, type InjectTarget } from './injectAvailability';

const app = (over: Partial<InjectTarget> = {}): InjectTarget => ({
  name: 'app', kind: 'main', state: 'Running', summary: { probes: ['readiness'], pullAlways: false }, ...over,
});

describe('injectUnavailable (prober_manager AddPod [5.1]: faults that cannot act say why)', () => {
  it('disables a probe fault on a container without that probe, and every probe fault on a regular init container', () => {
    expect(injectUnavailable('failLiveness', app())).toMatch(/app has no livenessProbe/);
    expect(injectUnavailable('failStartup', app())).toMatch(/no startupProbe/);
    expect(injectUnavailable('failReadiness', app())).toBeNull();
    expect(injectUnavailable('failReadiness', app({ kind: 'init', summary: { probes: [], pullAlways: false } }))).toMatch(/regular init container: it runs no probes/);
    expect(injectUnavailable('failLiveness', app({ kind: 'sidecar', summary: { probes: ['liveness'], pullAlways: false } }))).toBeNull();
  });

  it('disables crash, exit and OOM kill on a container not running at the cursor, but not while it terminates', () => {
    for (const a of ['crash', 'exit', 'oomKill'] as const) {
      expect(injectUnavailable(a, app({ state: 'Waiting' }))).toMatch(/not running at the cursor \(waiting\)/);
      expect(injectUnavailable(a, app({ state: 'Terminated' }))).toMatch(/terminated/);
      expect(injectUnavailable(a, app({ state: 'Terminating' }))).toBeNull();
      expect(injectUnavailable(a, app())).toBeNull();
    }
  });

  it('disables a pull fault on a running container unless every start pulls', () => {
    expect(injectUnavailable('failPull', app())).toMatch(/already running/);
    expect(injectUnavailable('failPull', app({ summary: { probes: [], pullAlways: true } }))).toBeNull();
    expect(injectUnavailable('failPull', app({ state: 'Waiting' }))).toBeNull();
  });

  it('disables nothing for want of facts the page does not have', () => {
    expect(injectUnavailable('failLiveness', app({ summary: undefined }))).toBeNull();
    expect(injectUnavailable('failPull', app({ summary: undefined }))).toBeNull();
  });

  it('once the pod left the API, a container that no longer runs has nothing left to break; one still draining on the node does ([8.2])', () => {
    for (const a of ['failReadiness', 'failPull', 'crash'] as const) {
      expect(injectUnavailable(a, app({ state: 'Terminated', podGoneAt: 62.5 }))).toMatch(/^The pod is gone from the API since 62\.5 s and app no longer runs/);
    }
    expect(injectUnavailable('failReadiness', app({ state: 'Running', podGoneAt: 10 }))).toBeNull();
  });
});
