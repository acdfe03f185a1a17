// Downloads: the timeline as SVG and PNG (framed by a title, the version, the cursor and the legend),
// the trace as JSON; and the run as `kubectl get pod -w` lines to copy.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/a11y';
import { guardNetwork, openApp, screenshot, waitForApp } from './support/app';
import { revealTool } from './support/more';

test.afterEach(async ({ page }, info) => screenshot(page, info));

async function download(page: Page, testId: string) {
  const control = await revealTool(page, testId);
  const [file] = await Promise.all([
    // An export that makes no file says why in the live region (exportCommands' sayWhyNot): name it.
    page.waitForEvent('download').catch(async (e: Error) => {
      throw new Error(`${e.message}; the page said: "${await page.getByTestId('notice').textContent()}"`);
    }),
    control.click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), data: readFileSync(path) };
}

// One page: the downloads, then the kubectl -w lines (each once a test of its own).
test('export downloads the timeline as SVG and PNG and the trace as JSON; the kubectl get pod -w lines open as text to copy', async ({ page, context }) => {
  test.setTimeout(30_000 * 2); // the two tests it replaces had 30 s each
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await test.step('export downloads the timeline as SVG and PNG and the trace as JSON', async () => {
    const svg = await download(page, 'export-svg');
    expect(svg.name).toBe('timeline.svg');
    const text = svg.data.toString('utf8');
    expect(text).toMatch(/^<\?xml/);
    expect(text).toContain('<svg');
    expect(text).toContain('istio-proxy');
    expect(text).toContain('data-testid="lane"');

    const png = await download(page, 'export-png');
    expect(png.name).toBe('timeline.png');
    expect([...png.data.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.data.length).toBeGreaterThan(5000);
    mkdirSync('e2e/screenshots', { recursive: true });
    writeFileSync('e2e/screenshots/exported-timeline.png', png.data); // to look at
    writeFileSync('e2e/screenshots/exported-timeline.svg', svg.data);

    const json = await download(page, 'export-json');
    expect(json.name).toBe('myapp-pod-trace.json');
    const trace = JSON.parse(json.data.toString('utf8'));
    expect(trace.schema).toBe('sidecar-lab.trace/v1');
    expect(trace.containers.map((c: { name: string }) => c.name)).toContain('istio-proxy');
  });
  await test.step('the kubectl get pod -w lines of the run open as text to copy', async () => {
    await page.getByTestId('kubectl-watch').click();
    const dialog = page.getByTestId('kubectl-watch-dialog');
    await expect(dialog).toBeVisible();
    const text = await page.getByTestId('kubectl-watch-text').textContent();
    const lines = (text ?? '').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME {3,}READY {3,}STATUS {3,}RESTARTS {3,}AGE$/);
    expect(lines[1]).toMatch(/^myapp-pod {3,}0\/2 {3,}Init:0\/3 {3,}0 {3,}0s$/);
    expect(lines.at(-1)).toMatch(/^myapp-pod +\d\/2 +\S+ +\d+.* +\d+(s|m\d*s?)$/);
    await page.getByTestId('kubectl-watch-copy').click();
    await expect(dialog.getByRole('status')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await expectNoAxeViolations(page, 'light', 'kubectl -w dialog');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('kubectl-watch')).toBeFocused();
  });
});

test('the exported SVG carries the title, the version, the legend and the cursor, with a hostile title as text', async ({ page }) => {
  const title = '<img src=x onerror="window.__pwned=1"> Termination & order';
  await guardNetwork(page);
  await page.goto(`/?title=${encodeURIComponent(title)}&t=5`);
  await waitForApp(page);
  await expect(page.getByTestId('cursor-time')).toHaveText(/^5/);
  const version = await page.getByTestId('k8s-version').inputValue();
  const svg = await download(page, 'export-svg');
  const texts = svgTexts(svg.data.toString('utf8'));
  expect(svgTitle(svg.data.toString('utf8'))).toBe(`${title} — pod myapp-pod (Kubernetes ${version})`);
  expect(texts.some((t) => t.startsWith(`${title} — pod`))).toBe(true);
  expect(texts).toContain(`Kubernetes ${version}`);
  expect(texts.some((t) => /^Cursor at 5 s — kubectl get pod: READY \S+ · STATUS \S+ · RESTARTS \d+/.test(t))).toBe(true);
  for (const label of ['running', 'back-off', 'restart (dashed)', 'preStop', 'probe failed (threshold)', 'stop signal sent']) expect(texts).toContain(label);
  expect(svg.data.toString('utf8')).not.toContain('<img');
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  // The marks are drawn in the theme's colours (--mark-stroke and the Scheduled mark's
  // --mark-scheduled-stroke, timeline.css), also after the theme changes: the export takes them
  // from the timeline, which reads them again for a new theme.
  expect(markStrokes(svg.data.toString('utf8'))).toEqual(['#0072b2', '#1d232c']);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = await download(page, 'export-svg');
  expect(markStrokes(dark.data.toString('utf8'))).toEqual(['#56b4e9', '#e6eaf0']);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  const png = await download(page, 'export-png');
  mkdirSync('e2e/screenshots', { recursive: true });
  writeFileSync('e2e/screenshots/exported-timeline-titled.png', png.data);
  // The picture is taller than the timeline on screen: the header and the legend are in it.
  const onScreen = await page.getByTestId('timeline').boundingBox();
  expect(png.data.readUInt32BE(20) / 2).toBeGreaterThan((onScreen?.height ?? 0) + 60);

  // On a phone the title is cut to the width and the legend wraps onto more rows.
  await page.setViewportSize({ width: 390, height: 800 });
  await expect.poll(async () => (await page.getByTestId('timeline').boundingBox())?.width ?? 0).toBeLessThan(400);
  // The toolbar moves its downloads behind "More" when React sees the media query change, which can
  // come after the layout has shrunk: wait for that move, or revealTool finds PNG still in its row.
  await expect(page.getByTestId('toolbar-more')).toBeVisible();
  const narrow = await download(page, 'export-png');
  writeFileSync('e2e/screenshots/exported-timeline-390.png', narrow.data);
  expect(narrow.data.readUInt32BE(16) / 2).toBeLessThan(400);
});

/** The distinct strokes of the marks' glyphs (the `<g class="marks">` paths) in an exported SVG. */
function markStrokes(xml: string): string[] {
  const marks = /<g class="marks">([\s\S]*?)<\/g>/.exec(xml)?.[1] ?? '';
  return [...new Set([...marks.matchAll(/stroke="([^"]+)"/g)].map((m) => m[1]!))].sort();
}

/** The SVG's own <title>, unescaped. */
function svgTitle(xml: string): string {
  return decodeXml(/<title>([^<]*)<\/title>/.exec(xml)?.[1] ?? '');
}

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** The text nodes of an SVG, read without a DOM (the spec runs in Node). */
function svgTexts(xml: string): string[] {
  return [...xml.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => decodeXml(m[1]!));
}
