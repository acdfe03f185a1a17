// The hostile-input suite: every input a user (or a link) can throw at the page. Each case checks
// the same four things: a clear message in the right place, a page that still responds, the
// user's work intact (the last good timeline stays, Ctrl+Z or the saved text brings it back), and
// nothing from the input executed (no dialog, no CSP violation, no injected markup).

import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { editorText, lanes, openApp, replaceEditorText, screenshot, waitForApp } from './support/app';
import { pasteGenerated } from './support/editor';
import {
  ALIAS_BOMB, CRASH_LOOP_FOR_A_YEAR, MY_WORK, PAYLOAD, SCRIPT, podWithContainers, stillResponsive, watchForExecution,
} from './support/hostile';
import { lineOf } from './support/scenario';
import { decodeFragment } from '../src/share';
import { bombFragment, gotoFresh, linkTo, savedText } from './support/share';

test.afterEach(async ({ page }, info) => screenshot(page, info));

const myLane = (page: Page) => page.locator('[data-testid="lane"][data-container="my-own-pod"]');

/** Opens the app with the user's own work typed and saved; returns the execution check. */
async function withMyWork(page: Page) {
  const nothingExecuted = await watchForExecution(page);
  await openApp(page);
  await replaceEditorText(page, MY_WORK);
  await expect(myLane(page)).toBeAttached();
  await expect.poll(() => savedText(page)).toBe(MY_WORK);
  return nothingExecuted;
}

/**
 * The problem the engine reports for the text: its message, and the line it points at. The
 * default bound catches a hang on a loaded machine (10,000 containers take about 2 s to read).
 */
async function expectProblem(page: Page, message: RegExp, line?: number, timeout = 15_000) {
  const item = page.getByTestId('problems').locator('li').filter({ hasText: message }).first();
  try {
    await expect(item).toBeVisible({ timeout });
  } catch (err) {
    // Say what the panel showed instead (another problem, or the engine's own error).
    const shown = await page.locator('.problems-panel').innerText().catch(() => '(no problems panel)');
    throw new Error(`${err instanceof Error ? err.message : String(err)}\nThe problems panel showed instead:\n${shown}`);
  }
  if (line !== undefined) await expect(item).toHaveAttribute('data-line', String(line));
}

/** Ctrl+Z in the editor (once per replaced text) brings the user's work back, and it is what is saved. */
async function undoBringsMyWorkBack(page: Page, edits = 1) {
  // Click until the editor has the focus: after the version picker's refusal alert the first
  // click can land while the header's layout settles (noted in the session-4 note).
  await expect(async () => {
    await page.locator('[data-testid="editor"] .view-lines').click();
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="editor"]') != null)).toBe(true);
  }).toPass({ timeout: 10_000 });
  for (let i = 0; i < edits; i++) await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorText(page)).toBe(MY_WORK);
  await expect(page.getByTestId('problems').locator('li')).toHaveCount(0);
  await expect.poll(() => savedText(page)).toBe(MY_WORK);
}

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
  // sharing the machine (load average 20) it was up to 2.3 s + 2.2 s. The bound is the one that
  // catches a freeze or a hang, not a slow machine; the log says how long it took.
  const { toStore, toProblems } = await timing();
  console.log(`10 MB paste: text in the store after ${Math.round(toStore)} ms, the problem after ${Math.round(toProblems)} ms`);
  expect(toProblems).toBeLessThan(5000);
  await expectProblem(page, /the scenario is too large/);
  await expect(page.getByTestId('editor-notice')).toContainText('above 1.0 MB the editor turns off YAML highlighting');
  expect(await page.evaluate(() => window.__sidecarLab?.getLanguage())).toBe('plaintext');
  expect(await page.evaluate(() => window.__sidecarLab?.getMarkers('yaml').length)).toBe(0);
  expect(await lanes(page)).toEqual(before);
  await stillResponsive(page);
  // The picker reacts: it says it cannot edit a text this large.
  await page.getByTestId('k8s-version').selectOption('1.30');
  await expect(page.getByRole('alert').filter({ hasText: 'too large to edit' })).toBeVisible({ timeout: 3000 });
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

