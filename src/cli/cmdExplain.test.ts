// `sim explain` in-process: the contract's JSON (kubectl as `status` prints it, next with RFC3339
// times), the text view, the same flags as `status`, and exit 2 with FILE:LINE:COL on bad input.

import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sim } from './inProcess.testkit';

const F = 'src/engine/explain/fixtures';


describe('sim explain', () => {
  it('--json: one object per pod with kubectl as `status` prints it and the next steps with their times', async () => {
    const r = await sim('explain', `${F}/crashloop.yaml`, `${F}/sidecar-startup-stuck.yaml`, '--json', '--now', '2021-07-14T19:53:00Z');
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const [crash, stuck] = r.out.map((l) => JSON.parse(l));
    expect(crash.kubectl).toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: '6 (38s ago)' });
    expect(crash.next).toEqual([{ container: 'centos-new', action: 'start', at: '2021-07-14T19:57:22Z', why: expect.stringMatching(/message says back-off 5m0s \[10\.2\]/) }]);
    expect(stuck.kubectl.status).toBe('Init:1/2');
    expect(stuck.next).toEqual([
      { container: 'otel-collector', action: 'kill', at: '2024-10-27T09:16:36Z', why: expect.stringMatching(/StartupProbe/) },
      { container: 'hotel-reserv-reservation', action: 'wait', at: null, why: expect.stringMatching(/otel-collector is started/) },
    ]);
  });

  it('kubectl matches `sim status` for the same pod and --now', async () => {
    const args = [`${F}/terminating.json`, '--json', '--now', '2019-12-20T06:20:17Z'];
    const explain = JSON.parse((await sim('explain', ...args)).out[0]!);
    const status = JSON.parse((await sim('status', ...args)).out[0]!);
    expect(explain.kubectl).toEqual(status.kubectl);
    expect(explain.phase).toBe(status.phase);
  });

  it('prints the text view: columns, phase, conditions, containers in words, next', async () => {
    const r = await sim('explain', `${F}/job-sidecar-completed.yaml`, '--now', '2025-04-30T08:00:31Z', '--k8s', '1.33');
    expect(r.code).toBe(0);
    const text = r.out.join('\n');
    expect(text).toMatch(/pod default\/myjob-t8kq2 \(.*job-sidecar-completed\.yaml:\d+\), Kubernetes 1\.33/);
    expect(text).toMatch(/myjob-t8kq2 +1\/2 +Completed +0 +31s/);
    expect(text).toMatch(/READY 1\/2 with STATUS Completed/);
    expect(text).toMatch(/logshipper +kill/);
  });

  it('--k8s 1.27 reports the sidecar field that version does not know, as a warning at its line', async () => {
    const r = await sim('explain', `${F}/sidecar-startup-stuck.yaml`, '--k8s', '1.27', '--json');
    expect(r.code).toBe(0);
    expect(r.err.join('\n')).toMatch(/sidecar-startup-stuck\.yaml:66:5: spec\.initContainers\[1\]\.restartPolicy: warning: strict decoding error/);
  });

  it('exits 2 with FILE:LINE:COL lines on invalid input, and says what to paste instead of describe output', async () => {
    const describeOut = await sim('explain', `${F}/describe.txt`);
    expect(describeOut.code).toBe(2);
    expect(describeOut.err[0]).toMatch(/describe\.txt:1:1: this is `kubectl describe pod` output/);
    const cut = await sim('explain', `${F}/truncated.yaml`);
    expect(cut.code).toBe(2);
    expect(cut.err.some((l) => /truncated\.yaml:\d+:\d+: /.test(l) && !l.includes(':1:1:'))).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'explain-'));
    const noStatus = join(dir, 'pod.yaml');
    writeFileSync(noStatus, 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [{ name: a, image: busybox }]\n');
    const bare = await sim('explain', noStatus);
    expect(bare.code).toBe(2);
    expect(bare.err.join('\n')).toMatch(/pod\.yaml:1:1: status: Required value/);
  });
});
