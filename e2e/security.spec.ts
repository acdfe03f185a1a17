// The built app is locked down: a Content-Security-Policy allows only its own scripts and workers
// (no eval, no remote host), and loading, editing and simulating trigger no violation.

import { expect, test } from '@playwright/test';
import { openApp, replaceEditorText, screenshot } from './support/app';

test('the Content-Security-Policy holds while the app loads, edits and simulates', async ({ page }, info) => {
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
});
