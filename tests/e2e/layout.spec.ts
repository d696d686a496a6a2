// Every window size: nothing clipped, overlapping or squeezed to a few letters a line at 1024×640,
// 1440×900 and 1920×1080, no placeholder cut, one solid button a screen and none more in a list, and at
// 1920×1080 no screen a narrow column in an empty window; 200 % zoom (a 1024×640 window is 512×320 CSS
// pixels) still usable; reduced motion stops every transition and animation. Checked with bounding
// boxes and computed styles on the sample journal.
import type { Page } from 'playwright-core';
import { test, expect, reloadApp } from './fixtures.js';

const screens: { name: string; key: string; heading: string; tab?: string }[] = [
  { name: 'timeline', key: 'Control+1', heading: 'Timeline' },
  { name: 'people', key: 'Control+2', heading: 'People' },
  { name: 'reciprocity ledger', key: 'Control+3', heading: 'Reciprocity', tab: 'Ledger' },
  { name: 'reciprocity give first', key: 'Control+3', heading: 'Reciprocity', tab: 'Give first' },
  { name: 'reciprocity thanks owed', key: 'Control+3', heading: 'Reciprocity', tab: 'Thanks owed' },
  { name: 'reciprocity commitments', key: 'Control+3', heading: 'Reciprocity', tab: 'Commitments' },
  { name: 'reciprocity keep in touch', key: 'Control+3', heading: 'Reciprocity', tab: 'Keep in touch' },
  { name: 'associations', key: 'Control+4', heading: 'Associations' },
  { name: 'review', key: 'Control+5', heading: 'Quarterly review' },
  { name: 'to log', key: 'Control+6', heading: 'Meetings to log' },
  { name: 'network', key: 'Control+7', heading: 'Network' },
  { name: 'settings', key: 'Control+,', heading: 'Settings' },
];

async function show(page: Page, screen: (typeof screens)[number]): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press(screen.key);
  await expect(page.getByRole('heading', { name: screen.heading, level: 1 })).toBeVisible();
  if (screen.tab) await page.getByRole('tab', { name: new RegExp(`^${screen.tab}`) }).click();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/**
 * What is cut or overlaps in the visible part of the screen: text an element hides behind its own
 * edge (overflow hidden, ellipsis), a screen wider than its column, and sibling boxes that overlap.
 */