// Links: the user's saved work is never touched, the page says why, and the app keeps working.
const GOOD = linkTo({ text: MY_WORK.replace('sleep 25', 'sleep 99'), kubernetesVersion: '1.33', cursor: 9 }).slice(2);
const LINKS: { name: string; fragment: string; message: RegExp }[] = [
  { name: 'a link from a newer format', fragment: `v7.${GOOD.slice(3)}`, message: /newer version of Sidecar Lab/ },
  { name: 'a truncated link', fragment: GOOD.slice(0, GOOD.length - 7), message: /incomplete|cut off/ },
  // A deflate block of the reserved type 3, then the rest of a good link.
  { name: 'a corrupt link', fragment: `v1.BwAAAA${GOOD.slice(9)}`, message: /damaged and could not be read/ },
  { name: 'characters a link never has', fragment: `${GOOD.slice(0, 30)}*${GOOD.slice(31)}`, message: /damaged/ },
  { name: 'markup in the fragment', fragment: `v1.${encodeURIComponent(PAYLOAD)}`, message: /damaged/ },
  { name: 'an oversized link', fragment: `v1.${'A'.repeat(70_000)}`, message: /too long/ },
  { name: 'a decompression bomb', fragment: bombFragment(), message: /unpacks to far more/ },
  { name: 'not a Sidecar Lab link', fragment: 'code/N4IgLgpgTgzg9gOwgLhAJhgTQ', message: /does not hold a Sidecar Lab scenario/ },
];

// One test for the eight links: the user's work is typed and saved once; each link is a step
// (named as its own test used to be) that opens it in a fresh page load over that work, and ends
// with the work typed back and saved, as the next link expects to find it.
test('hostile links: each says why, leaves a working app and the saved work, executes nothing', async ({ page }, info) => {
  test.setTimeout(30_000 * LINKS.length);
  const nothingExecuted = await withMyWork(page);
  for (const h of LINKS) {
    await test.step(`${h.name}: says why, leaves a working app and the saved work, executes nothing`, async () => {
      await gotoFresh(page, `/#${h.fragment}`);
      await waitForApp(page);
      const banner = page.getByTestId('share-banner');
      await expect(banner).toBeVisible();
      await expect(banner).toHaveAttribute('role', 'alert');
      await expect(banner).toContainText(h.message);
      expect(await editorText(page)).toBe(MY_WORK);
      expect(await savedText(page)).toBe(MY_WORK);
      await expect(myLane(page)).toBeAttached();
      await expect(page.getByTestId('open-dialog')).not.toBeVisible();
      await stillResponsive(page);
      await nothingExecuted();
      await screenshot(page, info, h.name);

      // Still a working app: an edit simulates and is saved.
      const edited = MY_WORK.replace('name: my-own-pod', 'name: my-edited-pod');
      await replaceEditorText(page, edited);
      await expect(page.locator('[data-testid="lane"][data-container="my-edited-pod"]')).toBeAttached();
      await expect.poll(() => savedText(page)).toBe(edited);
      await banner.getByRole('button', { name: 'Dismiss this message' }).click();
      await expect(banner).toHaveCount(0);

      // The user's work again, saved, for the next link.
      await replaceEditorText(page, MY_WORK);
      await expect(myLane(page)).toBeAttached();
      await expect.poll(() => savedText(page)).toBe(MY_WORK);
    });
  }
});

test('a scenario that would crash-loop for a year stops at the budget and says so at until', async ({ page }, info) => {
  test.setTimeout(120_000); // a run of 50,000 events on a shared 2-core machine
  const nothingExecuted = await withMyWork(page);
  await replaceEditorText(page, CRASH_LOOP_FOR_A_YEAR);
  // The bound catches a run that never ends, not a slow one.
  await expectProblem(page, /the simulation stopped early, at \d+ h( \d+ min)? of 8760 h: it reached the budget of 50,000 trace events/, lineOf(CRASH_LOOP_FOR_A_YEAR, 'until:'), 60_000);
  await expect(page.locator('[data-testid="lane"][data-container="forever"]')).toBeAttached();
  expect(await page.evaluate(() => window.__sidecarLabStore!.getState().trace?.truncated?.reason)).toBe('events');
  // The legend explains the cut's mark, and the cursor reads in hours too.
  await expect(page.locator('.legend-mark.mark-truncated')).toHaveText('simulation stopped early');
  await expect(page.locator('.cursor-rough')).toHaveText(/^ \(\d+ h( \d+ min)?\)$/);
  await screenshot(page, info, 'stopped');
  await stillResponsive(page);
  await nothingExecuted();
  await undoBringsMyWorkBack(page);
  await expect(page.locator('.legend-mark.mark-truncated')).toHaveCount(0);
});

