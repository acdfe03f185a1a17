// The Kubernetes version a scenario text asks for in its Simulation document, read without
// parsing (the text may not even be valid): the top-level `kubernetesVersion:` key.

const KEY_RE = /^kubernetesVersion:[ \t]*(["']?)(\d{1,2}\.\d{1,3})\1[ \t]*(?:#.*)?$/m;

export function versionInText(text: string): string | undefined {
  return KEY_RE.exec(text)?.[2];
}
