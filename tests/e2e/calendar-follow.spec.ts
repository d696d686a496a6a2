// Following the calendar file: chosen once with the native open dialog (the harness answers for it),
// or typed as a path; its meetings then wait to be logged.
process.env.TZ = 'Europe/London';
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { test, expect, type Page } from '@playwright/test';
import { launchApp, reloadApp } from './harness.js';

const NOW = '2026-03-12T18:00:00.000Z';
const calendar = join(import.meta.dirname, '..', 'fixtures', 'calendar', 'google-alex.ics');
test.use({ timezoneId: 'Europe/London' });

/** The page once the app has started (its first screen's heading is shown): a shortcut pressed before is not heard. */
async function started(app: Page): Promise<Page> {
  await app.getByRole('heading', { level: 1 }).first().waitFor();
  return app;
}

test('the calendar file is chosen in the open dialog and followed; its meetings wait to be logged', async ({ context }) => {
  const dir = await mkdtemp(join(tmpdir(), 'confidant-e2e-'));
  const running = await launchApp(context, join(dir, 'journal.sqlite'), { now: NOW, pickFile: calendar });
  try {
    const app = await started(running.page);
    await app.keyboard.press('Control+6');
    await expect(app.getByRole('heading', { name: 'Meetings to log', level: 1 })).toBeVisible();
    await app.getByRole('button', { name: 'Choose calendar file…' }).click();
    await expect(app.getByText('Following google-alex.ics').first()).toBeVisible();
    // The chosen path stays in the field, where it can still be typed over.
    await expect(app.getByLabel('Or follow a file your calendar keeps up to date')).toHaveValue(calendar);
    expect(running.shellCalls.filter((shellCall) => shellCall.name === 'app.pickFile')).toEqual([
      { name: 'app.pickFile', input: { title: 'Choose the calendar file to follow', kind: 'calendar' } },
    ]);
    await expect(app.getByRole('list', { name: 'Meetings to log', exact: true }).locator('[data-meeting-row]').first()).toBeVisible();
  } finally {
    await running.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
});

test('cancelling the open dialog follows nothing, and a typed path still works', async ({ context }) => {
  const dir = await mkdtemp(join(tmpdir(), 'confidant-e2e-'));
  const running = await launchApp(context, join(dir, 'journal.sqlite'), { now: NOW });
  try {
    const app = await started(running.page);
    await app.keyboard.press('Control+6');
    await app.getByRole('button', { name: 'Choose calendar file…' }).click();
    await expect(app.getByLabel('Or follow a file your calendar keeps up to date')).toHaveValue('');
    await app.getByLabel('Or follow a file your calendar keeps up to date').fill(calendar);
    await app.getByRole('button', { name: 'Follow', exact: true }).click();
    await expect(app.getByText('Following google-alex.ics').first()).toBeVisible();
  } finally {
    await running.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
});

test('the weekly digest day and time are chosen with the other reminder choices and kept', async ({ context }) => {
  const dir = await mkdtemp(join(tmpdir(), 'confidant-e2e-'));
  const running = await launchApp(context, join(dir, 'journal.sqlite'), { now: NOW });
  try {
    const app = await started(running.page);
    await app.keyboard.press('Control+6');
    await app.getByText('Notify me about…').click();
    await expect(app.getByLabel('Keep-in-touch digest on')).toHaveValue('1');
    await app.getByLabel('Keep-in-touch digest on').selectOption({ label: 'Friday' });
    await app.getByLabel('Digest at').fill('16:30');
    await app.getByRole('button', { name: 'Save reminder choices' }).click();
    await expect(app.getByText('Reminder choices saved')).toBeVisible();
    const stored = await running.journal.call('reminders.settings');
    expect(stored.ok && stored.value).toMatchObject({ digestDay: 5, digestAt: '16:30' });
    await reloadApp(app);
    await app.keyboard.press('Control+6');
    await app.getByText('Notify me about…').click();
    await expect(app.getByLabel('Keep-in-touch digest on')).toHaveValue('5');
    await expect(app.getByLabel('Digest at')).toHaveValue('16:30');
  } finally {
    await running.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
});
