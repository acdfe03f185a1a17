// Reading single words of a shell script ([15.2]): program names, `sleep` operands, and the loop
// lists whose length is known before the script runs (`$(seq …)`, bash's `{a..b}`).

import type { Word } from './shellParse';

export function baseName(cmd: string): string {
  const slash = cmd.lastIndexOf('/');
  return slash >= 0 ? cmd.slice(slash + 1) : cmd;
}

const SLEEP_UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** `sleep` operands: 10, 0.5, 2m, infinity. null = cannot tell. */
export function sleepSeconds(args: Word[]): number | null {
  if (args.length === 0) return null;
  let total = 0;
  for (const a of args) {
    if (a.dynamic) return null;
    if (/^inf(inity)?$/i.test(a.text)) return Infinity;
    const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(a.text);
    if (!m) return null;
    total += Number(m[1]) * (SLEEP_UNITS[m[2] ?? ''] ?? 1);
  }
  return total;
}

export function wordsText(words: Word[]): string {
  return words.map((w) => (/\s/.test(w.text) ? `'${w.text}'` : w.text)).join(' ');
}

/** `$(seq N)`, `$(seq A B)`, `$(seq A STEP B)` (or in backquotes): how many words it expands to. */
export function seqCount(w: Word): number | undefined {
  const m = /^(?:\$\(|`)\s*seq\s+(-?\d+)(?:\s+(-?\d+))?(?:\s+(-?\d+))?\s*(?:\)|`)$/.exec(w.text);
  if (!m) return undefined;
  const nums = [m[1], m[2], m[3]].filter((x): x is string => x !== undefined).map(Number);
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0] ?? 0] : nums.length === 2 ? [nums[0] ?? 1, 1, nums[1] ?? 0] : nums as [number, number, number];
  if (step === 0) return undefined;
  return Math.max(0, Math.floor((last - first) / step) + 1);
}

/** bash's `{1..5}` brace range (not expanded by sh, dash or busybox ash). */
export function braceCount(w: Word): number | undefined {
  const m = /^\{(-?\d+)\.\.(-?\d+)\}$/.exec(w.text);
  return m ? Math.abs(Number(m[2]) - Number(m[1])) + 1 : undefined;
}
