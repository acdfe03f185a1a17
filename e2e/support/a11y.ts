// Helpers for the accessibility spec: run axe-core over the whole page with its default rules
// (WCAG 2 A/AA and best practices), and read its violations in a form a failed assertion shows
// usefully.

import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export interface ViolationBrief {
  id: string;
  impact: string | null | undefined;
  nodes: string[];
}

/** Every violation axe finds on the whole page, with the first few nodes of each and why. */
export async function axeViolations(page: Page): Promise<ViolationBrief[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} :: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`),
  }));
}

/** Asserts the page is in `theme`, then that axe finds nothing on the whole page. */
export async function expectNoAxeViolations(page: Page, theme: 'light' | 'dark', what: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  expect(await axeViolations(page), `${what} (${theme})`).toEqual([]);
}
