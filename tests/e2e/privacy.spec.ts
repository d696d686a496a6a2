import { test, expect, reloadApp } from './fixtures.js';

test('nothing the page loads goes anywhere but the app bundle', async ({ app, running }) => {
  // Exercise the app: first run, the sample journal, a few screens.
  await running.journal.call('journal.loadSample');
  await reloadApp(app);
  await app.getByRole('button', { name: /People/ }).first().click();
  await app.getByRole('button', { name: /Timeline/ }).first().click();
  await app.keyboard.press('Control+n');
  await expect(app.getByRole('dialog')).toBeVisible();
  await app.keyboard.press('Escape');
  expect(running.foreignRequests).toEqual([]);
});

test('the renderer cannot reach Node or Electron, only the contract', async ({ app }) => {
  const exposed = await app.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    confidant: Object.keys(window.confidant).sort(),
  }));
  expect(exposed.require).toBe('undefined');
  expect(exposed.process).toBe('undefined');
  expect(exposed.confidant).toContain('journal.info');
});

test('the page refuses remote content by its content security policy', async ({ app, running }) => {
  const blocked = await app.evaluate(async () => {
    try {
      await fetch('https://example.com/beacon');
      return false;
    } catch {
      return true;
    }
  });
  expect(blocked).toBe(true);
  expect(running.foreignRequests).toEqual([]);
});
