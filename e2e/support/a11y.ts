// Helpers for the accessibility checks: run axe-core over the page with its default rules (WCAG 2
// A/AA and best practices), and read its violations in a form a failed assertion shows usefully.
//
// axe runs in the page itself (AxeBuilder's legacy mode: axe.run, every same-origin frame
// included). Its default mode runs axe.runPartial in each frame and then axe.finishRun in a new
// blank page, which doubled the time of every check; the app has no cross-origin frame, the one
// thing only the default mode reaches, so the results are the same (measured: same passes,
// incomplete and violations on the main view).
//
// Only violations are read, so axe is asked to aggregate only them in full (its `resultTypes`
// option: every rule still runs on every node; the passes, incomplete and inapplicable lists keep
// one node per rule instead of a selector for each): ~1.2 instead of ~1.75 s of CPU per pass on
// the main view (issue 16), the same violations (checked on a page built to have five kinds).

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Monaco's own DOM: the editor's lines, gutter, hover widgets and scrollbars. */
export const MONACO = '[data-testid="editor"] .monaco-editor';

export interface ViolationBrief {
  id: string;
  impact: string | null | undefined;
  nodes: string[];
}

/** An AxeBuilder for `page` that runs axe in the page and reports violations in full (see the file's comment). */
export function axeBuilder(page: Page): AxeBuilder {
  return injectOncePerDocument(new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] }), page);
}

/**
 * axe's source (~560 kB) is evaluated in the page once per document, not twice per pass: AxeBuilder's
 * analyze() sends and evaluates it again at every call (~0.1 s of CPU each time, measured), even
 * when the page still holds the axe of the pass before. When the page has one frame and its window
 * already has axe, the builder evaluates an empty script instead; a new document (a navigation) or
 * a page with frames gets the full source, as before. axe.run starts each run from a clean state
 * (it is how cypress-axe runs it: inject once, run many), and the violations were the same
 * (checked on a page built with twelve kinds, before and after changing it, and on the app).
 */
function injectOncePerDocument(builder: AxeBuilder, page: Page): AxeBuilder {
  // script() is AxeBuilder's own (private in its types): the source every evaluation sends.
  const internals = builder as unknown as { script: () => string };
  const fullSource = internals.script.bind(builder);
  const analyze = builder.analyze.bind(builder);
  builder.analyze = async () => {
    const loaded = page.frames().length === 1
      && await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function');
    internals.script = loaded ? () => ';' : fullSource;
    return analyze();
  };
  return builder;
}

export interface AxeScope {
  /**
   * false leaves Monaco's own DOM out. Only for a state whose editor shows the same default text
   * and decorations as a state already checked whole in the same test run and theme: the rest of
   * the page is checked as before.
   */
  editor?: boolean;
}

/** Every violation axe finds on the page (Monaco's DOM included unless `editor: false`). */
export async function axeViolations(page: Page, scope: AxeScope = {}): Promise<ViolationBrief[]> {
  const builder = axeBuilder(page);
  if (scope.editor === false) builder.exclude(MONACO);
  const results = await builder.analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} :: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`),
  }));
}

/**
 * Waits until the editor's lines are painted in `theme`'s token colours. After a theme switch
 * Monaco repaints its lines untokenized at its next render (and until then the old lines'
 * `mtkN` classes meet the new theme's colours: a CI run of a890b54 read light's key class, mtk22,
 * as dark's #4f76ac), then tokenizes them again in idle time, three frames later here (measured
 * with `setTheme` and a snapshot per frame). So: Monaco's root in the theme, some token coloured
 * (unless the text has no tokens: no text, or plain text while the YAML features are off), and
 * the lines unchanged over two frames.
 */
export async function expectEditorPaintedIn(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await expect.poll(() => page.evaluate(([selector, dark]) => new Promise<boolean>((resolve) => {
    const root = document.querySelector(selector);
    if (!root) return resolve(true);
    if (root.classList.contains('vs-dark') !== dark) return resolve(false);
    const lines = () => root.querySelector('.view-lines')?.innerHTML ?? '';
    const painted = lines();
    const plainText = root.closest('[data-mode-id]')?.getAttribute('data-mode-id') === 'plaintext';
    const untokenized = !plainText && /class="mtk/.test(painted) && !/class="mtk(?!1\b)\d/.test(painted);
    if (untokenized) return resolve(false);
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(lines() === painted)));
  }), [MONACO, theme === 'dark'] as const), { message: `the editor painted in the ${theme} theme's token colours` }).toBe(true);
}

/** Asserts the page is in `theme`, then that axe finds nothing on the whole page (see AxeScope). */
export async function expectNoAxeViolations(page: Page, theme: 'light' | 'dark', what: string, scope: AxeScope = {}): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  if (scope.editor !== false) await expectEditorPaintedIn(page, theme);
  expect(await axeViolations(page, scope), `${what} (${theme})`).toEqual([]);
}
