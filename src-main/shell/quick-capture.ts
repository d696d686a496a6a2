// Quick capture: a small always-on-top window with the log form, opened by a global shortcut or the
// tray / menu-bar item, so logging right after a meeting never needs the main window. It saves into the
// same journal through the same contract, and closes when saved (the renderer calls window.close()).
import { BrowserWindow, globalShortcut, Menu, nativeTheme, Tray, type WebContents } from 'electron';
import type { AppSettingsView } from '../contract/shell.js';
import { trayView } from './shell-calls.js';

interface Options {
  preload: string;
  /** The renderer's entry URL; capture is the same bundle at #/capture. */
  entry: string;
  trayIcon: string;
  openMain: () => void;
}

export class QuickCapture {
  private window: BrowserWindow | null = null;
  private tray: Tray | null = null;
  private shortcut: string | null = null;

  constructor(private readonly options: Options) {}

  owns(contents: WebContents): boolean {
    return this.window !== null && !this.window.isDestroyed() && this.window.webContents === contents;
  }

  open(): void {
    if (this.window && !this.window.isDestroyed()) {
      this.window.show();
      this.window.focus();
      return;
    }
    const window = new BrowserWindow({
      width: 560,
      height: 660,
      minWidth: 380,
      minHeight: 480,
      alwaysOnTop: true,
      show: false,
      title: 'Log an interaction — Confidant',
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#f7f6f3',
      webPreferences: { preload: this.options.preload, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: process.platform === 'darwin' },
    });
    window.on('page-title-updated', (event) => event.preventDefault());
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (this.window === window) this.window = null;
    });
    this.window = window;
    void window.loadURL(`${this.options.entry.replace(/#.*$/, '')}#/capture`);
  }

  /** Registers the global shortcut (or none); says plainly when the OS or another app refused it. */
  setShortcut(accelerator: string | null): AppSettingsView['shortcut'] {
    if (this.shortcut) globalShortcut.unregister(this.shortcut);
    this.shortcut = null;
    if (!accelerator) return { state: 'off', message: null };
    let registered = false;
    try {
      registered = globalShortcut.register(accelerator, () => this.open());
    } catch (error) {
      return { state: 'refused', message: `${accelerator} is not a shortcut this system accepts (${error instanceof Error ? error.message : String(error)}).` };
    }
    if (!registered) {
      return {
        state: 'refused',
        message: `The system did not give Confidant ${accelerator}: another app probably uses it${process.platform === 'linux' ? ', or this desktop (Wayland) does not allow global shortcuts' : ''}. Choose another, or use the tray icon.`,
      };
    }
    this.shortcut = accelerator;
    return { state: 'registered', message: null };
  }

  /** Shows the tray / menu-bar icon, or removes it: the Settings switch, applied at once. */
  setTray(show: boolean): AppSettingsView['tray'] {
    if (!show) {
      this.tray?.destroy();
      this.tray = null;
      return trayView(false, false, process.platform);
    }
    if (this.tray) return trayView(true, true, process.platform);
    try {
      const tray = new Tray(this.options.trayIcon);
      tray.setToolTip('Confidant');
      tray.setContextMenu(
        Menu.buildFromTemplate([
          { label: 'Log an Interaction…', click: () => this.open() },
          { label: 'Open Confidant', click: () => this.options.openMain() },
          { type: 'separator' },
          { role: 'quit' },
        ]),
      );
      // On Windows and some Linux panels a click (not the menu) is the natural gesture.
      tray.on('click', () => this.open());
      this.tray = tray;
      return trayView(true, true, process.platform);
    } catch (error) {
      // Some Linux desktops have no tray; the shortcut and the main window still work.
      console.warn('[tray] not available', error);
      return trayView(true, false, process.platform);
    }
  }

  dispose(): void {
    globalShortcut.unregisterAll();
    this.tray?.destroy();
    this.tray = null;
  }
}
