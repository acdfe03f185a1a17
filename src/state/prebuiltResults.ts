// The engine's answers computed at build time (worker/prebuiltRun.ts) for the texts the page
// opens on most: the default scenario. The runner shows one at once for its text, so the first
// timeline needs no worker (issue 16), then confirms it with a live run.

import defaultResult from '../scenarios/00-default.yaml?engine-run';
import type { EngineResult } from '../worker/protocol';
import { DEFAULT_SCENARIO } from './defaultScenario';

/** The build's answer for exactly this text, if it has one. */
export function prebuiltResult(text: string): EngineResult | undefined {
  return text === DEFAULT_SCENARIO ? defaultResult ?? undefined : undefined;
}
