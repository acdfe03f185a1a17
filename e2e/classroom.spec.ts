// Reading aids a class relies on (issue 15): Prev/Next say what they landed on, a click writes a
// rounded time, Esc closes the feature-gates menu. One page, a step per aid.

import { expect, test } from './support/test';
import { editorText, openApp } from './support/app';
import { setCursor } from './support/timeline';

test('reading aids for a class: Next/Prev announced, injected times rounded, Esc closes the gates menu', async ({ page }) => {
  test.setTimeout(30_000 * 3); // the three tests it replaces had 30 s each
  await openApp(page);

  await test.step('Next and Prev announce the event they landed on', async () => {
    await setCursor(page, 0);
    await page.getByTestId('timeline').focus();
    await page.keyboard.press('ArrowRight');
    const notice = page.getByTestId('notice');
    await expect(notice).toHaveText(/^\d+(\.\d+)? s: .+\.( \(\+\d+ more\))?$/);
    const first = await notice.textContent();
    await page.keyboard.press('ArrowRight');
    await expect(notice).not.toHaveText(first!);
    await page.keyboard.press('ArrowLeft');
    await expect(notice).toHaveText(first!);
  });

  await test.step('Esc closes the feature-gates menu and returns the focus to it', async () => {
    const gates = page.getByTestId('feature-gates');
    await gates.locator('summary').click();
    await expect(gates).toHaveAttribute('open', '');
    await gates.getByTestId('feature-gate').first().focus();
    await page.keyboard.press('Escape');
    await expect(gates).not.toHaveAttribute('open', '');
    await expect(gates.locator('summary')).toBeFocused();
    // An Esc that comes before the toggle event of the click that opened the menu closes it too.
    await page.evaluate(() => {
      const menu = document.querySelector('[data-testid="feature-gates"]')!;
      menu.querySelector('summary')!.click();
      const gate = menu.querySelector<HTMLInputElement>('[data-testid="feature-gate"]')!;
      gate.focus();
      gate.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    });
    await expect(gates).not.toHaveAttribute('open', '');
  });

  await test.step('an event injected at a pointer time is written rounded to a tenth of a second', async () => {
    await setCursor(page, 20.034);
    await page.locator('[data-testid="inject"][data-action="crash"][data-container="istio-proxy"]').click();
    await expect.poll(() => editorText(page)).toContain('- { at: 20s, container: istio-proxy, do: crash, exitCode: 1 }');
  });
});
