// The specs' `test`: Playwright's, with each worker's pages opened in one browser profile kept
// from test to test (a "warm profile"), so that Chromium compiles the app's code once per worker
// instead of once per test (issue 16).
//
// Why: a new browser context is incognito, and an incognito context keeps no V8 code cache, so
// every test used to compile Monaco's 3.5 MB again. A persistent profile (one user-data dir per
// worker) keeps the HTTP cache and the code cache on disk. Measured on the built app, CPU time of
// the browser, the test server and the runner per page load (openApp, 2-core VM, load ~15):
// a fresh context 2.9–3.1 s; one incognito context reused 2.6–2.9 s; the warm profile 2.0–2.2 s
// from its second load on. Intercepting requests (page.route / context.route) turns the cache off
// for as long as a route is set (Playwright sends Network.setCacheDisabled), hence the network
// guard of support/app.ts records requests instead of routing them; the proxy that blocks them is
// in playwright.config.ts.
//
// Isolation, as a fresh context gave it: before each test the profile is reset to what a new
// context holds — no page open, no route, no permission, no cookie, and the app origin's local
// storage, IndexedDB, service workers and Cache Storage cleared (CDP Storage.clearDataForOrigin;
// the HTTP cache and the code cache stay: the app's address answers `no-cache`, so it is
// revalidated, and every other file's name carries its hash). Each test gets a page of its own
// (its own sessionStorage, init scripts and emulated media die with it); as in any persistent
// context, that page is open from the start, at the site's blank.html (`openFromKeepAlive`):
// `context.pages()` holds it (beside the keep-alive page below).
// - `test.use({ viewport })` and `test.use({ colorScheme / reducedMotion / forcedColors /
//   contrast })` apply to the test's `page` from its first paint (setViewportSize, emulateMedia);
//   a page the test opens itself in the same context starts at the profile's defaults.
// - Any other context option that differs (isMobile, hasTouch, locale, permissions, storageState,
//   …) gets a fresh context from the same browser, as before: no warm code cache there.
// - `browser.newContext()` in a test still makes a fresh (cold) context of the same browser.
// - Never `context.addInitScript` or `exposeBinding` in a warm test (they cannot be taken back):
//   use `page.addInitScript`, or a fresh context.
// A spec that imports `test` from '@playwright/test' itself still runs, in fresh contexts.
//
// The profile also keeps one blank page of the app's site open for its whole life (`keepAlive`,
// never handed to a test). Chromium gives pages of one site the same renderer process
// (`--process-per-site` in playwright.config.ts makes that certain), so each test's page starts
// in a process that is already running and whose V8 still holds much of the app's compiled code;
// without it, closing the last page ended the process and the next test paid for a new one and
// for compiling every module script again (Chromium keeps no code cache for module scripts). A
// trace of the third load in one profile: V8's background parsing 1.46 s without the page, 0.79 s
// with it, and its main-thread compiling 0.98 s against 0.34 s. The
// whole e2e suite, same machine, same hour, in a cgroup: 11.3 min and 1,305 s of CPU without it,
// 9.0 min and 1,031 s with it (2026-12-05, 112 tests, all passed both times). The flag alone,
// without the page, changed nothing (3 specs, 26 tests: 261 s of CPU against 266 and 290 s).

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';

export { expect } from '@playwright/test';

/** What Playwright gives a new context when the config says nothing (its option fixtures' defaults). */
const NEUTRAL: BrowserContextOptions = {
  acceptDownloads: true, bypassCSP: false, colorScheme: 'light', contrast: 'no-preference', forcedColors: 'none',
  reducedMotion: 'no-preference', hasTouch: false, ignoreHTTPSErrors: false, isMobile: false, javaScriptEnabled: true,
  locale: 'en-US', offline: false, serviceWorkers: 'allow',
  // Named, so that Playwright does not fill them in from the first test's options (not `proxy`:
  // here it would override the launch's, playwright.config.ts).
  deviceScaleFactor: undefined, geolocation: undefined, httpCredentials: undefined, permissions: undefined,
  screen: undefined, storageState: undefined, timezoneId: undefined, userAgent: undefined,
};

