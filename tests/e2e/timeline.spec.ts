import type { Page } from 'playwright-core';
import type { CallInput, Interaction, JournalInfo, Person } from '../../src-main/contract/contract.js';
import type { JournalSession as Journal } from '../../src-main/core/index.js';
import { test, expect, reloadApp } from './fixtures.js';

async function call<T>(journal: Journal, name: string, input: unknown = {}): Promise<T> {
  const result = await journal.call(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

const seedPerson = (journal: Journal, name: string) => call<Person>(journal, 'people.create', { name });
const seedInteraction = (journal: Journal, fields: CallInput<'interactions.create'>) => call<Interaction>(journal, 'interactions.create', fields);
const info = (journal: Journal) => call<JournalInfo>(journal, 'journal.info');
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

async function openTimeline(app: Page): Promise<void> {
  await reloadApp(app, 'Timeline');
}

test('a confidential note is not on the page until revealed, and leaves again when hidden', async ({ app, running }) => {
  const ana = await seedPerson(running.journal, 'Ana Ruiz');
  await seedInteraction(running.journal, {
    occurredAt: hoursAgo(2),
    kind: 'meeting',
    title: 'Reorg heads-up',
    notes: 'The **merger** is off; she told me in confidence.',
    confidential: true,
    personIds: [ana.id],
  });
  await seedInteraction(running.journal, {
    occurredAt: hoursAgo(30),
    kind: 'coffee',
    title: 'Coffee at the corner',
    notes: 'Talked about her kids and the marathon.',
    personIds: [ana.id],
  });
  await openTimeline(app);

  const secret = app.getByRole('article', { name: 'Reorg heads-up' });
  await expect(secret).toBeVisible();
  await expect(secret.getByText('Confidential', { exact: true })).toBeVisible();
  await expect(app.getByRole('article', { name: 'Coffee at the corner' })).toContainText('Talked about her kids');
  expect(await app.content()).not.toContain('merger');

  await secret.getByRole('button', { name: 'Reveal notes' }).click();
  await expect(secret.locator('strong')).toHaveText('merger');
  await secret.getByRole('button', { name: 'Hide notes' }).click();
  await expect(secret.getByRole('button', { name: 'Reveal notes' })).toBeVisible();
  expect(await app.content()).not.toContain('merger');
});

test('notes render as markdown without remote images, and links never navigate the app', async ({ app, running }) => {
  const ana = await seedPerson(running.journal, 'Ana Ruiz');
  await seedInteraction(running.journal, {
    occurredAt: hoursAgo(1),
    kind: 'email',
    title: 'Shared the report',
    notes: 'See [the report](https://example.com/r) ![pixel](https://tracker.example/p.gif) <script>alert(1)</script>',
    personIds: [ana.id],
  });
  await openTimeline(app);
  const entry = app.getByRole('article', { name: 'Shared the report' });
  const link = entry.getByRole('link', { name: 'the report' });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(entry.locator('img, script')).toHaveCount(0);
  expect(running.foreignRequests).toEqual([]);
});

test('edit an entry, delete it, and undo the delete with the toast and with Ctrl+Z', async ({ app, running }) => {
  const ana = await seedPerson(running.journal, 'Ana Ruiz');
  await seedInteraction(running.journal, { occurredAt: hoursAgo(3), kind: 'call', title: 'Quick call', location: 'Phone', personIds: [ana.id] });
  await openTimeline(app);

  const entry = app.getByRole('article', { name: 'Quick call' });
  await entry.getByRole('button', { name: 'Edit “Quick call”' }).click();
  const dialog = app.getByRole('dialog', { name: 'Edit interaction' });
  await expect(dialog.getByLabel('Title')).toHaveValue('Quick call');
  await expect(dialog.getByLabel('Location')).toHaveValue('Phone');
  await expect(dialog.getByRole('radio', { name: 'Call' })).toBeChecked();
  await dialog.getByLabel('Title').fill('Budget call');
  await dialog.getByLabel('Confidential').check();
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('status').getByText('Saved “Budget call”')).toBeVisible();
  const edited = app.getByRole('article', { name: 'Budget call' });
  await expect(edited.getByText('Confidential', { exact: true })).toBeVisible();
  await expect(app.getByRole('article', { name: 'Quick call' })).toHaveCount(0);

  // Delete, then Undo from the toast.
  await edited.getByRole('button', { name: 'Edit “Budget call”' }).click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toBeHidden();
  const toast = app.getByRole('status').filter({ hasText: 'Deleted “Budget call”' });
  await expect(toast).toBeVisible();
  await expect(edited).toHaveCount(0);
  expect(await info(running.journal)).toMatchObject({ interactions: 0 });
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(app.getByRole('status').getByText('Restored “Budget call”')).toBeVisible();
  await expect(edited).toBeVisible();
  expect(await info(running.journal)).toMatchObject({ interactions: 1 });

  // Delete again, then Ctrl+Z while the toast shows.
  await edited.getByRole('button', { name: 'Edit “Budget call”' }).click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(app.getByRole('status').getByText('Deleted “Budget call”')).toBeVisible();
  await expect(edited).toHaveCount(0);
  await app.keyboard.press('Control+z');
  await expect(edited).toBeVisible();
  expect(await info(running.journal)).toMatchObject({ interactions: 1 });
});

test('a long timeline loads older pages as you scroll, with a Load older button as well', async ({ app, running }) => {
  const ana = await seedPerson(running.journal, 'Ana Ruiz');
  for (let i = 0; i < 130; i++) {
    await seedInteraction(running.journal, { occurredAt: hoursAgo(2 + i * 7), kind: 'meeting', title: `Meeting ${i + 1}`, personIds: [ana.id] });
  }
  await openTimeline(app);

  const entries = app.getByRole('article');
  await expect(entries).toHaveCount(50);
  await expect(entries.first()).toHaveAccessibleName('Meeting 1');

  // Scrolling near the end loads the next page without asking.
  await app.getByRole('button', { name: 'Load older' }).scrollIntoViewIfNeeded();
  await expect(entries).toHaveCount(100);

  // The button is the fallback. Pressed where it is, far below: scrolling to it would load on its own.
  await app.getByRole('button', { name: 'Load older' }).dispatchEvent('click');
  await expect(entries).toHaveCount(130);
  await expect(app.getByText('The beginning of your journal.')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Load older' })).toHaveCount(0);

  // Days are grouped under their own headings, newest first. Two hours ago is yesterday just after midnight.
  const newestIsToday = new Date(hoursAgo(2)).toDateString() === new Date().toDateString();
  await expect(app.getByRole('heading', { level: 2 }).first()).toHaveText(newestIsToday ? /^Today/ : /^Yesterday/);
});

test('opening draws the first screenful at once and the rest of the page right after, read beside the totals', async ({ app, running }) => {
  // The page opened on the empty journal asks for its own first page too; under load that call can reach
  // the journal after the seeding below, so let it settle first and count only the reload's calls.
  await app.getByRole('heading', { level: 1 }).first().waitFor();
  const ana = await seedPerson(running.journal, 'Ana Ruiz');
  for (let i = 0; i < 60; i++) {
    await seedInteraction(running.journal, { occurredAt: hoursAgo(2 + i * 7), kind: 'meeting', title: `Meeting ${i + 1}`, notes: `Talked about **item ${i + 1}**`, personIds: [ana.id] });
  }
  // How many entries are on the page when the first one appears.
  await app.addInitScript(`(() => {
    new MutationObserver((_, observer) => {
      const drawn = document.querySelectorAll('article.entry').length;
      if (drawn > 0) {
        window.__firstDrawn = drawn;
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  })();`);
  const before = running.journalCalls.length;
  await openTimeline(app);

  // The whole first page still arrives, in order, with the way on below it.
  const entries = app.getByRole('article');
  await expect(entries).toHaveCount(50);
  await expect(entries.first()).toHaveAccessibleName('Meeting 1');
  await expect(entries.last()).toHaveAccessibleName('Meeting 50');
  await expect(app.getByRole('button', { name: 'Load older' })).toBeAttached();
  const firstDrawn = await app.evaluate(() => (window as unknown as { __firstDrawn: number }).__firstDrawn);
  expect(firstDrawn).toBeGreaterThan(0);
  expect(firstDrawn).toBeLessThan(50);

  // One read of the first page, asked for before the totals' answer was in, not after it.
  const calls = running.journalCalls.slice(before);
  expect(calls.filter((name) => name === 'interactions.timeline')).toHaveLength(1);
  expect(calls.indexOf('interactions.timeline')).toBeGreaterThan(-1);
  expect(calls.indexOf('interactions.timeline')).toBeLessThan(calls.indexOf('journal.info'));

  // Keys walk on past what was drawn first.
  await entries.first().focus();
  await app.keyboard.press('End');
  await expect(app.getByRole('article', { name: 'Meeting 50', exact: true })).toBeFocused();
});

/**
 * For the tests of how the window starts: one entry to wait for ("Budget review"), and the core's answers
 * as main would give them, from `answer` (undefined: the core answers). Returns the way to stop.
 */
async function startingWith(running: { journal: Journal }, answer: (name: unknown) => Promise<unknown> | unknown): Promise<() => void> {
  const ana = await seedPerson(running.journal, 'Ana Ruiz');
  await seedInteraction(running.journal, { occurredAt: hoursAgo(2), kind: 'meeting', title: 'Budget review', notes: 'Numbers first.', personIds: [ana.id] });
  const session = running.journal;
  const original = session.call.bind(session);
  session.call = async (name: unknown, input?: unknown) => ((await answer(name)) ?? original(name, input)) as Awaited<ReturnType<Journal['call']>>;
  return () => (session.call = original);
}

test('on starting, the first page and the totals are asked for with the status, not after its answer', async ({ app, running }) => {
  await app.getByRole('heading', { level: 1 }).first().waitFor();
  // The status's answer is held until the page has asked for everything else it will ask at once.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const restore = await startingWith(running, async (name) => {
    if (name === 'journal.status') await held;
  });
  const before = running.journalCalls.length;
  await app.reload();
  await expect.poll(() => running.journalCalls.slice(before)).toEqual(expect.arrayContaining(['journal.status', 'interactions.timeline', 'journal.info']));
  expect(running.journalCalls.slice(before, before + 3)).toEqual(['journal.status', 'interactions.timeline', 'journal.info']);
  await expect(app.getByRole('article')).toHaveCount(0);
  release();
  await expect(app.getByRole('article', { name: 'Budget review' })).toBeVisible();
  // Nothing is asked twice: the timeline and the totals took the early answers.
  const calls = running.journalCalls.slice(before);
  expect(calls.filter((name) => name === 'interactions.timeline')).toHaveLength(1);
  expect(calls.filter((name) => name === 'journal.info')).toHaveLength(1);
  restore();
});

