// The default scenario's text, read from the repository, and small edits of it.

import { readFileSync } from 'node:fs';

export const DEFAULT_SCENARIO = readFileSync(new URL('../../src/scenarios/00-default.yaml', import.meta.url), 'utf8');

/** A Job whose pod exits 1 after 3 s beside a native sidecar: three pods (backoffLimit 2), phase Failed. */
export const FLAKY_JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: flaky
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: proxy
          image: envoyproxy/envoy:v1.30
          restartPolicy: Always
      containers:
        - name: migrate
          image: busybox:1.36
          command: ['sh', '-c', 'sleep 3; exit 1']
`;

/** The 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" is not in the scenario`);
  return i + 1;
}

/** Replaces the whole line that contains `needle`. */
export function replaceLine(text: string, needle: string, line: string): string {
  const lines = text.split('\n');
  lines[lineOf(text, needle) - 1] = line;
  return lines.join('\n');
}
