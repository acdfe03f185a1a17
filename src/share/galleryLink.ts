// The link of a gallery entry: its text and the moment its lesson shows. No version is pinned,
// so the scenario runs on the version its Simulation document names, or the newest, exactly as
// the gallery's lesson tests run it. An entry with other sides also has a compare link.

import type { ScenarioState, ShareState } from './types';

export interface GallerySide {
  text: string;
  cursor?: number;
  label?: string;
}

function side(s: GallerySide): ScenarioState {
  const out: ScenarioState = { text: s.text };
  if (s.cursor !== undefined) out.cursor = s.cursor;
  if (s.label !== undefined) out.label = s.label;
  return out;
}

/** The entry's own link: its main side alone. */
export function galleryLinkState(main: GallerySide): ShareState {
  const { label: _label, ...rest } = side(main);
  return rest;
}

/** The entry's compare link: every side on one time axis. */
export function galleryCompareState(main: GallerySide, others: readonly GallerySide[]): ShareState {
  return { ...side(main), view: { kind: 'compare', sides: others.map(side) } };
}
