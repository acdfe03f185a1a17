// The run's `kubectl get pod -w` transcript: the header, then one line per pod.kubectl event
// (each change of READY/STATUS/RESTARTS kubectl's watch would print), AGE at that moment as
// kubectl prints it (apimachinery duration.HumanDuration, from the creationTimestamp's whole second; t = 0 is the pod's creation). Columns
// are laid out like kubectl's tabwriter (printers.GetNewTabWriter: min width 6, padding 3, the
// last column unpadded), over all lines at once so the transcript reads as one table.

import { apiSecond, humanDuration } from '../../engine/kubectl/humanDuration';
import type { Trace } from '../../engine/trace';

const HEADER = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'] as const;
const MIN_WIDTH = 6;
const PADDING = 3;

/**
 * The cells of each line, header first. A Job's pods are named by their own events; `onlyPod`
 * keeps one pod's lines (`kubectl get pod NAME -w`), the pod the kubectl strip follows.
 */
export function kubectlWatchRows(trace: Trace, podName: string, onlyPod?: string): string[][] {
  const rows: string[][] = [[...HEADER]];
  for (const e of trace.events) {
    if (e.type !== 'pod.kubectl') continue;
    if (onlyPod !== undefined && e.pod !== onlyPod) continue;
    rows.push([e.pod ?? podName, e.ready, e.status, e.restarts, humanDuration(e.t - apiSecond(podStart(trace, e.pod)))]);
  }
  return rows;
}

/** A Job's pod ages from its own creation; a lone pod from 0. */
function podStart(trace: Trace, pod: string | undefined): number {
  if (pod === undefined) return 0;
  return trace.pods?.find((p) => p.name === pod)?.start ?? 0;
}

export function kubectlWatchText(trace: Trace, podName: string, onlyPod?: string): string {
  const rows = kubectlWatchRows(trace, podName, onlyPod).map((r) => r.map(oneLine));
  const widths = HEADER.map((_, j) => Math.max(MIN_WIDTH, ...rows.map((r) => r[j]!.length + PADDING)));
  const lines = rows.map((r) => r.map((cell, j) => (j === r.length - 1 ? cell : cell.padEnd(widths[j]!))).join(''));
  return `${lines.join('\n')}\n`;
}

/** Scenario names are text from anyone: no line breaks or control characters inside a cell. */
function oneLine(cell: string): string {
  // eslint-disable-next-line no-control-regex
  return cell.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}
