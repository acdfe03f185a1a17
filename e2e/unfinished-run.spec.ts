// A run that ends while the pod is still terminating says so above the timeline and offers to
// extend `until`; the button edits the Simulation document (undoable).

import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/a11y';
import { editorText, openApp, replaceEditorText, screenshot } from './support/app';
import { focusEditor } from './support/editor';

test.afterEach(async ({ page }, info) => screenshot(page, info));

test('a deletion the run cuts short offers to extend until, and the extension lets the pod go', async ({ page }, info) => {
  test.setTimeout(60_000);
  await openApp(page);
  const text = (await editorText(page)).replace(/\nevents:[\s\S]*$/, '') + '\nevents:\n  - { at: 33s, do: deletePod, gracePeriodSeconds: 30 }\n';
  await replaceEditorText(page, text.replace('myapp-container:\n    startDelay: 1s', 'myapp-container:\n    startDelay: 1s\n    onStop: ignore'));
  const notice = page.getByTestId('unfinished-run');
  await expect(notice).toContainText('The run ends at 40 s while the pod is still terminating: extend until to 80 s?');
  await expectNoAxeViolations(page, 'light', 'the unfinished-run notice');
  await screenshot(page, info, 'notice');
  await page.getByTestId('extend-until').click();
  await expect.poll(() => editorText(page)).toContain('until: 80s');
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('timeline')).toHaveAttribute('data-t1', /^(8\d|9\d|\d{3})/);
  // Undo brings back the short run and the notice.
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorText(page)).toContain('until: 40s');
  await expect(notice).toBeVisible();
});
