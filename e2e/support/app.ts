// Helpers shared by the specs: open the app offline, drive the editor, read lanes and markers,
// and save a screenshot per test.

import { expect, type Page, type Request, type TestInfo } from '@playwright/test';
import type { MarkerView } from '../../src/ui/editor/testHook';

export const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

/**
 * Records every request that leaves the machine, from any page of the page's context and their
 * workers. The browser itself blocks them: playwright.config.ts sends everything but this machine
 * to a proxy that is not there (a route would block them too, but turns the browser's cache off:
 * support/test.ts). offline.spec.ts checks that both hold.
 */
export async function guardNetwork(page: Page): Promise<string[]> {
  const outside: string[] = [];
  const context = page.context();
  const record = (request: Request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL_HOSTS.has(url.hostname)) return;
    outside.push(url.href);
  };
  context.on('request', record);
  page.once('close', () => context.off('request', record));
  return outside;
}

/** Opens the page and waits for Monaco and the first timeline. */
export async function openApp(page: Page): Promise<string[]> {
  const outside = await guardNetwork(page);
  await page.goto('/');
  await waitForApp(page);
  return outside;
}

/**
 * On a phone (760 px or narrower) one pane shows at a time, behind the tabs "Timeline | Editor":
 * shows the one asked for; does nothing on a wider screen, where both show.
 */
export async function showPane(page: Page, pane: 'timeline' | 'editor'): Promise<void> {
  const tab = page.getByTestId(`tab-${pane}`);
  if (!(await tab.isVisible())) return;
  await tab.click();
  if (pane === 'editor') await waitForEditor(page); // Monaco loads when its pane first shows
}

/** Whether the editor's pane is behind the phone's Editor tab (LazyEditor then has not loaded Monaco). */
export async function editorBehindTab(page: Page): Promise<boolean> {
  const tab = page.getByTestId('tab-editor');
  return (await tab.isVisible()) && (await tab.getAttribute('aria-selected')) !== 'true';
}

async function waitForEditor(page: Page): Promise<void> {
  await expect(page.locator('[data-testid="editor"][data-ready="true"]')).toBeAttached();
  await expect(page.locator('[data-testid="editor"] .view-lines')).toContainText('apiVersion');
}

/** Waits for the first timeline, and for Monaco unless its pane is behind the phone's Editor tab. */
export async function waitForApp(page: Page): Promise<void> {
  await expect(page.getByTestId('lane').first()).toBeAttached();
  if (!(await editorBehindTab(page))) await waitForEditor(page);
}

export async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => window.__sidecarLab?.getText() ?? '');
}

/** Replaces the whole text with a synthetic paste (typing would pick up Monaco's auto-indent). */
export async function replaceEditorText(page: Page, text: string): Promise<void> {
  await showPane(page, 'editor');
  // Focused through Monaco, not by a click: .view-lines is as large as the text (its centre can lie
  // over the timeline in a 1,000 px window, or above the editor once it has scrolled) and a banner
  // may cover the editor's top; in Debian's Chromium 150 such a click focused the page instead.
  await page.evaluate(() => window.__monaco?.editor.getEditors()[0]?.focus());
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await expect.poll(() => editorText(page)).toBe(text);
  await showPane(page, 'timeline');
}

export async function markers(page: Page, owner?: string): Promise<MarkerView[]> {
  return page.evaluate((o) => window.__sidecarLab?.getMarkers(o) ?? [], owner);
}

/** The lanes in page order, as [name, kind]. */
export async function lanes(page: Page): Promise<[string, string][]> {
  return page.getByTestId('lane').evaluateAll((els) =>
    els.map((el) => [el.getAttribute('data-container') ?? '', el.getAttribute('data-kind') ?? ''] as [string, string]));
}

export async function kubectl(page: Page): Promise<{ ready: string; status: string; restarts: string }> {
  return {
    ready: (await page.getByTestId('kubectl-ready').textContent()) ?? '',
    status: (await page.getByTestId('kubectl-status').textContent()) ?? '',
    restarts: (await page.getByTestId('kubectl-restarts').textContent()) ?? '',
  };
}

export async function cursorTime(page: Page): Promise<number> {
  return Number(await page.getByTestId('cursor-time').textContent());
}

/** Saves e2e/screenshots/<test title>[-<step>].png (git-ignored) for a human to look at. */
export async function screenshot(page: Page, info: TestInfo, step?: string): Promise<void> {
  const slug = (step ? `${info.title} ${step}` : info.title).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  await page.screenshot({ path: `e2e/screenshots/${slug}.png`, fullPage: true });
}
