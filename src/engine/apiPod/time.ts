// RFC3339 timestamps as `kubectl get pod -o yaml` prints them, turned into seconds since the
// epoch (millisecond precision). Pure string arithmetic: no wall clock.

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Seconds since the epoch, or undefined when the text is not an RFC3339 timestamp. */
export function parseRfc3339(text: string): number | undefined {
  const m = RFC3339.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) {
    return undefined;
  }
  let ms = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s));
  if (frac) ms += Math.round(Number(`0${frac}`) * 1000);
  if (zone && zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const [oh, om] = zone.slice(1).split(':').map(Number);
    ms -= sign * ((oh ?? 0) * 60 + (om ?? 0)) * 60_000;
  }
  return ms / 1000;
}

/** Formats seconds since the epoch as RFC3339 in UTC (whole seconds unless there is a fraction). */
export function formatRfc3339(seconds: number): string {
  const iso = new Date(Math.round(seconds * 1000)).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

const TIME_KEY = /(Timestamp|Time|At)$/;

/**
 * The newest timestamp anywhere in an object (keys ending in Timestamp, Time or At, as
 * creationTimestamp, lastTransitionTime, startedAt, finishedAt), skipping managedFields.
 */
export function newestTimestamp(obj: unknown): number | undefined {
  let newest: number | undefined;
  const visit = (v: unknown, key: string): void => {
    if (typeof v === 'string') {
      if (!TIME_KEY.test(key)) return;
      const t = parseRfc3339(v);
      if (t !== undefined && (newest === undefined || t > newest)) newest = t;
    } else if (Array.isArray(v)) {
      for (const item of v) visit(item, key);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) if (k !== 'managedFields') visit(child, k);
    }
  };
  visit(obj, '');
  return newest;
}
