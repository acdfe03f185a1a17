// The typed errors a link can produce, each with a sentence a user can act on.

import type { LinkError, LinkErrorKind } from './types';

const MESSAGES: Record<LinkErrorKind, string> = {
  'newer-format': 'This link was made by a newer version of Sidecar Lab than this page. Reload the page to get the latest version, then open the link again.',
  'unknown-format': 'This address does not hold a Sidecar Lab scenario. Check that the whole link was copied.',
  'too-long': 'This link is too long to be a Sidecar Lab scenario, so it was not opened.',
  'not-base64': 'This link is damaged: it contains characters a Sidecar Lab link never has. Check that the whole link was copied.',
  truncated: 'This link is incomplete: it looks cut off. Ask for the link again, or copy all of it.',
  corrupt: 'This link is damaged and could not be read. Ask for the link again.',
  'too-large': 'This link unpacks to far more than any scenario, so it was not opened.',
  'invalid-content': 'This link is damaged: its contents are not a Sidecar Lab scenario. Ask for the link again.',
};

export function linkError(kind: LinkErrorKind, detail?: string): LinkError {
  const e: LinkError = { kind, message: MESSAGES[kind] };
  if (detail !== undefined) e.detail = detail;
  return e;
}

/** Thrown inside the decoder only, and always caught by decodeFragment. */
export class LinkDecodeError extends Error {
  constructor(readonly kind: LinkErrorKind, detail: string) {
    super(detail);
    this.name = 'LinkDecodeError';
  }
}
