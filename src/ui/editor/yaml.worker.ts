// The YAML language worker, as monaco-yaml's README advises for Vite.
import 'monaco-yaml/yaml.worker.js';
