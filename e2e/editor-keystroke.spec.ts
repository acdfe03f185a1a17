// What waits for the reader (ui/editor/engagement.ts): monaco-yaml's worker starts only once the
// editor is reached for. What waits behind a keystroke's timeline (issue 16, state/afterAnswer.ts): monaco-yaml's
// requests (completion, validation), the saved text and the address bar's link. Each still
// happens once the engine has answered: a broken line typed key by key gets the YAML worker's
// marker at its own line after the pause, the fix clears it, the text is saved, and a reload at
// once after a keystroke (the save still waiting) keeps that keystroke.

import { expect, test } from './support/test';
import { editorText, markers, openApp, screenshot } from './support/app';
import { caretAt, waitForSchema } from './support/editor';
import { savedText } from './support/share';
import { DEFAULT_SCENARIO, lineOf } from './support/scenario';

test('typed edits: the YAML worker\'s markers at the right line after the pause, the text saved, a reload keeps the last key', async ({ page }, info) => {
  test.setTimeout(30_000 * 4);
  await openApp(page);
  await waitForSchema(page, '1.37', 'istio-proxy');
  const line = lineOf(DEFAULT_SCENARIO, '      restartPolicy: Always');

  await test.step('the YAML worker waits for the reader: not started by the load, started once the pointer is over the editor', async () => {
    const yamlWorkers = () => page.workers().filter((w) => /yaml\.worker/.test(w.url())).length;
    // The schema is in force and the language is YAML: before, the worker had started by now.
    await expect.poll(() => page.workers().some((w) => /engine\.worker/.test(w.url()))).toBe(true);
    expect(yamlWorkers()).toBe(0);
    await page.locator('[data-testid="editor"] .view-lines').hover();
    await expect.poll(yamlWorkers).toBe(1);
  });

  await test.step('a broken mapping typed key by key: the YAML worker marks its line once typing pauses', async () => {
    await caretAt(page, line);
    await page.keyboard.type(' x: y');
    await expect.poll(() => editorText(page)).toContain('restartPolicy: Always x: y');
    await expect.poll(async () => (await markers(page, 'yaml')).map((m) => [m.severity, m.startLineNumber]), { timeout: 20_000 })
      .toContainEqual(['error', line]);
    // The engine said the same at the same line.
    await expect(page.getByTestId('problems').locator('li').first()).toContainText(`${line}:`);
    await screenshot(page, info, 'broken');
  });

  await test.step('the fix typed back clears the YAML worker\'s marker, and the text is saved', async () => {
    for (let i = 0; i < ' x: y'.length; i++) await page.keyboard.press('Backspace');
    await expect.poll(() => editorText(page)).toBe(DEFAULT_SCENARIO);
    await expect.poll(async () => (await markers(page, 'yaml')).filter((m) => m.severity === 'error'), { timeout: 20_000 }).toEqual([]);
    await expect(page.getByTestId('problems').locator('li')).toHaveCount(0);
    await page.keyboard.type('#');
    await expect.poll(() => savedText(page)).toBe(await editorText(page));
  });

  await test.step('a reload right after a keystroke keeps it (the page saves when it goes away)', async () => {
    await caretAt(page, 1, 1);
    await page.keyboard.type('# kept\n');
    const typed = await editorText(page);
    await page.reload();
    await expect(page.locator('[data-testid="editor"][data-ready="true"]')).toBeAttached();
    await expect.poll(() => editorText(page)).toBe(typed);
  });
});
