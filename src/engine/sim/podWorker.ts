// The pod worker ([0.1], [0.2]): one per pod, one sync at a time; requests made during a sync, or
// while a sync waits for its newer cache, coalesce into one more sync after it ([0.9]); a failed
// sync is requeued. Upstream: pkg/kubelet/
// pod_workers.go (UpdatePod, managePodLoop, completeWork's requeue), read at the stored 1.3x
// commits, the same shape from 1.27 to 1.36. completeWork enqueues every sync again: after an error
// at the back-off the sync asked for (requeueAt), after a success at the periodic resync, and the
// work queue keeps one time per pod (work_queue.go Enqueue overwrites), so the resync comes 60-90 s
// after the last sync ([0.2]). "Stopping the worker" (a deletion turning the
// worker to termination, a kubelet going down) is one operation here: `stop`. Each sync after the
// first waits for a runtime cache newer than the end of the previous sync ([0.6], podWorkerLoop's
// `GetNewerThan(uid, lastSyncTime)`): it starts at the first PLEG relist after that end.

import type { Kernel, RunningTask, Task } from './kernel';
import type { QueueItem } from './queue';
import { cacheNewerThan } from './podCache';

/** What the rest of the simulator may ask of a pod's worker. */
export interface PodWorker {
  /** Ask for a sync: it starts at once when the worker is idle, else once after the sync in flight. */
  requestSync(): void;
  /** Drop the sync in flight, the queued one and the requeue: the worker does nothing until asked again. */
  stop(): void;
  /** Sync again at `at` (the requeue after an error, [0.2], [4.6]); replaces an earlier requeue. */
  requeueAt(at: number, matters?: () => boolean): void;
  /** Whether a requeue is pending. */
  readonly requeued: boolean;
  cancelRequeue(): void;
  /** When work asked for now may start: at once, or at the first relist after the last sync ended ([0.6]). */
  earliestStart(): number;
  /** An on-demand relist wrote the pod's cache entry now ([0.8]). */
  cacheRefreshed(): void;
  /** A sync is running now. */
  readonly syncing: boolean;
  /**
   * A sync has taken its update and waits for a newer cache ([0.9]): it runs at the relist whatever
   * comes meanwhile, a deletion included ([3.4]).
   */
  readonly waitingForCache: boolean;
}

/**
 * The periodic resync completeWork enqueues after a sync without error ([0.2]): its delay
 * (resyncInterval, jittered), and whether the sync it starts can change anything then. A resync that
 * would change nothing is left out (cost follows change): nothing is lost, as whatever makes a later
 * one matter comes with a sync of its own, which enqueues the pod again.
 */
export interface PeriodicResync {
  delay(): number;
  matters(): boolean;
}

export class KubeletPodWorker implements PodWorker {
  private task?: RunningTask;
  private queued?: QueueItem;
  /** When the queued sync was asked for: from then on it has taken its update and waits for the cache ([0.9]). */
  private queuedAt = 0;
  private pending = false;
  private requeue?: QueueItem;
  /** Whether the sync under way asked for its own requeue (an error's back-off, [4.6]): completeWork then enqueues no resync. */
  private requeuedThisSync = false;
  /** A requeue that syncs only if this still says so when it is due. */
  private requeueMatters?: () => boolean;
  /** When the previous sync ended (upstream's lastSyncTime, [0.6]); none before the first. */
  private lastSyncEnd?: number;
  /** When an on-demand relist last wrote the cache ([0.8], PLEGOnDemandRelist). */
  private refreshedAt?: number;

  /**
   * `sync`: runs one SyncPod up to its first wait and returns the rest as a task (undefined when
   * it is over, as most are); `mayRun`: false while the pod is gone, deleted, finished or its
   * kubelet is down (a request is then dropped, as upstream's worker has no work to do).
   */
  constructor(
    private readonly k: Kernel, private readonly sync: () => Task | undefined, private readonly mayRun: () => boolean,
    /** SyncPod's postSync, run once lastSyncTime is set ([0.8]: the on-demand relist from 1.36). */
    private readonly afterSync: () => void = () => {},
    /** completeWork's periodic resync after a sync without error ([0.2]); none when not given. */
    private readonly resync?: PeriodicResync,
  ) {}

