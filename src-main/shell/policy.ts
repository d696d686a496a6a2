// The shell's security decisions as plain functions: which URLs are the app, which requests may leave
// the page, which links may open in the browser, where spellcheck comes from. No Electron import, so
// every rule here is unit-tested under Node; security.ts only wires them to Electron's events.

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://confidant`;

// The renderer's pages may load only what the bundle ships: no remote script, style, image, font or
// connection, no eval. In development the Vite dev server is allowed in addition (see devServerOrigin).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The origin of a URL, or null when it has none worth trusting (opaque, unparsable). */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.origin !== 'null') return parsed.origin;
    // Node's URL gives schemes it does not know as "special" (app:) an opaque origin; Chromium, where
    // app: is registered as standard, gives scheme://host. Compute that, so both agree.
    return parsed.host && parsed.protocol !== 'blob:' ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

/**
 * The dev server's origin, trusted only in a development build (`devBuild` is a build-time constant,
 * true only for `npm run dev`), and only when it is plain http on this machine. `npm start` and a
 * package ignore ELECTRON_RENDERER_URL entirely, whatever the environment says.
 */
export function devServerOrigin(devBuild: boolean, rendererUrl: string | undefined): string | null {
  if (!devBuild || !rendererUrl) return null;
  try {
    const url = new URL(rendererUrl);
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
    return url.protocol === 'http:' && local ? url.origin : null;
  } catch {
    return null;
  }
}

/** True when a URL belongs to the app itself: its bundle, or (development build only) the dev server. */
export function isAppUrl(url: string, devOrigin: string | null): boolean {
  const origin = originOf(url);
  if (origin === null) return false;
  return origin === APP_ORIGIN || (devOrigin !== null && origin === devOrigin);
}

/**
 * The session's request filter: the bundle, blobs the page made itself, the developer tools' own pages
 * (they are Chromium's, local, and only in unpackaged builds; never a navigation target or an IPC
 * sender), and in `npm run dev` the dev server and its hot-reload socket on the same host and port.
 */
export function isAllowedRequest(url: string, devOrigin: string | null): boolean {
  if (isAppUrl(url, devOrigin)) return true;
  if (url.startsWith(`blob:${APP_ORIGIN}/`)) return true;
  if (url.startsWith('devtools://')) return true;
  // Vite's hot-reload socket: same host and port as the dev server, ws: instead of http:.
  if (devOrigin !== null && originOf(url) === devOrigin.replace(/^http:/, 'ws:')) return true;
  return false;
}

export type ExternalVerdict = { open: true; address: string } | { open: false; reason: string };

/**
 * Whether a link may be handed to the person's browser or mail app. Only after the person chose it
 * (`userGesture`: in the shell, their click on the dialog that shows the full address, which no page
 * script can press), only web and mail links, and a mail link without a prefilled body (a page could
 * otherwise smuggle text out in a mail the person sends without reading).
 */
export function shouldOpenExternally(url: string, { userGesture }: { userGesture: boolean }): ExternalVerdict {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { open: false, reason: 'That is not a web address.' };
  }
  if (parsed.protocol === 'mailto:') {
    const keys = [...parsed.searchParams.keys()].map((key) => key.toLowerCase());
    if (keys.includes('body')) return { open: false, reason: 'Mail links that fill in a message are not opened.' };
  } else if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { open: false, reason: `Only web and mail links open from Confidant, not ${parsed.protocol} links.` };
  } else if (parsed.username || parsed.password) {
    return { open: false, reason: 'Links with a user name or password in them are not opened.' };
  }
  if (!userGesture) return { open: false, reason: 'Links open only when you choose to open them.' };
  // href is the normalized form (punycode host), which is what the person must see and what opens.
  return { open: true, address: parsed.href };
}

/**
 * Spellcheck that never fetches: macOS uses the system's own spellchecker (no dictionary is
 * downloaded there). On Windows and Linux Chromium downloads Hunspell dictionaries from Google's CDN,
 * so spellcheck is off there rather than either leaking a request or failing behind the filter.
 */
export function spellcheckFor(platform: string): { enabled: boolean; why: string } {
  return platform === 'darwin'
    ? { enabled: true, why: 'macOS’s own spellchecker; nothing is downloaded.' }
    : { enabled: false, why: 'Chromium would download dictionaries from the internet here.' };
}
