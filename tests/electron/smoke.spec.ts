// Launches the real Electron app on a temp journal when an Electron binary is installed. Where it is not
// (ELECTRON_SKIP_BINARY_DOWNLOAD=1, as in CI here), the tests are skipped and say exactly why. They find
// the binary the same way `npm start` does (scripts/electron-binary.ts), and never download it.
// What only Electron can show: the app:// page under its CSP, the preload's bridge, the request filter,
// the journal file written by the worker thread, and the window's bounds kept across launches.
import { test, expect, type Page } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { readFileSync } from 'node:fs';
import { applyCipherKey } from '../../src-main/core/crypto/cipher.js';
import { keyFilePath, readKeyFile, unwrapWithPassphrase } from '../../src-main/core/crypto/keyfile.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { findElectronBinary } from '../../scripts/electron-binary.js';
import { callNames, shellCallNames } from '../../src-main/contract/names.js';

const root = join(import.meta.dirname, '..', '..');

const state = findElectronBinary(join(root, 'node_modules', 'electron'), process.env);
const binary = state.kind === 'missing' ? null : state.binary;
const skipReason =
  state.kind === 'missing'
    ? `${state.why} Run \`npm run electron:install\` with internet, or set ELECTRON_EXEC_PATH to an Electron binary, to run this test.`
    : '';

async function launch(dir: string): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: binary!,
    args: [root, `--journal=${join(dir, 'journal.sqlite')}`, `--user-data-dir=${join(dir, 'user-data')}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    // A dev-server URL in the environment must be ignored by a build that is not `npm run dev`.
    env: { ...process.env, ELECTRON_RENDERER_URL: 'http://localhost:5173' },
  });
}

const PASSPHRASE = 'smoke test passphrase, long enough';

/**
 * The window once the journal is open. Where the OS keychain holds the key (macOS Keychain, Windows DPAPI,
 * a Linux desktop with a keyring) it opens at once; on a Linux runner with no keyring (safeStorage says
 * basic_text) Confidant asks for a passphrase instead, and the test gives one, or unlocks with it.
 */
async function openedWindow(page: Page): Promise<'keychain' | 'passphrase'> {
  const logButton = page.getByRole('button', { name: 'Log interaction' });
  const lock = page.getByRole('heading', { level: 1, name: /passphrase|locked/ });
  await expect(logButton.or(lock)).toBeVisible();
  if (await logButton.isVisible()) return 'keychain';
  if (await page.getByLabel('New passphrase').isVisible()) {
    await page.getByLabel('New passphrase').fill(PASSPHRASE);
    await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Create journal' }).click();
  } else {
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
  }
  await expect(logButton).toBeVisible();
  return 'passphrase';
}

test('the real app: app:// under its CSP, only the contract on the bridge, remote requests cancelled, a save on disk', async () => {
  test.skip(!binary, skipReason);
  const dir = await mkdtemp(join(tmpdir(), 'confidant-electron-'));
  const journalPath = join(dir, 'journal.sqlite');
  const app = await launch(dir);
  let protection: 'keychain' | 'passphrase' = 'keychain';
  try {
    const page = await app.firstWindow();
    protection = await openedWindow(page);
    expect(page.url()).toMatch(/^app:\/\/confidant\//);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())).toBe('Confidant');

    // The CSP is enforced: no eval, no inline script.
    const csp = await page.evaluate(() => {
      let evalBlocked = false;
      try {
        (0, eval)('1');
      } catch {
        evalBlocked = true;
      }
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      return { evalBlocked, inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true };
    });
    expect(csp).toEqual({ evalBlocked: true, inlineRan: false });

    // The bridge is exactly the contract: its calls, the shell's calls, onMenu. No Node, no ipcRenderer.
    const exposed = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      keys: Object.keys(window.confidant).sort(),
    }));
    expect(exposed.require).toBe('undefined');
    expect(exposed.process).toBe('undefined');
    expect(exposed.keys).toEqual([...callNames, ...shellCallNames, 'onMenu'].sort());

    // Any request to a remote host is cancelled by the session's filter (asked from main, past the CSP).
    const remote = await app.evaluate(({ session }) =>
      session.defaultSession.fetch('https://example.com/').then(
        () => 'loaded',
        (error: unknown) => String(error),
      ),
    );
    expect(remote).toMatch(/ERR_BLOCKED_BY_CLIENT/);

    expect(await page.evaluate(() => window.confidant['journal.status']())).toMatchObject({ ok: true, value: { state: 'open', path: journalPath } });
    const created = await page.evaluate(() =>
      window.confidant['interactions.create']({ occurredAt: new Date().toISOString(), kind: 'coffee', title: 'Smoke-test coffee', newPeople: [{ name: 'Smoke Test' }] }),
    );
    expect(created).toMatchObject({ ok: true });

    // The quick-capture window (File › Quick Capture Window, as the tray and global shortcut open it):
    // the log form alone, saving into the same journal, closing once saved.
    const opened = app.waitForEvent('window');
    await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('quick-capture')?.click());
    const capture = await opened;
    expect(capture.url()).toMatch(/^app:\/\/confidant\/.*#\/capture$/);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().some((window) => window.isAlwaysOnTop()))).toBe(true);
    await expect(capture.getByRole('heading', { name: 'Log an interaction', level: 1 })).toBeVisible();
    await capture.getByRole('combobox', { name: 'People' }).pressSequentially('Quick Capture');
    await capture.getByRole('option', { name: 'Add “Quick Capture” as new person' }).click();
    await capture.getByLabel('Title').fill('Captured in the small window');
    const closed = capture.waitForEvent('close');
    await capture.keyboard.press('Control+Enter');
    await closed;
    const titles = await page.evaluate(async () => {
      const result = await window.confidant['interactions.timeline']({ limit: 5 });
      return result.ok ? result.value.entries.map((entry) => entry.title).sort() : [];
    });
    expect(titles).toEqual(['Captured in the small window', 'Smoke-test coffee']);
  } finally {
    await app.close();
  }
  // The worker wrote both to the file, and quitting closed the journal cleanly. The file is encrypted and
  // its key file beside it; a passphrase key file is unwrapped here to read the file itself (a keychain one
  // only the app's own safeStorage can unwrap).
  try {
    expect(readFileSync(journalPath).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const keyFile = readKeyFile(keyFilePath(journalPath));
    expect(keyFile?.protection.kind).toBe(protection === 'passphrase' ? 'passphrase' : 'os-keychain');
    if (protection === 'passphrase') {
      const db = new BetterSqlite3(journalPath, { readonly: true });
      try {
        applyCipherKey(db, await unwrapWithPassphrase(keyFile!, PASSPHRASE));
        expect(db.prepare('SELECT title FROM interactions ORDER BY title').pluck().all()).toEqual(['Captured in the small window', 'Smoke-test coffee']);
      } finally {
        db.close();
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the window opens where it was left', async () => {
  test.skip(!binary, skipReason);
  const dir = await mkdtemp(join(tmpdir(), 'confidant-electron-'));
  try {
    const first = await launch(dir);
    await openedWindow(await first.firstWindow());
    await first.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.setBounds({ x: 40, y: 50, width: 900, height: 640 }));
    const set = await first.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getBounds());
    await first.close();

    const second = await launch(dir);
    try {
      await openedWindow(await second.firstWindow());
      const restored = await second.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getBounds());
      expect({ width: restored.width, height: restored.height }).toEqual({ width: set.width, height: set.height });
    } finally {
      await second.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