async function layoutFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const faults: string[] = [];
    const main = document.querySelector('main');
    const sidebar = document.querySelector('.sidebar');
    if (!main) return ['no main'];
    const describe = (element: Element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} “${(element.textContent ?? '').trim().slice(0, 40)}”`;
    if (main.scrollWidth > main.clientWidth + 1) faults.push(`main scrolls sideways: ${main.scrollWidth} > ${main.clientWidth}`);
    // Nor a pane inside it (the reading pane): what is wider than a scrolling box is cut at its edge.
    for (const pane of main.querySelectorAll<HTMLElement>('*')) {
      const { overflowX } = getComputedStyle(pane);
      if ((overflowX === 'auto' || overflowX === 'scroll') && pane.clientWidth > 0 && pane.scrollWidth > pane.clientWidth + 1)
        faults.push(`scrolls sideways: ${describe(pane)} (${pane.scrollWidth} > ${pane.clientWidth})`);
    }
    if (sidebar) {
      const a = sidebar.getBoundingClientRect();
      const b = main.getBoundingClientRect();
      if (a.right > b.left + 1 && a.bottom > b.top + 1) faults.push('sidebar overlaps main');
    }
    const view = main.getBoundingClientRect();
    for (const element of main.querySelectorAll<HTMLElement>('*')) {
      if (element.closest('.visually-hidden, [aria-hidden="true"], svg, canvas, table[data-virtual]')) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.bottom < view.top || box.top > view.bottom) continue;
      const style = getComputedStyle(element);
      const hides = style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
      const hasText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
      if (hides && hasText && element.scrollWidth > element.clientWidth + 1) faults.push(`cut: ${describe(element)} (${element.scrollWidth} > ${element.clientWidth})`);
      if (box.right > view.right + 1 && style.position !== 'fixed') faults.push(`past the right edge: ${describe(element)}`);
    }
    // A chart wider than the table cell that holds it is cut by the cell, text or not.
    for (const chart of main.querySelectorAll('svg[role="img"]')) {
      const box = chart.getBoundingClientRect();
      const cell = chart.closest('td, th');
      if (!cell || box.width === 0) continue;
      const holder = cell.getBoundingClientRect();
      if (box.right > holder.right + 1 || box.left < holder.left - 1) faults.push(`chart cut: ${chart.getAttribute('aria-label')?.slice(0, 40)}`);
    }
    // Overlaps among the children of each row of controls and each header (the places that crowd first).
    for (const row of main.querySelectorAll<HTMLElement>('header, .header, .toolbar, .tiles, .stats, .buttons, .actions, nav')) {
      const kids = [...row.children].map((child) => ({ child, box: child.getBoundingClientRect() })).filter(({ box }) => box.width > 0 && box.height > 0);
      for (let i = 0; i < kids.length; i += 1)
        for (let j = i + 1; j < kids.length; j += 1) {
          const a = kids[i]!.box;
          const b = kids[j]!.box;
          if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) faults.push(`overlap: ${describe(kids[i]!.child)} / ${describe(kids[j]!.child)}`);
        }
    }
    // A placeholder wider than its field is cut with no ellipsis to show it: measured in the field's font.
    const pen = document.createElement('canvas').getContext('2d')!;
    for (const input of main.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
      const box = input.getBoundingClientRect();
      if (input.value !== '' || box.width === 0 || box.bottom < view.top || box.top > view.bottom) continue;
      const style = getComputedStyle(input);
      pen.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (pen.measureText(input.placeholder).width > room) faults.push(`placeholder cut: “${input.placeholder}”`);
    }
    // One solid button on a screen: the one thing it is for (the sidebar's Log interaction is the shell's).
    const solids = [...main.querySelectorAll('.btn-primary')].filter((button) => button.getBoundingClientRect().width > 0);
    if (solids.length > 1) faults.push(`${solids.length} solid buttons on one screen: ${solids.map((button) => `“${(button.textContent ?? '').trim()}”`).join(', ')}`);
    // One solid button in a list at most: a solid one on every row (eleven “Record a give”) says nothing.
    for (const list of main.querySelectorAll('ul, ol, tbody, [role="list"], [role="grid"]')) {
      const solid = [...list.querySelectorAll('.btn-primary')].filter((button) => button.getBoundingClientRect().width > 0);
      if (solid.length > 1) faults.push(`${solid.length} solid buttons in one list: ${describe(list)}`);
    }
    // Text squeezed into a column a few characters wide ("Boar / d pre- / read"): a word broken inside
    // itself across lines (a break after a hyphen or dash is a word's own), or a text of three lines or
    // more holding fewer than eight characters a line. Each text node's line boxes are measured.
    const lineTops = (rects: DOMRectList) => new Set([...rects].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top / 4))).size;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const text = node.data;
      const owner = node.parentElement;
      if (!owner || !text.trim() || owner.closest('.visually-hidden, [aria-hidden="true"], svg, canvas, script, style, textarea, pre, code')) continue;
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      // The whole screen, not only its visible part: a panel below the fold is read too, once scrolled to.
      if (box.height === 0) continue;
      const lines = lineTops(range.getClientRects());
      if (lines < 2) continue;
      const characters = text.replace(/\s+/g, ' ').trim().length;
      let broken: string | null = null;
      for (const match of text.matchAll(/[^\s\-\u2010\u2013\u2014\u00ad]{2,}/g)) {
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        if (lineTops(range.getClientRects()) > 1) {
          broken = match[0];
          break;
        }
      }
      const where = `${describe(owner)} (${Math.round(box.width)} px wide)`;
      if (broken) faults.push(`word broken across lines: “${broken}” in ${where}`);
      else if (lines >= 3 && characters / lines < 8) faults.push(`squeezed to ${Math.round(characters / lines)} characters a line: ${where}`);
    }
    return [...new Set(faults)];
  });
}

/**
 * How much of the main column's width the screen uses: from the leftmost to the rightmost thing one can
 * see (text, or a box with a fill or an edge), as a share of the column.
 */
async function widthUsed(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = document.querySelector('main')!;
    const view = main.getBoundingClientRect();
    let left = Infinity;
    let right = -Infinity;
    for (const element of main.querySelectorAll<HTMLElement>('*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.bottom < view.top || box.top > view.bottom) continue;
      const style = getComputedStyle(element);
      const seen = style.backgroundColor !== 'rgba(0, 0, 0, 0)' || parseFloat(style.borderLeftWidth) > 0 || parseFloat(style.borderRightWidth) > 0
        || [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
      if (!seen) continue;
      left = Math.min(left, box.left);
      right = Math.max(right, box.right);
    }
    return right > left ? (right - left) / view.width : 0;
  });
}

async function loadSample(running: { journal: { call: (name: string, input: unknown) => Promise<{ ok: boolean }> } }, app: Page) {
  expect((await running.journal.call('journal.loadSample', {})).ok).toBe(true);
  await reloadApp(app, 'Timeline');
}

for (const size of [{ width: 1024, height: 640 }, { width: 1440, height: 900 }, { width: 1920, height: 1080 }]) {
  test(`at ${size.width}×${size.height} no screen is clipped, cut, overlapping or squeezed`, async ({ app, running }) => {
    test.setTimeout(120_000);
    await app.setViewportSize(size);
    await loadSample(running, app);
    const faults: string[] = [];
    for (const screen of screens) {
      await show(app, screen);
      faults.push(...(await layoutFaults(app)).map((fault) => `${screen.name}: ${fault}`));
      // A wide window is used, not a narrow column between empty margins.
      if (size.width >= 1920) {
        const used = await widthUsed(app);
        if (used < 0.6) faults.push(`${screen.name}: uses ${Math.round(used * 100)} % of the width`);
      }
    }
    expect(faults).toEqual([]);
  });
}

test('the check sees text squeezed to a few letters a line, broken inside a word or not', async ({ app, running }) => {
  await app.setViewportSize({ width: 1024, height: 640 });
  await loadSample(running, app);
  await show(app, screens.find((screen) => screen.name === 'review')!);
  expect(await layoutFaults(app)).toEqual([]);
  // The heading's line of dates in a column four letters wide: broken inside its words, then (words kept
  // whole, so they spill) still a few letters a line.
  const squeeze = await app.addStyleTag({ content: 'main .head p { width: 4ch; overflow-wrap: anywhere; }' });
  expect((await layoutFaults(app)).some((fault) => fault.startsWith('word broken across lines: '))).toBe(true);
  await squeeze.evaluate((style) => (style.textContent = 'main .head p { width: 4ch; overflow-wrap: normal; }'));
  expect(await layoutFaults(app)).toEqual(expect.arrayContaining([expect.stringMatching(/^squeezed to \d characters a line: p\.muted/)]));
  await squeeze.evaluate((style) => (style as HTMLStyleElement).remove());
  expect(await layoutFaults(app)).toEqual([]);
});

test('at 200 % zoom (512×320 CSS pixels) every screen fits its width and an entry can still be logged', async ({ app, running }) => {
  test.setTimeout(120_000);
  await app.setViewportSize({ width: 512, height: 320 });
  await loadSample(running, app);
  const nav = app.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeVisible();
  const faults: string[] = [];
  for (const screen of screens) {
    await show(app, screen);
    faults.push(...(await layoutFaults(app)).filter((fault) => fault.startsWith('main scrolls') || fault.startsWith('sidebar')).map((fault) => `${screen.name}: ${fault}`));
  }
  expect(faults).toEqual([]);

  // The main screen holds at least half the height, and the nav is one row above it.
  const mainBox = (await app.locator('main').boundingBox())!;
  expect(mainBox.height).toBeGreaterThanOrEqual(160);
  expect(mainBox.width).toBeGreaterThanOrEqual(500);

  await show(app, screens[0]!);
  await app.keyboard.press('Control+n');
  const dialog = app.getByRole('dialog', { name: 'Log interaction' });
  await expect(dialog.getByRole('combobox', { name: 'People' })).toBeFocused();
  await app.keyboard.type('Zoomed Person');
  await app.keyboard.press('Enter');
  await dialog.getByLabel('Notes').fill('Logged at 200 %.');
  const save = dialog.getByRole('button', { name: 'Save' });
  await expect(save).toBeInViewport();
  await save.click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('article').filter({ hasText: 'Zoomed Person' }).first()).toBeVisible();
});

test('with reduced motion asked for, no element transitions or animates', async ({ app, running }) => {
  await app.emulateMedia({ reducedMotion: 'reduce' });
  await loadSample(running, app);
  const moving = async () =>
    app.evaluate(() => {
      const ms = (value: string) => Math.max(...value.split(',').map((part) => (part.trim().endsWith('ms') ? parseFloat(part) : parseFloat(part) * 1000)));
      const found: string[] = [];
      for (const element of document.querySelectorAll('*')) {
        for (const pseudo of [null, '::before', '::after']) {
          const style = getComputedStyle(element, pseudo);
          if (ms(style.transitionDuration) > 0 || (style.animationName !== 'none' && ms(style.animationDuration) > 1)) found.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')}${pseudo ?? ''}`);
        }
      }
      return [...new Set(found)].slice(0, 20);
    });
  expect(await moving()).toEqual([]);
  await app.keyboard.press('Control+n');
  await expect(app.getByRole('dialog', { name: 'Log interaction' })).toBeVisible();
  expect(await moving()).toEqual([]);

  // Without the preference the app does move (so the check above can fail).
  await app.keyboard.press('Escape');
  await app.emulateMedia({ reducedMotion: 'no-preference' });
  expect((await moving()).length).toBeGreaterThan(0);
});

