// An in-memory Storage for the history's tests, optionally full (every setItem throws).

import type { TextStorage } from '../persistence';

export function memoryStorage(entries: Record<string, string> = {}): TextStorage & { data: Map<string, string>; full: boolean } {
  const data = new Map(Object.entries(entries));
  const s = {
    data,
    full: false,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (s.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      data.set(k, v);
    },
  };
  return s;
}
