// Monaco itself: the editor core, the features the scenario editor uses (monacoFeatures.ts) and
// the YAML tokenizer. The build makes this file a classic script of its own (monacoClassic.ts at
// the root says why); `vite` dev imports it as a module. monacoSetup.ts loads it either way.

import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import './monacoFeatures';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';

export { monaco };
