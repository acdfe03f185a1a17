import { runScenario } from './engine/run';
const text = `apiVersion: v1
kind: Pod
metadata:
  name: tls
spec:
  initContainers:
  - name: init
    image: gcr.io/hightowerlabs/certificate-init-container:0.0.1
    command: ["sh", "-c", "exit 1"]
  containers:
  - name: tls-app
    image: gcr.io/hightowerlabs/tls-app:1.0.0
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.36"
until: 30s
`;
const tr = runScenario(text).trace!;
for (const e of tr.events) { const { t, type, id, cause, why, basis, ...rest } = e as never as Record<string, unknown>; if (!['pod.condition'].includes(type as string)) console.log(t, type, JSON.stringify(rest)); }
