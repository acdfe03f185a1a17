// An Indexed Job with parallelism 2 ([16.2], [16.4]): its pods run side by side on one time axis,
// each pod's lanes grouped under its own pod lane, the replaced index 1 twice.

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { lanes, openApp, replaceEditorText, screenshot } from './support/app';

const SCENARIO = readFileSync(new URL('../src/scenarios/14-job-parallel-indexed.yaml', import.meta.url), 'utf8');

test('a parallel Indexed Job draws one lane group per pod on one axis', async ({ page }, info) => {
  await openApp(page);
  await replaceEditorText(page, SCENARIO);
  await expect.poll(async () => (await lanes(page)).filter(([, kind]) => kind === 'pod').length).toBe(5);
  const all = await lanes(page);
  // Each pod lane is followed by its own container lane: pod/worker.
  all.forEach(([name, kind], i) => {
    if (kind === 'pod') expect(all[i + 1]).toEqual([`${name}/worker`, 'main']);
  });
  const pods = all.filter(([, kind]) => kind === 'pod').map(([name]) => name);
  expect(pods.map((n) => n.split('-')[1])).toEqual(['0', '1', '1', '2', '3']);
  await expect(page.getByText(/^Pod work-1-[a-z0-9]{5} \(index 1\)$/i).first()).toBeAttached();
  // A pod created later draws nothing before its creation, its condition rows included.
  const later = pods[2]!;
  const starts = await page.locator(`[data-testid="lane"][data-container="${later}"] rect.bar`).evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-start'))));
  expect(Math.min(...starts)).toBeGreaterThan(0);
  await screenshot(page, info);
});