/** The engine worker as built, made slow: a text holding SLOW-ENGINE keeps it busy for 30 s, saying how far it is. */
async function slowEngine(page: Page) {
  await page.route('**/assets/engine.worker-*.js', async (route) => {
    const real = await route.fetch();
    const body = `${await real.text()}
const realOnMessage = self.onmessage;
self.onmessage = (event) => {
  if (event.data.text.includes('SLOW-ENGINE')) {
    const start = performance.now();
    let said = start;
    while (performance.now() - start < 30000) {
      if (performance.now() - said > 200) {
        said = performance.now();
        self.postMessage({ id: event.data.id, kind: 'progress', t: Math.round((said - start) / 10), horizon: 3000 });
      }
    }
  }
  realOnMessage(event);
};`;
    await route.fulfill({ response: real, body });
  });
}

test('a long run shows how far it is, keeps the page responsive, and an edit cancels it instead of waiting', async ({ page }, info) => {
  await slowEngine(page);
  const nothingExecuted = await withMyWork(page);
  await page.evaluate(() => {
    const w = window as unknown as { __sawSlow: boolean };
    w.__sawSlow = false;
    window.__sidecarLabStore!.subscribe((s) => { if (s.podName === 'slow-pod') w.__sawSlow = true; });
  });
  await replaceEditorText(page, `${MY_WORK.replace('name: my-own-pod', 'name: slow-pod')}# SLOW-ENGINE\n`);
  await expect(page.getByTestId('run-progress')).toContainText(/simulating… \d.* of 50 min/);
  await screenshot(page, info, 'progress');
  await stillResponsive(page);
  // The edit does not wait the 30 s: the busy worker is replaced and the new text simulates now.
  await replaceEditorText(page, MY_WORK.replace('name: my-own-pod', 'name: edited-pod'));
  await expect(page.locator('[data-testid="lane"][data-container="edited-pod"]')).toBeAttached({ timeout: 15_000 });
  await expect(page.getByTestId('run-progress')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __sawSlow: boolean }).__sawSlow)).toBe(false);
  await expect(page.getByRole('alert').filter({ hasText: /did not answer/ })).toHaveCount(0);
  await nothingExecuted();
});

test('an engine worker that stops answering is replaced and the user told; the tab never freezes', async ({ page }) => {
  // The engine worker, as built, plus a bug: a text holding HANG-THE-ENGINE makes it spin forever.
  await page.route('**/assets/engine.worker-*.js', async (route) => {
    const real = await route.fetch();
    const body = `${await real.text()}
const realOnMessage = self.onmessage;
self.onmessage = (event) => { if (event.data.text.includes('HANG-THE-ENGINE')) { for (;;) {} } realOnMessage(event); };`;
    await route.fulfill({ response: real, body });
  });
  const nothingExecuted = await withMyWork(page);
  await replaceEditorText(page, `${MY_WORK}# HANG-THE-ENGINE\n`);
  await expect(page.getByRole('alert').filter({ hasText: /did not answer within 3 s, so it was restarted/ })).toBeVisible({ timeout: 15_000 });
  await stillResponsive(page);
  await expect(myLane(page)).toBeAttached();

  // The replacement worker simulates the next edit.
  await replaceEditorText(page, MY_WORK.replace('name: my-own-pod', 'name: back-again'));
  await expect(page.locator('[data-testid="lane"][data-container="back-again"]')).toBeAttached({ timeout: 15_000 });
  await expect(page.getByRole('alert').filter({ hasText: /did not answer/ })).toHaveCount(0);
  await nothingExecuted();
});

