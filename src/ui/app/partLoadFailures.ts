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

/** The parts that failed with one message (one file that did not arrive), in the list's order. */
export interface FailedFile {
  message: string;
  parts: readonly string[];
}

/**
 * The failures by message: the parts that come in one chunk (laterParts.ts brings a dozen) fail
 * together with one message, and the notice names the file once, with every part it held. Ordered
 * by each message's first part, so it reads the same whatever order the failures came in.
 */
export function failedFiles(failures: readonly PartLoadFailure[]): FailedFile[] {
  const byMessage = new Map<string, string[]>();
  for (const f of failures) {
    const parts = byMessage.get(f.message);
    if (parts) parts.push(f.part);
    else byMessage.set(f.message, [f.part]);
  }
  return [...byMessage].map(([message, parts]) => ({ message, parts }));
}

/** "a", "a and b", "a, b and c". */
export function listWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** The page's one list (a failed part stays failed until a reload: React keeps a lazy import's rejection). */
export const partLoadFailures = new PartLoadFailures();

export function usePartLoadFailures(list: PartLoadFailures = partLoadFailures): readonly PartLoadFailure[] {
  return useSyncExternalStore(list.subscribe, list.current);
}
