// Launches the real Electron app on a temp journal when an Electron binary is installed. Where it is not
// (ELECTRON_SKIP_BINARY_DOWNLOAD=1, as in CI here), the tests are skipped and say exactly why. They find
// the binary the same way `npm start` does (scripts/electron-binary.ts), and never download it.
// What only Electron can show: the app:// page under its CSP, the preload's bridge, the request filter,
// the journal file written by the worker thread, and the window's bounds kept across launches.
import { test, expect } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
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

test('the real app: app:// under its CSP, only the contract on the bridge, remote requests cancelled, a save on disk', async () => {
  test.skip(!binary, skipReason);
  const dir = await mkdtemp(join(tmpdir(), 'confidant-electron-'));
  const journalPath = join(dir, 'journal.sqlite');
  const app = await launch(dir);
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('button', { name: 'Log interaction' })).toBeVisible();
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
  } finally {
    await app.close();
  }
  // The worker wrote it to the file, and quitting closed the journal cleanly.
  const db = new BetterSqlite3(journalPath, { readonly: true });
  try {
    expect(db.prepare('SELECT title FROM interactions').all()).toEqual([{ title: 'Smoke-test coffee' }]);
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('the window opens where it was left', async () => {
  test.skip(!binary, skipReason);
  const dir = await mkdtemp(join(tmpdir(), 'confidant-electron-'));
  try {
    const first = await launch(dir);
    await first.firstWindow();
    await first.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.setBounds({ x: 40, y: 50, width: 900, height: 640 }));
    const set = await first.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getBounds());
    await first.close();

    const second = await launch(dir);
    try {
      await second.firstWindow();
      const restored = await second.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getBounds());
      expect({ width: restored.width, height: restored.height }).toEqual({ width: set.width, height: set.height });
    } finally {
      await second.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
