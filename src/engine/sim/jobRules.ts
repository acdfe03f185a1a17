// The Job controller's small pure rules ([16]): its pod-creation back-off ([16.3]; upstream
// pkg/controller/job/backoff_utils.go newBackoffRecord, getRemainingTimeForFailuresCount,
// getRemainingTimePerIndex, read at the stored 1.3x commit: DefaultJobPodFailureBackOff 10 s,
// doubling, MaxJobPodFailureBackOff 6 min), podFailurePolicy's first matching rule ([16.7];
// pod_failure_policy.go matchPodFailurePolicy, matchOnExitCodes), an Indexed Job's next indexes
// ([16.4]; indexed_job_utils.go firstPendingIndexes) and the names of the pods it creates
// (podGenerateNameWithIndex; the API server's random 5-character suffix made deterministic here).

import type { PodFailurePolicyRule } from '../scenario/types';

/** The back-off before creating pods after `failures` failures in a row: 10 s, doubling, capped at 6 minutes. */
export function jobPodBackoff(failures: number): number {
  return Math.min(10 * 2 ** Math.max(0, failures - 1), 360);
}

/**
 * backoffRecord: failures since the last success and when the last one finished. A success resets
 * it; each later failure adds one (newBackoffRecord; pods taken in the order they finished).
 */
export class BackoffRecord {
  failuresAfterLastSuccess = 0;
  lastFailureTime?: number;

  succeeded(): void {
    this.failuresAfterLastSuccess = 0;
    this.lastFailureTime = undefined;
  }

  failed(at: number): void {
    this.failuresAfterLastSuccess++;
    this.lastFailureTime = at;
  }

  /** getRemainingTime: how long pod creation must still wait at `now` (0: not at all). */
  remaining(now: number): number {
    return remainingFor(this.failuresAfterLastSuccess, this.lastFailureTime, now);
  }
}

/** getRemainingTimeForFailuresCount: the back-off of `failures` minus the time since the last failure. */
export function remainingFor(failures: number, lastFailureTime: number | undefined, now: number): number {
  if (failures === 0 || lastFailureTime === undefined) return 0;
  return Math.max(0, jobPodBackoff(failures) - (now - lastFailureTime));
}

/**
 * The first podFailurePolicy rule that matches a failed pod (rules in order, first match wins).
 * pod_failure_policy.go matchPodFailurePolicy: a FailIndex rule acts only with the
 * JobBackoffLimitPerIndex gate on; off (1.28 by default), its branch returns nothing and the
 * next rules are tried ([16.7]).
 */
export function matchPodFailurePolicy(
  rules: PodFailurePolicyRule[], codes: Map<string, number>, failIndexEnabled = true, trueConditions: readonly string[] = [],
): PodFailurePolicyRule | undefined {
  return rules.find((rule) => {
    if (rule.action === 'FailIndex' && !failIndexEnabled) return false;
    const req = rule.onExitCodes;
    // matchOnPodConditions: a pattern's status defaults to True; DisruptionTarget comes with an eviction or a node shutdown ([7.7])
    if (!req) return (rule.onPodConditions ?? []).some((type) => trueConditions.includes(type));
    return [...codes].some(([name, code]) => {
      if (code === 0 || (req.containerName && req.containerName !== name)) return false;
      const listed = req.values.includes(code);
      return req.operator === 'In' ? listed : !listed;
    });
  });
}

/** firstPendingIndexes: the `count` lowest indexes below `completions` that are neither done, failed nor active. */
export function firstPendingIndexes(count: number, completions: number, taken: (index: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < count; i++) if (!taken(i)) out.push(i);
  return out;
}

/** Kubernetes' random-suffix alphabet (no vowels, no look-alikes), used deterministically here. */
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** A deterministic 5-character suffix for a seed (FNV-1a over its characters). */
export function podSuffix(seed: string): string {
  let h = 0x811c9dc5;
  let out = '';
  for (let round = 0; out.length < 5; round++) {
    for (const ch of `${seed}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += ALPHABET[h % ALPHABET.length];
  }
  return out;
}

/**
 * The name of a Job's pod. An Indexed Job's: `<job>-<index>-<suffix>` (podGenerateNameWithIndex).
 * A NonIndexed Job's first pod keeps the workload's name (`<job>-<suffix>`); its later pods read
 * `<job>-r<n>` here, the n-th pod created, so a long Job's pods can be told apart at a glance
 * (upstream gives each a random suffix).
 */
export function jobPodName(job: string, serial: number, index?: number): string {
  return index === undefined ? `${job}-r${serial}` : `${indexedNamePrefix(job, index)}${podSuffix(`${job}/${serial}`)}`;
}

/** names.MaxGeneratedNameLength: a generateName longer than this is cut, so a name stays within 63. */
const MAX_GENERATED_NAME_LENGTH = 58;

/** podGenerateNameWithIndex: `<job>-<index>-`, the job's part cut so the whole is at most 58 characters [16.4]. */
function indexedNamePrefix(job: string, index: number): string {
  const appended = `-${index}-`;
  const prefix = `${job}${appended}`;
  return prefix.length > MAX_GENERATED_NAME_LENGTH ? `${prefix.slice(0, MAX_GENERATED_NAME_LENGTH - appended.length)}${appended}` : prefix;
}
