// How the page prints a time: seconds, up to three decimals, no trailing zeros.

export function formatSeconds(t: number): string {
  return String(Math.round(t * 1000) / 1000);
}
