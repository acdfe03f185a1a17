// One timed keystroke, shared by the keystroke figures (web.ts) and their profile
// (keystrokeProfile.ts): select the digit of the first `exitAfter: Ns` line, type another one, and
// time keydown → the first DOM change inside the timeline that draws the keystroke's answer (the
// store holds a new trace; or the text did not change), on the page's clock. The two moments are
// also marked (`keydown`, `timeline-changed`) for a trace to find.

import type { Page } from 'playwright-core';

interface StoreWindow {
  __sidecarLabStore?: { getState(): { trace: unknown; text: string } };
}

interface BenchWindow {
  __monaco: { editor: { getEditors(): { getModel(): { getLinesContent(): string[] }; setSelection(r: object): void; focus(): void }[] } };
  __bench: { down?: number; drawn?: number };
}

/** Types `digit` over the first exitAfter's digit; resolves with the latency (ms) and the keydown's time. */
export async function timedKeystroke(page: Page, digit: string, timeoutMs: number): Promise<{ latency: number; down: number }> {
  await page.evaluate(() => {
    const w = window as unknown as BenchWindow;
    const editor = w.__monaco.editor.getEditors()[0]!;
    const lines = editor.getModel().getLinesContent();
    const line = lines.findIndex((l) => /^\s+exitAfter: \d+s/.test(l));
    const col = lines[line]!.indexOf('exitAfter: ') + 'exitAfter: '.length + 1;
    editor.setSelection({ startLineNumber: line + 1, startColumn: col, endLineNumber: line + 1, endColumn: col + 1 });
    editor.focus();
    w.__bench = {};
    document.addEventListener('keydown', () => { w.__bench.down = performance.now(); performance.mark('keydown'); }, { capture: true, once: true });
    const timeline = document.querySelector('[data-testid="timeline"]')!;
    // The drawing of the keystroke's answer: idle work left from the previous keystroke's drawing
    // (lanes off screen, drawn in idle slices) also changes the timeline, and was counted before.
    const store = (window as unknown as StoreWindow).__sidecarLabStore;
    const before = store?.getState();
    const obs = new MutationObserver(() => {
      const answered = !store || !before || store.getState().trace !== before.trace || store.getState().text === before.text;
      if (w.__bench.down !== undefined && w.__bench.drawn === undefined && answered) {
        w.__bench.drawn = performance.now();
        performance.mark('timeline-changed');
        obs.disconnect();
      }
    });
    obs.observe(timeline, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.keyboard.type(digit);
  const handle = await page.waitForFunction(() => {
    const b = (window as unknown as BenchWindow).__bench;
    return b.drawn !== undefined && b.down !== undefined ? [b.drawn - b.down, b.down] : null;
  }, null, { timeout: timeoutMs });
  const [latency, down] = (await handle.jsonValue()) as [number, number];
  return { latency, down };
}
