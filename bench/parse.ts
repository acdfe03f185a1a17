// Parse-time figures: a Pod whose metadata holds 10,000 and then 80,000 labels, through the
// whole scenario parser. Eight times the keys should cost about eight times the time (the yaml
// package's own duplicate-key check made it quadratic: 85,000 keys took 38 s).

import { parseScenario } from '../src/engine/scenario/parse';
import { median, round, timeRuns } from './stats';

export function labelledPodText(labels: number): string {
  const lines = Array.from({ length: labels }, (_, i) => `    label-${i}: v\n`).join('');
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: labelled\n  labels:\n${lines}spec:\n  containers:\n    - name: app\n      image: nginx\n`;
}

export interface ParseFigures {
  'parse.ms10kKeys': number;
  'parse.ms80kKeys': number;
  /** 80,000 keys over 10,000 in the same run: 8 is linear, 64 quadratic. */
  'parse.growth80kOver10k': number;
}

export function measureParse(runs: number): ParseFigures {
  const small = labelledPodText(10_000);
  const large = labelledPodText(80_000);
  if (!parseScenario(large).ok) throw new Error('the labelled pod does not parse');
  const smallMs = median(timeRuns(() => parseScenario(small), runs, 1));
  const largeMs = median(timeRuns(() => parseScenario(large), runs, 1));
  return {
    'parse.ms10kKeys': round(smallMs, 1),
    'parse.ms80kKeys': round(largeMs, 1),
    'parse.growth80kOver10k': round(largeMs / smallMs, 1),
  };
}
