import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, join, normalize, relative } from 'node:path';
import { APP_SCHEME, CONTENT_SECURITY_POLICY } from './security.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * Must run before the app is ready: `app://` behaves like a secure, standard origin. `codeCache` lets V8
 * keep what it compiled of the app's scripts between starts (in the profile's Code Cache folder; code, never
 * data), as it does for http(s) pages: Chromium caches only those by default, and a custom scheme needs both
 * this and `standard` (Electron's protocol docs). The first start compiles as before; later ones skip much of
 * the compiling that the first mount and the first entries' drawing now do (#11).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * Serves the renderer bundle from disk under app://confidant/, refusing any path outside it. Files are
 * read directly rather than through net.fetch(file://), so no request leaves this handler at all.
 */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const { pathname } = new URL(request.url);
    const file = normalize(join(rendererDir, decodeURIComponent(pathname === '/' ? '/index.html' : pathname)));
    const inside = relative(rendererDir, file);
    if (inside.startsWith('..') || isAbsolute(inside)) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
