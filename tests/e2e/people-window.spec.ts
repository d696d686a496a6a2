// The windowed people table: rows wrap (nothing is cut at 1024×640), so each row is measured; with 320
// people of mixed row heights the last row is reachable, by keys and by scrolling, and no rows overlap.
import type { Page } from 'playwright-core';
import type { CallInput } from '../../src-main/contract/contract.js';
import { test, expect, reloadApp } from './fixtures.js';

const name = (n: number) => `Person ${String(n).padStart(3, '0')}`;

/** The rendered rows' boxes, top to bottom, and whether any overlaps the next. */
async function rows(app: Page): Promise<{ count: number; heights: number[]; overlaps: string[] }> {
  return app.evaluate(() => {
    const list = [...document.querySelectorAll<HTMLElement>('table[aria-label="People"] tbody tr[data-index]')];
    const boxes = list.map((row) => ({ index: Number(row.dataset.index), box: row.getBoundingClientRect() }));
    const overlaps: string[] = [];
    for (let i = 1; i < boxes.length; i += 1) {
      const a = boxes[i - 1]!;
      const b = boxes[i]!;
      if (b.index !== a.index + 1) overlaps.push(`row ${b.index} follows ${a.index}`);
      if (b.box.top < a.box.bottom - 1) overlaps.push(`row ${b.index} overlaps ${a.index}`);
    }
    return { count: list.length, heights: boxes.map(({ box }) => Math.round(box.height)), overlaps };
  });
}

test('320 people with rows of different heights: the last is reachable and no rows overlap', async ({ app, running }) => {
  test.setTimeout(120_000);
  await app.setViewportSize({ width: 1024, height: 640 });
  for (let n = 1; n <= 320; n += 1) {
    const fields: CallInput<'people.create'> = { name: name(n) };
    // Every third person has a role line long enough to wrap onto two or three lines.
    if (n % 3 === 0) Object.assign(fields, { role: 'Director of platform engineering and developer experience', organization: 'Northwind Traders International Holdings' });
    const result = await running.journal.call('people.create', fields);
    expect(result.ok).toBe(true);
  }
  // The most rows the table ever holds at once, from its first draw on.
  await app.addInitScript(`(() => {
    window.__mostRows = 0;
    new MutationObserver(() => {
      window.__mostRows = Math.max(window.__mostRows, document.querySelectorAll('table[aria-label="People"] tbody tr[data-index]').length);
    }).observe(document, { childList: true, subtree: true });
  })();`);
  await reloadApp(app, 'Timeline');
  await app.keyboard.press('Control+2');
  const table = app.getByRole('table', { name: 'People' });
  await expect(table.getByRole('button', { name: name(1), exact: true })).toBeVisible();

  // A window, not all 320; rows of more than one height. Even the first draw, before any row is
  // measured, is about a screenful (640 px) and the overscan, not 150 rows drawn only to be measured.
  const top = await rows(app);
  expect(top.count).toBeLessThan(320);
  expect(await app.evaluate(() => (window as unknown as { __mostRows: number }).__mostRows)).toBeLessThan(50);
  expect(new Set(top.heights).size).toBeGreaterThan(1);
  expect(top.overlaps).toEqual([]);

  // End on a row: the last person, focused and in view.
  await table.getByRole('button', { name: name(1), exact: true }).focus();
  await app.keyboard.press('End');
  const last = table.getByRole('button', { name: name(320), exact: true });
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  expect((await rows(app)).overlaps).toEqual([]);

  // Back to the top, then scrolled to the very bottom: the last row is there, below the one before it.
  await app.keyboard.press('Home');
  await expect(table.getByRole('button', { name: name(1), exact: true })).toBeFocused();
  const main = app.getByRole('main');
  for (let pass = 0; pass < 6; pass += 1) {
    await main.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    if (await last.isVisible()) break;
    await expect(table.locator('tr[data-index]').first()).toBeAttached();
  }
  await expect(last).toBeInViewport();
  const bottom = await rows(app);
  expect(bottom.overlaps).toEqual([]);
  // The table ends with the last row: nothing but the row's own height below its top.
  const lastRow = (await table.locator('tr[data-index="319"]').boundingBox())!;
  const tableBox = (await table.boundingBox())!;
  expect(Math.abs(tableBox.y + tableBox.height - (lastRow.y + lastRow.height))).toBeLessThanOrEqual(2);

  // Scrolled to the middle, the rows in view are rendered (no blank spacer on screen).
  await main.evaluate((element) => element.scrollTo({ top: element.scrollHeight / 2 }));
  await expect
    .poll(async () =>
      app.evaluate(() => {
        const view = document.querySelector('main')!.getBoundingClientRect();
        const middle = (view.top + view.bottom) / 2;
        return [...document.querySelectorAll('table[aria-label="People"] tr[data-index]')].some((row) => {
          const box = row.getBoundingClientRect();
          return box.top <= middle && box.bottom >= middle;
        });
      }),
    )
    .toBe(true);
  expect((await rows(app)).overlaps).toEqual([]);
});