// A cursor far along a long run, by link or by `?t=`: Share, the address bar and the embed
// snippet write it (the link writer threw "varint out of range" past 24.8 days), and an absurd
// `?t=` is clamped with no exception.
test.describe('a cursor far along a long run', () => {
  const DAYS_100 = 100 * 24 * 3600;
  const LONG_RUN = `apiVersion: v1
kind: Pod
metadata: { name: long-runner }
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done']
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 4000h
`;

  const pageErrors = (page: Page) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return errors;
  };

  test('a cursor at 100 days: Share, the address bar and the embed snippet hold it', async ({ page }) => {
    const errors = pageErrors(page);
    const nothingExecuted = await watchForExecution(page);
    await gotoFresh(page, linkTo({ text: LONG_RUN, cursor: DAYS_100 }));
    await waitForApp(page);
    await expect(page.locator('[data-testid="lane"][data-container="app"]')).toBeAttached();
    await expect.poll(() => page.evaluate(() => window.__sidecarLabStore!.getState().cursorTime)).toBe(DAYS_100);
    await page.getByTestId('share').click();
    const link = await page.getByTestId('share-link').inputValue();
    const shared = decodeFragment(new URL(link).hash);
    expect(shared).toMatchObject({ ok: true, state: { text: LONG_RUN, cursor: DAYS_100 } });
    expect(await page.getByTestId('share-embed').inputValue()).toContain('/embed/#v1.');
    // The address bar follows an edit, cursor and all.
    await replaceEditorText(page, LONG_RUN.replace('long-runner', 'long-runner-2'));
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('v1.');
    await expect.poll(async () => {
      const d = decodeFragment(await page.evaluate(() => location.hash));
      return d?.ok ? d.state.text.includes('long-runner-2') : false;
    }).toBe(true);
    expect(errors).toEqual([]);
    await stillResponsive(page);
    await nothingExecuted();
  });

  for (const t of ['1e308', 'Infinity']) {
    test(`?t=${t} is clamped, with no exception`, async ({ page }) => {
      const errors = pageErrors(page);
      await gotoFresh(page, `/?t=${t}${linkTo({ text: LONG_RUN }).slice(1)}`);
      await waitForApp(page);
      await expect(page.locator('[data-testid="lane"][data-container="app"]')).toBeAttached();
      const cursor = await page.evaluate(() => window.__sidecarLabStore!.getState().cursorTime);
      expect(cursor).toBeLessThanOrEqual(366 * 24 * 3600);
      await expect(page.getByTestId('cursor-time')).toHaveText(/^\d+(\.\d+)?$/);
      await page.getByTestId('share').click();
      expect(decodeFragment(new URL(await page.getByTestId('share-link').inputValue()).hash)).toMatchObject({ ok: true });
      expect(errors).toEqual([]);
      await stillResponsive(page);
    });
  }
});

