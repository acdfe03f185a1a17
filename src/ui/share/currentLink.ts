// The link of what the app shows now: the editor's scenario, its version and cursor, the
// compare view when it is open, and the timeline's span when the user chose one (`&view=`).

import { appHref, encodeFragment, encodeFragmentWithin, withViewParam, type ScenarioState, type ShareState } from '../../share';
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

/** The last state's fragment (null: too long to be a link that opens). A pan or zoom changes only `&view=`, not what is encoded. */
let lastEncoded: { state: string; fragment: string | null } | null = null;

function encodeOnce(state: ShareState): string | null {
  const key = JSON.stringify(state);
  if (lastEncoded?.state !== key) lastEncoded = { state: key, fragment: encodeFragmentWithin(state) };
  return lastEncoded.fragment;
}

/** The fragment of what the app shows, or null when its link would be too long to open (MAX_FRAGMENT_CHARS). */
export function currentFragment(s: AppState): string | null {
  const fragment = encodeOnce(currentShareState(s));
  return fragment === null ? null : withViewParam(fragment, s.view);
}

/**
 * The full address to share: this page, no query but what else it had, the fragment. A link too
 * long to open is written all the same (Share says how long, shareCheck.ts).
 */
export function currentLink(s: AppState, href: string, opts: { embed?: boolean } = {}): string {
  const fragment = currentFragment(s) ?? withViewParam(encodeFragment(currentShareState(s)), s.view);
  return appHref(href, fragment, opts);
}

/**
 * The address bar's: the link when it opens, else the page's plain address. A reload of a
 * scenario too big for a link then opens the saved text, instead of refusing the address as a
 * link too long (the address held a 235,000-character fragment for a 1.6 MB scenario).
 */
export function addressLink(s: AppState, href: string): string {
  return appHref(href, currentFragment(s) ?? '');
}
