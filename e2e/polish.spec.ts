// Four things users tripped on: a presenter link opens at the moment it carries (not step 1); a
// Job's pod name in the timeline's labels selects that pod (by click or keyboard); a WebM/GIF
// export survives the window crossing 1,280 px (its button moving into "More" and back); and the
// GIF, whose palette is now made from frames spread over the clip, still plays its frames in order.
// The last two are checked beside the exports they ride on (see the end of this file).

import { readFileSync } from 'node:fs';
import { expect, test } from './support/test';
import { runScenario } from '../src/engine/run';
import { GALLERY_ENTRIES } from '../src/scenarios/galleryEntries';
import { encodeFragment, galleryLinkState, withViewParam } from '../src/share';
import { nearestStep, presentSteps } from '../src/state/present/steps';
import { expectNoAxeViolations } from './support/a11y';
import { guardNetwork, kubectl, screenshot, waitForApp } from './support/app';
import { galleryText, SCENARIO_KEY } from './support/share';

const SIZES = { phone: { width: 390, height: 844 }, laptop: { width: 1280, height: 720 }, projector: { width: 1920, height: 1080 } };

/** A gallery lesson's own link (its text at its moment, on its span), with a query before it. */
function lessonAddress(id: string, query = ''): string {
  const lesson = GALLERY_ENTRIES.find((e) => e.id === id)!;
  const state = galleryLinkState({ text: galleryText(lesson.fileName), cursor: lesson.cursor });
  return `/${query}#${withViewParam(encodeFragment(state), lesson.view ?? null)}`;
}

test('a presenter link opens at the step nearest the lesson’s moment, and Home goes to step 1', async ({ page }, info) => {
  const lesson = GALLERY_ENTRIES.find((e) => e.id === '05-termination-order')!;
  // The step the page should open on, from the same engine and the same step rule.
  const trace = runScenario(galleryText(lesson.fileName)).trace!;
  const steps = presentSteps(trace, 'moments');
  const expected = nearestStep(trace, steps, lesson.cursor);
  expect(expected).toBeGreaterThan(0);
  const expectedTime = trace.events[steps[expected]!]!.t;
  expect(Math.abs(expectedTime - lesson.cursor)).toBeLessThan(2);

  await guardNetwork(page);
  await page.setViewportSize(SIZES.laptop);
  await page.goto(lessonAddress(lesson.id, `?present&title=${encodeURIComponent(lesson.title)}`));
  const count = page.locator('.presenter-count');
  await test.step('it opens presenting, on the step nearest the link’s cursor (1280×720)', async () => {
    await expect(page.getByTestId('presenter')).toBeVisible();
    await expect(count).toHaveText(`${expected + 1} / ${steps.length}`);
    await expect(page.getByTestId('cursor-time')).toHaveText(String(expectedTime));
    await expect(page.locator('.presenter-title')).toHaveText(lesson.title);
    await screenshot(page, info, 'laptop');
  });
  await test.step('the same step on a phone and on a projector', async () => {
    await page.setViewportSize(SIZES.phone);
    await expect(count).toHaveText(`${expected + 1} / ${steps.length}`);
    await screenshot(page, info, 'phone');
    await page.setViewportSize(SIZES.projector);
    await expect(count).toHaveText(`${expected + 1} / ${steps.length}`);
    await screenshot(page, info, 'projector');
  });
  await test.step('Home goes to step 1', async () => {
    await page.keyboard.press('Home');
    await expect(count).toHaveText(`1 / ${steps.length}`);
    await expect(page.getByTestId('present-prev')).toBeDisabled();
  });
  await test.step('with a scenario of the teacher’s own saved, the link asks first; “Open” presents the lesson at its moment', async () => {
    await page.goto('about:blank'); // the page saves its text as it goes: leave it before writing ours
    // Another tab (this one remembers the lesson as its own address), the teacher's text saved before it loads.
    const tab = await page.context().newPage();
    await tab.setViewportSize(SIZES.laptop);
    await tab.addInitScript(([key, text]) => localStorage.setItem(key!, text!), [SCENARIO_KEY, galleryText('00b-busybox-exits-at-once.yaml')]);
    await tab.goto(lessonAddress(lesson.id, '?present'));
    await expect(tab.getByTestId('open-shared')).toBeVisible();
    await expect(tab.getByTestId('presenter')).toBeHidden();
    await tab.getByTestId('open-shared').click();
    await expect(tab.getByTestId('presenter')).toBeVisible();
    await expect(tab.locator('.presenter-count')).toHaveText(`${expected + 1} / ${steps.length}`);
    await expect(tab.getByTestId('cursor-time')).toHaveText(String(expectedTime));
    await tab.close();
  });
});

