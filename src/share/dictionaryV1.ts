// The preset dictionary of link format 1: text that scenarios often contain, which deflate may
// refer back to instead of spelling it out (zlib's "preset dictionary"; Brotli and zstd ship
// the same idea). It is part of the format: links made with it can only be read with it, so
// THIS TEXT MUST NEVER CHANGE (share.test.ts pins its hash). A better dictionary means a new
// format version with its own file. Deflate prefers near matches, so the likeliest text (the
// default scenario a first visit shows) comes last.

const KUBERNETES = `apiVersion: apps/v1
kind: Deployment
  replicas: 1
  selector:
    matchLabels:
apiVersion: batch/v1
kind: CronJob
  schedule: "*/5 * * * *"
  jobTemplate:
kind: StatefulSet
kind: DaemonSet
kind: ReplicaSet
kind: Job
metadata:
  name: job
spec:
  backoffLimit: 0
  activeDeadlineSeconds: 600
  ttlSecondsAfterFinished: 100
  template:
    metadata:
      labels:
    spec:
      restartPolicy: OnFailure
      restartPolicy: Never
      terminationGracePeriodSeconds: 30
  terminationGracePeriodSeconds: 60
      imagePullPolicy: IfNotPresent
      ports:
        - containerPort: 8080
          protocol: TCP
      env:
        - name: POD_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
      resources:
        requests:
          cpu: 100m
          memory: 128Mi
        limits:
          memory: 256Mi
      volumeMounts:
        - name: data
          mountPath: /data
  volumes:
    - name: data
      emptyDir: {}
      lifecycle:
        postStart:
          exec:
            command: ["sh", "-c", "sleep 5"]
        preStop:
          sleep:
            seconds: 5
          httpGet:
            path: /healthz
            port: 8080
      startupProbe:
        httpGet:
          path: /healthz/ready
          port: 15021
        periodSeconds: 1
        failureThreshold: 30
      livenessProbe:
        exec:
          command: ["cat", "/tmp/healthy"]
        initialDelaySeconds: 5
        periodSeconds: 10
        timeoutSeconds: 1
      readinessProbe:
        tcpSocket:
          port: 8080
        periodSeconds: 5
        successThreshold: 1
        failureThreshold: 3
      restartPolicyRules:
        - action: Restart
          exitCodes: { operator: In, values: [42] }
      image: nginx:1.27
      image: alpine:3.20
      image: docker.io/istio/proxyv2:1.22.3
      image: hashicorp/vault:1.17
      image: fluent/fluent-bit:3.1
      args: ['-c', '/fluent-bit/etc/fluent-bit.conf']
      command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]
      command: [sh, -c, "sleep 10; exit 1"]
      command: ['sleep', 'infinity']
      command: ['tail', '-f', '/dev/null']
`;

const SIMULATION = `---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.29"
featureGates:
  SidecarContainers: true
  ContainerRestartRules: true
until: 5m
kubelet:
containers:
  app:
    pull: 1s
    startDelay: 2s
    readyAfter: 3s
    exitAfter: never
    exitCode: 1
    onStop: ignore
    onStop: { after: 5s, exitCode: 143 }
    postStart: { duration: 1s, exitCode: 0 }
    preStop: { duration: 5s, exitCode: 0 }
events:
  - { at: 30s, container: app, do: exit }
  - { at: 60s, container: app, do: oomKill }
  - { at: 0s, container: app, do: failStartup, for: 20s }
  - { at: 5s, container: app, do: failPull, for: 60s }
  - { at: 20s, container: app, do: failLiveness, for: 30s }
  - { at: 20s, container: app, do: failReadiness, for: 10s }
  - { at: 30s, container: app, do: setImage, image: app:v2 }
  - { at: 45s, container: istio-proxy, do: crash, exitCode: 1 }
  - { at: 90s, do: deletePod, gracePeriodSeconds: 10 }
  - { at: 30s, do: deletePod }
`;

const DEFAULT_SCENARIO = `# The pod from the Kubernetes v1.28 announcement of native sidecar containers.
# Two init containers wait for their services, then the istio-proxy sidecar starts
# (restartPolicy: Always) and keeps running beside the app.
apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app: myapp
spec:
  containers:
    - name: myapp-container
      image: busybox:1.28
      command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
    - name: init-myservice
      image: busybox:1.28
      command: ['sh', '-c', 'until nslookup myservice; do echo waiting for myservice; sleep 2; done']
    - name: init-mydb
      image: busybox:1.28
      command: ['sh', '-c', 'until nslookup mydb; do echo waiting for mydb; sleep 2; done']
    - name: istio-proxy
      image: istio/proxyv2:1.16.0
      args: ['proxy', 'sidecar']
      restartPolicy: Always
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 40s
containers:
  init-myservice:
    exitAfter: 4s          # myservice answers DNS after about 4 seconds
  init-mydb:
    exitAfter: 3s
  istio-proxy:
    pull: 2s
    startDelay: 2s         # the proxy takes a moment to come up
    onStop: { after: 1s, exitCode: 0 }
  myapp-container:
    startDelay: 1s
`;

export const DICTIONARY_V1_TEXT: string = KUBERNETES + SIMULATION + DEFAULT_SCENARIO;

export const DICTIONARY_V1: Uint8Array = new TextEncoder().encode(DICTIONARY_V1_TEXT);
