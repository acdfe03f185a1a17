// What a boundary shows of an error it caught (a part that failed to load, a pane or the editor
// that stopped, the whole app): the error's own text, or what it is when it has none.

/** An error's message for a reader: its own text, or what it is when it has none. */
export function failureMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (error === undefined || error === null) return 'an unknown error';
  const text = String(error);
  return text === '' || text === '[object Object]' ? 'an unknown error' : text;
}
