// Meetings to log, as a user meets them: export the calendar to a file, import it, and the week's
// meetings wait to be logged; today's is the first thing on the timeline, logged in a few keystrokes.
// The page's clock and zone are fixed (Thursday 12 March 2026, 18:00 in London), and the core is asked
// as of that same instant, because the renderer passes its "now" to every call that depends on it.
process.env.TZ = 'Europe/London';
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { test as base, expect } from '@playwright/test';
import type { Page } from 'playwright-core';
import { launchApp, type RunningApp, reloadApp } from './harness.js';

const NOW = '2026-03-12T18:00:00.000Z';
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'calendar');

const test = base.extend<{ running: RunningApp; app: Page }>({
  running: async ({ context }, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'confidant-e2e-'));
    const running = await launchApp(context, join(dir, 'journal.sqlite'), { now: NOW });
    await use(running);
    await running.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  },
  app: async ({ running }, use) => use(running.page),
});
test.use({ timezoneId: 'Europe/London' });

async function seed(running: RunningApp): Promise<void> {
  for (const input of [
    { name: 'Maya Lindqvist', organization: 'Contoso' },
    { name: 'Rohan Garg', organization: 'Northwind', emails: [{ email: 'rohan.garg@northwind.example', label: 'work' }] },
    { name: 'Priya Raman' },
    { name: "Declan O'Neil" },
  ]) {
    const result = await running.journal.call('people.create', input);
    if (!result.ok) throw new Error(result.error.message);
  }
  await reloadApp(running.page, 'Timeline');
}

test('the week from two exported calendars waits to be logged; one is logged from the keyboard and leaves the list', async ({ app, running }) => {
  await seed(running);
  await app.keyboard.press('Control+6');
  await expect(app.getByRole('heading', { name: 'Meetings to log', level: 1 })).toBeVisible();
  await expect(app.getByRole('heading', { name: 'No calendar yet' })).toBeVisible();

  await app.getByLabel('Your own emails').fill('alex.morgan@contoso.example');
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByText('Your emails are saved')).toBeVisible();
  await app.getByLabel('Import an .ics file').setInputFiles(join(fixtures, 'google-alex.ics'));
  await expect(app.getByRole('status').filter({ hasText: 'read from google-alex.ics' })).toContainText('left out 1 all-day, 1 cancelled and 1 declined');
  await app.getByLabel('Import an .ics file').setInputFiles(join(fixtures, 'outlook-alex.ics'));
  await expect(app.getByRole('listitem').filter({ hasText: 'Imported outlook-alex.ics' })).toBeVisible();

  const list = app.getByRole('list', { name: 'Meetings to log', exact: true });
  const rows = list.locator('[data-meeting-row]');
  await expect(rows.locator('.title')).toHaveText([
    'Design review: onboarding flow',
    'Coffee with Priya',
    'Rohan / Alex 1:1 (moved)',
    'Quarterly sync: Seattle partnership',
    'Staff meeting (moved to 11:00)',
  ]);
  await expect(app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^To log/ })).toContainText('5');
  // The in-app reminders: the same list the notifications come from, with names.
  await expect(app.getByRole('region', { name: 'Reminders' }).getByRole('button', { name: /1 meeting from today to log/ })).toContainText('Design review: onboarding flow');
  // London times, whatever zone the invitation was written in.
  await expect(rows.nth(2)).toContainText('15:30–16:00');
  await expect(rows.nth(3)).toContainText('15:00–15:45');
  // Sam Okafor is offered, not added; Rohan is matched by email, Priya by the name in her address.
  const design = rows.nth(0);
  await expect(design.getByRole('list', { name: 'Attendees' })).toContainText('Maya Lindqvist');
  await expect(design.getByRole('button', { name: 'Add Sam Okafor' })).toBeVisible();
  await expect(rows.nth(1).getByRole('list', { name: 'Attendees' })).toHaveText('Priya Raman');

  // The timeline leads with today's meeting.
  await app.keyboard.press('Control+1');
  const today = app.getByRole('complementary', { name: "Today's meetings to log" });
  await expect(today).toContainText('1 meeting from today to log');
  await today.getByRole('button', { name: 'Log “Design review: onboarding flow”' }).click();
  const dialog = app.getByRole('dialog', { name: 'Log interaction' });
  await expect(dialog.getByLabel('Title')).toHaveValue('Design review: onboarding flow');
  await expect(dialog.getByLabel('Date and time')).toHaveValue('2026-03-12T14:00');
  await expect(dialog.getByLabel(/^Location/)).toHaveValue('Level 4, room Ada');
  await expect(dialog.getByRole('radio', { name: 'Meeting' })).toBeChecked();
  await expect(dialog.getByRole('list', { name: 'People you met' }).getByRole('listitem')).toHaveText([/Maya Lindqvist/]);
  await app.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(today).toBeHidden();

  // Back in the list: the logged one is gone. Keys: Enter logs, L for later, D for not worth it.
  await app.keyboard.press('Control+6');
  await expect(rows).toHaveCount(4);
  await expect(app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^To log/ })).toContainText('4');
  await rows.nth(0).focus();
  await app.keyboard.press('Enter');
  await expect(dialog.getByLabel('Title')).toHaveValue('Coffee with Priya');
  await expect(dialog.getByLabel(/^Location/)).toHaveValue('Monmouth Coffee, 2 Park St, London SE1 9AB, UK');
  await app.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(3);
  await rows.filter({ hasText: 'Staff meeting' }).focus();
  await app.keyboard.press('l');
  await expect(app.getByRole('list', { name: 'Meetings to log later' })).toContainText('Staff meeting (moved to 11:00)');
  await rows.filter({ hasText: 'Quarterly sync' }).focus();
  await app.keyboard.press('d');
  await expect(rows.locator('.title')).toHaveText(['Rohan / Alex 1:1 (moved)']);

  // Remembered per occurrence, across a restart of the page.
  await reloadApp(app, 'Timeline');
  await app.keyboard.press('Control+6');
  await expect(rows.locator('.title')).toHaveText(['Rohan / Alex 1:1 (moved)']);
  await expect(app.getByRole('list', { name: 'Meetings to log later' }).locator('.title')).toHaveText(['Staff meeting (moved to 11:00)']);

  // The logged meetings are on the timeline, at the meeting's time.
  await app.keyboard.press('Control+1');
  await expect(app.getByText('Design review: onboarding flow')).toBeVisible();
  expect(running.foreignRequests).toEqual([]);
});

