// Runs the built renderer in Chromium against the real journal core, through the same bridge the
// preload exposes: one named function per contract call on `window.confidant`. No HTTP server and no
// open port: page.route serves the bundle from out/renderer, and every other request is refused and
// recorded, so a spec can assert that nothing left the page.
import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { JournalProblem, JournalStatus } from '../../src-main/contract/journal-status.js';
import { callNames, shellCallNames } from '../../src-main/contract/names.js';
import { JournalSession, type Keychain } from '../../src-main/core/index.js';
import { stoppedProblem } from '../../src-main/shell/journal-host.js';
import { handleShellCall, isShellCall, SettingsStore, trayView, type ShellActions } from '../../src-main/shell/shell-calls.js';
import { testKeychain } from '../test-keychain.js';
import { importThread } from '../import-thread.js';

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
  /**
   * The journal session behind the page, as the worker runs it: open, locked or unavailable, with
   * recovery, backups and the security calls (after a restore or restart, the new one).
   */
  readonly journal: JournalSession;
  /** The same session (#9's specs name it so). */
  readonly session: JournalSession;
  /** Every shell call the page made (dialogs, settings, quit...), in order, with its parsed input. */
  shellCalls: { name: string; input: unknown }[];
  /** The name of every journal call the page made, in order: what a screen reads. */
  journalCalls: string[];
  /** Does what main does when the worker dies: calls fail at once, journal.status says 'stopped'. */
  stopJournal(): Promise<void>;
  /** Every request the page made to anything but the app's own bundle. */
  foreignRequests: string[];
  /** Files the app saved through app.saveFile (the native save dialog in Electron), in order. */
  savedFiles: SavedFile[];
  close(): Promise<void>;
}

export interface SavedFile {
  suggestedName: string;
  kind: string;
  /** Where the harness wrote it: a temp folder standing in for the folder a user would choose. */
  path: string;
}

/** One keychain per test process, as the OS has one per user: a journal reopened in a spec opens again. */
export const keychain = testKeychain();

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  /** Where app.saveFile writes (the save dialog's answer); null means the person cancelled. */
  savePath?: string | null;
  /** Where settings.json lives; defaults to beside the journal. */
  settingsPath?: string;
  /** What the OS says to a global shortcut: the harness has no OS, so the test decides. */
  shortcutAccepted?: boolean;
  /** Whether the desktop has a tray for Confidant's icon: the harness has none, so the test decides. */
  trayAvailable?: boolean;
  /** The folder app.pickFolder answers with; unset means the person cancelled. */
  pickFolder?: string;
  /** The file app.pickFile answers with (the native open dialog in Electron); unset means the person cancelled. */
  pickFile?: string;
  busyTimeoutMs?: number;
  /** A fixed clock for the page (ISO time): the app reads `now` from it. */
  now?: string;
  /** #12: the OS keychain (default: this process's test keychain), or null for a passphrase journal. */
  keychain?: Keychain | null;
  /** Another build of the renderer to serve (default out/renderer): benches compare two builds in one run. */
  rendererDir?: string;
}

/** The session the worker would run on `journalPath`, once its quick check has finished. */
export async function openJournalFor(journalPath: string, options: Pick<LaunchOptions, 'keychain' | 'busyTimeoutMs'> = {}): Promise<JournalSession> {
  const session = await JournalSession.start({
    journalPath,
    keychain: options.keychain === undefined ? keychain : options.keychain,
    readSample: async () => JSON.parse(await readFile(samplePath, 'utf8')),
    importThread,
    ...(options.busyTimeoutMs !== undefined ? { busyTimeoutMs: options.busyTimeoutMs } : {}),
  });
  await session.checked;
  return session;
}

