// An Indexed Job with parallelism 2 ([16.2], [16.4]): its pods run side by side on one time axis,
// each pod's lanes grouped under its own pod lane, the replaced index 1 twice.

import { readFileSync } from 'node:fs';
import { expect, test } from './support/test';
import { editorText, kubectl, lanes, openApp, replaceEditorText, screenshot } from './support/app';
import { everyLaneDrawn, setCursor } from './support/timeline';

const SCENARIO = readFileSync(new URL('../src/scenarios/14-job-parallel-indexed.yaml', import.meta.url), 'utf8');

test('a parallel Indexed Job draws one lane group per pod on one axis', async ({ page }, info) => {
  test.setTimeout(60_000);
  await openApp(page);
  await replaceEditorText(page, SCENARIO);
  await expect.poll(async () => (await lanes(page)).filter(([, kind]) => kind === 'pod').length).toBe(5);
  const all = await lanes(page);
  // Each pod lane is followed by its own container lane: pod/worker.
  all.forEach(([name, kind], i) => {
    if (kind === 'pod') expect(all[i + 1]).toEqual([`${name}/worker`, 'main']);
  });
  const pods = all.filter(([, kind]) => kind === 'pod').map(([name]) => name);
  expect(pods.map((n) => n.split('-')[1])).toEqual(['0', '1', '1', '2', '3']);
  await expect(page.getByText(/^Pod work-1-[a-z0-9]{5} \(index 1\)$/i).first()).toBeAttached();
  // A pod created later draws nothing before its creation, its condition rows included.
  const later = pods[2]!;
  await everyLaneDrawn(page);
  const starts = await page.locator(`[data-testid="lane"][data-container="${later}"] rect.bar`).evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-start'))));
  expect(Math.min(...starts)).toBeGreaterThan(0);
  await screenshot(page, info);

  await test.step('the kubectl row follows the selected pod, with its name, and kubectl -w and why STATUS? agree', async () => {
    // Nothing selected, cursor at the end: the newest pod's row (index 3), not whichever pod changed last.
    const name = page.getByTestId('kubectl-name');
    await expect(name).toHaveText(pods[4]!);
    // Select the failed first pod of index 1 by clicking its worker's bar, then go to the end.
    const failed = pods[1]!;
    const bar = await page.locator(`[data-testid="lane"][data-container="${failed}/worker"] rect.bar`).first().boundingBox();
    expect(bar).not.toBeNull();
    await page.mouse.click(bar!.x + bar!.width / 2, bar!.y + bar!.height / 2);
    await expect(name).toHaveText(failed);
    await page.getByTestId('timeline').press('End');
    await expect(name).toHaveText(failed);
    expect(await kubectl(page)).toMatchObject({ ready: '0/1', status: 'Error' });
    await page.getByTestId('kubectl-why').click();
    await expect(page.getByTestId('kubectl-why-text')).toContainText('Error');
    await page.getByTestId('kubectl-why').click();
    await page.getByTestId('kubectl-watch').click();
    const text = page.getByTestId('kubectl-watch-text');
    await expect(page.getByTestId('kubectl-watch-dialog').getByRole('heading')).toHaveText(`kubectl get pod ${failed} -w`);
    const lines = (await text.textContent())!.trimEnd().split('\n').slice(1);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((l) => l.startsWith(`${failed} `))).toBe(true);
    expect(lines.at(-1)).toMatch(/ Error /);
    await page.getByTestId('kubectl-watch-all').check();
    await expect(text).toContainText(pods[4]!);
    await screenshot(page, info, 'kubectl -w of every pod');
    await page.keyboard.press('Escape');
  });

  await test.step('a crash button under the followed pod acts on that pod: the event names its completion index', async () => {
    // The failed pod of index 1 stays selected; at 3 s its worker runs.
    await setCursor(page, 3);
    await page.locator('[data-testid="inject"][data-action="crash"][data-container="worker"]').click();
    await expect.poll(() => editorText(page)).toContain('- { at: 3s, container: worker, do: crash, exitCode: 1, index: 1 }');
    await expect(page.getByTestId('notice')).toContainText('(completion index 1)');
  });
});
