// Confidant's Electron shell: window, menu, protocol, security and IPC routing. Everything the journal
// knows lives in ../core, run in a worker thread (see journal-worker.ts for why).
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { callNames } from '../contract/names.js';
import { JournalClient } from './journal-client.js';
import { buildMenu } from './menu.js';
import { osKeychain } from './safe-storage.js';
import { describeError } from '../core/redact.js';
import { journalPath } from './paths.js';
import { registerAppScheme, serveRenderer } from './protocol.js';
import { APP_ORIGIN, devServerUrl, isAppUrl, lockDownContents, lockDownSession } from './security.js';
import { loadWindowState, trackWindowState } from './window-state.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = join(here, '..');
const resourcesDir = join(app.getAppPath(), 'resources');

let mainWindow: BrowserWindow | undefined;
let journal: JournalClient | undefined;

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  // One Confidant per journal: a second launch focuses the first instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  app.whenReady().then(start, fail);
}

async function start(): Promise<void> {
  lockDownSession();
  serveRenderer(join(outDir, 'renderer'));
  const path = journalPath(process.argv, process.env, app.getPath('userData'));
  journal = await JournalClient.start(
    join(here, 'journal-worker.js'),
    { journalPath: path, samplePath: join(resourcesDir, 'sample-journal.json') },
    // #12: the OS keychain holds the journal's key where it can; null means a passphrase is required.
    await osKeychain(),
  );
  registerApi(journal);
  Menu.setApplicationMenu(buildMenu(() => mainWindow));
  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

function registerApi(client: JournalClient): void {
  // One channel per contract call; anything else has no handler and is refused by Electron.
  for (const name of callNames) {
    ipcMain.handle(`confidant:${name}`, (event, input: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (event.sender !== mainWindow?.webContents || !isAppUrl(frameUrl)) {
        console.warn(`[ipc] refused ${name} from ${frameUrl || 'an unknown frame'}`);
        return { ok: false, error: { code: 'forbidden', message: 'That request did not come from Confidant.' } };
      }
      return client.call(name, input);
    });
  }
}

function createWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(stateFile);
  const window = new BrowserWindow({
    ...(state.centered ? { width: state.bounds.width, height: state.bounds.height, center: true } : state.bounds),
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Confidant',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#f7f6f3',
    webPreferences: {
      preload: join(outDir, 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  if (state.maximized) window.maximize();
  // #12: keep confidences out of screenshots, screen sharing and recordings where the OS allows it
  // (Windows 10 2004+, macOS, though apps using ScreenCaptureKit on newer macOS still capture it; a no-op on
  // Linux).
  window.setContentProtection(true);
  trackWindowState(window, stateFile);
  window.once('ready-to-show', () => window.show());
  const dev = devServerUrl();
  void (dev ? window.loadURL(dev) : window.loadURL(`${APP_ORIGIN}/index.html`));
  return window;
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[confidant] could not start: ${describeError(error)}`);
  dialog.showErrorBox('Confidant could not open your journal', message);
  app.exit(1);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let closing = false;
app.on('before-quit', (event) => {
  // Close the database cleanly (WAL checkpoint) before the process goes.
  if (closing || !journal) return;
  event.preventDefault();
  closing = true;
  journal.close().finally(() => app.quit());
});
