// Bringing contacts in through the Import… dialog, as a user would: choose the file, read the preview,
// import, and find every field on the person's page.
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, menu, test, reloadApp } from './fixtures.js';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'contacts', name);

async function importFile(app: Page, name: string): Promise<void> {
  const dialog = app.getByRole('dialog', { name: 'Import contacts' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Contacts file').setInputFiles(fixture(name));
}

async function openPerson(app: Page, name: string): Promise<void> {
  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'People' }).click();
  await app.getByRole('button', { name, exact: true }).click();
  await expect(app.getByRole('heading', { name, level: 1 })).toBeVisible();
}

test('Apple and Google vCards from the welcome screen: a preview, then every field on the person page; the same file again adds nothing', async ({ app }) => {
  await app.getByRole('button', { name: 'Import contacts…' }).click();
  await importFile(app, 'apple-contacts.vcf');
  const dialog = app.getByRole('dialog', { name: 'Import contacts' });
  await expect(dialog.getByText('Import adds 3 and updates 0')).toBeVisible();
  // Addresses are kept now: nothing of Søren's card is left out.
  await expect(dialog.getByRole('listitem', { name: 'Card 2: Søren Østergaard' })).not.toContainText('Not imported');
  await dialog.getByRole('button', { name: 'Import 3 people' }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported apple-contacts.vcf. 3 added, 0 updated, 0 left as they were.');
  await dialog.getByRole('button', { name: 'Go to People' }).click();

  await app.getByRole('button', { name: 'Ana Ruiz', exact: true }).click();
  const details = app.getByRole('complementary', { name: 'Details' });
  await expect(app.getByText('Director of Engineering · Northwind Traders')).toBeVisible();
  await expect(details.getByTestId('person-email')).toHaveText(['ana.ruiz@northwind.examplework', 'ana@ruiz-family.examplebook club']);
  await expect(details.getByTestId('person-phone')).toHaveText(['+1 (415) 555-0142mobile', '+1 415 555 0100work']);
  await expect(details.getByTestId('person-link')).toHaveText(['https://ruiz.example/bloghome page', 'https://www.linkedin.com/in/anaruizLinkedIn']);
  await expect(details.getByTestId('person-birthday')).toHaveText('29 February');
  await expect(details).toContainText('Met at the platform offsite in Lisbon. Prefers morning calls; ask about the reorg');
  await expect(details).toContainText('Engineering');
  await expect(details.getByTestId('person-source')).toContainText('Imported from a vCard file (apple-contacts.vcf)');
  await expect(app.getByRole('listitem').filter({ hasText: /^#mentors$/ })).toBeVisible();
  await expect(app.getByRole('listitem').filter({ hasText: /^#platform$/ })).toBeVisible();

  await openPerson(app, 'Søren Østergaard');
  await expect(details.getByTestId('person-address')).toHaveText(/^Vesterbrogade 1\s+1620 København\s+Denmark\s*work$/);

  // Google's file, from the File menu: two new people.
  await menu(app, 'import');
  await importFile(app, 'google-contacts.vcf');
  await dialog.getByRole('button', { name: 'Import 2 people' }).click();
  await expect(dialog.getByRole('status')).toContainText('2 added');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await openPerson(app, 'Priya Raman');
  await expect(details.getByTestId('person-email')).toHaveText(['priya.raman@contoso.examplework', 'priya@raman.examplehome']);
  await expect(details.getByTestId('person-birthday')).toHaveText('12 April 1985');
  await expect(details.getByTestId('person-link')).toHaveText('http://www.linkedin.com/in/priyaramanprofile');
  await expect(details).toContainText('Introduced by Ana Ruiz.');

  // The same file twice: everything is already here, and the button says there is nothing to import.
  await menu(app, 'import');
  await importFile(app, 'google-contacts.vcf');
  await expect(dialog.getByRole('listitem', { name: 'Card 1: Priya Raman' })).toContainText('Already in your journal as Priya Raman; nothing new.');
  await expect(dialog.getByRole('button', { name: 'Nothing to import' })).toBeDisabled();
});

test('LinkedIn connections from the command palette, merging with a person already in the journal field by field', async ({ app, running }) => {
  const eve = await running.journal.call('people.create', { name: 'Eve Kim', organization: 'Stripe', role: 'Engineer', notes: 'Runs the infra guild.' });
  expect(eve.ok).toBe(true);
  await reloadApp(app);
  await app.keyboard.press('Control+K');
  await app.getByRole('combobox').fill('import');
  await app.keyboard.press('Enter');
  await importFile(app, 'linkedin-connections.csv');
  const dialog = app.getByRole('dialog', { name: 'Import contacts' });
  await expect(dialog.getByText('12 contacts')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Skipped 1' })).toBeVisible();
  const row = dialog.getByRole('listitem', { name: 'Row 12: Eve Kim' });
  await expect(row).toContainText('Same name at Stripe Inc: Eve Kim');
  await row.getByRole('radiogroup', { name: 'Role for Eve Kim' }).getByLabel('Use “Staff Engineer”').check();
  await dialog.getByRole('radio', { name: 'Skipped 1' }).click();
  await expect(dialog.getByRole('listitem', { name: 'Row 16: no name' })).toContainText('No name in this row.');
  await dialog.getByRole('button', { name: 'Import 11 people' }).click();
  await expect(dialog.getByRole('status')).toContainText('10 added, 1 updated, 1 left as they were.');
  await dialog.getByRole('button', { name: 'Done' }).click();

  await openPerson(app, 'Eve Kim');
  const details = app.getByRole('complementary', { name: 'Details' });
  await expect(app.getByText('Staff Engineer · Stripe', { exact: true })).toBeVisible();
  await expect(details).toContainText('Runs the infra guild.');
  await expect(details.getByTestId('person-link')).toHaveText('https://www.linkedin.com/in/eveLinkedIn');
  await expect(details).toContainText('Connected on LinkedIn on 8 August 2024');

  await openPerson(app, 'Zoë Ångström-Núñez');
  await expect(app.getByText('Director, Product · Fabrikam, Inc.')).toBeVisible();
  await expect(details).toContainText('Connected on LinkedIn on 15 March 2024');
  await expect(details.getByTestId('person-source')).toContainText('Imported from LinkedIn connections (linkedin-connections.csv)');
});

test('a spreadsheet goes through the mapping step; a file that is not contacts says why and changes nothing', async ({ app, running }) => {
  await menu(app, 'import');
  await importFile(app, 'spreadsheet.csv');
  const dialog = app.getByRole('dialog', { name: 'Import contacts' });
  await expect(dialog.getByLabel('Field for column Notes')).toHaveValue('notes');
  await dialog.getByLabel('Field for column Notes').selectOption({ label: 'How we met' });
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await dialog.getByRole('button', { name: 'Import 2 people' }).click();
  await expect(dialog.getByRole('status')).toContainText('2 added');
  const marta = await running.journal.call('people.list', {});
  expect(marta.ok && (marta.value as { name: string; role: string | null }[]).map((person) => [person.name, person.role])).toEqual([
    ['Kenji Sato', 'CFO, Interim'], ['Marta Díaz', 'Head of "Ops"'],
  ]);

  // Mapped as last time, said so.
  await dialog.getByRole('button', { name: 'Done' }).click();
  await menu(app, 'import');
  await importFile(app, 'spreadsheet.csv');
  await expect(dialog.getByText('mapped as you chose last time')).toBeVisible();
  await expect(dialog.getByLabel('Field for column Notes')).toHaveValue('howWeMet');
  await dialog.getByRole('button', { name: 'Choose another file' }).click();
  await dialog.getByLabel('Contacts file').setInputFiles({ name: 'notes.vcf', mimeType: 'text/vcard', buffer: Buffer.from('Just some notes, not contacts.') });
  await expect(dialog.getByRole('alert')).toHaveText(/Nothing was imported\. This file is not a vCard/);
});

/** An address book of `n` cards, written to a temp file beside the journal. */
async function bigAddressBook(dir: string, n: number): Promise<string> {
  const cards: string[] = [];
  for (let i = 0; i < n; i++) {
    cards.push(['BEGIN:VCARD', 'VERSION:3.0', `FN:Bulk Person ${i}`, `N:${i};Bulk;;;`, 'ORG:Contoso', `EMAIL;type=INTERNET:bulk${i}@contoso.example`, 'CATEGORIES:bulk', 'END:VCARD'].join('\r\n'));
  }
  const path = join(dir, 'big.vcf');
  await writeFile(path, `${cards.join('\r\n')}\r\n`);
  return path;
}

/** Records every figure the writing line shows, from the page itself, so a spec can see the bar advance. */
async function recordWritingCounts(app: Page): Promise<void> {
  await app.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { writingCounts: string[] }).writingCounts = seen;
    new MutationObserver(() => {
      const line = document.querySelector('[id$="-writing-counts"]')?.textContent?.trim();
      if (line && seen.at(-1) !== line) seen.push(line);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

test('a large file: the bar appears, advances and completes; cancelled, the import leaves nothing', async ({ app, running, journalPath }) => {
  // Reading and checking 4,000 cards takes seconds on a busy runner: the waits below are for the app's own signals.
  test.setTimeout(180_000);
  const n = 4000;
  const file = await bigAddressBook(dirname(journalPath), n);
  const dialog = app.getByRole('dialog', { name: 'Import contacts' });
  const writing = dialog.getByRole('progressbar', { name: 'Importing big.vcf' });

  // Cancelled: the journal's write lock is held (as another program might) so the import is surely still
  // under way when Cancel is pressed; the lock is let go once the app says it is cancelling.
  await app.getByRole('button', { name: 'Import contacts…' }).click();
  await dialog.getByLabel('Contacts file').setInputFiles(file);
  const importButton = dialog.getByRole('button', { name: `Import ${n.toLocaleString('en-US')} people` });
  await expect(importButton).toBeEnabled({ timeout: 60_000 });
  const raw = running.journal.db!.raw;
  // The line is recorded as the page draws it: "cancelling…" lasts only until the thread stops, which on a
  // busy runner can be over before an assertion polls for it (CI saw the preview back first).
  await recordWritingCounts(app);
  raw.exec('BEGIN IMMEDIATE');
  try {
    await importButton.click();
    await expect(writing).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel import' }).click();
    await expect
      .poll(async () => (await app.evaluate(() => (window as unknown as { writingCounts: string[] }).writingCounts)).some((line) => / people written · cancelling…$/.test(line)))
      .toBe(true);
  } finally {
    raw.exec('ROLLBACK');
  }
  await expect(app.getByText('Import of big.vcf cancelled: nothing was imported')).toBeVisible({ timeout: 30_000 });
  // Back at the preview, the file still chosen; nothing of it is in the journal.
  await expect(importButton).toBeVisible();
  expect(raw.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 0 });
  expect(raw.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 0 });

  // Imported: the bar shows figures between none and all, then the summary.
  await dialog.getByRole('button', { name: 'Back' }).click();
  await dialog.getByLabel('Contacts file').setInputFiles(file);
  await expect(importButton).toBeEnabled({ timeout: 60_000 });
  await recordWritingCounts(app);
  await importButton.click();
  await expect(dialog.getByRole('status')).toContainText(`Imported big.vcf. ${n.toLocaleString('en-US')} added, 0 updated, 0 left as they were.`, { timeout: 60_000 });
  const seen = await app.evaluate(() => (window as unknown as { writingCounts: string[] }).writingCounts);
  const figures = seen.map((line) => Number(/^([\d,]+) of/.exec(line)?.[1]?.replace(/,/g, '') ?? Number.NaN));
  expect(figures.some((figure) => figure > 0 && figure < n)).toBe(true);
  expect(figures).toEqual([...figures].sort((a, b) => a - b));
  await dialog.getByRole('button', { name: 'Go to People' }).click();
  await expect(app.getByRole('button', { name: 'Bulk Person 0', exact: true })).toBeVisible();
  expect(raw.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n });
});
