// Nicknames, messaging handles and postal addresses on the person form: added, changed and removed by the
// user, shown on the person page, and kept when an edit does not touch them.
import { expect, test } from './fixtures.js';

test('nicknames, messaging handles and addresses are edited on the person form and shown on the page', async ({ app, running }) => {
  // Many steps on a busy 2-core runner; every wait is for the app's own signal.
  test.setTimeout(90_000);
  await running.journal.call('people.create', {
    name: 'Ada Lovelace', organization: 'Analytical Engines',
    ims: [{ service: 'Skype', handle: 'ada.l', label: 'work' }],
  });
  await app.reload();
  await expect(app.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'People' }).click();
  await app.getByRole('button', { name: 'Ada Lovelace', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Ada Lovelace', level: 1 })).toBeVisible();
  const details = app.getByRole('complementary', { name: 'Details' });
  await expect(details.getByTestId('person-im')).toHaveText('Skype: ada.lwork');

  const edit = app.getByRole('button', { name: 'Edit', exact: true });
  await edit.click();
  const dialog = app.getByRole('dialog', { name: 'Edit Ada Lovelace' });
  await expect(dialog.getByLabel('messaging handle 1', { exact: true })).toHaveValue('ada.l');
  await expect(dialog.getByLabel('Service of messaging handle 1')).toHaveValue('Skype');
  await dialog.getByLabel('Nicknames').fill('Countess, Ada L.');
  await dialog.getByRole('button', { name: 'Add messaging handle' }).click();
  await expect(dialog.getByLabel('messaging handle 2', { exact: true })).toBeFocused();
  await dialog.getByLabel('messaging handle 2', { exact: true }).fill('+44 20 7946 0000');
  await dialog.getByLabel('Service of messaging handle 2').fill('Signal');
  await dialog.getByRole('button', { name: 'Add address' }).click();
  const address = dialog.getByRole('group', { name: 'Address 1' });
  await expect(address.getByRole('textbox', { name: 'Street of address 1' })).toBeFocused();
  await address.getByRole('textbox', { name: 'Street of address 1' }).fill('12 St James’s Square');
  await address.getByRole('textbox', { name: 'City of address 1' }).fill('London');
  await address.getByRole('textbox', { name: 'Postal code of address 1' }).fill('SW1Y 4JH');
  await address.getByRole('textbox', { name: 'Country of address 1' }).fill('United Kingdom');
  await address.getByRole('textbox', { name: 'Label of address 1' }).fill('home');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('status').getByText('Saved changes to Ada Lovelace')).toBeVisible();

  await expect(details.getByTestId('person-nicknames')).toHaveText('Countess, Ada L.');
  // The Skype handle keeps its own label (work), which the form does not show.
  await expect(details.getByTestId('person-im')).toHaveText(['Skype: ada.lwork', 'Signal: +44 20 7946 0000']);
  await expect(details.getByTestId('person-address')).toHaveText(/^12 St James’s Square\s+SW1Y 4JH London\s+United Kingdom\s*home$/);

  // Removed rows are saved as removed; what the edit does not touch (the nicknames) stays.
  await edit.click();
  await dialog.getByRole('button', { name: 'Remove address 1' }).click();
  await dialog.getByRole('button', { name: 'Remove messaging handle 1' }).click();
  await dialog.getByLabel('Role or title').fill('Analyst');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(details.getByTestId('person-address')).toHaveCount(0);
  await expect(details.getByTestId('person-im')).toHaveText('Signal: +44 20 7946 0000');
  await expect(details.getByTestId('person-nicknames')).toHaveText('Countess, Ada L.');
  const stored = await running.journal.call('people.get', { id: 1 });
  expect(stored).toMatchObject({ ok: true, value: { role: 'Analyst', nicknames: ['Countess', 'Ada L.'], addresses: [], ims: [{ service: 'Signal', handle: '+44 20 7946 0000', label: null }] } });
});
