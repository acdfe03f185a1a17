// Reads the Pod objects of every file given to `status` or `actions`, in input order. Any
// invalid file makes the whole command fail with exit 2 after all problems are printed.
// Hostile text is stopped before the Pod reader sees it (binary data, deep nesting: the
// scenario parser's own screen), and whatever the reader still throws (an alias bomb) becomes
// a problem line, never a stack trace.

import { loadPods, type LoadedPod, type LoadResult } from '../engine/apiPod/loadPods';
import { Problems } from '../engine/scenario/problems';
import { MAX_ALIAS_COUNT } from '../engine/scenario/limits';
import { screenYamlText } from '../engine/scenario/yamlDocs';
import { FileError, reportProblems, type CliIO } from './io';

export interface PodInFile extends LoadedPod {
  file: string;
}

export type PodFilesResult = { ok: true; pods: PodInFile[] } | { ok: false };

export function readPodFiles(io: CliIO, files: string[]): PodFilesResult {
  const pods: PodInFile[] = [];
  let ok = true;
  for (const file of files) {
    let text: string;
    try {
      text = io.readFile(file);
    } catch (e) {
      if (!(e instanceof FileError)) throw e;
      io.err(e.message);
      ok = false;
      continue;
    }
    const loaded = loadPodsSafely(text);
    if (reportProblems(io, file, loaded.problems)) ok = false;
    if (loaded.pods.length === 0 && loaded.problems.length === 0) {
      io.err(`${file}:1:1: no Pod object found (expected a Pod, or a List of Pods, as kubectl get pod -o yaml prints it)`);
      ok = false;
    }
    pods.push(...loaded.pods.map((p) => ({ ...p, file })));
  }
  return ok ? { ok, pods } : { ok: false };
}

function problemsOnly(p: Problems): LoadResult {
  return { pods: [], problems: p.list };
}

/** loadPods behind the scenario parser's screen, with anything it throws as a problem. */
function loadPodsSafely(text: string): LoadResult {
  const p = new Problems();
  if (!screenYamlText(text, p)) return problemsOnly(p);
  try {
    return loadPods(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (e instanceof ReferenceError || /alias/i.test(msg)) {
      p.error('', `YAML aliases expand too much (more than ${MAX_ALIAS_COUNT} alias expansions); a Pod file may not use an alias bomb ("billion laughs")`);
    } else {
      p.error('', `this file could not be read as Pod objects (${msg})`);
    }
    return problemsOnly(p);
  }
}

/** `default/myapp-pod (pod.yaml:3)`, naming a pod in text output. */
export function podLabel(p: PodInFile): string {
  return `${p.pod.namespace}/${p.pod.name || '(no name)'} (${p.file}:${p.line})`;
}
