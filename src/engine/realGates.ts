// Every real Kubernetes feature gate the engine knows the name of, with the first minor version it
// exists in, so that `--feature-gates` and the Simulation document accept any real gate of the
// chosen version (the modelled ones are in version.ts; the others change nothing and say so).
// Source: test/compatibility_lifecycle/reference/versioned_feature_list.yaml (the 1.33 tree: first
// versionedSpecs entry of each gate; "1.0" = older than anything here), plus the pod-lifecycle gates
// added since (pkg/features/kube_features.go 1.34-1.36). Gates removed before 1.36 are not listed;
// those 1.37 removes are in REMOVED below. Gates new in 1.37 are not listed (none is modelled).

const TABLE = `
AllowDNSOnlyNodeCSR:0 AllowInsecureKubeletCertificateSigningRequests:0 AllowOverwriteTerminationGracePeriodSeconds:0
AllowParsingUserUIDFromCertAuth:33 AllowServiceLBStatusOnNonLB:0 AllowUnsafeMalformedObjectDeletion:32
AnonymousAuthConfigurableEndpoints:31 AnyVolumeDataSource:18 APIResponseCompression:8 APIServerIdentity:20
APIServerTracing:22 APIServingWithRoutine:30 AuthorizeNodeWithSelectors:31 AuthorizeWithSelectors:31
BtreeWatchCache:32 CBORServingAndStorage:32 CloudControllerManagerWebhook:27 ClusterTrustBundle:27
ClusterTrustBundleProjection:29 ComponentFlagz:32 ComponentSLIs:26 ComponentStatusz:32 ConcurrentWatchObjectDecode:31
ConsistentListFromCache:28 ContainerCheckpoint:25 ContextualLogging:24 CoordinatedLeaderElection:31 CPUCFSQuotaPeriod:12
CPUManager:8 CPUManagerPolicyAlphaOptions:23 CPUManagerPolicyBetaOptions:23 CPUManagerPolicyOptions:22
CRDValidationRatcheting:28 CronJobsScheduledAnnotation:28 CrossNamespaceVolumeDataSource:26 CSIMigrationPortworx:23
CSIVolumeHealth:21 CustomResourceFieldSelectors:30 DeclarativeValidation:33 DeclarativeValidationTakeover:33
DeploymentPodReplacementPolicy:32 DevicePluginCDIDevices:28 DisableAllocatorDualWrite:31 DisableCPUQuotaWithExclusiveCPUs:33
DisableNodeKubeProxyVersion:29 DRAAdminAccess:32 DRAPrioritizedList:33 DRAResourceClaimDeviceStatus:32
DynamicResourceAllocation:26 ElasticIndexedJob:27 EventedPLEG:26 ExecProbeTimeout:20 ExternalServiceAccountTokenSigner:32
GracefulNodeShutdown:20 GracefulNodeShutdownBasedOnPodPriority:23 HonorPVReclaimPolicy:23 HPAScaleToZero:16
ImageMaximumGCAge:29 ImageVolume:31 InPlacePodVerticalScaling:27 InPlacePodVerticalScalingAllocatedStatus:32
InPlacePodVerticalScalingExclusiveCPUs:32 InTreePluginPortworxUnregister:23 JobBackoffLimitPerIndex:28 JobManagedBy:30
JobPodReplacementPolicy:28 JobSuccessPolicy:30 KMSv1:0 KubeletCgroupDriverFromCRI:28 KubeletCrashLoopBackOffMax:32
KubeletFineGrainedAuthz:32 KubeletInUserNamespace:22 KubeletPodResourcesDynamicResources:27 KubeletPodResourcesGet:27
KubeletRegistrationGetOnExistsOnly:0 KubeletSeparateDiskGC:29 KubeletServiceAccountTokenForCredentialProviders:33
KubeletTracing:25 LegacySidecarContainers:0 ListFromCacheSnapshot:33 LoadBalancerIPMode:29
LocalStorageCapacityIsolationFSQuotaMonitoring:15 LogarithmicScaleDown:21 LoggingAlphaOptions:24 LoggingBetaOptions:24
MatchLabelKeysInPodAffinity:29 MatchLabelKeysInPodTopologySpread:25 MaxUnavailableStatefulSet:24 MemoryManager:21
MemoryQoS:22 MultiCIDRServiceAllocator:27 MutatingAdmissionPolicy:32 NFTablesProxyMode:29
NodeInclusionPolicyInPodTopologySpread:25 NodeLogQuery:27 NodeSwap:22 OpenAPIEnums:23 OrderedNamespaceDeletion:30
PersistentVolumeLastPhaseTransitionTime:28 PodAndContainerStatsFromCRI:23 PodDeletionCost:21 PodDisruptionConditions:25
PodIndexLabel:28 PodLevelResources:32 PodLifecycleSleepAction:29 PodLifecycleSleepActionAllowZero:32
PodLogsQuerySplitStreams:32 PodObservedGenerationTracking:33 PodReadyToStartContainersCondition:28
PodSchedulingReadiness:26 PortForwardWebsockets:30 ProcMountType:12 QOSReserved:11 RecoverVolumeExpansionFailure:23
RecursiveReadOnlyMounts:30 ReduceDefaultCrashLoopBackOffDecay:33 RelaxedDNSSearchValidation:32
RelaxedEnvironmentVariableValidation:30 ReloadKubeletServerCertificateFile:31 RemoteRequestHeaderUID:32
ResilientWatchCacheInitialization:31 ResourceHealthStatus:31 RetryGenerateName:30 RotateKubeletServerCertificate:7
RuntimeClassInImageCriAPI:29 SchedulerAsyncPreemption:32 SchedulerQueueingHints:28 SELinuxChangePolicy:32 SELinuxMount:30
SELinuxMountReadWriteOncePod:25 SeparateCacheWatchRPC:28 SeparateTaintEvictionController:29
ServiceAccountNodeAudienceRestriction:32 ServiceAccountTokenJTI:29 ServiceAccountTokenNodeBinding:29
ServiceAccountTokenNodeBindingValidation:29 ServiceAccountTokenPodNodeInfo:29 ServiceTrafficDistribution:30
SidecarContainers:28 SizeMemoryBackedVolumes:20 StatefulSetAutoDeletePVC:23 StatefulSetStartOrdinal:26
StorageNamespaceIndex:30 StorageVersionAPI:20 StorageVersionHash:14 StorageVersionMigrator:30
StreamingCollectionEncodingToJSON:33 StreamingCollectionEncodingToProtobuf:33 StrictCostEnforcementForVAP:30
StrictCostEnforcementForWebhooks:30 StrictIPCIDRValidation:33 StructuredAuthenticationConfiguration:29
StructuredAuthorizationConfiguration:29 SupplementalGroupsPolicy:31 SystemdWatchdog:32 TopologyAwareHints:21
TopologyManagerPolicyAlphaOptions:26 TopologyManagerPolicyBetaOptions:26 TopologyManagerPolicyOptions:26
TranslateStreamCloseWebsocketRequests:29 UnauthenticatedHTTP2DOSMitigation:25 UnknownVersionInteroperabilityProxy:28
UserNamespacesPodSecurityStandards:29 UserNamespacesSupport:25 VolumeAttributesClass:29 VolumeCapacityPriority:21
WatchCacheInitializationPostStartHook:31 WatchFromStorageWithoutResourceVersion:27 WatchList:27
WindowsCPUAndMemoryAffinity:32 WindowsGracefulNodeShutdown:32 WindowsHostNetwork:26 WinDSR:14 WinOverlay:14
ContainerStopSignals:33 ContainerRestartRules:34 RestartAllContainersOnContainerExits:35 NodeDeclaredFeatures:35 PLEGOnDemandRelist:36
ChangeContainerStatusOnKubeletRestart:35
`;

