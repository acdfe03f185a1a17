// The hostile-input suite: every input a user (or a link) can throw at the page. Each case checks
// the same four things: a clear message in the right place, a page that still responds, the
// user's work intact (the last good timeline stays, Ctrl+Z or the saved text brings it back), and
// nothing from the input executed (no dialog, no CSP violation, no injected markup). Here: texts in
// the editor; links in hostile-links.spec.ts, the engine's limits in hostile-engine.spec.ts, storage
// and tabs in hostile-storage.spec.ts, a Job of 2,501 pods in hostile-job.spec.ts.

import { expect, test } from './support/test';
import { lanes, replaceEditorText, screenshot } from './support/app';
import { pasteGenerated } from './support/editor';
import { ALIAS_BOMB, MY_WORK, PAYLOAD, SCRIPT, podWithContainers, stillResponsive } from './support/hostile';
import { expectProblem, myLane, undoBringsMyWorkBack, withMyWork } from './support/myWork';
import { lineOf } from './support/scenario';
import { savedText } from './support/share';

test.afterEach(async ({ page }, info) => screenshot(page, info));

const BROKEN = MY_WORK.replace('  name: my-own-pod', '  name: my-own-pod: [broken');

const TEXTS: { name: string; text: string; message: RegExp; line?: number }[] = [
  { name: 'malformed YAML', text: BROKEN, message: /YAML syntax error/, line: lineOf(BROKEN, 'my-own-pod: [broken') },
  { name: 'an alias bomb (billion laughs)', text: ALIAS_BOMB, message: /alias bomb/ },
  { name: 'nesting 5,000 deep', text: `${'['.repeat(5000)}${']'.repeat(5000)}\n`, message: /nesting is too deep/ },
  // (No CR: Monaco turns a lone CR into a line break.)
  { name: 'binary junk', text: `\u0000\u0001ELF\u0002\u0003\u00ff\u00fe${String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 37) % 256).filter((c) => c !== 13))}`, message: /binary data/ },
  { name: '10,000 containers', text: podWithContainers(10_000), message: /too many containers for the simulator: 10000 \(at most 500\)/, line: 6 },
  {
    name: 'markup and script in names the problems quote',
    text: MY_WORK.replace('name: myapp-container', `name: '${PAYLOAD}'`).replace('name: istio-proxy', `name: "${SCRIPT.replace(/"/g, '\\"')}"`),
    message: /Invalid value: "<img src=x onerror=/,
  },
];

// One page for the six texts: each case is a step (named as its own test used to be) that starts
// from the user's work and ends with it back (Ctrl+Z), so the next starts where a fresh page would.
test('hostile texts in the editor: each a clear message, a responsive page, the work kept, nothing executed', async ({ page }, info) => {
  test.setTimeout(30_000 * TEXTS.length);
  const nothingExecuted = await withMyWork(page);
  const before = await lanes(page);
  for (const c of TEXTS) {
    await test.step(`${c.name}: a clear message, a responsive page, the work kept, nothing executed`, async () => {
      await replaceEditorText(page, c.text);
      await expectProblem(page, c.message, c.line);
      // The timeline keeps the last good scenario, and says so.
      await expect(page.locator('.timeline-note')).toBeVisible();
      expect(await lanes(page)).toEqual(before);
      await stillResponsive(page);
      await nothingExecuted();
      await screenshot(page, info, c.name);
      await undoBringsMyWorkBack(page);
      await expect(myLane(page)).toBeAttached();
    });
  }
});

test('a 10 MB paste: a clear message, a responsive page, the work kept, nothing executed', async ({ page }) => {
  const nothingExecuted = await withMyWork(page);
  const before = await lanes(page);
  const { length, timing } = await pasteGenerated(page, 'apiVersion: v1\nkind: Pod\n', `# ${'x'.repeat(98)}\n`, 100_000);
  expect(length).toBeGreaterThan(10_000_000);
  // Measured in the page from the paste event. Monaco's own handling of a 10 MB edit (piece
  // tree, undo element, line starts) comes first; then the text goes to the engine worker and
  // back. On an idle 2-core VM that is about 0.4 s + 0.2 s; with several browsers and builds
  // sharing the machine (load average 20) it was up to 2.3 s + 2.2 s, and a clean-clone CI run
  // beside busy neighbours took 5.2 s (session 33). So the log says how long it took, and no
  // bound is asserted on it (speed is the bench's, not a test's): a freeze or a hang still fails
  // the problem's wait below and stillResponsive.
  const { toStore, toProblems } = await timing();
  console.log(`10 MB paste: text in the store after ${Math.round(toStore)} ms, the problem after ${Math.round(toProblems)} ms`);
  await expectProblem(page, /the scenario is too large/);
  await expect(page.getByTestId('editor-notice')).toContainText('above 1.0 MB the editor turns off YAML highlighting');
  expect(await page.evaluate(() => window.__sidecarLab?.getLanguage())).toBe('plaintext');
  expect(await page.evaluate(() => window.__sidecarLab?.getMarkers('yaml').length)).toBe(0);
  expect(await lanes(page)).toEqual(before);
  await stillResponsive(page);
  // Share copies no link: this one would unpack past what a link may (2 MB), so the page it is
  // sent to would refuse it; and it says so from the text's size, without encoding 10 MB first.
  // (Said from the text's size before anything is encoded: ui/share/shareCheck.ts checkShare,
  // whose refusal shareCheck.test.ts checks.)
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-too-long')).toContainText(/This scenario is 10\.\d MB, more than a link can carry \(2\.1 MB\)/);
  await page.keyboard.press('Escape');
  // The picker reacts: it says it cannot edit a text this large.
  await page.getByTestId('k8s-version').selectOption('1.30');
  await expect(page.getByRole('alert').filter({ hasText: 'too large to edit' })).toBeVisible();
  // Too large for the browser's storage: what is saved is still the user's work.
  expect(await savedText(page)).toBe(MY_WORK);
  await nothingExecuted();
  await undoBringsMyWorkBack(page);
  await expect(page.getByTestId('editor-notice')).toHaveCount(0);
  expect(await page.evaluate(() => window.__sidecarLab?.getLanguage())).toBe('yaml');
});

test('markup and script in text the timeline draws stay text', async ({ page }) => {
  const nothingExecuted = await withMyWork(page);
  const hostile = MY_WORK
    .replace('image: busybox:1.28', `image: '${PAYLOAD}'`)
    .replace(/command: \['sh', '-c', 'echo The app is running! && sleep 25'\]/, `command: ['sh', '-c', '${SCRIPT}; sleep 25']`);
  expect(hostile).toContain(PAYLOAD);
  await replaceEditorText(page, hostile);
  await expect(myLane(page)).toBeAttached();
  // The image is drawn as text in the lane's pull label and in the events at the cursor.
  await expect(page.locator('body')).toContainText(PAYLOAD);
  await stillResponsive(page);
  await nothingExecuted();
});
