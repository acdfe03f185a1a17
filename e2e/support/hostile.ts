// Helpers for the hostile-input suite: hostile texts, a watch for anything a scenario could make
// the page execute, and the checks every hostile case shares (responsive, nothing executed).

import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { DEFAULT_SCENARIO } from './scenario';
import { timedClick } from './editor';

/** The user's own work, saved before each hostile input arrives. */
export const MY_WORK = DEFAULT_SCENARIO.replace('sleep 3600', 'sleep 25').replace('name: myapp-pod', 'name: my-own-pod');

/** Billion laughs: nine levels of nine aliases each. */
export const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
  '',
].join('\n');

/** A Pod with `n` main containers, each with its own name. */
export function podWithContainers(n: number): string {
  const containers = Array.from({ length: n }, (_, i) => `    - name: c${i}\n      image: busybox\n`).join('');
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: huge\nspec:\n  containers:\n${containers}`;
}

/** A container that exits 1 at once, simulated for a year: it would crash-loop "forever" (the CLI's fixture). */
export const CRASH_LOOP_FOR_A_YEAR = readFileSync(new URL('../../src/cli/fixtures/crash-loop-year.yaml', import.meta.url), 'utf8');

/** What a page that ran scenario text would leave behind. */
export const PAYLOAD = '<img src=x onerror="window.__pwned=1">';
export const SCRIPT = '<script>window.__pwned=2</script>';

/**
 * Records, from before the page's own scripts run, every sign that scenario text was executed:
 * a dialog, a CSP violation, the payload's global. Call before the first navigation.
 */
export async function watchForExecution(page: Page): Promise<() => Promise<void>> {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => {
    expect(dialogs).toEqual([]);
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      csp: (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
      injectedImages: document.querySelectorAll('img[src="x"]').length,
      scripts: [...document.scripts].filter((s) => !s.src).map((s) => s.textContent ?? ''),
    }));
    expect(state).toEqual({ pwned: null, csp: [], injectedImages: 0, scripts: [] });
  };
}

/**
 * How long a click may take to be handled before the page counts as frozen. The freezes these
 * specs guard against held the tab for 10-40 s (the 85,000-key text's quadratic duplicate-key
 * check: 38 s). A loaded machine is not a freeze: on a quiet one the 85,000-key page answers the
 * click in ~0.1 s, and ~0.3 s after an inject; under the whole suite on two cores it once took
 * 3.1 s (2026-12-07), when this bound was 3 s.
 */
const FROZEN_AFTER_MS = 6000;

/**
 * The page is not frozen: a click on the feature-gates toggle is handled and a timer fires. The
 * bounds catch a freeze, not a slow machine (speed is measured by `npm run bench`, not here).
 */
export async function stillResponsive(page: Page): Promise<void> {
  const details = page.getByTestId('feature-gates');
  const wasOpen = await details.evaluate((el) => (el as HTMLDetailsElement).open);
  const ms = await timedClick(page, () => details.locator('summary').click(),
    () => expect(details).toHaveJSProperty('open', !wasOpen, { timeout: FROZEN_AFTER_MS }));
  expect(ms).toBeLessThan(FROZEN_AFTER_MS);
  const lag = await page.evaluate(() => new Promise<number>((r) => { const s = performance.now(); setTimeout(() => r(performance.now() - s), 0); }));
  expect(lag).toBeLessThan(2000);
}
