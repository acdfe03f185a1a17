// Downloads: the timeline as SVG and PNG, the trace as JSON.

import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp, screenshot } from './support/app';

test.afterEach(async ({ page }, info) => screenshot(page, info));

async function download(page: Page, testId: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), data: readFileSync(path) };
}

test('export downloads the timeline as SVG and PNG and the trace as JSON', async ({ page }) => {
  await openApp(page);
  const svg = await download(page, 'export-svg');
  expect(svg.name).toBe('timeline.svg');
  const text = svg.data.toString('utf8');
  expect(text).toMatch(/^<\?xml/);
  expect(text).toContain('<svg');
  expect(text).toContain('istio-proxy');
  expect(text).toContain('data-testid="lane"');

  const png = await download(page, 'export-png');
  expect(png.name).toBe('timeline.png');
  expect([...png.data.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.data.length).toBeGreaterThan(5000);
  writeFileSync('e2e/screenshots/exported-timeline.png', png.data); // to look at
  writeFileSync('e2e/screenshots/exported-timeline.svg', svg.data);

  const json = await download(page, 'export-json');
  expect(json.name).toBe('myapp-pod-trace.json');
  const trace = JSON.parse(json.data.toString('utf8'));
  expect(trace.schema).toBe('sidecar-lab.trace/v1');
  expect(trace.containers.map((c: { name: string }) => c.name)).toContain('istio-proxy');
});
