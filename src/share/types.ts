// What a share link carries. The link codec (link.ts) turns a ShareState into a URL fragment and
// back; the app decides what to do with it (load it, ask first, show it side by side).

/** One scenario as a link holds it: the editor text and the settings the app had for it. */
export interface ScenarioState {
  /** The scenario YAML, exactly as it was in the editor. */
  text: string;
  /** The version picked in the app, e.g. "1.33". Absent: the text's own or the newest. */
  kubernetesVersion?: string;
  /** Feature-gate overrides on top of the version's defaults. */
  featureGates?: Record<string, boolean>;
  /** The timeline cursor in simulated seconds (millisecond precision). Absent: the end. */
  cursor?: number;
  /** A short name for this side of a comparison, e.g. "native sidecar". */
  label?: string;
}

/** Two or more scenarios side by side on one time axis. The link's own scenario is the first side. */
export interface CompareView {
  kind: 'compare';
  /** The sides after the first, in order (at least one). */
  sides: ScenarioState[];
}

export type ShareView = CompareView;

export interface ShareState extends ScenarioState {
  view?: ShareView;
}

export type LinkErrorKind =
  | 'newer-format'
  | 'unknown-format'
  | 'too-long'
  | 'not-base64'
  | 'truncated'
  | 'corrupt'
  | 'too-large'
  | 'invalid-content';

/** Why a link could not be opened. `message` is for the user; `detail` is for a bug report. */
export interface LinkError {
  kind: LinkErrorKind;
  message: string;
  detail?: string;
}

export type DecodeResult =
  | { ok: true; state: ShareState; /** The link's format version. */ format: number }
  | { ok: false; error: LinkError };
