import type { Page } from 'playwright-core';
import type { Person } from '../../src-main/contract/contract.js';
import type { JournalSession as Journal } from '../../src-main/core/index.js';
import { test, expect, reloadApp } from './fixtures.js';

// "Give before you ask", as a user runs it: log what was given and asked right after a meeting, watch the
// ledger and the queues move, say thanks, keep a promise.

async function call<T>(journal: Journal, name: string, input: unknown = {}): Promise<T> {
  const result = await journal.call(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
function dayOffset(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

async function openReciprocity(app: Page): Promise<void> {
  await reloadApp(app, 'Timeline');
  await app.keyboard.press('Control+3');
  await expect(app.getByRole('heading', { name: 'Reciprocity', level: 1 })).toBeVisible();
}

test('log a meeting with a give and an ask; the ledger, give first and thanks owed follow; logging thanks clears it', async ({ app, running }) => {
  const ana = await call<Person>(running.journal, 'people.create', { name: 'Ana Ruiz', allyRole: 'mentor', organization: 'Northwind' });
  await call(running.journal, 'exchanges.create', {
    direction: 'received', kind: 'introduction', description: 'Intro to the Northwind CFO', occurredAt: daysAgo(10), personIds: [ana.id],
  });
  await openReciprocity(app);

  // Before: Ana helped and got nothing back, and the help is not thanked.
  await app.getByRole('tab', { name: /Give first/ }).click();
  const giveFirst = app.getByRole('list', { name: 'Give first' });
  await expect(giveFirst.getByRole('listitem')).toHaveCount(1);
  await expect(giveFirst).toContainText('Ana Ruiz');
  await expect(giveFirst).toContainText('Helped you once since');
  await app.getByRole('tab', { name: /Thanks owed/ }).click();
  await expect(app.getByRole('list', { name: 'Thanks owed' })).toContainText('Intro to the Northwind CFO');
  await expect(app.getByRole('list', { name: 'Thanks owed' })).toContainText('over a week');

  // The minute after the meeting: what I gave and what I asked, in the same dialog.
  await app.keyboard.press('Control+n');
  const dialog = app.getByRole('dialog', { name: 'Log interaction' });
  const people = dialog.getByRole('combobox', { name: 'People' });
  await people.pressSequentially('Ana');
  await people.press('Enter');
  await expect(dialog.getByRole('list', { name: 'People you met' })).toContainText('Ana Ruiz');
  await dialog.getByRole('button', { name: '+ I gave' }).click();
  await expect(dialog.getByLabel('What I gave')).toBeFocused();
  await dialog.getByLabel('What I gave').fill('Sent the pricing-experiments article');
  await dialog.getByLabel('Kind of help given').selectOption('resource');
  await dialog.getByRole('button', { name: '+ Ask' }).click();
  await dialog.getByLabel('The ask').fill('Feedback on the board deck');

  // The before-you-ask check appears right there, informing and not blocking.
  const check = dialog.getByRole('region', { name: 'Before you ask' });
  await expect(check).toContainText('They gave');
  await expect(check).toContainText('1 time, last: Intro to the Northwind CFO');
  // The give written in this same form counts already.
  await expect(check).toContainText('You gave');
  await expect(check).toContainText('1 time, last: Sent the pricing-experiments article (in this entry)');
  await dialog.getByLabel('The ask').press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('status').getByText('Logged “Meeting with Ana Ruiz”')).toBeVisible();

  // The ledger: one each way, even.
  await app.getByRole('tab', { name: 'Ledger' }).click();
  const row = app.getByRole('table', { name: 'Reciprocity ledger' }).getByRole('row', { name: /Ana Ruiz/ });
  await expect(row.getByRole('cell')).toHaveText([/Ana Ruiz/, '1', '1', /^0/, 'Today', 'Today', /Flow with Ana Ruiz/]);
  await expect(row.getByRole('img')).toHaveAccessibleName(/you gave 1, received 1/);

  // Give first no longer lists her: I gave this week.
  await app.getByRole('tab', { name: /Give first/ }).click();
  await expect(app.getByRole('heading', { name: 'No one is waiting on you' })).toBeVisible();

  // One action logs the thanks, and the queue is clear.
  await app.getByRole('tab', { name: /Thanks owed/ }).click();
  await app.getByRole('button', { name: 'Log thanks to Ana Ruiz for Intro to the Northwind CFO' }).click();
  await expect(app.getByRole('status').getByText('Logged your thanks to Ana Ruiz')).toBeVisible();
  await expect(app.getByRole('heading', { name: 'No thanks owed' })).toBeVisible();
  const timeline = await call<{ entries: { title: string }[] }>(running.journal, 'interactions.timeline', { personId: ana.id });
  expect(timeline.entries.map((entry) => entry.title)).toContain('Thanked Ana for intro to the Northwind CFO');
});

test('a commitment becomes overdue, then done, and the follow-through rate counts it', async ({ app, running }) => {
  const ana = await call<Person>(running.journal, 'people.create', { name: 'Ana Ruiz' });
  await call(running.journal, 'interactions.create', { occurredAt: daysAgo(20), kind: 'coffee', title: 'Coffee with Ana', personIds: [ana.id] });
  // Promised three weeks ago, due five days ago: seeded through the real core.
  await call(running.journal, 'commitments.create', { direction: 'i-owe', personId: ana.id, description: 'Send the onboarding checklist', dueOn: dayOffset(-5) });
  await call(running.journal, 'commitments.create', { direction: 'owed-to-me', personId: ana.id, description: 'Intro to her ops lead', dueOn: dayOffset(3) });
  await openReciprocity(app);

  await expect(app.getByRole('tab', { name: /Commitments/ })).toContainText('2');
  await app.getByRole('tab', { name: /Commitments/ }).click();
  const owe = app.getByRole('list', { name: 'I owe' });
  await expect(owe).toContainText('Send the onboarding checklist');
  await expect(owe).toContainText('5 days overdue');
  await expect(app.getByRole('list', { name: 'Owed to me' })).toContainText('Due in 3 days');
  await expect(app.getByText('Overdue', { exact: true }).locator('..')).toContainText('1 promise');

  await owe.getByRole('button', { name: 'Done: “Send the onboarding checklist”' }).click();
  await expect(app.getByRole('status').getByText('Marked “Send the onboarding checklist” done')).toBeVisible();
  await expect(app.getByText('No open promises. Nice.')).toBeVisible();
  // Done today, five days late: due this quarter, not on time.
  const rates = await call<{ commitments: { followThrough: { due: number; doneOnTime: number }[] } }>(running.journal, 'reciprocity.queues');
  expect(rates.commitments.followThrough.reduce((sum, q) => sum + q.due, 0)).toBe(1);
  expect(rates.commitments.followThrough.reduce((sum, q) => sum + q.doneOnTime, 0)).toBe(0);
});

test('the check before an ask names the first three open promises and asks, and shows the rest on request', async ({ app, running }) => {
  const ana = await call<Person>(running.journal, 'people.create', { name: 'Ana Ruiz' });
  for (let i = 1; i <= 5; i += 1) {
    await call(running.journal, 'commitments.create', { direction: 'i-owe', personId: ana.id, description: `Promise ${i}`, dueOn: dayOffset(i) });
  }
  for (let i = 1; i <= 4; i += 1) {
    await call(running.journal, 'asks.create', { direction: 'i-asked', description: `Ask ${i}`, askedAt: daysAgo(i), personIds: [ana.id] });
  }
  await reloadApp(app);
  await app.keyboard.press('Control+2');
  await app.getByRole('button', { name: 'Ana Ruiz', exact: true }).click();
  const check = app.getByRole('region', { name: 'Before you ask' });
  await expect(check).toContainText('5 promises: Promise 1');
  await expect(check).toContainText('4 asks: Ask');
  const owed = await check.getByRole('listitem').filter({ hasText: 'You still owe' }).innerText();
  expect(owed.match(/Promise \d/g)).toHaveLength(3);
  const asks = await check.getByRole('listitem').filter({ hasText: 'Already open' }).innerText();
  expect(asks.match(/Ask \d/g)).toHaveLength(3);

  // Keyboard: the button is reached and pressed like any other; the full list replaces it.
  await check.getByRole('button', { name: 'Show all 5 you owe' }).focus();
  await app.keyboard.press('Enter');
  await expect(check.getByRole('button', { name: 'Show all 5 you owe' })).toHaveCount(0);
  for (let i = 1; i <= 5; i += 1) await expect(check).toContainText(`Promise ${i}`);
  await check.getByRole('button', { name: 'Show all 4 open asks' }).click();
  for (let i = 1; i <= 4; i += 1) await expect(check).toContainText(`Ask ${i}`);
});

test('the person page shows the give and take, plans an ask with the check, and merges a duplicate', async ({ app, running }) => {
  const ana = await call<Person>(running.journal, 'people.create', { name: 'Ana Ruiz' });
  const dup = await call<Person>(running.journal, 'people.create', { name: 'Ana R.' });
  await call(running.journal, 'exchanges.create', { direction: 'gave', kind: 'advice', description: 'Hiring rubric', occurredAt: daysAgo(30), personIds: [ana.id] });
  await call(running.journal, 'exchanges.create', { direction: 'received', kind: 'referral', description: 'Referred a designer', occurredAt: daysAgo(12), personIds: [dup.id] });
  await reloadApp(app);
  await app.keyboard.press('Control+2');
  await app.getByRole('button', { name: 'Ana R.', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Ana R.', level: 1 })).toBeVisible();
  const section = app.getByRole('region', { name: 'Give and take' });
  await expect(section).toContainText('You gave 0 · they gave 1');

  await app.getByRole('button', { name: 'Merge…' }).click();
  const merge = app.getByRole('dialog', { name: 'Merge Ana R. into…' });
  await merge.getByRole('combobox', { name: 'Person to keep' }).fill('ana r');
  await merge.getByRole('option', { name: /Ana Ruiz/ }).click();
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(app.getByRole('heading', { name: 'Ana Ruiz', level: 1 })).toBeVisible();
  await expect(app.getByRole('region', { name: 'Give and take' })).toContainText('You gave 1 · they gave 1 · balance 0');

  await app.getByRole('region', { name: 'Give and take' }).getByRole('button', { name: 'Plan an ask' }).click();
  const plan = app.getByRole('dialog', { name: 'Plan an ask' });
  await expect(plan.getByRole('region', { name: 'Before you ask' })).toContainText('1 time, last: Hiring rubric');
  await plan.getByLabel('The ask').fill('A reference for the board seat');
  await plan.getByRole('button', { name: 'Save' }).click();
  await expect(plan).toBeHidden();
  await expect(app.getByRole('region', { name: 'Give and take' })).toContainText('A reference for the board seat');
});

test('a person helped often shows six gives and receives, then fifty more at a time from the core', async ({ app, running }) => {
  const ana = await call<Person>(running.journal, 'people.create', { name: 'Ana Ruiz' });
  for (let i = 0; i < 60; i++) {
    await call(running.journal, 'exchanges.create', { direction: i % 2 ? 'gave' : 'received', kind: 'advice', description: `Help ${i + 1}`, occurredAt: daysAgo(100 - i), personIds: [ana.id] });
  }
  await reloadApp(app);
  await app.keyboard.press('Control+2');
  await app.getByRole('button', { name: 'Ana Ruiz', exact: true }).click();
  const given = app.getByRole('region', { name: 'Given and received' });
  const items = given.getByRole('listitem');
  await expect(items).toHaveCount(6);
  await expect(items.first()).toContainText('Help 60'); // newest first
  // The balance is over all sixty, not the page.
  await expect(app.getByRole('region', { name: 'Give and take' })).toContainText('You gave 30 · they gave 30 · balance 0');

  const more = given.getByRole('button', { name: 'Show 50 more of 60 gives and receives' });
  await more.focus();
  await app.keyboard.press('Enter');
  await expect(items).toHaveCount(56);
  // The person's page brought fifty; the rest was read on from the core when asked for.
  const pages = () => running.journalCalls.filter((name) => name === 'reciprocity.exchanges').length;
  expect(pages()).toBe(1);
  const rest = given.getByRole('button', { name: 'Show 4 more of 60 gives and receives' });
  await expect(rest).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(items).toHaveCount(60);
  await expect(items.last()).toContainText('Help 1');
  await expect(given.getByRole('button', { name: /Show \d+ more/ })).toHaveCount(0);
  expect(pages()).toBe(2);
});

test('a long ledger comes a window at a time: sorted and filtered by the core, the next rows as it scrolls', async ({ app, running }) => {
  test.setTimeout(120_000); // writing 230 people and their gives through the API takes a while on a busy machine
  // 205 people I gave to: more than one window (200). Person n received n % 3 + 1 gives; every third is a mentor.
  for (let n = 1; n <= 205; n += 1) {
    const person = await call<Person>(running.journal, 'people.create', { name: `Person ${String(n).padStart(3, '0')}`, allyRole: n % 3 === 0 ? 'mentor' : null });
    for (let k = 0; k <= n % 3; k += 1) {
      await call(running.journal, 'exchanges.create', { direction: 'gave', kind: 'advice', description: `Advice ${k}`, occurredAt: daysAgo(10 + k), personIds: [person.id] });
    }
  }
  await openReciprocity(app);
  await app.getByRole('tab', { name: 'Ledger' }).click();
  const table = app.getByRole('table', { name: 'Reciprocity ledger' });
  const rows = table.getByRole('row');
  // The header and the first window of 200.
  await expect(rows).toHaveCount(201);
  await expect(app.getByRole('button', { name: 'Show more (5 left)' })).toBeAttached();

  // The button at the end brings the rest (as scrolling it into view does: see below). Pressed where it
  // is: a click would first scroll it into view, which fetches the rest by itself and races the press.
  await app.getByRole('button', { name: /Show more/ }).dispatchEvent('click');
  await expect(rows).toHaveCount(206);
  await expect(app.getByRole('button', { name: /Show more/ })).toHaveCount(0);
  await rows.last().scrollIntoViewIfNeeded();

  // Sorted by Gave, most first, across every person (not only the rows already shown).
  await table.getByRole('button', { name: 'Gave' }).click();
  await expect(table.getByRole('columnheader', { name: 'Gave' })).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.nth(1).getByRole('cell').nth(1)).toHaveText('3');
  await expect(rows.nth(1)).toContainText('Person 002');
  // The re-sorted ledger starts again from one window; its end is in view (we were at the bottom), so
  // the rest follows without a press.
  await expect(rows).toHaveCount(206);

  // A filter narrows what the core sends: 68 mentors, one window.
  await app.getByLabel('Filter by ally role').selectOption('mentor');
  await expect(app.getByRole('status').getByText('68 of 205')).toBeVisible();
  await expect(rows).toHaveCount(69);
});

test('a long queue draws fifty at a time, counts the whole of it, and shows the rest when asked', async ({ app, running }) => {
  const ana = await call<Person>(running.journal, 'people.create', { name: 'Ana Ruiz' });
  for (let i = 0; i < 57; i++) {
    await call(running.journal, 'exchanges.create', { direction: 'received', kind: 'advice', description: `Help ${i + 1}`, occurredAt: daysAgo(200 - i), personIds: [ana.id] });
  }
  await openReciprocity(app);
  await app.getByRole('tab', { name: /Thanks owed/ }).click();
  await expect(app.getByRole('tab', { name: /Thanks owed/ })).toContainText('57');
  const owed = app.getByRole('list', { name: 'Thanks owed' });
  await expect(owed.getByRole('listitem')).toHaveCount(50);
  await expect(owed.getByRole('listitem').first()).toContainText('Help 1'); // oldest first, as before
  // The core sent that one list's first window, not every queue (4.9 MB at a million interactions).
  const queueReads = () => running.journalCalls.filter((name) => name === 'reciprocity.queue').length;
  expect(running.journalCalls).not.toContain('reciprocity.queues');
  const read = queueReads();
  expect(read).toBeGreaterThan(0);

  const more = app.getByRole('button', { name: 'Show 7 more of 57 thanks owed' });
  await more.focus();
  await app.keyboard.press('Enter');
  await expect(owed.getByRole('listitem')).toHaveCount(57);
  await expect(owed.getByRole('listitem').last()).toContainText('Help 57');
  await expect(more).toHaveCount(0);
  // The rest was read on from the core when asked for, not held back in the screen.
  expect(queueReads()).toBeGreaterThan(read);
});

test('the ledger tab asks only for the queues’ sizes; a queue’s rows come when its tab opens; the log form asks only about its people', async ({ app, running }) => {
  const ana = await call<Person>(running.journal, 'people.create', { name: 'Ana Ruiz' });
  const bo = await call<Person>(running.journal, 'people.create', { name: 'Bo Lindqvist' });
  await call(running.journal, 'exchanges.create', { direction: 'received', kind: 'advice', description: 'Advice on the reorg', occurredAt: daysAgo(10), personIds: [ana.id] });
  await call(running.journal, 'exchanges.create', { direction: 'received', kind: 'referral', description: 'Referred a designer', occurredAt: daysAgo(3), personIds: [bo.id] });
  await openReciprocity(app);
  await expect(app.getByRole('tab', { name: /Thanks owed/ })).toContainText('2');
  await expect(app.getByRole('definition').filter({ hasText: /^2\s*1 late$/ })).toBeVisible();
  expect(running.journalCalls).toContain('reciprocity.queueSummary');
  expect(running.journalCalls).not.toContain('reciprocity.queues');

  await app.getByRole('tab', { name: /Thanks owed/ }).click();
  await expect(app.getByRole('list', { name: 'Thanks owed' }).getByRole('listitem')).toHaveCount(2);
  expect(running.journalCalls).toContain('reciprocity.queue');
  expect(running.journalCalls).not.toContain('reciprocity.queues');

  // Logging with Ana offers to tick off her help, not Bo's, and never reads every queue for it.
  running.journalCalls.length = 0;
  await app.keyboard.press('Control+n');
  const dialog = app.getByRole('dialog', { name: 'Log interaction' });
  await dialog.getByRole('combobox', { name: 'People' }).fill('Ana Ruiz');
  await dialog.getByRole('combobox', { name: 'People' }).press('Enter');
  const thanks = dialog.getByRole('group', { name: 'Thanks said in this interaction' });
  await expect(thanks.getByRole('checkbox')).toHaveCount(1);
  await expect(thanks).toContainText('Advice on the reorg');
  await expect(thanks).not.toContainText('Referred a designer');
  expect(running.journalCalls).toContain('reciprocity.thanksOwed');
  expect(running.journalCalls).not.toContain('reciprocity.queues');
  expect(running.journalCalls).not.toContain('reciprocity.queue');
});