// Gates removed in 1.37 (name:first minor without it). Source: CHANGELOG-1.37.md, v1.37.0-alpha.1
// (#135336 AnyVolumeDataSource; #138907 the eight locked GA gates below; #139217
// RelaxedDNSSearchValidation; #137755 SidecarContainers), #139721 (PodLifecycleSleepAction and
// PodLifecycleSleepActionAllowZero, merged June 2026, release-note NONE), and, not read upstream, a
// third-party 1.37 upgrade check built from release-1.37's versioned_feature_list.yaml
// (skyhook-io/radar: JobBackoffLimitPerIndex, JobPodReplacementPolicy).
const REMOVED_TABLE = `
AnyVolumeDataSource:37 RetryGenerateName:37 BtreeWatchCache:37 OrderedNamespaceDeletion:37
StreamingCollectionEncodingToJSON:37 StreamingCollectionEncodingToProtobuf:37 APIServerTracing:37
ResilientWatchCacheInitialization:37 ConsistentListFromCache:37 RelaxedDNSSearchValidation:37
SidecarContainers:37 PodLifecycleSleepAction:37 PodLifecycleSleepActionAllowZero:37
JobBackoffLimitPerIndex:37 JobPodReplacementPolicy:37
`;

function table(text: string): ReadonlyMap<string, number> {
  return new Map(text.trim().split(/\s+/).map((entry) => {
    const [name = '', at = '0'] = entry.split(':');
    return [name, Number(at)] as const;
  }));
}

/** Real gate name → first minor version (1.x) in which it exists. */
export const REAL_GATES: ReadonlyMap<string, number> = table(TABLE);

/** Real gate name → first minor version (1.x) that no longer has it. */
export const REMOVED_GATES: ReadonlyMap<string, number> = table(REMOVED_TABLE);

/** Whether `name` is a real gate of Kubernetes 1.`minor` (as far as the tables know). */
export function isRealGate(name: string, minor: number): boolean {
  const since = REAL_GATES.get(name);
  const removed = REMOVED_GATES.get(name);
  return since !== undefined && since <= minor && (removed === undefined || minor < removed);
}
