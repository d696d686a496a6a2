// #12: a passphrase journal opens on the lock screen, refuses a wrong passphrase, locks on demand, and the
// privacy screen hides every name, title and note at one key press.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journal, openJournal } from '../../src-main/core/index.js';
import { openJournalFor, samplePath } from './harness.js';
import { expect, test } from './fixtures.js';

const PASSPHRASE = 'quiet harbour lantern';
// scrypt is slow on purpose (about a second here, more on a loaded machine), and a wrong passphrase waits
// on top: what follows an unlock or set-up waits for the app's answer this long.
const KDF = { timeout: 30_000 };

/** A journal with one person and one confidential entry, written before any page opens. */
async function seeded(journalPath: string, keychain: 'default' | null) {
  const session = await openJournalFor(journalPath, keychain === null ? { keychain: null } : {});
  if (keychain === null) expect(await session.call('security.setPassphrase', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
  const created = await session.call('interactions.create', {
    occurredAt: new Date().toISOString(),
    kind: 'coffee',
    title: 'Coffee about the reorg',
    notes: 'She is thinking of leaving in spring.',
    confidential: true,
    newPeople: [{ name: 'Imani Okafor' }],
  });
  expect(created.ok).toBe(true);
  await session.close();
}

async function freshPath(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'confidant-e2e-lock-')), 'journal.sqlite');
}

test('a new journal without a keychain asks for a passphrase first, then opens', async ({ openApp }) => {
  test.slow(); // scrypt, by design
  const journalPath = await freshPath();
  const { page } = await openApp(journalPath, { keychain: null });
  await expect(page.getByRole('heading', { name: 'Choose a passphrase for your journal' })).toBeVisible();
  await page.getByLabel('New passphrase').fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill('something else entirely');
  await page.getByRole('button', { name: 'Create journal' }).click();
  await expect(page.getByRole('alert')).toHaveText('The two passphrases are not the same.');

  await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create journal' }).click();
  await expect(page.getByRole('heading', { name: 'Choose a passphrase for your journal' })).toBeHidden(KDF);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect((await readFile(`${journalPath}.key`, 'utf8')).includes('"kind": "passphrase"')).toBe(true);
});

test('an existing plain journal is encrypted with a chosen passphrase, its progress on screen, every entry kept', async ({ openApp }) => {
  test.slow(); // scrypt, by design
  const journalPath = await freshPath();
  // A plain journal, as an older Confidant left it, with the sample in it.
  const plain = await openJournal(journalPath);
  const journal = new Journal(plain, { readSample: async () => JSON.parse(await readFile(samplePath, 'utf8')) });
  expect((await journal.call('journal.loadSample', undefined)).ok).toBe(true);
  const people = plain.raw.prepare('SELECT count(*) FROM people').pluck().get();
  await journal.close();

  const running = await openApp(journalPath, { keychain: null });
  const { page } = running;
  await expect(page.getByRole('heading', { name: 'Encrypt your journal with a passphrase' })).toBeVisible();
  await page.getByLabel('New passphrase').fill(PASSPHRASE);
  await page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Encrypt journal' }).click();
  await expect(page.getByRole('progressbar', { name: 'Encrypting your journal' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible(KDF);
  expect((await readFile(journalPath)).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  const listed = await running.session.call('people.list', undefined);
  expect(listed.ok && (listed.value as unknown[]).length).toBe(people);
});

test('unlock: a wrong passphrase is refused with a sentence, the right one opens the journal', async ({ openApp }) => {
  test.slow(); // scrypt, by design
  const journalPath = await freshPath();
  await seeded(journalPath, null);
  const { page, journal } = await openApp(journalPath, { keychain: null });

  await expect(page.getByRole('heading', { name: 'Confidant is locked' })).toBeVisible();
  // Nothing of the journal is on the page, or readable through the bridge, before the passphrase.
  await expect(page.getByText('Imani Okafor')).toHaveCount(0);
  expect(await journal.call('people.list', {})).toMatchObject({ ok: false, error: { code: 'journal-locked' } });

  const field = page.getByLabel('Passphrase', { exact: true });
  await field.fill('quiet harbour lanterns');
  await expect(field).toHaveAttribute('type', 'password');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(field).toHaveAttribute('type', 'text');
  await page.getByRole('button', { name: 'Hide' }).click();
  await expect(field).toHaveAttribute('type', 'password');

  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText('That passphrase does not unlock this journal. Check Caps Lock and try again; nothing was changed.', KDF);
  await expect(page.getByRole('heading', { name: 'Confidant is locked' })).toBeVisible();

  await field.fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('Coffee about the reorg')).toBeVisible(KDF);
});

test('Lock now closes the journal and shows the lock screen', async ({ openApp }) => {
  test.slow(); // scrypt, by design
  const journalPath = await freshPath();
  await seeded(journalPath, null);
  const { page, journal } = await openApp(journalPath, { keychain: null });
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('Coffee about the reorg')).toBeVisible(KDF);

  await page.keyboard.press('ControlOrMeta+l');
  await expect(page.getByRole('heading', { name: 'Confidant is locked' })).toBeVisible(KDF);
  await expect(page.getByText('Coffee about the reorg')).toHaveCount(0);
  await expect(page.getByText('Imani Okafor')).toHaveCount(0);
  expect(journal.status()).toMatchObject({ state: 'locked' });
  expect(await journal.call('interactions.timeline', {})).toMatchObject({ ok: false, error: { code: 'journal-locked' } });

  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('Coffee about the reorg')).toBeVisible(KDF);
});

test('the privacy screen hides every name, title and note at one key, and the same key brings them back', async ({ openApp }) => {
  const journalPath = await freshPath();
  await seeded(journalPath, 'default');
  const running = await openApp(journalPath);
  const { page } = running;
  const namesHidden = () => running.shellCalls.filter((entry) => entry.name === 'app.namesHidden').map((entry) => entry.input);
  const title = page.getByText('Coffee about the reorg');
  const person = page.getByRole('button', { name: 'Open Imani Okafor' }).first();
  await expect(title).toBeVisible();
  await expect(person).toBeVisible();

  await page.keyboard.press('F9');
  await expect(page.getByRole('dialog', { name: 'Privacy screen' })).toBeVisible();
  await expect(title).toBeHidden();
  await expect(person).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  // System notifications name no one while it is up: the shell is told.
  await expect.poll(namesHidden).toEqual([{ hidden: true }]);

  await page.keyboard.press('F9');
  await expect(page.getByRole('dialog', { name: 'Privacy screen' })).toBeHidden();
  await expect(title).toBeVisible();
  await expect(person).toBeVisible();
  await expect.poll(namesHidden).toEqual([{ hidden: true }, { hidden: false }]);
});
