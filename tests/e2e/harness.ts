// Runs the built renderer in Chromium against the real journal core, through the same bridge the
// preload exposes: one named function per contract call on `window.confidant`. No HTTP server and no
// open port: page.route serves the bundle from out/renderer, and every other request is refused and
// recorded, so a spec can assert that nothing left the page.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { callNames } from '../../src-main/contract/names.js';
import { JournalSession, type Keychain } from '../../src-main/core/index.js';
import { testKeychain } from '../test-keychain.js';

export const APP_ORIGIN = 'http://confidant.test';
const root = join(import.meta.dirname, '..', '..');
const rendererDir = join(root, 'out', 'renderer');
export const samplePath = join(root, 'resources', 'sample-journal.json');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface RunningApp {
  page: Page;
  /** The journal session behind the page (#12): open, locked or unavailable, as in the app. */
  journal: JournalSession;
  /** Every request the page made to anything but the app's own bundle. */
  foreignRequests: string[];
  close(): Promise<void>;
}

/** One keychain per test process, as the OS has one per user: a journal reopened in a spec opens again. */
export const keychain = testKeychain();

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  /** The OS keychain (default: this process's test keychain), or null for a passphrase journal. */
  keychain?: Keychain | null;
}

export async function openJournalFor(journalPath: string, options: Pick<LaunchOptions, 'keychain'> = {}): Promise<JournalSession> {
  return JournalSession.start({
    path: journalPath,
    keychain: options.keychain === undefined ? keychain : options.keychain,
    journal: { readSample: async () => JSON.parse(await readFile(samplePath, 'utf8')) },
  });
}

/** Opens a new page in `context` showing the app on the journal at `journalPath`. */
export async function launchApp(
  context: BrowserContext,
  journalPath: string,
  options: LaunchOptions = {},
): Promise<RunningApp> {
  const journal = await openJournalFor(journalPath, options);
  const foreignRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== APP_ORIGIN) {
      foreignRequests.push(url.href);
      return route.abort('blockedbyclient');
    }
    const file = normalize(join(rendererDir, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)));
    if (relative(rendererDir, file).startsWith('..')) return route.fulfill({ status: 404 });
    try {
      const body = await readFile(file);
      return route.fulfill({ status: 200, body, contentType: types[extname(file)] ?? 'application/octet-stream' });
    } catch {
      return route.fulfill({ status: 404, body: 'Not found' });
    }
  });
  const page = await context.newPage();
  if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
  page.on('pageerror', (error) => console.error('[renderer]', error));
  await page.exposeBinding('__confidantInvoke', (_source, name: unknown, input: unknown) => journal.call(name, input));
  // The same shape the preload builds (src-main/preload/index.ts): named calls and onMenu. Passed as a
  // string, not a function, so no transpiler helper (tsx's __name) leaks into the page.
  await page.addInitScript(bridgeScript(callNames));
  await page.goto(`${APP_ORIGIN}/index.html`);
  return {
    page,
    journal,
    foreignRequests,
    close: async () => {
      await page.close();
      await journal.close();
    },
  };
}

function bridgeScript(names: readonly string[]): string {
  return `(() => {
    const invoke = window.__confidantInvoke;
    const calls = Object.fromEntries(${JSON.stringify(names)}.map((name) => [name, (input) => invoke(name, input)]));
    Object.defineProperty(window, 'confidant', {
      value: Object.freeze({
        ...calls,
        onMenu(listener) {
          const handler = (event) => listener(event.detail);
          window.addEventListener('confidant:menu', handler);
          return () => window.removeEventListener('confidant:menu', handler);
        },
      }),
    });
  })();`;
}

/** Sends a native-menu action, as main does when a menu item or its accelerator is used. */
export async function menu(page: Page, action: string): Promise<void> {
  await page.evaluate((detail) => window.dispatchEvent(new CustomEvent('confidant:menu', { detail })), action);
}
