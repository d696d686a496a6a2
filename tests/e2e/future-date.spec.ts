// A date far ahead is asked about before it is saved: planned meetings are real, typos are commoner.
import type { CallInput, Person, TimelinePage } from '../../src-main/contract/contract.js';
import type { JournalSession as Journal } from '../../src-main/core/index.js';
import { test, expect, reloadApp } from './fixtures.js';

async function titles(journal: Journal): Promise<string[]> {
  const page = await journal.call('interactions.timeline', {});
  if (!page.ok) throw new Error(page.error.message);
  return (page.value as TimelinePage).entries.map((entry) => entry.title);
}

test('an entry dated 2150 is saved only after a yes; a near one is saved without asking', async ({ app, running }) => {
  const created = await running.journal.call('people.create', { name: 'Ana Ruiz' } satisfies CallInput<'people.create'>);
  expect(created.ok && (created.value as Person).name).toBe('Ana Ruiz');
  await reloadApp(app);
  await app.keyboard.press('Control+n');
  const dialog = app.getByRole('dialog', { name: 'Log interaction' });
  await dialog.getByRole('combobox', { name: 'People' }).pressSequentially('Ana');
  await app.keyboard.press('Enter');
  await dialog.getByLabel('Title').fill('Board prep');
  await dialog.getByRole('button', { name: 'When: now' }).click();
  await dialog.getByLabel('Date and time').fill('2150-06-01T10:00');
  await dialog.getByLabel('Title').press('Control+Enter');

  const ask = app.getByRole('dialog', { name: 'Save an entry dated in the future?' });
  await expect(ask).toContainText('Monday, 1 June 2150');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  await expect(dialog.getByLabel('Date and time')).toBeFocused();
  expect(await titles(running.journal)).toEqual([]);

  await dialog.getByLabel('Title').press('Control+Enter');
  await app.getByRole('dialog', { name: 'Save an entry dated in the future?' }).getByRole('button', { name: 'Save for 1 June 2150' }).click();
  await expect(dialog).toBeHidden();
  expect(await titles(running.journal)).toEqual(['Board prep']);

  // Two hours ahead is a meeting about to happen: no question.
  await app.keyboard.press('Control+n');
  await dialog.getByRole('combobox', { name: 'People' }).pressSequentially('Ana');
  await app.keyboard.press('Enter');
  await dialog.getByLabel('Title').fill('Coffee soon');
  const soon = new Date(Date.now() + 2 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  await dialog.getByRole('button', { name: 'When: now' }).click();
  await dialog.getByLabel('Date and time').fill(`${soon.getFullYear()}-${pad(soon.getMonth() + 1)}-${pad(soon.getDate())}T${pad(soon.getHours())}:${pad(soon.getMinutes())}`);
  await dialog.getByLabel('Title').press('Control+Enter');
  await expect(dialog).toBeHidden();
  expect(await titles(running.journal)).toEqual(['Board prep', 'Coffee soon']);
});
