import { addInteraction, addPerson, call, describe, expect, test } from './helpers.js';

// The review's long lists come a page at a time (#11: at a million the review returned 1.3 MB, nearly all
// of it the people overdue and the thanks owed, for panels that draw fifty). The first page arrives with
// the review, counted whole; each next page is read from a cursor, and together they are the whole list,
// in the same order, with nothing repeated or skipped, ties and all.

const NOW = '2025-06-20T12:00:00.000Z';

/** The first page and every page after it, read on from each cursor as the screen does. */
async function readOn<T>(first: T[], cursor: string | null, page: (after: string) => Promise<{ items: T[]; next: string | null }>): Promise<T[]> {
  const read = [...first];
  for (let next = cursor; next; ) {
    const { items, next: after } = await page(next);
    read.push(...items);
    next = after;
  }
  return read;
}

describe("the review's pages", () => {
  test('people overdue: fifty with the review, then the rest by cursor, the same as the keep-in-touch list', async ({ journal }) => {
    for (let i = 0; i < 130; i += 1) {
      // Three people a day, so gaps tie and the name and id settle the order; a few never contacted.
      const id = await addPerson(journal, { name: i % 7 === 0 ? 'Same Name' : `Person ${String(i).padStart(3, '0')}`, cadenceDays: 30 });
      if (i % 10 !== 9) await addInteraction(journal, { occurredAt: `2025-0${1 + (Math.floor(i / 3) % 4)}-${String(1 + (i % 27)).padStart(2, '0')}T10:00:00.000Z`, personIds: [id] });
    }
    const whole = (await call(journal, 'reciprocity.queues', { now: NOW })).keepInTouch.pastCadence;
    expect(whole.length).toBeGreaterThan(100);

    const review = await call(journal, 'review.quarter', { now: NOW });
    expect(review.summary.overdue).toEqual(whole.slice(0, 50));
    expect(review.summary.overdueTotal).toBe(whole.length);
    const read = await readOn(review.summary.overdue, review.summary.overdueNext, (after) => call(journal, 'review.overdue', { quarter: review.quarter, after, limit: 30, now: NOW }));
    expect(read).toEqual(whole);
  });

  test('thanks owed: fifty with the review, then the rest by cursor, oldest first, the thanked ones aside', async ({ journal }) => {
    const ana = await addPerson(journal, { name: 'Ana' });
    const ids: number[] = [];
    for (let i = 0; i < 75; i += 1) {
      // Pairs on the same instant: the id orders them, and a page may end between the two.
      const occurredAt = `2025-05-${String(1 + Math.floor(i / 2) % 28).padStart(2, '0')}T10:00:00.000Z`;
      ids.push((await call(journal, 'exchanges.create', { direction: 'received', kind: 'help', description: `Help ${i}`, occurredAt, personIds: [ana] })).id);
    }
    await call(journal, 'thanks.create', { exchangeId: ids[3]! });
    await call(journal, 'exchanges.create', { direction: 'received', kind: 'help', description: 'Last quarter', occurredAt: '2025-03-30T10:00:00.000Z', personIds: [ana] });

    const review = await call(journal, 'review.quarter', { now: NOW });
    expect(review.summary.thanksOwedTotal).toBe(74);
    expect(review.summary.thanksOwed).toHaveLength(50);
    const read = await readOn(review.summary.thanksOwed, review.summary.thanksOwedNext, (after) => call(journal, 'review.thanksOwed', { quarter: review.quarter, after, limit: 7, now: NOW }));
    const owedIds = ids.filter((id) => id !== ids[3]);
    const order = (id: number) => read.findIndex((item) => item.exchange.id === id);
    expect(read.map((item) => item.exchange.id).sort((a, b) => a - b)).toEqual(owedIds);
    expect(read.map((item) => `${item.exchange.occurredAt}~${String(item.exchange.id).padStart(6, '0')}`)).toEqual(
      read.map((item) => `${item.exchange.occurredAt}~${String(item.exchange.id).padStart(6, '0')}`).sort(),
    );
    expect(order(owedIds[0]!)).toBe(0);
    // The export still lists them all.
    const { markdown } = await call(journal, 'review.exportMarkdown', { now: NOW });
    expect(markdown.match(/Help \d+/g)).toHaveLength(74);
  });

  test('a cursor that is not one is refused with a sentence', async ({ journal }) => {
    const result = await journal.call('review.overdue', { quarter: '2025-Q2', after: 'page 2' });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/position is not valid/) } });
  });
});
