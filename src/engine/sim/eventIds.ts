// Event ids ("e0", "e1", …: contract section 3) made once and shared by every run (issue 16). A
// run's trace holds one per event, and each keystroke runs the engine again: the 40-container pod
// of the keystroke bench made 14,596 new id strings per run, which the garbage collector then
// copied from the young generation with the rest of the trace. At most the event budget's count
// are ever kept (50,000 short strings, about 1 MB).

const ids: string[] = [];

/** The id of the event at index `n` of a trace. */
export function eventId(n: number): string {
  while (ids.length <= n) ids.push(`e${ids.length}`);
  return ids[n]!;
}
