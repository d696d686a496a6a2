// The recovery screen and the backups section, as a person meets them: a journal that will not open,
// the ways out, and backing up and restoring from Settings.
import { mkdtemp, readdir, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { keyFilePath, readKeyFile, unwrapWithKeychain } from '../../src-main/core/crypto/keyfile.js';
import { keychain, launchApp, type RunningApp, reloadApp } from './harness.js';

const test = base.extend<{ dir: string }>({
  dir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'confidant-e2e-recovery-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

async function seed(running: RunningApp, titles: string[]): Promise<void> {
  for (const title of titles) {
    const result = await running.session.call('interactions.create', {
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      kind: 'coffee',
      title,
      newPeople: [{ name: 'Imani Okafor' }],
    });
    if (!result.ok) throw new Error(result.error.message);
  }
}

test('a zero-byte journal shows the recovery screen with its choices, and they reach the shell', async ({ context, dir }) => {
  const journalPath = join(dir, 'journal.sqlite');
  await writeFile(journalPath, '');
  const running = await launchApp(context, journalPath);
  try {
    const { page } = running;
    await expect(page.getByRole('heading', { name: 'Your journal file is empty', level: 1 })).toBeVisible();
    await expect(page.getByText(/holds nothing at all \(0 bytes\)/)).toBeVisible();
    const choices = page.getByRole('group', { name: 'What to do' }).getByRole('button');
    await expect(choices).toHaveText(['Open another journal…', 'Show in folder', 'Quit Confidant']);

    await page.getByRole('button', { name: 'Show in folder' }).click();
    await expect(page.getByText(/folder was opened in your file manager/)).toBeVisible();
    await page.getByRole('button', { name: 'Quit Confidant' }).click();
    await expect.poll(() => running.shellCalls.map((call) => call.name)).toEqual(['app.showInFolder', 'app.quit']);
    expect(running.shellCalls[0]?.input).toEqual({ path: journalPath });
    expect((await readFile(journalPath)).length).toBe(0);
  } finally {
    await running.close();
  }
});

test('a damaged journal with a backup: Restore newest backup brings every entry back', async ({ context, dir }) => {
  const journalPath = join(dir, 'journal.sqlite');
  const first = await launchApp(context, journalPath);
  await seed(first, Array.from({ length: 150 }, (_, i) => `Coffee number ${i}`));
  const backedUp = await first.session.call('backups.create');
  expect(backedUp.ok).toBe(true);
  await first.close();
  const bytes = await readFile(journalPath);
  const pageSize = bytes.readUInt16BE(16);
  const page = Math.floor(bytes.length / pageSize / 2);
  bytes.fill(0x5a, page * pageSize, (page + 1) * pageSize);
  await writeFile(journalPath, bytes);

  const running = await launchApp(context, journalPath);
  try {
    const { page: app } = running;
    await expect(app.getByRole('heading', { name: 'Your journal is damaged', level: 1 })).toBeVisible();
    await expect(app.getByText('Newest verified backup')).toBeVisible();
    await app.getByRole('button', { name: 'Restore newest backup' }).click();
    await expect(app.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
    await expect(app.getByText('Coffee number 149')).toBeVisible();
  } finally {
    await running.close();
  }
});

test('Settings: Back up now lists a verified backup, and Restore… puts it back after asking', async ({ context, dir }) => {
  const journalPath = join(dir, 'journal.sqlite');
  const running = await launchApp(context, journalPath);
  try {
    const { page } = running;
    await seed(running, ['Breakfast with the board chair']);
    await reloadApp(page);
    await expect(page.getByText('Breakfast with the board chair')).toBeVisible();
    await page.keyboard.press('Control+,');
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await expect(page.getByText('No backups yet.')).toBeVisible();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByText('Backed up and verified.')).toBeVisible();
    const rows = page.getByRole('table', { name: 'Verified backups' }).getByRole('row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText('Backed up by you');

    await seed(running, ['Written after the backup']);
    await rows.nth(1).getByRole('button', { name: /^Restore the backup from/ }).click();
    await expect(page.getByRole('dialog', { name: 'Restore this backup?' })).toBeVisible();
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(page.getByText(/^Restored the backup from/)).toBeVisible();
    await page.getByRole('button', { name: /^Timeline/ }).click();
    await expect(page.getByText('Breakfast with the board chair')).toBeVisible();
    await expect(page.getByText('Written after the backup')).toHaveCount(0);
  } finally {
    await running.close();
  }
});

test('a journal another program holds: Try again opens it once the program let go', async ({ context, dir }) => {
  const journalPath = join(dir, 'journal.sqlite');
  const first = await launchApp(context, journalPath);
  await seed(first, ['Lunch with the CFO']);
  await first.close();
  // The journal is encrypted (#12): the other program holds it with its key, as a sqlcipher shell would.
  const key = (await unwrapWithKeychain(readKeyFile(keyFilePath(journalPath))!, keychain)).toString('hex');
  const { spawn } = await import('node:child_process');
  const holder = spawn(process.execPath, [
    '-e',
    `const D = require(${JSON.stringify(join(import.meta.dirname, '..', '..', 'node_modules', 'better-sqlite3-multiple-ciphers'))});
     const db = new D(${JSON.stringify(journalPath)}); db.pragma("cipher = 'sqlcipher'"); db.pragma('legacy = 4'); db.key(Buffer.from("x'${key}'"));
     db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN EXCLUSIVE');
     console.log('holding'); process.stdin.on('data', () => process.exit(0));`,
  ]);
  await new Promise<void>((resolve) => holder.stdout.on('data', (chunk) => String(chunk).includes('holding') && resolve()));
  const running = await launchApp(context, journalPath, { busyTimeoutMs: 200 });
  try {
    const { page } = running;
    await expect(page.getByRole('heading', { name: 'Another program is using your journal', level: 1 })).toBeVisible();
    holder.stdin.write('go\n');
    await new Promise((resolve) => holder.once('exit', resolve));
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByText('Lunch with the CFO')).toBeVisible();
  } finally {
    holder.kill('SIGKILL');
    await running.close();
  }
});

test('a -wal left beside a missing journal is moved aside, and the open journal says what, where, and what to do', async ({ context, dir }) => {
  const journalPath = join(dir, 'journal.sqlite');
  const stray = Buffer.alloc(4096, 7);
  await writeFile(`${journalPath}-wal`, stray);
  const running = await launchApp(context, journalPath);
  try {
    const { page } = running;
    const notice = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'A leftover file was moved aside', level: 2 }) });
    await expect(notice).toBeVisible();
    const movedName = (await readdir(dir)).find((name) => name.startsWith('journal.sqlite-wal.set-aside-'));
    expect(movedName).toBeDefined();
    await expect(notice).toContainText(`Confidant moved it aside, unchanged, to “${movedName}” in ${dir}, and started a new, empty journal.`);
    await expect(notice).toContainText('put it back as journal.sqlite beside that file');
    // The moved file is kept byte for byte.
    expect(await readFile(join(dir, movedName!))).toEqual(stray);

    await notice.getByRole('button', { name: 'Show in folder' }).click();
    await expect(notice).toContainText('The folder was opened in your file manager');
    await expect.poll(() => running.shellCalls.map((call) => call.name)).toContain('app.showInFolder');
    expect(running.shellCalls.find((call) => call.name === 'app.showInFolder')?.input).toEqual({ path: join(dir, movedName!) });

    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByRole('heading', { name: 'A leftover file was moved aside' })).toHaveCount(0);
    // The journal itself is open and usable.
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  } finally {
    await running.close();
  }
});
