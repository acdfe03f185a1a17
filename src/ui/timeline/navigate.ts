// Keyboard steps along the trace: the previous or next distinct event time.

const EPS = 1e-6;

export function prevEventTime(times: readonly number[], t: number): number {
  let best = 0;
  for (const x of times) {
    if (x < t - EPS) best = x;
    else break;
  }
  return best;
}

export function nextEventTime(times: readonly number[], t: number, end: number): number {
  for (const x of times) if (x > t + EPS) return Math.min(x, end);
  return end;
}
