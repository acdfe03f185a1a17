import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store';
import { exportPng, exportSvg } from './exportCommands';
import type { CommandContext, TimelineExporter } from './types';

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

function contextWith(exporter: TimelineExporter): CommandContext {
  return { store: createAppStore('kind: Pod'), exporter, download: () => {} };
}

describe('export commands', () => {
  it('say in the live region why no file was downloaded, instead of doing nothing', async () => {
    const ctx = contextWith({
      svg: () => Promise.reject(new Error('the timeline is not drawn yet')),
      png: () => Promise.reject(new Error('the browser could not encode a 64000×2000 picture')),
    });
    exportSvg.run(ctx);
    await settled();
    expect(ctx.store.getState().notice).toBe('No SVG was downloaded: the timeline is not drawn yet.');
    exportPng.run(ctx);
    await settled();
    expect(ctx.store.getState().notice).toBe('No PNG was downloaded: the browser could not encode a 64000×2000 picture.');
  });

  it('say nothing when the file was made', async () => {
    const made: string[] = [];
    const ctx = contextWith({ svg: async () => { made.push('svg'); }, png: async () => { made.push('png'); } });
    exportSvg.run(ctx);
    exportPng.run(ctx);
    await settled();
    expect(made).toEqual(['svg', 'png']);
    expect(ctx.store.getState().notice).toBe('');
  });
});
