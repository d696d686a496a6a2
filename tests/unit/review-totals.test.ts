import { addPerson, call, newInteraction, describe, expect, test } from './helpers.js';

// The review reads its give-and-take totals straight from the quarter's exchanges and asks (#11); they
// must be the ledger's totals for the same period, trashed entries and shared exchanges included.

describe("the review's totals", () => {
  test('are the ledger totals of the quarter, one per person named, trashed entries aside', async ({ journal }) => {
    const ana = await addPerson(journal, { name: 'Ana' });
    const ben = await addPerson(journal, { name: 'Ben' });
    const inQuarter = '2025-05-10T10:00:00.000Z';
    await call(journal, 'exchanges.create', { direction: 'gave', kind: 'advice', description: 'Rubric', occurredAt: inQuarter, personIds: [ana, ben] });
    await call(journal, 'exchanges.create', { direction: 'received', kind: 'help', description: 'Intro', occurredAt: inQuarter, personIds: [ben] });
    await call(journal, 'exchanges.create', { direction: 'gave', kind: 'advice', description: 'Before', occurredAt: '2025-03-31T10:00:00.000Z', personIds: [ana] });
    await call(journal, 'asks.create', { direction: 'i-asked', description: 'A reference', askedAt: inQuarter, personIds: [ana, ben] });
    await call(journal, 'asks.create', { direction: 'they-asked', description: 'Advice', askedAt: inQuarter, personIds: [ana] });
    // An exchange logged with an entry that is then trashed counts nowhere.
    const trashed = await call(journal, 'interactions.create', newInteraction({
      occurredAt: inQuarter,
      personIds: [ana],
      exchanges: [{ direction: 'received', kind: 'help', description: 'Gone' }],
      asks: [{ direction: 'i-asked', description: 'Gone too' }],
    }));
    await call(journal, 'interactions.delete', { id: trashed.id });

    const review = await call(journal, 'review.quarter', { quarter: '2025-Q2', now: '2025-06-20T12:00:00.000Z' });
    const ledger = await call(journal, 'reciprocity.ledger', { since: review.since, until: review.until, limit: 0 });
    expect(ledger.totals).toEqual({ gave: 2, received: 1, asked: 2, theyAsked: 1 });
    expect({ gave: review.summary.gave, received: review.summary.received, asked: review.summary.asked, theyAsked: review.summary.theyAsked }).toEqual(ledger.totals);
  });
});
