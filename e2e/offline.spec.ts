import { guardNetwork, LOCAL_HOSTS, markers, openApp, replaceEditorText, screenshot } from './support/app';
import { DEFAULT_SCENARIO } from './support/scenario';
import { expect, test } from './support/test';

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

// The guard the specs rely on (support/app.ts): the browser blocks a request that would leave the
// machine (playwright.config.ts's proxy: it never connects), and guardNetwork records it.
test('a request that would leave the machine is blocked and recorded', async ({ page }) => {
  const outside = await guardNetwork(page);
  const failures: string[] = [];
  page.on('requestfailed', (r) => failures.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  await page.goto('about:blank');
  const fetched = (url: string) => page.evaluate((u) => fetch(u, { mode: 'no-cors' }).then(() => 'answered', () => 'failed'), url);
  expect(await fetched('http://example.com/sidecar-lab-e2e')).toBe('failed');
  expect(await fetched('http://192.0.2.1/sidecar-lab-e2e')).toBe('failed');
  expect(outside).toEqual(['http://example.com/sidecar-lab-e2e', 'http://192.0.2.1/sidecar-lab-e2e']);
  expect(failures).toEqual(outside.map((u) => `${u} net::ERR_PROXY_CONNECTION_FAILED`));
});
