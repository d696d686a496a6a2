// Launches the real Electron app on a temp journal when an Electron binary is installed. Where it is not
// (ELECTRON_SKIP_BINARY_DOWNLOAD=1, as in CI here), the test is skipped and says exactly why. It finds the
// binary the same way `npm start` does (scripts/electron-binary.ts), and never downloads it itself.
import { test, expect } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { findElectronBinary } from '../../scripts/electron-binary.js';

const root = join(import.meta.dirname, '..', '..');

const state = findElectronBinary(join(root, 'node_modules', 'electron'), process.env);
const binary = state.kind === 'missing' ? null : state.binary;
const skipReason =
  state.kind === 'missing'
    ? `${state.why} Run \`npm run electron:install\` with internet, or set ELECTRON_EXEC_PATH to an Electron binary, to run this test.`
    : '';

test('the real Electron app opens a journal, exposes only the contract, and saves an entry', async () => {
  test.skip(!binary, skipReason);
  const dir = await mkdtemp(join(tmpdir(), 'confidant-electron-'));
  const journalPath = join(dir, 'journal.sqlite');
  const app = await electron.launch({
    executablePath: binary!,
    args: [root, `--journal=${journalPath}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, ELECTRON_RENDERER_URL: '' },
  });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle('Confidant');
    const exposed = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      calls: Object.keys(window.confidant).sort(),
    }));
    expect(exposed.require).toBe('undefined');
    expect(exposed.process).toBe('undefined');
    expect(exposed.calls).toContain('interactions.create');
    const info = await page.evaluate(() => window.confidant['journal.info']());
    expect(info).toMatchObject({ ok: true, value: { path: journalPath } });
    const created = await page.evaluate(() =>
      window.confidant['interactions.create']({
        occurredAt: new Date().toISOString(),
        kind: 'coffee',
        title: 'Smoke-test coffee',
        newPeople: [{ name: 'Smoke Test' }],
      }),
    );
    expect(created).toMatchObject({ ok: true });
    await expect(page.getByText('Smoke-test coffee')).toBeVisible();
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
});
