// `node --import tsx tests/screenshots-security.ts [outDir]`: #12's screens (lock screen, passphrase
// set-up, Settings › Security, privacy screen) in both themes at 1024x640, 1440x900 and 1920x1080, for looking at.
// resources/screenshots/unlock-light.png (the README's) is the 1024x640 light lock screen.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunch } from '../playwright.config.js';
import { launchApp, openJournalFor } from './e2e/harness.js';

const outDir = process.argv[2] ?? join(tmpdir(), 'confidant-security-shots');
const browser = await chromium.launch(chromiumLaunch);
await mkdir(outDir, { recursive: true });
const dir = await mkdtemp(join(tmpdir(), 'confidant-shots-sec-'));
try {
  for (const theme of ['light', 'dark'] as const) {
    for (const [width, height] of [[1024, 640], [1440, 900], [1920, 1080]] as const) {
      const tag = `${theme}-${width}`;
      const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, colorScheme: theme });
      // Lock screen: a passphrase journal, opened again.
      const locked = join(dir, `${tag}-locked.sqlite`);
      const session = await openJournalFor(locked, { keychain: null });
      await session.call('security.setPassphrase', { passphrase: 'quiet harbour lantern' });
      await session.call('journal.loadSample');
      await session.close();
      let running = await launchApp(context, locked, { colorScheme: theme, keychain: null });
      await running.page.getByRole('heading', { name: 'Confidant is locked' }).waitFor();
      await running.page.screenshot({ path: join(outDir, `unlock-${tag}.png`) });
      await running.page.getByLabel('Passphrase', { exact: true }).fill('quiet harbour lantern');
      await running.page.getByRole('button', { name: 'Unlock' }).click();
      await running.page.getByRole('heading', { name: 'Timeline', level: 1 }).waitFor();
      await running.page.keyboard.press('Control+,');
      await running.page.getByRole('heading', { name: 'Security' }).waitFor();
      await running.page.getByRole('button', { name: /Lock now/ }).waitFor();
      await running.page.screenshot({ path: join(outDir, `settings-security-${tag}.png`) });
      await running.page.keyboard.press('F9');
      await running.page.getByRole('dialog', { name: 'Privacy screen' }).waitFor();
      await running.page.screenshot({ path: join(outDir, `privacy-screen-${tag}.png`) });
      await running.close();
      // Set-up: no keychain, no journal yet.
      running = await launchApp(context, join(dir, `${tag}-new.sqlite`), { colorScheme: theme, keychain: null });
      await running.page.getByRole('heading', { name: 'Choose a passphrase for your journal' }).waitFor();
      await running.page.screenshot({ path: join(outDir, `passphrase-setup-${tag}.png`) });
      await running.close();
      await context.close();
      console.log(`wrote ${tag}`);
    }
  }
} finally {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}
