// The hostile-input suite, a Job of 2,501 pods by link: the drawing budget keeps the page
// responsive (see the test's comment).

import { readFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { editorText, screenshot } from './support/app';
import { stillResponsive, watchForExecution } from './support/hostile';
import { gotoFresh, linkTo } from './support/share';
import { focusEditor } from './support/editor';

test.afterEach(async ({ page }, info) => screenshot(page, info));

// A short link that hung the tab (issue 17, finding 1): a Job whose pod fails at once, retried
// 100,000 times, simulated for 400 h, made 2,501 pods (2,778 since the Job runs on one node, [16.3]: its
// back-off counts from the container's exit, and the image stays on the node; 2,000 since each pod's
// status shows its run before the exit, [0.8], so each pod takes more of the 50,000 events). Drawn in full that was 5,002 lanes and
// ~152,000 DOM nodes: 10–12 s frozen on open, ~8 s a keystroke. The drawing budget draws the
// first and last pods, one summary row for the rest, and the pods the user picks.
test.describe('a Job of 2,501 pods by link', () => {
  const RETRY_FOREVER = readFileSync(new URL('../src/cli/fixtures/job-retry-forever.yaml', import.meta.url), 'utf8');
  const podLanes = (page: Page) => page.locator('[data-testid="lane"][data-kind="pod"]');

  /** Opens the link; the run itself (50,000 events in the worker) takes seconds on a loaded machine. */
  async function openRetryForever(page: Page) {
    await gotoFresh(page, linkTo({ text: RETRY_FOREVER }));
    await expect(page.locator('[data-testid="editor"][data-ready="true"]')).toBeVisible({ timeout: 60_000 });
    const summary = page.getByTestId('timeline-summary');
    const restarted = page.getByRole('alert').filter({ hasText: /did not answer/ });
    // With a dozen browsers and builds sharing two cores, the engine's 3 s watchdog may take the
    // 50,000-event run for a hang (the worker's business, not the drawing's): as the alert says,
    // an edit runs it again.
    for (let attempt = 1; ; attempt++) {
      await expect(summary.or(restarted).first()).toBeVisible({ timeout: 60_000 });
      if (await restarted.count() === 0 || attempt === 3) break;
      console.log(`the engine was restarted under load (attempt ${attempt}); editing to run it again`);
      await page.evaluate((t) => window.__sidecarLabStore!.getState().setText(t), `${RETRY_FOREVER}${'\n'.repeat(attempt)}`);
      await expect(restarted).toHaveCount(0);
    }
    await expect(summary).toHaveCount(1);
  }

  test('opens responsive, draws a bounded timeline with a summary row and a picked pod in full, at 390 px and in presenter mode', async ({ page }, info) => {
    test.setTimeout(300_000);
    const nothingExecuted = await watchForExecution(page);
    await openRetryForever(page);
    await expect(podLanes(page).first()).toHaveAttribute('data-container', 'retry-forever-2s8cl');
    await screenshot(page, info, 'opened');
    await stillResponsive(page);
    // Bounded: a dozen pods drawn, the DOM small, one sentence for the rest.
    expect(await podLanes(page).count()).toBe(12);
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(6000);
    const summary = page.getByTestId('timeline-summary');
    await expect(summary).toHaveCount(1);
    await expect(summary).toContainText(/^…and 1,988 more pods: all Failed \(Error\); retry-forever-r10 to retry-forever-r1997$/);
    await expect(page.getByTestId('pod-picker')).toContainText('Drawing 12 of 2,000 pods: the first 10 and the last 2.');
    await expect(podLanes(page).last()).toHaveAttribute('data-container', 'retry-forever-r1999');
    await expect(page.locator('[data-testid="lane"][data-kind="pod"] g.subrow[data-row="STATUS"]').first()).toBeAttached();
    await page.getByTestId('feature-gates').evaluate((el) => { (el as HTMLDetailsElement).open = false; });
    await summary.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e/screenshots/job-of-2501-pods-summary.png' });

    // A keystroke in the editor is handled at once (it took ~8 s).
    await focusEditor(page);
    await page.keyboard.press('ControlOrMeta+End');
    const typed = Date.now();
    await page.keyboard.type('#');
    await expect.poll(() => editorText(page), { timeout: 3000 }).toMatch(/#$/);
    expect(Date.now() - typed).toBeLessThan(3000);
    await stillResponsive(page);

    // Picking pod #1200 draws it and the nine after it, with two summary rows around them.
    await page.getByTestId('pod-picker').getByLabel('Show pods from #').fill('1200');
    await expect(page.locator('[data-testid="lane"][data-container="retry-forever-r1199"]')).toBeAttached();
    expect(await podLanes(page).count()).toBe(22);
    await expect(page.getByTestId('timeline-summary')).toHaveText([
      /^…and 1,189 more pods: all Failed \(Error\); retry-forever-r10 to retry-forever-r1198$/,
      /^…and 789 more pods: all Failed \(Error\); retry-forever-r1209 to retry-forever-r1997$/,
    ]);
    await stillResponsive(page);

    // At 390 px, then in presenter mode, the budget holds and the page answers.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('timeline-summary').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e/screenshots/job-of-2501-pods-summary-390.png' });
    await stillResponsive(page);
    await page.getByTestId('feature-gates').evaluate((el) => { (el as HTMLDetailsElement).open = false; });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('present').click();
    await expect(page.getByTestId('narration')).toBeVisible();
    await page.getByTestId('present-next').click();
    await expect(page.getByTestId('narration').locator('.presenter-why')).not.toBeEmpty();
    expect(await podLanes(page).count()).toBe(22);
    const lag = await page.evaluate(() => new Promise<number>((r) => { const s = performance.now(); setTimeout(() => r(performance.now() - s), 0); }));
    expect(lag).toBeLessThan(2000);
    await screenshot(page, info, 'present');
    await nothingExecuted();
  });
});
