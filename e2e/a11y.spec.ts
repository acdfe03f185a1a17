// Accessibility: axe-core (its default rules: WCAG 2 A/AA and best practices) finds no violation
// on the whole page in every view and state a user can reach, light and dark; every control is
// reachable by keyboard.
//
// One test per view visits that view's states one after the other in one page, each state a
// step named as its own test used to be, with an axe pass per state and theme: each state is
// checked light then dark in the same page (the system's colour scheme switched under it), the
// views reached by a page load (a link, ?embed) too, each loaded once. Monaco's DOM is checked whole in each test's first
// state that shows the editor, and in every state where the editor shows something new (hints,
// a YAML error, a hostile text, a gate written in); the states after that leave it out
// (support/a11y.ts, AxeScope).

import { type Page, type TestInfo } from '@playwright/test';
import { expect, test } from './support/test';
import { expectNoAxeViolations, type AxeScope } from './support/a11y';
import { openApp, replaceEditorText, screenshot, waitForApp } from './support/app';
import { ALIAS_BOMB } from './support/hostile';
import { DEFAULT_SCENARIO, FLAKY_JOB, replaceLine } from './support/scenario';
import { gotoFresh, linkTo, savedText, waitForEditor } from './support/share';
import { setCursor, setTheme, visibleCenter } from './support/timeline';


/** Each state keeps the time a test of its own had (playwright.config.ts: 30 s). */
const PER_STATE = 30_000;

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


/** One state of a view: a step named as the test it used to be, then its screenshot. */
async function state(page: Page, info: TestInfo, name: string, body: () => Promise<void>): Promise<void> {
  await test.step(name, async () => {
    await body();
    await screenshot(page, info, name);
  });
}

const WITHOUT_EDITOR: AxeScope = { editor: false };

/**
 * axe over the page in the light and then the dark theme, as the system's colour scheme sets it
 * (or, with `how: 'chosen'`, as the user's own choice does); the page is left dark.
 */
async function axeInBothThemes(page: Page, what: string, scope: AxeScope = {}, how: 'system' | 'chosen' = 'system'): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    if (how === 'chosen') await setTheme(page, theme);
    else await page.emulateMedia({ colorScheme: theme });
    await expectNoAxeViolations(page, theme, what, scope);
  }
}

// The views a page reaches without a new load: each state is checked in both themes in turn, so
// the page, its texts and its overlays are set up once for both.
test('axe: the main view, its overlays, the share panel, the gallery and compare mode (light, dark)', async ({ page, context }, info) => {
  test.setTimeout(PER_STATE * 8 * 2);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);

  await state(page, info, `axe finds no violation with the timeline's tooltip shown (light, dark)`, async () => {
    const bar = page.locator('[data-testid="lane"][data-container="istio-proxy"] > g.bars rect.bar[data-label^="Ready"]').first();
    const p = await visibleCenter(page, bar);
    await page.mouse.move(p.x, p.y);
    await expect(page.getByTestId('tooltip')).toBeVisible();
    await axeInBothThemes(page, 'the tooltip');
  });

  await state(page, info, `axe finds no violation with a selected event and the events panel (light, dark)`, async () => {
    await setCursor(page, 20);
    await page.getByTestId('events').scrollIntoViewIfNeeded();
    await page.getByTestId('events').getByRole('button', { name: /^Select Started: .*init-mydb/ }).click();
    const sel = page.getByTestId('selection');
    await expect(sel).toContainText('Caused by');
    await expect(sel).toContainText('Led to');
    await expect(page.locator('.causality .causal-effect')).not.toHaveCount(0);
    await expect(page.getByTestId('events').locator('tr.is-selected')).not.toHaveCount(0);
    await axeInBothThemes(page, 'a selected event', WITHOUT_EDITOR);
  });

  await state(page, info, `axe finds no violation with the keyboard-help overlay open (light, dark)`, async () => {
    await page.getByTestId('timeline').focus();
    await page.keyboard.press('?');
    await expect(page.getByTestId('help-overlay')).toBeVisible();
    await axeInBothThemes(page, 'the help overlay', WITHOUT_EDITOR);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('help-overlay')).toBeHidden();
  });

  await state(page, info, `axe finds no violation with the share panel open (light, dark)`, async () => {
    await page.getByTestId('share').click();
    await expect(page.getByTestId('share-status')).toHaveText('Copied');
    await expect(page.getByTestId('share-embed')).toBeVisible();
    await axeInBothThemes(page, 'the share panel', WITHOUT_EDITOR);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('share-embed')).toBeHidden();
  });

  await state(page, info, `axe finds no violation with the gallery open (light, dark)`, async () => {
    await page.getByTestId('gallery-button').click();
    await expect(page.getByTestId('gallery')).toBeVisible();
    await expect(page.getByTestId('gallery-entry').first()).toBeFocused();
    await axeInBothThemes(page, 'the gallery', WITHOUT_EDITOR);
  });

  await state(page, info, `axe finds no violation in compare mode (light, dark)`, async () => {
    await page.locator('[data-testid="gallery-compare"][data-entry="02-app-before-proxy"]').click();
    await expect(page.getByTestId('compare-side')).toHaveCount(2);
    await expect(page.getByTestId('compare-first-difference')).toContainText('First difference');
    await expect(page.getByTestId('share-banner')).toBeVisible();
    await axeInBothThemes(page, 'compare mode', WITHOUT_EDITOR);
    await page.getByTestId('compare-close').click();
    await expect(page.getByTestId('compare-side')).toHaveCount(0);
  });

  await state(page, info, `axe finds no violation in compare mode with a side that does not simulate (light, dark)`, async () => {
    await page.getByTestId('gallery-button').click();
    await page.locator('[data-testid="gallery-compare"][data-entry="09-restartpolicy-versions"]').click();
    const sides = page.getByTestId('compare-side');
    await expect(sides).toHaveCount(5);
    await expect(sides.nth(0).getByTestId('compare-end-phase')).toContainText('does not simulate');
    await expect(sides.nth(3).getByTestId('compare-end-phase')).toHaveAttribute('data-phase', 'Running');
    await axeInBothThemes(page, 'compare mode, five versions', WITHOUT_EDITOR);
    await page.getByTestId('compare-close').click();
    await expect(sides).toHaveCount(0);
  });

  await state(page, info, `axe finds no violation on the main view (light, dark)`, async () => {
    await setCursor(page, 20);
    await page.locator('[data-testid="inject"][data-action="crash"][data-container="istio-proxy"]').click();
    await expect(page.getByTestId('fault')).toHaveCount(1);
    // The editor shows the injected event's line: checked whole again. Here the theme is the
    // user's own choice (the header's toggle), not the system's.
    await axeInBothThemes(page, 'main view with an injected fault', {}, 'chosen');
    // The injected event selected: its handle, and the panel's "Remove this injected event".
    await page.locator('[data-testid="fault"] [role="button"]').first().focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('remove-selected')).toBeVisible();
    await axeInBothThemes(page, 'main view with the injected fault selected', WITHOUT_EDITOR, 'chosen');
  });
});

