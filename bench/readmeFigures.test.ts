import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BEGIN, END, figuresBlock, withFigures } from './readmeFigures';
import type { Results } from './results';

const results: Partial<Results> = {
  node: 'v20.20.2',
  sections: { engine: { at: '2026-12-04T05:40:12.000Z', runs: 3, repeats: 2 }, web: { at: '2026-12-04T05:50:00.000Z', runs: 5, repeats: 1 } },
  spread: { 'engine.eventsPerSecond': [28000, 41000] },
  'web.panFrameP95Ms': 8.1,
  'engine.eventsPerSecond': 30123,
};

describe('the README figures table (generated from bench/results.json)', () => {
  it('lists each figure in the order the bench measures them, with its spread, goal and verdict', () => {
    const lines = figuresBlock(results).split('\n');
    expect(lines[1]).toBe('Measured on v20.20.2: engine 2026-12-04 05:40 UTC (3 runs × 2 repeats); web 2026-12-04 05:50 UTC (5 runs). A value is the median of the repeats, the lowest and highest in brackets; a goal is judged on the median.');
    const rows = lines.filter((l) => l.startsWith('| `'));
    expect(rows[0]).toMatch(/^\| `engine\.eventsPerSecond` \| 30,123 \(28,000–41,000\) \| ≥ 500,000: \*\*not met\*\* \| trace events per second/);
    expect(rows[1]).toMatch(/^\| `web\.panFrameP95Ms` \| 8\.1 \| ≤ 8\.3: met \| CPU time per frame/);
  });

  it('replaces only the block between the markers', () => {
    const readme = `# Title\n\nbefore\n${BEGIN}\nold\n${END}\nafter\n`;
    const out = withFigures(readme, results);
    expect(out.startsWith('# Title\n\nbefore\n')).toBe(true);
    expect(out.endsWith(`${END}\nafter\n`)).toBe(true);
    expect(out).not.toContain('\nold\n');
  });

  it('refuses a README without the markers instead of losing text', () => {
    expect(() => withFigures('# no block', results)).toThrow(/no figures block/);
  });

  it('the committed README holds the table the committed results give', () => {
    const committed = JSON.parse(readFileSync(new URL('./results.json', import.meta.url), 'utf8')) as Partial<Results>;
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(figuresBlock(committed));
  });
});
