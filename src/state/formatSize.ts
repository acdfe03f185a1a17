// A size in words, the same everywhere the page names one (the editor's large-text notice, the
// share panel's): decimal units, as the text's size and the link's limit appear side by side.

/** "900 bytes", "85 kB", "3.1 MB". */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} bytes`;
  return n < 1_000_000 ? `${Math.round(n / 1000)} kB` : `${(n / 1_000_000).toFixed(1)} MB`;
}
