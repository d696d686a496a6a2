import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import type { AssociationDetail, Person } from '../../src-main/contract/contract.js';
import type { JournalSession as Journal } from '../../src-main/core/index.js';
import { test, expect, reloadApp } from './fixtures.js';

// Habit 8, as a user runs it: try three associations, choose one to focus on, attend its events every
// quarter, and review the quarter, exporting the review without a word of confidential notes.

async function call<T>(journal: Journal, name: string, input: unknown = {}): Promise<T> {
  const result = await journal.call(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

/** A day in the previous calendar quarter (local time), `back` days before this quarter began, at 18:00. */
function lastQuarter(back: number): string {
  const now = new Date();
  const start = new Date(now.getFullYear(), Math.floor(now.getMonth() / 3) * 3, 1);
  return new Date(start.getFullYear(), start.getMonth(), start.getDate() - back, 18, 0).toISOString();
}
const label = (iso: string) => {
  const date = new Date(iso);
  return `Q${Math.floor(date.getMonth() / 3) + 1} ${date.getFullYear()}`;
};

async function openAssociations(app: Page): Promise<void> {
  await reloadApp(app, 'Timeline');
  await app.keyboard.press('Control+4');
  await expect(app.getByRole('heading', { name: 'Associations', level: 1 })).toBeVisible();
}

async function addAssociation(app: Page, name: string, category: string): Promise<void> {
  const dialog = app.getByRole('dialog', { name: 'New association' });
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Category').selectOption(category);
  await dialog.getByRole('button', { name: 'Add association' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('button', { name, exact: true })).toBeVisible();
}

test('try three associations, choose a focus, log an event there: the quarter’s goal is met and the streak starts', async ({ app, running }) => {
  await call<Person>(running.journal, 'people.create', { name: 'Ravi Subramaniam' });
  await openAssociations(app);
  await expect(app.getByRole('heading', { name: 'No associations yet' })).toBeVisible();

  await app.getByRole('button', { name: 'Add the first association' }).click();
  await addAssociation(app, 'Product Leaders Circle', 'function');
  for (const [name, category] of [['Women in Product', 'function'], ['Digital Health Product Guild', 'industry'], ['Health Data Forum', 'industry']] as const) {
    await app.getByRole('button', { name: 'New association' }).click();
    await addAssociation(app, name, category);
  }

  // Narrow to three: the fourth on the shortlist is allowed only after reading why not.
  const shortlisted = app.getByRole('region', { name: /Shortlisted/ });
  for (const name of ['Product Leaders Circle', 'Women in Product', 'Digital Health Product Guild']) {
    await app.getByLabel(`Stage of ${name}`).selectOption('shortlisted');
    await expect(shortlisted.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expect(shortlisted).toContainText('3 of 3');
  await app.getByLabel('Stage of Health Data Forum').selectOption('shortlisted');
  const warning = app.getByRole('dialog', { name: 'Shortlist more than three?' });
  await expect(warning).toContainText('narrow the list to three');
  await warning.getByRole('button', { name: 'Cancel' }).click();
  await expect(warning).toBeHidden();
  await expect(app.getByLabel('Stage of Health Data Forum')).toHaveValue('exploring');

  // Choose the focus; a second focus asks to move the first.
  await app.getByLabel('Stage of Product Leaders Circle').selectOption('focus');
  const focus = app.getByRole('region', { name: /Focus/ });
  await expect(focus.getByRole('button', { name: 'Product Leaders Circle' })).toBeVisible();
  await expect(focus).toContainText('0 of 1 event');
  await app.getByLabel('Stage of Women in Product').selectOption('focus');
  const change = app.getByRole('dialog', { name: 'Change your focus?' });
  await expect(change).toContainText('“Product Leaders Circle” is your focus now');
  await change.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.getByLabel('Stage of Women in Product')).toHaveValue('shortlisted');

  // Log an event at the focus, from its page, in the same quick flow as any interaction.
  await focus.getByRole('button', { name: 'Product Leaders Circle' }).click();
  await expect(app.getByRole('heading', { name: 'Product Leaders Circle', level: 1 })).toBeVisible();
  await expect(app.getByText('No events logged here yet.')).toBeVisible();
  await app.getByRole('button', { name: 'Log an event' }).click();
  const log = app.getByRole('dialog', { name: 'Log interaction' });
  await expect(log.getByRole('radio', { name: 'Event' })).toBeChecked();
  await expect(log.getByLabel('Association')).toHaveValue(/\d+/);
  await expect(log.getByLabel('Association').locator('option:checked')).toHaveText('Product Leaders Circle (focus)');
  const people = log.getByRole('combobox', { name: 'People' });
  await people.pressSequentially('Ravi');
  await people.press('Enter');
  await log.getByLabel('Title').fill('Circle autumn session');
  await log.getByRole('button', { name: 'Save' }).click();
  await expect(log).toBeHidden();

  const strip = app.getByRole('list', { name: 'Attendance, the last eight quarters' });
  await expect(app.getByText('1 of 1 event')).toBeVisible();
  await expect(app.getByRole('definition').filter({ hasText: 'quarter met' })).toHaveText('1 quarter met');
  await expect(strip.getByRole('img', { name: /: 1 of 1 event, met$/ })).toHaveCount(1);
  await expect(app.getByRole('list').filter({ hasText: 'Circle autumn session' })).toContainText('Ravi Subramaniam');
  await expect(app.getByRole('region', { name: 'People met there' })).toContainText('Ravi Subramaniam');

  // Back on the funnel: met, and a one-quarter streak.
  await app.keyboard.press('Control+4');
  await expect(focus).toContainText('Met');
  await expect(focus).toContainText('1-quarter streak');
  expect(running.foreignRequests).toEqual([]);
});

test('the review of a past quarter shows its counts, and its Markdown export has no confidential text', async ({ app, running }) => {
  const { journal } = running;
  const ada = await call<Person>(journal, 'people.create', { name: 'Ada Obi' });
  const bo = await call<Person>(journal, 'people.create', { name: 'Bo Lindqvist' });
  const circle = await call<AssociationDetail>(journal, 'associations.create', { name: 'Product Leaders Circle', category: 'function', status: 'focus', now: lastQuarter(40) });
  const at = lastQuarter(20);
  await call(journal, 'interactions.create', {
    occurredAt: at, kind: 'event', title: 'Circle summer roundtable', associationId: circle.id, personIds: [ada.id], confidential: true,
    notes: 'CONFIDENTIAL-NOTE: the reorg happens in March.',
    exchanges: [{ direction: 'received', kind: 'advice', description: 'SECRET-ADVICE about the reorg' }],
  });
  await call(journal, 'interactions.create', {
    occurredAt: lastQuarter(10), kind: 'coffee', title: 'Coffee with Bo', personIds: [bo.id], notes: 'Ordinary notes stay home too.',
    exchanges: [{ direction: 'gave', kind: 'introduction', description: 'Intro to Ada' }],
  });

  await reloadApp(app, 'Timeline');
  await app.keyboard.press('Control+5');
  await expect(app.getByRole('heading', { name: 'Quarterly review', level: 1 })).toBeVisible();
  await app.getByRole('button', { name: 'Previous quarter' }).click();
  await expect(app.getByLabel('Quarter', { exact: true })).toHaveValue(/^\d{4}-Q[1-4]$/);
  await expect(app.getByLabel('Quarter', { exact: true }).locator('option:checked')).toHaveText(label(at));

  const attendance = app.getByRole('region', { name: 'Associations' });
  await expect(attendance).toContainText('Product Leaders Circle');
  await expect(attendance).toContainText('1 of 1 event');
  await expect(attendance).toContainText('Met');
  const stats = app.getByRole('definition');
  await expect(app.getByRole('term').filter({ hasText: 'Interactions' })).toBeVisible();
  await expect(stats.filter({ hasText: /event/ }).first()).toHaveText('2 1 event');
  await expect(stats.filter({ hasText: 'seen' })).toHaveText('2 of 2 seen');
  await expect(app.getByRole('region', { name: 'New people met' })).toContainText('Ada Obi');
  await expect(app.getByRole('region', { name: 'New people met' })).toContainText('at Product Leaders Circle');
  await expect(app.getByRole('region', { name: 'Thanks owed' })).toContainText('SECRET-ADVICE');
  await expect(app.getByRole('table')).toContainText('Product Leaders Circle');

  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Export as Markdown' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^confidant-review-\d{4}-Q[1-4]\.md$/);
  const markdown = await readFile((await file.path())!, 'utf8');
  expect(markdown).toContain(`# Quarterly review: ${label(at)}`);
  expect(markdown).toContain('| Product Leaders Circle | focus | 1 | 1 | Met |');
  expect(markdown).toContain('Interactions logged: 2');
  expect(markdown).toContain('(from a confidential entry)');
  for (const secret of ['CONFIDENTIAL-NOTE', 'reorg', 'SECRET-ADVICE', 'Ordinary notes']) expect(markdown).not.toContain(secret);
  expect(running.foreignRequests).toEqual([]);
});

test('a review panel with many people draws fifty, counts them all, and shows the rest when asked', async ({ app, running }) => {
  const { journal } = running;
  // 53 people met for the first time this quarter, and 52 in the quarter before.
  const now = new Date();
  const lastQuarter = new Date(now.getFullYear(), Math.floor(now.getMonth() / 3) * 3 - 3, 15, 12);
  for (let i = 0; i < 53; i++) {
    const person = await call<Person>(journal, 'people.create', { name: `Guest ${String(i + 1).padStart(2, '0')}` });
    await call(journal, 'interactions.create', { occurredAt: new Date(Date.now() - (i + 1) * 60_000).toISOString(), kind: 'coffee', title: `Coffee ${i + 1}`, personIds: [person.id] });
  }
  for (let i = 0; i < 52; i++) {
    const person = await call<Person>(journal, 'people.create', { name: `Earlier ${String(i + 1).padStart(2, '0')}` });
    await call(journal, 'interactions.create', { occurredAt: new Date(lastQuarter.getTime() + i * 60_000).toISOString(), kind: 'coffee', title: `Earlier coffee ${i + 1}`, personIds: [person.id] });
  }
  await reloadApp(app, 'Timeline');
  await app.keyboard.press('Control+5');
  const panel = app.getByRole('region', { name: 'New people met' });
  await expect(panel.getByRole('listitem')).toHaveCount(50);
  await expect(app.getByRole('definition').filter({ hasText: /^53/ }).first()).toBeVisible();
  await panel.getByRole('button', { name: 'Show 3 more of 53 new people' }).click();
  await expect(panel.getByRole('listitem')).toHaveCount(53);
  await expect(panel.getByRole('button', { name: /^Show \d+ more/ })).toHaveCount(0);

  // The quarter before opens at fifty again, not at the rows shown in this one.
  await app.getByRole('button', { name: 'Previous quarter' }).click();
  await expect(panel.getByRole('button', { name: 'Show 2 more of 52 new people' })).toBeVisible();
  await expect(panel.getByRole('listitem')).toHaveCount(50);
  await app.getByRole('button', { name: 'Next quarter' }).click();
  await expect(panel.getByRole('button', { name: 'Show 3 more of 53 new people' })).toBeVisible();
});

test('an association with many events shows the newest fifty and reads older ones a page at a time', async ({ app, running }) => {
  const { journal } = running;
  const circle = await call<AssociationDetail>(journal, 'associations.create', { name: 'Product Leaders Circle', category: 'function' });
  const ana = await call<Person>(journal, 'people.create', { name: 'Ana Ruiz' });
  for (let i = 0; i < 62; i++) {
    await call(journal, 'interactions.create', { occurredAt: new Date(Date.now() - (i + 1) * 86_400_000).toISOString(), kind: 'event', title: `Chapter meeting ${i + 1}`, associationId: circle.id, personIds: [ana.id] });
  }
  await openAssociations(app);
  await app.getByRole('button', { name: 'Product Leaders Circle', exact: true }).click();
  const events = app.getByRole('region', { name: 'Events attended' });
  await expect(events.getByRole('listitem')).toHaveCount(50);
  await expect(events.getByRole('listitem').first()).toContainText('Chapter meeting 1');
  // Everyone met there is counted over all of them, not only the events shown.
  await expect(app.getByRole('region', { name: 'People met there' }).getByRole('listitem')).toHaveText([/Ana Ruiz\s*62 events/]);
  await events.getByRole('button', { name: 'Show 12 more of 62 events' }).click();
  await expect(events.getByRole('listitem')).toHaveCount(62);
  await expect(events.getByRole('listitem').last()).toContainText('Chapter meeting 62');
  await expect(events.getByRole('button', { name: /^Show \d+ more/ })).toHaveCount(0);
});
