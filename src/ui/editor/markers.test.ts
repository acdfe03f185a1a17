import { describe, expect, it } from 'vitest';
import type { Problem } from '../../engine/scenario/types';
import { problemsToMarkers, problemToMarker, SEVERITY } from './markers';

const lines = ['apiVersion: v1', 'kind: Pod', ''];
const maxCol = (line: number) => (lines[line - 1]?.length ?? 0) + 1;
const base: Problem = { severity: 'error', path: 'kind', message: 'bad kind', line: 2, col: 7 };

describe('problemToMarker', () => {
  it('places a marker at line:col..endLine:endCol with the path in the message', () => {
    expect(problemToMarker({ ...base, endLine: 2, endCol: 10 }, 3, maxCol)).toMatchObject({
      severity: SEVERITY.error,
      message: 'kind: bad kind',
      startLineNumber: 2, startColumn: 7, endLineNumber: 2, endColumn: 10,
    });
  });

  it('runs to the end of the line when the problem has no end', () => {
    expect(problemToMarker(base, 3, maxCol)).toMatchObject({ endLineNumber: 2, endColumn: 10 });
  });

  it('maps the three severities to Monaco error, warning and info', () => {
    expect([8, 4, 2]).toEqual((['error', 'warning', 'info'] as const).map((severity) => problemToMarker({ ...base, severity }, 3, maxCol).severity));
  });

  it('keeps positions inside the text and never empty', () => {
    expect(problemToMarker({ ...base, line: 9, col: 40 }, 3, maxCol)).toMatchObject({
      startLineNumber: 3, startColumn: 1, endLineNumber: 3, endColumn: 2,
    });
    expect(problemToMarker({ ...base, line: 0, col: 0, path: '' }, 3, maxCol)).toMatchObject({
      message: 'bad kind', startLineNumber: 1, startColumn: 1,
    });
  });

  it('leaves infos (inferred behaviour) to the inline hints', () => {
    const problems: Problem[] = [base, { ...base, severity: 'info', message: 'app: sleep 30 → exits 0 after 30 s' }, { ...base, severity: 'warning' }];
    expect(problemsToMarkers(problems, 3, maxCol).map((m) => m.severity)).toEqual([8, 4]);
  });
});
