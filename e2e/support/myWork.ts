// The user's own work in the hostile-input suite (e2e/hostile*.spec.ts): typed and saved before
// each hostile input arrives, and checked to come back after it (Ctrl+Z or the saved text).

import { expect, type Page } from '@playwright/test';
import { editorText, openApp, replaceEditorText } from './app';
import { MY_WORK, watchForExecution } from './hostile';
import { savedText } from './share';
import { focusEditor } from './editor';

export const myLane = (page: Page) => page.locator('[data-testid="lane"][data-container="my-own-pod"]');

/** Opens the app with the user's own work typed and saved; returns the execution check. */
export async function withMyWork(page: Page) {
  const nothingExecuted = await watchForExecution(page);
  await openApp(page);
  await replaceEditorText(page, MY_WORK);
  await expect(myLane(page)).toBeAttached();
  await expect.poll(() => savedText(page)).toBe(MY_WORK);
  return nothingExecuted;
}

/**
 * The problem the engine reports for the text: its message, and the line it points at. The
 * default bound catches a hang on a loaded machine (10,000 containers take about 2 s to read).
 */
export async function expectProblem(page: Page, message: RegExp, line?: number, timeout = 15_000) {
  const item = page.getByTestId('problems').locator('li').filter({ hasText: message }).first();
  try {
    await expect(item).toBeVisible({ timeout });
  } catch (err) {
    // Say what the panel showed instead (another problem, or the engine's own error).
    const shown = await page.locator('.problems-panel').innerText().catch(() => '(no problems panel)');
    throw new Error(`${err instanceof Error ? err.message : String(err)}\nThe problems panel showed instead:\n${shown}`);
  }
  if (line !== undefined) await expect(item).toHaveAttribute('data-line', String(line));
}

/** Ctrl+Z in the editor (once per replaced text) brings the user's work back, and it is what is saved. */
export async function undoBringsMyWorkBack(page: Page, edits = 1) {
  await focusEditor(page); // after the version picker's refusal alert the first click can miss (session 4)
  for (let i = 0; i < edits; i++) await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorText(page)).toBe(MY_WORK);
  await expect(page.getByTestId('problems').locator('li')).toHaveCount(0);
  await expect.poll(() => savedText(page)).toBe(MY_WORK);
}