test('axe: the editor\'s states, each text pasted in turn (light, dark)', async ({ page }, info) => {
  test.setTimeout(PER_STATE * 4 * 2);
  await openApp(page);

  await state(page, info, `axe finds no violation on a Job with several pods (light, dark)`, async () => {
    await replaceEditorText(page, FLAKY_JOB);
    await expect(page.locator('[data-testid="lane"][data-kind="pod"]')).toHaveCount(3);
    await axeInBothThemes(page, 'a Job with three pods');
  });

  await state(page, info, `axe finds no violation with the inferred-behaviour hints and notes (light, dark)`, async () => {
    await replaceEditorText(page, INFERRED_POD);
    await expect(page.getByTestId('notes').locator('li').first()).toBeVisible();
    await expect(page.locator('[data-testid="editor"] .sidecar-hint').first()).toBeVisible();
    await axeInBothThemes(page, 'hints and notes');
  });

  await state(page, info, `axe finds no violation with a YAML error in the problems list (light, dark)`, async () => {
    await replaceEditorText(page, replaceLine(DEFAULT_SCENARIO, 'name: myapp-pod', '  name: myapp-pod: [broken'));
    await expect(page.getByTestId('problems').locator('li[data-severity="error"]').first()).toBeVisible();
    await expect(page.locator('.timeline-note')).toBeVisible();
    await axeInBothThemes(page, 'a YAML error');
  });

  await state(page, info, `axe finds no violation with the editor's notice on a hostile text (light, dark)`, async () => {
    await replaceEditorText(page, ALIAS_BOMB);
    await expect(page.getByTestId('editor-notice')).toContainText('alias bomb');
    await expect(page.getByTestId('problems')).toContainText('alias bomb');
    await axeInBothThemes(page, 'an alias bomb in the editor');
  });
});

test('axe: the share panel with the clipboard refused, and the feature gates (light, dark)', async ({ page }, info) => {
  test.setTimeout(PER_STATE * 2 * 2);
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
  });
  await openApp(page);

  await state(page, info, `axe finds no violation with the share panel when the clipboard is refused (light, dark)`, async () => {
    await page.getByTestId('share').click();
    await expect(page.getByText('Copy this link to share the scenario:')).toBeVisible();
    await expect(page.getByTestId('share-link')).toBeFocused();
    await axeInBothThemes(page, 'the share panel, clipboard refused');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('share-link')).toBeHidden();
  });

  await state(page, info, `axe finds no violation with the feature gates open (light, dark)`, async () => {
    await page.getByTestId('k8s-version').selectOption('1.28');
    await expect(page.getByTestId('problems').locator('li[data-severity="warning"]')).toHaveCount(1);
    await page.getByTestId('feature-gates').locator('summary').click();
    const gate = page.locator('[data-testid="feature-gate"][data-gate="SidecarContainers"]');
    await expect(gate).toBeVisible();
    await gate.check();
    await expect(page.getByTestId('feature-gates').getByRole('button', { name: 'default', exact: true })).toBeVisible();
    // The gate is written into the text: the editor is checked whole again.
    await axeInBothThemes(page, 'the feature gates');
  });
});

