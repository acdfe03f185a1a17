// A Chromium trace around some work, over CDP (the first-paint and keystroke profiles). Chromium
// sometimes never sends Tracing.tracingComplete (session 44: a bench repeat waited 12 minutes on it,
// idle), so the wait is bounded: past it the events collected so far are returned with a warning.

import type { CDPSession } from 'playwright-core';

/** How long to wait for Chromium to finish a trace after Tracing.end. */
const TRACE_END_TIMEOUT_MS = 60_000;

export async function collectTrace<E>(cdp: CDPSession, categories: string, run: () => Promise<void>, events: E[] = []): Promise<E[]> {
  const onData = (e: { value: unknown[] }) => { events.push(...(e.value as E[])); };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  await run();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const done = new Promise<boolean>((resolve) => {
    cdp.once('Tracing.tracingComplete', () => resolve(true));
    timer = setTimeout(() => resolve(false), TRACE_END_TIMEOUT_MS);
  });
  await cdp.send('Tracing.end');
  if (!(await done)) console.warn(`bench: Chromium did not finish the trace within ${TRACE_END_TIMEOUT_MS / 1000} s; using the ${events.length} events collected`);
  clearTimeout(timer);
  cdp.off('Tracing.dataCollected', onData);
  return events;
}
