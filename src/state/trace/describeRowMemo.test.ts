// describeEventLog counts each occurrence under its row's number, and takes an event's rows from
// the first event with the same signature (RowMemo): this holds only if the signature names every
// input kubeEvents reads.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import type { TraceEvent } from '../../engine/trace';
import { kubeEvents, rowSignature } from './describeEvents';

const gallery = readdirSync(new URL('../../scenarios/', import.meta.url)).filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(new URL(`../../scenarios/${f}`, import.meta.url), 'utf8'));

describe('the events panel takes each event\'s rows from the first event with its signature', () => {
  it('two events with one signature have the same kubectl describe rows, on every event of the gallery', () => {
    const bySignature = new Map<string, string>();
    let compared = 0;
    for (const text of gallery) {
      const trace = runScenario(text).trace;
      if (!trace) continue;
      for (const e of trace.events) {
        const container = 'container' in e ? (e as TraceEvent & { container: string }).container : undefined;
        for (const image of [undefined, 'busybox:1.36', 'nginx:1.27']) for (const pulled of [true, false]) {
          const signature = rowSignature(e, container, image, pulled);
          const rows = JSON.stringify([container, kubeEvents(e, { podName: 'web', minor: 33, image, pulled })]);
          if (signature === undefined) {
            expect(kubeEvents(e, { podName: 'web', minor: 33, image, pulled })).toEqual([]);
            continue;
          }
          const first = bySignature.get(signature);
          if (first === undefined) bySignature.set(signature, rows);
          else {
            expect(rows).toBe(first);
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('an event changed in any one field the rows could read gets another signature whenever its rows change', () => {
    const events = gallery.flatMap((text) => runScenario(text).trace?.events ?? []);
    // Values the gallery's traces may lack but kubeEvents reads, beside every value they hold.
    const pools = new Map<string, Set<unknown>>(Object.entries({
      reason: ['LivenessProbe', 'StartupProbe', 'FailedPostStartHook', 'ErrImagePull', 'ImagePullBackOff'],
      probe: ['startup', 'liveness', 'readiness'], hook: ['postStart', 'preStop'], failed: [true, false], exitCode: [0, 1, 137],
    }).map(([k, v]) => [k, new Set<unknown>(v)]));
    for (const e of events) for (const [k, v] of Object.entries(e)) if (!['t', 'id', 'cause', 'why'].includes(k)) (pools.get(k) ?? pools.set(k, new Set()).get(k)!).add(v);
    let changed = 0;
    const seen = new Set<string>();
    for (const e of events) {
      const shape = `${e.type}|${Object.keys(e).join()}`;
      if (seen.has(shape)) continue; // one event of each type and shape is enough to vary
      seen.add(shape);
      for (const key of Object.keys(e)) {
        for (const other of [...(pools.get(key) ?? [])].slice(0, 40)) {
          const variant = { ...e, [key]: other } as TraceEvent;
          const container = (ev: TraceEvent) => ('container' in ev ? String(ev.container) : undefined);
          for (const pulled of [true, false]) {
            const rows = JSON.stringify(kubeEvents(e, { podName: 'web', minor: 33, image: 'busybox:1.36', pulled }));
            const variantRows = JSON.stringify(kubeEvents(variant, { podName: 'web', minor: 33, image: 'busybox:1.36', pulled }));
            // The same rows of the same container, or no rows at all: nothing to tell apart.
            if ((variantRows === rows && container(variant) === container(e)) || (rows === '[]' && variantRows === '[]')) continue;
            changed++;
            expect(rowSignature(variant, container(variant), 'busybox:1.36', pulled)).not.toBe(rowSignature(e, container(e), 'busybox:1.36', pulled));
          }
        }
      }
    }
    expect(changed).toBeGreaterThan(50);
  });

  it('events of two containers never share a signature, even when their rows read the same', () => {
    const a = { type: 'probe.failed', container: 'a', probe: 'liveness', attempt: 0, run: 1, why: '', t: 1, id: 'e1' } as TraceEvent;
    const b = { ...a, container: 'b', id: 'e2' } as TraceEvent;
    expect(kubeEvents(a, { podName: 'web' })).toEqual(kubeEvents(b, { podName: 'web' }));
    expect(rowSignature(a, 'a', undefined, true)).not.toBe(rowSignature(b, 'b', undefined, true));
  });
});
