// What looking at every screen at 1024×640, 1440×900 and 1920×1080 in both themes found (#10), kept
// from coming back: the way in below the fold, two solid primary buttons on one screen, figures in a
// row of tiles at different heights, labels and details cut with an ellipsis, columns squeezed to a
// word a line, an empty band either side of search, red for a catch-up that is merely due, and day
// headings written two ways. Measured with bounding boxes and computed styles.
import type { Locator, Page } from 'playwright-core';
import { test, expect, reloadApp } from './fixtures.js';

type Journal = { call: (name: string, input?: unknown) => Promise<{ ok: boolean }> };

async function loadSample(journal: Journal, app: Page): Promise<void> {
  expect((await journal.call('journal.loadSample', {})).ok).toBe(true);
  await reloadApp(app, 'Timeline');
}

/** Texts inside `scope` that an element hides behind its own edge (overflow hidden or an ellipsis). */
function cutTexts(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) =>
    [root, ...root.querySelectorAll<HTMLElement>('*')]
      .filter((element) => {
        const style = getComputedStyle(element);
        const hides = style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
        const text = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
        return hides && text && element.scrollWidth > element.clientWidth + 1;
      })
      .map((element) => (element.textContent ?? '').trim()),
  );
}

/** The solid primary buttons on screen in the main area (the sidebar's Log interaction is its own). */
function primaryButtons(app: Page): Promise<string[]> {
  return app.getByRole('main').evaluate((main) =>
    [...main.querySelectorAll<HTMLElement>('button.btn-primary')]
      .filter((button) => button.getClientRects().length > 0)
      .map((button) => (button.textContent ?? '').trim()),
  );
}

test('at 1024×640 the welcome screen shows its ways in without scrolling', async ({ app }) => {
  await app.setViewportSize({ width: 1024, height: 640 });
  await expect(app.getByRole('heading', { name: 'Welcome to Confidant' })).toBeVisible();
  for (const name of [/^Log your first interaction/, /^Add a person$/, /^Import contacts/, /^Explore a sample journal$/])
    await expect(app.getByRole('button', { name })).toBeInViewport({ ratio: 1 });
});

