// Which shell reads a `sh -c` script, and whether it execs the script's last command ([15.3]).
// A shell that execs its last simple command leaves that program as the container's PID 1, so the
// runtime's SIGTERM reaches it instead of a shell that ignores it.
//
// - bash: parse_and_execute (builtins/evalstring.c) does not fork the last simple command of a
//   `-c` string (should_suppress_fork; from 5.1 also after `;`, `&&` or `||`,
//   can_optimize_connection) when no trap is set and the command has no redirection.
// - busybox ash (busybox and Alpine images; shell/ash.c): ash_main evaluates a `-c` string with
//   EV_EXIT, evaltree passes it to the second command of `;`, `&&` and `||` (not into `!` or
//   loops), and evalcommand execs the command instead of forking unless `may_have_traps`; a
//   redirection does not stop it (the exec'd program gets it). Since busybox 1.28 (1.27.2 still
//   forks, 1.30.1 execs, under strace): an older busybox image keeps the shell as PID 1.
// - dash (`sh` on Debian and Ubuntu, so in most application images): upstream dash has the same
//   EV_EXIT, but Debian's and Ubuntu's dash packages turn it off (patch 0004 "Disable sh -c
//   "command" -> sh -c "exec command" optimization", since 0.5.7-2 in 2011, still in Debian 11-13
//   and Ubuntu 22.04/24.04; each binary forks under strace): the shell stays PID 1. zsh and ksh
//   are read the same way (not checked).

import { parseImage } from './image';
import { baseName } from './shellWords';

export type ShellFlavour = 'bash' | 'ash' | 'posix';

/** Images whose /bin/sh is busybox ash (besides any tag with "alpine" in it, such as nginx:1.27-alpine). */
const ASH_IMAGES = new Set(['busybox', 'alpine', 'bash', 'netshoot']);
/** Images whose /bin/sh is bash (Red Hat, Arch and SUSE families). */
const BASH_SH_IMAGES = new Set([
  'centos', 'fedora', 'rockylinux', 'almalinux', 'oraclelinux', 'amazonlinux', 'ubi', 'ubi8', 'ubi9', 'ubi10',
  'ubi-minimal', 'archlinux', 'opensuse', 'leap', 'tumbleweed',
]);

/** The first busybox release whose ash execs a `-c` script's last command, and the first Alpine release with it (busybox 1.28.4). */
const FIRST_EXECING = { busybox: [1, 28], alpine: [3, 8] } as const;

/** Whether a `major.minor…` tag names a release before [major, minor]; false for a tag that is no version (latest, musl…). */
function tagBefore(tag: string | undefined, [major, minor]: readonly [number, number]): boolean {
  const m = /^(\d+)\.(\d+)/.exec(tag ?? '');
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a < major || (a === major && b < minor);
}

/** The shell `/bin/sh` is in this image (the official `bash` image is Alpine with bash added: its sh is ash). */
export function imageSh(image: string): ShellFlavour {
  const ref = parseImage(image);
  if ((ref.name === 'busybox' || ref.name === 'alpine') && tagBefore(ref.tag, FIRST_EXECING[ref.name])) return 'posix'; // its ash still forks
  if (ASH_IMAGES.has(ref.name) || ref.name.includes('alpine') || (ref.tag ?? '').includes('alpine')) return 'ash';
  if (BASH_SH_IMAGES.has(ref.name)) return 'bash';
  return 'posix';
}

/** The shell a command names (`bash`, `/bin/sh`, `busybox`…), `sh` being the image's. */
export function flavourOf(argv0: string, sh: ShellFlavour): ShellFlavour {
  const name = baseName(argv0);
  if (name === 'bash') return 'bash';
  if (name === 'ash' || name === 'busybox') return 'ash';
  if (name === 'sh') return sh;
  return 'posix';
}

/** Whether this shell execs the last simple command of a `-c` script (no trap set; bash: no redirection either). */
export function execsLastCommand(flavour: ShellFlavour): boolean {
  return flavour !== 'posix';
}
