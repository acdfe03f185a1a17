// Work for when the timeline is still (issue 16: drawing ahead): `poke()` at each pan frame
// postpones it; once no frame came for `quietMs`, `run` is called in the browser's idle time
// (requestIdleCallback, or a plain timeout where the browser has none), so it never lands in the
// middle of a gesture. `run` gets the idle period's deadline, and `idleSlice` cuts long work into
// slices that end with it, so a keystroke that comes meanwhile waits for one slice, not for all.

export interface IdleAfterQuiet {
  /** Something moved: run later, not now. */
  poke(): void;
  cancel(): void;
}

/** What requestIdleCallback hands its callback: how long the browser expects to stay idle. */
export interface IdleTime {
  timeRemaining(): number;
}

type IdleApi = {
  requestIdleCallback?: (cb: (deadline: IdleTime) => void, opts?: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
};

/** Longest wait for idle time once quiet, so a busy page still gets the work done. */
const IDLE_TIMEOUT_MS = 500;

/** The longest slice of idle work, whatever the browser expects (it may say 50 ms of idle time). */
export const IDLE_SLICE_MS = 8;

/**
 * A budget for one slice of idle work: `more()` says whether to do one more piece. The first piece
 * is always allowed (work of many pieces always ends); then pieces go on while the deadline and
 * IDLE_SLICE_MS both leave time. Without a deadline (no idle callback: a plain timeout, or work
 * someone needs now) every piece is allowed.
 */
export function idleSlice(deadline: IdleTime | undefined, now: () => number = () => performance.now()): { more(): boolean } {
  if (!deadline) return { more: () => true };
  const end = now() + Math.min(IDLE_SLICE_MS, deadline.timeRemaining());
  let first = true;
  return {
    more() {
      if (first) {
        first = false;
        return true;
      }
      return now() < end;
    },
  };
}

export function idleAfterQuiet(run: (deadline?: IdleTime) => void, quietMs = 150, api: IdleApi = globalThis as IdleApi): IdleAfterQuiet {
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  let idleTimeout: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    clearTimeout(quiet);
    quiet = undefined;
    if (idle !== undefined) api.cancelIdleCallback?.(idle);
    idle = undefined;
    clearTimeout(idleTimeout);
    idleTimeout = undefined;
  };
  const whenIdle = () => {
    quiet = undefined;
    const go = (deadline?: IdleTime) => {
      idle = undefined;
      idleTimeout = undefined;
      run(deadline);
    };
    if (api.requestIdleCallback) idle = api.requestIdleCallback(go, { timeout: IDLE_TIMEOUT_MS });
    else idleTimeout = setTimeout(() => go(), 0);
  };
  return {
    poke() {
      cancel();
      quiet = setTimeout(whenIdle, quietMs);
    },
    cancel,
  };
}
