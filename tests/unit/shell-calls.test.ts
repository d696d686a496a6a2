// The shell's own calls, as main answers them, with the native dialogs replaced by recorded answers.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { handleShellCall, SettingsStore, trayView, type ShellActions } from '../../src-main/shell/shell-calls.js';
import { describe, expect, test } from './helpers.js';

function actions(picked: string | null, asked: unknown[]): ShellActions {
  const unused = () => {
    throw new Error('not used here');
  };
  return {
    info: unused, quit: unused, restartJournal: unused, showInFolder: unused, openAnother: unused, pickFolder: unused, chooseSavePath: unused, applyShortcut: unused, applyTray: unused,
    setNamesHidden: (hidden) => void asked.push({ namesHidden: hidden }),
    pickFile: async (title, kind) => {
      asked.push({ title, kind });
      return picked;
    },
  };
}

describe('app.pickFile', () => {
  test('asks the native open dialog for a calendar file and answers its path, or null when cancelled', async ({ dir }) => {
    const settings = new SettingsStore(join(dir, 'settings.json'));
    const asked: unknown[] = [];
    const path = join(dir, 'work.ics');
    expect(await handleShellCall('app.pickFile', { title: 'Choose the calendar file to follow', kind: 'calendar' }, actions(path, asked), settings)).toEqual({ ok: true, value: path });
    expect(asked).toEqual([{ title: 'Choose the calendar file to follow', kind: 'calendar' }]);
    expect(await handleShellCall('app.pickFile', { kind: 'calendar' }, actions(null, asked), settings)).toEqual({ ok: true, value: null });
  });

  test('refuses what it does not know, with a sentence, without opening a dialog', async ({ dir }) => {
    const settings = new SettingsStore(join(dir, 'settings.json'));
    const asked: unknown[] = [];
    const refused = await handleShellCall('app.pickFile', { kind: 'spreadsheet' }, actions('/x', asked), settings);
    expect(refused).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Kind must be calendar.' } });
    expect((await handleShellCall('app.pickFile', { kind: 'calendar', path: '/etc/passwd' }, actions('/x', asked), settings)).ok).toBe(false);
    expect(asked).toEqual([]);
  });
});

describe('app.namesHidden', () => {
  test('tells the shell that names are hidden (the privacy screen), and refuses anything but true or false', async ({ dir }) => {
    const settings = new SettingsStore(join(dir, 'settings.json'));
    const asked: unknown[] = [];
    expect(await handleShellCall('app.namesHidden', { hidden: true }, actions(null, asked), settings)).toEqual({ ok: true, value: null });
    expect(await handleShellCall('app.namesHidden', { hidden: false }, actions(null, asked), settings)).toEqual({ ok: true, value: null });
    expect(await handleShellCall('app.namesHidden', { hidden: 'yes' }, actions(null, asked), settings)).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'Say whether names are hidden (true or false).' },
    });
    expect(asked).toEqual([{ namesHidden: true }, { namesHidden: false }]);
  });
});

describe('the tray setting', () => {
  /** Actions that record what the shell was told to apply, and answer as a desktop with a tray would. */
  function applying(applied: unknown[], trayAvailable = true): ShellActions {
    return {
      ...actions(null, []),
      applyShortcut: (accelerator) => {
        applied.push({ shortcut: accelerator });
        return accelerator ? { state: 'registered', message: null } : { state: 'off', message: null };
      },
      applyTray: (show) => {
        applied.push({ tray: show });
        return trayView(show, trayAvailable, 'linux');
      },
    };
  }

  test('is on by default, and a missing or damaged settings file reads as on', ({ dir }) => {
    const file = join(dir, 'settings.json');
    expect(new SettingsStore(file).read()).toEqual({ quickCaptureShortcut: 'CommandOrControl+Shift+L', showTray: true });
    writeFileSync(file, JSON.stringify({ quickCaptureShortcut: 'CommandOrControl+Alt+K', showTray: 'no' }));
    expect(new SettingsStore(file).read()).toEqual({ quickCaptureShortcut: 'CommandOrControl+Alt+K', showTray: true });
    writeFileSync(file, '{ not json');
    expect(new SettingsStore(file).read().showTray).toBe(true);
  });

  test('turning it off is saved, applied at once, and leaves the shortcut alone', async ({ dir }) => {
    const file = join(dir, 'settings.json');
    const settings = new SettingsStore(file);
    settings.shortcut = { state: 'registered', message: null };
    const applied: unknown[] = [];
    const answer = await handleShellCall('settings.set', { showTray: false }, applying(applied), settings);
    expect(answer).toEqual({
      ok: true,
      value: { quickCaptureShortcut: 'CommandOrControl+Shift+L', showTray: false, shortcut: { state: 'registered', message: null }, tray: { state: 'off', message: null } },
    });
    expect(applied).toEqual([{ tray: false }]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ quickCaptureShortcut: 'CommandOrControl+Shift+L', showTray: false });
    // A later start reads it back (main applies it before the first window asks).
    expect(new SettingsStore(file).read().showTray).toBe(false);
    expect(await handleShellCall('settings.get', undefined, applying(applied), settings)).toMatchObject({ ok: true, value: { showTray: false, tray: { state: 'off' } } });

    // Changing the shortcut does not touch the tray.
    await handleShellCall('settings.set', { quickCaptureShortcut: 'CommandOrControl+Alt+K' }, applying(applied), settings);
    expect(applied).toEqual([{ tray: false }, { shortcut: 'CommandOrControl+Alt+K' }]);
    expect(new SettingsStore(file).read()).toEqual({ quickCaptureShortcut: 'CommandOrControl+Alt+K', showTray: false });
  });

  test('says so when the desktop has no tray, and refuses anything but true or false', async ({ dir }) => {
    const settings = new SettingsStore(join(dir, 'settings.json'));
    const applied: unknown[] = [];
    const answer = await handleShellCall('settings.set', { showTray: true }, applying(applied, false), settings);
    expect(answer).toMatchObject({ ok: true, value: { showTray: true, tray: { state: 'unavailable', message: expect.stringContaining('AppIndicator') } } });
    expect(await handleShellCall('settings.set', { showTray: 'no' }, applying(applied), settings)).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'Say whether the tray icon is shown (true or false).' },
    });
    expect(applied).toEqual([{ tray: true }]);
  });

  test('trayView: off, shown, or a sentence naming what to do instead', () => {
    expect(trayView(false, true, 'win32')).toEqual({ state: 'off', message: null });
    expect(trayView(true, true, 'win32')).toEqual({ state: 'shown', message: null });
    expect(trayView(true, false, 'linux').message).toBe("This desktop has no tray to show Confidant's icon in (on GNOME, the AppIndicator extension adds one). Use the shortcut, or File → Quick Capture Window.");
    expect(trayView(true, false, 'darwin').message).not.toContain('GNOME');
  });
});