test('the first reads go out before the app\'s code has even loaded, and are not asked again once it has', async ({ app, running }) => {
  await app.getByRole('heading', { level: 1 }).first().waitFor();
  const restore = await startingWith(running, () => undefined);
  // The app's module is held back, as a slow disk would: index.html's early script has asked all the same.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await app.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
    await held;
    await route.fallback();
  });
  const before = running.journalCalls.length;
  await app.reload({ waitUntil: 'commit' });
  await expect.poll(() => running.journalCalls.slice(before)).toEqual(['journal.status', 'interactions.timeline', 'journal.info']);
  await expect(app.getByText('Opening your journal…')).toBeVisible();
  release();
  await expect(app.getByRole('article', { name: 'Budget review' })).toBeVisible();
  // The app took those answers: the status, the first page and the totals were each asked once.
  const calls = running.journalCalls.slice(before);
  for (const name of ['journal.status', 'interactions.timeline', 'journal.info']) expect(calls.filter((called) => called === name), name).toHaveLength(1);
  await app.unroute(/\/assets\/index-[^/]*\.js$/);
  restore();
});

test('a journal that takes long to start is shown as starting, and opens by itself once it has', async ({ app, running }) => {
  await app.getByRole('heading', { level: 1 }).first().waitFor();
  // As main answers while a large journal is brought up to date: 'starting', until the start is done.
  let starting = true;
  const restore = await startingWith(running, (name) =>
    starting && name === 'journal.status' ? { ok: true, value: { state: 'starting', path: '/tmp/journal.sqlite', name: 'journal' } } : undefined,
  );
  await app.reload();
  await expect(app.getByText('This is taking longer than usual')).toBeVisible();
  await expect(app.getByText('Everything in it is safe, even if you quit now.')).toBeVisible();
  await expect(app.getByRole('article')).toHaveCount(0);
  starting = false;
  // No event from main is needed: the window asks again by itself.
  await expect(app.getByRole('article', { name: 'Budget review' })).toBeVisible();
  await expect(app.getByText('This is taking longer than usual')).toHaveCount(0);
  restore();
});

