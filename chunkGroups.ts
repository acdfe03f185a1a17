// Lazily loaded code that every page asks for arrives in few files (issue 16). Code splitting
// cuts a chunk wherever two dynamic imports share a module, and the page fetched some twenty
// small files right after its first frame (each request costs the browser more than its bytes).
// Each group here becomes one chunk: what its module imports statically, directly or not, except
// what the entry's and the app's first chunks hold (already loaded), what an earlier group took,
// and what the group's `apart` modules import: code a page asks for before its first frame (the
// embedded and explain views), which must not wait for the group's bytes.
//
// Groups here: the share code (the link codec, the address bar: awaited before the first frame
// when the address holds a link, otherwise asked for after it), then the parts every page shows
// after its first frame (src/ui/app/laterParts.ts). Measured on warm loads of the default
// scenario in the e2e suite's Chromium (per-process CPU, the two builds in turn, three rounds):
// 58 requests a load before, 27 after, and 1,808/1,860/1,873 ms of CPU against 1,575/1,718/1,845.

import type { Plugin } from 'vite';
import { staticClosure } from './preloadApp.ts';

export interface ChunkGroup {
  /** The chunk's name. */
  name: string;
  /** The module the page imports dynamically (a suffix of its id). */
  module: string;
  /** Modules a page asks for before its first frame (suffixes of ids): what they import stays out of this group. */
  apart?: readonly string[];
}

/**
 * Each group's modules: what its module imports statically, minus what `loaded` (the first chunks'
 * starting modules) and the group's `apart` import, and minus what an earlier group took.
 */
export function groupModules(groups: readonly { module: string; apart: readonly string[] }[], loaded: readonly string[], importsOf: (id: string) => readonly string[]): Set<string>[] {
  const taken = new Set<string>();
  for (const start of loaded) for (const id of staticClosure(start, importsOf)) taken.add(id);
  return groups.map(({ module, apart }) => {
    const outside = new Set(taken);
    for (const start of apart) for (const id of staticClosure(start, importsOf)) outside.add(id);
    const own = staticClosure(module, importsOf, outside);
    for (const id of own) taken.add(id);
    return own;
  });
}

/** `app`: the app module (a suffix of its id), whose first chunk is loaded before any group. */
export function chunkGroups(groups: readonly ChunkGroup[], app: string): Plugin {
  let members: Set<string>[] = groups.map(() => new Set());
  return {
    name: 'sidecar-lab-chunk-groups',
    apply: 'build',
    config: () => ({
      build: {
        rolldownOptions: {
          output: {
            codeSplitting: {
              groups: groups.map((g, i) => ({ name: g.name, test: (id: string) => members[i]!.has(id), includeDependenciesRecursively: false })),
            },
          },
        },
      },
    }),
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const find = (suffix: string) => ids.find((id) => id.endsWith(suffix));
      const missing = [app, ...groups.flatMap((g) => [g.module, ...(g.apart ?? [])])].filter((s) => find(s) === undefined);
      if (missing.length > 0) this.error(`chunkGroups: no module ends with ${missing.join(', ')}`);
      const loaded = [...ids.filter((id) => this.getModuleInfo(id)?.isEntry), find(app)!];
      const resolved = groups.map((g) => ({ module: find(g.module)!, apart: (g.apart ?? []).map((s) => find(s)!) }));
      members = groupModules(resolved, loaded, (id) => this.getModuleInfo(id)?.importedIds ?? []);
    },
  };
}
