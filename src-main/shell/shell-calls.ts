// The shell's own calls (contract/shell.ts): validated here, run by whatever `ShellActions` the caller
// gives. Electron-free: main passes actions backed by dialogs and the app; the E2E harness passes Node
// equivalents that record what was asked. Both go through the same validation and the same settings.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { ApiError, Result } from '../contract/contract.js';
import type { JournalStatus } from '../contract/journal-status.js';
import { shellCallNames, type ShellCallName } from '../contract/names.js';
import { DEFAULT_SETTINGS, isAccelerator, shellContract, type AppInfo, type AppSettings, type AppSettingsView, type FileKind } from '../contract/shell.js';

export interface ShellActions {
  info(): AppInfo;
  quit(): void;
  restartJournal(): Promise<JournalStatus>;
  showInFolder(path: string): void;
  openAnother(): Promise<JournalStatus | null>;
  pickFolder(title: string | undefined): Promise<string | null>;
  /** The native open dialog for one file of a kind; the chosen path or null. */
  pickFile(title: string | undefined, kind: 'calendar'): Promise<string | null>;
  /** Asks where to save; returns the chosen path or null. The file itself is written here, below. */
  chooseSavePath(suggestedName: string, kind: FileKind): Promise<string | null>;
  /** The privacy screen is up (or down): notifications name no one while it is. */
  setNamesHidden(hidden: boolean): void;
  /** Applies the shortcut (registers it with the OS); returns how that went. */
  applyShortcut(accelerator: string | null): AppSettingsView['shortcut'];
  /** Shows or removes the tray / menu-bar icon; returns how that went (see trayView). */
  applyTray(show: boolean): AppSettingsView['tray'];
}

export function isShellCall(name: unknown): name is ShellCallName {
  return typeof name === 'string' && (shellCallNames as readonly string[]).includes(name);
}

/** Validates an untrusted shell call and runs it; never throws, every failure is a sentence. */
export async function handleShellCall(name: unknown, input: unknown, actions: ShellActions, settings: SettingsStore): Promise<Result<unknown>> {
  if (!isShellCall(name)) return failure({ code: 'unknown-call', message: 'Confidant does not know that request.' });
  const parsed = shellContract[name].input.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return failure({ code: 'invalid-input', message: issue?.message ?? 'That request is not valid.' });
  }
  const value = parsed.data as Record<string, unknown> | undefined;
  try {
    switch (name) {
      case 'app.info':
        return ok(actions.info());
      case 'app.quit':
        actions.quit();
        return ok(null);
      case 'app.restartJournal':
        return ok(await actions.restartJournal());
      case 'app.showInFolder':
        actions.showInFolder(value!.path as string);
        return ok(null);
      case 'app.openAnother':
        return ok(await actions.openAnother());
      case 'app.pickFolder':
        return ok(await actions.pickFolder(value?.title as string | undefined));
      case 'app.namesHidden':
        actions.setNamesHidden(value!.hidden as boolean);
        return ok(null);
      case 'app.pickFile': {
        const { title, kind } = value as { title?: string; kind: 'calendar' };
        return ok(await actions.pickFile(title, kind));
      }
      case 'app.saveFile': {
        const { suggestedName, content, encoding, kind } = value as { suggestedName: string; content: string; encoding: 'utf8' | 'base64'; kind: FileKind };
        const path = await actions.chooseSavePath(suggestedName, kind);
        if (path === null) return ok(null);
        writeFileAtomically(path, Buffer.from(content, encoding));
        return ok({ path });
      }
      case 'settings.get':
        return ok({ ...settings.read(), shortcut: settings.shortcut, tray: settings.tray });
      case 'settings.set': {
        const changes = value as Partial<AppSettings>;
        const next = settings.update(changes);
        // Applied live, and only what was named: turning the tray off leaves the shortcut registered.
        if ('quickCaptureShortcut' in changes) settings.shortcut = actions.applyShortcut(next.quickCaptureShortcut);
        if ('showTray' in changes) settings.tray = actions.applyTray(next.showTray);
        return ok({ ...next, shortcut: settings.shortcut, tray: settings.tray });
      }
    }
  } catch (error) {
    console.error(`[shell] ${name} failed`, error);
    const detail = error instanceof Error && 'code' in error ? ` (${String((error as NodeJS.ErrnoException).code)})` : '';
    return failure({ code: 'internal', message: `That could not be done${detail}. Nothing in your journal was changed.` });
  }
}

const stored = z
  .object({
    quickCaptureShortcut: z
      .string()
      .nullable()
      .catch(DEFAULT_SETTINGS.quickCaptureShortcut)
      .transform((value) => (value === null || isAccelerator(value) ? value : DEFAULT_SETTINGS.quickCaptureShortcut)),
    showTray: z.boolean().catch(DEFAULT_SETTINGS.showTray),
  })
  .catch({ ...DEFAULT_SETTINGS });

/**
 * settings.json beside the window state. A missing or damaged file reads as the defaults (settings
 * are conveniences, never worth a failed start); writes go through a temp file and a rename.
 */
export class SettingsStore {
  shortcut: AppSettingsView['shortcut'] = { state: 'off', message: null };
  tray: AppSettingsView['tray'] = { state: 'off', message: null };

  constructor(private readonly file: string) {}

  read(): AppSettings {
    try {
      return stored.parse({ ...DEFAULT_SETTINGS, ...JSON.parse(readFileSync(this.file, 'utf8')) });
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
  }

  update(changes: Partial<AppSettings>): AppSettings {
    const next = { ...this.read(), ...changes };
    writeFileAtomically(this.file, Buffer.from(JSON.stringify(next, null, 2)));
    return next;
  }
}

/**
 * What the Settings screen says about the tray icon, from the setting and what the OS did with it:
 * `created` is false when Electron could not make a tray (a Linux desktop without one, such as GNOME
 * without the AppIndicator extension).
 */
export function trayView(show: boolean, created: boolean, platform: string): AppSettingsView['tray'] {
  if (!show) return { state: 'off', message: null };
  if (created) return { state: 'shown', message: null };
  const where = platform === 'linux' ? ' (on GNOME, the AppIndicator extension adds one)' : '';
  return { state: 'unavailable', message: `This desktop has no tray to show Confidant's icon in${where}. Use the shortcut, or File → Quick Capture Window.` };
}

function writeFileAtomically(path: string, data: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

const ok = (value: unknown): Result<unknown> => ({ ok: true, value });
const failure = (error: ApiError): Result<unknown> => ({ ok: false, error });