test('an unknown attendee becomes a person only when the user says so, and is then matched', async ({ app, running }) => {
  await seed(running);
  await running.journal.call('calendar.setOwnEmails', { emails: ['alex.morgan@contoso.example'] });
  const { readFile } = await import('node:fs/promises');
  await running.journal.call('calendar.import', { name: 'google-alex.ics', text: await readFile(join(fixtures, 'google-alex.ics'), 'utf8'), now: NOW });
  await app.keyboard.press('Control+6');
  const design = app.locator('[data-meeting-row]').filter({ hasText: 'Design review' });
  await expect(design.getByText('not in your journal')).toHaveCount(1);
  await design.getByRole('button', { name: 'Add Sam Okafor' }).click();
  await expect(app.getByText('Added Sam Okafor to your journal')).toBeVisible();
  await expect(design.getByText('not in your journal')).toHaveCount(0);
  const people = await running.journal.call('people.list');
  expect(people.ok && (people.value as { name: string }[]).map((p) => p.name)).toContain('Sam Okafor');
  // Saved with the address from the invitation, so the next meeting matches by email.
  const toLog = await running.journal.call('calendar.toLog', { now: NOW });
  const attendees = toLog.ok ? (toLog.value as { open: { title: string; attendees: { name: string; matchedBy: string | null }[] }[] }).open[0]!.attendees : [];
  expect(attendees).toEqual([expect.objectContaining({ name: 'Maya Lindqvist', matchedBy: 'name' }), expect.objectContaining({ name: 'Sam Okafor', matchedBy: 'email' })]);
});
