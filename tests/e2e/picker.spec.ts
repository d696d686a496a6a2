// The log form's people picker must never attach someone else to a note: a full name that matches
// nobody exactly is added as a new person, and an exact match (any case, any accents) always wins.
import type { Page } from 'playwright-core';
import type { CallInput, Person } from '../../src-main/contract/contract.js';
import type { JournalSession as Journal } from '../../src-main/core/index.js';
import { test, expect, reloadApp } from './fixtures.js';

async function seedPerson(journal: Journal, fields: CallInput<'people.create'>): Promise<Person> {
  const result = await journal.call('people.create', fields);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Person;
}

async function openLog(app: Page) {
  await reloadApp(app, 'Timeline');
  await app.keyboard.press('Control+n');
  const dialog = app.getByRole('dialog', { name: 'Log interaction' });
  await expect(dialog).toBeVisible();
  return { dialog, people: dialog.getByRole('combobox', { name: 'People' }), chips: dialog.getByRole('list', { name: 'People you met' }) };
}

test('a new full name plus Enter adds a new person, never the nearest existing one', async ({ app, running }) => {
  await seedPerson(running.journal, { name: 'Grace Kim', organization: 'Sablewood' });
  await seedPerson(running.journal, { name: 'Ben Okonkwo-Price', organization: 'Lumenpath' });
  const { dialog, people, chips } = await openLog(app);

  await people.pressSequentially('Grace Kimball');
  // The highlighted option is the new person, and says so; Grace Kim is offered below it.
  await expect(dialog.getByRole('option', { name: 'Add “Grace Kimball” as new person' })).toHaveAttribute('aria-selected', 'true');
  await expect(dialog.getByRole('option', { name: /Grace Kim\b/ })).toHaveAttribute('aria-selected', 'false');
  await people.press('Enter');
  await expect(chips.getByRole('listitem')).toHaveText([/^\s*GK\s*Grace Kimball\s*new\s*$/]);

  await people.pressSequentially('Ben Okafor');
  await people.press('Enter');
  await expect(chips.getByRole('listitem')).toHaveText([/Grace Kimball\s*new/, /Ben Okafor\s*new/]);
  await expect(chips).not.toContainText('Okonkwo');
});

test('an exact name wins whatever its case and accents, and a typo is one ArrowDown away', async ({ app, running }) => {
  await seedPerson(running.journal, { name: 'Chloé Martin' });
  await seedPerson(running.journal, { name: 'Chloe Martinez' });
  await seedPerson(running.journal, { name: 'Ana Ruiz' });
  const { dialog, people, chips } = await openLog(app);

  await people.pressSequentially('chloe martin');
  await expect(dialog.getByRole('option', { name: /Chloé Martin$/ })).toHaveAttribute('aria-selected', 'true');
  await expect(dialog.getByRole('option', { name: /as new person/ })).toHaveCount(0);
  await people.press('Enter');
  await expect(chips.getByRole('listitem')).toHaveText([/^\s*CM\s*Chloé Martin\s*$/]);

  // A typed full name that is only close is offered, not chosen: ArrowDown, then Enter, picks it.
  await people.pressSequentially('Ana Ruz');
  await expect(dialog.getByRole('option', { name: 'Add “Ana Ruz” as new person' })).toHaveAttribute('aria-selected', 'true');
  await people.press('ArrowDown');
  await expect(dialog.getByRole('option', { name: /Ana Ruiz/ })).toHaveAttribute('aria-selected', 'true');
  await people.press('Enter');
  await expect(chips.getByRole('listitem')).toHaveText([/Chloé Martin/, /^\s*AR\s*Ana Ruiz\s*$/]);

  // A first name alone still picks the person it starts.
  await people.pressSequentially('chloe');
  await expect(dialog.getByRole('option', { name: /Chloe Martinez/ })).toHaveAttribute('aria-selected', 'true');
});
