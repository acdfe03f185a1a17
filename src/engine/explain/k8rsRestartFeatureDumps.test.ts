// Explain mode on the k8rs dumps of pods caught in the restart features (fixtures/SOURCES.md:
// murat-akpinar/k8rs tests/fixtures neverrules.json and gang.json, published whole; the retryloop and
// gangwait pods of its 2026-08-20 report, search-index file 60793356202, kind v1.36.1, rebuilt
// around the fields and `kubectl get` lines it printed).
// - ContainerShouldRestart (pkg/api/v1/pod/util.go, 1.34+; kubelet/restartPolicy.ts): a Never
//   container's Restart rule restarts it on a listed exit code; no match falls back to Never [11.1].
//   ContainerRestartRules is alpha in 1.34 (off: the read drops the rules) and beta, on, from 1.35.
// - convertToAPIContainerStatuses' podRestarting branch (1.36+, kubernetes#136964): an in-place
//   restart's last state is exit 137 RestartingAllContainers with no times, so RESTARTS has no
//   "(… ago)" [11.2] [14.1].
import { describe, expect, it } from 'vitest';
import type { KubeVersion } from '../version';
import { explain, from } from './realDumps.testkit';

const words = (e: ReturnType<typeof explain>[number], name: string): string => e.containers.find((c) => c.name === name)!.words;
const step = (e: ReturnType<typeof explain>[number], name: string) => e.next.find((s) => s.container === name)!;

describe('k8rs neverrules.json (published): a Never container restarted once by its Restart rule, then stopped on exit 1', () => {
  it.each(from(35))('ContainerShouldRestart, ContainerRestartRules beta (%s): says why RESTARTS is 1 under Never and why exit 1 stays stopped [11.1]', (v) => {
    const [e] = explain('k8rs-neverrules.json', v);
    expect(e!.kubectl).toMatchObject({ ready: '1/2', status: 'Error', restarts: '1 (15s ago)' });
    expect(words(e!, 'retry')).toContain('restarted once although its restartPolicy is Never: its restartPolicyRules restart exit code 3');
    expect(words(e!, 'retry')).toContain('No rule matches exit code 1, so its own restartPolicy Never applies and it stays stopped [11.1]');
    expect(step(e!, 'retry')).toMatchObject({ action: 'wait', at: null });
    expect(e!.phase.value).toBe('Running');
  });

  it('ContainerShouldRestart, ContainerRestartRules alpha and off in 1.34: the kubelet follows the pod\'s Never alone, and the words say nothing of the rules [11.1]', () => {
    const [e] = explain('k8rs-neverrules.json', '1.34' as KubeVersion);
    expect(words(e!, 'retry')).toBe('retry stopped (exit code 1 (Error) at 2026-08-20T22:43:23Z).');
    expect(step(e!, 'retry')).toMatchObject({ action: 'wait', at: null });
  });
});

describe('k8rs retryloop (report 60793356202): `retryloop 1/2 CrashLoopBackOff 5 (2m18s ago) 5m24s` under Never', () => {
  it.each(from(35))('ContainerShouldRestart + the CrashLoopBackOff back-off (%s): the published columns, the rule named, the restart at the printed back-off [11.1] [4.5]', (v) => {
    const [e] = explain('k8rs-retryloop-crashloop.json', v, '2026-08-20T12:37:05Z');
    expect(e!.kubectl).toMatchObject({ ready: '1/2', status: 'CrashLoopBackOff', restarts: '5 (2m18s ago)', age: '5m24s' });
    expect(words(e!, 'retry')).toContain('restarted 5 times although its restartPolicy is Never');
    expect(words(e!, 'retry')).toContain('Its rule restarts exit code 3, so it starts again when the back-off ends');
    const s = step(e!, 'retry');
    expect(s.action).toBe('start');
    expect(s.at! - Date.parse('2026-08-20T12:34:47Z') / 1000).toBe(160); // "back-off 2m40s" after the last exit
  });
});

describe('k8rs gang.json (published): three in-place restarts, both containers running again', () => {
  it.each(from(36))('convertToAPIContainerStatuses podRestarting, 1.36+ (%s): RESTARTS 6 with no "(… ago)", the timeless last state explained [11.2]', (v) => {
    const [e] = explain('k8rs-gang.json', v);
    expect(e!.kubectl).toMatchObject({ ready: '2/2', status: 'Running', restarts: '6' });
    for (const name of ['trigger', 'bystander']) {
      expect(words(e!, name)).toContain('Its last run was ended by an in-place restart of the whole pod');
      expect(words(e!, name)).toContain('no start or finish time');
    }
    expect(e!.conditions.find((c) => c.type === 'AllContainersRestarting')!.why).toContain('No in-place restart is under way');
    expect(e!.next).toEqual([]);
  });

  it('RestartAllContainersOnContainerExits alpha and off in 1.35: the condition is kept as written and said to need the gate', () => {
    const [e] = explain('k8rs-gang.json', '1.35' as KubeVersion);
    expect(e!.conditions.find((c) => c.type === 'AllContainersRestarting')!.why).toContain('Only a kubelet with RestartAllContainersOnContainerExits writes AllContainersRestarting');
  });
});

describe('k8rs gangwait (report 60793356202): `gangwait 1/2 Error 2 106s`, a bystander stopped for good between in-place restarts', () => {
  it.each(from(36))('convertToAPIContainerStatuses podRestarting + ContainerShouldRestart (%s): the published columns; only the trigger\'s rule starts the bystander again [11.2] [4.1]', (v) => {
    const [e] = explain('k8rs-gangwait.json', v, '2026-08-20T12:37:05Z');
    expect(e!.kubectl).toMatchObject({ ready: '1/2', status: 'Error', restarts: '2', age: '106s' });
    const s = step(e!, 'bystander');
    expect(s).toMatchObject({ action: 'wait', at: null });
    expect(s.why).toContain('Only an in-place restart starts it again: when trigger exits with a code its RestartAllContainers rule lists');
    expect(words(e!, 'bystander')).toContain('Its last run was ended by an in-place restart');
  });
});
