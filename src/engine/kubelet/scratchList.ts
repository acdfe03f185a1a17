// Lists reused from call to call by code that runs at every status write (the deciders, publish):
// issue 16, their fresh lists were a good part of a run's garbage.

/** Empties a list by pops: `length = 0` would drop its backing store, and the next pushes would grow a new one. */
export function empty(list: unknown[]): void {
  while (list.length !== 0) list.pop();
}
