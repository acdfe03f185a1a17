// The gallery's catalogue: one entry per teaching scenario of scenarios.md (0b, 1–12) and of later rounds (13–17), with the
// YAML files named, not loaded. Plain TypeScript with no bundler-only imports, so Node tools
// (tsx, the bench) can read it and load the files from disk themselves; gallery.ts adds the
// texts through Vite's `?raw` imports for the app and Vitest.

/** Another side of a comparison (legacy vs native, without vs with, other versions). */
export interface GalleryVariantMeta {
  /** Short label for the switcher, e.g. "native sidecar" or "1.29". */
  label: string;
  /** File name inside src/scenarios/. */
  fileName: string;
  /** Where that side's lesson shows, in simulated seconds; absent when it does not simulate (rejected). */
  cursor?: number;
}

export interface GalleryEntryMeta {
  id: string;
  /** File name inside src/scenarios/ of the entry's main (first) side. */
  fileName: string;
  title: string;
  /** Exactly two short sentences. */
  lesson: string;
  /** Simulated time, in seconds, where the lesson shows on the timeline of `fileName`. */
  cursor: number;
  /** The span, in simulated seconds, the timeline opens on: the lesson's moment (it holds `cursor`). */
  view?: { t0: number; t1: number };
  /** Label of the main side when the entry is a comparison. */
  label?: string;
  compareWith?: GalleryVariantMeta[];
}

