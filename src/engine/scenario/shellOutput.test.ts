// What an exec'd command prints, as the shell reader follows it ([15.4]): shellEval.ts readScript
// and readArgv, shellCommands.ts. The kubelet takes a run's stdout and stderr apart from ExecSync and
// appends the stderr to the stdout (kuberuntime_container.go RunInContainer, read in the stored
// context-era copy), so the two are kept apart here. Wordings: busybox's coreutils/ls.c my_stat
// (`bb_simple_perror_msg(fullname)`, EXIT_FAILURE), its cat's open_or_warn (`can't open '%s'`);
// GNU coreutils' error() with argv[0], cat's quotef, ls's quoteaf and exit code 2. Unknown output
// is null, never made up.
import { describe, expect, it } from 'vitest';
import { readArgv, readScript } from './shellEval';
import type { FileState } from './shellState';

const ash = (src: string, files?: Map<string, FileState>) => readScript(src, 'ash', 'ash', { userland: 'busybox', files });
const dash = (src: string, files?: Map<string, FileState>) => readScript(src, 'posix', 'posix', { userland: 'gnu', files });
const printed = (r: { out: string | null; err: string | null }) => [r.out, r.err];

describe('echo and printf: what POSIX sh, dash, bash and busybox ash all print for plain words', () => {
  it.each([
    ["echo 'Emulating a post-start hook failure'; exit 1", 'Emulating a post-start hook failure\n'],
    ['echo not ready', 'not ready\n'],
    ['echo', '\n'],
    ['echo -n waiting', 'waiting'],
    ['echo "a  b" c', 'a  b c\n'],
    ['printf "%s=%d\\n" a 1 b 2', 'a=1\nb=2\n'],
    ['printf "100%%\\tdone\\n"', '100%\tdone\n'],
    ['printf "%s|"', '|'],
  ])('%s', (src, out) => {
    expect(dash(src).out).toBe(out);
    expect(ash(src).out).toBe(out);
  });

  it.each([
    'echo $HOME', 'echo "x: $(date)"', 'echo -e "a\\tb"', 'echo "a\\nb"', 'printf "%5s\\n" x', 'printf "%b" x', 'date', 'env',
  ])('%s: what the shell or the program would print is not known (null)', (src) => {
    expect(dash(src).out).toBeNull();
  });

  it('a backslash in double quotes escapes only $ ` " \\ and a newline (POSIX XCU 2.2.3): printf gets its \\n', () => {
    expect(dash('printf "ok\\n"').out).toBe('ok\n');
    expect(dash('echo "cost: \\$5"').out).toBe('cost: $5\n');
  });
});

describe('redirections: where descriptors 1 and 2 go', () => {
  it.each([
    ['echo out; echo err >&2', ['out\n', 'err\n']],
    ['echo err 1>&2; echo out', ['out\n', 'err\n']],
    ['echo hidden > /dev/null; echo shown', ['shown\n', '']],
    ['echo x 2>&1 >/dev/null', ['', '']],
    ['{ echo a; echo b >&2; } 2>&1', ['a\nb\n', '']],
    ['( echo a; echo b ) >/dev/null', ['', '']],
    ['for i in 1 2 3; do echo tick; done', ['tick\ntick\ntick\n', '']],
    ['for i in 1 2; do echo tick; done > /dev/null', ['', '']],
    ['echo one | cat /tmp/none', [null, null]], // cat of a file it does not know prints what that file holds: unknown
    ['echo one | echo two', ['two\n', '']], // the first echo's stdout goes into the pipe
    ['exec > /dev/null 2>&1; echo gone; exit 1', ['', '']],
    ['echo x > /tmp/log; cat /tmp/log; echo y >> /tmp/log; cat /tmp/log', ['x\nx\ny\n', '']],
    ['echo $X > "$LOG"; echo after', [null, null]], // a target known only at run time may be the output itself
  ])('%s', (src, both) => {
    expect(printed(dash(src))).toEqual(both);
  });
});

