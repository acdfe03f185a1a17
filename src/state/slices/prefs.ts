// Page preferences: the colour theme (null follows prefers-color-scheme), the shortcut overlay,
// and the parameters the "break things" buttons use.

import type { SliceCreator } from './types';

export type Theme = 'light' | 'dark';

export interface InjectOptions {
  /** Exit code of an injected crash. */
  exitCode: number;
  /** How long an injected probe or pull failure lasts, seconds. */
  forSeconds: number;
  /** gracePeriodSeconds of an injected pod deletion; null uses the pod's own. */
  gracePeriodSeconds: number | null;
}

export interface PrefsSlice {
  theme: Theme | null;
  setTheme(theme: Theme | null): void;
  /** The system asks for dark colours (prefers-color-scheme), used while `theme` is null. */
  systemDark: boolean;
  setSystemDark(dark: boolean): void;
  helpOpen: boolean;
  setHelpOpen(open: boolean): void;
  inject: InjectOptions;
  setInjectOptions(patch: Partial<InjectOptions>): void;
  /** The last thing a command did or could not do, for a polite live region. */
  notice: string;
  announce(notice: string): void;
}

export const DEFAULT_INJECT: InjectOptions = { exitCode: 1, forSeconds: 30, gracePeriodSeconds: null };

export const createPrefsSlice: SliceCreator<PrefsSlice> = (set, get) => ({
  theme: null,
  setTheme: (theme) => set({ theme }),
  systemDark: false,
  setSystemDark: (systemDark) => set({ systemDark }),
  helpOpen: false,
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  inject: DEFAULT_INJECT,
  setInjectOptions: (patch) => set({ inject: { ...get().inject, ...patch } }),
  notice: '',
  announce: (notice) => set({ notice }),
});
