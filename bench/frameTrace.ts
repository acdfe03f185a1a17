// Main-thread work per frame, from a Chromium performance trace (devtools.timeline): the
// renderer main thread's top-level tasks (input dispatch with its handlers and React's render,
// animation frames, style, layout, paint, layerize) summed frame by frame, a frame ending with
// its Layerize step, as wall time and as thread (CPU) time. Only frames that handled an input
// event count: the frames of the pan.

interface TraceEvent {
  name: string; ph: string; ts: number; dur?: number; tdur?: number; tid: number; pid: number; args?: { data?: { type?: string } };
}

export interface FrameWork {
  /** Wall time of the frame's main-thread tasks, ms. */
  wall: number;
  /** The same tasks' thread (CPU) time, ms: what the frame cost, without the waits a busy machine adds. */
  cpu: number;
  /** The input the frame handled: a wheel step, or a pointer move (a drag). */
  input: 'wheel' | 'pointer';
}

export const FRAME_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline.frame'];

export function frameWork(traceJson: string): FrameWork[] {
  const events = (JSON.parse(traceJson) as { traceEvents: TraceEvent[] }).traceEvents;
  const layerize = events.find((e) => e.name === 'Layerize' && e.ph === 'X');
  if (!layerize) return [];
  const main = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && e.tid === layerize.tid && e.pid === layerize.pid)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const frames: FrameWork[] = [];
  let work = 0;
  let cpu = 0;
  let hadInput = false;
  let wheel = false;
  let openEnd = -Infinity;
  for (const e of main) {
    const end = e.ts + (e.dur ?? 0);
    if (e.ts < openEnd) continue; // nested inside the previous top-level task
    openEnd = end;
    work += (e.dur ?? 0) / 1000;
    cpu += (e.tdur ?? e.dur ?? 0) / 1000;
    if (e.name === 'EventDispatch' && /pointermove|wheel|mousemove/.test(e.args?.data?.type ?? '')) {
      hadInput = true;
      if (e.args?.data?.type === 'wheel') wheel = true;
    }
    if (e.name === 'Layerize') {
      if (hadInput) frames.push({ wall: work, cpu, input: wheel ? 'wheel' : 'pointer' });
      work = 0;
      cpu = 0;
      hadInput = false;
      wheel = false;
    }
  }
  return frames;
}
