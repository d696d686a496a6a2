// The shell's own calls, as main answers them, with the native dialogs replaced by recorded answers.
import { join } from 'node:path';
import { handleShellCall, SettingsStore, type ShellActions } from '../../src-main/shell/shell-calls.js';
import { describe, expect, test } from './helpers.js';

function actions(picked: string | null, asked: unknown[]): ShellActions {
  const unused = () => {
    throw new Error('not used here');
  };
  return {
    info: unused, quit: unused, restartJournal: unused, showInFolder: unused, openAnother: unused, pickFolder: unused, chooseSavePath: unused, applyShortcut: unused,
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
