// Accessibility at every size (issue 15): axe finds no violation on the main view, compare mode,
// presenter mode (the "what happens next?" question open, then its answer over the step's
// narration) and the embed, at 390×844, 1280×720 and 1920×1080, in both themes. e2e/a11y.spec.ts
// checks every state of these views at the default 1400×860 and present.spec.ts the presenter's
// narration at the three sizes in one theme each; this spec adds the sizes and the other theme.
// One page per theme (the system's colour scheme, from the first paint): a compare link, then the
// embed, each view a step that resizes the viewport between axe passes.
// Monaco's DOM is checked whole once per theme, at 1280×720 (a11y.spec.ts checks its states).

import { type Page, type TestInfo } from '@playwright/test';
import { expect, test } from './support/test';
import { GALLERY_ENTRIES } from '../src/scenarios/galleryEntries';
import { encodeFragment, galleryCompareState, galleryLinkState } from '../src/share';
import { expectNoAxeViolations } from './support/a11y';
import { guardNetwork } from './support/app';
import { galleryText } from './support/share';

const SIZES = [
  ['phone', { width: 390, height: 844 }],
  ['laptop', { width: 1280, height: 720 }],
  ['projector', { width: 1920, height: 1080 }],
] as const;

const ENTRY = GALLERY_ENTRIES.find((e) => e.id === '02-app-before-proxy')!;
const MAIN = { text: galleryText(ENTRY.fileName), cursor: ENTRY.cursor };

/** The gallery's compare link of the entry: both sides on one axis. */
const COMPARE_LINK = `/#${encodeFragment(galleryCompareState({ ...MAIN, label: ENTRY.label! }, ENTRY.compareWith!.map((v) => ({ text: galleryText(v.fileName), label: v.label, cursor: v.cursor! }))))}`;
const EMBED_LINK = `/embed/#${encodeFragment(galleryLinkState(MAIN))}`;

/** axe at each size, once the view is ready there (a screenshot of each, for a look). */
async function atEverySize(page: Page, info: TestInfo, theme: 'light' | 'dark', view: string, ready: () => Promise<void>): Promise<void> {
  for (const [name, size] of SIZES) {
    await page.setViewportSize(size);
    await ready();
    await page.screenshot({ path: `e2e/screenshots/a11y-sizes-${view.replace(/\W+/g, '-')}-${name}-${theme}.png` });
    const editorShown = name === 'laptop' && view === 'the main view';
    await expectNoAxeViolations(page, theme, `${view} on a ${name} (${size.width}×${size.height})`, { editor: editorShown });
  }
  info.annotations.push({ type: 'axe', description: `${view}: ${SIZES.length} sizes (${theme})` });
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test(`axe at 390, 1280 and 1920 px: compare, main view, presenter asking and answered, embed (${theme})`, async ({ page }, info) => {
      // 5 views × 3 sizes, each state the 30 s of a test of its own (playwright.config.ts).
      test.setTimeout(30_000 * 5 * SIZES.length);
      await guardNetwork(page);
      await page.setViewportSize(SIZES[0][1]);
      await page.goto(COMPARE_LINK);

      await test.step(`axe finds no violation in compare mode at every size (${theme})`, async () => {
        await atEverySize(page, info, theme, 'compare mode', async () => {
          await expect(page.getByTestId('compare-side')).toHaveCount(2);
          await expect(page.getByTestId('compare-first-difference').first()).toBeVisible();
        });
        await page.getByTestId('compare-close').click();
        await expect(page.getByTestId('compare')).toHaveCount(0);
      });

      await test.step(`axe finds no violation on the main view at every size (${theme})`, async () => {
        await atEverySize(page, info, theme, 'the main view', async () => {
          await expect(page.getByTestId('lane').first()).toBeVisible();
          await expect(page.locator('[data-testid="editor"][data-ready="true"]')).toBeAttached();
        });
      });

      await test.step(`axe finds no violation in presenter mode, asking "what happens next?" and answered, at every size (${theme})`, async () => {
        await page.getByTestId('present').click();
        await expect(page.getByTestId('narration')).toBeVisible();
        await page.getByLabel('ask “what happens next?”').check();
        // Present starts at the cursor the lesson's link carried, maybe past its last question: from step 1.
        await page.keyboard.press('Home');
        await expect(page.getByTestId('present-next')).toBeEnabled();
        const question = page.getByTestId('present-question');
        for (let i = 0; i < 40 && !(await question.isVisible()); i++) await page.getByTestId('present-next').click();
        await page.keyboard.press('2');
        await atEverySize(page, info, theme, 'presenter mode, asking', async () => {
          await expect(question.locator('.present-choice[aria-pressed="true"]')).toHaveCount(1);
          await expect(page.getByTestId('present-next')).toBeInViewport();
        });
        await page.keyboard.press('ArrowRight');
        await atEverySize(page, info, theme, 'presenter mode, answered', async () => {
          await expect(page.getByTestId('present-answer')).toBeVisible();
          await expect(page.getByTestId('present-next')).toBeInViewport();
        });
        await page.keyboard.press('Escape');
        await expect(page.getByTestId('presenter')).toHaveCount(0);
      });

      await test.step(`axe finds no violation on the embed at every size (${theme})`, async () => {
        await page.goto(EMBED_LINK);
        await atEverySize(page, info, theme, 'the embed', async () => {
          await expect(page.getByTestId('embed')).toBeVisible();
          await expect(page.getByTestId('lane').first()).toBeVisible();
        });
      });
    });
  });
}
