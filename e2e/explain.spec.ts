// Explain mode (issue 14) in Chromium: a real `kubectl get pod -o yaml` pasted into the editor is
// explained (where it is, why, what comes next with its time), its share link keeps only what the
// lifecycle needs, and junk gets a message saying what to paste instead. Screenshots of the view
// at 390 px, 1280×720 and 1920×1080; axe in both themes.

import { readFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/a11y';
import { editorText, openApp, replaceEditorText, screenshot } from './support/app';
import { laneBars, setCursor, setTheme } from './support/timeline';

const fixture = (name: string) => readFileSync(new URL(`../src/engine/explain/fixtures/${name}`, import.meta.url), 'utf8');

async function paste(page: Page, name: string): Promise<void> {
  await openApp(page);
  await replaceEditorText(page, fixture(name));
}

test.afterEach(async ({ page }, info) => screenshot(page, info));

const SIZES = [[390, 844], [1280, 720], [1920, 1080]] as const;

// Three tests of one pasted pod are this one: its explanation at three sizes, its share link, and
// the version picker (each a step named as its test was).
test('a pod stuck at Init:1/2 behind a sidecar whose startup probe has not passed is explained, with what comes next', async ({ page, browser }, info) => {
  test.setTimeout(30_000 * 6); // with the three sizes, the share link and the version picker, once tests of their own
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

  // The same view at a phone's, a laptop's and a projector's size, for a look.
  for (const [w, h] of SIZES) {
    await test.step(`the explain view at ${w}x${h}`, async () => {
      await page.setViewportSize({ width: w, height: h });
      await expect(page.getByTestId('explain-next')).toBeVisible();
      // Nothing of the kubectl row or the conditions runs past the screen (explain.css stacks them on a phone).
      const overflow = await page.locator('.explain-pod .table-scroll').evaluateAll((boxes) => boxes.flatMap((box) => [
        ...(box.scrollWidth > box.clientWidth ? [`a table scrolls sideways: ${box.textContent?.slice(0, 40)}`] : []),
        ...[...box.querySelectorAll('th, td')].filter((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5).map((c) => `past the edge: ${c.textContent?.slice(0, 40)}`),
      ]));
      expect(overflow).toEqual([]);
      await screenshot(page, info, `the explain view at ${w}x${h} view`);
    });
  }
  await page.setViewportSize({ width: 1400, height: 860 });

  await test.step('the share link of an explained pod drops env values, annotations and managed fields, and says so first', async () => {
    const dropped = page.getByTestId('explain-dropped');
    await expect(dropped).toContainText('environment variables');
    await expect(dropped).toContainText('annotations');
    await expect(dropped).toContainText('managed fields');
    // The address bar follows the scenario: it must carry the share-safe form only.
    await expect.poll(() => page.url()).toContain('#v1.');
    const link = page.url();
    // The button copies that same link.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('explain-copy-link').click();
    await expect(page.getByTestId('explain-copy-status')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
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

  await test.step('the version picker applies to an explained pod: 1.27 does not know a sidecar, and says so at its line', async () => {
    await expect(page.getByTestId('explain')).toBeVisible();
    await page.getByTestId('k8s-version').selectOption('1.27');
    await expect(page.getByTestId('problems')).toContainText('unknown field "spec.initContainers[1].restartPolicy"');
    await expect(page.getByTestId('explain')).toBeVisible();
  });
});

// The gallery's explained entry opens on the default page first (over a paste, it would ask
// before replacing the user's own text), then the pastes; each a step named as its test was.
test('pastes that are not one pod: kubectl describe output, a truncated pod, a Deployment\'s dump', async ({ page }) => {
  test.setTimeout(30_000 * 4);
  await openApp(page);
  await test.step('the gallery entry "Why is my pod stuck at Init:1/2?" opens in explain mode', async () => {
    await page.getByTestId('gallery-button').click();
    await page.locator('[data-testid="gallery-entry"][data-entry="13-explain-stuck-pod"]').click();
    await expect(page.getByTestId('explain')).toBeVisible();
    await expect(page.getByTestId('explain-status')).toHaveText('Init:1/2');
    await expect(page.getByTestId('explain-next')).toContainText('mesh-proxy kill');
  });
  await test.step('kubectl describe output gets a message saying what to paste instead', async () => {
    await replaceEditorText(page, fixture('describe.txt'));
    await expect(page.getByTestId('problems')).toContainText('kubectl get pod NAME -o yaml');
    await expect(page.getByTestId('explain')).toHaveCount(0);
  });
  await test.step('a truncated paste is explained as far as it goes and says it was cut short', async () => {
    await replaceEditorText(page, fixture('truncated.yaml'));
    await expect(page.getByTestId('problems')).toContainText('cut short');
    await expect(page.getByTestId('explain')).toBeVisible();
  });
  await test.step("a Deployment's dump is simulated, with a note on how to explain one of its pods", async () => {
    await replaceEditorText(page, fixture('deployment-dump.yaml'));
    await expect(page.getByTestId('problems')).toContainText('kubectl get pod NAME -o yaml');
    await expect(page.getByTestId('explain')).toHaveCount(0);
    await expect(page.getByTestId('lane').first()).toBeAttached();
  });
});

// Explained at 19:53:00, the crash-looping pod is then continued from there (t = 412 s since its
// creation): two tests of one paste, each a step named as its test was.
test('a CrashLoopBackOff explained, then continued from here', async ({ page }, info) => {
  test.setTimeout(30_000 * 9); // with the axe passes (two themes) of each, the contrast passes and the three sizes, once tests of their own
  await test.step('a CrashLoopBackOff: RESTARTS with "(… ago)" from the "now" set, and the restart time', async () => {
    await paste(page, 'crashloop.yaml');
    await expect(page.getByTestId('explain-status')).toHaveText('CrashLoopBackOff');
    const now = page.getByTestId('explain-now');
    await now.fill('2021-07-14T19:53:00Z');
    await now.press('Enter');
    await expect(page.getByTestId('explain-restarts')).toHaveText('6 (38s ago)');
    await expect(page.getByTestId('explain-next')).toContainText('centos-new start in 4m22s (2021-07-14T19:57:22Z)');

    for (const theme of ['light', 'dark'] as const) {
      await test.step(`axe finds no violation in explain mode (${theme})`, async () => {
        await setTheme(page, theme);
        await expect(page.getByTestId('explain')).toBeVisible();
        await expectNoAxeViolations(page, theme, 'explain mode');
      });
    }
  });
  await setTheme(page, 'light');

  await test.step('continue from here: the CrashLoopBackOff pod restarts on the timeline when explain said, after the observed past', async () => {
    await page.getByTestId('continue-from-here').click();
    await expect(page.getByTestId('explain')).toHaveCount(0);
    await expect(page.getByTestId('timeline')).toBeVisible();
    const text = await editorText(page);
    expect(text).toContain('startFrom:');
    expect(text).not.toContain('centos-new-6846f658db'); // share-safe: no pod name
    const boundary = page.getByTestId('observed-boundary');
    await expect(boundary).toBeVisible();
    await expect(boundary).toHaveAttribute('data-t', '412');
    await expect(boundary).toContainText('observed ←');
    await expect(boundary).toContainText('→ simulated');
    // explain: restart at 19:57:22 = creation (19:46:08) + 674 s; the run exits at once, as observed.
    // (Read from the drawn trace: at this zoom the run's bars share one pixel column, and the drawing
    // budget keeps one bar per column.)
    const restartAt = () => page.evaluate(() => window.__sidecarLabStore!.getState().trace?.events
      .find((e) => e.type === 'container.start' && e.container === 'centos-new' && e.attempt === 7)?.t);
    await expect.poll(restartAt).toBeGreaterThanOrEqual(674);
    expect(await restartAt()).toBeLessThan(675);
    expect((await laneBars(page, 'centos-new')).some((b) => b.attempt === 7 && b.start >= 674 && b.start <= 675)).toBe(true);
    // The observed run 6 is drawn before the boundary.
    expect((await laneBars(page, 'centos-new')).some((b) => b.attempt === 6 && b.start <= 412)).toBe(true);

    for (const theme of ['light', 'dark'] as const) {
      await test.step(`the boundary label has at least 4.5:1 contrast and axe is clean after continuing (${theme})`, async () => {
        await setTheme(page, theme);
        const colours = await page.getByTestId('observed-boundary').evaluate((g) => {
          const text = g.querySelector('text')!;
          const box = g.querySelector('rect')!;
          return { fg: getComputedStyle(text).fill, bg: getComputedStyle(box).fill };
        });
        expect(contrast(colours.fg, colours.bg)).toBeGreaterThanOrEqual(4.5);
        await expectNoAxeViolations(page, theme, 'a continued pod');
      });
    }
    await setTheme(page, 'light');
    for (const [w, h] of SIZES) {
      await test.step(`the continued pod's timeline at ${w}x${h}`, async () => {
        await page.setViewportSize({ width: w, height: h });
        await expect(page.getByTestId('observed-boundary')).toBeVisible();
        await screenshot(page, info, `the continued pod's timeline at ${w}x${h} continued`);
      });
    }
    await page.setViewportSize({ width: 1400, height: 860 });

    // The user's pod is in History.
    await page.getByTestId('history').click();
    const entry = page.getByTestId('history-panel').getByTestId('history-entry');
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText('replaced by an explained pod');
  });
});

test('continue from here, then a fault: the sidecar crashed after "now" restarts', async ({ page }) => {
  await test.step('a terminal pod: Continue from here is disabled, and says why before it is pressed', async () => {
    await paste(page, 'evicted-completed.yaml');
    const button = page.getByTestId('continue-from-here');
    await expect(button).toBeDisabled();
    await expect(page.locator('#explain-continue-hint')).toContainText('Nothing to continue: the pod is Succeeded, a terminal phase');
  });
  await replaceEditorText(page, fixture('running-sidecar.yaml'));
  await expect(page.getByTestId('continue-from-here')).toBeEnabled();
  await page.getByTestId('continue-from-here').click();
  await expect(page.getByTestId('observed-boundary')).toHaveAttribute('data-t', '370');
  await setCursor(page, 400);
  await page.locator('[data-testid="inject"][data-action="crash"][data-container="log-shipper"]').click();
  await expect.poll(() => editorText(page)).toContain('- { at: 400s, container: log-shipper, do: crash, exitCode: 1 }');
  await expect.poll(async () => (await laneBars(page, 'log-shipper')).some((b) => b.attempt === 1)).toBe(true);
  expect((await laneBars(page, 'log-shipper')).find((b) => b.tone === 'exited-error')).toMatchObject({ start: 400 });
  await expect(page.getByTestId('observed-boundary')).toBeVisible();
});

/** WCAG 2 contrast of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number).map((v) => {
      const x = v / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
