// `$(VAR)` expansion where the engine reads commands (scenario/expandVars.ts):
// - a container's command and args: kuberuntime_container.go generateContainerConfig's
//   kubecontainer.ExpandContainerCommandAndArgs(container, opts.Envs) (every stored copy,
//   1.2x-1.3x), so the process inference ([15.1]) reads what the runtime runs;
// - an exec probe's command: prober.go runProbe's ExpandContainerCommandOnlyStatic (every stored
//   prober.go), which judges its verdict and run time ([15.4]);
// - not a hook's exec command: lifecycle/handlers.go handlerRunner.Run runs it as written.
// The same in every version 1.27-1.37.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { SUPPORTED_VERSIONS, type KubeVersion } from '../version';
import { check, ok, pod } from './testUtil';

const withContainer = (lines: string[]) => pod(['  restartPolicy: Never', '  containers:', '    - name: app', '      image: busybox:1.36', ...lines, ''].join('\n'));

function onVersion(text: string, v: KubeVersion): string {
  return `${text}---\napiVersion: sidecar-lab/v1\nkind: Simulation\nkubernetesVersion: "${v}"\n${v === '1.28' ? 'featureGates: { SidecarContainers: true }\n' : ''}until: 60s\n`;
}

describe('ExpandContainerCommandAndArgs: the container\'s command and args', () => {
  const script = withContainer([
    '      command: [sh, -c, "sleep $(SECS); exit $(CODE)"]',
    '      env: [{ name: SECS, value: "5" }, { name: CODE, value: "3" }]',
  ]);

  it.each([...SUPPORTED_VERSIONS])('`sleep $(SECS); exit $(CODE)` with SECS=5, CODE=3 exits 3 after 5 s (%s)', (v) => {
    const r = runScenario(onVersion(script, v));
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const start = r.trace!.events.find((e) => e.type === 'container.start' && e.container === 'app')!;
    const exit = r.trace!.events.find((e) => e.type === 'container.exit' && e.container === 'app')!;
    expect(exit.type === 'container.exit' && exit.exitCode).toBe(3);
    expect(exit.t - start.t).toBeCloseTo(5, 6);
  });

  it('the spec carries the expanded command and args, env values expanded against the entries before them', () => {
    const c = ok(check(withContainer([
      '      command: ["$(BIN)"]',
      '      args: ["--port=$(PORT)", "$$(PORT)", "$(LATER)", "$(POD)"]',
      '      env:',
      '        - { name: BASE, value: "80" }',
      '        - { name: PORT, value: "$(BASE)80" }',
      '        - { name: BIN, value: /bin/server }',
      '        - { name: POD, valueFrom: { fieldRef: { fieldPath: metadata.name } } }',
      '        - { name: LATER, value: "$(AFTER)" }',
      '        - { name: AFTER, value: x }',
    ])).result).scenario.pod.containers[0]!;
    expect(c.command).toEqual(['/bin/server']);
    // A valueFrom's value is the kubelet's to resolve: the engine keeps the reference.
    expect(c.args).toEqual(['--port=8080', '$(PORT)', '$(AFTER)', '$(POD)']);
  });

  it('a reference the engine cannot resolve leaves the command unread: "can\'t tell"', () => {
    const r = check(withContainer([
      '      command: [sh, -c, "sleep $(SECS)"]',
      '      env: [{ name: SECS, valueFrom: { configMapKeyRef: { name: timing, key: secs } } }]',
    ]));
    expect(r.infos.join('\n')).toMatch(/can't tell what/);
  });

  it('an env value that is not a string is refused as the API server\'s decoder refuses it', () => {
    expect(check(withContainer(['      env: [{ name: SECS, value: 5 }]'])).errors)
      .toEqual(['10:34 spec.containers[0].env[0].value: json: cannot unmarshal number into Go struct field EnvVar.spec.containers.env.value of type string']);
    expect(check(withContainer(['      env: [SECS]'])).errors)
      .toEqual(['10:13 spec.containers[0].env[0]: json: cannot unmarshal string into Go struct field Container.spec.containers.env of type v1.EnvVar']);
  });
});

describe('ExpandContainerCommandOnlyStatic: an exec probe\'s command; hooks as written', () => {
  it('the probe\'s verdict and run time come from the expanded command', () => {
    const c = ok(check(withContainer([
      '      command: [sleep, "3600"]',
      '      env: [{ name: CODE, value: "1" }, { name: T, value: "3" }]',
      '      readinessProbe: { exec: { command: [sh, -c, "exit $(CODE)"] } }',
      '      livenessProbe: { exec: { command: [sh, -c, "sleep $(T)"] }, timeoutSeconds: 5 }',
    ])).result).scenario.pod.containers[0]!;
    expect(c.readinessProbe).toMatchObject({ command: ['sh', '-c', 'exit 1'], verdict: 'fail' });
    expect(c.livenessProbe).toMatchObject({ command: ['sh', '-c', 'sleep 3'], duration: 3 });
  });

  it('a valueFrom name is "" to the probe (its Value), and env values are not expanded there', () => {
    const c = ok(check(withContainer([
      '      command: [sleep, "3600"]',
      '      env: [{ name: P, valueFrom: { fieldRef: { fieldPath: metadata.name } } }, { name: A, value: "0" }, { name: B, value: "$(A)" }]',
      '      readinessProbe: { exec: { command: [sh, -c, "exit $(P)0"] } }',
      '      livenessProbe: { exec: { command: [sh, -c, "echo $(B)"] } }',
    ])).result).scenario.pod.containers[0]!;
    expect(c.readinessProbe).toMatchObject({ command: ['sh', '-c', 'exit 0'], verdict: 'pass' });
    expect(c.livenessProbe?.command).toEqual(['sh', '-c', 'echo $(A)']);
  });

  it('handlers.go Run: a hook\'s exec command is not expanded', () => {
    const c = ok(check(withContainer([
      '      command: [sleep, "3600"]',
      '      env: [{ name: T, value: "3" }]',
      '      lifecycle: { preStop: { exec: { command: [sh, -c, "sleep $(T)"] } } }',
    ])).result).scenario.pod.containers[0]!;
    expect(c.preStop?.command).toEqual(['sh', '-c', 'sleep $(T)']);
  });
});
