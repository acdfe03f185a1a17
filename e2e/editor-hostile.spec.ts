// Hostile input and the editor itself: an alias bomb never reaches monaco-yaml's worker, and the
// editor's language features come back once it is gone. (The whole hostile-input suite, with the
// checks every case shares, is hostile*.spec.ts.)

import { expect, test } from './support/test';
import { editorText, openApp, replaceEditorText } from './support/app';
import { caretAt, suggestions, waitForSchema } from './support/editor';
import { ALIAS_BOMB } from './support/hostile';
import { DEFAULT_SCENARIO, lineOf } from './support/scenario';

test('an alias bomb never reaches the YAML worker: completion works again once it is gone', async ({ page }) => {
  await openApp(page);
  await waitForSchema(page, '1.37', 'istio-proxy');
  await replaceEditorText(page, ALIAS_BOMB);
  await expect(page.getByTestId('editor-notice')).toContainText('alias bomb');
  expect(await page.evaluate(() => window.__sidecarLab?.getLanguage())).toBe('plaintext');
  await page.waitForTimeout(1500); // longer than monaco-yaml's validation delay

  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorText(page)).toBe(DEFAULT_SCENARIO);
  await expect(page.getByTestId('editor-notice')).toHaveCount(0);
  await caretAt(page, lineOf(DEFAULT_SCENARIO, 'until nslookup mydb'));
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('startup');
  await expect.poll(() => suggestions(page), { timeout: 25_000 }).toContain('startupProbe');
});
