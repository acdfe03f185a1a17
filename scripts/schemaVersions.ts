// The Kubernetes versions scripts/gen-schemas.ts writes a workload schema for, the
// @kubernetes/client-node release (npm alias, scripts/schemaInputs.ts) each is read from, and, for
// the versions without a client of their own, the fields taken from the next release.

interface Backport {
  /** The model class and JSON field name, e.g. V1PodSecurityContext.supplementalGroupsPolicy. */
  type: string;
  field: string;
  /** Added (taken from the donor package) or removed in the target version. */
  op: 'add' | 'remove';
  /** Why: the feature gate or API change of the target version. */
  why: string;
}

export interface VersionSpec {
  /** Kubernetes minor version, as the app names it. */
  version: string;
  /** The npm alias of @kubernetes/client-node holding that version's API (or the nearest older). */
  pkg: string;
  /** For versions without a client of their own: fields taken from the next release's client. */
  donor?: { pkg: string; changes: Backport[] };
  /** Said in the schema's description: where the version's API comes from, if not its own client. */
  note?: string;
}

export const VERSIONS: readonly VersionSpec[] = [
  { version: '1.27', pkg: 'k8s-api-1.27' },
  { version: '1.28', pkg: 'k8s-api-1.28' },
  { version: '1.29', pkg: 'k8s-api-1.29' },
  { version: '1.30', pkg: 'k8s-api-1.30' },
  {
    version: '1.31',
    pkg: 'k8s-api-1.30',
    note: 'Kubernetes 1.31 has no @kubernetes/client-node release: this is the 1.30 API plus the fields '
      + "that 1.31's feature gates and API changes introduced in the covered types, taken from the 1.32 API.",
    donor: {
      pkg: 'k8s-api-1.32',
      changes: [
        { type: 'V1PodSecurityContext', field: 'supplementalGroupsPolicy', op: 'add', why: 'the SupplementalGroupsPolicy feature gate (alpha in 1.31)' },
        { type: 'V1Volume', field: 'image', op: 'add', why: 'the ImageVolume feature gate (alpha in 1.31)' },
        { type: 'V1ResourceClaim', field: 'request', op: 'add', why: 'the DynamicResourceAllocation API of 1.31 (structured parameters)' },
        { type: 'V1PodResourceClaim', field: 'resourceClaimName', op: 'add', why: 'the DynamicResourceAllocation API of 1.31 (kubernetes/kubernetes#125116 moved it out of `source`)' },
        { type: 'V1PodResourceClaim', field: 'resourceClaimTemplateName', op: 'add', why: 'the DynamicResourceAllocation API of 1.31 (kubernetes/kubernetes#125116 moved it out of `source`)' },
        { type: 'V1PodResourceClaim', field: 'source', op: 'remove', why: 'the DynamicResourceAllocation API of 1.31 (kubernetes/kubernetes#125116)' },
      ],
    },
  },
  { version: '1.32', pkg: 'k8s-api-1.32' },
  { version: '1.33', pkg: 'k8s-api-1.33' },
  { version: '1.34', pkg: 'k8s-api-1.34' },
  {
    version: '1.35',
    pkg: 'k8s-api-1.34',
    // Compared with the 1.36 client, no field of the covered types is 1.35's: 1.36's
    // spec.schedulingGroup replaced 1.35's spec.workloadRef, which no client release has.
    note: 'Kubernetes 1.35 has no @kubernetes/client-node release: this is the 1.34 API. The 1.35 feature gates '
      + 'the simulator knows add no fields to the covered types (RestartAllContainersOnContainerExits adds the '
      + 'RestartAllContainers value of restartPolicyRules[].action; KubeletCrashLoopBackOffMax is kubelet configuration). '
      + "1.35's alpha spec.workloadRef (GangScheduling) is in no client release (1.36 replaced it with spec.schedulingGroup), so it is not listed.",
  },
  { version: '1.36', pkg: 'k8s-api-1.36' },
  {
    version: '1.37',
    pkg: 'k8s-api-1.36',
    // The newest @kubernetes/client-node release (2.0.1) is 1.36's. The 1.37 gates the simulator
    // knows add no field to the covered types: PodReadyToStartContainersCondition and
    // PLEGOnDemandRelist went GA, SidecarContainers and the sleep-action and Job gates were
    // removed (their fields stay), ContainerStopSignals stayed alpha (lifecycle.stopSignal is there since 1.33).
    note: 'Kubernetes 1.37 has no @kubernetes/client-node release (the newest, 2.0.1, is 1.36\'s): this is the 1.36 API. '
      + 'The 1.37 feature gates the simulator knows add no fields to the covered types (gates that went GA or were removed keep their fields).',
  },
];