// Views reached through a page load (a link, ?embed): loaded once, each state checked light then
// dark with the system's colour scheme switched under the page, as the views above are. They used
// to be a test per theme, loaded in that scheme (twelve page loads for what six now reach; the
// theme from a link's first paint is not what axe checks). Each theme's check is a step named as
// that test's step was.

/** axe over the page light, then dark (the system's colour scheme), each a step named `${name} (theme)`; the page is left dark. */
async function axeEachTheme(page: Page, name: string, what: string, scope: AxeScope = {}): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await test.step(`${name} (${theme})`, async () => {
      await page.emulateMedia({ colorScheme: theme });
      await expectNoAxeViolations(page, theme, what, scope);
    });
  }
}

test(`axe: a link opened over the user's own work (light, dark)`, async ({ page }, info) => {
  test.setTimeout(PER_STATE * 2 * 2);
  await saveOwnWork(page);
  await gotoFresh(page, linkTo({ text: DEFAULT_SCENARIO.replace('name: myapp-pod', 'name: shared-pod'), cursor: 5 }));
  await waitForEditor(page);

  await state(page, info, `axe finds no violation with the keep-my-work dialog open (light, dark)`, async () => {
    await expect(page.getByTestId('open-dialog')).toBeVisible();
    await expect(page.getByTestId('open-shared')).toBeFocused();
    await axeEachTheme(page, 'axe finds no violation with the keep-my-work dialog open', 'the keep-my-work dialog');
  });

  await state(page, info, `axe finds no violation with the link-opened banner and Restore mine (light, dark)`, async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByTestId('open-shared').click();
    await expect(page.getByTestId('share-banner')).toContainText('your own scenario was kept');
    await expect(page.getByTestId('restore-previous')).toBeVisible();
    await axeEachTheme(page, 'axe finds no violation with the link-opened banner and Restore mine', 'the link-opened banner', WITHOUT_EDITOR);
  });
});

test(`axe: a hostile link, and the embed view with and without a link (light, dark)`, async ({ page }, info) => {
  test.setTimeout(PER_STATE * 4 * 2);

  // Each state's page loads in the light theme, as the system's default.
  await state(page, info, `axe finds no violation on a hostile link's error message (light, dark)`, async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await gotoFresh(page, '/#v1.BwAAAA');
    await waitForApp(page);
    const banner = page.getByTestId('share-banner');
    await expect(banner).toHaveAttribute('role', 'alert');
    await expect(banner).toContainText('damaged');
    await axeEachTheme(page, `axe finds no violation on a hostile link's error message`, 'a hostile link');
  });

  await state(page, info, `axe finds no violation on the embed view with a link (light, dark)`, async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await gotoFresh(page, `/?embed${linkTo({ text: DEFAULT_SCENARIO.replace('name: myapp-pod', 'name: embedded-pod'), cursor: 12 }).slice(1)}`);
    await expect(page.getByTestId('embed')).toBeVisible();
    await expect(page.locator('[data-testid="lane"][data-container="embedded-pod"]')).toBeAttached();
    await expect(page.getByTestId('cursor-time')).toHaveText('12');
    await axeEachTheme(page, 'axe finds no violation on the embed view with a link', 'the embed view with a link');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByTestId('embed-play').click();
    await expect(page.getByTestId('embed-play')).toHaveAttribute('aria-pressed', 'true');
    await axeEachTheme(page, 'axe finds no violation on the embed view, playing', 'the embed view, playing');
    await page.getByTestId('embed-play').click();
  });

  await state(page, info, `axe finds no violation on the embed view without a link (light, dark)`, async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await gotoFresh(page, '/?embed');
    await expect(page.getByTestId('embed')).toBeVisible();
    await expect(page.locator('[data-testid="lane"][data-container="myapp-pod"]')).toBeAttached();
    await axeEachTheme(page, 'axe finds no violation on the embed view without a link', 'the embed view without a link');
  });

  await state(page, info, `axe finds no violation on the embed view with a bad link (light, dark)`, async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await gotoFresh(page, '/?embed#v1.BwAAAA');
    await expect(page.getByTestId('share-banner')).toContainText('damaged');
    await expect(page.getByTestId('lane').first()).toBeAttached();
    await axeEachTheme(page, 'axe finds no violation on the embed view with a bad link', 'the embed view with a bad link');
  });
});

test('the timeline controls are reachable and usable by keyboard', async ({ page }, info) => {
  await openApp(page);
  await page.getByTestId('play').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('step-next')).toBeFocused();
  await page.getByTestId('zoom-in').focus();
  // The view opens on the whole run with the cursor at its end; a zoom about the cursor moves the start.
  const before = await page.getByTestId('timeline').getAttribute('data-t0');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('timeline')).not.toHaveAttribute('data-t0', before ?? '');
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
