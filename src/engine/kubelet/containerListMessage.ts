// The message of Initialized and ContainersReady ([7.2], [7.3]): upstream's
// "containers with unknown status: [a], containers with unready status: [b c]" (generate.go,
// Go's `%s` of a string slice: `[a b]`).
//
// Issue 16: both conditions are computed at nearly every status write and probe patch, and most
// of the time they name the same containers as the time before (a patch that flips one flag
// recomputes ContainersReady). On a 40-container pod the message is a few hundred characters, so
// each condition keeps its last message with the names it came from and hands that very string
// back while the names match; the names are collected into reused scratch lists.

import { empty } from './scratchList';

const goList = (names: readonly string[]): string => `[${names.join(' ')}]`;

export class ContainerListMessage {
  /** Scratch lists the condition fills at each call (emptied by `start`); read by `message`. */
  readonly unknown: string[] = [];
  readonly other: string[] = [];
  private lastUnknown: string[] = [];
  private lastOther: string[] = [];
  private last = '';

  /** @param label the second group's word: "incomplete" (Initialized) or "unready" (ContainersReady). */
  constructor(private readonly label: string) {}

  /** Empties the scratch lists for a new call. */
  start(): void {
    empty(this.unknown);
    empty(this.other);
  }

  /** Whether the scratch lists name any container (then the condition is not True and has a message). */
  any(): boolean {
    return this.unknown.length > 0 || this.other.length > 0;
  }

  /** The message for the names in the scratch lists; the last one's string when they are the same names. */
  message(): string {
    if (!sameNames(this.unknown, this.lastUnknown) || !sameNames(this.other, this.lastOther)) {
      this.lastUnknown = this.unknown.slice();
      this.lastOther = this.other.slice();
      this.last = this.build();
    }
    return this.last;
  }

  private build(): string {
    const messages: string[] = [];
    if (this.unknown.length) messages.push(`containers with unknown status: ${goList(this.unknown)}`);
    if (this.other.length) messages.push(`containers with ${this.label} status: ${goList(this.other)}`);
    return messages.join(', ');
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
