// Confidant's Electron shell: windows, menu, protocol, security and IPC routing. Everything the journal
// knows lives in ../core, run in a worker thread (see journal-worker.ts for why). The decisions live in
// Electron-free modules beside this one (policy, journal-host, shell-calls, resources), each unit-tested;
// this file wires them to Electron.
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, shell, type IpcMainInvokeEvent } from 'electron';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRIVACY_PROMISE } from '../contract/shell.js';
import { callNames, shellCallNames, type MenuAction } from '../contract/names.js';
import { JournalHost, windowTitle } from './journal-host.js';
import { buildMenu } from './menu.js';
import { setNotificationNamesHidden, startReminderNotifications } from './notifications.js';
import { osKeychain } from './safe-storage.js';
import { describeError } from '../core/redact.js';
import { journalPath } from './paths.js';
import { registerAppScheme, serveRenderer } from './protocol.js';
import { QuickCapture } from './quick-capture.js';
import { resolveResources } from './resources.js';
import { isOwnUrl, lockDownContents, lockDownSession, rendererEntry } from './security.js';
import { handleShellCall, SettingsStore, type ShellActions } from './shell-calls.js';
import { loadWindowState, trackWindowState } from './window-state.js';
import { measuringStart, StartTiming } from './start-timing.js';

// When this process was launched (process.uptime() counts from then), for the start line (start-timing.ts).
const timing = new StartTiming(Date.now() - process.uptime() * 1000);

const paths = resolveResources({
  isPackaged: app.isPackaged,
  resourcesPath: process.resourcesPath,
  appPath: app.getAppPath(),
  mainDir: dirname(fileURLToPath(import.meta.url)),
  platform: process.platform,
  arch: process.arch,
});

const host = new JournalHost(
  paths.worker,
  {
    journalPath: journalPath(process.argv, process.env, app.getPath('userData')),
    samplePath: paths.sampleJournal,
    ...(paths.nativeBinding ? { nativeBinding: paths.nativeBinding } : {}),
  },
  // #12: the OS keychain holds the journal's key where it can; null means a passphrase is required.
  // Asked at each start (safeStorage answers only once the app is ready).
  osKeychain,
);
const settings = new SettingsStore(join(app.getPath('userData'), 'settings.json'));
let mainWindow: BrowserWindow | null = null;
let capture: QuickCapture;

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // One Confidant per journal: a second launch focuses the first instead.
  app.quit();
} else {
  // A second launch, the macOS dock icon and menu items all reopen the window if it was closed: never
  // touch a destroyed one.
  app.on('second-instance', () => showMainWindow());
  app.on('activate', () => showMainWindow());
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, (c) => BrowserWindow.fromWebContents(c)));
  app.whenReady().then(start, (error: unknown) => console.error('[confidant] Electron did not start', error));
}

async function start(): Promise<void> {
  timing.mark('app-ready');
  app.setAboutPanelOptions({
    applicationName: 'Confidant',
    applicationVersion: app.getVersion(),
    version: `Electron ${process.versions.electron}`,
    copyright: PRIVACY_PROMISE,
    iconPath: paths.icon,
  });
  lockDownSession();
  serveRenderer(paths.renderer);
  registerIpc();
  Menu.setApplicationMenu(buildMenu({ send: sendToMainWindow, quickCapture: () => capture.open() }));
  capture = new QuickCapture({ preload: paths.preload, entry: rendererEntry(), trayIcon: paths.trayIcon, openMain: () => showMainWindow() });
  // The window opens whether or not the journal does: a failed start is a screen that explains it.
  host.onChange(() => void journalChanged());
  // Dark mode follows the system live: the page's CSS follows prefers-color-scheme by itself; the
  // window's own background (seen while resizing) is set here.
  nativeTheme.on('updated', () => {
    const color = nativeTheme.shouldUseDarkColors ? '#16181d' : '#f7f6f3';
    for (const window of BrowserWindow.getAllWindows()) window.setBackgroundColor(color);
  });
  // The window opens at once, beside the journal's start rather than after it: its page loads meanwhile,
  // and its first question (journal.status) is answered as soon as the journal is open, or says the
  // journal is still starting when that takes long (a large journal brought up to date for a new version).
  showMainWindow();
  await host.start();
  timing.mark('journal-ready');
  // Open and unlocked: notifications may name people. The lock and privacy screen set this back to hidden.
  setNotificationNamesHidden(false);
  startReminderNotifications((name, input) => host.call(name, input), () => mainWindow ?? undefined);
  settings.shortcut = capture.setShortcut(settings.read().quickCaptureShortcut);
  settings.tray = capture.setTray(settings.read().showTray);
}

