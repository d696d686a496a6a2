import type { Person } from '../../src-main/contract/contract.js';
import type { JournalSession as Journal } from '../../src-main/core/index.js';
import { test, expect, reloadApp } from './fixtures.js';
import { slowNetwork } from './slow-network.js';

// While the core works the network's figures out again (seconds, in slices, on a big journal), the screen
// shows the last ones and says, politely, that it is updating; it refreshes when the new ones are in. On a
// small journal the core is done at once, so the spec holds the core's answers where a big journal would
// take its time: the first call of all, and the call that waits for the new figures.

async function call<T>(journal: Journal, name: string, input: unknown = {}): Promise<T> {
  const result = await journal.call(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

test('the first count shows a loading state; after a write the last figures stay, marked as updating, until the new ones are in', async ({ app, running }) => {
  const ada = await call<Person>(running.journal, 'people.create', { name: 'Ada Osei', organization: 'Northwind' });
  const ben = await call<Person>(running.journal, 'people.create', { name: 'Ben Costa', organization: 'Northwind' });
  await call(running.journal, 'interactions.create', { occurredAt: daysAgo(10), kind: 'meeting', title: 'Budget review', personIds: [ada.id] });
  await call(running.journal, 'interactions.create', { occurredAt: daysAgo(12), kind: 'call', title: 'Catch-up', personIds: [ben.id] });
  const core = slowNetwork(running.journal);

  // Nothing counted yet: the screen says it is counting, and is not frozen (the tabs still answer).
  core.hold();
  await reloadApp(app, 'Timeline');
  await app.keyboard.press('Control+7');
  await expect(app.getByRole('heading', { name: 'Network', level: 1 })).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: 'Counting your network…' })).toBeVisible();
  await app.getByRole('tab', { name: 'Introductions' }).click();
  await expect(app.getByRole('tab', { name: 'Introductions' })).toHaveAttribute('aria-selected', 'true');
  await app.getByRole('tab', { name: 'Open, diverse, deep' }).click();
  core.release();
  await expect(app.getByText('2 active contacts: people you met in the last 12 months.')).toBeVisible();
  const unlinked = app.getByRole('button', { name: '2 people: Know none of your other active contacts (that you have noted)' });
  await expect(unlinked).toBeVisible();
  const status = app.getByTestId('network-updating');
  await expect(status).toHaveAttribute('role', 'status');
  await expect(status).toHaveText('');

  // A link added while the core works the figures out again: the screen keeps the last figures, says it is
  // updating, and shows the new ones when the call waiting for them returns.
  core.recomputing = true;
  core.hold();
  await call(running.journal, 'links.create', { personAId: ada.id, personBId: ben.id });
  await app.getByRole('tab', { name: 'Map' }).click();
  await app.getByRole('tab', { name: 'Open, diverse, deep' }).click();
  await expect(status).toHaveText('Updating…');
  await expect(unlinked).toBeVisible();
  core.recomputing = false;
  core.release();
  await expect(app.getByRole('button', { name: '2 people: Know at least one other active contact' })).toBeVisible();
  await expect(status).toHaveText('');
});
