// Inferred behaviour (the engine's info problems) as short inline hints at the end of each
// container's first line: "⟶ exits 0 after 30 s; ignores SIGTERM". The full note stays in the
// hint's hover. Pure.

import type { Problem } from '../../engine/scenario/types';

export interface Hint {
  /** 1-based line the hint goes after (the container's `- name:` line). */
  line: number;
  /** The short text shown inline. */
  text: string;
  /** The engine's full note, for the hover. */
  full: string;
}

/** Longest inline hint, in characters; longer ones end with "…". */
export const MAX_HINT_CHARS = 72;

const SHORTER: [RegExp, string][] = [
  [/ as PID 1, so it is killed at the end of the grace period/g, ''],
  [/\bassumed to stop at once on SIGTERM with code 0\b/g, 'stops at once on SIGTERM'],
  [/\bthe shell execs its last command, (\S+), as PID 1, /g, '$1 is PID 1 and '],
  [/ \(killed at the end of the grace period\)/g, ''],
];

/** The behaviour part of a note, without the command it was read from. */
export function shortBehaviour(note: string): string {
  let s = note;
  const arrow = s.indexOf('→');
  if (arrow >= 0) s = s.slice(arrow + 1).trim();
  else {
    const assumed = /assumed long-running \(([^)]*)\)/.exec(s);
    const own = /^no command: .*?, (assumed long-running; .*)$/.exec(s);
    const shell = /^no command: .*\bwhich (exits \d+ at once)/.exec(s);
    if (assumed) s = `assumed long-running; ${assumed[1]}`;
    else if (own) s = own[1]!;
    else if (shell) s = `${shell[1]} (a shell without a terminal)`;
  }
  for (const [re, by] of SHORTER) s = s.replace(re, by);
  s = s.replace(/\s+/g, ' ').trim();
  return s.length > MAX_HINT_CHARS ? `${s.slice(0, MAX_HINT_CHARS - 1).trimEnd()}…` : s;
}

/** One hint per info problem (the engine writes them as "NAME: note" on the container's line). */
export function hintsFrom(problems: readonly Problem[]): Hint[] {
  const out: Hint[] = [];
  for (const p of problems) {
    if (p.severity !== 'info') continue;
    const colon = p.message.indexOf(': ');
    const note = colon >= 0 ? p.message.slice(colon + 2) : p.message;
    out.push({ line: p.line, text: `⟶ ${shortBehaviour(note)}`, full: p.message });
  }
  return out;
}