test('from 1400 px the people list has a reading pane beside it: the first person, then whoever is chosen', async ({ app, running }) => {
  await app.setViewportSize({ width: 1440, height: 900 });
  await loadSample(running, app);
  await show(app, screens[1]!);
  const table = app.getByRole('table', { name: 'People' });
  const pane = app.getByRole('region', { name: /^Reading pane: / });
  await expect(pane.getByRole('heading', { level: 2 }).first()).toBeVisible();
  const first = (await table.getByRole('row').nth(1).getByRole('button').first().textContent())!.trim();
  await expect(pane).toHaveAccessibleName(`Reading pane: ${first}`);
  await table.getByRole('button', { name: 'Dr. Rebecca Stone', exact: true }).click();
  await expect(pane.getByRole('heading', { name: 'Dr. Rebecca Stone', level: 2 })).toBeVisible();
  await expect(table.getByRole('button', { name: 'Dr. Rebecca Stone', exact: true })).toHaveAttribute('aria-current', 'true');
  // Side by side, not overlapping, both in the window.
  const a = (await table.boundingBox())!;
  const b = (await pane.boundingBox())!;
  expect(a.x + a.width).toBeLessThanOrEqual(b.x);
  expect(b.x + b.width).toBeLessThanOrEqual(1440);
  expect(b.width).toBeGreaterThan(400);

  // Below 1400 px a click opens the person's own page, as before.
  await app.setViewportSize({ width: 1280, height: 800 });
  await expect(pane).toHaveCount(0);
  await table.getByRole('button', { name: 'Dr. Rebecca Stone', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Dr. Rebecca Stone', level: 1 })).toBeVisible();
});
