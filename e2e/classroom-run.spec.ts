// The classroom path, end to end (issue 15): on a 390×844 phone a teacher opens one gallery
// lesson's link, makes a presenter link with a title and a caption in the Share panel, opens it
// on a 1920×1080 projector and presents it to the last step with the keyboard, answering the
// "what happens next?" pause, without the editor ever taking the focus.

import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { GALLERY_ENTRIES } from '../src/scenarios/galleryEntries';
import { encodeFragment, galleryLinkState, withViewParam } from '../src/share';
import { guardNetwork, screenshot } from './support/app';
import { galleryText } from './support/share';
import { visibleWindow } from './support/timeline';

const LESSON = GALLERY_ENTRIES.find((e) => e.id === '05-termination-order')!;

/** The gallery's own link for the lesson: its text at its moment, opened on its span. */
function lessonAddress(): string {
  const state = galleryLinkState({ text: galleryText(LESSON.fileName), cursor: LESSON.cursor });
  return withViewParam(encodeFragment(state), LESSON.view ?? null);
}

declare global {
  interface Window { __editorFocused?: string[] }
}

/** Records every focus that lands inside the editor (Monaco's textarea or any of its parts). */
async function watchEditorFocus(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__editorFocused = [];
    document.addEventListener('focusin', (e) => {
      const el = e.target instanceof Element ? e.target : null;
      if (el?.closest('[data-testid="editor"], .monaco-editor')) window.__editorFocused!.push(el.outerHTML.slice(0, 80));
    }, true);
  });
}

const editorFocuses = (page: Page) => page.evaluate(() => window.__editorFocused ?? []);

test('the classroom path: a lesson link on a phone, a presenter link from Share, presented on a projector by keyboard', async ({ page, context }, info) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await watchEditorFocus(page);
  await guardNetwork(page);
  await page.setViewportSize({ width: 390, height: 844 });
  let presenterLink = '';

  await test.step('a phone opens the lesson’s gallery link on the timeline, at the lesson’s moment', async () => {
    await page.goto(`/#${lessonAddress()}`);
    await expect(page.getByTestId('cursor-time')).toHaveText(String(LESSON.cursor));
    await expect(page.getByTestId('timeline')).toBeInViewport();
    await screenshot(page, info, 'phone-lesson');
    // It is the very link the Gallery gives the lesson.
    await page.getByTestId('gallery-button').click();
    const entry = page.locator(`[data-testid="gallery-entry"][data-entry="${LESSON.id}"]`);
    expect(new URL((await entry.getAttribute('href'))!).hash).toBe(`#${lessonAddress()}`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('gallery')).toBeHidden();
  });

  await test.step('the Share panel makes a presenter link with a title and a caption, every control on screen', async () => {
    const share = page.getByTestId('share');
    await expect(share).toBeInViewport();
    await share.click();
    const title = page.getByTestId('share-present-title');
    await title.scrollIntoViewIfNeeded();
    await expect(title).toBeInViewport();
    await title.fill(LESSON.title);
    const caption = page.getByTestId('share-present-caption');
    await caption.scrollIntoViewIfNeeded();
    await caption.fill('Watch who gets SIGTERM, and when');
    const copy = page.getByTestId('share-present-copy');
    await copy.scrollIntoViewIfNeeded();
    await expect(copy).toBeInViewport();
    await copy.click();
    await expect(copy).toHaveText('Presenter link copied');
    presenterLink = await page.evaluate(() => navigator.clipboard.readText());
    expect(presenterLink).toBe(await page.getByTestId('share-present-link').inputValue());
    await screenshot(page, info, 'phone-share');
  });

  await test.step('the projector opens the presenter link on the lesson’s moment, with the teacher’s words', async () => {
    // The phone's page never focused the editor; the projector's page is checked at the end.
    expect(await editorFocuses(page)).toEqual([]);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(presenterLink);
    await expect(page.getByTestId('presenter')).toBeVisible();
    await expect(page.locator('.presenter-title')).toHaveText(LESSON.title);
    await expect(page.locator('.presenter-caption')).toHaveText('Watch who gets SIGTERM, and when');
    await screenshot(page, info, 'projector-first');
  });

  await test.step('the keyboard presents it to the last step, the view and the cursor following each step', async () => {
    await page.getByLabel('ask “what happens next?”').check();
    const count = page.locator('.presenter-count');
    // The link opened at the lesson's moment (e2e/polish.spec.ts); Home goes to the first step, to walk the whole lesson.
    await expect(count).not.toHaveText(/^1 \//);
    await page.keyboard.press('Home');
    await expect(count).toHaveText(/^1 \//);
    const headline = page.locator('[data-testid="narration"] .presenter-headline');
    let answered = 0;
    for (let i = 0; i < 200; i++) {
      const question = page.getByTestId('present-question');
      if (await question.isVisible()) {
        // The timeline and the kubectl row, which would give the answer away, are veiled.
        await expect(page.getByTestId('timeline')).toHaveCSS('filter', /blur/);
        await page.keyboard.press('1');
        await expect(question.locator('.present-choice').first()).toHaveAttribute('aria-pressed', 'true');
        if (answered === 0) await screenshot(page, info, 'projector-question');
        await page.keyboard.press('ArrowRight');
        await expect(page.getByTestId('present-answer')).toBeVisible();
        await expect(page.getByTestId('timeline')).toHaveCSS('filter', 'none');
        answered++;
      }
      const t = Number(await page.getByTestId('cursor-time').textContent());
      const w = await visibleWindow(page);
      expect(t).toBeGreaterThanOrEqual(w.t0);
      expect(t).toBeLessThanOrEqual(w.t1);
      // The README's picture of presenter mode (docs/presenter.png), written on demand.
      if (process.env.UPDATE_DOCS_SCREENSHOTS && (await headline.textContent()) === 'istio-proxy receives SIGTERM.') {
        await page.screenshot({ path: 'docs/presenter.png' });
      }
      const text = (await count.textContent()) ?? '';
      const [k, n] = text.split(' / ').map(Number);
      if (k === n) break;
      await page.keyboard.press('ArrowRight');
      // The next step, or the question asked before it.
      await expect.poll(async () => (await question.isVisible()) || (await count.textContent()) !== text).toBe(true);
    }
    expect(answered).toBeGreaterThan(0);
    await screenshot(page, info, 'projector-last');
  });

  expect(await editorFocuses(page)).toEqual([]);
});
