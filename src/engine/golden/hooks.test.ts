// postStart / preStop hooks: upstream node e2e E08, E10 and the sidecar lifecycle-hook conformance
// tests C05 (test/e2e/common/node/lifecycle_hook.go). Hook log lines: `PostStart-<c>` / `PreStop-<c>`
// (hook.start = Starting and Started, hook.end = Exiting).
import { describe, it } from 'vitest';
import { runFixture } from './harness';
import { eventsOf, expectThat, logOf } from './logAssertions';

describe('regular containers with a PostStart hook', () => {
  it('E08: should run Init container to completion before call to PostStart of regular container', () => {
    const l = logOf(runFixture('E08').trace);
    l.startsBefore('init-1', 'PostStart-regular-1');
    l.exitsBefore('init-1', 'PostStart-regular-1');
    l.runTogether('regular-1', 'PostStart-regular-1');
  });

  it('E10: should not launch second container before PostStart of the first container completed', () => {
    const l = logOf(runFixture('E10').trace);
    l.startsBefore('PostStart-regular-1', 'regular-2');
    l.exitsBefore('PostStart-regular-1', 'regular-2');
  });
});

describe('Restartable Init Container Lifecycle Hook', () => {
  const S = 'restartable-init';
  for (const handler of ['exec', 'http', 'https']) {
    it(`C05: should execute poststart ${handler} hook properly`, () => {
      const { trace } = runFixture(`C05-poststart-${handler}`);
      const hook = eventsOf(trace, 'hook.start', S).find((e) => e.hook === 'postStart');
      const up = eventsOf(trace, 'container.start', S)[0];
      expectThat(trace, hook !== undefined && up !== undefined && hook.t >= up.t && hook.t <= 120,
        'the sidecar postStart hook runs after it starts, within 2 min', [S]);
    });

    it(`C05: should execute prestop ${handler} hook properly`, () => {
      const g = runFixture(`C05-prestop-${handler}`);
      const { trace } = g;
      const del = g.at('deletePod');
      const hook = eventsOf(trace, 'hook.start', S).find((e) => e.hook === 'preStop');
      expectThat(trace, hook !== undefined && hook.t >= del && hook.t <= del + 30,
        `on deletion (grace 15s, at ${del}s) the sidecar preStop hook runs within 30s`, [S]);
    });
  }
});
