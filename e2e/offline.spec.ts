import { expect, test } from '@playwright/test';
import { LOCAL_HOSTS, markers, openApp, replaceEditorText, screenshot } from './support/app';
import { DEFAULT_SCENARIO } from './support/scenario';

test.afterEach(async ({ page }, info) => screenshot(page, info));

test('the page makes no request outside this machine', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  const blocked = await openApp(page);

  // Exercise the lazy parts too: the YAML worker checks the schema, the engine worker answers.
  await replaceEditorText(page, DEFAULT_SCENARIO.replace('kind: Pod', 'kind: Podd'));
  await expect.poll(async () => (await markers(page, 'yaml')).length).toBeGreaterThan(0);
  await expect(page.getByTestId('problems').locator('li')).not.toHaveCount(0);
  await page.waitForLoadState('networkidle');

  expect(blocked).toEqual([]);
  const hosts = requested.map((u) => new URL(u)).filter((u) => u.protocol.startsWith('http')).map((u) => u.hostname);
  expect(hosts.length).toBeGreaterThan(3);
  expect(hosts.filter((h) => !LOCAL_HOSTS.has(h))).toEqual([]);
  const workers = requested.filter((u) => /worker/.test(u));
  expect(workers.some((u) => /engine\.worker/.test(u))).toBe(true);
  expect(workers.some((u) => /yaml\.worker/.test(u))).toBe(true);
});
