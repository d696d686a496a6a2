import { test, expect } from './fixtures.js';

test('the app boots against the real core', async ({ app }) => {
  await expect(app.getByText('0 interactions')).toBeVisible();
});
