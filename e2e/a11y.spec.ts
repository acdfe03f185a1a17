// Accessibility: axe-core (its default rules: WCAG 2 A/AA and best practices) finds no violation
// on the whole page in every view and state a user can reach, light and dark; every control is
// reachable by keyboard.

import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/a11y';
import { openApp, replaceEditorText, screenshot, waitForApp } from './support/app';
import { ALIAS_BOMB } from './support/hostile';
import { DEFAULT_SCENARIO, FLAKY_JOB, replaceLine } from './support/scenario';
import { gotoFresh, linkTo, savedText, waitForEditor } from './support/share';
import { setCursor, setTheme, visibleCenter } from './support/timeline';

test.afterEach(async ({ page }, info) => screenshot(page, info));

const MY_WORK = DEFAULT_SCENARIO.replace('name: myapp-pod', 'name: my-own-pod');

/** No Simulation document: every container's behaviour is inferred, and shown as a hint. */
const INFERRED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: inferred-pod
spec:
  initContainers:
    - name: proxy
      image: envoyproxy/envoy:v1.30
      restartPolicy: Always
  containers:
    - name: app
      image: busybox:1.36
      command: ['sh', '-c', 'sleep 30']
`;

/** Saves the user's own scenario, so that opening a link asks first. */
async function saveOwnWork(page: Page): Promise<void> {
  await openApp(page);
  await replaceEditorText(page, MY_WORK);
  await expect.poll(() => savedText(page)).toBe(MY_WORK);
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    // The system's colour scheme: the theme holds across page loads (links, ?embed) too.
    test.use({ colorScheme: theme });

    test(`axe finds no violation on the main view (${theme})`, async ({ page }) => {
      await openApp(page);
      await setTheme(page, theme);
      await setCursor(page, 20);
      await page.locator('[data-testid="inject"][data-action="crash"][data-container="istio-proxy"]').click();
      await expect(page.getByTestId('fault')).toHaveCount(1);
      await expectNoAxeViolations(page, theme, 'main view with an injected fault');
      // The injected event selected: its handle, and the panel's "Remove this injected event".
      await page.locator('[data-testid="fault"] [role="button"]').first().focus();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('remove-selected')).toBeVisible();
      await expectNoAxeViolations(page, theme, 'main view with the injected fault selected');
    });

    test(`axe finds no violation with the inferred-behaviour hints and notes (${theme})`, async ({ page }) => {
      await openApp(page);
      await replaceEditorText(page, INFERRED_POD);
      await expect(page.getByTestId('notes').locator('li').first()).toBeVisible();
      await expect(page.locator('[data-testid="editor"] .sidecar-hint').first()).toBeVisible();
      await expectNoAxeViolations(page, theme, 'hints and notes');
    });

    test(`axe finds no violation with a YAML error in the problems list (${theme})`, async ({ page }) => {
      await openApp(page);
      await replaceEditorText(page, replaceLine(DEFAULT_SCENARIO, 'name: myapp-pod', '  name: myapp-pod: [broken'));
      await expect(page.getByTestId('problems').locator('li[data-severity="error"]').first()).toBeVisible();
      await expect(page.locator('.timeline-note')).toBeVisible();
      await expectNoAxeViolations(page, theme, 'a YAML error');
    });

    test(`axe finds no violation with the editor's notice on a hostile text (${theme})`, async ({ page }) => {
      await openApp(page);
      await replaceEditorText(page, ALIAS_BOMB);
      await expect(page.getByTestId('editor-notice')).toContainText('alias bomb');
      await expect(page.getByTestId('problems')).toContainText('alias bomb');
      await expectNoAxeViolations(page, theme, 'an alias bomb in the editor');
    });

    test(`axe finds no violation with the keyboard-help overlay open (${theme})`, async ({ page }) => {
      await openApp(page);
      await page.getByTestId('timeline').focus();
      await page.keyboard.press('?');
      await expect(page.getByTestId('help-overlay')).toBeVisible();
      await expectNoAxeViolations(page, theme, 'the help overlay');
    });

    test(`axe finds no violation with the share panel open (${theme})`, async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await openApp(page);
      await page.getByTestId('share').click();
      await expect(page.getByTestId('share-status')).toHaveText('Copied');
      await expect(page.getByTestId('share-embed')).toBeVisible();
      await expectNoAxeViolations(page, theme, 'the share panel');
    });

    test(`axe finds no violation with the share panel when the clipboard is refused (${theme})`, async ({ page }) => {
      await page.addInitScript(() => {
        Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
      });
      await openApp(page);
      await page.getByTestId('share').click();
      await expect(page.getByText('Copy this link to share the scenario:')).toBeVisible();
      await expect(page.getByTestId('share-link')).toBeFocused();
      await expectNoAxeViolations(page, theme, 'the share panel, clipboard refused');
    });

    test(`axe finds no violation with the keep-my-work dialog open (${theme})`, async ({ page }) => {
      await saveOwnWork(page);
      await gotoFresh(page, linkTo({ text: DEFAULT_SCENARIO.replace('name: myapp-pod', 'name: shared-pod'), cursor: 5 }));
      await waitForEditor(page);
      await expect(page.getByTestId('open-dialog')).toBeVisible();
      await expect(page.getByTestId('open-shared')).toBeFocused();
      await expectNoAxeViolations(page, theme, 'the keep-my-work dialog');
    });

    test(`axe finds no violation with the link-opened banner and Restore mine (${theme})`, async ({ page }) => {
      await saveOwnWork(page);
      await gotoFresh(page, linkTo({ text: DEFAULT_SCENARIO.replace('name: myapp-pod', 'name: shared-pod'), cursor: 5 }));
      await waitForEditor(page);
      await page.getByTestId('open-shared').click();
      await expect(page.getByTestId('share-banner')).toContainText('your own scenario was kept');
      await expect(page.getByTestId('restore-previous')).toBeVisible();
      await expectNoAxeViolations(page, theme, 'the link-opened banner');
    });

    test(`axe finds no violation on a hostile link's error message (${theme})`, async ({ page }) => {
      await gotoFresh(page, '/#v1.BwAAAA');
      await waitForApp(page);
      const banner = page.getByTestId('share-banner');
      await expect(banner).toHaveAttribute('role', 'alert');
      await expect(banner).toContainText('damaged');
      await expectNoAxeViolations(page, theme, 'a hostile link');
    });

    test(`axe finds no violation with the gallery open (${theme})`, async ({ page }) => {
      await openApp(page);
      await page.getByTestId('gallery-button').click();
      await expect(page.getByTestId('gallery')).toBeVisible();
      await expect(page.getByTestId('gallery-entry').first()).toBeFocused();
      await expectNoAxeViolations(page, theme, 'the gallery');
    });

    test(`axe finds no violation in compare mode (${theme})`, async ({ page }) => {
      await openApp(page);
      await page.getByTestId('gallery-button').click();
      await page.locator('[data-testid="gallery-compare"][data-entry="02-app-before-proxy"]').click();
      await expect(page.getByTestId('compare-side')).toHaveCount(2);
      await expect(page.getByTestId('compare-first-difference')).toContainText('First difference');
      await expect(page.getByTestId('share-banner')).toBeVisible();
      await expectNoAxeViolations(page, theme, 'compare mode');
    });

    test(`axe finds no violation in compare mode with a side that does not simulate (${theme})`, async ({ page }) => {
      await openApp(page);
      await page.getByTestId('gallery-button').click();
      await page.locator('[data-testid="gallery-compare"][data-entry="09-restartpolicy-versions"]').click();
      const sides = page.getByTestId('compare-side');
      await expect(sides).toHaveCount(5);
      await expect(sides.nth(1).getByTestId('compare-end-phase')).toContainText('does not simulate');
      await expect(sides.nth(3).getByTestId('compare-end-phase')).toHaveAttribute('data-phase', 'Running');
      await expectNoAxeViolations(page, theme, 'compare mode, five versions');
    });

    test(`axe finds no violation on the embed view with a link (${theme})`, async ({ page }) => {
      await gotoFresh(page, `/?embed${linkTo({ text: DEFAULT_SCENARIO.replace('name: myapp-pod', 'name: embedded-pod'), cursor: 12 }).slice(1)}`);
      await expect(page.getByTestId('embed')).toBeVisible();
      await expect(page.locator('[data-testid="lane"][data-container="embedded-pod"]')).toBeAttached();
      await expect(page.getByTestId('cursor-time')).toHaveText('12');
      await expectNoAxeViolations(page, theme, 'the embed view with a link');
      await page.getByTestId('embed-play').click();
      await expect(page.getByTestId('embed-play')).toHaveAttribute('aria-pressed', 'true');
      await expectNoAxeViolations(page, theme, 'the embed view, playing');
      await page.getByTestId('embed-play').click();
    });

    test(`axe finds no violation on the embed view without a link (${theme})`, async ({ page }) => {
      await gotoFresh(page, '/?embed');
      await expect(page.getByTestId('embed')).toBeVisible();
      await expect(page.locator('[data-testid="lane"][data-container="myapp-pod"]')).toBeAttached();
      await expectNoAxeViolations(page, theme, 'the embed view without a link');
    });

    test(`axe finds no violation on the embed view with a bad link (${theme})`, async ({ page }) => {
      await gotoFresh(page, '/?embed#v1.BwAAAA');
      await expect(page.getByTestId('share-banner')).toContainText('damaged');
      await expect(page.getByTestId('lane').first()).toBeAttached();
      await expectNoAxeViolations(page, theme, 'the embed view with a bad link');
    });

    test(`axe finds no violation on a Job with several pods (${theme})`, async ({ page }) => {
      await openApp(page);
      await replaceEditorText(page, FLAKY_JOB);
      await expect(page.locator('[data-testid="lane"][data-kind="pod"]')).toHaveCount(3);
      await expectNoAxeViolations(page, theme, 'a Job with three pods');
    });

    test(`axe finds no violation with the feature gates open (${theme})`, async ({ page }) => {
      await openApp(page);
      await page.getByTestId('k8s-version').selectOption('1.28');
      await expect(page.getByTestId('problems').locator('li[data-severity="warning"]')).toHaveCount(1);
      await page.getByTestId('feature-gates').locator('summary').click();
      const gate = page.locator('[data-testid="feature-gate"][data-gate="SidecarContainers"]');
      await expect(gate).toBeVisible();
      await gate.check();
      await expect(page.getByTestId('feature-gates').getByRole('button', { name: 'default', exact: true })).toBeVisible();
      await expectNoAxeViolations(page, theme, 'the feature gates');
    });

    test(`axe finds no violation with a selected event and the events panel (${theme})`, async ({ page }) => {
      await openApp(page);
      await setCursor(page, 20);
      await page.getByTestId('events').scrollIntoViewIfNeeded();
      await page.getByTestId('events').getByRole('button', { name: /^Select Started: .*init-mydb/ }).click();
      const sel = page.getByTestId('selection');
      await expect(sel).toContainText('Caused by');
      await expect(sel).toContainText('Led to');
      await expect(page.locator('.causality .causal-effect')).not.toHaveCount(0);
      await expect(page.getByTestId('events').locator('tr.is-selected')).not.toHaveCount(0);
      await expectNoAxeViolations(page, theme, 'a selected event');
    });

    test(`axe finds no violation with the timeline's tooltip shown (${theme})`, async ({ page }) => {
      await openApp(page);
      const bar = page.locator('[data-testid="lane"][data-container="istio-proxy"] > g.bars rect.bar[data-label^="Ready"]').first();
      const p = await visibleCenter(page, bar);
      await page.mouse.move(p.x, p.y);
      await expect(page.getByTestId('tooltip')).toBeVisible();
      await expectNoAxeViolations(page, theme, 'the tooltip');
    });
  });
}

test('the timeline controls are reachable and usable by keyboard', async ({ page }, info) => {
  await openApp(page);
  await page.getByTestId('play').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('step-next')).toBeFocused();
  await page.getByTestId('zoom-in').focus();
  const before = await page.getByTestId('timeline').getAttribute('data-t1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('timeline')).not.toHaveAttribute('data-t1', before ?? '');
  const crash = page.locator('[data-testid="inject"][data-action="crash"][data-container="myapp-container"]');
  await crash.focus();
  await expect(crash).toBeFocused();
  await expect(crash).toHaveAccessibleName(/Crash myapp-container at/);
  // The panels under the timeline, for a look at them.
  await page.getByTestId('events').scrollIntoViewIfNeeded();
  await screenshot(page, info, 'panels');
  await setTheme(page, 'dark');
  await screenshot(page, info, 'panels-dark');
});