test('a locked journal refuses the early reads, and once unlocked the timeline reads them again', async ({ app, running }) => {
  await app.getByRole('heading', { level: 1 }).first().waitFor();
  // As a locked journal answers: the status says locked and every read is refused, until it is unlocked.
  let locked = true;
  const restore = await startingWith(running, (name) => {
    if (!locked) return undefined;
    if (name === 'journal.status') return { ok: true, value: { state: 'locked', path: '/tmp/journal.sqlite', name: 'journal', setup: 'unlock' } };
    return name === 'interactions.timeline' || name === 'journal.info' ? { ok: false, error: { code: 'journal-locked', message: 'Your journal is locked. Unlock it to continue.' } } : undefined;
  });
  const before = running.journalCalls.length;
  await app.reload();
  await expect(app.getByRole('heading', { name: /locked/i })).toBeVisible();
  expect(running.journalCalls.slice(before)).toEqual(expect.arrayContaining(['interactions.timeline', 'journal.info']));
  // Unlocked (the status says open again): the entry is shown, read afresh; no refusal reaches the screen.
  locked = false;
  await app.evaluate(() => window.dispatchEvent(new CustomEvent('confidant:menu', { detail: 'journal-status' })));
  await expect(app.getByRole('article', { name: 'Budget review' })).toBeVisible();
  await expect(app.getByText('Your journal is locked. Unlock it to continue.')).toHaveCount(0);
  await expect(app.getByText('could not be read')).toHaveCount(0);
  restore();
});