/** Opens a new page in `context` showing the app on the journal at `journalPath`. */
export async function launchApp(
  context: BrowserContext,
  journalPath: string,
  options: LaunchOptions = {},
): Promise<RunningApp> {
  const startSession = () => openJournalFor(journalPath, options);
  let session = await startSession();
  let problem: JournalProblem | null = null;
  const savedFiles: SavedFile[] = [];
  const saveDir = await mkdtemp(join(tmpdir(), 'confidant-saved-'));
  const shellCalls: { name: string; input: unknown }[] = [];
  const journalCalls: string[] = [];
  const settings = new SettingsStore(options.settingsPath ?? `${journalPath}.settings.json`);
  // Node equivalents of main's native actions: each is recorded; dialogs answer what the test chose.
  const actions: ShellActions = {
    info: () => ({ name: 'Confidant', version: '0.0.0-test', electron: 'none (harness)', chrome: 'harness', platform: `${process.platform} ${process.arch}`, privacy: 'Everything stays on this computer.' }),
    quit: () => {},
    restartJournal: async () => {
      await session.close();
      session = await startSession();
      problem = null;
      return session.status() as JournalStatus;
    },
    showInFolder: () => {},
    openAnother: async () => null,
    pickFolder: async () => options.pickFolder ?? null,
    pickFile: async () => options.pickFile ?? null,
    // The save dialog's answer: the test's choice, or a file in a temp folder standing in for the user's.
    chooseSavePath: async (suggestedName, kind) => {
      if (options.savePath !== undefined) return options.savePath;
      const path = join(saveDir, `${savedFiles.length + 1}-${suggestedName}`);
      savedFiles.push({ suggestedName, kind, path });
      return path;
    },
    // Recorded in shellCalls; the harness shows no system notifications.
    setNamesHidden: () => {},
    applyShortcut: (accelerator) =>
      accelerator === null
        ? { state: 'off', message: null }
        : options.shortcutAccepted === false
          ? { state: 'refused', message: `The system did not give Confidant ${accelerator}: another app probably uses it. Choose another, or use the tray icon.` }
          : { state: 'registered', message: null },
    // The same sentences as main (trayView), with the desktop's answer chosen by the test.
    applyTray: (show) => trayView(show, options.trayAvailable !== false, 'linux'),
  };
  settings.shortcut = actions.applyShortcut(settings.read().quickCaptureShortcut);
  settings.tray = actions.applyTray(settings.read().showTray);
  const invoke = async (name: unknown, input: unknown) => {
    if (isShellCall(name)) {
      shellCalls.push({ name, input });
      return handleShellCall(name, input, actions, settings);
    }
    journalCalls.push(String(name));
    if (problem) {
      if (name === 'journal.status') return { ok: true, value: { state: 'unavailable', problem } };
      return { ok: false, error: { code: 'journal-unavailable', message: problem.message } };
    }
    return session.call(name, input);
  };
  const foreignRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== APP_ORIGIN) {
      foreignRequests.push(url.href);
      return route.abort('blockedbyclient');
    }
    const served = options.rendererDir ?? rendererDir;
    const file = normalize(join(served, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)));
    if (relative(served, file).startsWith('..')) return route.fulfill({ status: 404 });
    try {
      const body = await readFile(file);
      return route.fulfill({ status: 200, body, contentType: types[extname(file)] ?? 'application/octet-stream' });
    } catch {
      return route.fulfill({ status: 404, body: 'Not found' });
    }
  });
  const page = await context.newPage();
  if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
  // A fixed clock for the page: the renderer passes its "now" to every call that depends on it, so the
  // core answers as of the same instant (meetings to log, reminders).
  if (options.now) await page.clock.setFixedTime(new Date(options.now));
  page.on('pageerror', (error) => console.error('[renderer]', error));
  // Answers cross as JSON text, parsed in the page (bridgeScript). Playwright's own encoding tags every value
  // of an answer and the page decodes it value by value: 0.6–0.9 s of the page's main thread for the map's
  // 4 MB graph, 20–30 ms for a timeline page, costs Electron's IPC (a structured clone) does not have.
  // Every answer is plain data, so the text carries it whole. Inputs keep Playwright's encoding, which, like
  // a structured clone, keeps what JSON would not (undefined, NaN), so hostile input reaches the core as sent.
  await page.exposeBinding('__confidantInvoke', async (_source, name: unknown, input: unknown) => JSON.stringify(await invoke(name, input)));
  // The same shape the preload builds (src-main/preload/index.ts): named calls and onMenu. Passed as a
  // string, not a function, so no transpiler helper (tsx's __name) leaks into the page.
  await page.addInitScript(bridgeScript([...callNames, ...shellCallNames]));
  await page.goto(`${APP_ORIGIN}/index.html`);
  return {
    page,
    get journal(): JournalSession {
      return session;
    },
    get session() {
      return session;
    },
    shellCalls,
    journalCalls,
    foreignRequests,
    savedFiles,
    stopJournal: async () => {
      await session.close();
      problem = stoppedProblem(journalPath, 'The journal stopped unexpectedly. Everything you saved is safe on disk: restart the journal to go on.');
      await menu(page, 'journal-status');
    },
    close: async () => {
      await page.close();
      await session.close();
      await rm(saveDir, { recursive: true, force: true });
    },
  };
}

function bridgeScript(names: readonly string[]): string {
  return `(() => {
    const invoke = window.__confidantInvoke;
    const calls = Object.fromEntries(${JSON.stringify(names)}.map((name) => [name, (input) => invoke(name, input).then((text) => (text === undefined ? undefined : JSON.parse(text)))]));
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

/**
 * Reloads the page and waits until the app has started again: its first screen's heading (or the one
 * named) is shown, so its keyboard shortcuts and menu events are heard. Without the wait a shortcut pressed
 * straight after `reload()` can reach a page that is not listening yet, and a spec fails by chance.
 */
export async function reloadApp(page: Page, heading?: string): Promise<void> {
  await page.reload();
  await page.getByRole('heading', { level: 1, ...(heading ? { name: heading } : {}) }).first().waitFor();
}

/** What axe-core finds on a page as shown, one line per rule broken (empty when nothing is). */
export async function axeFindings(page: Page, where: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map(
    (v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.length}× e.g. ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`).join(' | ')}`,
  );
}
