// The goals of issue 16, printed beside the figures by `npm run bench`: each is a bound a figure
// must stay within (at least, or at most). A figure with no goal prints an empty goal column.

export interface Goal {
  /** 'min': the figure must be at least `value`; 'max': at most. */
  kind: 'min' | 'max';
  value: number;
}

export const GOALS: Readonly<Record<string, Goal>> = {
  'engine.eventsPerSecond': { kind: 'min', value: 500_000 },
  'budget.totalMs': { kind: 'max', value: 250 },
  'web.firstTimelineOverBlank': { kind: 'max', value: 3 },
  'web.initialJsGzipKb': { kind: 'max', value: 120 },
  'web.keystrokeToTimelineP95Ms': { kind: 'max', value: 33 },
  'web.keystrokeToTimelineP95Ms40': { kind: 'max', value: 50 },
  'web.budgetHeapMb': { kind: 'max', value: 150 },
  'cli.coldRunMs': { kind: 'max', value: 400 },
  'web.panFrameP95Ms': { kind: 'max', value: 8.3 },
  'share.linkOverLzString': { kind: 'max', value: 0.45 },
  // Issue 16's "done when": `.ci/run` on a clean clone in 8 minutes, install included.
  'test.cleanCloneSeconds': { kind: 'max', value: 480 },
};

/** "≥ 500000" or "≤ 250". */
export function goalText(goal: Goal): string {
  return `${goal.kind === 'min' ? '≥' : '≤'} ${goal.value}`;
}

export function meetsGoal(goal: Goal, value: number): boolean {
  return goal.kind === 'min' ? value >= goal.value : value <= goal.value;
}

/** The printed table: figure, value, goal, and whether the figure meets it. */
export function resultTable(results: Record<string, number>): string {
  const rows = Object.entries(results).map(([key, value]) => {
    const goal = GOALS[key];
    return [key, String(value), goal ? goalText(goal) : '', goal ? (meetsGoal(goal, value) ? 'met' : 'NOT MET') : ''];
  });
  const header = ['figure', 'value', 'goal', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