  get syncing(): boolean {
    return this.task !== undefined && !this.task.done;
  }

  get waitingForCache(): boolean {
    return this.queued !== undefined && this.queuedAt < this.k.now;
  }

  requestSync(): void {
    if (!this.mayRun()) return;
    if (this.syncing) {
      this.pending = true;
      return;
    }
    if (this.queued) {
      // [0.9] podWorkerLoop takes the update (startPodSync) before it waits in GetNewerThan: a
      // request made while it waits, the waking relist's own event included, is one more sync.
      // One made in the instant the worker woke is the same update (merged).
      if (this.queuedAt < this.k.now) this.pending = true;
      return;
    }
    this.queuedAt = this.k.now;
    this.queued = this.k.at(this.earliestStart(), this.startQueued); // [0.6] wait for a newer runtime cache
  }

  // The worker's callbacks, made once (not at every sync).
  private readonly startQueued = (): void => {
    this.queued = undefined;
    this.refreshedAt = undefined; // that cache entry is this sync's: only a relist after it counts for the next
    this.requeuedThisSync = false;
    const rest = this.sync();
    if (rest === undefined) { // the sync is over already: no task to run
      this.task = undefined;
      this.syncEnded();
      return;
    }
    this.task = this.k.spawn('syncPod', rest, this.syncEnded);
  };

  private readonly syncEnded = (): void => {
    this.task = undefined;
    this.lastSyncEnd = this.k.now;
    // [0.2] completeWork: a sync that asked for no requeue of its own (no error) is enqueued again
    // at the resync interval, which replaces whatever time the pod had in the work queue.
    if (this.resync && !this.requeuedThisSync) this.requeueAt(this.k.now + this.resync.delay(), this.resync.matters);
    this.afterSync();
    if (this.pending) {
      this.pending = false;
      this.requestSync();
    }
  };

  private readonly requeueFired = (): void => {
    this.requeue = undefined;
    const matters = this.requeueMatters;
    this.requeueMatters = undefined;
    if (matters && !matters()) return; // a resync that would change nothing: left out
    this.requestSync();
  };

  stop(): void {
    if (this.syncing) this.lastSyncEnd = this.k.now; // the cancelled sync returns now ([0.6])
    this.k.kill(this.task);
    this.task = undefined;
    this.k.cancel(this.queued);
    this.queued = undefined;
    this.cancelRequeue();
    this.pending = false;
  }

  get requeued(): boolean {
    return this.requeue !== undefined;
  }

  requeueAt(at: number, matters?: () => boolean): void {
    this.k.cancel(this.requeue);
    this.requeue = this.k.at(at, this.requeueFired);
    this.requeueMatters = matters;
    this.requeuedThisSync = true; // (reset when the next sync starts)
  }

  cancelRequeue(): void {
    this.k.cancel(this.requeue);
    this.requeue = undefined;
    this.requeueMatters = undefined;
  }

  /** An on-demand relist wrote the pod's cache entry now ([0.8]): it is newer than the sync that just ended. */
  cacheRefreshed(): void {
    this.refreshedAt = this.k.now;
    if (!this.queued) return;
    if (this.queued.t > this.k.now) {
      // A sync held for the next periodic relist may start now. It has taken its update: no
      // mayRun check, as a deletion since does not take it back ([3.4]).
      this.k.cancel(this.queued);
      this.queued = this.k.at(this.earliestStart(), this.startQueued);
    }
    // The relist ran on the PLEG's goroutine after the worker had taken its update and begun to
    // wait: what the relist found asks for one more sync ([0.9]).
    this.queuedAt = Number.NEGATIVE_INFINITY;
  }

  earliestStart(): number {
    if (this.refreshedAt !== undefined && this.lastSyncEnd !== undefined && this.refreshedAt >= this.lastSyncEnd) return this.k.now;
    return cacheNewerThan(this.lastSyncEnd, this.k.now);
  }
}
