// The hostile-input suite, our own faults: a pane whose drawing throws (a fault of ours that some
// scenario reaches; here the engine's answer and the problem list are broken through the store's
// test handle) says so in its place, and the rest of the page keeps working, the editor first, so
// the user can change the text. The error used to unmount the whole page, and since the text is
// saved, a reload drew the same blank page again.

import { expect, test } from './support/test';
import { openApp, replaceEditorText, screenshot } from './support/app';
import { expectNoAxeViolations } from './support/a11y';
import { DEFAULT_SCENARIO } from './support/scenario';
import { setTheme } from './support/timeline';

test.afterEach(async ({ page }, info) => screenshot(page, info));

test('a pane that cannot be drawn says so, the editor keeps working, and the next edit draws it again', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('lane').first()).toBeAttached();

  // A trace the timeline cannot read: containers without names.
  await page.evaluate(() => {
    const store = window.__sidecarLabStore!;
    const trace = store.getState().trace!;
    store.setState({ trace: { ...trace, containers: trace.containers.map((c) => ({ ...c, name: null as never })) } });
  });
  const failure = page.getByTestId('pane-error');
  await expect(failure).toHaveCount(1);
  await expect(failure).toContainText(/^The timeline could not be shown \(.+\)\.This is a fault in Sidecar Lab/);
  await expect(page.getByTestId('lane')).toHaveCount(0);
  // The header, the problems and the editor still answer.
  await expect(page.getByTestId('gallery-button')).toBeEnabled();
  await expect(page.getByTestId('problems')).toBeAttached();
  await expect(page.locator('[data-testid="editor"][data-ready="true"]')).toBeAttached();
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await expectNoAxeViolations(page, theme, 'the page with its timeline pane failed');
  }

  // The next edit brings a new answer, and the timeline draws again.
  const edited = DEFAULT_SCENARIO.replace('name: myapp-pod', 'name: myapp-pod-2');
  await replaceEditorText(page, edited);
  await expect(page.getByTestId('lane').first()).toBeAttached();
  await expect(failure).toHaveCount(0);

  await test.step('a lazily loaded part of the pane that throws: the pane says so, and the next edit draws it again', async () => {
    // The containers table (the panels under the timeline, a chunk of their own) reads these.
    await expect(page.getByTestId('containers')).toBeAttached();
    await page.evaluate(() => window.__sidecarLabStore!.setState({ containerSummaries: null as never }));
    await expect(failure).toHaveCount(1);
    await expect(failure).toContainText(/^The timeline could not be shown/);
    // Not taken for a part that failed to load: no notice under the header.
    await expect(page.getByTestId('part-load-error')).toHaveCount(0);
    await replaceEditorText(page, edited.replace('name: myapp-pod-2', 'name: myapp-pod-3'));
    await expect(page.getByTestId('containers')).toBeAttached();
    await expect(failure).toHaveCount(0);
    await replaceEditorText(page, edited);
    await expect(page.locator('[data-testid="lane"][data-container="myapp-container"]')).toBeAttached();
  });

  await test.step('a fault outside the panes: the page says so and shows the scenario to copy; a reload brings the app back', async () => {
    // The phone tabs read the problem list (its count), outside any pane.
    await page.evaluate(() => window.__sidecarLabStore!.setState({ problems: null as never }));
    const crash = page.getByTestId('app-crash');
    await expect(crash).toBeVisible();
    await expect(crash.getByRole('heading', { name: 'Sidecar Lab stopped' })).toBeVisible();
    await expect(crash).toContainText(/It could not draw the page \(.+\)\. This is a fault in Sidecar Lab/);
    expect(await crash.getByLabel('Your scenario').textContent()).toBe(edited);
    await expectNoAxeViolations(page, 'dark', 'the page after a fault outside the panes');
    await crash.getByRole('button', { name: 'Reload' }).click();
    await expect(page.locator('[data-testid="lane"][data-container="myapp-container"]')).toBeAttached();
    await expect(page.getByTestId('app-crash')).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => window.__sidecarLabStore!.getState().text)).toBe(edited);
  });
});

// The editor's own fault: it reads the trace too (the container names its completion offers).
// Once its code has arrived, an error while drawing it says the editor stopped, not that it could
// not be loaded, keeps the text read-only, and the editor comes back with the next scenario.
test('an editor that stops says so, keeps the text, and comes back with the next scenario', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => {
    const store = window.__sidecarLabStore!;
    store.setState({ trace: { ...store.getState().trace!, containers: null as never } });
  });
  const notice = page.getByTestId('editor-load-error');
  await expect(notice).toContainText(/^The editor stopped \(.+\)\. This is a fault in Sidecar Lab/);
  await expect(page.getByRole('region', { name: 'Scenario text (the editor stopped)' })).toContainText('kind: Pod');
  await expect(page.getByTestId('pane-error')).toContainText('The timeline could not be shown');
  await expectNoAxeViolations(page, 'light', 'the page with a stopped editor');

  // The gallery still opens a scenario, and with it the editor and the timeline come back.
  await page.getByTestId('gallery-button').click();
  await page.locator('[data-testid="gallery-entry"]').first().click();
  await expect(page.locator('[data-testid="editor"][data-ready="true"]')).toBeAttached();
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('pane-error')).toHaveCount(0);
  await expect(page.getByTestId('lane').first()).toBeAttached();
});
