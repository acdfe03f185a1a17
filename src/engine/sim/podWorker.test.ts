// The pod worker ([0.1], [0.2]; pod_workers.go UpdatePod/managePodLoop, 1.3x): one sync at a
// time, requests during a sync coalesce into one more, and `stop` drops everything in flight;
// each sync after the first waits for a relist after the previous one ended ([0.6];
// podWorkerLoop's GetNewerThan(uid, lastSyncTime), read 1.27-1.36).

import { describe, expect, it } from 'vitest';
import { Kernel, type Task } from './kernel';
import { KubeletPodWorker } from './podWorker';

function setup(mayRun = () => true) {
  const k = new Kernel(100);
  const syncs: number[] = [];
  const sync = function* (): Task {
    syncs.push(k.now);
    yield { sleep: 2 };
  };
  return { k, syncs, worker: new KubeletPodWorker(k, sync, mayRun) };
}

describe('the pod worker [0.1]', () => {
  it('coalesces requests made during a sync into one sync, at the first relist after it ended [0.6]', () => {
    const { k, syncs, worker } = setup();
    worker.requestSync();
    k.at(1, () => { worker.requestSync(); worker.requestSync(); });
    k.run();
    expect(syncs).toEqual([0, 3]);
  });

  it('stop drops the sync in flight, the pending one and the requeue', () => {
    const { k, syncs, worker } = setup();
    worker.requestSync();
    worker.requeueAt(10);
    k.at(1, () => { worker.requestSync(); worker.stop(); });
    k.run();
    expect(syncs).toEqual([0]);
    expect(worker.syncing).toBe(false);
  });

  it('drops requests while the pod may not sync (gone, deleted, finished, kubelet down)', () => {
    let up = false;
    const { k, syncs, worker } = setup(() => up);
    worker.requestSync();
    k.at(3, () => { up = true; worker.requestSync(); });
    k.run();
    expect(syncs).toEqual([3]);
  });

  it('starts a sync requested between relists at once when a relist came after the previous sync [0.6] (podWorkerLoop, GetNewerThan, 1.27-1.36)', () => {
    const { k, syncs, worker } = setup();
    worker.requestSync(); // 0 → 2
    k.at(5.3, () => worker.requestSync()); // relists at 3, 4, 5 are newer than 2
    k.run();
    expect(syncs).toEqual([0, 5.3]);
  });

  it('holds a sync requested right after the previous one until the next relist [0.6] (podWorkerLoop, GetNewerThan, 1.27-1.36)', () => {
    const { k, syncs, worker } = setup();
    worker.requestSync(); // 0 → 2
    k.at(2.4, () => worker.requestSync());
    k.run();
    expect(syncs).toEqual([0, 3]);
  });

  it('a sync stopped under way (a deletion) counts as ended then: termination starts at the next relist [0.6] (podWorkerLoop, 1.27-1.36)', () => {
    const { k, worker } = setup();
    worker.requestSync(); // 0 → 2, stopped at 1.5
    let startAt: number | undefined;
    k.at(1.5, () => { worker.stop(); startAt = worker.earliestStart(); });
    k.run();
    expect(startAt).toBe(2);
  });

  it('a sync over before its first wait ends at once: no task, and the next request waits for a relist after it [0.6] (podWorkerLoop, 1.27-1.36)', () => {
    const k = new Kernel(100);
    const syncs: number[] = [];
    const afterSync: number[] = [];
    const worker = new KubeletPodWorker(k, () => { syncs.push(k.now); return undefined; }, () => true, () => afterSync.push(k.now));
    k.at(0.5, () => worker.requestSync()); // runs at 0.5 and is over at 0.5
    k.at(0.7, () => { expect(worker.syncing).toBe(false); worker.requestSync(); }); // no relist after 0.5 yet: at 1
    k.run();
    expect(syncs).toEqual([0.5, 1]);
    expect(afterSync).toEqual([0.5, 1]);
  });

  it('a request made while a sync waits for its cache is one more sync after it [0.9] (podWorkerLoop takes the update before GetNewerThan; Relist writes the cache before it sends its events)', () => {
    const { k, syncs, worker } = setup();
    worker.requestSync(); // 0 → 2
    k.at(2.4, () => worker.requestSync()); // took its update at 2.4, waits for the relist at 3
    k.at(3, () => worker.requestSync()); // the relist's own event: pending
    k.run();
    expect(syncs).toEqual([0, 3, 6]); // 3 → 5, then the first relist after 5
  });

  it('requests made in the instant the worker was asked are one update (merged) [0.9]', () => {
    const { k, syncs, worker } = setup();
    worker.requestSync(); // 0 → 2
    k.at(2.4, () => { worker.requestSync(); worker.requestSync(); });
    k.run();
    expect(syncs).toEqual([0, 3]);
  });

  it('an on-demand relist finds the sync already waiting: what it asks for is one more sync [0.8] [0.9]', () => {
    const { k, syncs, worker } = setup();
    worker.requestSync(); // 0 → 2
    k.at(2.4, () => worker.requestSync()); // held for the relist at 3
    k.at(2.5, () => { worker.cacheRefreshed(); worker.requestSync(); }); // an on-demand relist writes the cache, then sends its event
    k.run();
    expect(syncs).toEqual([0, 2.5, 5]); // the refreshed cache lets it start at once; one more after it (2.5 → 4.5, relist at 5)
  });
});
