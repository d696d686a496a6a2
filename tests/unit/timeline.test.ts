import type { Journal } from '../../src-main/core/index.js';
import { addInteraction, addPerson, allPages, at, call, describe, expect, refusal, test } from './helpers.js';

/** Logs `count` interactions with one person, a minute apart (or all at once); returns ids newest first. */
async function logMany(journal: Journal, count: number, options: { sameTime?: boolean; personId?: number } = {}): Promise<number[]> {
  const personId = options.personId ?? (await addPerson(journal));
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(await addInteraction(journal, { title: `Entry ${i}`, occurredAt: at(options.sameTime ? 0 : i), personIds: [personId] }));
  }
  return ids.reverse();
}

describe('timeline paging', () => {
  test('an empty journal has one empty page and no next', async ({ journal }) => {
    expect(await call(journal, 'interactions.timeline', { limit: 10 })).toEqual({ entries: [], next: null });
  });

  test('lists newest first', async ({ journal }) => {
    const newestFirst = await logMany(journal, 5);
    expect(await allPages(journal, { limit: 50 })).toEqual([newestFirst]);
  });

  test('a page count that is an exact multiple of the limit ends on a full page with next null', async ({ journal }) => {
    const newestFirst = await logMany(journal, 6);

    const pages = await allPages(journal, { limit: 3 });

    expect(pages).toEqual([newestFirst.slice(0, 3), newestFirst.slice(3, 6)]);
  });

  test('a page exactly as long as the journal has next null', async ({ journal }) => {
    await logMany(journal, 4);
    const page = await call(journal, 'interactions.timeline', { limit: 4 });
    expect(page.entries).toHaveLength(4);
    expect(page.next).toBeNull();
  });

  test('a partial last page ends the timeline', async ({ journal }) => {
    const newestFirst = await logMany(journal, 7);
    expect(await allPages(journal, { limit: 3 })).toEqual([newestFirst.slice(0, 3), newestFirst.slice(3, 6), newestFirst.slice(6)]);
  });

  test('limit 1 walks every entry one at a time', async ({ journal }) => {
    const newestFirst = await logMany(journal, 4);
    expect(await allPages(journal, { limit: 1 })).toEqual(newestFirst.map((id) => [id]));
  });

  test('entries logged at the same moment are ordered by id, with no duplicates or gaps across pages', async ({ journal }) => {
    const before = await addInteraction(journal, { occurredAt: at(-1), personIds: [await addPerson(journal)] });
    const tied = await logMany(journal, 11, { sameTime: true });
    const after = await addInteraction(journal, { occurredAt: at(1), personIds: [await addPerson(journal)] });

    for (const limit of [1, 2, 3, 4, 13]) {
      const pages = await allPages(journal, { limit });
      expect(pages.flat(), `limit ${limit}`).toEqual([after, ...tied, before]);
      expect(pages.every((page) => page.length <= limit)).toBe(true);
    }
  });

  test('a cursor still works after the entry it points at is deleted', async ({ journal }) => {
    const newestFirst = await logMany(journal, 5);
    const first = await call(journal, 'interactions.timeline', { limit: 2 });

    await call(journal, 'interactions.delete', { id: newestFirst[1]! });
    const second = await call(journal, 'interactions.timeline', { limit: 2, after: first.next });

    expect(second.entries.map((entry) => entry.id)).toEqual(newestFirst.slice(2, 4));
  });

  test('a malformed cursor is refused as invalid input', async ({ journal }) => {
    for (const after of ['garbage', '2025-03-10T09:00:00.000Z', '2025-03-10~5', '2025-03-10T09:00:00Z~5', '2025-03-10T09:00:00.000Z~-1']) {
      expect(await refusal(journal, 'interactions.timeline', { limit: 5, after }), after).toMatchObject({
        code: 'invalid-input',
        message: 'That timeline position is not valid.',
      });
    }
  });
});

describe('timeline contents', () => {
  test("a person's timeline holds only the interactions they were in", async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    const bob = await addPerson(journal, { name: 'Bob' });
    const both = await addInteraction(journal, { occurredAt: at(0), personIds: [ada, bob] });
    const onlyBob = await addInteraction(journal, { occurredAt: at(1), personIds: [bob] });
    const onlyAda = await addInteraction(journal, { occurredAt: at(2), personIds: [ada] });

    expect(await allPages(journal, { limit: 1, personId: ada })).toEqual([[onlyAda], [both]]);
    expect(await allPages(journal, { limit: 10, personId: bob })).toEqual([[onlyBob, both]]);
    const [entry] = (await call(journal, 'interactions.timeline', { limit: 1, personId: bob })).entries;
    expect(entry?.people).toEqual([{ id: bob, name: 'Bob' }]);
  });

  test('deleted interactions are left out, for everyone and for each person', async ({ journal }) => {
    const ada = await addPerson(journal);
    const kept = await addInteraction(journal, { occurredAt: at(0), personIds: [ada] });
    const deleted = await addInteraction(journal, { occurredAt: at(1), personIds: [ada] });
    await call(journal, 'interactions.delete', { id: deleted });

    expect(await allPages(journal, { limit: 10 })).toEqual([[kept]]);
    expect(await allPages(journal, { limit: 10, personId: ada })).toEqual([[kept]]);
  });

  test('confidential notes never leave through the timeline, only through get', async ({ journal }) => {
    const ada = await addPerson(journal);
    const notes = 'She is leaving in June.';
    const secret = await addInteraction(journal, { occurredAt: at(1), confidential: true, notes, personIds: [ada] });
    const open = await addInteraction(journal, { occurredAt: at(0), notes, personIds: [ada] });

    const { entries } = await call(journal, 'interactions.timeline', { limit: 10 });

    expect(entries.map((entry) => [entry.id, entry.confidential, entry.excerpt, entry.hasNotes])).toEqual([
      [secret, true, null, true],
      [open, false, notes, true],
    ]);
    expect(JSON.stringify(entries.find((entry) => entry.id === secret))).not.toContain('June');
    expect((await call(journal, 'interactions.get', { id: secret })).notes).toBe(notes);
  });

  test('an excerpt keeps the first three paragraphs or list items, as read, and shortens long notes', async ({ journal }) => {
    const ada = await addPerson(journal);
    await addInteraction(journal, { occurredAt: at(2), notes: '\n\nOne\n\nTwo\n- Three\n- Four', personIds: [ada] });
    await addInteraction(journal, { occurredAt: at(1), notes: 'x'.repeat(400), personIds: [ada] });
    await addInteraction(journal, { occurredAt: at(0), notes: '', personIds: [ada] });

    const excerpts = (await call(journal, 'interactions.timeline', { limit: 10 })).entries.map((entry) => entry.excerpt);

    expect(excerpts).toEqual(['One\nTwo\n- Three', `${'x'.repeat(280)}…`, null]);
  });
});

describe('timeline excerpts', () => {
  test('join wrapped lines of a paragraph, keep paragraphs and list items apart, and stop at three', async () => {
    const { excerpt } = await import('../../src-main/core/interactions/interactions.js');
    expect(excerpt('She wants a director she has grown,\na seat on the council.\n\nNext: intro to Ravi.')).toBe(
      'She wants a director she has grown, a seat on the council.\nNext: intro to Ravi.',
    );
    expect(excerpt('Agreed:\n- send the deck\n- intro to the CFO\n- follow up in May')).toBe('Agreed:\n- send the deck\n- intro to the CFO');
    expect(excerpt('   \n\n  ')).toBeNull();
    expect(excerpt('x'.repeat(400))).toHaveLength(281);
  });
});
