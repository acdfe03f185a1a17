// Image references: the parts the simulator needs (is it a shell image? which pull policy?).

export interface ImageRef {
  /** Last path segment of the repository, lower case: "busybox" for docker.io/library/busybox:1.36. */
  name: string;
  tag: string | undefined;
  digest: string | undefined;
}

export function parseImage(image: string): ImageRef {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) { digest = rest.slice(at + 1); rest = rest.slice(0, at); }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) { tag = rest.slice(colon + 1); rest = rest.slice(0, colon); }
  const name = (rest.split('/').pop() ?? rest).toLowerCase();
  return { name, tag, digest };
}

/** SetDefaults_Container: Always for :latest or no tag (unless pinned by digest), else IfNotPresent. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const ref = parseImage(image);
  if (ref.digest) return 'IfNotPresent';
  return ref.tag === undefined || ref.tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** Images whose default command is a shell (no ENTRYPOINT; CMD sh/bash). */
const SHELL_IMAGES = new Set([
  'busybox', 'alpine', 'ubuntu', 'debian', 'bash', 'centos', 'fedora', 'amazonlinux', 'rockylinux',
  'almalinux', 'oraclelinux', 'archlinux', 'ubi', 'ubi8', 'ubi9', 'ubi10', 'ubi-minimal', 'photon',
  'opensuse', 'leap', 'tumbleweed', 'clearlinux', 'mageia', 'toolbox', 'netshoot',
]);

export function isShellImage(image: string): boolean {
  return SHELL_IMAGES.has(parseImage(image).name);
}
