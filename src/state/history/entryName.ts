// A name for a scenario in the history: its workload's kind and metadata.name ("Pod web",
// "Job flaky"), read from the first YAML document's top-level keys without parsing the whole
// text (a history list must stay cheap for megabyte texts).

const SCAN_LINES = 400;

function unquote(v: string): string {
  const s = v.replace(/\s+#.*$/, '').trim();
  return s.replace(/^(["'])(.*)\1$/, '$2');
}

export function scenarioName(text: string): string {
  let kind = '';
  let name = '';
  let inMetadata = false;
  let childIndent = -1;
  const lines = text.split('\n', SCAN_LINES);
  for (const line of lines) {
    if (/^---\s*$/.test(line) && (kind || name)) break;
    const top = /^([A-Za-z]+):\s*(.*)$/.exec(line);
    if (top) {
      inMetadata = top[1] === 'metadata';
      childIndent = -1;
      if (top[1] === 'kind' && !kind) kind = unquote(top[2]!);
      if (inMetadata && !name) {
        const flow = /\bname:\s*([^,}\s]+)/.exec(top[2]!);
        if (flow) name = unquote(flow[1]!);
      }
      continue;
    }
    const nested = /^(\s+)([A-Za-z]+):\s*(.*)$/.exec(line);
    if (!inMetadata || !nested) continue;
    if (childIndent < 0) childIndent = nested[1]!.length;
    if (nested[1]!.length === childIndent && nested[2] === 'name' && !name) name = unquote(nested[3]!);
  }
  const label = [kind, name].filter((s) => s !== '').join(' ').slice(0, 80);
  return label === '' ? 'untitled scenario' : label;
}

/** A file name for the scenario's download: "pod-web.yaml". */
export function scenarioFileName(text: string): string {
  const slug = scenarioName(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `${slug || 'scenario'}.yaml`;
}