describe('files the script creates or removes, as busybox and GNU coreutils word them', () => {
  it('cat of a removed file: busybox `cat: can\'t open \'%s\'`, GNU `%s: %s` with argv[0] as run, both exit 1', () => {
    const script = 'touch /tmp/healthy; rm -f /tmp/healthy; cat /tmp/healthy';
    expect(ash(script)).toMatchObject({ out: '', err: "cat: can't open '/tmp/healthy': No such file or directory\n", sure: true, outcome: { kind: 'exits', exitCode: 1 } });
    expect(dash(script)).toMatchObject({ out: '', err: 'cat: /tmp/healthy: No such file or directory\n', sure: true, outcome: { exitCode: 1 } });
    expect(dash('rm -f /tmp/h; /bin/cat /tmp/h').err).toBe('/bin/cat: /tmp/h: No such file or directory\n');
    expect(ash('rm -f /tmp/h; /bin/cat /tmp/h').err).toBe("cat: can't open '/tmp/h': No such file or directory\n");
  });

  it('ls: busybox `ls: %s: %m` exit 1; GNU `cannot access \'%s\'` exit 2 (8.25+), bare before; a file that is there prints its name', () => {
    const files = new Map<string, FileState>([['/var/ready', { exists: false }], ['/tmp/a', { exists: true, content: '' }]]);
    expect(ash('ls /var/ready', files)).toMatchObject({ out: '', err: 'ls: /var/ready: No such file or directory\n', outcome: { exitCode: 1 } });
    expect(dash('ls /var/ready /tmp/a', files)).toMatchObject({ out: '/tmp/a\n', err: "ls: cannot access '/var/ready': No such file or directory\n", outcome: { exitCode: 2 } });
    expect(readScript('ls /var/ready', 'posix', 'posix', { userland: 'gnu-old', files }).err).toBe('ls: cannot access /var/ready: No such file or directory\n');
  });

  it('ls with listing options: -l on a missing name prints the same error and exit code; on a file that is there exit 0 with a listing not known; an option it does not know: not followed', () => {
    const files = new Map<string, FileState>([['/var/ready', { exists: false }], ['/tmp/a', { exists: true, content: '' }]]);
    expect(dash('ls -l /var/ready', files)).toMatchObject({ out: '', err: "ls: cannot access '/var/ready': No such file or directory\n", sure: true, outcome: { exitCode: 2 } });
    expect(ash('ls -la /var/ready', files)).toMatchObject({ err: 'ls: /var/ready: No such file or directory\n', outcome: { exitCode: 1 } });
    expect(dash('ls -l /tmp/a', files)).toMatchObject({ out: null, sure: true, outcome: { exitCode: 0 } });
    expect(dash('ls -a1 /tmp/a', files)).toMatchObject({ out: '/tmp/a\n', outcome: { exitCode: 0 } });
    expect(dash('ls -R /tmp/a', files).sure).toBe(false);
  });

  it('test and [ answer for the files the script made, and print nothing', () => {
    expect(dash('touch /tmp/ready; [ -f /tmp/ready ]')).toMatchObject({ out: '', err: '', sure: true, outcome: { exitCode: 0 } });
    expect(dash('rm -f /tmp/ready; test -e /tmp/ready')).toMatchObject({ sure: true, outcome: { exitCode: 1 } });
    expect(dash('mkdir -p /tmp/d; [ ! -d /tmp/d ]')).toMatchObject({ sure: true, outcome: { exitCode: 1 } });
    expect(dash('echo hi > /tmp/f; [ -s /tmp/f ]')).toMatchObject({ sure: true, outcome: { exitCode: 0 } });
  });

  it('rm without -f of a file known gone: the userland\'s error and 1; of a file it does not know: 0 assumed, its output unknown', () => {
    expect(ash('rm -f /tmp/x; rm /tmp/x')).toMatchObject({ err: "rm: can't remove '/tmp/x': No such file or directory\n", sure: true, outcome: { exitCode: 1 } });
    expect(dash('rm -f /tmp/x; rm /tmp/x').err).toBe("rm: cannot remove '/tmp/x': No such file or directory\n");
    expect(dash('rm /tmp/y')).toMatchObject({ err: null, sure: false, outcome: { exitCode: 0 } });
  });

  it('a file the script never names is unknown: the reader times cat as before (0 assumed, output unknown)', () => {
    expect(dash('cat /tmp/healthy')).toMatchObject({ out: null, sure: false, outcome: { kind: 'exits', exitCode: 0 } });
    expect(readArgv(['cat', '/tmp/healthy'], { userland: 'busybox' })).toMatchObject({ out: null, sure: false });
    // A relative name depends on the working directory (the published CentOS probe `ls l /tmp/…` printed `ls: cannot access l`): unknown.
    expect(dash('touch /tmp/p; ls l /tmp/p').out).toBeNull();
  });

  it('without a userland, an error\'s words are unknown, cat\'s exit code is not', () => {
    const r = readScript('rm -f /tmp/x; cat /tmp/x', 'posix', 'posix');
    expect(r).toMatchObject({ out: '', err: null, sure: true, outcome: { exitCode: 1 } });
  });
});

describe('what makes a run\'s end or output unknown', () => {
  it('a background job that keeps the output open: the runtime waits for it (openOutput)', () => {
    expect(dash('sleep 10 & exit 1')).toMatchObject({ openOutput: true, outcome: { kind: 'exits', seconds: 0, exitCode: 1 } });
    expect(dash('sleep 10 > /dev/null 2>&1 & exit 1').openOutput).toBe(false);
    expect(dash('(sleep 2; echo late) & echo now; wait').out).toBeNull();
  });

  it('an exit code the reader only assumes is not sure; exit N, true, false and echo are', () => {
    expect(dash('grep -q x /etc/hosts').sure).toBe(false);
    expect(dash('grep -q x /etc/hosts; exit 1').sure).toBe(true);
    expect(dash('echo ok').sure).toBe(true);
    expect(dash('false || true').sure).toBe(true);
    expect(dash('sleep 1; exit $?').sure).toBe(true);
  });

  it('a loop\'s files are followed through its first round only; the log keeps each change\'s time from the start', () => {
    const r = dash('sleep 5; touch /tmp/a; sleep 5; for i in 1 2; do rm -f /tmp/a; sleep 1; touch /tmp/a; sleep 1; done; sleep 3');
    expect(r.files.log.map((e) => [e.t, e.path, e.state?.exists])).toEqual([
      [5, '/tmp/a', true], [10, '/tmp/a', false], [11, '/tmp/a', true], [12, '/tmp/a', undefined],
    ]);
    expect(r.files.known.has('/tmp/a')).toBe(false);
  });

  it('a nested `sh -c` counts its times from the outer start', () => {
    const r = dash('sleep 4; sh -c "sleep 2; touch /tmp/b"');
    expect(r.files.log.map((e) => e.t)).toEqual([6]);
  });
});