test('an older page read while scrolling is drawn a few entries a task, not fifty at once', async ({ app, running }) => {
  const ana = await seedPerson(running.journal, 'Ana Ruiz');
  for (let i = 0; i < 100; i++) {
    await seedInteraction(running.journal, { occurredAt: hoursAgo(2 + i * 7), kind: 'meeting', title: `Meeting ${i + 1}`, notes: `Talked about **item ${i + 1}**`, personIds: [ana.id] });
  }
  await openTimeline(app);
  const entries = app.getByRole('article');
  await expect(entries).toHaveCount(50);
  // The most entries one task put on the page (a MutationObserver hears each task's changes together).
  await app.evaluate(() => {
    const w = window as unknown as { __mostAtOnce: number };
    w.__mostAtOnce = 0;
    new MutationObserver((records) => {
      let added = 0;
      for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) added += node.matches('article.entry') ? 1 : node.querySelectorAll('article.entry').length;
      w.__mostAtOnce = Math.max(w.__mostAtOnce, added);
    }).observe(document.body, { childList: true, subtree: true });
  });
  await app.getByRole('button', { name: 'Load older' }).dispatchEvent('click');

  // The whole page arrives, in order, and the way on waits below it.
  await expect(entries).toHaveCount(100);
  await expect(entries.nth(50)).toHaveAccessibleName('Meeting 51');
  await expect(entries.last()).toHaveAccessibleName('Meeting 100');
  await expect(app.getByText('The beginning of your journal.')).toBeAttached();
  const most = await app.evaluate(() => (window as unknown as { __mostAtOnce: number }).__mostAtOnce);
  expect(most).toBeGreaterThan(0);
  expect(most).toBeLessThan(50);
});

