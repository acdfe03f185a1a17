// kubectl's AGE-style durations: k8s.io/apimachinery/pkg/util/duration HumanDuration, which
// printers.go translateTimestampSince uses for RESTARTS "(… ago)" and AGE.
// About 2–3 significant figures: 45s, 119s, 2m3s, 5m, 179m, 3h, 7h59m, 47h, 3d4h, 10d, 2y3d, 9y.

/**
 * The time an API object keeps for a moment of the simulation, in the engine's seconds: a
 * metav1.Time holds whole seconds (RFC3339 without a fraction in JSON; its protobuf form drops
 * the nanoseconds), and the engine's t = 0, the pod's creation, is taken for a whole second.
 * kubectl counts AGE and RESTARTS' "(… ago)" from such timestamps, so AGE minus "ago" is always
 * the exit's whole second (rulebook [14.1]; cr7258/hands-on-lab's watch, docs/transcripts.md).
 */
export function apiSecond(t: number): number {
  return Math.floor(Math.round(t * 1e6) / 1e6);
}

/** Formats a duration given in seconds (fractions allowed; truncated toward zero like Go). */
export function humanDuration(seconds: number): string {
  // Whole nanoseconds, as a time.Duration holds them (float noise removed), then Go's
  // int(d.Seconds()), which truncates toward zero: -1.999999999 s is -1, "0s".
  const secs = Math.trunc(Math.round(seconds * 1e9) / 1e9);
  if (secs < -1) return '<invalid>';
  if (secs < 0) return '0s';
  if (secs < 120) return `${secs}s`;
  const minutes = Math.trunc(secs / 60);
  if (minutes < 10) {
    const s = secs % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(secs / 3600);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const d = days % 365;
    return d === 0 ? `${years}y` : `${years}y${d}d`;
  }
  return `${years}y`;
}
