// Launches the real Electron app on a temp journal when an Electron binary is installed. Where it cannot
// be (ELECTRON_SKIP_BINARY_DOWNLOAD=1, as in CI here), the test is skipped and says why.
import { test, expect } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';

const root = join(import.meta.dirname, '..', '..');

/** The installed binary's path, read the way the electron package does, without triggering a download. */
function electronBinary(): string | null {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test('the real Electron app opens a journal, exposes only the contract, and saves an entry', async () => {
  test.skip(!binary, 'No Electron binary installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1); run `npm install` with internet to get one.');
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
