// What start.ts reuses from one sync to the next while a container waits out its back-off: every
// sync of a crash loop refuses the same start with the same error, why and cause list until the
// wait ends (on the keystroke bench's 40-container pod, 7,674 of its 14,596 events are such
// refusals). Kept on the container's record, created with it (one shape), read and written by
// start.ts alone. Issue 16: these lived in five WeakMaps keyed by the record, a hash lookup each
// at every refusal.

import type { StartError } from './model';

/** What a start attempt came to (start.ts exports it; defined here so that model.ts imports nothing from start.ts). */
export interface StartOutcome {
  ok: boolean;
  /** When a start refused by CrashLoopBackOff may be tried again. */
  retryAt?: number;
}

/** The outcomes of every start that went through or did not, shared (the kernel and the sync only read them). */
export const STARTED: StartOutcome = { ok: true };
export const NOT_STARTED: StartOutcome = { ok: false };

export interface BackoffMemo {
  /** The plain back-off why around its exit time, for the last delay. */
  exitedWhy: { delay: number; head: string; tail: string } | undefined;
  /** The why of the refusals of the current wait. */
  refusedAgain: { delay: number; until: number; why: string } | undefined;
  /** The cause list of those refusals: the wait's container.backoff event. */
  refusalCause: string[] | undefined;
  /** The outcome of those refusals. */
  refusal: StartOutcome | undefined;
  /** The CrashLoopBackOff start error for the last delay. */
  crashLoop: { delay: number; error: StartError } | undefined;
}

/** A record's memo, every field present (undefined until set). */
export function newBackoffMemo(): BackoffMemo {
  return { exitedWhy: undefined, refusedAgain: undefined, refusalCause: undefined, refusal: undefined, crashLoop: undefined };
}