/** Options a page can take on by itself, from its first paint. */
const PER_PAGE = new Set<keyof BrowserContextOptions>(['viewport', 'colorScheme', 'reducedMotion', 'forcedColors', 'contrast']);

/** Cleared before each test for the app's origin: what a new context would not have. */
const SITE_DATA = 'cookies,file_systems,indexeddb,local_storage,websql,service_workers,cache_storage';

interface WarmProfile {
  context: BrowserContext;
  /**
   * A blank page of the app's site, open for the profile's life (reopened should it crash or
   * close): its renderer process, and the code V8 compiled in it, outlive each test.
   */
  keepAlive: Page;
  keepAliveUrl: string;
  /** The options it was launched with (the config's `use` over NEUTRAL). */
  options: BrowserContextOptions;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Back to what a new context holds (see the file's comment), with one blank page open: the
 * test's `page` (openFromKeepAlive), through which the site data are cleared (a page of its own
 * for that cost ~0.2 s).
 */
async function reset(profile: WarmProfile, origins: string[]): Promise<Page> {
  const { context, options } = profile;
  await Promise.all(context.pages().filter((p) => p !== profile.keepAlive).map((p) => p.close()));
  if (profile.keepAlive.isClosed()) profile.keepAlive = await openKeepAlive(context, profile.keepAliveUrl);
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.clearPermissions();
  await context.clearCookies();
  await context.setExtraHTTPHeaders(options.extraHTTPHeaders ?? {});
  await context.setOffline(false);
  const page = await openFromKeepAlive(profile);
  const cdp = await context.newCDPSession(page);
  for (const origin of origins) await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: SITE_DATA });
  await cdp.detach();
  return page;
}

/**
 * A new page for the test, at the site's blank.html, opened by the keep-alive page with
 * `window.open(…, 'noopener')`: a page of its own (no opener, a new browsing context group, its
 * own sessionStorage, listeners, init scripts, routes and emulation), which starts in the renderer
 * process that already runs the app's site, where a page the browser opens (`context.newPage()`)
 * started a process of its own first, which the first navigation to the app then left. Measured in
 * a warm profile, a page opened at blank.html and closed: 0.44-0.61 s of CPU through newPage,
 * 0.28-0.33 s this way (twice, 12 pages each). Not `about:blank`: a window opened there keeps the
 * opener's process but Playwright reports none of its requests until it navigates to an address
 * (offline.spec.ts's guard test caught it).
 */
async function openFromKeepAlive(profile: WarmProfile): Promise<Page> {
  const [page] = await Promise.all([
    profile.context.waitForEvent('page'),
    profile.keepAlive.evaluate((url) => { window.open(url, '_blank', 'noopener'); }, profile.keepAliveUrl),
  ]);
  await page.waitForLoadState();
  return page;
}

/** The keep-alive page (WarmProfile); one that crashes is closed, and reset() opens another. */
async function openKeepAlive(context: BrowserContext, url: string, page?: Page): Promise<Page> {
  const p = page ?? await context.newPage();
  p.on('crash', () => void p.close().catch(() => {}));
  await p.goto(url);
  return p;
}

/**
 * E2E_SCREENSHOTS=0 (npm test sets it): the screenshots saved for a human to look at
 * (support/app.ts's `screenshot`, and a spec's own `page.screenshot({ path })`) are not taken.
 * No check reads one; each cost the browser a capture and a PNG encoding.
 */
function skipScreenshots(page: Page): void {
  page.screenshot = async () => Buffer.alloc(0);
}

type WarmFixtures = { _warm: boolean };
type WarmWorkerFixtures = { _warmProfile: WarmProfile };

