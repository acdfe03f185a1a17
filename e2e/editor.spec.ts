import { expect, test } from './support/test';
import { editorText, lanes, markers, openApp, replaceEditorText, screenshot, waitForApp } from './support/app';
import { DEFAULT_SCENARIO, lineOf, replaceLine } from './support/scenario';
import { focusEditor } from './support/editor';

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
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.type('# my own notes');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('sidecar-lab:scenario') ?? '')).toMatch(/^# my own notes\n/);

  await page.reload();
  await waitForApp(page);
  expect(await editorText(page)).toBe(`# my own notes\n${DEFAULT_SCENARIO}`);
  await expect(page.locator('[data-testid="editor"] .view-lines')).toContainText('# my own notes');
});

// The version picker (1.27 rejects the native sidecar, 1.28 runs it as an init container): steps
// of editor-version.spec.ts's first test, on its page.
