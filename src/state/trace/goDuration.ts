// Go's time.Duration.String(), for the kubelet's messages that print a duration with `%v` (the
// Pulled event's pull time, [10.6]): "0s", "589.651197ms", "7.629s", "1m0s", "1h2m3.5s"; under a
// second in ms, µs or ns with the fraction's trailing zeros dropped, from a second on in h, m and
// s (the hours and minutes only when there are any). A port of the algorithm in Go's
// src/time/time.go (fmtFrac, fmtInt), on whole nanoseconds.

const NS_PER = { us: 1e3, ms: 1e6, s: 1e9 } as const;

/** `value` (whole units of 10^-digits) as Go's fmtFrac and fmtInt print it: "7.629", "1.5", "3". */
function withFraction(value: number, digits: number): string {
  const unit = 10 ** digits;
  const whole = Math.floor(value / unit);
  const fraction = value % unit;
  if (fraction === 0) return String(whole);
  return `${whole}.${String(fraction).padStart(digits, '0').replace(/0+$/, '')}`;
}

/** A duration of `nanoseconds` (a whole number, at least 0) as Go prints it. */
export function goDurationString(nanoseconds: number): string {
  const ns = Math.max(0, Math.round(nanoseconds));
  if (ns === 0) return '0s';
  if (ns < NS_PER.us) return `${ns}ns`;
  if (ns < NS_PER.ms) return `${withFraction(ns, 3)}µs`;
  if (ns < NS_PER.s) return `${withFraction(ns, 6)}ms`;
  const wholeSeconds = Math.floor(ns / NS_PER.s);
  const seconds = withFraction((wholeSeconds % 60) * NS_PER.s + (ns % NS_PER.s), 9);
  const minutes = Math.floor(wholeSeconds / 60);
  if (minutes === 0) return `${seconds}s`;
  const hours = Math.floor(minutes / 60);
  return hours === 0 ? `${minutes}m${seconds}s` : `${hours}h${minutes % 60}m${seconds}s`;
}

/** `seconds` truncated to whole milliseconds (Go's d.Truncate(time.Millisecond)), as Go prints it. */
export function goMillisecondsString(seconds: number): string {
  const ns = Math.round(seconds * NS_PER.s);
  return goDurationString(ns - (ns % NS_PER.ms));
}
