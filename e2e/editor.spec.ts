import { type Page, type TestInfo } from '@playwright/test';
import { expect, test } from './support/test';
import { editorText, lanes, markers, openApp, replaceEditorText, screenshot, waitForApp } from './support/app';
import { DEFAULT_SCENARIO, lineOf, replaceLine } from './support/scenario';

test.afterEach(async ({ page }, info) => screenshot(page, info));

test('a YAML syntax error marks its line, lists a problem and keeps the last timeline', async ({ page }) => {
  await openApp(page);
  const before = await lanes(page);
  const line = lineOf(DEFAULT_SCENARIO, 'name: myapp-pod');
  await replaceEditorText(page, replaceLine(DEFAULT_SCENARIO, 'name: myapp-pod', '  name: myapp-pod: [broken'));

  await expect.poll(async () => (await markers(page, 'sidecar-lab')).map((m) => [m.severity, m.startLineNumber])).toContainEqual(['error', line]);
  const problem = page.getByTestId('problems').locator('li').first();
  await expect(problem).toContainText(`${line}:`);
  await expect(page.locator('.timeline-note')).toBeVisible();
  expect(await lanes(page)).toEqual(before);

  await page.keyboard.press('ControlOrMeta+Home');
  await problem.locator('button').click();
  await expect.poll(() => page.evaluate(() => window.__sidecarLab?.getPosition().line)).toBe(line);
});

test('the edited text comes back after a reload', async ({ page }) => {
  await openApp(page);
  await page.locator('[data-testid="editor"] .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.type('# my own notes');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('sidecar-lab:scenario') ?? '')).toMatch(/^# my own notes\n/);

  await page.reload();
  await waitForApp(page);
  expect(await editorText(page)).toBe(`# my own notes\n${DEFAULT_SCENARIO}`);
  await expect(page.locator('[data-testid="editor"] .view-lines')).toContainText('# my own notes');
});

test('the version picker: 1.27 rejects the native sidecar, 1.28 runs it as an init container', async ({ page }, info) => {
  test.setTimeout(30_000 * 2); // the two tests it replaces had 30 s each
  await openApp(page);
  await test.step('Kubernetes 1.27 rejects the native sidecar', () => rejectedUnder127(page, info));
  await test.step('Kubernetes 1.28 drops restartPolicy with a warning and runs the sidecar as an init container', () => initUnder128(page));
});

async function rejectedUnder127(page: Page, info: TestInfo) {
  await expect(page.getByTestId('problems').locator('li')).toHaveCount(0);
  await page.getByTestId('k8s-version').selectOption('1.27');
  const problem = page.getByTestId('problems').locator('li').filter({ hasText: 'restartPolicy' });
  await expect(problem).toHaveCount(1);
  await expect(problem).toHaveAttribute('data-severity', 'error');
  await expect(problem).toContainText('initContainers[2]');
  const line = lineOf(DEFAULT_SCENARIO, '  restartPolicy: Always');
  await expect(problem).toContainText(`${line}:`);
  await expect.poll(async () => (await markers(page, 'sidecar-lab')).map((m) => [m.severity, m.startLineNumber])).toContainEqual(['error', line]);
  await expect(page.locator('.timeline-note')).toBeVisible();
  await screenshot(page, info, 'rejected');

  await page.getByTestId('k8s-version').selectOption('1.36');
  await expect(page.getByTestId('problems').locator('li')).toHaveCount(0);
  await expect(page.locator('.timeline-note')).toHaveCount(0);
  await expect.poll(() => markers(page, 'sidecar-lab')).toEqual([]);
}

async function initUnder128(page: Page) {
  await page.getByTestId('k8s-version').selectOption('1.28');
  const problem = page.getByTestId('problems').locator('li');
  await expect(problem).toHaveCount(1);
  await expect(problem).toHaveAttribute('data-severity', 'warning');
  await expect(page.locator('[data-testid="lane"][data-container="istio-proxy"]')).toHaveAttribute('data-kind', 'init');
  await expect.poll(async () => (await markers(page, 'sidecar-lab')).map((m) => m.severity)).toEqual(['warning']);
}
