// Whether the kubelet can parse a container's image reference ([10.11]). EnsureImageExists first
// applies the default tag, which parses the name (images/image_manager.go applyDefaultImageTag; a
// 1.27-era copy calls dockerref.ParseNormalizedNamed, newer ones parsers.ParseImageName, which calls
// it too); a name it cannot parse is ErrInvalidImageName before any lookup, pull policy or pull
// back-off. The grammar is distribution/reference's (regexp.go, normalize.go ParseNormalizedNamed,
// splitDockerDomain), the library the kubelet vendors; the API server checks only that the image
// is not empty and has no surrounding spaces, so it accepts what the kubelet rejects.

const ALPHA_NUMERIC = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALPHA_NUMERIC}(?:${SEPARATOR}${ALPHA_NUMERIC})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const DOMAIN_AND_PORT = `${HOST}(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const NAME = `(?:${DOMAIN_AND_PORT}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const REFERENCE = new RegExp(`^(${NAME})(?::${TAG})?(?:@${DIGEST})?$`);
const IDENTIFIER = /^[a-f0-9]{64}$/;
const NAME_TOTAL_LENGTH_MAX = 255;

/** distribution/reference's errors, as their Error() prints them. */
const INVALID_FORMAT = 'invalid reference format';

/** The error ParseNormalizedNamed gives for this reference, or undefined when it parses. */
export function imageReferenceError(image: string): string | undefined {
  if (IDENTIFIER.test(image)) return `invalid repository name (${image}), cannot specify 64-byte hexadecimal strings`;
  const { domain, remainder } = splitDockerDomain(image);
  const tagAt = remainder.indexOf(':');
  const remoteName = tagAt < 0 ? remainder : remainder.slice(0, tagAt);
  if (remoteName.toLowerCase() !== remoteName) return `${INVALID_FORMAT}: repository name must be lowercase`;
  const match = REFERENCE.exec(`${domain}/${remainder}`);
  if (match === null) return INVALID_FORMAT;
  if (match[1]!.length > NAME_TOTAL_LENGTH_MAX) return `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`;
  return undefined;
}

/**
 * splitDockerDomain: the first path component is a registry when it has a dot or a colon, is
 * `localhost`, or has an upper-case letter; else the name is Docker Hub's (docker.io, and a
 * one-component name is under library/).
 */
function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  let domain = 'docker.io';
  let remainder = name;
  if (slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first)) {
    domain = first === 'index.docker.io' ? 'docker.io' : first;
    remainder = name.slice(slash + 1);
  }
  if (domain === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`;
  return { domain, remainder };
}

/**
 * The message EnsureImageExists records (Warning InspectFailed) and the start's error carries: the
 * wrapper's wording changed when applyDefaultImageTag moved to parsers.ParseImageName; stored
 * copies of the 1.33 development show both, so the engine takes 1.33 as the first with the new one.
 */
export function invalidImageMessage(image: string, error: string, minor: number): string {
  const parse = minor >= 33 ? `couldn't parse image name ${goQuote(image)}` : `couldn't parse image reference ${goQuote(image)}`;
  return `Failed to apply default image tag ${goQuote(image)}: ${parse}: ${error}`;
}

/** Go's %q of a string without control characters: quotes, with `"` and `\` escaped. */
function goQuote(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
