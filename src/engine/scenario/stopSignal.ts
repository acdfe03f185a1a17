// Which signal stops a container ([8.13]), and what that signal is to a process: its number, the
// names a shell's `trap` knows it by, and what it does to a process with no handler for it.
//
// The kubelet asks the runtime to stop a container (killContainer → CRI StopContainer with the
// remaining grace); the runtime chooses the signal. containerd's stopContainer sends the
// container's stop signal from the image's config (Dockerfile STOPSIGNAL), else SIGTERM; from
// 1.33, with ContainerStopSignals on, `lifecycle.stopSignal` comes first (KEP-4960: container
// spec > image STOPSIGNAL > SIGTERM). CRI-O does the same.

import { parseImage } from './image';
import type { ContainerSpec } from './types';

/** Linux's signal numbers (x86 and arm; what `kill -l` prints). */
const NUMBERS: Readonly<Record<string, number>> = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGIOT: 6, SIGBUS: 7, SIGFPE: 8,
  SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGSTKFLT: 16,
  SIGCHLD: 17, SIGCLD: 17, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23,
  SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31,
  SIGRTMIN: 34, SIGRTMAX: 64,
};

/** Signals whose default action is not to end the process (signal(7)): ignored, or a stop or continue. */
const HARMLESS_BY_DEFAULT = new Set(['SIGCHLD', 'SIGCLD', 'SIGURG', 'SIGWINCH', 'SIGCONT', 'SIGSTOP', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU']);

/** `SIGQUIT`, `QUIT`, `sigquit` or `3` → `SIGQUIT`; undefined for what names no signal. */
export function signalName(text: string): string | undefined {
  const t = text.trim().toUpperCase();
  if (/^\d+$/.test(t)) return Object.keys(NUMBERS).find((k) => NUMBERS[k] === Number(t));
  const name = t.startsWith('SIG') ? t : `SIG${t}`;
  return name in NUMBERS ? name : undefined;
}

/** Whether a `trap` argument names this signal (`TERM`, `SIGTERM`, `15` for SIGTERM). */
export function namesSignal(word: string, signal: string): boolean {
  return signalName(word) === signalName(signal);
}

/** The exit code of a process this signal ends: 128 + its number (143 for SIGTERM, 131 for SIGQUIT). */
export function signalExitCode(signal: string): number {
  return 128 + (NUMBERS[signalName(signal) ?? 'SIGTERM'] ?? 15);
}

/** Whether the signal ends a process that has no handler for it (SIGTERM, SIGQUIT, SIGINT do; SIGWINCH does not). */
export function endsByDefault(signal: string): boolean {
  return !HARMLESS_BY_DEFAULT.has(signalName(signal) ?? 'SIGTERM');
}

/**
 * Official images whose config sets a STOPSIGNAL ([8.13]; read in their Dockerfiles and in
 * docker-library/repo-info's published build histories, session 35), by image name. `since`: the
 * first version of each release line whose final build has it (a line's tags are rebuilt while it
 * is current, so `nginx:1.18.0` got it in a rebuild and `nginx:1.19.4`, never rebuilt, did not); a
 * tag older than the first entry, or between a line's start and its entry, keeps SIGTERM. A tag
 * with no version (latest, alpine, bookworm) is the newest build.
 */
interface ImageStop {
  signal: string;
  /** Only tags for which this holds (an image's variants differ: php's fpm and apache tags). */
  tags?: (tag: string) => boolean;
  since?: readonly string[];
}

/** By repository: Docker Hub's official images (`nginx`, `library/nginx`, `docker.io/library/nginx`, a mirror's `…/library/nginx`), and NGINX's own unprivileged build. */
const IMAGE_STOP_SIGNALS: Readonly<Record<string, readonly ImageStop[]>> = {
  // docker-nginx 3fb70ddd (2020-11-24): SIGQUIT, nginx's graceful stop (1.19.4 and before: SIGTERM).
  nginx: [{ signal: 'SIGQUIT', since: ['1.18.0', '1.19.5'] }],
  'nginxinc/nginx-unprivileged': [{ signal: 'SIGQUIT', since: ['1.18.0', '1.19.5'] }],
  // docker-library/httpd 4faace9 (2019-11-28; `WINCH` from 2.4.41, which containerd cannot parse, until then): graceful stop.
  httpd: [{ signal: 'SIGWINCH', since: ['2.4.41'] }],
  // docker-library/postgres bfc5d81 (2020-09-24): SIGINT, postgres' fast shutdown (SIGTERM is its "smart" one, which waits for every client).
  postgres: [{ signal: 'SIGINT', since: ['9.5.23', '9.6.19', '10.14', '11.9', '12.4', '13.0'] }],
  // docker-library/haproxy #72 (2018-08): SIGUSR1, haproxy's soft stop (every line then current was rebuilt).
  haproxy: [{ signal: 'SIGUSR1' }],
  // docker-library/php #816 (2019-04-24, fpm: php-fpm's graceful stop) and #909 (2019-11-28, apache).
  php: [
    { signal: 'SIGQUIT', tags: (t) => t.includes('fpm'), since: ['7.1.29', '7.2.18', '7.3.5', '7.4.0'] },
    { signal: 'SIGWINCH', tags: (t) => t.includes('apache'), since: ['7.2.25', '7.3.12', '7.4.0'] },
  ],
};

/** A tag's leading version as numbers (`1.27-alpine` → [1, 27]); undefined for `latest`, `alpine`… */
function tagVersion(tag: string): number[] | undefined {
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(tag);
  return m ? m.slice(1).filter((x) => x !== undefined).map(Number) : undefined;
}

/** Compares versions part by part; a missing part is the line's newest (`1.19` > `1.19.5`). */
function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? Infinity;
    const y = b[i] ?? Infinity;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * Whether a tag's image has the signal. Each `since` entry is the first version of its release
 * line (the entry without its last part: `1.19.5` is nginx's 1.19 line, `12.4` postgres' 12): a
 * tag of that line has it from there on, a tag of a later line has it, an older one does not.
 */
function hasSince(tag: string, since: readonly string[] | undefined): boolean {
  const v = tagVersion(tag);
  if (!since || !v) return true;
  let olderLine = false;
  for (const entry of since) {
    const first = entry.split('.').map(Number);
    const line = first.slice(0, -1);
    const c = compare(line, line.map((_, i) => v[i] ?? Infinity));
    if (c === 0) return compare(v, first) >= 0;
    if (c < 0) olderLine = true;
  }
  return olderLine;
}

/** The repository an image reference names, Docker Hub's and its mirrors' `library/` left out: `nginx`, `bitnami/nginx`. */
function repository(image: string): string {
  let rest = image.trim().toLowerCase().split('@')[0]!;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) rest = rest.slice(0, colon);
  return rest
    .replace(/^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io|mirror\.gcr\.io|public\.ecr\.aws\/docker)\//, '')
    .replace(/^library\//, '');
}

/** The STOPSIGNAL of a known image, if it sets one (undefined: SIGTERM, or not known; another publisher's `nginx` is not known). */
export function imageStopSignal(image: string): string | undefined {
  const tag = parseImage(image).tag ?? 'latest';
  return IMAGE_STOP_SIGNALS[repository(image)]?.find((e) => (e.tags?.(tag) ?? true) && hasSince(tag, e.since))?.signal;
}

export interface StopSignal {
  signal: string;
  /** Where it comes from: the container's `lifecycle.stopSignal`, the image's STOPSIGNAL, or the runtime's default. */
  from: 'spec' | 'image' | 'default';
}

/** The signal the runtime stops this container with ([8.13]): the spec's, else the image's, else SIGTERM. */
export function stopSignalOf(spec: Pick<ContainerSpec, 'image' | 'stopSignal'>): StopSignal {
  if (spec.stopSignal) return { signal: signalName(spec.stopSignal) ?? spec.stopSignal, from: 'spec' };
  const fromImage = imageStopSignal(spec.image);
  return fromImage ? { signal: fromImage, from: 'image' } : { signal: 'SIGTERM', from: 'default' };
}
