// Below 1,280 px the least-used tools wait behind a "More" button (src/ui/app/MoreMenu.tsx): a
// spec that clicks one of them opens that menu first. Wider, the tool is in its row and this does nothing.

import { expect, type Locator, type Page } from '@playwright/test';

/** The control with this test handle, its "More" menu opened if it waits behind one. */
export async function revealTool(page: Page, testId: string): Promise<Locator> {
  const control = page.getByTestId(testId);
  const panel = control.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " more-panel ")][1]');
  if ((await panel.count()) > 0 && !(await panel.isVisible())) {
    await panel.locator('xpath=preceding-sibling::button[1]').click();
    await expect(control).toBeVisible();
  }
  return control;
}
