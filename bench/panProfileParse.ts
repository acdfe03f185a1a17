// A pan's Chromium performance trace split frame by frame (panProfile.ts): frames are cut as in
// frameTrace.ts (the renderer main thread's top-level tasks up to a Layerize, only frames that
// handled a pointer or wheel event), and each slice's self time (its thread time minus its children's)
// is given a kind: script, style, layout, paint, composite, gc or other.

interface TraceEvent {
  name: string; ph: string; ts: number; dur?: number; tdur?: number; tid: number; pid: number; args?: { data?: { type?: string } };
}

export type Kind = 'script' | 'style' | 'layout' | 'paint' | 'composite' | 'gc' | 'other';

export interface FrameBreakdown {
  index: number;
  /** The input the frame handled: a drag's pointer moves or wheel steps. */
  input: 'pointer' | 'wheel';
  wall: number;
  cpu: number;
  /** Self (thread) time by kind, ms. */
  byKind: Record<Kind, number>;
  /** The slices with the most self time, ms. */
  biggest: { name: string; ms: number }[];
  /** Every slice in start order with its depth and thread time (for printing one frame's tree). */
  slices: { name: string; depth: number; ms: number }[];
}

const KIND_OF: Record<string, Kind> = {
  UpdateLayoutTree: 'style', RecalculateStyles: 'style', ParseAuthorStyleSheet: 'style',
  Layout: 'layout', IntersectionObserverController: 'layout',
  Paint: 'paint', PrePaint: 'paint', PaintImage: 'paint', 'Canvas2DLayerBridge::FlushRecordingOnly': 'paint',
  Layerize: 'composite', Commit: 'composite', UpdateLayerTree: 'composite', CompositeLayers: 'composite',
  MinorGC: 'gc', MajorGC: 'gc', BlinkGC: 'gc',
  FunctionCall: 'script', EventDispatch: 'script', FireAnimationFrame: 'script', RunMicrotasks: 'script', TimerFire: 'script',
  FireIdleCallback: 'script', EvaluateScript: 'script', HitTest: 'layout',
};

export function kindOf(name: string): Kind {
  const known = KIND_OF[name];
  if (known) return known;
  if (/GC|Scavenge|MarkCompact/i.test(name)) return 'gc';
  if (/^v8|^V8/.test(name)) return 'script';
  return 'other';
}

const emptyKinds = (): Record<Kind, number> => ({ script: 0, style: 0, layout: 0, paint: 0, composite: 0, gc: 0, other: 0 });

export function frameBreakdown(traceJson: string): { frames: FrameBreakdown[]; raster: number } {
  const events = (JSON.parse(traceJson) as { traceEvents: TraceEvent[] }).traceEvents;
  const layerize = events.find((e) => e.name === 'Layerize' && e.ph === 'X');
  if (!layerize) return { frames: [], raster: 0 };
  const raster = events.filter((e) => e.ph === 'X' && e.name === 'RasterTask').reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
  const main = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && e.tid === layerize.tid && e.pid === layerize.pid)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const frames: FrameBreakdown[] = [];
  const fresh = () => ({ wall: 0, cpu: 0, byKind: emptyKinds(), byName: new Map<string, number>(), hadInput: false, wheel: false, slices: [] as FrameBreakdown['slices'] });
  let current = fresh();
  // The open slices, outermost first, each with the time its children took so far.
  const stack: { e: TraceEvent; end: number; children: number }[] = [];
  // Thread (CPU) time where the slice has it: on a busy machine wall time adds waits for a core.
  const cpuOf = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
  const close = (upTo: number) => {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= upTo) {
      const { e, children } = stack.pop()!;
      const self = Math.max(0, cpuOf(e) - children);
      current.byKind[kindOf(e.name)] += self;
      current.byName.set(e.name, (current.byName.get(e.name) ?? 0) + self);
      if (stack.length > 0) stack[stack.length - 1]!.children += cpuOf(e);
      if (e.name === 'Layerize') layerized = true;
      if (stack.length === 0 && layerized) endFrame();
    }
  };
  // A frame ends with the top-level task that holds its Layerize (a RunTask when the trace has the
  // scheduler's slices).
  let layerized = false;
  const endFrame = () => {
    layerized = false;
    if (current.hadInput) {
      const biggest = [...current.byName].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name, ms]) => ({ name, ms }));
      frames.push({ index: frames.length, input: current.wheel ? 'wheel' : 'pointer', wall: current.wall, cpu: current.cpu, byKind: current.byKind, biggest, slices: current.slices });
    }
    current = fresh();
  };
  for (const e of main) {
    const end = e.ts + (e.dur ?? 0);
    close(e.ts);
    if (stack.length === 0) {
      current.wall += (e.dur ?? 0) / 1000;
      current.cpu += (e.tdur ?? e.dur ?? 0) / 1000;
    } else if (end > stack[stack.length - 1]!.end) continue; // overlapping, not nested: skip
    if (e.name === 'EventDispatch' && /pointermove|wheel|mousemove/.test(e.args?.data?.type ?? '')) {
      current.hadInput = true;
      if (e.args?.data?.type === 'wheel') current.wheel = true;
    }
    current.slices.push({ name: e.name, depth: stack.length, ms: cpuOf(e) });
    stack.push({ e, end, children: 0 });
  }
  close(Infinity);
  return { frames, raster };
}
