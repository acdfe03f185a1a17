// The Content-Security-Policy of the built app: only its own scripts and workers, no eval, no
// remote host. Monaco injects <style> elements at run time, hence 'unsafe-inline' for styles only.
// Dev mode (Vite's inline HMR preamble) is left without it.
//
// Where it is enforced:
// - `vite build` puts it in index.html as a <meta>, for hosts that send no headers.
// - `vite preview` (what `npm start` and the e2e suite serve) sends it as an HTTP header on every
//   response: a <meta> policy does not reach workers loaded by URL (each gets the policy of its
//   own response), and `frame-ancestors` is ignored in a <meta>. The header adds who may frame
//   the page: nobody for the full app (plus X-Frame-Options: DENY for old browsers); anyone for
//   the embedded view, which is served from its own path, `embed/` (the build writes
//   embed/index.html, the same page), so a static host can tell it apart by path alone. Old
//   `?embed` links are framable on preview too (README: the deployment recipe).

import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The path of the embedded view, under the app's own. */
export const EMBED_PATH = 'embed/';

/** The policy header for the full app: not framable by any page. */
export const APP_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/**
 * The policy header for the embedded view: framable by any page. No frame-ancestors at all, as
 * `frame-ancestors *` would still refuse parents without a host (about:blank, data:, sandboxed
 * frames) that any blog editor's preview may be.
 */
export const EMBED_POLICY_HEADER = CONTENT_SECURITY_POLICY;

/** Whether a request (path and query) asks for the embedded view: `/embed/…`, or `?embed` as src/share/url.ts reads it. */
export function requestsEmbed(requestUrl: string): boolean {
  const url = new URL(requestUrl, 'http://host');
  if (/\/embed\/(index\.html)?$/.test(url.pathname)) return true;
  const v = url.searchParams.get('embed');
  return v !== null && v !== '0' && v !== 'false';
}

/** The security headers of one response. */
export function securityHeaders(requestUrl: string): Record<string, string> {
  const common = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
  return requestsEmbed(requestUrl)
    ? { ...common, 'Content-Security-Policy': EMBED_POLICY_HEADER }
    : { ...common, 'Content-Security-Policy': APP_POLICY_HEADER, 'X-Frame-Options': 'DENY' };
}

const withSecurityHeaders: Connect.NextHandleFunction = (req, res, next) => {
  for (const [name, value] of Object.entries(securityHeaders(req.originalUrl ?? req.url ?? '/'))) res.setHeader(name, value);
  next();
};

export function contentSecurityPolicy(): Plugin {
  let outDir = 'dist';
  return {
    name: 'sidecar-lab-csp',
    configResolved: (config) => { outDir = resolve(config.root, config.build.outDir); },
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => (ctx.server ? [] : [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
      ]),
    },
    writeBundle: () => {
      mkdirSync(join(outDir, EMBED_PATH), { recursive: true });
      copyFileSync(join(outDir, 'index.html'), join(outDir, EMBED_PATH, 'index.html'));
    },
    configurePreviewServer: (server) => { server.middlewares.use(withSecurityHeaders); },
  };
}