/** The main window, created if there is none (first start, after it was closed, macOS dock click). */
function showMainWindow(): BrowserWindow {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    return mainWindow;
  }
  const window = createMainWindow();
  mainWindow = window;
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  return window;
}

function createMainWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(stateFile);
  const window = new BrowserWindow({
    ...(state.centered ? { width: state.bounds.width, height: state.bounds.height, center: true } : state.bounds),
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Confidant',
    icon: paths.icon,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#f7f6f3',
    webPreferences: webPreferences(paths.preload),
  });
  timing.mark('window-created');
  if (state.maximized) window.maximize();
  // #12: keep confidences out of screenshots, screen sharing and recordings where the OS allows it
  // (Windows 10 2004+, macOS, though apps using ScreenCaptureKit on newer macOS still capture it; a no-op on
  // Linux).
  window.setContentProtection(true);
  trackWindowState(window, stateFile);
  // Main sets the title (the journal's name), not the page's <title>.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => {
    window.show();
    if (!timing.has('ready-to-show')) {
      timing.mark('ready-to-show');
      void reportStart(window);
    }
  });
  void window.loadURL(rendererEntry());
  void updateTitle(window);
  return window;
}

/**
 * Logs how long this start took (start-timing.ts). The page's first contentful paint comes from its own
 * Paint Timing entry, on the same wall clock as main's marks.
 */
async function reportStart(window: BrowserWindow): Promise<void> {
  try {
    const paint = (await window.webContents.executeJavaScript(
      `new Promise((resolve) => { const find = () => performance.getEntriesByName('first-contentful-paint')[0]; const done = () => resolve(find() ? performance.timeOrigin + find().startTime : null); if (find()) done(); else setTimeout(done, 1000); })`,
    )) as number | null;
    if (typeof paint === 'number') timing.mark('first-contentful-paint', paint);
  } catch (error) {
    console.warn(`[start] the page's paint time could not be read: ${describeError(error)}`);
  }
  const line = timing.line();
  console.log(line);
  if (!measuringStart(process.argv)) return;
  const logs = app.getPath('logs');
  await mkdir(logs, { recursive: true })
    .then(() => appendFile(join(logs, 'start-times.log'), `${line}\n`))
    .catch((error: unknown) => console.warn(`[start] ${describeError(error)}`));
  app.quit();
}

export function webPreferences(preload: string): Electron.WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    // Off unless macOS, where the OS spellchecker needs no download (see policy.ts: spellcheckFor).
    spellcheck: process.platform === 'darwin',
  };
}

/** Sends a menu action to the main window, opening it first (and waiting for its page) if needed. */
function sendToMainWindow(action: MenuAction): void {
  const window = showMainWindow();
  if (window.webContents.isLoading()) window.webContents.once('did-finish-load', () => window.webContents.send('confidant:menu', action));
  else window.webContents.send('confidant:menu', action);
}

async function journalChanged(): Promise<void> {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed()) window.webContents.send('confidant:menu', 'journal-status' satisfies MenuAction);
  }
  if (mainWindow && !mainWindow.isDestroyed()) await updateTitle(mainWindow);
}

async function updateTitle(window: BrowserWindow): Promise<void> {
  const title = windowTitle(await host.status());
  if (!window.isDestroyed()) window.setTitle(title);
}

