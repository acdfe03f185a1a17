// The link of what the app shows now: the editor's scenario, its version and cursor, the
// compare view when it is open, and the timeline's span when the user chose one (`&view=`).

import { appHref, encodeFragment, withViewParam, type ScenarioState, type ShareState } from '../../share';
import { shareSafeText } from '../../state/explain/shareSafeText';
import { selectVersion } from '../../state/simulationDoc/selectors';
import type { AppState } from '../../state/store';

export function currentShareState(s: AppState): ShareState {
  // A real pod (explain mode) travels only in its share-safe form (issue 14).
  const first: ScenarioState = { text: shareSafeText(s.text), kubernetesVersion: selectVersion(s) };
  if (s.cursorTime !== null) first.cursor = s.cursorTime;
  const compare = s.compare;
  if (!compare || compare.length < 2) return first;
  first.label = compare[0]!.label;
  return {
    ...first,
    view: {
      kind: 'compare',
      sides: compare.slice(1).map((c) => {
        const side: ScenarioState = { text: c.text, kubernetesVersion: c.kubernetesVersion, label: c.label };
        if (c.cursor !== null) side.cursor = c.cursor;
        return side;
      }),
    },
  };
}

let lastEncoded: { state: string; fragment: string } | null = null;

/** The last state's fragment is kept: a pan or zoom changes only `&view=`, not what is encoded. */
function encodeOnce(state: ShareState): string {
  const key = JSON.stringify(state);
  if (lastEncoded?.state !== key) lastEncoded = { state: key, fragment: encodeFragment(state) };
  return lastEncoded.fragment;
}

export function currentFragment(s: AppState): string {
  return withViewParam(encodeOnce(currentShareState(s)), s.view);
}

/** The full address to share: this page, no query but what else it had, the fragment. */
export function currentLink(s: AppState, href: string, opts: { embed?: boolean } = {}): string {
  return appHref(href, currentFragment(s), opts);
}
