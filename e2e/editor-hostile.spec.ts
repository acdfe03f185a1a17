// Hostile input and the editor itself: an alias bomb never reaches monaco-yaml's worker, and the
// editor's language features come back once it is gone; the editor's own code failing to load
// leaves the page working. (The whole hostile-input suite, with the checks every case shares, is
// hostile*.spec.ts.)

import { expect, test } from './support/test';
import { editorText, openApp, replaceEditorText } from './support/app';
import { caretAt, suggestions, waitForSchema } from './support/editor';
import { expectNoAxeViolations } from './support/a11y';
import { ALIAS_BOMB } from './support/hostile';
import { setTheme } from './support/timeline';
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

  await test.step('a lookalike letter and an invisible character are marked, whatever the locale', async () => {
    // Cyrillic о (U+043E) in `Pod`, and a zero-width space after `init-mydb`: both break the
    // scenario without showing; the editor boxes them (unicodeHighlight, allowedLocales fixed in
    // scenarioEditor.ts so every machine marks the same ones).
    const text = DEFAULT_SCENARIO.replace('kind: Pod', 'kind: P\u043ed').replace('- name: init-mydb', '- name: init-mydb\u200b');
    await replaceEditorText(page, text);
    const boxedLines = () => page.evaluate(() => window.__monaco!.editor.getEditors()[0]!.getModel()!.getAllDecorations()
      .filter((d) => d.options.className === 'unicode-highlight').map((d) => d.range.startLineNumber));
    await expect.poll(boxedLines).toEqual([lineOf(text, 'kind: P'), lineOf(text, 'name: init-mydb')]);
    await caretAt(page, lineOf(text, 'kind: P'));
    await expect(page.locator('[data-testid="editor"] .view-overlays .unicode-highlight').first()).toBeVisible();
  });
});

// A server that no longer has the editor's files (a redeploy, a cut download): the pane says so
// with the text still there and a reload, and the rest of the app keeps working. The failed load
// used to reach React's root and leave a blank page.
test("the editor's script failing to load leaves the text, the timeline and a way to try again", async ({ page }) => {
  await page.route('**/assets/monaco-core-*.js', (route) => route.abort('connectionreset'));
  await page.goto('/');
  await expect(page.getByTestId('lane').first()).toBeAttached();
  const failure = page.getByTestId('editor-load-error');
  await expect(failure).toBeVisible();
  await expect(failure).toContainText(/^The editor could not be loaded: Monaco's script did not arrive \(http:\/\/[^)]+\/assets\/monaco-core-[A-Z0-9]+\.js\)\. The text below/);
  await expect(page.getByRole('region', { name: 'Scenario text (the editor could not be loaded)' })).toContainText('kind: Pod');
  // The rest of the app still answers: the timeline's controls move the cursor.
  const cursor = page.getByTestId('cursor-time');
  const before = await cursor.textContent();
  await page.getByRole('button', { name: /Prev/ }).first().click();
  await expect(cursor).not.toHaveText(before ?? '');
  await expect(failure.getByRole('button', { name: 'Reload to try again' })).toBeEnabled();
  // The notice reads and contrasts as the rest of the page does, in both themes.
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await expectNoAxeViolations(page, theme, 'the editor pane after its script failed to load');
  }
  // A reload with the files back brings the editor.
  await page.unroute('**/assets/monaco-core-*.js');
  await failure.getByRole('button', { name: 'Reload to try again' }).click();
  await expect(page.locator('[data-testid="editor"][data-ready="true"]')).toBeAttached();
  await expect(page.getByTestId('editor-load-error')).toHaveCount(0);
});