/** Only Confidant's own windows, showing Confidant's own page, may call; devtools:// never can. */
function trusted(event: IpcMainInvokeEvent): boolean {
  const frameUrl = event.senderFrame?.url ?? '';
  const ours = event.sender === mainWindow?.webContents || capture.owns(event.sender);
  return ours && isOwnUrl(frameUrl);
}

function registerIpc(): void {
  const refuse = (name: string, event: IpcMainInvokeEvent) => {
    console.warn(`[ipc] refused ${name} from ${event.senderFrame?.url || 'an unknown frame'}`);
    return { ok: false, error: { code: 'forbidden', message: 'That request did not come from Confidant.' } };
  };
  // One channel per contract call; anything else has no handler and is refused by Electron.
  for (const name of callNames) {
    ipcMain.handle(`confidant:${name}`, async (event, input: unknown) => {
      if (!trusted(event)) return refuse(name, event);
      if (name === 'journal.status') return { ok: true, value: await host.status() };
      const result = await host.call(name, input);
      // A save from the quick-capture window shows up in the main window too.
      if (result.ok && capture.owns(event.sender)) sendToMainWindowIfOpen('journal-status');
      return result;
    });
  }
  for (const name of shellCallNames) {
    ipcMain.handle(`confidant:${name}`, (event, input: unknown) => (trusted(event) ? handleShellCall(name, input, shellActions(event), settings) : refuse(name, event)));
  }
}

function sendToMainWindowIfOpen(action: MenuAction): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send('confidant:menu', action);
}

function shellActions(event: IpcMainInvokeEvent): ShellActions {
  const parent = BrowserWindow.fromWebContents(event.sender) ?? undefined;
  const withParent = <T>(options: T) => [parent, options] as const;
  return {
    info: () => ({
      name: 'Confidant',
      version: app.getVersion(),
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      platform: `${process.platform} ${process.arch}`,
      privacy: PRIVACY_PROMISE,
    }),
    quit: () => app.quit(),
    restartJournal: () => host.restart(),
    showInFolder: (path) => shell.showItemInFolder(path),
    openAnother: async () => {
      const [window, options] = withParent({
        title: 'Open another journal',
        properties: ['openFile' as const],
        filters: [{ name: 'Confidant journal', extensions: ['sqlite', 'sqlite3', 'db'] }],
      });
      const picked = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      const path = picked.filePaths[0];
      return picked.canceled || !path ? null : host.restart(path);
    },
    pickFolder: async (title) => {
      const options = { title: title ?? 'Choose a folder', properties: ['openDirectory' as const, 'createDirectory' as const] };
      const picked = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    pickFile: async (title, kind) => {
      const filters = kind === 'calendar' ? [{ name: 'Calendar', extensions: ['ics', 'ical', 'ifb', 'icalendar'] }] : [];
      const options = { title: title ?? 'Choose a file', properties: ['openFile' as const], filters };
      const picked = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    chooseSavePath: async (suggestedName) => {
      const options = { defaultPath: join(app.getPath('documents'), suggestedName) };
      const picked = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return picked.canceled || !picked.filePath ? null : picked.filePath;
    },
    setNamesHidden: (hidden) => setNotificationNamesHidden(hidden),
    applyShortcut: (accelerator) => capture.setShortcut(accelerator),
    applyTray: (show) => capture.setTray(show),
  };
}

app.on('window-all-closed', () => {
  // macOS apps stay in the dock (and the menu bar item) with no window; elsewhere, closing is quitting.
  if (process.platform !== 'darwin') app.quit();
});

let closing = false;
app.on('before-quit', (event) => {
  // Close the database cleanly (WAL checkpoint) before the process goes, but never hang: host.close
  // waits a bounded time (CLOSE_TIMEOUT_MS), then stops the thread; committed writes are safe in the WAL.
  if (closing) return;
  event.preventDefault();
  closing = true;
  capture?.dispose();
  void host.close().finally(() => app.quit());
});
