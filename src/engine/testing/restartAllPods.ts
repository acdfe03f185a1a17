// The two pods the RestartAllContainers (KEP-5532, rulebook [11.2]) tests share, written once.

/**
 * A Never pod whose `trigger` exits 3 after 20 s, matching its RestartAllContainers rule, beside a
 * `bystander` (`sleep 86400`, or another command): the pod of the explain fixtures rac-*.json and
 * k8rs-gang.json. The Pod document alone; the caller adds the Simulation document.
 */
export function gangPod(bystanderCommand = '["sleep", "86400"]'): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: gang }
spec:
  restartPolicy: Never
  containers:
    - name: trigger
      image: busybox
      command: ["sh", "-c", "sleep 20; exit 3"]
      restartPolicy: Never
      restartPolicyRules:
        - action: RestartAllContainers
          exitCodes: { operator: In, values: [3] }
    - name: bystander
      image: busybox
      command: ${bystanderCommand}
`;
}

/**
 * The reset's pod: proxy (envoy, a 5 s sleep preStop) stops at once on SIGTERM; `app` exits 42 at
 * 10 s, matching its RestartAllContainers rule; worker-a and worker-b (busybox sh as PID 1) ignore
 * SIGTERM. 1.35 gets RestartAllContainersOnContainerExits turned on. `extraSpec`: pod spec lines
 * (indented two spaces) put before initContainers; `events`: the Simulation document's events block.
 */
export function resetPod(version: string, opts: { until: string; events?: string; extraSpec?: string }): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: reset }
spec:
  restartPolicy: Never
${opts.extraSpec ?? ''}  initContainers:
    - name: proxy
      image: envoyproxy/envoy:v1.30
      restartPolicy: Always
      lifecycle: { preStop: { sleep: { seconds: 5 } } }
  containers:
    - name: app
      image: example/app:1
      restartPolicy: Never
      restartPolicyRules:
        - action: RestartAllContainers
          exitCodes: { operator: In, values: [42] }
    - name: worker-a
      image: busybox:1.36
      command: [/bin/sh, -c, 'sleep 3600; exit 0']
    - name: worker-b
      image: busybox:1.36
      command: [/bin/sh, -c, 'sleep 3600; exit 0']
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: ${opts.until}
${version === '1.35' ? 'featureGates: { RestartAllContainersOnContainerExits: true, NodeDeclaredFeatures: true }\n' : ''}containers:
  app: { runs: [{ exitAfter: 10s, exitCode: 42 }] }
${opts.events ?? ''}`;
}