test('an entry edited far down the timeline stays loaded, in view and focused after saving', async ({ app, running }) => {
  const ana = await seedPerson(running.journal, 'Ana Ruiz');
  for (let i = 0; i < 80; i++) {
    await seedInteraction(running.journal, { occurredAt: hoursAgo(2 + i * 7), kind: 'meeting', title: `Meeting ${i + 1}`, personIds: [ana.id] });
  }
  await openTimeline(app);
  const old = app.getByRole('article', { name: 'Meeting 75' });
  await app.getByRole('button', { name: 'Load older' }).scrollIntoViewIfNeeded();
  await expect(app.getByRole('article')).toHaveCount(80);
  await old.getByRole('button', { name: 'Edit “Meeting 75”' }).click();
  const dialog = app.getByRole('dialog', { name: 'Edit interaction' });
  await dialog.getByLabel('Title').fill('Meeting 75, revisited');
  await dialog.getByLabel('Title').press('Control+Enter');
  await expect(dialog).toBeHidden();
  const edited = app.getByRole('article', { name: 'Meeting 75, revisited' });
  await expect(edited).toBeInViewport();
  await expect(edited.getByRole('button', { name: 'Edit “Meeting 75, revisited”' })).toBeFocused();
  await expect(app.getByRole('article')).toHaveCount(80);
});

test("a person with no interactions gets a friendly empty timeline that logs one with them", async ({ app, running }) => {
  await seedPerson(running.journal, 'Ana Ruiz');
  const ben = await seedPerson(running.journal, 'Ben Okafor');
  await seedInteraction(running.journal, { occurredAt: hoursAgo(3), kind: 'call', title: 'Call with Ana', personIds: [1] });
  await openTimeline(app);
  await app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'People' }).click();
  await app.getByRole('button', { name: 'Ben Okafor' }).first().click();
  await expect(app.getByRole('heading', { name: 'Ben Okafor', level: 1 })).toBeVisible();
  await expect(app.getByText('Nothing logged with this person yet')).toBeVisible();
  await app.getByRole('button', { name: 'Log an interaction' }).click();
  const dialog = app.getByRole('dialog', { name: 'Log interaction' });
  await expect(dialog.getByRole('list', { name: 'People you met' })).toHaveText(/Ben Okafor/);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('heading', { name: 'Ben Okafor', level: 1 })).toBeVisible();
  await expect(app.getByRole('article', { name: 'Meeting with Ben Okafor' })).toBeVisible();
  expect((await call<{ entries: unknown[] }>(running.journal, 'interactions.timeline', { personId: ben.id })).entries).toHaveLength(1);
});

test('a long read keeps only the pages near the view: far ones are dropped and come back on the way there', async ({ app, running }) => {
  test.setTimeout(120_000); // 400 entries to log first
  await app.setViewportSize({ width: 1024, height: 640 });
  const ana = await seedPerson(running.journal, 'Ana Ruiz');
  for (let i = 0; i < 400; i++) {
    await seedInteraction(running.journal, { occurredAt: hoursAgo(2 + i * 7), kind: 'meeting', title: `Meeting ${i + 1}`, personIds: [ana.id] });
  }
  await openTimeline(app);
  const meeting = (n: number) => app.getByRole('article', { name: `Meeting ${n}`, exact: true });
  await expect(meeting(1)).toBeVisible();

  // Down to the first entry, a page at a time as the reader nears the end of each.
  for (let page = 1; page < 8; page++) {
    await app.getByRole('button', { name: 'Load older' }).scrollIntoViewIfNeeded();
    await expect(meeting(page * 50 + 1)).toBeAttached();
  }
  const beginning = app.getByText('The beginning of your journal.');
  await beginning.scrollIntoViewIfNeeded();
  await expect(beginning).toBeInViewport();
  await expect(meeting(400)).toBeAttached();
  // The newest pages are far above now: out of the page, their place kept, so the view did not move.
  await expect(meeting(1)).toHaveCount(0);
  expect(await app.getByRole('article').count()).toBeLessThan(400);
  await expect(beginning).toBeInViewport();

  // Back to the top: the dropped pages are read again as the reader nears them, and the oldest let go.
  await app.getByRole('main').evaluate((main) => main.scrollTo({ top: 0 }));
  await expect(meeting(1)).toBeInViewport();
  await expect(app.getByRole('heading', { level: 2 }).first()).toHaveText(/^(Today|Yesterday)/);
  await expect(meeting(400)).toHaveCount(0);

  // The keys still walk down from the newest entry.
  await meeting(1).focus();
  await app.keyboard.press('j');
  await expect(meeting(2)).toBeFocused();
});
