// Reads the Pod objects of every file given to `status` or `actions`, in input order. Any
// invalid file makes the whole command fail with exit 2 after all problems are printed.

import { loadPods, type LoadedPod } from '../engine/apiPod/loadPods';
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
    const loaded = loadPods(text);
    if (reportProblems(io, file, loaded.problems)) ok = false;
    if (loaded.pods.length === 0 && loaded.problems.length === 0) {
      io.err(`${file}:1:1: no Pod object found (expected a Pod, or a List of Pods, as kubectl get pod -o yaml prints it)`);
      ok = false;
    }
    pods.push(...loaded.pods.map((p) => ({ ...p, file })));
  }
  return ok ? { ok, pods } : { ok: false };
}

/** `default/myapp-pod (pod.yaml:3)`, naming a pod in text output. */
export function podLabel(p: PodInFile): string {
  return `${p.pod.namespace}/${p.pod.name || '(no name)'} (${p.file}:${p.line})`;
}
