// The scenario model's uri: the schema's fileMatch and the markers' resource. The schema itself is
// per Kubernetes version (schemas/loadSchema.ts, wired in monacoSetup.ts).

export const SCENARIO_URI = 'file:///scenario.yaml';