export const test = base.extend<WarmFixtures, WarmWorkerFixtures>({
  _warmProfile: [async ({ playwright }, use, workerInfo) => {
    const { viewport, baseURL, extraHTTPHeaders } = workerInfo.project.use;
    const options: BrowserContextOptions = { ...NEUTRAL, viewport, baseURL, extraHTTPHeaders };
    const dir = await mkdtemp(join(tmpdir(), 'sidecar-lab-e2e-profile-'));
    // The launch options (executable, arguments, proxy, headless) are the config's: Playwright
    // applies them to every launch in a worker.
    const context = await playwright.chromium.launchPersistentContext(dir, options);
    const keepAliveUrl = new URL('blank.html', baseURL ?? 'http://127.0.0.1/').href;
    const keepAlive = await openKeepAlive(context, keepAliveUrl, context.pages()[0]);
    await use({ context, options, keepAlive, keepAliveUrl });
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }, { scope: 'worker', timeout: 60_000 }],

  // Every test of a spec that imports this `test` uses the warm profile's browser, so one
  // Chromium runs per worker.
  browser: [async ({ _warmProfile }, use) => {
    await use(_warmProfile.context.browser()!);
  }, { scope: 'worker' }],

  _warm: [async ({ acceptDownloads, bypassCSP, deviceScaleFactor, extraHTTPHeaders, geolocation, hasTouch, httpCredentials,
    ignoreHTTPSErrors, isMobile, javaScriptEnabled, locale, offline, permissions, proxy, screen, storageState, timezoneId,
    userAgent, serviceWorkers, baseURL, viewport, contextOptions, _warmProfile }, use) => {
    const asked: BrowserContextOptions = {
      acceptDownloads, bypassCSP, deviceScaleFactor, extraHTTPHeaders, geolocation, hasTouch, httpCredentials,
      ignoreHTTPSErrors, isMobile, javaScriptEnabled, locale, offline, permissions, proxy, screen, storageState, timezoneId,
      userAgent, serviceWorkers, baseURL,
    };
    const fits = Object.keys(contextOptions).every((k) => k in asked || PER_PAGE.has(k as keyof BrowserContextOptions))
      && (Object.keys(asked) as (keyof BrowserContextOptions)[]).every((k) => same(asked[k], _warmProfile.options[k]))
      && (viewport !== null || _warmProfile.options.viewport === null);
    await use(fits);
  }, { box: true }],

  context: async ({ _warm, _warmProfile, browser, baseURL }, use) => {
    if (!_warm) {
      // Playwright fills in the test's options (its own context fixture's behaviour).
      const fresh = await browser.newContext();
      await use(fresh);
      await fresh.close();
      return;
    }
    const origin = new URL(baseURL ?? 'http://127.0.0.1/');
    const origins = [origin.origin, `${origin.protocol}//localhost${origin.port ? `:${origin.port}` : ''}`];
    await reset(_warmProfile, origins);
    await use(_warmProfile.context);
    await Promise.all(_warmProfile.context.pages().filter((p) => p !== _warmProfile.keepAlive).map((p) => p.close()));
  },

  page: async ({ context, _warm, _warmProfile, viewport, colorScheme, reducedMotion, forcedColors, contrast }, use) => {
    // In the warm profile, the blank page reset() left open.
    const page: Page = (_warm ? context.pages().find((p) => p !== _warmProfile.keepAlive) : undefined) ?? await context.newPage();
    if (_warm) {
      if (viewport && !same(viewport, _warmProfile.options.viewport)) await page.setViewportSize(viewport);
      const media = { colorScheme, reducedMotion, forcedColors, contrast };
      if ((Object.keys(media) as (keyof typeof media)[]).some((k) => !same(media[k], _warmProfile.options[k]))) await page.emulateMedia(media);
    }
    if (process.env.E2E_SCREENSHOTS === '0') skipScreenshots(page);
    await use(page);
  },
});
