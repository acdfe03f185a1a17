// The Events table on a phone (panels.css): five columns side by side left the Message a sliver,
// wrapped into tall rows and cut off at the screen's edge. At 760 px or narrower each event is a
// stacked row: Type, Reason, Age and From on one line, the Message on the full width below, whole.

import { expect, test } from './support/test';
import { openApp, screenshot } from './support/app';

test('on a 390 px phone each event\'s Message has the row\'s full width and nothing is cut off; at 1280 px one line per event', async ({ page }, info) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  const table = page.getByTestId('events');
  await expect(table.locator('tbody tr').nth(3)).toBeAttached();

  await test.step('390 px: stacked rows, the Message whole below the other columns', async () => {
    await table.scrollIntoViewIfNeeded();
    const rows = await table.locator('tr').evaluateAll((trs) => trs.map((tr) => {
      const box = tr.getBoundingClientRect();
      const cells = [...tr.children].map((c) => c.getBoundingClientRect());
      const message = cells[cells.length - 1]!;
      return {
        text: tr.textContent ?? '',
        row: { left: box.left, right: box.right },
        message: { left: message.left, right: message.right, top: message.top },
        firstLineBottom: Math.max(...cells.slice(0, -1).map((c) => c.bottom)),
      };
    }));
    expect(rows.length).toBeGreaterThan(4);
    for (const r of rows) {
      expect(r.message.left, `Message starts at the row's left edge: ${r.text}`).toBeCloseTo(r.row.left, 0);
      expect(r.message.right, `Message ends at the row's right edge: ${r.text}`).toBeCloseTo(r.row.right, 0);
      expect(r.message.top, `Message below the other columns: ${r.text}`).toBeGreaterThanOrEqual(r.firstLineBottom - 0.5);
      expect(r.row.right, `row inside the screen: ${r.text}`).toBeLessThanOrEqual(390);
    }
    const scroll = await page.locator('.events-scroll').evaluate((el) => ({ width: el.scrollWidth, client: el.clientWidth }));
    expect(scroll.width, 'the table does not scroll sideways').toBeLessThanOrEqual(scroll.client);
    await screenshot(page, info, '390');
  });

  await test.step('1280 px: the five columns side by side, one line per event', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const tops = await table.locator('tbody tr').first().locator('td').evaluateAll((tds) => tds.map((td) => Math.round(td.getBoundingClientRect().top)));
    expect(tops).toHaveLength(5);
    expect(new Set(tops).size, 'all five cells on one line').toBe(1);
  });

  await test.step('the heading counts the rows, and the box says when more lie below', async () => {
    const rows = await table.locator('tbody tr').count();
    await expect(page.getByTestId('events-count')).toHaveText(String(rows));
    const box = page.locator('.events-scroll');
    const layers = await box.evaluate((el) => getComputedStyle(el).backgroundImage.split('gradient(').length - 1);
    // The shade is four background layers: two covers that scroll with the rows and two shades fixed to the box's edges.
    expect(layers).toBe(4);
  });

  await test.step('the column names stay at the top while the rows scroll under them, at 1280 and 390 px', async () => {
    const box = page.locator('.events-scroll');
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 720 });
      await box.evaluate((el) => { el.scrollTop = el.scrollHeight; });
      const at = await box.evaluate((el) => ({ box: el.getBoundingClientRect().top, head: el.querySelector('thead')!.getBoundingClientRect().top, scrolled: el.scrollTop }));
      expect(at.scrolled, `${width} px: the rows scrolled`).toBeGreaterThan(0);
      expect(at.head, `${width} px: the header at the box's top`).toBeCloseTo(at.box, 0);
      await box.evaluate((el) => { el.scrollTop = 0; });
    }
  });
});