// 85,000 keys: the parser's duplicate-key check was quadratic (38 s), so the engine was taken for
// hung and restarted, again and again, and the inject buttons froze the tab parsing the same text.
test.describe('a scenario with 85,000 keys', () => {
  test('simulates, and an inject button answers at once', async ({ page }) => {
    test.setTimeout(90_000);
    const nothingExecuted = await withMyWork(page);
    const labels = Array.from({ length: 85_000 }, (_, i) => `    label-${i}: v\n`).join('');
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: labelled\n  labels:\n${labels}spec:\n  containers:\n    - name: app\n      image: busybox:1.36\n      command: ['sh', '-c', 'sleep 3600']\n---\napiVersion: sidecar-lab/v1\nkind: Simulation\nuntil: 2m\n`;
    await page.evaluate((t) => window.__sidecarLabStore!.getState().setText(t), text);
    await expect(myLane(page)).toHaveCount(0, { timeout: 30_000 });
    await expect(page.locator('[data-testid="lane"][data-container="labelled"]')).toBeAttached({ timeout: 30_000 });
    await expect(page.getByTestId('problems')).not.toContainText(/engine|restart/i);
    const started = Date.now();
    await page.locator('[data-testid="inject"][data-action="crash"][data-container="app"]').click();
    await expect.poll(() => page.evaluate(() => window.__sidecarLabStore!.getState().text.includes('do: crash'))).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
    await expect(page.locator('[data-testid="lane"][data-container="app"]')).toBeAttached();
    await stillResponsive(page);
    await nothingExecuted();
  });
});

// Storage that refuses and tabs that race: the user's work is never lost without a word.
test.describe('nothing lost: a full storage, two tabs', () => {
  /** Makes every localStorage write throw, as a full quota does, from the page's first script on. */
  async function fillStorage(page: Page) {
    await page.addInitScript(() => {
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
        if (this === window.localStorage && (window as unknown as { __storageFull?: boolean }).__storageFull !== false) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        real.call(this, key, value);
      };
    });
  }

  test('a storage that refuses to save says so where everyone hears it, and exports the work as a .yaml file', async ({ page }, info) => {
    const nothingExecuted = await watchForExecution(page);
    await fillStorage(page);
    await openApp(page);
    await replaceEditorText(page, MY_WORK);
    const notice = page.getByTestId('storage-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toHaveAttribute('role', 'alert');
    await expect(notice).toContainText('Your work is not being saved');
    await screenshot(page, info, 'notice');
    const download = page.waitForEvent('download');
    await notice.getByRole('button', { name: 'Export pod-my-own-pod.yaml' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('pod-my-own-pod.yaml');
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(await file.path(), 'utf8')).toBe(MY_WORK);
    await stillResponsive(page);

    // Room again: the next save works and the notice goes.
    await page.evaluate(() => { (window as unknown as { __storageFull?: boolean }).__storageFull = false; });
    await replaceEditorText(page, MY_WORK.replace('sleep 25', 'sleep 26'));
    await expect(notice).toHaveCount(0);
    await nothingExecuted();
  });

  test('two tabs on one scenario: the other tab\'s save is said, and both versions end up in History', async ({ page, context }) => {
    await openApp(page);
    await replaceEditorText(page, MY_WORK);
    await expect.poll(() => savedText(page)).toBe(MY_WORK);
    await expect.poll(() => page.url()).toMatch(/#v1\./);
    const other = await context.newPage();
    await other.goto(page.url());
    await waitForApp(other);
    const theirs = MY_WORK.replace('name: my-own-pod', 'name: other-tab-pod');
    await replaceEditorText(other, theirs);
    await expect.poll(() => savedText(other)).toBe(theirs);

    // The first tab hears of it, keeps its own text, and keeps both.
    await expect(page.getByTestId('share-banner')).toContainText('changed in another tab');
    expect(await editorText(page)).toBe(MY_WORK);
    await page.getByTestId('history').click();
    const entries = page.getByTestId('history-entry');
    await expect(entries.filter({ hasText: 'Pod my-own-pod' })).toHaveCount(1);
    await page.keyboard.press('Escape');

    // Reloading the first tab brings its own text back, without asking about "the shared scenario".
    await expect.poll(() => page.url()).toMatch(/#v1\./);
    await page.reload();
    await waitForApp(page);
    await expect(page.getByTestId('open-dialog')).not.toBeVisible();
    await expect.poll(() => editorText(page)).toBe(MY_WORK);
    await page.getByTestId('history').click();
    await expect(entries.filter({ hasText: 'Pod other-tab-pod' })).toHaveCount(1);
    await other.close();
  });
});

// A short link that hung the tab (issue 17, finding 1): a Job whose pod fails at once, retried
// 100,000 times, simulated for 400 h, made 2,501 pods (2,778 since the Job runs on one node, [16.3]: its
// back-off counts from the container's exit, and the image stays on the node). Drawn in full that was 5,002 lanes and
// ~152,000 DOM nodes: 10–12 s frozen on open, ~8 s a keystroke. The drawing budget draws the
// first and last pods, one summary row for the rest, and the pods the user picks.
test.describe('a Job of 2,501 pods by link', () => {
  const RETRY_FOREVER = readFileSync(new URL('../src/cli/fixtures/job-retry-forever.yaml', import.meta.url), 'utf8');
  const podLanes = (page: Page) => page.locator('[data-testid="lane"][data-kind="pod"]');

  /** Opens the link; the run itself (50,000 events in the worker) takes seconds on a loaded machine. */
  async function openRetryForever(page: Page) {
    await gotoFresh(page, linkTo({ text: RETRY_FOREVER }));
    await expect(page.locator('[data-testid="editor"][data-ready="true"]')).toBeVisible({ timeout: 60_000 });
    const summary = page.getByTestId('timeline-summary');
    const restarted = page.getByRole('alert').filter({ hasText: /did not answer/ });
    // With a dozen browsers and builds sharing two cores, the engine's 3 s watchdog may take the
    // 50,000-event run for a hang (the worker's business, not the drawing's): as the alert says,
    // an edit runs it again.
    for (let attempt = 1; ; attempt++) {
      await expect(summary.or(restarted).first()).toBeVisible({ timeout: 60_000 });
      if (await restarted.count() === 0 || attempt === 3) break;
      console.log(`the engine was restarted under load (attempt ${attempt}); editing to run it again`);
      await page.evaluate((t) => window.__sidecarLabStore!.getState().setText(t), `${RETRY_FOREVER}${'\n'.repeat(attempt)}`);
      await expect(restarted).toHaveCount(0);
    }
    await expect(summary).toHaveCount(1);
  }

  test('opens responsive, draws a bounded timeline with a summary row and a picked pod in full, at 390 px and in presenter mode', async ({ page }, info) => {
    test.setTimeout(300_000);
    const nothingExecuted = await watchForExecution(page);
    await openRetryForever(page);
    await expect(podLanes(page).first()).toHaveAttribute('data-container', 'retry-forever-2s8cl');
    await screenshot(page, info, 'opened');
    await stillResponsive(page);
    // Bounded: a dozen pods drawn, the DOM small, one sentence for the rest.
    expect(await podLanes(page).count()).toBe(12);
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(6000);
    const summary = page.getByTestId('timeline-summary');
    await expect(summary).toHaveCount(1);
    await expect(summary).toContainText(/^…and 2,766 more pods: all Failed \(Error\); retry-forever-r10 to retry-forever-r2775$/);
    await expect(page.getByTestId('pod-picker')).toContainText('Drawing 12 of 2,778 pods: the first 10 and the last 2.');
    await expect(podLanes(page).last()).toHaveAttribute('data-container', 'retry-forever-r2777');
    await expect(page.locator('[data-testid="lane"][data-kind="pod"] g.subrow[data-row="STATUS"]').first()).toBeAttached();
    await page.getByTestId('feature-gates').evaluate((el) => { (el as HTMLDetailsElement).open = false; });
    await summary.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e/screenshots/job-of-2501-pods-summary.png' });

    // A keystroke in the editor is handled at once (it took ~8 s).
    await page.locator('[data-testid="editor"] .view-lines').click();
    await page.keyboard.press('ControlOrMeta+End');
    const typed = Date.now();
    await page.keyboard.type('#');
    await expect.poll(() => editorText(page), { timeout: 3000 }).toMatch(/#$/);
    expect(Date.now() - typed).toBeLessThan(3000);
    await stillResponsive(page);

    // Picking pod #1200 draws it and the nine after it, with two summary rows around them.
    await page.getByTestId('pod-picker').getByLabel('Show pods from #').fill('1200');
    await expect(page.locator('[data-testid="lane"][data-container="retry-forever-r1199"]')).toBeAttached();
    expect(await podLanes(page).count()).toBe(22);
    await expect(page.getByTestId('timeline-summary')).toHaveText([
      /^…and 1,189 more pods: all Failed \(Error\); retry-forever-r10 to retry-forever-r1198$/,
      /^…and 1,567 more pods: all Failed \(Error\); retry-forever-r1209 to retry-forever-r2775$/,
    ]);
    await stillResponsive(page);

    // At 390 px, then in presenter mode, the budget holds and the page answers.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('timeline-summary').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e/screenshots/job-of-2501-pods-summary-390.png' });
    await stillResponsive(page);
    await page.getByTestId('feature-gates').evaluate((el) => { (el as HTMLDetailsElement).open = false; });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('present').click();
    await expect(page.getByTestId('narration')).toBeVisible();
    await page.getByTestId('present-next').click();
    await expect(page.getByTestId('narration').locator('.presenter-why')).not.toBeEmpty();
    expect(await podLanes(page).count()).toBe(22);
    const lag = await page.evaluate(() => new Promise<number>((r) => { const s = performance.now(); setTimeout(() => r(performance.now() - s), 0); }));
    expect(lag).toBeLessThan(2000);
    await screenshot(page, info, 'present');
    await nothingExecuted();
  });
});
