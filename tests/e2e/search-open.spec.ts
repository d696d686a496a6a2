// Opening a search result deep in history puts that entry in view, focused and highlighted.
import type { TimelinePage } from '../../src-main/contract/contract.js';
import { test, expect, reloadApp } from './fixtures.js';

test('a search result from long ago opens in view, focused and highlighted', async ({ app, running }) => {
  const loaded = await running.journal.call('journal.loadSample', {});
  expect(loaded.ok).toBe(true);
  const page = await running.journal.call('interactions.timeline', { limit: 200 });
  if (!page.ok) throw new Error(page.error.message);
  const entries = (page.value as TimelinePage).entries;
  // Far enough down that the first pages do not hold it.
  const old = entries.slice(Math.floor(entries.length * 0.8)).find((entry) => entries.filter((e) => e.title === entry.title).length === 1)!;
  expect(old).toBeDefined();

  await reloadApp(app, 'Timeline');
  await app.keyboard.press('Control+Shift+F');
  await app.getByRole('searchbox', { name: 'Search your journal' }).fill(`"${old.title}"`);
  const results = app.getByRole('region', { name: /Conversations/ });
  await results.getByRole('button', { name: new RegExp(old.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().click();

  const entry = app.getByRole('article', { name: old.title, exact: true });
  await expect(entry).toBeFocused();
  await expect(entry).toBeInViewport({ ratio: 0.5 });
  await expect(entry).toHaveAttribute('data-spotlight', '');
  // It stays in view once the timeline has settled (later pages load below it, not above).
  await expect(app.getByRole('main').locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(entry).toBeInViewport({ ratio: 0.5 });
});
