// Monaco, bundled with the app (no CDN): the editor core with its standard features, the YAML
// tokenizer, the workers as module chunks of our own build, and monaco-yaml with our schema.
// Imported only by the lazily loaded editor pane.

import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import 'monaco-editor/esm/vs/editor/editor.all.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import { SCENARIO_URI, scenarioSchema } from './scenarioSchema';
import YamlWorker from './yaml.worker?worker';
import { withLegacyWorkerApi } from './yamlWorkerBridge';

self.MonacoEnvironment = {
  getWorker: (_workerId, label) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
};

configureMonacoYaml(withLegacyWorkerApi(monaco, () => new YamlWorker()), {
  enableSchemaRequest: false,
  format: { enable: true },
  schemas: [{ uri: 'inmemory://schemas/sidecar-lab-scenario.json', fileMatch: [SCENARIO_URI], schema: scenarioSchema }],
});

export { monaco };
