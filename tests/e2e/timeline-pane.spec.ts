// The timeline at every width: from about 1400 px a reading pane shows the selected entry whole beside the
// list (so 1920×1080 is not a narrow column in an empty screen); at 1024×640 the list alone, with the same
// keys. Arrows and j/k move the selection, Enter edits the selected entry.
import type { Page } from 'playwright-core';
import type { CallInput, Interaction, Person } from '../../src-main/contract/contract.js';
import type { JournalSession as Journal } from '../../src-main/core/index.js';
import { test, expect, reloadApp } from './fixtures.js';

async function call<T>(journal: Journal, name: string, input: unknown = {}): Promise<T> {
  const result = await journal.call(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

async function seed(journal: Journal): Promise<void> {
  const grace = await call<Person>(journal, 'people.create', { name: 'Grace Kim' });
  const entries: CallInput<'interactions.create'>[] = [
    { occurredAt: hoursAgo(2), kind: 'coffee', title: 'Coffee about the reorg', notes: 'She is weighing **two offers**.', personIds: [grace.id], exchanges: [{ direction: 'gave', kind: 'introduction', description: 'Intro to the platform lead', personIds: [] }] },
    { occurredAt: hoursAgo(26), kind: 'call', title: 'Budget call', notes: 'The Q3 budget is frozen.', confidential: true, personIds: [grace.id] },
    { occurredAt: hoursAgo(50), kind: 'meeting', title: 'Planning review', notes: 'Roadmap for next year.', personIds: [grace.id] },
  ];
  for (const entry of entries) await call<Interaction>(journal, 'interactions.create', entry);
}

async function openTimeline(app: Page): Promise<void> {
  await reloadApp(app, 'Timeline');
  await expect(app.getByRole('article').first()).toBeVisible();
}

const entry = (app: Page, title: string) => app.getByRole('main').getByRole('article', { name: title, exact: true });

test('at 1920×1080 the selected entry is read whole beside the list, and the keys move it', async ({ app, running }) => {
  await app.setViewportSize({ width: 1920, height: 1080 });
  await seed(running.journal);
  await openTimeline(app);

  // The newest entry is in the pane at first, with what was given in it (not on the list's row).
  const pane = app.getByRole('region', { name: /^Reading pane: / });
  await expect(pane).toHaveAccessibleName('Reading pane: Coffee about the reorg');
  await expect(pane.getByRole('heading', { name: 'Coffee about the reorg', level: 2 })).toBeVisible();
  await expect(pane.getByText('Intro to the platform lead')).toBeVisible();
  await expect(pane.getByText('two offers')).toBeVisible();

  // Side by side, the width used: the list and the pane together take most of the main area.
  const list = (await entry(app, 'Coffee about the reorg').boundingBox())!;
  const box = (await pane.boundingBox())!;
  const main = (await app.getByRole('main').boundingBox())!;
  expect(list.x + list.width).toBeLessThanOrEqual(box.x);
  expect(box.x + box.width).toBeLessThanOrEqual(main.x + main.width);
  expect(box.x + box.width - list.x).toBeGreaterThan(main.width * 0.8);
  expect(box.width).toBeGreaterThan(500);

  // Tab reaches the list at its one stop, the selected entry; j and ArrowDown move on, k back.
  const first = entry(app, 'Coffee about the reorg');
  await expect(first).toHaveAttribute('aria-current', 'true');
  await expect(first).toHaveAttribute('tabindex', '0');
  await first.focus();
  await app.keyboard.press('j');
  const second = entry(app, 'Budget call');
  await expect(second).toBeFocused();
  await expect(second).toHaveAttribute('aria-current', 'true');
  await expect(first).not.toHaveAttribute('aria-current', 'true');
  // A confidential entry's notes stay out of the pane until revealed.
  await expect(pane).toHaveAccessibleName('Reading pane: Budget call');
  await expect(pane.getByText('Confidential: notes and details hidden')).toBeVisible();
  await expect(app.getByText('The Q3 budget is frozen.')).toHaveCount(0);
  await pane.getByRole('button', { name: 'Reveal' }).click();
  await expect(pane.getByText('The Q3 budget is frozen.')).toBeVisible();

  await second.focus();
  await app.keyboard.press('ArrowDown');
  await expect(entry(app, 'Planning review')).toBeFocused();
  await expect(pane).toHaveAccessibleName('Reading pane: Planning review');
  await expect(pane.getByText('The Q3 budget is frozen.')).toHaveCount(0);
  await app.keyboard.press('ArrowDown'); // the last one stays
  await expect(entry(app, 'Planning review')).toBeFocused();
  await app.keyboard.press('k');
  await expect(second).toBeFocused();
  await app.keyboard.press('Home');
  await expect(first).toBeFocused();

  // A click selects too; Enter edits the selected entry.
  await entry(app, 'Planning review').getByRole('heading').click();
  await expect(pane).toHaveAccessibleName('Reading pane: Planning review');
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: 'Edit interaction' });
  await expect(dialog.getByLabel('Title')).toHaveValue('Planning review');
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The header does not repeat the sidebar's Log button.
  await expect(app.getByRole('button', { name: 'Log interaction' })).toHaveCount(1);
});

test('at 1024×640 the timeline is the list alone, with the same keys', async ({ app, running }) => {
  await app.setViewportSize({ width: 1024, height: 640 });
  await seed(running.journal);
  await openTimeline(app);
  await expect(app.getByRole('region', { name: /^Reading pane: / })).toHaveCount(0);
  const first = entry(app, 'Coffee about the reorg');
  await expect(first).toHaveAttribute('tabindex', '0');
  await first.focus();
  await app.keyboard.press('j');
  await expect(entry(app, 'Budget call')).toBeFocused();
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: 'Edit interaction' });
  await expect(dialog.getByLabel('Title')).toHaveValue('Budget call');
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Growing the window past 1400 px brings the pane, on the entry already selected.
  await app.setViewportSize({ width: 1440, height: 900 });
  await expect(app.getByRole('region', { name: 'Reading pane: Budget call' })).toBeVisible();
});
