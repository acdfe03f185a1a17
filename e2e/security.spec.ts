// The built app is locked down: a Content-Security-Policy allows only its own scripts and workers
// (no eval, no remote host), and loading, editing and simulating trigger no violation.

import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { openApp, replaceEditorText, screenshot } from './support/app';

const headersOf = async (page: Page, path: string) => {
  const r = await page.request.get(path);
  expect(r.status(), path).toBe(200);
  return r.headers();
};

test('the Content-Security-Policy holds while the app loads, edits and simulates; the page and every worker script get it as a header', async ({ page }, info) => {
  test.setTimeout(30_000 * 2); // the two tests it replaces had 30 s each
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const outside = await openApp(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');

  // Markup and script in a container name stay text: nothing runs, nothing is injected.
  const hostile = `apiVersion: v1
kind: Pod
metadata:
  name: "<img src=x onerror=alert(1)>"
spec:
  containers:
    - name: app
      image: "<script>window.__pwned = true</script>"
      command: ['sh', '-c', 'sleep 5']
`;
  await replaceEditorText(page, hostile);
  await expect(page.getByTestId('problems')).toContainText('metadata.name');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);

  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  expect(outside).toEqual([]);
  await screenshot(page, info);

  // The policy as HTTP headers (below): every worker the page started, the page, the embed.
  await test.step('the page and every worker script get the policy; only the embed is framable', async () => {
    await expect.poll(() => workers.length).toBeGreaterThan(0);
    for (const url of workers) {
      const h = await headersOf(page, url);
      expect(h['content-security-policy'], url).toContain("script-src 'self'");
      expect(h['content-security-policy'], url).not.toContain('unsafe-eval');
    }
    const app = await headersOf(page, '/');
    expect(app['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(app['x-frame-options']).toBe('DENY');
    expect(app['x-content-type-options']).toBe('nosniff');
    for (const embed of ['/embed/', '/?embed', '/?embed=1']) {
      const h = await headersOf(page, embed);
      expect(h['content-security-policy'], embed).toContain("script-src 'self'");
      expect(h['content-security-policy'], embed).not.toContain('frame-ancestors');
      expect(h['x-frame-options'], embed).toBeUndefined();
    }
    expect((await headersOf(page, '/?embed=0'))['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});

// The policy as HTTP headers (csp.ts): a <meta> policy does not reach workers loaded by URL and
// cannot say who may frame the page. The full app may not be framed; the embedded view may, at
// its own path and through the `?embed` links made before it had one.
test.describe('the policy as HTTP headers', () => {
  test('another site cannot frame the full app, and can frame the embed (its path and old ?embed links)', async ({ browser, baseURL }) => {
    const other = await browser.newContext();
    const host = await other.newPage();
    // A page of no origin of ours (Chromium's local-network checks keep a routed public host
    // from framing 127.0.0.1 at all, whatever the headers say).
    await host.setContent(`<!doctype html><title>A blog post</title>
      <iframe id="embed" src="${baseURL}embed/" width="600" height="300"></iframe>
      <iframe id="old" src="${baseURL}?embed" width="600" height="300"></iframe>
      <iframe id="app" src="${baseURL}" width="600" height="300"></iframe>`);
    await expect(host.frameLocator('#embed').getByTestId('embed')).toBeVisible();
    await expect(host.frameLocator('#old').getByTestId('embed')).toBeVisible();
    await expect(host.frameLocator('#embed').getByTestId('editor')).toHaveCount(0);
    // The full app's frame shows the browser's error page: it refused to render the app there.
    await expect.poll(() => host.frames().filter((f) => f.url().startsWith('chrome-error:')).length).toBe(1);
    await expect(host.frameLocator('#app').getByTestId('timeline')).toHaveCount(0);
    await expect(host.frameLocator('#app').locator('#root')).toHaveCount(0);
    await other.close();
  });
});
