// A Job whose pod fails is replaced by new pods until backoffLimit; each pod is its own lane group.

import { expect, test } from './support/test';
import { lanes, openApp, replaceEditorText, screenshot } from './support/app';
import { FLAKY_JOB } from './support/scenario';

test('each replacement pod of a failing Job gets its own lane group', async ({ page }, info) => {
  await openApp(page);
  await replaceEditorText(page, FLAKY_JOB);
  await expect.poll(async () => (await lanes(page)).filter(([, kind]) => kind === 'pod').length).toBe(3);
  const all = await lanes(page);
  const mains = all.filter(([, kind]) => kind === 'main').map(([name]) => name);
  expect(mains).toHaveLength(3);
  expect(mains.every((name) => name.endsWith('/migrate'))).toBe(true);
  expect(new Set(mains).size).toBe(3);
  expect(all.filter(([, kind]) => kind === 'sidecar').map(([name]) => name).every((n) => n.endsWith('/proxy'))).toBe(true);
  await page.getByRole('button', { name: /^Fit|fit/ }).first().click().catch(() => undefined);
  await screenshot(page, info);
});
