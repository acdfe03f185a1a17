// The version picker and the feature gates are part of the scenario: they are written into the
// Simulation document, so they travel with the text; a change re-simulates and can be undone.

import { axeBuilder } from './support/a11y';
import { expect, test } from './support/test';
import { editorText, lanes, markers, openApp, screenshot, waitForApp } from './support/app';
import { type Page, type TestInfo } from '@playwright/test';
import { caretAt, waitForSchema } from './support/editor';
import { setTheme } from './support/timeline';
import { DEFAULT_SCENARIO, lineOf } from './support/scenario';

const withVersion = (v: string) => DEFAULT_SCENARIO.replace('kind: Simulation\n', `kind: Simulation\nkubernetesVersion: "${v}"\n`);
const sidecarKind = (page: import('@playwright/test').Page) =>
  page.locator('[data-testid="lane"][data-container="istio-proxy"]').getAttribute('data-kind');

// editor.spec.ts's version-picker test (1.27 rejects, the newest, 1.37, is clean again, 1.28 runs the sidecar
// as an init container) is the last steps of this one: the same page, one load fewer.
test('the same native sidecar is rejected under 1.27 and accepted under 1.29', async ({ page }, info) => {
  test.setTimeout(30_000 * 2);
  await openApp(page);
  const line = lineOf(DEFAULT_SCENARIO, '      restartPolicy: Always');

  await page.getByTestId('k8s-version').selectOption('1.27');
  await expect.poll(() => editorText(page)).toBe(withVersion('1.27'));
  const problem = page.getByTestId('problems').locator('li');
  await expect(problem).toHaveCount(1);
  await expect(problem).toHaveAttribute('data-severity', 'error');
  await expect(problem).toContainText(`${line}:7`);
  await expect(problem).toContainText('spec.initContainers[2].restartPolicy');
  await expect.poll(async () => (await markers(page, 'sidecar-lab')).map((m) => [m.severity, m.startLineNumber])).toEqual([['error', line]]);
  await expect(page.locator('.timeline-note')).toBeVisible();

  await page.getByTestId('k8s-version').selectOption('1.29');
  await expect.poll(() => editorText(page)).toBe(withVersion('1.29'));
  await expect(problem).toHaveCount(0);
  await expect.poll(() => markers(page, 'sidecar-lab')).toEqual([]);
  await expect(page.locator('.timeline-note')).toHaveCount(0);
  await expect.poll(() => sidecarKind(page)).toBe('sidecar');
  await waitForSchema(page, '1.29', 'istio-proxy');

  await test.step('the version picker: 1.27 rejects the native sidecar, 1.28 runs it as an init container', async () => {
    await page.getByTestId('k8s-version').selectOption('1.37');
    await test.step('Kubernetes 1.27 rejects the native sidecar', () => rejectedUnder127(page, info));
    await test.step('Kubernetes 1.28 drops restartPolicy with a warning and runs the sidecar as an init container', () => initUnder128(page));
  });
});

test('the picker shows the version the text names, and the version comes back after a reload', async ({ page }) => {
  await openApp(page);
  // The newest release is the default and the picker's first entry (newest first, down to 1.27).
  await expect(page.getByTestId('k8s-version')).toHaveValue('1.37');
  await expect(page.getByTestId('k8s-version').locator('option').first()).toHaveAttribute('value', '1.37');
  await expect(page.getByTestId('k8s-version').locator('option').last()).toHaveAttribute('value', '1.27');
  await page.getByTestId('k8s-version').selectOption('1.30');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('sidecar-lab:scenario'))).toBe(withVersion('1.30'));

  await page.reload();
  await waitForApp(page);
  await expect(page.getByTestId('k8s-version')).toHaveValue('1.30');
  expect(await editorText(page)).toBe(withVersion('1.30'));
  await waitForSchema(page, '1.30');

  // Typing another version in the text moves the picker.
  const line = lineOf(withVersion('1.30'), 'kubernetesVersion');
  await caretAt(page, line);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('1');
  await expect(page.getByTestId('k8s-version')).toHaveValue('1.31');
  await waitForSchema(page, '1.31');
});

