// The shell's security rules (src-main/shell/policy.ts), which security.ts wires to Electron's events.
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, devServerOrigin, isAllowedRequest, isAppUrl, shouldOpenExternally, spellcheckFor } from '../../src-main/shell/policy.js';

describe('the dev server is trusted only in a development build', () => {
  it('ignores ELECTRON_RENDERER_URL in npm start and packages (not a dev build)', () => {
    expect(devServerOrigin(false, 'http://localhost:5173')).toBeNull();
  });

  it('takes the local dev server in a dev build', () => {
    expect(devServerOrigin(true, 'http://localhost:5173')).toBe('http://localhost:5173');
    expect(devServerOrigin(true, 'http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173');
  });

  it('refuses a remote or odd dev-server URL even in a dev build', () => {
    expect(devServerOrigin(true, 'http://localhost.evil:5173')).toBeNull();
    expect(devServerOrigin(true, 'https://example.com')).toBeNull();
    expect(devServerOrigin(true, 'file:///etc/passwd')).toBeNull();
    expect(devServerOrigin(true, 'not a url')).toBeNull();
    expect(devServerOrigin(true, '')).toBeNull();
  });
});

describe('isAppUrl compares origins exactly', () => {
  const dev = 'http://localhost:5173';
  it('accepts the bundle and, in dev, the dev server', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`, null)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.ts', dev)).toBe(true);
  });

  it('refuses look-alike hosts, other ports, and the dev server outside dev', () => {
    expect(isAppUrl('app://confidant.evil/index.html', null)).toBe(false);
    expect(isAppUrl('app://confidantx/index.html', null)).toBe(false);
    expect(isAppUrl('http://localhost.evil:5173/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', null)).toBe(false);
    expect(isAppUrl('http://localhost:5173@evil.com/', dev)).toBe(false);
  });

  it('never counts devtools:// as the app (not for navigation, not for IPC)', () => {
    expect(isAppUrl('devtools://devtools/bundled/devtools_app.html', null)).toBe(false);
    expect(isAppUrl('devtools://devtools/bundled/devtools_app.html', dev)).toBe(false);
  });
});

describe('the request filter', () => {
  const dev = 'http://localhost:5173';
  it('lets the bundle, its own blobs and the developer tools load', () => {
    expect(isAllowedRequest(`${APP_ORIGIN}/assets/index.js`, null)).toBe(true);
    expect(isAllowedRequest(`blob:${APP_ORIGIN}/3f1c`, null)).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/devtools_app.html', null)).toBe(true);
  });

  it('cancels every remote request', () => {
    for (const url of ['https://example.com/', 'http://localhost:5173/', 'ws://localhost:5173/', 'https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic', 'blob:https://evil.com/1']) {
      expect(isAllowedRequest(url, null), url).toBe(false);
    }
  });

  it('in dev, allows the dev server and its own hot-reload socket, not a look-alike', () => {
    expect(isAllowedRequest('http://localhost:5173/@vite/client', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/?token=abc', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost.evil:5173/', dev)).toBe(false);
    expect(isAllowedRequest('ws://localhost:9999/', dev)).toBe(false);
  });
});

describe('shouldOpenExternally', () => {
  const clicked = { userGesture: true };
  it('opens web and mail links the person chose, with the full normalized address', () => {
    expect(shouldOpenExternally('https://example.com/a?b=1', clicked)).toEqual({ open: true, address: 'https://example.com/a?b=1' });
    expect(shouldOpenExternally('http://example.com', clicked)).toEqual({ open: true, address: 'http://example.com/' });
    expect(shouldOpenExternally('mailto:ana@example.com?subject=Hello', clicked)).toMatchObject({ open: true });
    // The host is shown as the browser will use it, so a look-alike can be seen for what it is.
    expect(shouldOpenExternally('https://exаmple.com/', clicked)).toEqual({ open: true, address: 'https://xn--exmple-4nf.com/' });
  });

  it('never opens without the person’s choice', () => {
    expect(shouldOpenExternally('https://example.com/', { userGesture: false })).toEqual({ open: false, reason: expect.stringMatching(/choose/) });
  });

  it('refuses other schemes, mail with a body, and addresses carrying credentials', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'devtools://devtools/', 'ms-settings:', 'not a url']) {
      expect(shouldOpenExternally(url, clicked).open, url).toBe(false);
    }
    expect(shouldOpenExternally('mailto:x@example.com?body=secret', clicked)).toMatchObject({ open: false, reason: expect.stringMatching(/message/) });
    expect(shouldOpenExternally('mailto:x@example.com?subject=a&BODY=secret', clicked).open).toBe(false);
    expect(shouldOpenExternally('https://user:pw@example.com/', clicked).open).toBe(false);
  });
});

describe('spellcheck never fetches', () => {
  it('uses the OS spellchecker on macOS and is off where Chromium would download dictionaries', () => {
    expect(spellcheckFor('darwin').enabled).toBe(true);
    expect(spellcheckFor('linux').enabled).toBe(false);
    expect(spellcheckFor('win32').enabled).toBe(false);
  });
});
