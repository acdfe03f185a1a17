// The "Containers at" table on a phone (containersPanel.css): seven columns side by side ran past a
// 390 px screen (READY, STARTED and RESTARTS off its edge, the buttons below cut off). At 760 px or
// narrower each container is a stacked row, its values named; at 1280 px the columns stay.

import { expect, test } from './support/test';
import { openApp, screenshot } from './support/app';

async function boxes(page: import('@playwright/test').Page) {
  return page.getByTestId('containers').evaluate((table) => {
    const box = (el: Element) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
    const rows = [...table.querySelectorAll('tr[data-container]')].map((tr) => ({
      name: tr.getAttribute('data-container') ?? '',
      row: box(tr),
      cells: [...tr.children].map((c) => {
        // What a reader sees: the cell's text after its label, if CSS gives it one.
        const before = getComputedStyle(c, '::before').content;
        const label = before === 'none' || before === 'normal' ? '' : before.replace(/^"|"$/g, '');
        return { text: label + (c as HTMLElement).innerText, ...box(c) };
      }),
    }));
    const buttons = [...table.querySelectorAll('[data-testid="inject"]')].map((b) => ({ label: b.getAttribute('aria-label') ?? '', ...box(b) }));
    const scroller = table.parentElement!;
    return { rows, buttons, scrolls: scroller.scrollWidth > scroller.clientWidth };
  });
}

test('the containers table stacks each container on a 390 px phone, every value and button on screen; columns at 1280 px', async ({ page }, info) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await expect(page.getByTestId('containers').locator('tr[data-container]')).toHaveCount(4);

  await test.step('390 px: nothing past the screen, nothing scrolls sideways, values named', async () => {
    await page.getByTestId('containers').scrollIntoViewIfNeeded();
    const { rows, buttons, scrolls } = await boxes(page);
    expect(scrolls, 'the table does not scroll sideways').toBe(false);
    for (const r of rows) {
      for (const c of r.cells) expect(c.right, `${r.name}: "${c.text}" inside the screen`).toBeLessThanOrEqual(390);
      expect(r.cells.map((c) => c.text)).toEqual(expect.arrayContaining([expect.stringMatching(/^ready (true|false)$/), expect.stringMatching(/^restarts \d+$/)]));
      // Name and kind on the first line, the values below it.
      expect(r.cells[2]!.top).toBeGreaterThanOrEqual(r.cells[0]!.bottom - 0.5);
    }
    expect(buttons.length).toBeGreaterThanOrEqual(20);
    for (const b of buttons) expect(b.right, `${b.label} inside the screen`).toBeLessThanOrEqual(390);
    await screenshot(page, info, '390');
  });

  await test.step('1280 px: the seven columns side by side, one line per container', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect(page.getByTestId('containers').locator('thead th').first()).toBeVisible();
    const { rows } = await boxes(page);
    for (const r of rows) {
      const tops = new Set(r.cells.map((c) => Math.round(c.top)));
      expect(tops.size, `${r.name} on one line`).toBe(1);
      expect(r.cells.map((c) => c.text)).not.toContain(expect.stringMatching(/^ready /));
    }
    await screenshot(page, info, '1280');
  });
});
