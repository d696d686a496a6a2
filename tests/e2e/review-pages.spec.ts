import { test, expect, menu, reloadApp } from './fixtures.js';

// The review's long lists read on as the reader asks (#11): at a million the review brought 1.3 MB, nearly
// all of it people overdue and thanks owed, for panels that draw fifty. Now it brings fifty of each and
// 'Show more' asks the journal for the next fifty.

test('the review draws fifty people overdue, and Show more reads the next ones from the journal', async ({ app, running }) => {
  const { journal } = running;
  for (let i = 0; i < 120; i += 1) {
    const result = await journal.call('people.create', { name: `Overdue ${String(i).padStart(3, '0')}`, cadenceDays: 30 });
    if (!result.ok) throw new Error(result.error.message);
  }

  await reloadApp(app, 'Timeline');
  await app.keyboard.press('Control+5');
  await expect(app.getByRole('heading', { name: 'Quarterly review', level: 1 })).toBeVisible();
  const panel = app.getByRole('region', { name: 'Overdue for contact' });
  await expect(panel.getByRole('listitem')).toHaveCount(50);
  await expect(app.getByRole('definition').filter({ hasText: /people$/ })).toHaveText('120 people');
  expect(running.journalCalls).not.toContain('review.overdue');

  await panel.getByRole('button', { name: 'Show 50 more of 120 people overdue' }).click();
  await expect(panel.getByRole('listitem')).toHaveCount(100);
  expect(running.journalCalls.filter((name) => name === 'review.overdue')).toHaveLength(1);
  // A write elsewhere brings the review again with its first fifty: the hundred drawn stay, read again.
  const drawn = await panel.getByRole('listitem').getByRole('button').allTextContents();
  const reviews = running.journalCalls.filter((name) => name === 'review.quarter').length;
  await menu(app, 'journal-status');
  await expect.poll(() => running.journalCalls.filter((name) => name === 'review.quarter').length).toBe(reviews + 1);
  await expect.poll(() => running.journalCalls.filter((name) => name === 'review.overdue').length).toBe(2);
  await expect(panel.getByRole('listitem')).toHaveCount(100);
  expect(await panel.getByRole('listitem').getByRole('button').allTextContents()).toEqual(drawn);
  await panel.getByRole('button', { name: 'Show 20 more of 120 people overdue' }).click();
  await expect(panel.getByRole('listitem')).toHaveCount(120);
  await expect(panel.getByRole('button', { name: /Show \d+ more/ })).toHaveCount(0);
  expect(running.journalCalls.filter((name) => name === 'review.overdue')).toHaveLength(3);
  // Everyone once, none twice: the pages met where they should.
  const names = await panel.getByRole('listitem').getByRole('button').allTextContents();
  expect(new Set(names).size).toBe(120);
  expect(running.foreignRequests).toEqual([]);
});
