// Explain mode (issue 14) in Chromium: a real `kubectl get pod -o yaml` pasted into the editor is
// explained (where it is, why, what comes next with its time), its share link keeps only what the
// lifecycle needs, and junk gets a message saying what to paste instead. Screenshots of the view
// at 390 px, 1280×720 and 1920×1080; axe in both themes.

import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/a11y';
import { openApp, replaceEditorText, screenshot } from './support/app';
import { setTheme } from './support/timeline';

const fixture = (name: string) => readFileSync(new URL(`../src/engine/explain/fixtures/${name}`, import.meta.url), 'utf8');

async function paste(page: Page, name: string): Promise<void> {
  await openApp(page);
  await replaceEditorText(page, fixture(name));
}

test.afterEach(async ({ page }, info) => screenshot(page, info));

test('a pod stuck at Init:1/2 behind a sidecar whose startup probe has not passed is explained, with what comes next', async ({ page }) => {
  await paste(page, 'sidecar-startup-stuck.yaml');
  const explain = page.getByTestId('explain');
  await expect(explain).toBeVisible();
  await expect(explain).toContainText('Explain mode');
  await expect(page.getByTestId('explain-status')).toHaveText('Init:1/2');
  await expect(page.getByTestId('explain-ready')).toHaveText('0/2');
  await expect(explain).toContainText('running but not started: its startup probe has not passed, so the next container waits');
  const next = page.getByTestId('explain-next');
  await expect(next).toContainText('otel-collector kill in 2m30s (2024-10-27T09:16:36Z)');
  await expect(next).toContainText('Waits until the sidecar otel-collector is started');
  await expect(page.getByTestId('timeline')).toHaveCount(0);
  await expect(page.getByTestId('problems')).not.toContainText('error');
});

test('a CrashLoopBackOff: RESTARTS with "(… ago)" from the "now" set, and the restart time', async ({ page }) => {
  await paste(page, 'crashloop.yaml');
  await expect(page.getByTestId('explain-status')).toHaveText('CrashLoopBackOff');
  const now = page.getByTestId('explain-now');
  await now.fill('2021-07-14T19:53:00Z');
  await now.press('Enter');
  await expect(page.getByTestId('explain-restarts')).toHaveText('6 (38s ago)');
  await expect(page.getByTestId('explain-next')).toContainText('centos-new start in 4m22s (2021-07-14T19:57:22Z)');
});

test('the share link of an explained pod drops env values, annotations and managed fields, and says so first', async ({ page, browser }) => {
  await paste(page, 'sidecar-startup-stuck.yaml');
  const dropped = page.getByTestId('explain-dropped');
  await expect(dropped).toContainText('environment variables');
  await expect(dropped).toContainText('annotations');
  await expect(dropped).toContainText('managed fields');
  // The address bar follows the scenario: it must carry the share-safe form only.
  await expect.poll(() => page.url()).toContain('#v1.');
  const link = page.url();
  // A visitor with nothing saved: the link's text goes straight into the editor.
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(link);
  await expect(fresh.getByTestId('explain')).toBeVisible();
  await expect(fresh.getByTestId('explain-status')).toHaveText('Init:1/2');
  const shared = await fresh.evaluate(() => window.__sidecarLabStore?.getState().text ?? '');
  expect(shared).not.toContain('hunter2');
  expect(shared).not.toContain('managedFields');
  expect(shared).not.toContain('restartedAt');
  expect(shared).not.toContain('hotel-reservation');
  expect(shared).toContain('otel-collector');
  await context.close();
  // Reloading the page keeps the user's own full pod, without asking.
  await page.reload();
  await expect(page.getByTestId('explain')).toBeVisible();
  await expect(page.getByTestId('open-dialog')).not.toBeVisible();
  expect(await page.evaluate(() => window.__sidecarLabStore?.getState().text ?? '')).toContain('hunter2');
});

test('the version picker applies to an explained pod: 1.27 does not know a sidecar, and says so at its line', async ({ page }) => {
  await paste(page, 'sidecar-startup-stuck.yaml');
  await expect(page.getByTestId('explain')).toBeVisible();
  await page.getByTestId('k8s-version').selectOption('1.27');
  await expect(page.getByTestId('problems')).toContainText('unknown field "spec.initContainers[1].restartPolicy"');
  await expect(page.getByTestId('explain')).toBeVisible();
});

test('kubectl describe output gets a message saying what to paste instead', async ({ page }) => {
  await paste(page, 'describe.txt');
  await expect(page.getByTestId('problems')).toContainText('kubectl get pod NAME -o yaml');
  await expect(page.getByTestId('explain')).toHaveCount(0);
});

test('a truncated paste is explained as far as it goes and says it was cut short', async ({ page }) => {
  await paste(page, 'truncated.yaml');
  await expect(page.getByTestId('problems')).toContainText('cut short');
  await expect(page.getByTestId('explain')).toBeVisible();
});

test("a Deployment's dump is simulated, with a note on how to explain one of its pods", async ({ page }) => {
  await paste(page, 'deployment-dump.yaml');
  await expect(page.getByTestId('problems')).toContainText('kubectl get pod NAME -o yaml');
  await expect(page.getByTestId('explain')).toHaveCount(0);
  await expect(page.getByTestId('lane').first()).toBeAttached();
});

test('the gallery entry "Why is my pod stuck at Init:1/2?" opens in explain mode', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('gallery-button').click();
  await page.locator('[data-testid="gallery-entry"][data-entry="13-explain-stuck-pod"]').click();
  await expect(page.getByTestId('explain')).toBeVisible();
  await expect(page.getByTestId('explain-status')).toHaveText('Init:1/2');
  await expect(page.getByTestId('explain-next')).toContainText('mesh-proxy kill');
});

for (const [w, h] of [[390, 844], [1280, 720], [1920, 1080]] as const) {
  test(`the explain view at ${w}x${h}`, async ({ page }, info) => {
    await page.setViewportSize({ width: w, height: h });
    await paste(page, 'sidecar-startup-stuck.yaml');
    await expect(page.getByTestId('explain-next')).toBeVisible();
    await screenshot(page, info, 'view');
  });
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });
    test(`axe finds no violation in explain mode (${theme})`, async ({ page }) => {
      await paste(page, 'crashloop.yaml');
      await setTheme(page, theme);
      await expect(page.getByTestId('explain')).toBeVisible();
      await expectNoAxeViolations(page, theme, 'explain mode');
    });
  });
}
