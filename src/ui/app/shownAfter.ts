// A flag that turns on only once its input has stayed on for a while, and off at once: a busy
// indicator that a quick answer never flashes. The running dot is this (StatusStrip): a keystroke's
// run answers in tens of milliseconds, and the dot, a live region saying "simulating", used to be
// inserted and removed at every key (announced to a screen reader, restyled and animated each
// time, on the keystroke's own path, issue 16).

import { useEffect, useState } from 'react';

/** The flag's logic, with the timer it needs: `set` the input, hear `onChange` when the flag changes. */
export class ShownAfter {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shown = false;

  constructor(private readonly delayMs: number, private readonly onChange: (shown: boolean) => void) {}

  set(on: boolean): void {
    if (!on) {
      this.stopTimer();
      this.update(false);
      return;
    }
    if (this.shown || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update(true);
    }, this.delayMs);
  }

  dispose(): void {
    this.stopTimer();
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private update(shown: boolean): void {
    if (shown === this.shown) return;
    this.shown = shown;
    this.onChange(shown);
  }
}

/** `on`, once it has held for `delayMs`; false at once when it stops. */
export function useShownAfter(on: boolean, delayMs: number): boolean {
  const [shown, setShown] = useState(false);
  const [signal] = useState(() => new ShownAfter(delayMs, setShown));
  useEffect(() => signal.set(on), [signal, on]);
  useEffect(() => () => signal.dispose(), [signal]);
  return on && shown;
}
