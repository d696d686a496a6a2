// Keep in touch agrees with itself: someone on both of its lists is counted once, and both lists give
// the same last contact.
import { test, expect, reloadApp } from './fixtures.js';

test('someone past their cadence who only had asks lately is one person in the tab count, with one last contact', async ({ app, running }) => {
  const created = await running.journal.call('people.create', { name: 'Helen Adeyemi', cadenceDays: 14 });
  if (!created.ok) throw new Error(created.error.message);
  const helen = (created.value as { id: number }).id;
  const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const met = await running.journal.call('interactions.create', {
    occurredAt: ago(40), kind: 'meeting', title: 'Budget sync', notes: '', confidential: false, location: '', personIds: [helen],
    newPeople: [], exchanges: [], asks: [{ direction: 'i-asked', description: 'Cover for the pilot' }], commitments: [], thankedExchangeIds: [],
  });
  if (!met.ok) throw new Error(met.error.message);
  const ask = await running.journal.call('asks.create', { direction: 'i-asked', description: 'A reference', askedAt: ago(20), personIds: [helen] });
  expect(ask.ok).toBe(true);

  await reloadApp(app);
  await app.keyboard.press('Control+3');
  const tab = app.getByRole('tab', { name: /^Keep in touch/ });
  await expect(tab).toHaveText(/Keep in touch\s*1$/);
  await tab.click();
  const panel = app.getByRole('tabpanel');
  const past = panel.getByRole('region', { name: /Past their cadence/ });
  await expect(past).toContainText('Helen Adeyemi');
  await expect(past).toContainText('6 days');
  await expect(past).not.toContainText('1 month ago');
});
