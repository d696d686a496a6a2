// `node --import tsx tests/screenshots-safety.ts [outDir] [--only=wal]`: the recovery screen (a damaged journal
// with a backup), Settings → Backups, and the notice of a -wal moved aside on open, light and dark, at 1024×640,
// 1280×800, 1440×900 and 1920×1080. Needs `npm run build`.
// The README shows recovery-light.png and settings-backups-light.png (1280×800) from resources/screenshots.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { chromium } from 'playwright-core';
import { chromiumLaunch } from '../playwright.config.js';
import { applyCipherKey } from '../src-main/core/crypto/cipher.js';
import { keyFilePath, readKeyFile, unwrapWithKeychain } from '../src-main/core/crypto/keyfile.js';
import { keychain, launchApp, reloadApp } from './e2e/harness.js';

const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const outDir = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? join(import.meta.dirname, '..', 'resources', 'screenshots');
const sizes = [
  { width: 1024, height: 640 },
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];
const browser = await chromium.launch(chromiumLaunch);
await mkdir(outDir, { recursive: true });
const dir = await mkdtemp(join(tmpdir(), 'confidant-shots-safety-'));
try {
  for (const theme of ['light', 'dark'] as const) {
    for (const size of sizes) {
      const suffix = size.width === 1280 ? theme : `${theme}-${size.width}x${size.height}`;
      const context = await browser.newContext({ viewport: size, deviceScaleFactor: 1, colorScheme: theme });
      // A -wal left where the journal should be: moved aside on open, and the person told.
      const strayPath = join(dir, `${suffix}-stray.sqlite`);
      await writeFile(`${strayPath}-wal`, Buffer.alloc(4096, 7));
      const stray = await launchApp(context, strayPath, { colorScheme: theme });
      await stray.page.getByRole('heading', { name: 'A leftover file was moved aside' }).waitFor();
      await stray.page.screenshot({ path: join(outDir, `wal-set-aside-${suffix}.png`) });
      await stray.close();
      if (only === 'wal') {
        await context.close();
        continue;
      }
      // A journal with the sample and two backups, then damaged.
      const journalPath = join(dir, `${suffix}.sqlite`);
      const first = await launchApp(context, journalPath, { colorScheme: theme });
      await first.session.call('journal.loadSample');
      await first.session.call('backups.create');
      await reloadApp(first.page);
      await first.page.keyboard.press('Control+,');
      await first.page.getByRole('table', { name: 'Verified backups' }).waitFor();
      await first.page.screenshot({ path: join(outDir, `settings-backups-${suffix}.png`) });
      await first.close();
      // Damage the interactions table's root page (found on a copy, never by opening the journal itself).
      await writeFile(`${journalPath}.probe`, await readFile(journalPath));
      // The journal is encrypted (its key file wrapped by the harness's keychain); the copy is read with its key.
      const probe = new BetterSqlite3(`${journalPath}.probe`, { readonly: true });
      applyCipherKey(probe, await unwrapWithKeychain(readKeyFile(keyFilePath(journalPath))!, keychain));
      const rootPage = probe.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'interactions'").pluck().get() as number;
      // SQLCipher encrypts the header too, so the page size is asked of the keyed connection, not read from byte 16.
      const pageSize = probe.pragma('page_size', { simple: true }) as number;
      probe.close();
      const bytes = await readFile(journalPath);
      bytes.fill(0x5a, (rootPage - 1) * pageSize, rootPage * pageSize);
      await writeFile(journalPath, bytes);
      const damaged = await launchApp(context, journalPath, { colorScheme: theme });
      await damaged.page.getByRole('heading', { name: 'Your journal is damaged' }).waitFor();
      await damaged.page.screenshot({ path: join(outDir, `recovery-${suffix}.png`) });
      await damaged.close();
      await context.close();
      console.log(`wrote ${theme} ${size.width}x${size.height}`);
    }
  }
} finally {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}
