import { dialog, session, shell, type BrowserWindow, type WebContents } from 'electron';
import { devServerOrigin, isAllowedRequest, isAppUrl, shouldOpenExternally, spellcheckFor, APP_ORIGIN } from './policy.js';

export { APP_ORIGIN, APP_SCHEME, CONTENT_SECURITY_POLICY } from './policy.js';

/** The dev server, only in a development build (`npm run dev`): never in `npm start` or a package. */
export const DEV_ORIGIN = devServerOrigin(__CONFIDANT_DEV_BUILD__, process.env.ELECTRON_RENDERER_URL);

/** Where the main window loads from. */
export function rendererEntry(): string {
  return DEV_ORIGIN ? `${DEV_ORIGIN}/` : `${APP_ORIGIN}/index.html`;
}

export function isOwnUrl(url: string): boolean {
  return isAppUrl(url, DEV_ORIGIN);
}

/**
 * Nothing leaves the machine: every request to anything but the app's own bundle is cancelled,
 * every permission (camera, notifications, geolocation...) is refused, and spellcheck never fetches.
 */
export function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, DEV_ORIGIN);
    if (!allowed) console.warn(`[security] blocked request to ${details.url}`);
    callback({ cancel: !allowed });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  const spellcheck = spellcheckFor(process.platform);
  ses.setSpellCheckerEnabled(spellcheck.enabled);
  // Belt and braces where it is off: should anything re-enable it, dictionaries would be asked of the
  // app's own origin (which has none), never of Google's CDN. A no-op on macOS.
  if (!spellcheck.enabled) ses.setSpellCheckerDictionaryDownloadURL(`${APP_ORIGIN}/no-dictionaries/`);
}

/** No navigation away from the app, no new windows, no webviews. Links go through askToOpen(). */
export function lockDownContents(contents: WebContents, windowFor: (contents: WebContents) => BrowserWindow | null): void {
  contents.on('will-navigate', (event) => {
    if (isOwnUrl(event.url)) return;
    event.preventDefault();
    void askToOpen(event.url, windowFor(contents));
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void askToOpen(url, windowFor(contents));
    return { action: 'deny' };
  });
}

let asking = false;

/**
 * A link the page wants to open is shown in full in a native dialog; it opens in the browser only when
 * the person presses Open. No page script can press a native dialog's button, so a script that triggers
 * navigations gets at most one dialog at a time (later ones are dropped while it is up), never a tab.
 */
async function askToOpen(url: string, parent: BrowserWindow | null): Promise<void> {
  const allowedKind = shouldOpenExternally(url, { userGesture: true });
  if (!allowedKind.open) {
    console.warn(`[security] not opening ${url}: ${allowedKind.reason}`);
    return;
  }
  if (asking) return;
  asking = true;
  try {
    const options = {
      type: 'question' as const,
      buttons: ['Open', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: 'Open this address outside Confidant?',
      detail: allowedKind.address,
    };
    const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
    const verdict = shouldOpenExternally(url, { userGesture: response === 0 });
    if (verdict.open) await shell.openExternal(verdict.address);
  } finally {
    asking = false;
  }
}
