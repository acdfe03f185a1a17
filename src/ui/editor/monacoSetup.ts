// The editor's setup, bundled with the app (no CDN): Monaco with the features a YAML editor uses
// and the YAML tokenizer (monacoCore.ts, a classic script of its own that loadMonacoCore.ts
// loads), the workers as module chunks of our own build, and monaco-yaml with the schema of the
// scenario's Kubernetes version. Imported only by the lazily loaded editor pane.

import { loadMonacoCore } from './loadMonacoCore';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import type { KubeVersion } from '../../engine/version';
import { appStore } from '../../state/appStore';
import { whenAnswered } from '../../state/afterAnswer';
import { whenEditsPause } from '../../state/whenEditsPause';
import { editorEngagement } from './engagement';
import { SCENARIO_URI } from './scenarioSchema';
import { combinedSchema, loadWorkloadSchema } from './schemas/loadSchema';
import { simulationSchema } from './schemas/simulationSchema';
import YamlWorker from './yaml.worker?worker';
import { withLegacyWorkerApi } from './yamlWorkerBridge';

const monaco = await loadMonacoCore();

self.MonacoEnvironment = {
  getWorker: (_workerId, label) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
};

/**
 * The editor's themes: Monaco's own, but in the dark one comments get a lighter green, as
 * vs-dark's #608b4e on #1e1e1e (4.2:1) falls short of WCAG AA (4.5:1; this is 6:1).
 */
export const EDITOR_THEMES = { light: 'vs', dark: 'sidecar-lab-dark' } as const;
monaco.editor.defineTheme(EDITOR_THEMES.dark, {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '7ca668' }],
  colors: {},
});

/** The one schema entry: a stable uri, applied to the scenario model only. */
const SCHEMA_URI = 'inmemory://schemas/sidecar-lab-scenario.json';

/** How long typing must pause before monaco-yaml's worker starts (state/whenEditsPause.ts). */
const YAML_WORKER_AFTER_QUIET_MS = 500;
/**
 * monaco-yaml's worker starts once the reader reaches for the editor (engagement.ts says why) and
 * typing pauses; its requests reach it, as before, once the engine has answered the text of the
 * moment and the timeline is painted (issue 16: a keystroke redraws within two frames).
 */
const languageWorkerTurn = () => editorEngagement.reached.then(() => whenAnswered(appStore));
const startYamlWorker = () => editorEngagement.reached
  .then(() => whenEditsPause(appStore, YAML_WORKER_AFTER_QUIET_MS))
  .then(() => whenAnswered(appStore))
  .then(() => new YamlWorker());
const monacoYaml = configureMonacoYaml(withLegacyWorkerApi(monaco, startYamlWorker, languageWorkerTurn), {
  enableSchemaRequest: false,
  format: { enable: true },
  // The hover names the field's documentation, not our in-memory schema's uri.
  hoverSchemaSource: false,
  schemas: [],
});

export interface SchemaState {
  /** The (version, container names) the schema in use was built for; '' before the first. */
  key: string;
  version?: KubeVersion;
  /** Why the last requested schema is not in use (its file could not be loaded). */
  error?: string;
}

let state: SchemaState = { key: '' };
/** The key asked for last, and the promise that settles when it is in force (or failed). */
let wanted: { key: string; done: Promise<void> } = { key: '', done: Promise.resolve() };
const listeners = new Set<(s: SchemaState) => void>();

function publish(next: SchemaState) {
  state = next;
  for (const l of listeners) l(state);
}

export function getSchemaState(): SchemaState {
  return state;
}

export function onSchemaState(listener: (s: SchemaState) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function schemaKey(version: KubeVersion, containerNames: readonly string[]): string {
  return `${version}|${containerNames.join(',')}`;
}

/**
 * Puts the schema of `version` with these container names (completions of the Simulation
 * document's `containers:` and `events[].container`) in force. The workload schema is fetched on
 * first use; monaco-yaml is updated only when the (version, names) key changes, because an update
 * restarts its worker. A newer call wins over one still loading; a call for the key already asked
 * for returns the same promise. The promise settles once the schema is in force, or failed to load
 * (then `getSchemaState().error` says why, and the previous schema stays).
 */
export function setScenarioSchema(version: KubeVersion, containerNames: readonly string[]): Promise<void> {
  const key = schemaKey(version, containerNames);
  if (key === wanted.key) return wanted.done;
  const done = applySchema(key, version, containerNames);
  wanted = { key, done };
  return done;
}

async function applySchema(key: string, version: KubeVersion, containerNames: readonly string[]): Promise<void> {
  let schema;
  try {
    const workload = await loadWorkloadSchema(version);
    if (wanted.key !== key) return;
    schema = combinedSchema(workload, simulationSchema(containerNames, { version }));
  } catch (err) {
    if (wanted.key !== key) return;
    wanted = { key: state.key, done: Promise.resolve() }; // a later call for the same key tries again
    publish({ ...state, error: `The Kubernetes ${version} schema could not be loaded (${err instanceof Error ? err.message : String(err)}); completion and hover use the previous one.` });
    return;
  }
  // The new options are in force as soon as update() returns its promise (it restarts the worker
  // at once); the promise itself waits for the revalidation.
  void monacoYaml.update({ schemas: [{ uri: SCHEMA_URI, fileMatch: [SCENARIO_URI], schema }] }).catch(() => {});
  publish({ key, version });
}

export { monaco };
