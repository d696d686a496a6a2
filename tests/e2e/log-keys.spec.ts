// The log form made for the minute after a meeting: every key pressed besides the text itself is counted,
// from opening the form to the saved entry. Typed text goes through keyboard.type and is not counted;
// every other key goes through `press`, which counts it.
import type { Page } from 'playwright-core';
import type { Interaction, TimelineEntry } from '../../src-main/contract/contract.js';
import type { JournalSession as Journal } from '../../src-main/core/index.js';
import { test, expect, reloadApp } from './fixtures.js';

function counted(page: Page) {
  let keys = 0;
  return {
    press: async (key: string) => {
      keys += 1;
      await page.keyboard.press(key);
    },
    type: (text: string) => page.keyboard.type(text),
    get keys() {
      return keys;
    },
  };
}

async function latest(journal: Journal): Promise<Interaction> {
  const page = await journal.call('interactions.timeline', { limit: 1 });
  if (!page.ok) throw new Error(page.error.message);
  const first = (page.value as { entries: TimelineEntry[] }).entries[0]!;
  const entry = await journal.call('interactions.get', { id: first.id });
  if (!entry.ok) throw new Error(entry.error.message);
  return entry.value as Interaction;
}

async function openTimeline(app: Page) {
  await reloadApp(app, 'Timeline');
}

test('a person, a note and the default kind: six keys from opening the form to the saved entry', async ({ app, running }) => {
  const seeded = await running.journal.call('people.create', { name: 'Grace Kim' });
  expect(seeded.ok).toBe(true);
  await openTimeline(app);
  const keys = counted(app);

  await keys.press('Control+n');
  const dialog = app.getByRole('dialog', { name: 'Log interaction' });
  await expect(dialog.getByRole('combobox', { name: 'People' })).toBeFocused();
  await keys.type('Grace Kim');
  await expect(dialog.getByRole('option', { name: /Grace Kim$/ })).toHaveAttribute('aria-selected', 'true');
  await keys.press('Enter');
  await keys.press('Tab'); // Kind: Meeting, the default
  await expect(dialog.getByRole('radio', { name: 'Meeting' })).toBeFocused();
  await keys.press('Tab'); // Title: blank gives "Meeting with Grace Kim"
  await keys.press('Tab');
  await expect(dialog.getByLabel('Notes')).toBeFocused();
  await keys.type('Wants an intro to the platform team.');
  await keys.press('Control+Enter');
  await expect(dialog).toBeHidden();

  const entry = await latest(running.journal);
  expect(entry).toMatchObject({ kind: 'meeting', title: 'Meeting with Grace Kim', notes: 'Wants an intro to the platform team.', confidential: false });
  expect(entry.people.map((person) => person.name)).toEqual(['Grace Kim']);
  expect(keys.keys).toBe(6);
  expect(keys.keys).toBeLessThanOrEqual(8);
});

test('the standard log (two people, one new; coffee; title; notes; confidential) takes seven keys, with the shortcuts the form shows', async ({ app, running }) => {
  const seeded = await running.journal.call('people.create', { name: 'Grace Kim' });
  expect(seeded.ok).toBe(true);
  await openTimeline(app);
  await app.setViewportSize({ width: 1024, height: 640 });
  const keys = counted(app);

  await keys.press('Control+n');
  const dialog = app.getByRole('dialog', { name: 'Log interaction' });
  await expect(dialog.getByRole('combobox', { name: 'People' })).toBeFocused();
  // The shortcuts are on screen, not only in a manual.
  await expect(dialog.getByText('Alt+1–8')).toBeVisible();
  await expect(dialog.getByText('Alt+C')).toBeVisible();
  await keys.type('Grace');
  await expect(dialog.getByRole('option', { name: /Grace Kim$/ })).toHaveAttribute('aria-selected', 'true');
  await keys.press('Enter');
  await keys.type('Imani Okafor');
  await expect(dialog.getByRole('option', { name: 'Add “Imani Okafor” as new person' })).toHaveAttribute('aria-selected', 'true');
  await keys.press('Enter');
  await keys.press('Alt+3'); // Coffee, and on to the title
  await expect(dialog.getByRole('radio', { name: 'Coffee' })).toBeChecked();
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await keys.type('Coffee about the reorg');
  await keys.press('Tab');
  await expect(dialog.getByLabel('Notes')).toBeFocused();
  await keys.type('She is thinking of leaving in spring.');
  await keys.press('Alt+c');
  await expect(dialog.getByRole('switch', { name: 'Confidential' })).toBeChecked();
  // Confidential is in view without scrolling, even at 640 px high.
  await expect(dialog.getByRole('switch', { name: 'Confidential' })).toBeInViewport();
  await keys.press('Control+Enter');
  await expect(dialog).toBeHidden();

  const entry = await latest(running.journal);
  expect(entry).toMatchObject({ kind: 'coffee', title: 'Coffee about the reorg', notes: 'She is thinking of leaving in spring.', confidential: true });
  expect(entry.people.map((person) => person.name).sort()).toEqual(['Grace Kim', 'Imani Okafor']);
  expect(keys.keys).toBe(7);
});
