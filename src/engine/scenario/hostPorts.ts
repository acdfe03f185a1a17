// Host-port conflicts inside a pod spec ([1.3]): validation.go's checkHostPortConflicts, called by
// validateContainers for all regular containers together and by validateInitContainers for each
// init container alone (init containers run one at a time). AccumulateUniqueHostPorts keys a port
// by "<protocol>/<hostIP>/<hostPort>", skips hostPort 0, and reports the second use of a key as
// Duplicate at ports[i].hostPort. The simulator models no ports: only what this check needs is
// read, leniently (a malformed entry is simply not counted).

import type { Ctx } from './decode';
import { duplicate } from './k8sErrors';
import type { Span } from './problems';
import { present, type YMap } from './ynode';

export interface HostPort {
  /** The entry's position in `ports`. */
  index: number;
  /** protocol/hostIP/hostPort, as upstream keys it (protocol defaulted to TCP). */
  key: string;
  span: Span;
}

/** The `ports` entries of a container mapping that set a hostPort. */
export function readHostPorts(map: YMap): HostPort[] {
  const out: HostPort[] = [];
  const ports = present(map, 'ports')?.value;
  if (ports?.kind !== 'seq') return out;
  ports.items.forEach((item, index) => {
    if (item.kind !== 'map') return;
    const host = present(item, 'hostPort');
    if (host?.value.kind !== 'scalar' || typeof host.value.value !== 'number' || host.value.value === 0) return;
    const protocol = present(item, 'protocol')?.value;
    const hostIP = present(item, 'hostIP')?.value;
    const text = (n: typeof protocol, fallback: string) => (n?.kind === 'scalar' && typeof n.value === 'string' ? n.value : fallback);
    out.push({ index, key: `${text(protocol, 'TCP')}/${text(hostIP, '')}/${host.value.value}`, span: host.value.span });
  });
  return out;
}

interface PortsOf {
  /** The path upstream names the container by. */
  path: string;
  hostPorts: readonly HostPort[];
}

/** Reports each host port used a second time among these containers. */
export function reportHostPortConflicts(ctx: Ctx, containers: readonly PortsOf[]): void {
  const seen = new Set<string>();
  for (const c of containers) {
    for (const p of c.hostPorts) {
      if (seen.has(p.key)) ctx.p.error(`${c.path}.ports[${p.index}].hostPort`, duplicate(p.key), p.span);
      else seen.add(p.key);
    }
  }
}
