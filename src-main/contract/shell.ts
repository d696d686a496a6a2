// Calls the shell answers itself, in main, never the journal worker: native dialogs, the app's own
// settings, quitting, restarting a stopped journal. Same rules as the journal's contract: main parses
// every input against these schemas (the renderer is untrusted), the renderer imports only the types.
import { z } from 'zod';
import type { JournalStatus } from './journal-status.js';
import type { ShellCallName } from './names.js';

const empty = z.object({}, { error: 'This request takes no input.' }).strict().optional();

const MODIFIERS = ['Command', 'Cmd', 'Control', 'Ctrl', 'CommandOrControl', 'CmdOrCtrl', 'Alt', 'Option', 'AltGr', 'Shift', 'Super', 'Meta'];
const KEY = /^([A-Z0-9]|F([1-9]|1[0-9]|2[0-4])|Space|Enter|Return|Tab|Backspace|Delete|Insert|Home|End|PageUp|PageDown|Up|Down|Left|Right|Plus|[,./;'\[\]\\`=-])$/;

/** An Electron accelerator such as CommandOrControl+Shift+L: at least one modifier, then one key. */
export function isAccelerator(value: string): boolean {
  const parts = value.split('+');
  const key = parts.pop();
  if (!key || parts.length === 0) return false;
  if (!parts.every((part) => MODIFIERS.includes(part))) return false;
  if (new Set(parts).size !== parts.length) return false;
  return KEY.test(key.length === 1 ? key.toUpperCase() : key);
}

const accelerator = z
  .string({ error: 'A shortcut must be text like CommandOrControl+Shift+L.' })
  .trim()
  .max(60, { error: 'That shortcut is too long.' })
  .refine(isAccelerator, { error: 'A shortcut needs one or more of Ctrl, Cmd, Alt, Shift, then one key, like CommandOrControl+Shift+L.' });

export const fileKinds = ['markdown', 'csv', 'json', 'vcard', 'sqlite', 'zip', 'text'] as const;
export type FileKind = (typeof fileKinds)[number];

export const shellContract = {
  'app.info': { input: empty, result: of<AppInfo>() },
  'app.quit': { input: empty, result: of<null>() },
  /** Starts the journal again after it stopped or failed to start; answers the new status. */
  'app.restartJournal': { input: empty, result: of<JournalStatus>() },
  'app.showInFolder': {
    input: z.object({ path: z.string({ error: 'A path must be text.' }).min(1, { error: 'A path is required.' }).max(4096) }).strict(),
    result: of<null>(),
  },
  /** Asks for another journal file and opens it instead; null when the person cancelled. */
  'app.openAnother': { input: empty, result: of<JournalStatus | null>() },
  /** A folder the person picked, or null when they cancelled. */
  'app.pickFolder': {
    input: z.object({ title: z.string().trim().max(120).optional() }).strict().optional(),
    result: of<string | null>(),
  },
  /**
   * The privacy screen went up (true) or down (false): while up, system notifications name no one, as
   * while the journal is locked (#12, #14).
   */
  'app.namesHidden': {
    input: z.object({ hidden: z.boolean({ error: 'Say whether names are hidden (true or false).' }) }).strict(),
    result: of<null>(),
  },
  /** A file the person picked with the native open dialog (its path, not its contents), or null when they cancelled. */
  'app.pickFile': {
    input: z
      .object({
        title: z.string().trim().max(120).optional(),
        /** Which files the dialog offers: calendars (.ics) for the followed calendar file. */
        kind: z.enum(['calendar'], { error: 'Kind must be calendar.' }),
      })
      .strict(),
    result: of<string | null>(),
  },
  /** Shows a save dialog and writes the file there; null when the person cancelled. */
  'app.saveFile': {
    input: z
      .object({
        suggestedName: z
          .string({ error: 'A file name must be text.' })
          .trim()
          .min(1, { error: 'A file name is required.' })
          .max(200, { error: 'A file name must be at most 200 characters.' })
          .refine((name) => !/[\\/]/.test(name), { error: 'A file name cannot contain a slash.' }),
        content: z.string({ error: 'The content must be text.' }).max(200_000_000, { error: 'That file is too large to save.' }),
        encoding: z.enum(['utf8', 'base64']).default('utf8'),
        kind: z.enum(fileKinds, { error: `Kind must be one of: ${fileKinds.join(', ')}.` }),
      })
      .strict(),
    result: of<{ path: string } | null>(),
  },
  'settings.get': { input: empty, result: of<AppSettingsView>() },
  'settings.set': {
    // Changes only the settings it names, and applies each at once (the shortcut, the tray icon).
    input: z
      .object({
        quickCaptureShortcut: accelerator.nullable().optional(),
        showTray: z.boolean({ error: 'Say whether the tray icon is shown (true or false).' }).optional(),
      })
      .strict(),
    result: of<AppSettingsView>(),
  },
} satisfies Record<ShellCallName, { input: z.ZodType; result: unknown }>;

export type ShellContract = typeof shellContract;
export type ShellInput<K extends ShellCallName> = z.input<ShellContract[K]['input']>;
export type ShellParsedInput<K extends ShellCallName> = z.output<ShellContract[K]['input']>;
export type ShellResult<K extends ShellCallName> = ShellContract[K]['result'];

export interface AppInfo {
  name: string;
  version: string;
  electron: string;
  chrome: string;
  platform: string;
  privacy: string;
}

/** Settings kept by the shell (not in the journal: they belong to this computer, not to the data). */
export interface AppSettings {
  /** The global shortcut that opens quick capture; null turns it off. */
  quickCaptureShortcut: string | null;
  /**
   * The tray (Windows, Linux) or menu-bar (macOS) icon that opens quick capture. On by default: it is
   * the way to quick capture where the OS refuses the shortcut (Wayland, a shortcut another app took),
   * and it shows only Confidant's icon, never a name or a count from the journal.
   */
  showTray: boolean;
}

export interface AppSettingsView extends AppSettings {
  /** Whether the OS gave Confidant the shortcut; a sentence when it did not. */
  shortcut: { state: 'registered' | 'refused' | 'off' | 'unsupported'; message: string | null };
  /** Whether the icon is showing; a sentence when this desktop has no tray to show it in. */
  tray: { state: 'shown' | 'off' | 'unavailable'; message: string | null };
}

export const DEFAULT_SETTINGS: AppSettings = { quickCaptureShortcut: 'CommandOrControl+Shift+L', showTray: true };

export const PRIVACY_PROMISE =
  'Everything stays on this computer: your journal is one file on your disk, and Confidant makes no network requests — no telemetry, no update checks, no cloud.';

function of<T>(): T {
  return undefined as T;
}
