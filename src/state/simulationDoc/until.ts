// The run's horizon, `until`, written into the Simulation document (the unfinished-run notice's
// "Extend until").

import { isScalar } from 'yaml';
import { editSimulation, setTopScalar } from './edit';
import { findSimulation, pairOf } from './locate';

/** Seconds as a duration string: 10s, 12.5s. */
export function formatDuration(seconds: number): string {
  return `${Math.round(seconds * 1000) / 1000}s`;
}

/**
 * The text with its Simulation document's `until` set to `seconds` (written like `80s`; the
 * document or the key is created when missing). Null when the document cannot be edited safely.
 */
export function withUntil(text: string, seconds: number): string | null {
  const literal = formatDuration(seconds);
  return editSimulation(text, {
    edit: (doc) => setTopScalar(doc, 'until', literal),
    create: `until: ${literal}\n`,
    check: (out) => {
      const found = findSimulation(out);
      const written = found.kind === 'found' ? pairOf(found.doc.map, 'until')?.value : undefined;
      return isScalar(written) && String(written.value) === literal;
    },
  });
}
