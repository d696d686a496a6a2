import { test, expect } from './fixtures.js';

test('an entry is still there after the journal is closed and opened again', async ({ running, journalPath, openApp }) => {
  const created = await running.journal.call('interactions.create', {
    occurredAt: new Date().toISOString(),
    kind: 'meal',
    title: 'Dinner with the product council',
    notes: 'Agreed to co-host the spring roundtable.',
    newPeople: [{ name: 'Imani Okafor' }],
  });
  expect(created.ok).toBe(true);
  await running.close();

  const reopened = await openApp(journalPath);
  await expect(reopened.page.getByText('Dinner with the product council')).toBeVisible();
  await expect(reopened.page.getByRole('button', { name: 'Open Imani Okafor' })).toBeVisible();
});