test('a Job’s pod names in the timeline select that pod, by click or keyboard; the kubectl row and why STATUS? follow', async ({ page }, info) => {
  test.setTimeout(60_000);
  const text = readFileSync(new URL('../src/scenarios/14-job-parallel-indexed.yaml', import.meta.url), 'utf8');
  const trace = runScenario(text).trace!;
  const pods = trace.pods!.map((p) => p.name);
  await guardNetwork(page);
  await page.setViewportSize(SIZES.laptop);
  await page.goto(`/?t=26#${encodeFragment({ text })}`); // the fifth pod exists from 25 s
  await waitForApp(page);
  const name = page.getByTestId('kubectl-name');
  const label = (pod: string) => page.locator(`[data-testid="pod-label"][data-pod="${pod}"]`);

  await test.step('one button per pod lane, over its drawn name', async () => {
    await expect(page.getByTestId('pod-label')).toHaveCount(pods.length);
    for (const pod of pods) {
      const button = (await label(pod).boundingBox())!;
      const drawn = (await page.locator(`.lane-frame.lane-pod`).filter({ hasText: pod.slice(0, 12) }).first().locator('text.lane-label').boundingBox())!;
      expect(drawn.y).toBeGreaterThanOrEqual(button.y - 1);
      expect(drawn.y + drawn.height).toBeLessThanOrEqual(button.y + button.height + 1);
      expect(drawn.x).toBeGreaterThanOrEqual(button.x);
    }
    // Nothing selected: the row follows the newest pod.
    await expect(name).toHaveText(pods[4]!);
  });

  await test.step('a click on the failed pod’s name selects it: the kubectl row and why STATUS? speak for it', async () => {
    await label(pods[1]!).click();
    await expect(name).toHaveText(pods[1]!);
    await expect(label(pods[1]!)).toHaveAttribute('aria-current', 'true');
    await expect(label(pods[4]!)).not.toHaveAttribute('aria-current', 'true');
    expect(await kubectl(page)).toMatchObject({ ready: '0/1', status: 'Error' });
    // The Events panel describes that pod alone: its own Scheduled, named ([10.7]: one pod per describe).
    await expect(page.locator('#events-title')).toContainText(`as kubectl describe pod ${pods[1]!} shows them`);
    await expect(page.getByTestId('events').locator('tr', { hasText: 'Scheduled' })).toHaveCount(1);
    await expect(page.getByTestId('events').locator('tr', { hasText: 'Scheduled' })).toContainText(`default/${pods[1]!} to node-1`);
    // And the containers table is that pod's: its worker failed (kubectl: Error).
    await expect(page.locator('#containers-title')).toContainText(`of pod ${pods[1]!}, as the API status shows them`);
    await expect(page.getByTestId('containers').locator('tr', { hasText: 'worker' }).first()).toContainText('Terminated');
    await page.getByTestId('kubectl-why').click();
    await expect(page.getByTestId('kubectl-why-text')).toContainText('Error');
    await screenshot(page, info, 'laptop');
    await page.getByTestId('kubectl-why').click();
    await expectNoAxeViolations(page, 'light', 'a Job with a pod selected by its name', { editor: false });
  });

  await test.step('the keyboard: Enter and Space on a focused name select that pod', async () => {
    await label(pods[0]!).focus();
    await page.keyboard.press('Enter');
    await expect(name).toHaveText(pods[0]!);
    await page.keyboard.press('Tab');
    await expect(label(pods[1]!)).toBeFocused();
    await page.keyboard.press(' ');
    await expect(name).toHaveText(pods[1]!);
    // Space selected the pod; it did not start playback (the page's Space shortcut).
    await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  });

  await test.step('on a phone and a projector the names stay buttons that select', async () => {
    await page.setViewportSize(SIZES.phone);
    await label(pods[2]!).click();
    await expect(name).toHaveText(pods[2]!);
    await screenshot(page, info, 'phone');
    await page.setViewportSize(SIZES.projector);
    await label(pods[3]!).click();
    await expect(name).toHaveText(pods[3]!);
    await screenshot(page, info, 'projector');
  });
});

// A WebM or GIF export survives the window crossing 1,280 px: the GIF (started in the toolbar,
// followed behind More and back, the file still made, its frames in time order) is the one GIF
// build of gif-export.spec.ts; the WebM cancelled from behind More is a step of panels.spec.ts's
// WebM export.
