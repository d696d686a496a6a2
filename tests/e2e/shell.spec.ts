// The renderer's half of the desktop shell, through the harness's Node equivalents of main's shell
// calls: a journal that stopped is a screen with Restart, Settings (Ctrl+,) holds the quick-capture
// shortcut, and the quick-capture page saves into the same journal.
import type { TimelinePage } from '../../src-main/contract/contract.js';
import { launchApp } from './harness.js';
import { test, expect, menu, reloadApp } from './fixtures.js';

test('when the journal stops, the window says so and Restart brings the journal back with its entries', async ({ app, running }) => {
  const created = await running.journal.call('interactions.create', { occurredAt: new Date().toISOString(), kind: 'coffee', title: 'Coffee before the crash', newPeople: [{ name: 'Ana Ruiz' }] });
  expect(created.ok).toBe(true);
  await reloadApp(app);
  await expect(app.getByText('Coffee before the crash')).toBeVisible();

  await running.stopJournal();
  await expect(app.getByRole('heading', { name: 'The journal stopped', level: 1 })).toBeVisible();
  await expect(app.getByText(/Everything you saved is safe on disk/)).toBeVisible();
  await expect(app.getByRole('button', { name: 'Quit Confidant' })).toBeVisible();

  await app.getByRole('button', { name: 'Restart the journal' }).click();
  await expect(app.getByText('Coffee before the crash')).toBeVisible();
  expect(running.shellCalls.map((call) => call.name)).toContain('app.restartJournal');
});

test('Ctrl+, opens Settings, where the quick-capture shortcut is shown and changed from the keyboard', async ({ app }) => {
  await app.keyboard.press('Control+,');
  await expect(app.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(app.getByRole('button', { name: /Settings/ })).toHaveAttribute('aria-current', 'page');
  await expect(app.getByRole('status', { name: 'Shortcut status' })).toContainText('On: CommandOrControl+Shift+L opens quick capture.');

  const field = app.getByRole('textbox', { name: 'Shortcut' });
  await field.focus();
  await app.keyboard.press('Control+Alt+K');
  await expect(field).toHaveValue('CommandOrControl+Alt+K');
  await app.getByRole('button', { name: 'Save shortcut' }).click();
  await expect(app.getByRole('status', { name: 'Shortcut status' })).toContainText('On: CommandOrControl+Alt+K opens quick capture.');

  await app.getByRole('button', { name: 'Turn off' }).click();
  await expect(app.getByRole('status', { name: 'Shortcut status' })).toContainText('No shortcut');
  await expect(app.getByText(/Confidant 0\.0\.0-test/)).toBeVisible();
});

test('a shortcut the system refuses is reported, and a malformed one is refused with a sentence', async ({ context, journalPath }) => {
  const running = await launchApp(context, journalPath, { shortcutAccepted: false });
  try {
    const { page } = running;
    await menu(page, 'open-settings');
    await expect(page.getByRole('status', { name: 'Shortcut status' })).toContainText('The system did not give Confidant CommandOrControl+Shift+L');
    const field = page.getByRole('textbox', { name: 'Shortcut' });
    await field.fill('K');
    await page.getByRole('button', { name: 'Save shortcut' }).click();
    await expect(page.getByRole('alert')).toContainText('A shortcut needs one or more of Ctrl, Cmd, Alt, Shift, then one key');
  } finally {
    await running.close();
  }
});

test('the tray icon is on by default, turned off and on from Settings, and the choice outlives a restart', async ({ context, journalPath }) => {
  const settingsPath = `${journalPath}.tray-settings.json`;
  const first = await launchApp(context, journalPath, { settingsPath });
  try {
    const page = first.page;
    await menu(page, 'open-settings');
    const tray = page.getByRole('checkbox', { name: 'Show Confidant’s icon in the tray' });
    await expect(tray).toBeChecked();
    await expect(page.getByRole('status', { name: 'Tray status' })).toContainText('The icon is in the tray');

    await tray.focus();
    await page.keyboard.press('Space');
    await expect(page.getByRole('status', { name: 'Tray status' })).toContainText('No icon. Quick capture opens with the shortcut');
    await expect(tray).not.toBeChecked();
    // Only the tray was named, so only the tray changed: the shortcut is still on.
    await expect(page.getByRole('status', { name: 'Shortcut status' })).toContainText('On: CommandOrControl+Shift+L');
    expect(first.shellCalls.filter((call) => call.name === 'settings.set').map((call) => call.input)).toEqual([{ showTray: false }]);
  } finally {
    await first.close();
  }

  // A desktop without a tray: turning it back on says so, and what to use instead.
  const second = await launchApp(context, journalPath, { settingsPath, trayAvailable: false });
  try {
    const page = second.page;
    await menu(page, 'open-settings');
    const tray = page.getByRole('checkbox', { name: 'Show Confidant’s icon in the tray' });
    await expect(tray).not.toBeChecked();
    await tray.check();
    await expect(page.getByRole('status', { name: 'Tray status' })).toContainText('This desktop has no tray to show Confidant');
  } finally {
    await second.close();
  }
});

test('the quick-capture page logs an interaction into the same journal', async ({ running }) => {
  const page = running.page;
  await page.goto(page.url().replace(/#.*$/, '') + '#/capture');
  await reloadApp(page, 'Log an interaction');
  const people = page.getByRole('combobox', { name: 'People' });
  await people.pressSequentially('Ben Okafor');
  await page.getByRole('option', { name: 'Add “Ben Okafor” as new person' }).click();
  await page.getByLabel('Title').fill('Hallway chat after the board meeting');
  await page.keyboard.press('Control+Enter');
  await expect
    .poll(async () => {
      const result = await running.journal.call('interactions.timeline', { limit: 5 });
      return result.ok ? (result.value as TimelinePage).entries.map((entry) => entry.title) : [];
    })
    .toEqual(['Hallway chat after the board meeting']);
});
