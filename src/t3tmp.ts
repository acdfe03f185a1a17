import { runScenario } from './engine/run';
const v = process.argv[2] ?? '1.31';
const text = `apiVersion: batch/v1
kind: Job
metadata:
  name: demo-good-sidecar
spec:
  completions: 1
  template:
    spec:
      restartPolicy: OnFailure
      initContainers:
      - name: sidecar
        restartPolicy: Always
        image: busybox
        command:
        - sh
        - -c
        - "while true; do echo 'Sidecar still running...'; sleep 5; done"
      containers:
      - name: demo
        image: busybox
        command: ["sleep", "20"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${v}"
`;
const r = runScenario(text);
console.log(r.problems.map((p) => p.message));
for (const e of r.trace!.events) { const { t, type, id, cause, why, basis, ...rest } = e as never as Record<string, unknown>; if (['pod.kubectl', 'container.exit', 'container.start', 'container.signal', 'pod.gone', 'job.complete'].includes(type as string)) console.log(t, type, JSON.stringify(rest)); }
