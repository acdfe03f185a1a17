// The parts of the page whose code could not be loaded (lazyPart.tsx): each part's boundary
// reports its failure here, and one notice (PartLoadNotice.tsx) lists them all, so a server that
// went away, which fails several parts at once, makes one message and not one per part.

import { useSyncExternalStore } from 'react';

export interface PartLoadFailure {
  /** What the part is, for a reader: "the gallery". */
  part: string;
  /** What failed, as the browser said it (e.g. the chunk's address). */
  message: string;
}

export class PartLoadFailures {
  private failures: readonly PartLoadFailure[] = [];
  private readonly listeners = new Set<() => void>();

  /**
   * Adds a failure; a part that fails again (it is mounted twice) is listed once. The list is kept
   * in the order of the parts' names, not the order they failed in: several chunks failing at once
   * fail in whatever order the network answers, and the notice should read the same every time.
   */
  report(failure: PartLoadFailure): void {
    if (this.failures.some((f) => f.part === failure.part)) return;
    this.failures = [...this.failures, failure].sort((a, b) => a.part.localeCompare(b.part, 'en'));
    for (const listener of this.listeners) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly current = (): readonly PartLoadFailure[] => this.failures;
}

/** The page's one list (a failed part stays failed until a reload: React keeps a lazy import's rejection). */
export const partLoadFailures = new PartLoadFailures();

export function usePartLoadFailures(list: PartLoadFailures = partLoadFailures): readonly PartLoadFailure[] {
  return useSyncExternalStore(list.subscribe, list.current);
}
