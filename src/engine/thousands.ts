// Counts in the engine's messages, written as the page writes them.

/** A count with a comma every three digits, as toLocaleString('en-US') writes it (without loading the locale data). */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
