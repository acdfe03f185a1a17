// End-to-end checks against the built app (`vite build` first), served by `vite preview`, in the
// machine's Debian Chromium: Playwright never downloads a browser here.
//
// How the specs are organised (npm test's budget is 6 minutes on 2 cores; a page load, with
// Monaco, its workers and the first run, is the costly part of almost every test):
// - e2e/<area>.spec.ts, one area each; e2e/support/*.ts holds what several specs share
//   (support/app.ts opens the app and reads it; a11y, editor, hostile, scenario, share, timeline).
// - A spec imports `test` and `expect` from './support/test', not '@playwright/test': each
//   worker then opens its pages in one browser profile kept from test to test, reset before each
//   (storage, permissions, routes, pages), so Chromium compiles the app's code once per worker,
//   not once per test (~0.5–1 s of CPU less per page load, measured there). A spec that imports
//   from '@playwright/test' still works, in fresh contexts, only slower.
// - A test loads the page once and walks through its states as `test.step`s, each step named
//   as a test of its own would be (a failure names the step). A state that needs no new load
//   (another text, theme, viewport size, overlay) is a step, not a test. Give such a test
//   `test.setTimeout(30_000 * steps)`.
// - Separate tests for what needs a fresh page: a different address or first paint (links,
//   ?embed, ?present, a theme from the system at load), init scripts, a routed worker.
// - Wait for a condition (`expect(...)`, `expect.poll`), never a fixed `waitForTimeout`.
// - What needs no browser (pure logic, a codec, a layout) is a Vitest test beside the code.
// - Costly work is done once: a check that needs an export, a long run or a big scenario rides
//   on the test that already makes it (one GIF build in the suite: gif-export.spec.ts also checks
//   the crossing of 1,280 px and the frame order). axe passes ask for violations only
//   (support/a11y.ts): ~30% less CPU a pass, the same violations.
// - fullyParallel: the tests of every file spread over both workers, so a long file does not
//   hold one worker to the end; tests share nothing but the built app, the browser and its
//   caches (HTTP and compiled code).
// - Never route every request (`context.route('**/*')`): while a route is set Playwright turns the
//   browser's cache off. support/app.ts's guardNetwork records what would leave the machine; the
//   proxy below blocks it.
//
// Measuring (issue 16): the suite is CPU-bound on 2 cores, and the machine is often shared, so
// compare CPU seconds, not wall time — of the whole process tree, in a cgroup
// (/sys/fs/cgroup/cpuacct/<name>: echo $$ > cgroup.procs, then read cpuacct.usage). `/usr/bin/time`
// counts less than half of it (8.4 of 19.1 s on three specs): Chromium's renderers are not
// descendants it waits for. 2026-12-03, under load ~20: 747 s of CPU for the 114 tests before
// this round, 676 s for the 105 tests after it (-9.5%: one GIF build instead of two, axe passes
// for violations only, 9 page loads fewer: editor-schema, explain, editor, polish).
// 2026-12-04 (108 tests): npm test sets E2E_SCREENSHOTS=0, so the screenshots saved for a look are
// not taken (support/test.ts; no check reads one), and axe's source is evaluated once per document
// (support/a11y.ts). Same cgroup measure, whole npm test (first phase + e2e): 1,164 s of CPU
// (load 13-22) -> 1,020 s (load 5-16), e2e about 1,050 -> ~900 s; quiet wall not measured
// (estimated from 6 min 54 s: ~6.0-6.2 min).
// 2026-12-04 afternoon, five checkouts on the VM (load 20-36): the e2e phase took 31 min and
// 1,358 s of CPU, 50 of 110 failed (47 at waitForApp's 10 s wait for Monaco): not a figure of
// this suite. Per-test cost without a page load (12 empty tests vs 1, same warm fixture): ~0.8 s
// of CPU, ~3 renderer processes a test. A loaded page left idle: 0.01 core, not a cost. Flags
// tried on a warm app load and an axe pass (CPU of browser and client, A/B in turn): none moved
// either beyond the noise (--disable-gpu-compositing, --in-process-gpu, --num-raster-threads=1,
// --js-flags=--single-threaded-gc; --disable-threaded-compositing does not launch).
// --process-per-site with a page that keeps the app's renderer process alive between tests
// (branch testtime4-processpersite): 3.7 -> 2.9 s a warm load in two rounds, no gain in a third;
// measured again on a quiet machine on 2026-12-05, the whole suite: 11.3 -> 9.0 min, 1,305 ->
// 1,031 s of CPU. It is in (support/test.ts's keep-alive page, and the flag below).
// 2026-12-05 evening: each test's page is opened by that keep-alive page (window.open, noopener)
// instead of context.newPage(), so it starts in the app's renderer process rather than in a new
// one it leaves at its first navigation: 0.28-0.33 s of CPU a page against 0.44-0.61 s. And Monaco
// is a classic script (monacoClassic.ts), which Chromium runs from its code cache: a warm load
// 2.5-2.8 -> 2.2-2.4 s of CPU.
// 2026-12-04 evening, quiet machine: 114 tests in 12.8 min wall (`npx playwright test`, per-test
// durations summed 1,500 s over the two workers). A warm page load costs ~3.4 s of CPU, of which
// ~0.5-0.65 s is V8 parsing the app's module scripts on background threads at every load: Chromium
// 156 keeps no useful code cache for module scripts (a traced A/B on one 1 MB file: a classic
// script's 1.6 MB cache is consumed from the third load on; the same code as a module produces a
// 672-byte cache and is parsed again each time; `//# allFunctionsCalledOnLoad` changes nothing).
// Immutable cache headers for /assets/ left the browser's CPU unchanged (-0.05 s of the server's a
// load), so vite preview keeps its defaults. a11y.spec's link and embed views: one load per state
// for both themes (95 -> 64 s of CPU). Merging the nine link-format tests into one saved no CPU
// (every page load stays) and made one long serial test, so they stay nine tests.
// 2026-12-06: `--js-flags=--no-opt`, no TurboFan (V8's interpreter, Sparkplug and Maglev still
// run). A test's page lives a few seconds, and TurboFan's background jobs (60-120 ms each for the
// app's largest functions; ~220 of them over a load and 25 keystrokes of the 40-container pod)
// took the two cores from the suite for code that seldom ran long enough to pay them back. In a
// cgroup, each pair in turn on the same machine: a11y + hostile-links + history (16 tests)
// 215.5 and 202.5 s of CPU without it, 181.2 and 186.7 s with it; the whole suite 973.9 s in
// 8.6 min without, 924.5 s in 8.1 min with (115 passed both times). The bench launches Chromium
// with V8's defaults (bench/preview.ts): its figures are a user's, not this suite's.
// 2026-12-06 evening: `--no-maglev --no-flush-bytecode` as well. Maglev, the tier below TurboFan,
// spends the same background CPU on code a short-lived page seldom runs long enough to repay; and
// the renderer kept from test to test (--process-per-site) flushed the app's bytecode at GCs
// between page loads, only to compile it again at the next load. Total CPU of the whole process
// tree (`.scratch/cpuab.sh`-style sampling of /proc, each pair in turn): history + share (24
// tests) 149.2, 160.5, 137.9 s with --no-opt alone, 137.0, 132.7, 126.6 s with --no-maglev;
// a11y + hostile-links + panels (14 tests) 159.4, 177.7 s with --no-opt --no-maglev, 152.9,
// 152.5 s adding --no-flush-bytecode; --no-opt alone against all three, 200.0 / 197.8 s against
// 188.5 / 187.4 s. (--max-lazy and --no-sparkplug: no gain.)