test('an empty screen has one solid primary button, not a second one in its empty state', async ({ app, running }) => {
  await expect(app.getByRole('heading', { name: 'Welcome to Confidant' })).toBeVisible();
  for (const [key, heading, empty] of [
    ['Control+2', 'People', 'No one here yet'],
    ['Control+3', 'Reciprocity', 'Nothing given or received'],
    ['Control+4', 'Associations', 'No associations yet'],
    ['Control+5', 'Quarterly review', 'No attendance goals'],
  ] as const) {
    await app.keyboard.press(key);
    await expect(app.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expect(app.getByRole('main')).toContainText(empty);
    expect(await primaryButtons(app), heading).toHaveLength(1);
  }
  // A person with nothing logged yet: Log interaction in the header, a quieter one in the empty list.
  expect((await running.journal.call('people.create', { name: 'Nadia Quiet' })).ok).toBe(true);
  await app.keyboard.press('Control+2');
  await app.getByRole('button', { name: 'Nadia Quiet', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Nothing logged with this person yet' })).toBeVisible();
  expect(await primaryButtons(app)).toEqual(['Log interaction']);
});

test('at 1024×640 the figures in a row of tiles stand level when a label wraps', async ({ app }) => {
  await app.setViewportSize({ width: 1024, height: 640 });
  await expect(app.getByRole('heading', { name: 'Welcome to Confidant' })).toBeVisible();
  for (const [key, heading] of [['Control+3', 'Reciprocity'], ['Control+5', 'Quarterly review']] as const) {
    await app.keyboard.press(key);
    await expect(app.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    const tiles = app.getByRole('main').locator('dl').first();
    await expect(tiles).toBeVisible();
    const rows = await tiles.evaluate((list) => {
      const byRow = new Map<number, { label: number; figure: number }[]>();
      for (const tile of list.children) {
        // The label's text, not its box: the box is as tall as its row's track.
        const text = document.createRange();
        text.selectNodeContents(tile.querySelector('dt')!);
        const label = text.getBoundingClientRect();
        const figure = tile.querySelector('dd')!.getBoundingClientRect();
        const row = Math.round(tile.getBoundingClientRect().top);
        byRow.set(row, [...(byRow.get(row) ?? []), { label: label.height, figure: Math.round(figure.top) }]);
      }
      return [...byRow.values()];
    });
    // At this width some labels take two lines ("Thanks owed", "Promises kept on time"), so the check bites.
    expect(rows.some((row) => new Set(row.map((tile) => Math.round(tile.label))).size > 1), heading).toBe(true);
    for (const row of rows) expect(new Set(row.map((tile) => tile.figure)).size, heading).toBe(1);
  }
});

test('in the 560 px quick-capture window every kind is named whole', async ({ app }) => {
  await app.setViewportSize({ width: 560, height: 660 });
  await app.goto(app.url().replace(/#.*$/, '') + '#/capture');
  await reloadApp(app, 'Log an interaction');
  const kinds = app.getByRole('group', { name: /^Kind/ });
  await expect(kinds.getByRole('radio')).toHaveCount(8);
  expect(await cutTexts(kinds)).toEqual([]);
  // An ellipsis may cut less than the 1 px cutTexts allows: measure each label's natural width, bold as
  // when chosen, against the room its segment gives it.
  const short = await kinds.evaluate((fieldset) =>
    [...fieldset.querySelectorAll<HTMLElement>('label span')].flatMap((span) => {
      const probe = span.cloneNode(true) as HTMLElement;
      probe.style.cssText = 'position: absolute; visibility: hidden; width: auto; font-weight: 600';
      span.after(probe);
      const natural = probe.getBoundingClientRect().width;
      probe.remove();
      const style = getComputedStyle(span);
      const room = span.getBoundingClientRect().width;
      return natural > room + 0.5 ? [`${span.textContent}: ${natural.toFixed(1)} > ${room.toFixed(1)} (padding ${style.paddingLeft} ${style.paddingRight})`] : [];
    }),
  );
  expect(short).toEqual([]);
  const box = (await kinds.boundingBox())!;
  for (const radio of await kinds.locator('label').all()) {
    const label = (await radio.boundingBox())!;
    expect(label.x + label.width).toBeLessThanOrEqual(box.x + box.width + 1);
  }
});

test('the people picker shows a match’s role and organization whole, wrapping rather than cutting', async ({ app, running }) => {
  await app.setViewportSize({ width: 1024, height: 640 });
  await loadSample(running.journal, app);
  await app.keyboard.press('Control+n');
  const dialog = app.getByRole('dialog', { name: 'Log interaction' });
  await dialog.getByRole('combobox', { name: 'People' }).pressSequentially('Pri');
  const listbox = dialog.getByRole('listbox', { name: 'People' });
  await expect(listbox.getByRole('option', { name: /Priya Natarajan/ })).toContainText('Fernhollow Health');
  expect(await cutTexts(listbox)).toEqual([]);
});

test('in the 1440×900 reading pane a person’s give and take is not squeezed into narrow columns', async ({ app, running }) => {
  await app.setViewportSize({ width: 1440, height: 900 });
  await loadSample(running.journal, app);
  await app.keyboard.press('Control+2');
  await app.getByRole('button', { name: 'Dr. Rebecca Stone', exact: true }).click();
  const section = app.getByRole('region', { name: 'Give and take' });
  await expect(section.getByRole('heading', { name: 'Commitments' })).toBeVisible();
  for (const name of ['Given and received', 'Asks', 'Commitments']) {
    const column = (await section.getByRole('heading', { name }).locator('..').boundingBox())!;
    // 14rem (210 px at the app's 15 px type): an item's title reads a few words a line, not one or two.
    expect(column.width, name).toBeGreaterThanOrEqual(200);
  }
});

test('at 1920×1080 search uses the width of the screen', async ({ app, running }) => {
  await app.setViewportSize({ width: 1920, height: 1080 });
  await loadSample(running.journal, app);
  await app.keyboard.press('Control+Shift+F');
  await app.getByRole('searchbox', { name: 'Search your journal' }).fill('board');
  const conversations = app.getByRole('region', { name: /Conversations/ });
  await expect(conversations).toBeVisible();
  const main = (await app.getByRole('main').boundingBox())!;
  const results = (await conversations.boundingBox())!;
  expect(results.width).toBeGreaterThanOrEqual(0.6 * main.width);
});

test('a catch-up that is due is amber, not the red kept for what is late or broken', async ({ app, running }) => {
  await loadSample(running.journal, app);
  const resolve = (css: string) =>
    app.evaluate((value) => {
      const probe = document.body.appendChild(document.createElement('span'));
      probe.style.color = value;
      const resolved = getComputedStyle(probe).color;
      probe.remove();
      return resolved;
    }, css);
  const colour = (target: Locator) => target.evaluate((element) => getComputedStyle(element).color);
  const warning = await resolve('var(--warning)');
  const danger = await resolve('var(--danger)');
  expect(warning).not.toBe(danger);

  await app.keyboard.press('Control+2');
  await expect(app.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  expect(await colour(app.getByRole('button', { name: /due for a catch-up/ }))).toBe(warning);
  await app.getByRole('button', { name: 'Adaeze Nwosu', exact: true }).click();
  const next = app.getByRole('definition').filter({ hasText: /^Overdue by \d+ days?$/ });
  await expect(next).toBeVisible();
  expect(await colour(next)).toBe(warning);
});

test('every timeline day is headed alike: the day in words, a space, then its date', async ({ app, running }) => {
  await loadSample(running.journal, app);
  const headings = app.locator('section[data-day-count] > h2');
  await expect(headings.nth(5)).toBeVisible();
  const names = (await headings.allTextContents()).slice(0, 12);
  // en-GB: "Yesterday 1 December", "Wednesday 25 November", "Monday 3 March 2025".
  for (const name of names) expect(name).toMatch(/^(Today|Yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+( \d{4})?$/);
});

const sizes = [{ width: 1024, height: 640 }, { width: 1440, height: 900 }, { width: 1920, height: 1080 }];

/**
 * Empty one-line fields inside `scope` whose placeholder is wider than the field's text box: the browser
 * cuts a placeholder without an ellipsis, so only measuring it (in the field's own font) shows it.
 */
function cutPlaceholders(scope: Locator): Promise<string[]> {
  return scope.evaluate((root) => {
    const context = document.createElement('canvas').getContext('2d')!;
    return [...root.querySelectorAll<HTMLInputElement>('input[placeholder]')]
      .filter((input) => input.value === '' && input.getClientRects().length > 0)
      .flatMap((input) => {
        const style = getComputedStyle(input);
        context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = context.measureText(input.placeholder).width;
        const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return text > room ? [`“${input.placeholder}”: ${text.toFixed(0)} px in ${room.toFixed(0)} px`] : [];
      });
  });
}

test('the When field, once opened, shows its whole example placeholder at every window size', async ({ app }) => {
  for (const size of sizes) {
    await app.setViewportSize(size);
    await app.keyboard.press('Control+n');
    const dialog = app.getByRole('dialog', { name: 'Log interaction' });
    await dialog.getByRole('button', { name: 'When: now' }).click();
    const words = dialog.getByRole('textbox', { name: 'When' });
    await expect(words).toBeFocused();
    await expect(words).toHaveAttribute('placeholder', /yesterday 3pm/);
    expect(await cutPlaceholders(dialog), `${size.width}×${size.height}`).toEqual([]);
    // The field and the date beside it stay inside the dialog, on one row: the form does not grow a line.
    const frame = (await dialog.boundingBox())!;
    const [a, b] = await Promise.all([words.boundingBox(), dialog.getByLabel('Date and time').boundingBox()]);
    for (const box of [a!, b!]) expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width);
    expect(Math.abs(a!.y + a!.height / 2 - (b!.y + b!.height / 2))).toBeLessThan(4);
    await app.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
});

test('a person’s tags are whole pills on one line, and those that do not fit are counted in “+N”', async ({ app, running }) => {
  await loadSample(running.journal, app);
  await app.keyboard.press('Control+2');
  const table = app.getByRole('table', { name: 'People' });
  let counted = 0;
  for (const size of sizes) {
    await app.setViewportSize(size);
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    // Settled: the column's room is measured after a resize.
    await app.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const found = await table.evaluate((element) => {
      const faults: string[] = [];
      let counted = 0;
      for (const cell of element.querySelectorAll<HTMLElement>('td.tags')) {
        if (cell.getClientRects().length === 0) continue;
        const style = getComputedStyle(cell);
        const right = cell.getBoundingClientRect().right - parseFloat(style.paddingRight);
        for (const pill of cell.querySelectorAll<HTMLElement>('.tag, .more')) {
          const range = document.createRange();
          range.selectNodeContents(pill.firstChild!);
          const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size;
          if (lines > 1) faults.push(`“${pill.textContent}” on ${lines} lines`);
          if (pill.getBoundingClientRect().right > right + 1) faults.push(`“${pill.firstChild!.textContent}” past its cell`);
          if (pill.classList.contains('more')) counted += 1;
        }
      }
      return { faults, counted };
    });
    expect(found.faults, `${size.width}×${size.height}`).toEqual([]);
    counted += found.counted;
  }
  // The sample has people with two and three tags, and long ones ("customer-advisory-board"): some are
  // counted (the column itself gives way beside the 1440 px reading pane).
  expect(counted).toBeGreaterThan(0);
  // "+N" names what it counts, for a screen reader too.
  const more = table.locator('td.tags .more').first();
  await expect(more).toHaveAttribute('title', /\w/);
  expect(await more.textContent()).toContain(await more.getAttribute('title'));
});

test('from 1400 px People shows one solid button: the reading pane’s Log interaction is a plain one', async ({ app, running }) => {
  await loadSample(running.journal, app);
  await app.keyboard.press('Control+2');
  for (const size of [{ width: 1440, height: 900 }, { width: 1920, height: 1080 }]) {
    await app.setViewportSize(size);
    const pane = app.getByRole('region', { name: /^Reading pane: / });
    await expect(pane.getByRole('button', { name: 'Log interaction' })).toBeVisible();
    expect(await primaryButtons(app), `${size.width}×${size.height}`).toEqual(['Add person']);
  }
  // Below 1400 px the person's own page has its one solid button, Log interaction.
  await app.setViewportSize({ width: 1280, height: 800 });
  await app.getByRole('button', { name: 'Dr. Rebecca Stone', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Dr. Rebecca Stone', level: 1 })).toBeVisible();
  expect(await primaryButtons(app)).toEqual(['Log interaction']);
});

test('choosing one person (Record a give, Merge into) shows a match’s role and organization whole, wrapping rather than cutting', async ({ app, running }) => {
  await app.setViewportSize({ width: 1024, height: 640 });
  // A role and organization longer than the 640 px dialogs' list has room for on one line.
  const detail = 'Vice President of Platform Engineering and Developer Experience · Northwind Traders International Holdings';
  const [role, organization] = detail.split(' · ');
  await loadSample(running.journal, app);
  expect((await running.journal.call('people.create', { name: 'Priyanka Longfield', role, organization })).ok).toBe(true);
  const check = async (field: Locator) => {
    await field.pressSequentially('Priyanka');
    const listbox = app.getByRole('listbox', { name: 'People' });
    const option = listbox.getByRole('option', { name: /Priyanka Longfield/ });
    await expect(option).toContainText(detail);
    expect(await cutTexts(listbox)).toEqual([]);
    // On two lines or more, inside the list.
    const text = (await option.locator('.listbox-detail').boundingBox())!;
    const list = (await listbox.boundingBox())!;
    expect(text.height).toBeGreaterThan(25);
    expect(text.x + text.width).toBeLessThanOrEqual(list.x + list.width);
    // The whole list is seen: no box around it (the dialog's scrolling body) cuts it off.
    await expect(listbox.getByRole('option')).not.toHaveCount(0);
    expect(await listbox.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const cut: string[] = [];
      for (let around = element.parentElement; around; around = around.parentElement) {
        if (getComputedStyle(around).overflowY === 'visible') continue;
        const frame = around.getBoundingClientRect();
        if (box.top < frame.top - 1 || box.bottom > frame.bottom + 1) cut.push(`${around.tagName.toLowerCase()}.${[...around.classList].join('.')}`);
      }
      return cut;
    })).toEqual([]);
  };
  await app.keyboard.press('Control+3');
  await app.getByRole('button', { name: 'Record a give' }).click();
  await check(app.getByRole('dialog').getByRole('combobox', { name: 'Person' }));
  await app.keyboard.press('Escape');
  await app.keyboard.press('Escape');
  await expect(app.getByRole('dialog')).toBeHidden();

  await app.keyboard.press('Control+2');
  await app.getByRole('button', { name: 'Dr. Rebecca Stone', exact: true }).click();
  await app.getByRole('button', { name: 'Merge…' }).click();
  await check(app.getByRole('dialog').getByRole('combobox', { name: 'Person to keep' }));
});

test('at 1024×640 the Reciprocity tabs keep each label on one line beside three-digit counts', async ({ app, running }) => {
  await app.setViewportSize({ width: 1024, height: 640 });
  const journal = running.journal as unknown as { call: (name: string, input?: unknown) => Promise<{ ok: boolean; value?: { id: number } }> };
  const ids: number[] = [];
  for (let i = 0; i < 120; i++) {
    const person = await journal.call('people.create', { name: `Helper ${i + 1}`, allyRole: 'sponsor', cadenceDays: 7 });
    ids.push(person.value!.id);
  }
  const longAgo = new Date(Date.now() - 200 * 86_400_000).toISOString();
  for (const [i, id] of ids.entries()) {
    // Met long ago (past a week's cadence), helped then, never thanked or given back.
    expect((await journal.call('interactions.create', { occurredAt: longAgo, kind: 'meeting', title: `Meeting ${i}`, personIds: [id], exchanges: [{ direction: 'received', kind: 'advice', description: `Help ${i}` }] })).ok).toBe(true);
    expect((await journal.call('commitments.create', { direction: 'i-owe', personId: id, description: `Promise ${i}`, dueOn: '2020-01-01' })).ok).toBe(true);
  }
  await reloadApp(app, 'Timeline');
  await app.keyboard.press('Control+3');
  const tabs = app.getByRole('tablist', { name: 'Reciprocity' }).getByRole('tab');
  for (const name of ['Give first', 'Thanks owed', 'Commitments', 'Keep in touch']) await expect(tabs.filter({ hasText: name })).toContainText('120');
  // One line each: the lines a tab's label takes, counted from where its text's boxes sit.
  const lines = await tabs.evaluateAll((all) =>
    all.map((tab) => {
      const label = [...tab.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim()) ?? tab;
      const range = document.createRange();
      range.selectNodeContents(label);
      return [tab.textContent?.trim(), new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size] as const;
    }),
  );
  expect(lines.filter(([, count]) => count > 1)).toEqual([]);
});
