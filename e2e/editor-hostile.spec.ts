// Hostile input and the editor itself: an alias bomb never reaches monaco-yaml's worker, and the
// editor's language features come back once it is gone; the editor's own code, or another part's,
// failing to load leaves the page working. (The whole hostile-input suite, with the checks every
// case shares, is hostile*.spec.ts.)

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

// A server that no longer has the page's files (a redeploy, a cut download): the editor pane says
// so with the text still there and a reload; the other parts that failed (the gallery, the panels
// under the timeline: every part of the one chunk laterParts.ts makes) keep their stand-ins and
// one notice names the file once, with the parts it held; the rest of the app keeps working. A
// failed load used to reach React's root and leave a blank page. The notice lists the parts by
// name, whichever part's failure arrived first.
const GONE = ['**/assets/monaco-core-*.js', '**/assets/laterParts-*.js'];

test("the editor's script and other parts failing to load leave the text, the timeline and a way to try again", async ({ page }) => {
  for (const pattern of GONE) await page.route(pattern, (route) => route.abort('connectionreset'));
  await page.goto('/');
  await expect(page.getByTestId('lane').first()).toBeAttached();
  const failure = page.getByTestId('editor-load-error');
  await expect(failure).toBeVisible();
  await expect(failure).toContainText(/^The editor could not be loaded: Monaco's script did not arrive \(http:\/\/[^)]+\/assets\/monaco-core-[A-Z0-9]+\.js\)\. The text below/);
  await expect(page.getByRole('region', { name: 'Scenario text (the editor could not be loaded)' })).toContainText('kind: Pod');

  const parts = page.getByTestId('part-load-error');
  await expect(parts).toBeVisible();
  await expect(parts).toContainText('Parts of the page could not be shown:');
  await expect(parts.getByRole('listitem')).toHaveText([
    new RegExp('^presenter mode, sharing, the gallery, the history, the keyboard help, the presenter panel, the selection, containers and events panels, '
      + "the shared link's notices, the storage notice, the unfinished run notice, the version comparison and the version picker "
      + '\\(Failed to fetch dynamically imported module: http://[^/]+/assets/laterParts-[\\w-]+\\.js\\)$'),
  ], { useInnerText: true });
  // The gallery's stand-in holds its place, inert; the real button never came.
  await expect(page.locator('.app-header button', { hasText: 'Gallery' })).toBeDisabled();
  await expect(page.getByTestId('gallery-button')).toHaveCount(0);

  // The rest of the app still answers: the timeline's controls move the cursor.
  const cursor = page.getByTestId('cursor-time');
  const before = await cursor.textContent();
  await page.getByRole('button', { name: /Prev/ }).first().click();
  await expect(cursor).not.toHaveText(before ?? '');
  await expect(failure.getByRole('button', { name: 'Reload to try again' })).toBeEnabled();
  // The notices read and contrast as the rest of the page does, in both themes.
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await expectNoAxeViolations(page, theme, 'the page after its editor, gallery and panels failed to load');
  }
  // A reload with the files back brings every part.
  for (const pattern of GONE) await page.unroute(pattern);
  await parts.getByRole('button', { name: 'Reload to try again' }).click();
  await expect(page.locator('[data-testid="editor"][data-ready="true"]')).toBeAttached();
  await expect(page.getByTestId('gallery-button')).toBeEnabled();
  await expect(page.getByTestId('containers')).toBeAttached();
  await expect(page.getByTestId('editor-load-error')).toHaveCount(0);
  await expect(page.getByTestId('part-load-error')).toHaveCount(0);
});
