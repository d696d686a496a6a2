import type { Page } from 'playwright-core';
import type { CallInput, Interaction, Person } from '../../src-main/contract/contract.js';
import type { JournalSession as Journal } from '../../src-main/core/index.js';
import { test, expect, reloadApp } from './fixtures.js';

async function call<T>(journal: Journal, name: string, input: unknown = {}): Promise<T> {
  const result = await journal.call(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

const seedPerson = (journal: Journal, fields: CallInput<'people.create'>) => call<Person>(journal, 'people.create', fields);
const seedInteraction = (journal: Journal, fields: CallInput<'interactions.create'>) => call<Interaction>(journal, 'interactions.create', fields);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

async function seed(journal: Journal): Promise<{ ana: Person; ben: Person }> {
  const ana = await seedPerson(journal, { name: 'Ana Ruiz', organization: 'Northwind', role: 'CFO' });
  const ben = await seedPerson(journal, { name: 'Ben Okafor', organization: 'Contoso' });
  await seedInteraction(journal, { occurredAt: daysAgo(1), kind: 'coffee', title: 'Coffee at the corner', notes: 'Talked about her kids and the marathon.', personIds: [ana.id] });
  await seedInteraction(journal, {
    occurredAt: daysAgo(200),
    kind: 'meeting',
    title: 'Board prep',
    notes: 'She wants the board seat question settled before the offsite. <img src=x onerror=alert(1)>',
    personIds: [ana.id],
  });
  await seedInteraction(journal, {
    occurredAt: daysAgo(3),
    kind: 'call',
    title: 'Quick call',
    notes: 'The merger is off; told in confidence.',
    confidential: true,
    personIds: [ben.id],
  });
  // Enough newer entries that the old one is far down the timeline.
  for (let i = 0; i < 60; i += 1) {
    await seedInteraction(journal, { occurredAt: daysAgo(5 + i), kind: 'email', title: `Weekly note ${i}`, notes: 'Routine update.', personIds: [ben.id] });
  }
  return { ana, ben };
}

async function openSearch(app: Page): Promise<void> {
  await reloadApp(app, 'Timeline');
  await app.keyboard.press('Control+Shift+F');
  await expect(app.getByRole('heading', { name: 'Search', level: 1 })).toBeVisible();
}

test('search as you type shows highlighted results and opens one in context on the timeline', async ({ app, running }) => {
  await seed(running.journal);
  await openSearch(app);

  const box = app.getByRole('searchbox', { name: 'Search your journal' });
  await expect(box).toBeFocused();
  await box.pressSequentially('board seat');

  const conversations = app.getByRole('region', { name: /Conversations/ });
  const result = conversations.getByRole('button', { name: /Board prep/ });
  await expect(result).toBeVisible();
  await expect(result.locator('mark')).toHaveText(['Board', 'board', 'seat']);
  // The note's markup is shown as text, never run.
  await expect(result).toContainText('<img src=x onerror=alert(1)>');
  await expect(app.locator('img')).toHaveCount(0);

  await result.click();
  await expect(app.getByRole('heading', { name: 'Timeline', level: 1 })).toBeVisible();
  const entry = app.getByRole('article', { name: 'Board prep' });
  await expect(entry).toBeInViewport();
  await expect(entry).toHaveAttribute('data-spotlight', '');
});

test("the session's first misspelt search shows the fuzzy results once the typo vocabulary is read", async ({ app, running }) => {
  await seed(running.journal);
  await openSearch(app);
  // The core answers the first one at once, before it has read the index's words (typosPending); the
  // screen asks again and shows the corrections then, without another keystroke.
  await app.getByRole('searchbox', { name: 'Search your journal' }).pressSequentially('marathn');
  await expect(app.getByText(/Showing fuzzy results for “marathon”/)).toBeVisible();
  await expect(app.getByRole('region', { name: /Conversations/ }).getByRole('button', { name: /Coffee at the corner/ })).toBeVisible();
});

test('query errors are explained in words, and the people group opens a person', async ({ app, running }) => {
  await seed(running.journal);
  await openSearch(app);
  const box = app.getByRole('searchbox', { name: 'Search your journal' });

  await box.fill('kind:coffe marathon');
  await expect(app.getByRole('alert')).toContainText('kind: must be one of meeting, call, coffee');

  await box.fill('northwnd');
  const people = app.getByRole('region', { name: /People/ });
  await expect(people.getByRole('button', { name: /Ana Ruiz/ })).toContainText('near match');
  await box.fill('xyzzy');
  await expect(app.getByRole('heading', { name: 'No conversations mention “xyzzy”' })).toBeVisible();

  await box.fill('northwind');
  await people.getByRole('button', { name: /Ana Ruiz/ }).click();
  await expect(app.getByRole('heading', { name: 'Ana Ruiz', level: 1 })).toBeVisible();
});

test('a confidential note is not found until included, and its text never shows', async ({ app, running }) => {
  await seed(running.journal);
  await openSearch(app);
  const box = app.getByRole('searchbox', { name: 'Search your journal' });

  await box.fill('merger');
  await expect(app.getByRole('heading', { name: 'No conversations mention “merger”' })).toBeVisible();
  await expect(app.getByText('Confidential notes were not searched.')).toBeVisible();

  await app.getByRole('switch', { name: 'Include confidential notes' }).check();
  const result = app.getByRole('region', { name: /Conversations/ }).getByRole('button', { name: /Quick call/ });
  await expect(result).toContainText('Matched in confidential notes, hidden here');
  expect(await app.content()).not.toContain('told in confidence');
});

test('the command palette jumps to a person by a few letters, keyboard only', async ({ app, running }) => {
  await seed(running.journal);
  await reloadApp(app, 'Timeline');

  await app.keyboard.press('Control+k');
  const combobox = app.getByRole('combobox', { name: 'Go to a person, an association, a view or an action' });
  await expect(combobox).toBeFocused();
  await expect(app.getByRole('option', { name: /Log interaction/ })).toBeVisible();

  await app.keyboard.type('okafr');
  await expect(app.getByRole('option').first()).toContainText('Ben Okafor');
  await expect(app.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Ben Okafor', level: 1 })).toBeVisible();
  await expect(combobox).toBeHidden();

  await app.keyboard.press('Control+k');
  await app.keyboard.type('peop');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
});

test('the command palette reaches the reciprocity views, and a few letters list only names that start with them', async ({ app, running }) => {
  await seed(running.journal);
  await reloadApp(app, 'Timeline');

  await app.keyboard.press('Control+k');
  await app.keyboard.type('ana');
  const options = app.getByRole('option');
  await expect(options.first()).toContainText('Ana Ruiz');
  await expect(app.getByRole('option', { name: /Ben Okafor/ })).toHaveCount(0);

  await app.getByRole('combobox', { name: 'Go to a person, an association, a view or an action' }).fill('give first');
  await expect(options.first()).toContainText('Give first');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Reciprocity', level: 1 })).toBeVisible();
  await expect(app.getByRole('tab', { name: /^Give first/ })).toHaveAttribute('aria-selected', 'true');
});

test('a misspelt association name finds it in search and opens its page; the palette jumps to one too', async ({ app, running }) => {
  const { ana } = await seed(running.journal);
  const circle = await call<{ id: number }>(running.journal, 'associations.create', { name: 'Product Leaders Circle', category: 'function' });
  await call(running.journal, 'associations.create', { name: 'Design Guild', category: 'skill' });
  await seedInteraction(running.journal, { occurredAt: daysAgo(2), kind: 'event', title: 'Circle roundtable', personIds: [ana.id], associationId: circle.id });
  await openSearch(app);

  const box = app.getByRole('searchbox', { name: 'Search your journal' });
  await box.pressSequentially('circel');
  const associations = app.getByRole('region', { name: /Associations/ });
  const result = associations.getByRole('button', { name: /Product Leaders Circle/ });
  await expect(result).toBeVisible();
  await expect(result).toContainText('near match');
  await expect(result.locator('mark')).toHaveText(['Circle']);
  await expect(associations.getByRole('button', { name: /Design Guild/ })).toHaveCount(0);
  // The keyboard walks into the group, and Enter opens the association.
  await app.keyboard.press('ArrowDown');
  await expect(result).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Product Leaders Circle', level: 1 })).toBeVisible();

  // The filter keeps the association's events.
  await app.keyboard.press('Control+Shift+F');
  // Results come as you type; Enter would open the best one once they are in, so none is pressed here.
  await box.fill('association:circel');
  await expect(app.getByRole('region', { name: /Conversations/ }).getByRole('button')).toHaveText([/Circle roundtable/]);

  await app.keyboard.press('Control+k');
  await app.keyboard.type('design gild');
  const first = app.getByRole('option').first();
  await expect(first).toContainText('Design Guild');
  await expect(first).toContainText('Association');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Design Guild', level: 1 })).toBeVisible();

  await app.keyboard.press('Control+k');
  await expect(app.getByRole('option', { name: /Quarterly review/ })).toBeVisible();
  await app.keyboard.type('quarterly');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: 'Quarterly review', level: 1 })).toBeVisible();
});

test('a match far into a long note, after a long link, is shown in the result at 1024×640, marked and in view', async ({ app, running }) => {
  await app.setViewportSize({ width: 1024, height: 640 });
  const ana = await seedPerson(running.journal, { name: 'Ana Ruiz' });
  const words = Array.from({ length: 300 }, (_, i) => `point${i}`).join(' ');
  await seedInteraction(running.journal, {
    occurredAt: daysAgo(2),
    kind: 'meeting',
    title: 'Long planning notes',
    notes: `${words} see https://wiki.example.com/${'x'.repeat(1500)} then the kubernetes migration came up. ${words}`,
    personIds: [ana.id],
  });
  await openSearch(app);
  await app.getByRole('searchbox', { name: 'Search your journal' }).pressSequentially('kubernetes');
  const result = app.getByRole('region', { name: /Conversations/ }).getByRole('button', { name: /Long planning notes/ });
  const mark = result.locator('mark');
  await expect(mark).toHaveText(['kubernetes']);
  await expect(mark).toBeInViewport();
  // Short: the result is a few lines, not the note.
  expect((await result.boundingBox())!.height).toBeLessThan(200);
});
