import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { hintsFrom, MAX_HINT_CHARS, shortBehaviour } from './hints';

const DEFAULT = readFileSync(new URL('../../scenarios/00-default.yaml', import.meta.url), 'utf8');

const pod = (command: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: busybox\n${command}`;

describe('inline behaviour hints', () => {
  it('shortens each kind of note the engine writes', () => {
    expect(shortBehaviour('sleep 30 → exits 0 after 30 s; ignores SIGTERM as PID 1, so it is killed at the end of the grace period')).toBe('exits 0 after 30 s; ignores SIGTERM');
    expect(shortBehaviour('true → exits 0 at once')).toBe('exits 0 at once');
    expect(shortBehaviour("until nslookup db; do …; done waits for something the simulator cannot see: assumed long-running (ignores SIGTERM as PID 1, so it is killed at the end of the grace period); set exitAfter in the Simulation document"))
      .toBe('assumed long-running; ignores SIGTERM');
    expect(shortBehaviour("no command: proxyv2's own entrypoint with args proxy sidecar, assumed long-running; stops at once on SIGTERM with code 0"))
      .toBe('assumed long-running; stops at once on SIGTERM with code 0');
    expect(shortBehaviour("no command: busybox's default command is a shell, which exits 0 at once without a terminal")).toBe('exits 0 at once (a shell without a terminal)');
    expect(shortBehaviour('x'.repeat(200))).toHaveLength(MAX_HINT_CHARS);
  });

  it('puts one hint on each container line the engine notes, from its info problems only', () => {
    const r = runScenario(DEFAULT.replace(/\n---[\s\S]*$/, '\n'), {});
    const hints = hintsFrom(r.problems);
    const lines = DEFAULT.split('\n');
    expect(hints.map((h) => lines[h.line - 1]!.trim())).toEqual(['- name: myapp-container', '- name: init-myservice', '- name: init-mydb', '- name: istio-proxy']);
    expect(hints[0]!.text).toBe('⟶ exits 0 after 1 h; ignores SIGTERM');
    expect(hints[0]!.full).toMatch(/^myapp-container: echo The app is running! && sleep 3600 → /);
    expect(hintsFrom([{ severity: 'error', path: '', message: 'x', line: 1, col: 1 }])).toEqual([]);
  });

  it('says in a few words that the shell execs its last command [15.3]', () => {
    const r = runScenario(pod("      command: ['sh', '-c', \"echo hi; nginx -g 'daemon off;'\"]\n"), {});
    expect(hintsFrom(r.problems).map((h) => h.text)).toEqual(['⟶ assumed long-running; nginx is PID 1 and stops at once on SIGTERM']);
  });

  it('reads the engine’s wording for sleep with a trap', () => {
    const r = runScenario(pod("      command: ['sh', '-c', 'trap \"exit 0\" TERM; sleep 30 & wait']\n"), {});
    expect(hintsFrom(r.problems).map((h) => h.text)).toEqual([expect.stringMatching(/^⟶ .*TERM trap exits 0 at once/)]);
  });
});