test('a feature-gate toggle is written into the text and changes the outcome', async ({ page }, info) => {
  await openApp(page);
  await page.getByTestId('k8s-version').selectOption('1.28');
  const problem = page.getByTestId('problems').locator('li');
  await expect(problem).toHaveCount(1);
  await expect(problem).toHaveAttribute('data-severity', 'warning');
  await expect.poll(() => sidecarKind(page)).toBe('init');

  await page.getByTestId('feature-gates').locator('summary').click();
  const gate = page.locator('[data-testid="feature-gate"][data-gate="SidecarContainers"]');
  await expect(gate).not.toBeChecked();
  // Only gates that exist in 1.28 and can be set there: not locked on (the two Job gates are alpha in
  // 1.28, rulebook section 16; PodDisruptionConditions beta until its GA in 1.31, [7.7]; ExecProbeTimeout
  // is GA but settable until it is locked in 1.35, [5.11]; GracefulNodeShutdownBasedOnPodPriority is beta from 1.24, [8.16]).
  expect(await page.getByTestId('feature-gate').evaluateAll((els) => els.map((e) => e.getAttribute('data-gate'))))
    .toEqual(['SidecarContainers', 'PodReadyToStartContainersCondition', 'PodDisruptionConditions', 'JobBackoffLimitPerIndex', 'JobPodReplacementPolicy', 'GracefulNodeShutdownBasedOnPodPriority', 'ExecProbeTimeout']);
  await expect(page.locator('[data-testid="feature-gate"][data-gate="ExecProbeTimeout"]')).toBeChecked();
  await gate.check();
  await expect.poll(() => editorText(page)).toBe(withVersion('1.28').replace('kubernetesVersion: "1.28"\n', 'kubernetesVersion: "1.28"\nfeatureGates:\n  SidecarContainers: true\n'));
  await expect(problem).toHaveCount(0);
  await expect.poll(() => sidecarKind(page)).toBe('sidecar');
  await screenshot(page, info, 'gates');
  for (const theme of ['dark', 'light'] as const) {
    await setTheme(page, theme);
    const axe = await axeBuilder(page).include('.version-controls').analyze();
    expect(axe.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })), theme).toEqual([]);
  }
  await setTheme(page, 'dark');
  await screenshot(page, info, 'gates-dark');
  await setTheme(page, 'light');

  // Moving to 1.33, where the gate is GA: no toggle for it, and the written `true` is harmless.
  await page.getByTestId('k8s-version').selectOption('1.33');
  await expect(gate).toHaveCount(0);
  await expect(problem).toHaveCount(0);
  await page.getByTestId('k8s-version').selectOption('1.28');
  await page.getByTestId('feature-gates').getByRole('button', { name: 'default', exact: true }).click();
  await expect.poll(() => editorText(page)).toBe(withVersion('1.28'));
  await expect(problem).toHaveCount(1);

  // [11.2] At 1.35 the RestartAllContainers gate needs NodeDeclaredFeatures: the panel says so beside it.
  await page.getByTestId('k8s-version').selectOption('1.35');
  await page.locator('[data-testid="feature-gate"][data-gate="RestartAllContainersOnContainerExits"]').check();
  await expect(page.getByTestId('gate-needs')).toHaveText(/^needs NodeDeclaredFeatures on too/);
  await page.locator('[data-testid="feature-gate"][data-gate="NodeDeclaredFeatures"]').check();
  await expect(page.getByTestId('gate-needs')).toHaveCount(0);
});

test('Ctrl+Z takes back a picker change and a whole scenario loaded from elsewhere', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('k8s-version').selectOption('1.29');
  await expect.poll(() => editorText(page)).toBe(withVersion('1.29'));

  // A gallery entry or a share link goes through the store; the editor makes it one undo step.
  const other = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: other\nspec:\n  containers:\n    - name: app\n      image: nginx\n';
  await page.evaluate((t) => window.__sidecarLabStore!.getState().setText(t), other);
  await expect.poll(() => editorText(page)).toBe(other);
  await expect.poll(() => lanes(page)).toContainEqual(['app', 'main']);

  await caretAt(page, 1, 1);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorText(page)).toBe(withVersion('1.29'));
  await expect(page.getByTestId('k8s-version')).toHaveValue('1.29');
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorText(page)).toBe(DEFAULT_SCENARIO);
  await expect(page.getByTestId('k8s-version')).toHaveValue('1.37');
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect.poll(() => editorText(page)).toBe(withVersion('1.29'));
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

  await page.getByTestId('k8s-version').selectOption('1.37');
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
