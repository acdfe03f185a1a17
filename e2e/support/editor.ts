// Helpers for the editor specs: put the caret somewhere, read the suggest widget and the hover,
// wait for the schema, paste a large text generated in the page.

import { expect, type Page } from '@playwright/test';

/** Waits until the schema of `version` with the containers' names is in force, and the YAML language on. */
export async function waitForSchema(page: Page, version: string, container = ''): Promise<void> {
  await expect.poll(() => page.evaluate(() => window.__sidecarLab?.getSchema().key ?? ''), { timeout: 15_000 })
    .toMatch(new RegExp(`^${version.replace('.', '\\.')}\\|.*${container}`));
  await expect.poll(() => page.evaluate(() => window.__sidecarLab?.getLanguage())).toBe('yaml');
}

/**
 * Clicks into the editor until it has the focus: a click can land while the page's layout still
 * settles (a banner going away, the version picker's alert), and a key pressed then goes elsewhere.
 */
export async function focusEditor(page: Page): Promise<void> {
  await expect(async () => {
    await page.locator('[data-testid="editor"] .view-lines').click();
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="editor"]') != null)).toBe(true);
  }).toPass({ timeout: 10_000 });
}

/** Puts the caret at (line, col) of the editor, focused; col past the end goes to the line's end. */
export async function caretAt(page: Page, line: number, col = 10_000): Promise<void> {
  await page.evaluate(([l, c]) => {
    const ed = window.__monaco!.editor.getEditors()[0]!;
    ed.setPosition({ lineNumber: l!, column: c! });
    ed.focus();
  }, [line, col]);
}

/** The labels the suggest widget shows. */
export async function suggestions(page: Page): Promise<string[]> {
  const rows = page.locator('.suggest-widget.visible .monaco-list-row .label-name');
  // The YAML worker may still be validating (a new schema, a loaded machine) before it answers.
  await expect(rows.first()).toBeVisible({ timeout: 20_000 });
  return rows.allTextContents();
}

/** Moves the mouse over (line, col) of the text. */
export async function hoverAt(page: Page, line: number, col: number): Promise<void> {
  const box = await page.evaluate(([l, c]) => {
    const ed = window.__monaco!.editor.getEditors()[0]!;
    ed.revealLineInCenterIfOutsideViewport(l!);
    const p = ed.getScrolledVisiblePosition({ lineNumber: l!, column: c! })!;
    const r = ed.getDomNode()!.getBoundingClientRect();
    return { x: r.left + p.left + 4, y: r.top + p.top + p.height / 2 };
  }, [line, col]);
  await page.mouse.move(box.x - 40, box.y + 40);
  await page.mouse.move(box.x, box.y, { steps: 4 });
}

export interface PasteTiming {
  /** From the paste event to the text in the store (Monaco's own handling of the edit). */
  toStore: number;
  /** From the paste event to the engine's problems for the text in the store. */
  toProblems: number;
}

/**
 * Pastes `head` + `unit` × `count`, built in the page (10 MB need not cross the test's wire),
 * over the whole text. Returns the text's length and a function that waits for the engine's
 * problems and says, measured in the page, how long each step took.
 */
export async function pasteGenerated(page: Page, head: string, unit: string, count: number): Promise<{ length: number; timing: () => Promise<PasteTiming> }> {
  // Click until the editor holds the focus: a clean-clone CI run once dispatched the paste while
  // the focus was elsewhere, so it went nowhere and the text never changed (1,238 characters
  // polled for 10 s). The paste below refuses to go anywhere but the editor.
  await focusEditor(page);
  await page.keyboard.press('ControlOrMeta+A');
  const length = await page.evaluate(([h, u, n]) => {
    const target = document.activeElement;
    if (!target?.closest('[data-testid="editor"]')) throw new Error(`the paste would go to ${target?.tagName ?? 'nothing'}, not the editor`);
    const text = h + u.repeat(Number(n));
    const timing: { start: number; toStore?: number; toProblems?: number } = { start: performance.now() };
    (window as unknown as { __pasteTiming: typeof timing }).__pasteTiming = timing;
    const stop = window.__sidecarLabStore!.subscribe((st, prev) => {
      if (st.text.length !== text.length) return;
      if (st.text !== prev.text) timing.toStore = performance.now() - timing.start;
      if (st.problems !== prev.problems) {
        timing.toProblems = performance.now() - timing.start;
        stop();
      }
    });
    const data = new DataTransfer();
    data.setData('text/plain', text);
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    return text.length;
  }, [head, unit, String(count)] as const);
  // Monaco's handling of a 10 MB edit took up to 5.2 s on a loaded machine (hostile.spec.ts): the
  // bound is for a hang, not a speed (the bench's).
  await expect.poll(() => page.evaluate(() => window.__sidecarLab?.getText().length), { timeout: 30_000 }).toBe(length);
  const read = () => page.evaluate(() => (window as unknown as { __pasteTiming: Partial<PasteTiming> }).__pasteTiming);
  const timing = async () => {
    await expect.poll(async () => (await read()).toProblems).toBeDefined();
    return (await read()) as PasteTiming;
  };
  return { length, timing };
}

/** Clicks and returns the wall time until `done` holds (the page handled the click). */
export async function timedClick(page: Page, click: () => Promise<void>, done: () => Promise<void>): Promise<number> {
  const start = Date.now();
  await click();
  await done();
  return Date.now() - start;
}

/**
 * Hovers (line, col) until Monaco's hover widget shows `text` (the YAML worker may still be
 * starting: a hover asked for before it answers shows nothing until the mouse moves again), and
 * returns the widget once its fade-in has finished, so a screenshot shows it opaque.
 */
export async function hoverUntil(page: Page, line: number, col: number, text: string) {
  const hover = page.locator('.monaco-hover:not(.hidden)');
  await expect(async () => {
    await hoverAt(page, line, col);
    await expect(hover).toContainText(text, { timeout: 3000 });
  }).toPass({ timeout: 25_000 });
  return settledHover(page);
}

/** The visible hover widget, once its fade-in has finished (so a screenshot shows it opaque). */
export async function settledHover(page: Page) {
  const hover = page.locator('.monaco-hover:not(.hidden)');
  await expect(hover).toBeVisible();
  // An animation cancelled meanwhile (Monaco re-rendered the hover) rejects `finished` with an
  // AbortError: it is over too (a run with 3 workers failed on it once).
  await hover.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => undefined))));
  return hover;
}
