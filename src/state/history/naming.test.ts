import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../defaultScenario';
import { scenarioFileName, scenarioName } from './entryName';
import { relativeTime } from './relativeTime';
import { sameText, textHash, wellFormed } from './sameText';

describe('naming and dating history entries', () => {
  it('names an entry from its workload\'s kind and metadata.name, in block or flow style', () => {
    expect(scenarioName(DEFAULT_SCENARIO)).toBe('Pod myapp-pod');
    expect(scenarioName('apiVersion: batch/v1\nkind: "Job"\nmetadata: { name: flaky, labels: {a: b} }\n')).toBe('Job flaky');
    expect(scenarioName('metadata:\n  labels:\n    name: not-this\n  name: \'web\' # the pod\nkind: Pod\n')).toBe('Pod web');
    expect(scenarioName('')).toBe('untitled scenario');
    expect(scenarioFileName('kind: Pod\nmetadata:\n  name: My Web/1\n')).toBe('pod-my-web-1.yaml');
    expect(scenarioFileName('')).toBe('untitled-scenario.yaml');
  });

  it('says times relative to now', () => {
    const now = 10_000_000_000;
    expect(relativeTime(now - 10_000, now)).toBe('just now');
    expect(relativeTime(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(relativeTime(now - 3 * 3600_000, now)).toBe('3 h ago');
    expect(relativeTime(now - 26 * 3600_000, now)).toBe('yesterday');
    expect(relativeTime(now - 4 * 86400_000, now)).toBe('4 days ago');
    expect(relativeTime(now + 60_000, now)).toBe('just now');
  });

  it('compares texts as the link codec leaves them: lone surrogates become U+FFFD', () => {
    expect(wellFormed('a\uD800b\uDC00c\uD83D\uDE00')).toBe('a\uFFFDb\uFFFDc\uD83D\uDE00');
    expect(sameText('x\uDC00', 'x\uFFFD')).toBe(true);
    expect(sameText('x', 'y')).toBe(false);
    expect(textHash('x\uD800')).toBe(textHash('x\uFFFD'));
    expect(textHash('x')).not.toBe(textHash('y'));
  });
});
