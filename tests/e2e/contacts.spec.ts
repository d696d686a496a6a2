// Contact details on the person page: shown, edited in the person form, and found by email.
import { expect, test, reloadApp } from './fixtures.js';

test('emails, phones, a profile link and a birthday without a year are edited on the person page and found by email', async ({ app, running }) => {
  const created = await running.journal.call('people.create', { name: 'Ana Ruiz', organization: 'Northwind' });
  expect(created.ok).toBe(true);
  const id = created.ok ? (created.value as { id: number }).id : 0;
  await reloadApp(app);
  await app.getByRole('button', { name: 'People' }).first().click();
  await app.getByRole('button', { name: 'Ana Ruiz' }).click();
  const details = app.getByRole('complementary', { name: 'Details' });
  await expect(details).toContainText('No email');

  await app.getByRole('button', { name: 'Edit', exact: true }).click();
  const dialog = app.getByRole('dialog', { name: 'Edit Ana Ruiz' });
  await dialog.getByRole('button', { name: 'Add email' }).click();
  await dialog.getByLabel('email 1', { exact: true }).fill('Ana.Ruiz@Northwind.example');
  await dialog.getByLabel('Label for email 1').fill('work');
  await dialog.getByRole('button', { name: 'Add email' }).click();
  await dialog.getByLabel('email 2', { exact: true }).fill('ana@home.example');
  await dialog.getByRole('button', { name: 'Add phone number' }).click();
  await dialog.getByLabel('phone number 1', { exact: true }).fill('+1 415 555 0100');
  await dialog.getByLabel('Label for phone number 1').fill('mobile');
  await dialog.getByRole('button', { name: 'Add profile link' }).click();
  await dialog.getByLabel('profile link 1', { exact: true }).fill('https://www.linkedin.com/in/anaruiz');
  await dialog.getByLabel('Birthday: day').fill('29');
  await dialog.getByLabel('Birthday: month').selectOption({ label: 'February' });
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();

  await expect(details.getByTestId('person-email')).toHaveText(['ana.ruiz@northwind.examplework', 'ana@home.example']);
  await expect(details.getByTestId('person-phone')).toHaveText('+1 415 555 0100mobile');
  await expect(details.getByTestId('person-link')).toHaveText('https://www.linkedin.com/in/anaruiz');
  await expect(details.getByTestId('person-birthday')).toHaveText('29 February');
  const stored = await running.journal.call('people.get', { id });
  expect(stored.ok && stored.value).toMatchObject({
    emails: [{ email: 'ana.ruiz@northwind.example', label: 'work' }, { email: 'ana@home.example', label: null }],
    phones: [{ phone: '+1 415 555 0100', label: 'mobile' }],
    links: [{ url: 'https://www.linkedin.com/in/anaruiz', label: null }],
    birthday: '--02-29',
  });

  // An impossible day is refused with a sentence beside the field, and nothing changes.
  await app.getByRole('button', { name: 'Edit', exact: true }).click();
  await dialog.getByLabel('Birthday: day').fill('31');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByText('That birthday is not a real day of the year.').first()).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The people filter and search both find her by email.
  await app.getByRole('button', { name: 'Back' }).click();
  await app.getByLabel('Filter people').fill('ana@home');
  await expect(app.getByRole('button', { name: 'Ana Ruiz' })).toBeVisible();
  await app.keyboard.press('Control+Shift+F');
  await app.getByRole('searchbox').first().fill('ana@home.example');
  await expect(app.getByRole('link', { name: /Ana Ruiz/ }).or(app.getByRole('button', { name: /Ana Ruiz/ })).first()).toBeVisible();
});
