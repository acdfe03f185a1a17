// Round tick values and a linear time-to-pixel function for the axis, without d3-scale: the
// scale module pulls d3-interpolate, d3-color and d3-format into the page's first bundle (7 KB
// gzipped, issue 16) for two calls. Both give what d3-scale's scaleLinear gives (niceTicks.test.ts
// compares them over random spans).

const SQRT_50 = Math.sqrt(50);
const SQRT_10 = Math.sqrt(10);
const SQRT_2 = Math.sqrt(2);

/**
 * The first and last tick as whole multiples of the step, and the step: as a positive number
 * (ticks are i * step), or as a negative one whose opposite divides (ticks are i / -step), which
 * keeps steps below 1 free of float noise (0.2 is 1 / 5, not 0.2000000001).
 */
function tickSteps(start: number, stop: number, count: number): [number, number, number] {
  const raw = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(raw));
  const ratio = raw / Math.pow(10, power);
  // The step is 1, 2, 5 or 10 times a power of ten, whichever is nearest the raw step (on a log scale).
  const factor = ratio >= SQRT_50 ? 10 : ratio >= SQRT_10 ? 5 : ratio >= SQRT_2 ? 2 : 1;
  let first: number;
  let last: number;
  let step: number;
  if (power < 0) {
    const perUnit = Math.pow(10, -power) / factor;
    first = Math.round(start * perUnit);
    last = Math.round(stop * perUnit);
    if (first / perUnit < start) first++;
    if (last / perUnit > stop) last--;
    step = -perUnit;
  } else {
    step = Math.pow(10, power) * factor;
    first = Math.round(start / step);
    last = Math.round(stop / step);
    if (first * step < start) first++;
    if (last * step > stop) last--;
  }
  // Too few ticks fit for a count of about one: ask for twice as many.
  if (last < first && count >= 0.5 && count < 2) return tickSteps(start, stop, count * 2);
  return [first, last, step];
}

/** About `count` round values between a and b (either order), in the order of a to b. */
export function niceTicks(a: number, b: number, count: number): number[] {
  if (!(count > 0)) return [];
  if (a === b) return [a];
  const reverse = b < a;
  const [first, last, step] = reverse ? tickSteps(b, a, count) : tickSteps(a, b, count);
  if (!(last >= first)) return [];
  const at = (i: number) => (step < 0 ? i / -step : i * step);
  const n = last - first + 1;
  return Array.from({ length: n }, (_, k) => at(reverse ? last - k : first + k));
}

/** A linear scale as d3's scaleLinear (the axis places its ticks with it): where a value goes, the domain and pixel range, and a copy. */
export interface AxisScale {
  (t: number): number;
  domain(): [number, number];
  range(): [number, number];
  copy(): AxisScale;
}

/** Maps [t0, t1] linearly onto [x0, x1], computed as scaleLinear computes it. */
export function linearAxisScale(t0: number, t1: number, x0: number, x1: number): AxisScale {
  const span = t1 - t0;
  const f = (t: number) => {
    const u = span !== 0 ? (t - t0) / span : 0.5;
    return x0 * (1 - u) + x1 * u;
  };
  return Object.assign(f, {
    domain: (): [number, number] => [t0, t1],
    range: (): [number, number] => [x0, x1],
    copy: () => linearAxisScale(t0, t1, x0, x1),
  });
}
