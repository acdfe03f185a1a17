// What the script reader knows about commands by name: which finish at once, which are shells
// ([15.1]). The names a `trap` knows the stop signal by are stopSignal.ts's.

import { baseName } from './shellWords';

/** Commands that finish at once with status 0 (their effect does not matter here). */
export const INSTANT = new Set([
  'echo', 'printf', 'date', 'env', 'printenv', 'ls', 'touch', 'mkdir', 'cp', 'mv', 'rm', 'cd', 'export',
  'set', 'unset', 'hostname', 'id', 'whoami', 'uname', 'pwd', 'chmod', 'chown', 'ln', 'sync', 'umask',
  'cat', 'tee', 'head', 'wc', 'sort', 'uniq', 'grep', 'sed', 'awk', 'cut', 'tr', 'basename', 'dirname',
  'logger', 'ulimit', 'shift', 'local', 'readonly', 'mount', 'df', 'du', 'ps', 'free', 'uptime', 'stat',
  'seq', 'nmeter',
]);

export const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'busybox']);

export function isShell(cmd: string): boolean {
  return SHELLS.has(baseName(cmd));
}
