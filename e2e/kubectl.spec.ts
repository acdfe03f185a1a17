// The kubectl columns at the cursor equal what `sim run --json` reports for that moment: the
// last pod.kubectl event at or before t, computed here from the CLI's own trace, its RESTARTS'
// "(… ago)" counted to t from the row's lastRestartAt ([14.1]).

import { expect, test } from './support/test';
import type { PodKubectlEvent } from '../src/engine/trace';
import { restartsAt } from '../src/state/trace/kubectlPod';
import { kubectl, screenshot, waitForApp } from './support/app';
import { cliTrace, openAt, setCursor } from './support/timeline';

test.afterEach(async ({ page }, info) => screenshot(page, info));

test('the kubectl columns at several cursor times equal the CLI trace', async ({ page }) => {
  const trace = cliTrace('src/scenarios/00-default.yaml');
  const rows = trace.events.filter((e): e is PodKubectlEvent => e.type === 'pod.kubectl');
  const changes = rows.map((r) => r.t);
  // Each change, just before it, and a few round moments.
  const times = [...new Set([0, 3, 7.5, 12.5, 20, trace.end, ...changes, ...changes.map((t) => Math.max(0, t - 0.1))])]
    .map((t) => Math.round(t * 1000) / 1000).sort((a, b) => a - b);
  expect(times.length).toBeGreaterThan(6);
  await openAt(page, 12.5); // the cursor from the address, once
  await waitForApp(page);
  for (const t of times) {
    await setCursor(page, t);
    const want = rows.filter((r) => r.t <= t).at(-1);
    await expect.poll(() => kubectl(page), { message: `at ${t} s` }).toEqual(
      want ? { ready: want.ready, status: want.status, restarts: restartsAt(want, t) } : { ready: '—', status: '—', restarts: '—' });
  }
});
