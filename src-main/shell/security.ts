import { app, session, shell, type WebContents } from 'electron';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://confidant`;

// The renderer's pages may load only what the bundle ships: no remote script, style, image, font or
// connection, no eval. In development the Vite dev server is allowed in addition (see devServerUrl).
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

/** The dev server electron-vite starts in `npm run dev`; never set in a built app. */
export function devServerUrl(): string | undefined {
  return !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
}

/** True when a URL belongs to the app itself: its bundle, or the dev server while developing. */
export function isAppUrl(url: string): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`)) return true;
  const dev = devServerUrl();
  if (dev && url.startsWith(new URL(dev).origin + '/')) return true;
  return url.startsWith('devtools://');
}

/**
 * Nothing leaves the machine: every request to anything but the app's own bundle is cancelled,
 * every permission (camera, notifications, geolocation...) is refused.
 */
export function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest((details, callback) => {
    // A blob: URL of the app's own origin is data the page made itself (the review's Markdown download).
    const allowed =
      isAppUrl(details.url) || details.url.startsWith(`blob:${APP_ORIGIN}/`) || (devServerUrl() !== undefined && details.url.startsWith('ws://localhost'));
    if (!allowed) console.warn(`[security] blocked request to ${details.url}`);
    callback({ cancel: !allowed });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

/** No navigation away from the app, no new windows. Links in notes open in the user's own browser. */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      openExternally(url);
    }
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

function openExternally(url: string): void {
  // Only on the user's click, and only plain web and mail links: the app itself never fetches them.
  if (/^(https?|mailto):/i.test(url)) void shell.openExternal(url);
}