import { defineConfig } from '@playwright/test';

/** E2E_PORT lets two checkouts run their suites side by side (default 4173, vite preview's). */
const PORT = Number(process.env.E2E_PORT ?? 4173);
export const BASE_URL = `http://127.0.0.1:${PORT}/`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1400, height: 860 },
    headless: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--process-per-site', '--js-flags=--no-opt --no-maglev --no-flush-bytecode', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      // Nothing leaves the machine: every request but to this machine goes to a proxy that is not
      // there, and fails (support/app.ts's guardNetwork records them; offline.spec.ts checks both).
      // A route would block them too, but turns the browser's cache off (support/test.ts).
      proxy: { server: 'http://127.0.0.1:9', bypass: '127.0.0.1,localhost' },
    },
    // The test server (vite preview) gzips every response on the fly: ~0.6 s of CPU per page
    // load of ~75 chunks, on a machine the suite already saturates. The app's checks do not
    // depend on the transfer encoding, so the browser asks for none (openApp 2.6 → 2.0 s).
    extraHTTPHeaders: { 'Accept-Encoding': 'identity' },
    // A click on a disabled button or a navigation that never loads fails its test within these,
    // instead of holding a worker to the test's whole timeout (a long walk's can be minutes).
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'off',
    screenshot: 'off',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
