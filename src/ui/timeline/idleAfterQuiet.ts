// Work for when the timeline is still (issue 16: drawing ahead): `poke()` at each pan frame
// postpones it; once no frame came for `quietMs`, `run` is called in the browser's idle time
// (requestIdleCallback, or a plain timeout where the browser has none), so it never lands in the
// middle of a gesture.

export interface IdleAfterQuiet {
  /** Something moved: run later, not now. */
  poke(): void;
  cancel(): void;
}

type IdleApi = {
  requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
};

/** Longest wait for idle time once quiet, so a busy page still gets the work done. */
const IDLE_TIMEOUT_MS = 500;

export function idleAfterQuiet(run: () => void, quietMs = 150, api: IdleApi = globalThis as IdleApi): IdleAfterQuiet {
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
    const go = () => {
      idle = undefined;
      idleTimeout = undefined;
      run();
    };
    if (api.requestIdleCallback) idle = api.requestIdleCallback(go, { timeout: IDLE_TIMEOUT_MS });
    else idleTimeout = setTimeout(go, 0);
  };
  return {
    poke() {
      cancel();
      quiet = setTimeout(whenIdle, quietMs);
    },
    cancel,
  };
}