export const GALLERY_ENTRIES: readonly GalleryEntryMeta[] = [
  {
    id: '00b-busybox-exits-at-once',
    fileName: '00b-busybox-exits-at-once.yaml',
    title: 'The default pod, taken literally',
    lesson: 'Busybox with no command runs a shell that exits 0 at once. Under restartPolicy Always even clean exits end in CrashLoopBackOff.',
    cursor: 16,
    view: { t0: 0, t1: 40 },
  },
  {
    id: '01-job-never-finishes',
    fileName: '01-job-never-finishes-legacy.yaml',
    label: 'sidecar as a regular container',
    title: 'The Job that never finishes',
    lesson: 'A log shipper declared as a regular container keeps the Job\'s pod running after the work is done. As a native sidecar it is stopped when pi exits, and the pod Succeeds.',
    cursor: 30,
    view: { t0: 0, t1: 40 },
    compareWith: [{ label: 'native sidecar', fileName: '01-job-never-finishes-native.yaml', cursor: 30 }],
  },
  {
    id: '02-app-before-proxy',
    fileName: '02-app-before-proxy-no-gate.yaml',
    label: 'no startupProbe',
    title: 'The app that starts before its proxy',
    lesson: 'A sidecar without a startupProbe counts as started as soon as it runs, so the app starts before Envoy is up. A startupProbe on the proxy holds the app back until it passes.',
    cursor: 4,
    view: { t0: 0, t1: 10 },
    compareWith: [{ label: 'with startupProbe', fileName: '02-app-before-proxy-startup-probe.yaml', cursor: 9 }],
  },
  {
    id: '03-startup-gates-readiness-does-not',
    fileName: '03-startup-gates-readiness-does-not.yaml',
    title: 'startupProbe gates, readinessProbe does not',
    lesson: 'The next container starts once a sidecar is started, which only a startupProbe can delay. A readinessProbe holds nothing back: it only keeps the pod from being Ready.',
    cursor: 12,
    view: { t0: 0, t1: 25 },
  },
  {
    id: '04-init-without-network',
    fileName: '04-init-without-network-legacy.yaml',
    label: 'proxy as a regular container',
    title: 'Init containers without network',
    lesson: 'A regular init container runs before a proxy injected as a regular container exists, so a migration that needs the mesh crash-loops. A native sidecar placed before it is started first and fixes it.',
    cursor: 60,
    view: { t0: 0, t1: 95 },
    compareWith: [{ label: 'native sidecar first', fileName: '04-init-without-network-native.yaml', cursor: 12 }],
  },
  {
    id: '05-termination-order',
    fileName: '05-termination-order.yaml',
    title: 'Termination order',
    lesson: 'Every preStop hook, the sidecars\' included, starts the moment the pod is deleted. The main container stops first, then the sidecars get SIGTERM one by one in reverse order.',
    cursor: 41,
    view: { t0: 25, t1: 45 },
  },
  {
    id: '06-shared-grace-period',
    fileName: '06-shared-grace-period.yaml',
    title: 'The shared grace period',
    lesson: 'A slow main container uses up terminationGracePeriodSeconds while the sidecars wait for their turn. They then get SIGTERM with the 2s minimum left, and SIGKILL after it.',
    cursor: 52,
    view: { t0: 15, t1: 56 },
  },
  {
    id: '07-exit-codes-137-143',
    fileName: '07-exit-codes-137-143.yaml',
    title: 'Exit codes 137 and 143 are normal',
    lesson: 'Sidecars are stopped at every shutdown, so they end with 143 (SIGTERM) or 137 (SIGKILL). The pod is still Succeeded, because only main containers decide the phase.',
    cursor: 40,
    view: { t0: 25, t1: 45 },
  },
  {
    id: '08-sidecar-crash-under-never',
    fileName: '08-sidecar-crash-under-never.yaml',
    title: 'A sidecar crashes while the app runs',
    lesson: 'A sidecar is restarted with backoff even under restartPolicy Never. Until it is ready again the pod is not Ready, while the main container runs on.',
    cursor: 42,
    view: { t0: 35, t1: 65 },
  },
  {
    id: '09-restartpolicy-versions',
    fileName: '09-restartpolicy-1.28.yaml',
    label: '1.28',
    title: 'Where restartPolicy goes, and in which release',
    lesson: 'Kubernetes 1.27 rejects restartPolicy on an init container, and 1.28 without the gate silently drops it, so the proxy blocks init forever. From 1.29 the same spec works, and 1.34+ adds per-container restart rules.',
    cursor: 30,
    view: { t0: 0, t1: 35 },
    compareWith: [
      { label: '1.27', fileName: '09-restartpolicy-1.27.yaml' },
      { label: '1.28 + gate', fileName: '09-restartpolicy-1.28-gate.yaml', cursor: 12 },
      { label: '1.29', fileName: '09-restartpolicy-1.29.yaml', cursor: 12 },
      { label: '1.35 rules', fileName: '09-restartpolicy-1.35.yaml', cursor: 32 },
    ],
  },
  {
    id: '10-crashloopbackoff-timing',
    fileName: '10-crashloopbackoff-timing.yaml',
    title: 'CrashLoopBackOff timing',
    lesson: 'The first restart is immediate, then the wait doubles from 10s up to 300s. Ten minutes of clean running resets it.',
    cursor: 630,
    view: { t0: 0, t1: 700 },
  },
  {
    id: '11-vault-before-mesh',
    fileName: '11-vault-before-mesh.yaml',
    title: 'Vault before mesh',
    lesson: 'Sidecars start in spec order, so vault-agent renders the certificates before istio-proxy starts. They stop in reverse order, so the proxy goes first and vault-agent last.',
    cursor: 45,
    view: { t0: 35, t1: 50 },
  },
  {
    id: '12-hung-poststart',
    fileName: '12-hung-poststart.yaml',
    title: 'A hung postStart hook',
    lesson: 'The kubelet waits for postStart before it starts anything else, so a hook that never returns blocks every later container. The pod sits in ContainerCreating with nothing in the logs.',
    cursor: 60,
    view: { t0: 0, t1: 70 },
  },
  {
    id: '13-explain-stuck-pod',
    fileName: '13-explain-stuck-pod.yaml',
    title: 'Why is my pod stuck at Init:1/2?',
    lesson: 'A real pod dump opens in explain mode: the sidecar runs but is not started, because its startup probe has not passed. The app waits for it, and the probe gives up at its threshold.',
    /** A real pod is explained, not simulated: it has no timeline moment. */
    cursor: 0,
  },
  {
    id: '14-job-parallel-indexed',
    fileName: '14-job-parallel-indexed.yaml',
    title: 'An Indexed Job, two pods at a time',
    lesson: 'The Job controller keeps two pods running, each named after its completion index, until four indexes have succeeded. When index 1 fails, a new pod takes over the same index 1.',
    cursor: 13,
  },
  {
    id: '15-crash-vs-dead-sandbox',
    fileName: '15-crash-vs-dead-sandbox-crash.yaml',
    label: 'the app crashes',
    title: 'A crash or a dead sandbox',
    lesson: 'A crashed container is restarted alone, in the same sandbox: init containers do not run again. When the sandbox dies, the kubelet stops every container and runs the pod again from its first init container.',
    cursor: 22,
    view: { t0: 15, t1: 30 },
    compareWith: [{ label: 'the sandbox dies', fileName: '15-crash-vs-dead-sandbox-sandbox.yaml', cursor: 25 }],
  },
  {
    id: '16-ready-while-terminating',
    fileName: '16-ready-while-terminating-1.35.yaml',
    label: '1.35',
    title: 'Ready while terminating, by version',
    lesson: 'In 1.35 and 1.36 a deleted pod\'s exec probes fail with "context canceled" and are ignored, so Ready stays True until the container stops. 1.34 and 1.37 keep probing, and the pod turns unready within a period.',
    cursor: 25,
    view: { t0: 10, t1: 40 },
    compareWith: [{ label: '1.34', fileName: '16-ready-while-terminating-1.34.yaml', cursor: 25 }],
  },
  {
    id: '17-started-before-startup-probe',
    fileName: '17-started-before-startup-probe-1.35.yaml',
    label: '1.35',
    title: 'Started before its startup probe (1.35-1.37)',
    lesson: 'From 1.35 a container restarted by its liveness probe takes Started from the one it replaces, so it is READY at once and its liveness probe runs first. A slow starter is killed again; 1.34 waits for the startup probe.',
    cursor: 47,
    view: { t0: 30, t1: 75 },
    compareWith: [{ label: '1.34', fileName: '17-started-before-startup-probe-1.34.yaml', cursor: 47 }],
  },
  {
    id: '18-kubelet-restart-in-startup',
    fileName: '18-kubelet-restart-in-startup-1.35.yaml',
    label: '1.35',
    title: 'A kubelet restart while it starts (1.35-1.37)',
    lesson: 'From 1.35 a kubelet restarted while a container is still starting calls it started for good: READY at once, and its liveness probe runs before the app is up. 1.34 waits for the startup probe.',
    cursor: 37,
    view: { t0: 25, t1: 70 },
    compareWith: [{ label: '1.34', fileName: '18-kubelet-restart-in-startup-1.34.yaml', cursor: 37 }],
  },
  {
    id: '19-command-typo',
    fileName: '19-command-typo.yaml',
    title: 'A typo in the command: restarts without a run',
    lesson: 'The runtime refuses to start a command the image does not have (RunContainerError, exit 128 StartError), yet each refusal counts as a restart and backs off. Under OnFailure the Job\'s backoffLimit counts them, so the Job fails.',
    cursor: 36,
    view: { t0: 0, t1: 45 },
  },
  {
    id: '20-tag-typo',
    fileName: '20-tag-typo.yaml',
    title: 'A typo in the image tag: two statuses take turns',
    lesson: 'A failed pull shows ErrImagePull; the next sync meets the pull\'s own back-off (10 s, doubling to 5 min) and shows ImagePullBackOff, so the two take turns. RESTARTS stays 0, as the app never started, while the sidecar runs: READY 1/2.',
    cursor: 23,
    view: { t0: 0, t1: 60 },
  },
  {
    id: '21-sidecar-shell',
    fileName: '21-sidecar-shell-sh.yaml',
    label: 'sh -c (Debian)',
    title: 'A sidecar started through a shell',
    lesson: 'Debian\'s sh runs a script\'s last command as a child and stays PID 1: the stop signal is lost, so the sidecar holds the finished Job\'s pod through the grace period and dies of SIGKILL (137). Under bash, which execs it, nginx stops at once.',
    cursor: 30,
    view: { t0: 10, t1: 55 },
    compareWith: [{ label: 'bash -c', fileName: '21-sidecar-shell-bash.yaml', cursor: 30 }],
  },
  {
    id: '22-image-never-loaded',
    fileName: '22-image-never-loaded.yaml',
    title: 'A sidecar image never loaded into kind',
    lesson: 'Under imagePullPolicy Never the kubelet never pulls: each try fails with ErrImageNeverPull and, with no pull back-off, comes again every 10-15 s, the pod held at Init:ErrImageNeverPull. Once the image is loaded the next try starts it.',
    cursor: 30,
    view: { t0: 0, t1: 70 },
  },
  {
    id: '23-deleted-during-pull',
    fileName: '23-deleted-during-pull.yaml',
    title: 'Deleted while its image pulls',
    lesson: 'A deletion does not cancel the sync under way: the kubelet finishes the 40 s pull and starts train, while the pod shows Terminating and its sidecar runs on. Only when that sync returns does the kill begin, the app first.',
    cursor: 30,
    view: { t0: 0, t1: 50 },
  },
  {
    id: '24-force-deleted',
    fileName: '24-force-deleted.yaml',
    title: 'Force-deleted, still running',
    lesson: 'kubectl delete --force --grace-period=0 removes the pod from the API at once. The kubelet reads grace 0 as none: app still gets SIGTERM and the spec\'s 30 s and drains 20 s on the node, then envoy stops, unreported.',
    cursor: 20,
    view: { t0: 0, t1: 40 },
  },
  {
    id: '25-kubelet-restart-while-terminating',
    fileName: '25-kubelet-restart-while-terminating.yaml',
    title: 'A kubelet restart mid-deletion',
    lesson: 'The kubelet restarts 15 s into a 30 s grace: its SIGKILL due at 40 s dies with it. The new kubelet stops app again with the whole 30 s from its return and no second SIGTERM, so SIGKILL comes at 61 s, envoy after it.',
    cursor: 31,
    view: { t0: 0, t1: 70 },
  },
  {
    id: '26-evicted-one-second',
    fileName: '26-evicted-one-second.yaml',
    title: 'Evicted: one second for everyone',
    lesson: 'A hard eviction gives the pod 1 s (1.31+): envoy\'s turn times out and it stops while app still drains, then app is SIGKILLed at 2 s. Until then kubectl shows 2/2 Running; the pod stays, Failed (Evicted), never Terminating.',
    cursor: 21,
    view: { t0: 10, t1: 35 },
  },
  {
    id: '27-evicted-exit-lost',
    fileName: '27-evicted-exit-lost.yaml',
    title: 'Evicted: the exit 0 that vanished',
    lesson: 'The kubelet removes an evicted pod\'s exited containers once a relist sees them, so app\'s exit 0 is gone by the final status: ContainerStatusUnknown (137, one restart), and the pod is Failed. Up to 1.35 kubectl prints Init:Error.',
    cursor: 21,
    view: { t0: 15, t1: 30 },
  },
];
