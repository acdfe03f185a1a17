// Whether the page is in explain mode (issue 14), apart from the explanation itself, so the
// page's frame can ask without loading the explain code (issue 16: it arrives when needed).

import type { AppState } from '../store';

/** The engine read the text as a real pod (it has a status): the page explains it. */
export const selectExplainMode = (s: AppState): boolean => s.result?.explain !== undefined;
