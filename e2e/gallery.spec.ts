// The gallery: every entry opens from the drawer and shows its lesson's state at its moment.

import { expect, test } from './support/test';
import { analyzeText } from '../src/engine/explain/analyzeText';
import { runScenario } from '../src/engine/run';
import { GALLERY_ENTRIES } from '../src/scenarios/galleryEntries';
import { kubectlAt } from '../src/state/kubectlAt';
import { kubectlPodAt, podGoneBy, restartsAt } from '../src/state/trace/kubectlPod';
import { cursorTime, editorText, kubectl, lanes, openApp, replaceEditorText, screenshot } from './support/app';
import { DEFAULT_SCENARIO } from './support/scenario';
import { galleryText, savedText } from './support/share';

test.afterEach(async ({ page }, info) => screenshot(page, info));

// An entry that is a real pod is explained, not drawn as a timeline (e2e/explain.spec.ts opens it).
const DRAWN = GALLERY_ENTRIES.filter((e) => analyzeText(galleryText(e.fileName)).kind !== 'explain');

// [5.14] An errored probe run has a mark of its own, which the legend explains only when drawn,
// and its Warning Unhealthy row says what the kubelet printed.
const LESSON_EXTRAS: Record<string, [legend: string, event: string][]> = {
  '16-ready-while-terminating': [['errored probe run (no result)', 'Readiness probe errored and resulted in unknown state: rpc error: code = Canceled desc = context canceled']],
};

// One page opens every entry in turn, each a step named as its own test used to be: an entry
// opened over another gallery entry (not the user's work) opens at once, as over the default.
test('gallery: every entry opens from the drawer at its lesson\'s moment', async ({ page }, info) => {
  test.setTimeout(30_000 * DRAWN.length);
  await openApp(page);
  for (const entry of DRAWN) {
    await test.step(`gallery: "${entry.title}" opens at its lesson's moment`, async () => {
      const text = galleryText(entry.fileName);
      const { trace } = runScenario(text);
      if (!trace) throw new Error(`${entry.fileName} does not simulate`);
      const at = Math.min(entry.cursor, trace.end);
      // A Job with more than one pod draws one lane group per pod, its containers named pod/container.
      const laneName = (c: (typeof trace.containers)[number]) => ((trace.pods?.length ?? 0) > 1 && c.pod !== undefined ? `${c.pod}/${c.name}` : c.name);
      const row = kubectlAt(trace, at);

      await page.getByTestId('gallery-button').click();
      const drawer = page.getByTestId('gallery');
      await expect(drawer).toBeVisible();
      const item = drawer.locator(`[data-testid="gallery-entry"][data-entry="${entry.id}"]`);
      await expect(item).toContainText(entry.title);
      await expect(item).toContainText(entry.lesson.split('. ')[0]!);
      await item.click();
      await expect(drawer).not.toBeVisible();

      await expect.poll(() => editorText(page)).toBe(text);
      await expect(page.locator(`[data-testid="lane"][data-container="${laneName(trace.containers[0]!)}"]`)).toBeAttached();
      await expect.poll(() => cursorTime(page)).toBeCloseTo(at, 3);
      // Polled: the lane and the cursor may already be where the entry before left them.
      // RESTARTS as kubectl prints it at the cursor: its "(… ago)" counted to the cursor ([14.1]).
      await expect.poll(() => kubectl(page)).toEqual({ ready: row?.ready ?? '—', status: row?.status ?? '—', restarts: row ? restartsAt(row, at) : '—' });
      // A pod whose object left the API by the cursor (a force deletion, [8.2]): the strip says kubectl finds nothing.
      const goneAt = podGoneBy(trace, at, kubectlPodAt(trace, at, null));
      if (goneAt === undefined) await expect(page.getByTestId('kubectl-gone')).toHaveCount(0);
      else {
        await expect(page.getByTestId('kubectl-gone')).toHaveText(`gone from the API at ${goneAt} s: kubectl finds no pod`);
        // Nothing is left to delete: the button says so instead of writing an event that does nothing.
        await expect(page.locator('[data-testid="inject"][data-action="deletePod"]')).toBeDisabled();
      }
      const shown = await lanes(page);
      for (const c of trace.containers) expect(shown).toContainEqual([laneName(c), c.kind]);
      await expect(page.getByTestId('share-banner')).toContainText(entry.title);
      // What only some entries draw: its own glyph in the legend, its own row in the events panel.
      for (const [legend, event] of LESSON_EXTRAS[entry.id] ?? []) {
        await expect(page.getByRole('group', { name: 'Legend' })).toContainText(legend);
        await expect(page.getByTestId('events')).toContainText(event);
      }
      await expect(page.getByTestId('open-dialog')).not.toBeVisible();
      await screenshot(page, info, entry.id);
    });
  }
});

test('the gallery works from the keyboard, and asks before replacing the user\'s own work', async ({ page }, info) => {
  await openApp(page);
  const mine = DEFAULT_SCENARIO.replace('name: myapp-pod', 'name: my-own-pod');
  await replaceEditorText(page, mine);
  await expect.poll(() => savedText(page)).toBe(mine);

  await page.getByTestId('gallery-button').focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByTestId('gallery');
  await expect(drawer).toBeVisible();
  await expect(drawer).toHaveAccessibleName(/Gallery/);
  const first = drawer.getByTestId('gallery-entry').first();
  await expect(first).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(drawer).not.toBeVisible();
  await expect(page.getByTestId('gallery-button')).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(first).toBeFocused();
  await page.keyboard.press('Tab');
  const target = drawer.locator('[data-entry="05-termination-order"][data-testid="gallery-entry"]');
  await target.focus();
  await screenshot(page, info, 'drawer');
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('open-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Termination order');
  await page.keyboard.press('Escape');
  await expect(dialog).not.toBeVisible();
  expect(await editorText(page)).toBe(mine);

  await page.getByTestId('gallery-button').click();
  await target.click();
  await dialog.getByRole('button', { name: /Open the gallery scenario/ }).click();
  await expect.poll(() => editorText(page)).toBe(galleryText('05-termination-order.yaml'));
  await page.getByTestId('restore-previous').click();
  await expect.poll(() => editorText(page)).toBe(mine);
});
