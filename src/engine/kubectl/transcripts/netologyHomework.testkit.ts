// The pod of Netology's homework «Обновление приложений» (kuber-homeworks-3.4): the task's
// Deployment of nginx beside wbitt/network-multitool (HTTP_PORT 8080), as one of its pods. Two
// students' published answers use it (ruNetologyMicrok8sRollout42, ruNetologyRollout129Terminating43);
// only the app label, the server version and the Simulation document differ.

export function homeworkPod(app: string, version: string, name: string, image: string, simulation: string): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: ${app}
spec:
  containers:
  - name: nginx
    image: ${image}
    ports:
    - containerPort: 80
  - name: multitool
    image: wbitt/network-multitool
    ports:
    - containerPort: 8080
    env:
    - name: HTTP_PORT
      value: "8080"
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
${simulation}`;
}
