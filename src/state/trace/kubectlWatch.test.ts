import { describe, expect, it } from 'vitest';
import { TRACE_SCHEMA, type Trace } from '../../engine/trace';
import { sidecarPodTrace } from '../testFixtures';
import { kubectlWatchRows, kubectlWatchText } from './kubectlWatch';

const why = 'fixture';

describe('kubectlWatchText (kubectl get pod -w, printers tabwriter, apimachinery HumanDuration)', () => {
  it('prints the header and one aligned line per pod.kubectl event', () => {
    const text = kubectlWatchText(sidecarPodTrace(), 'myapp-pod');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('NAME        READY   STATUS     RESTARTS   AGE');
    expect(lines[1]).toBe('myapp-pod   0/2     Pending    0          0s');
    expect(lines[2]).toBe('myapp-pod   0/2     Init:0/3   0          0s');
    expect(lines).toContain('myapp-pod   1/2     Running    0          11s');
    const kubectlEvents = sidecarPodTrace().events.filter((e) => e.type === 'pod.kubectl').length;
    expect(lines).toHaveLength(kubectlEvents + 1);
  });

  it('writes AGE as kubectl does past two minutes and keeps every column at least six wide', () => {
    const trace: Trace = {
      schema: TRACE_SCHEMA, kubernetesVersion: '1.34', end: 4000, containers: [],
      events: [
        { t: 119.9, type: 'pod.kubectl', ready: '1/1', status: 'Running', restarts: '0', why },
        { t: 150, type: 'pod.kubectl', ready: '0/1', status: 'Error', restarts: '1', why },
        { t: 3700, type: 'pod.kubectl', ready: '0/1', status: 'CrashLoopBackOff', restarts: '9 (2m ago)', why },
      ],
    };
    const rows = kubectlWatchRows(trace, 'p');
    expect(rows.slice(1).map((r) => r[4])).toEqual(['119s', '2m30s', '61m']);
    const lines = kubectlWatchText(trace, 'p').trimEnd().split('\n');
    expect(lines[0]).toBe('NAME   READY   STATUS             RESTARTS     AGE');
    expect(lines[3]).toBe('p      0/1     CrashLoopBackOff   9 (2m ago)   61m');
  });

  it('names a Job\'s pods by their events and ages each from its own creation', () => {
    const trace: Trace = {
      schema: TRACE_SCHEMA, kubernetesVersion: '1.34', end: 100, containers: [],
      pods: [{ name: 'job-a', start: 0 }, { name: 'job-b', start: 40 }],
      events: [
        { t: 30, type: 'pod.kubectl', ready: '0/1', status: 'Error', restarts: '0', why, pod: 'job-a' },
        { t: 45, type: 'pod.kubectl', ready: '0/1', status: 'Pending', restarts: '0', why, pod: 'job-b' },
      ],
    };
    expect(kubectlWatchRows(trace, 'ignored').slice(1)).toEqual([
      ['job-a', '0/1', 'Error', '0', '30s'],
      ['job-b', '0/1', 'Pending', '0', '5s'],
    ]);
    // kubectl get pod job-b -w: only the followed pod's lines (the kubectl strip's pod).
    expect(kubectlWatchRows(trace, 'ignored', 'job-b').slice(1)).toEqual([['job-b', '0/1', 'Pending', '0', '5s']]);
    expect(kubectlWatchText(trace, 'ignored', 'job-a')).not.toContain('job-b');
  });

  it('keeps a hostile name on one line, as text', () => {
    const trace = sidecarPodTrace();
    const text = kubectlWatchText(trace, 'evil\n<script>alert(1)</script>\r');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(trace.events.filter((e) => e.type === 'pod.kubectl').length + 1);
    expect(lines[1]!.startsWith('evil <script>alert(1)</script>')).toBe(true);
  });
});
