import type { CallInput } from '../../src-main/contract/contract.js';
import type { Journal } from '../../src-main/core/index.js';
import { Rng } from '../../resources/sample/prng.js';
import { addInteraction, addPerson, call, describe, expect, newInteraction, refusal, storedRows, test } from './helpers.js';

// The reciprocity ledger: the arithmetic and the edge cases the issue names — no exchanges, only asks,
// deleted interactions, people merged later, periods spanning years — plus queues and transactions.
// Every clock is passed in: NOW is a fixed instant, TODAY its calendar day.

const NOW = '2025-06-15T12:00:00.000Z';
const TODAY = '2025-06-15';
const clock = { now: NOW, today: TODAY };

const give = (personIds: number[], occurredAt: string, fields: Partial<CallInput<'exchanges.create'>> = {}) =>
  ({ direction: 'gave', kind: 'advice', description: 'Shared the hiring rubric', occurredAt, personIds, ...fields }) as CallInput<'exchanges.create'>;
const receive = (personIds: number[], occurredAt: string, fields: Partial<CallInput<'exchanges.create'>> = {}) =>
  give(personIds, occurredAt, { direction: 'received', kind: 'introduction', description: 'Intro to the CFO', ...fields });

async function exchange(journal: Journal, input: CallInput<'exchanges.create'>): Promise<number> {
  return (await call(journal, 'exchanges.create', input)).id;
}

async function ledgerRow(journal: Journal, personId: number, period: CallInput<'reciprocity.ledger'> = {}) {
  return (await call(journal, 'reciprocity.ledger', period)).rows.find((row) => row.person.id === personId);
}

describe('the ledger', () => {
  test('with no exchanges at all it is empty, and a person shows zeros', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada', allyRole: 'contact' });
    await addInteraction(journal, { personIds: [ada] });
    expect(await call(journal, 'reciprocity.ledger', {})).toMatchObject({ rows: [], totals: { gave: 0, received: 0, asked: 0, theyAsked: 0 } });
    expect(await call(journal, 'reciprocity.person', { personId: ada, ...clock })).toMatchObject({
      gave: 0, received: 0, balance: 0, exchanges: [], exchangesNext: null, exchangesTotal: 0, asks: [], commitments: [],
    });
    expect(await call(journal, 'reciprocity.beforeAsk', { personIds: [ada], ...clock })).toMatchObject([
      { gave: 0, received: 0, lastGave: null, lastReceived: null, openCommitments: [], openAsks: [] },
    ]);
    const queues = await call(journal, 'reciprocity.queues', clock);
    expect(queues.giveFirst).toEqual([]);
    expect(queues.thanksOwed).toEqual([]);
  });

  test('counts gives and receives per person over a period, with the balance, last give and last ask', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    const bob = await addPerson(journal, { name: 'Bob' });
    await exchange(journal, give([ada], '2025-01-10T09:00:00.000Z'));
    await exchange(journal, give([ada, bob], '2025-02-10T09:00:00.000Z'));
    await exchange(journal, receive([ada], '2025-03-10T09:00:00.000Z'));
    await exchange(journal, receive([bob], '2025-03-11T09:00:00.000Z'));
    await exchange(journal, receive([bob], '2024-03-11T09:00:00.000Z'));
    await call(journal, 'asks.create', { direction: 'i-asked', description: 'A reference', askedAt: '2025-04-01T09:00:00.000Z', personIds: [ada] });

    const all = await call(journal, 'reciprocity.ledger', {});
    expect(all.rows.map((row) => [row.person.name, row.gave, row.received, row.balance, row.asked])).toEqual([
      ['Ada', 2, 1, 1, 1],
      ['Bob', 1, 2, -1, 0],
    ]);
    expect(all.totals).toEqual({ gave: 3, received: 3, asked: 1, theyAsked: 0 });
    expect(all.rows[0]).toMatchObject({ lastGaveAt: '2025-02-10T09:00:00.000Z', lastReceivedAt: '2025-03-10T09:00:00.000Z', lastAskAt: '2025-04-01T09:00:00.000Z' });

    // Only this year: Bob's 2024 help drops out; the period's end is exclusive.
    const year = await call(journal, 'reciprocity.ledger', { since: '2025-01-01T00:00:00.000Z', until: '2025-03-11T09:00:00.000Z' });
    expect(year.rows.map((row) => [row.person.name, row.gave, row.received, row.balance])).toEqual([
      ['Ada', 2, 1, 1],
      ['Bob', 1, 0, 1],
    ]);
  });

  test('a window of the ledger: ordered, filtered and cut where asked, with the totals of the whole period', async ({ journal }) => {
    const people: number[] = [];
    for (const [name, allyRole, level] of [['Ada', 'mentor', 'senior'], ['Bob', null, 'peer'], ['Cy', 'mentor', 'peer'], ['Di', null, null], ['Ed', 'sponsor', 'senior']] as const) {
      people.push(await addPerson(journal, { name, allyRole, level, insideOrg: name !== 'Di' }));
    }
    // Ada +2, Bob −1, Cy 0 (one each way), Di +1, Ed −2.
    const [ada, bob, cy, di, ed] = people as [number, number, number, number, number];
    await exchange(journal, give([ada, di], '2025-01-10T09:00:00.000Z'));
    await exchange(journal, give([ada, cy], '2025-02-10T09:00:00.000Z'));
    await exchange(journal, receive([bob, cy, ed], '2025-03-10T09:00:00.000Z'));
    await exchange(journal, receive([ed], '2025-03-12T09:00:00.000Z'));

    const names = (ledger: { rows: { person: { name: string } }[] }) => ledger.rows.map((row) => row.person.name);
    const byBalance = await call(journal, 'reciprocity.ledger', { sort: 'balance' });
    expect(names(byBalance)).toEqual(['Ed', 'Bob', 'Cy', 'Di', 'Ada']);
    expect(byBalance).toMatchObject({ total: 5, people: 5, offset: 0, totals: { gave: 4, received: 4 } });
    expect(names(await call(journal, 'reciprocity.ledger', { sort: 'balance', descending: true }))).toEqual(['Ada', 'Di', 'Cy', 'Bob', 'Ed']);
    // Never given to: last in either direction.
    expect(names(await call(journal, 'reciprocity.ledger', { sort: 'lastGaveAt', descending: true }))).toEqual(['Ada', 'Cy', 'Di', 'Bob', 'Ed']);

    // A window from the middle: the same order, the total of all matching rows, flow only for the window.
    const middle = await call(journal, 'reciprocity.ledger', { sort: 'balance', offset: 1, limit: 2 });
    expect(names(middle)).toEqual(['Bob', 'Cy']);
    expect(middle).toMatchObject({ total: 5, offset: 1, totals: { gave: 4, received: 4 } });
    expect(middle.rows[1]!.flow.filter((month) => month.gave + month.received > 0)).toEqual([
      { month: '2025-02', gave: 1, received: 0 },
      { month: '2025-03', gave: 0, received: 1 },
    ]);
    expect((await call(journal, 'reciprocity.ledger', { limit: 0 })).rows).toEqual([]);

    // Filters narrow the rows and their count; the period's totals and its people stay whole.
    const mentors = await call(journal, 'reciprocity.ledger', { allyRole: 'mentor', sort: 'name' });
    expect(names(mentors)).toEqual(['Ada', 'Cy']);
    expect(mentors).toMatchObject({ total: 2, people: 5, totals: { gave: 4, received: 4 } });
    expect(names(await call(journal, 'reciprocity.ledger', { level: 'senior' }))).toEqual(['Ada', 'Ed']);
    expect(names(await call(journal, 'reciprocity.ledger', { placement: 'outside' }))).toEqual(['Di']);
    expect(await refusal(journal, 'reciprocity.ledger', { limit: 5000 })).toMatchObject({ code: 'invalid-input' });
    expect(await refusal(journal, 'reciprocity.ledger', { sort: 'height' } as never)).toMatchObject({ code: 'invalid-input' });
  });

  test('a period spanning years buckets the flow by month, empty months included', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    await exchange(journal, give([ada], '2024-11-20T12:00:00.000Z'));
    await exchange(journal, receive([ada], '2025-01-15T12:00:00.000Z'));
    await exchange(journal, receive([ada], '2025-01-16T12:00:00.000Z'));
    await exchange(journal, give([ada], '2023-06-01T12:00:00.000Z'));

    const row = await ledgerRow(journal, ada, { since: '2024-11-01T12:00:00.000Z', until: '2025-02-10T12:00:00.000Z' });
    expect(row).toMatchObject({ gave: 1, received: 2, balance: -1 });
    expect(row?.flow).toEqual([
      { month: '2024-11', gave: 1, received: 0 },
      { month: '2024-12', gave: 0, received: 0 },
      { month: '2025-01', gave: 0, received: 2 },
      { month: '2025-02', gave: 0, received: 0 },
    ]);
    // All time starts at the first exchange ever.
    const allTime = await ledgerRow(journal, ada, { until: '2025-02-10T12:00:00.000Z' });
    expect(allTime?.flow[0]).toEqual({ month: '2023-06', gave: 1, received: 0 });
    expect(allTime?.flow).toHaveLength(21);
    expect(allTime?.balance).toBe(0);
  });

  test('only asks: a person with asks and no exchanges has a row with zero balance', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    await call(journal, 'asks.create', { direction: 'i-asked', description: 'Budget advice', askedAt: '2025-05-01T09:00:00.000Z', personIds: [ada] });
    await call(journal, 'asks.create', { direction: 'they-asked', description: 'A reference', askedAt: '2025-05-02T09:00:00.000Z', personIds: [ada] });
    expect(await ledgerRow(journal, ada)).toMatchObject({ gave: 0, received: 0, balance: 0, asked: 1, theyAsked: 1, lastGaveAt: null });
  });

  test('everything logged with a deleted interaction drops out, and undo brings it back', async ({ journal, journalDb }) => {
    const ada = await addPerson(journal, { name: 'Ada', allyRole: 'mentor' });
    const logged = await call(journal, 'interactions.create', newInteraction({
      occurredAt: '2025-06-01T09:00:00.000Z',
      personIds: [ada],
      exchanges: [{ direction: 'received', kind: 'advice', description: 'Pricing advice' }, { direction: 'gave', kind: 'resource', description: 'Our template' }],
      asks: [{ direction: 'i-asked', description: 'Review my deck' }],
      commitments: [{ direction: 'i-owe', description: 'Send the deck', dueOn: '2025-06-10' }],
    }));
    const before = await call(journal, 'reciprocity.person', { personId: ada, ...clock });
    expect(before).toMatchObject({ gave: 1, received: 1 });
    expect(before.asks).toHaveLength(1);
    expect((await call(journal, 'reciprocity.queues', clock)).commitments.iOwe).toHaveLength(1);

    await call(journal, 'interactions.delete', { id: logged.id });
    expect(await call(journal, 'reciprocity.ledger', {})).toMatchObject({ rows: [] });
    const hidden = await call(journal, 'reciprocity.queues', clock);
    expect(hidden.commitments.iOwe).toEqual([]);
    expect(hidden.thanksOwed).toEqual([]);
    expect((await call(journal, 'reciprocity.person', { personId: ada, ...clock })).asks).toEqual([]);
    expect(await refusal(journal, 'exchanges.delete', { id: logged.exchanges[0]!.id })).toMatchObject({ code: 'not-found' });

    // The log form's check reads the counters and one give and one receive: the same as the person's page.
    const [hiddenCheck] = await call(journal, 'reciprocity.beforeAsk', { personIds: [ada], ...clock });
    expect(hiddenCheck).toMatchObject({ gave: 0, received: 0, lastGave: null, lastReceived: null });

    expect((await call(journal, 'interactions.undoDelete'))?.exchanges).toHaveLength(2);
    expect(await call(journal, 'reciprocity.person', { personId: ada, ...clock })).toEqual(before);
    const newer = await exchange(journal, give([ada], '2025-06-05T09:00:00.000Z', { description: 'A newer give' }));
    const older = await exchange(journal, give([ada], '2025-05-05T09:00:00.000Z', { description: 'An older give' }));
    const page = await call(journal, 'reciprocity.person', { personId: ada, ...clock });
    const [check] = await call(journal, 'reciprocity.beforeAsk', { personIds: [ada], ...clock });
    expect(check).toMatchObject({ gave: page.gave, received: page.received, lastGave: page.exchanges.find((e) => e.direction === 'gave') });
    expect(check).toMatchObject({ gave: 3, received: 1, lastGave: { description: 'A newer give' } });
    for (const id of [newer, older]) await call(journal, 'exchanges.delete', { id });

    // Purged for good when the next delete empties the trash: the rows go with it.
    await call(journal, 'interactions.delete', { id: logged.id });
    await call(journal, 'interactions.delete', { id: await addInteraction(journal, { personIds: [ada] }) });
    const rows = storedRows(journalDb.raw);
    expect(rows).toMatchObject({ exchanges: [], asks: [], commitments: [], exchangePeople: [], askPeople: [] });
  });

  test('a merged duplicate moves every link, collapses shared ones and keeps the balance right', async ({ journal, journalDb }) => {
    const ada = await addPerson(journal, { name: 'Ada Lovelace', allyRole: 'mentor', tags: ['engines'] });
    const dup = await addPerson(journal, { name: 'A. Lovelace', organization: 'Analytical Society', tags: ['math', 'engines'] });
    const bob = await addPerson(journal, { name: 'Bob' });
    await exchange(journal, give([ada], '2025-01-10T09:00:00.000Z'));
    await exchange(journal, receive([dup], '2025-02-10T09:00:00.000Z'));
    // Logged with both records by mistake: must count once after the merge.
    await exchange(journal, receive([ada, dup, bob], '2025-03-10T09:00:00.000Z'));
    await addInteraction(journal, { personIds: [ada, dup] });
    await call(journal, 'asks.create', { direction: 'i-asked', description: 'Intro', askedAt: '2025-04-01T09:00:00.000Z', personIds: [dup] });
    await call(journal, 'commitments.create', { direction: 'i-owe', personId: dup, description: 'Send notes', dueOn: '2025-07-01' });

    const merged = await call(journal, 'people.merge', { fromId: dup, intoId: ada });
    expect(merged).toMatchObject({ id: ada, name: 'Ada Lovelace', organization: 'Analytical Society', allyRole: 'mentor', tags: ['engines', 'math'], interactionCount: 1 });
    expect(await refusal(journal, 'people.get', { id: dup })).toMatchObject({ code: 'not-found' });
    expect(await ledgerRow(journal, ada)).toMatchObject({ gave: 1, received: 2, balance: -1, asked: 1 });
    expect(await ledgerRow(journal, bob)).toMatchObject({ gave: 0, received: 1, balance: -1 });
    const person = await call(journal, 'reciprocity.person', { personId: ada, ...clock });
    expect(person.commitments.map((c) => c.person.id)).toEqual([ada]);
    expect(storedRows(journalDb.raw).exchangePeople).toHaveLength(4);
  });

  test('merging refuses the same person twice and unknown people, changing nothing', async ({ journal, journalDb }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    const before = storedRows(journalDb.raw);
    expect(await refusal(journal, 'people.merge', { fromId: ada, intoId: ada })).toMatchObject({ code: 'invalid-input', fields: { intoId: expect.any(String) } });
    expect(await refusal(journal, 'people.merge', { fromId: 99, intoId: ada })).toMatchObject({ code: 'not-found' });
    expect(storedRows(journalDb.raw)).toEqual(before);
  });
});

describe('logging with an interaction', () => {
  test('gives, asks, commitments and thanks are saved with the interaction and edited with it', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    const bob = await addPerson(journal, { name: 'Bob' });
    const earlier = await exchange(journal, receive([ada], '2025-05-01T09:00:00.000Z'));
    const created = await call(journal, 'interactions.create', newInteraction({
      occurredAt: '2025-06-01T09:00:00.000Z',
      personIds: [ada, bob],
      newPeople: [{ name: 'Cy' }],
      exchanges: [{ direction: 'gave', kind: 'introduction', description: 'Intro to Dana', personIds: [bob] }],
      asks: [{ direction: 'i-asked', description: 'Feedback on the plan' }],
      commitments: [{ direction: 'i-owe', description: 'Send the plan', dueOn: '2025-06-05', personId: ada }],
      thankedExchangeIds: [earlier],
    }));
    expect(created.exchanges).toMatchObject([{ direction: 'gave', occurredAt: '2025-06-01T09:00:00.000Z', people: [{ name: 'Bob' }] }]);
    expect(created.asks[0]?.people.map((p) => p.name)).toEqual(['Ada', 'Bob', 'Cy']);
    expect(created.commitments).toMatchObject([{ person: { id: ada }, dueOn: '2025-06-05', status: 'open' }]);
    expect(created.thanks).toMatchObject([{ exchangeId: earlier, thankedAt: '2025-06-01T09:00:00.000Z' }]);

    const { id: _id, createdAt: _c, updatedAt: _u, hasNotes: _h, people: _p, thanks: _t, association: _a, ...rest } = created;
    const edited = await call(journal, 'interactions.update', {
      ...rest,
      id: created.id,
      occurredAt: '2025-06-02T09:00:00.000Z',
      personIds: [ada, bob],
      exchanges: [{ id: created.exchanges[0]!.id, direction: 'gave', kind: 'introduction', description: 'Intro to Dana (done)', personIds: [bob] }],
      asks: [],
      commitments: created.commitments.map((c) => ({ id: c.id, direction: c.direction, description: c.description, dueOn: c.dueOn, status: 'done' as const, doneOn: '2025-06-04', personId: ada })),
      thankedExchangeIds: [earlier],
    });
    expect(edited.exchanges).toMatchObject([{ id: created.exchanges[0]!.id, description: 'Intro to Dana (done)', occurredAt: '2025-06-02T09:00:00.000Z' }]);
    expect(edited.asks).toEqual([]);
    expect(edited.commitments).toMatchObject([{ status: 'done', doneOn: '2025-06-04' }]);
    // An edit that leaves the arrays out leaves what is attached alone.
    const untouched = await call(journal, 'interactions.update', { ...newInteraction({ personIds: [ada, bob] }), id: created.id });
    expect(untouched.exchanges).toHaveLength(1);
    expect(untouched.commitments).toHaveLength(1);
  });

  test('a bad item refuses the whole interaction: nothing is stored', async ({ journal, journalDb }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    const bob = await addPerson(journal, { name: 'Bob' });
    const stranger = await addPerson(journal, { name: 'Stranger' });
    const before = storedRows(journalDb.raw);
    const cases: [Partial<CallInput<'interactions.create'>>, string, string][] = [
      [{ exchanges: [{ direction: 'gave', kind: 'gift' as 'other', description: 'x' }] }, 'invalid-input', 'exchanges.0.kind'],
      [{ exchanges: [{ direction: 'gave', kind: 'advice', description: '  ' }] }, 'invalid-input', 'exchanges.0.description'],
      [{ exchanges: [{ direction: 'gave', kind: 'advice', description: 'x', personIds: [stranger] }] }, 'invalid-input', 'exchanges.0.personIds'],
      [{ commitments: [{ direction: 'i-owe', description: 'x', dueOn: '2025-02-30' }] }, 'invalid-input', 'commitments.0.dueOn'],
      [{ commitments: [{ direction: 'i-owe', description: 'x', dueOn: '2025-02-03' }] }, 'invalid-input', 'commitments.0.personId'],
      [{ asks: [{ direction: 'we-asked' as 'i-asked', description: 'x' }] }, 'invalid-input', 'asks.0.direction'],
      [{ thankedExchangeIds: [404] }, 'not-found', ''],
    ];
    for (const [fields, code, field] of cases) {
      const error = await refusal(journal, 'interactions.create', newInteraction({ personIds: [ada, bob], newPeople: [{ name: 'New' }], ...fields }));
      expect(error.code).toBe(code);
      if (field) expect(error.fields?.[field], JSON.stringify(error)).toBeTruthy();
      expect(storedRows(journalDb.raw)).toEqual(before);
    }
  });
});

describe('asks', () => {
  test('fulfilling my ask records the help received, linked, without retyping; reopening takes it back', async ({ journal, journalDb }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    const ask = await call(journal, 'asks.create', { direction: 'i-asked', description: 'Intro to the CFO', askedAt: '2025-05-01T09:00:00.000Z', personIds: [ada] });
    expect(ask.status).toBe('open');
    const fulfilled = await call(journal, 'asks.resolve', { id: ask.id, status: 'fulfilled', kind: 'introduction', resolvedAt: '2025-05-20T09:00:00.000Z' });
    expect(fulfilled).toMatchObject({ status: 'fulfilled', resolvedAt: '2025-05-20T09:00:00.000Z', exchangeId: expect.any(Number) });
    const [received] = (await call(journal, 'reciprocity.person', { personId: ada, ...clock })).exchanges;
    expect(received).toMatchObject({ id: fulfilled.exchangeId, direction: 'received', kind: 'introduction', description: 'Intro to the CFO', occurredAt: '2025-05-20T09:00:00.000Z', people: [{ id: ada }] });
    expect((await call(journal, 'reciprocity.queues', clock)).thanksOwed.map((item) => item.exchange.id)).toEqual([fulfilled.exchangeId]);

    const reopened = await call(journal, 'asks.resolve', { id: ask.id, status: 'open' });
    expect(reopened).toMatchObject({ status: 'open', resolvedAt: null, exchangeId: null });
    expect(storedRows(journalDb.raw).exchanges).toEqual([]);
  });

  test('their ask fulfilled is help I gave; fulfilling needs a kind and a bad resolve changes nothing', async ({ journal, journalDb }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    const ask = await call(journal, 'asks.create', { direction: 'they-asked', description: 'A reference letter', askedAt: '2025-05-01T09:00:00.000Z', personIds: [ada] });
    const before = storedRows(journalDb.raw);
    expect(await refusal(journal, 'asks.resolve', { id: ask.id, status: 'fulfilled' })).toMatchObject({ code: 'invalid-input', fields: { kind: expect.any(String) } });
    expect(await refusal(journal, 'asks.resolve', { id: 404, status: 'declined' })).toMatchObject({ code: 'not-found' });
    expect(storedRows(journalDb.raw)).toEqual(before);
    await call(journal, 'asks.resolve', { id: ask.id, status: 'fulfilled', kind: 'endorsement' });
    expect(await ledgerRow(journal, ada)).toMatchObject({ gave: 1, received: 0, theyAsked: 1 });
  });
});

describe('thanks owed', () => {
  test('lists help received with no thanks, oldest first, late after a week; logging thanks clears it', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada Lovelace' });
    const old = await exchange(journal, receive([ada], '2025-06-01T09:00:00.000Z', { description: 'Intro to the CFO' }));
    const fresh = await exchange(journal, receive([ada], '2025-06-14T09:00:00.000Z', { description: 'Budget advice' }));
    await exchange(journal, give([ada], '2025-06-02T09:00:00.000Z'));
    await exchange(journal, receive([ada], '2023-01-01T09:00:00.000Z', { description: 'Long ago' }));

    const owed = (await call(journal, 'reciprocity.queues', clock)).thanksOwed;
    expect(owed.map((item) => [item.exchange.id, item.late])).toEqual([[old, true], [fresh, false]]);

    const thanks = await call(journal, 'thanks.create', { exchangeId: old, logAs: 'message', thankedAt: '2025-06-15T10:00:00.000Z' });
    expect(thanks).toMatchObject({ exchangeId: old, interactionId: expect.any(Number) });
    const logged = await call(journal, 'interactions.get', { id: thanks.interactionId! });
    expect(logged).toMatchObject({ kind: 'message', title: 'Thanked Ada for intro to the CFO', people: [{ id: ada }], thanks: [{ id: thanks.id }] });
    expect((await call(journal, 'reciprocity.queues', clock)).thanksOwed.map((item) => item.exchange.id)).toEqual([fresh]);

    // Deleting that thank-you's interaction makes the thanks owed again.
    await call(journal, 'interactions.delete', { id: logged.id });
    expect((await call(journal, 'reciprocity.queues', clock)).thanksOwed).toHaveLength(2);
  });

  test("the log form's question: help from the people chosen still waiting for thanks, and nobody else's", async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada Lovelace' });
    const bo = await addPerson(journal, { name: 'Bo Lindqvist' });
    const cy = await addPerson(journal, { name: 'Cy Young' });
    const both = await exchange(journal, receive([ada, bo], '2025-06-01T09:00:00.000Z', { description: 'Intro to the CFO' }));
    const boOnly = await exchange(journal, receive([bo], '2025-06-10T09:00:00.000Z', { description: 'Budget advice' }));
    await exchange(journal, receive([cy], '2025-06-11T09:00:00.000Z', { description: 'Hiring rubric' }));
    const ids = async (personIds: number[]) => (await call(journal, 'reciprocity.thanksOwed', { personIds, ...clock })).map((item) => item.exchange.id);
    expect(await ids([ada])).toEqual([both]);
    expect(await ids([bo])).toEqual([both, boOnly]);
    expect(await ids([ada, bo])).toEqual([both, boOnly]);
    // The same items, late flag and all, as the whole queue has for them.
    const queue = (await call(journal, 'reciprocity.queues', clock)).thanksOwed.filter((item) => item.exchange.people.some((person) => person.id === bo));
    expect(await call(journal, 'reciprocity.thanksOwed', { personIds: [bo], ...clock })).toEqual(queue);
    expect(await refusal(journal, 'reciprocity.thanksOwed', { personIds: [] })).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/at least one person/) });
  });

  test('the queue summary counts what the queues hold, without their rows', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada Lovelace', allyRole: 'mentor', cadenceDays: 30 });
    const bo = await addPerson(journal, { name: 'Bo Lindqvist' });
    await exchange(journal, receive([ada], '2025-06-01T09:00:00.000Z'));
    await exchange(journal, receive([bo], '2025-06-14T09:00:00.000Z'));
    await call(journal, 'commitments.create', { direction: 'i-owe', personId: bo, description: 'Send the deck', dueOn: '2025-06-01' });
    await call(journal, 'commitments.create', { direction: 'owed-to-me', personId: ada, description: 'Intro to Cy', dueOn: '2025-07-01' });
    const lists = await call(journal, 'reciprocity.queues', clock);
    const summary = await call(journal, 'reciprocity.queueSummary', clock);
    expect(summary).toEqual({
      today: TODAY,
      giveFirst: lists.giveFirst.length,
      thanksOwed: 2,
      thanksLate: 1,
      commitments: 2,
      overdue: 1,
      keepInTouch: new Set([...lists.keepInTouch.pastCadence, ...lists.keepInTouch.onlyAsks].map((item) => item.person.id)).size,
      followThrough: lists.commitments.followThrough.at(-1) ?? null,
      quarters: lists.commitments.followThrough,
    });
    expect(summary.giveFirst).toBeGreaterThan(0);
    expect(JSON.stringify(summary).length).toBeLessThan(JSON.stringify(lists).length / 3);
  });

  test('the queue summary, counted in SQL, equals the counts of the built queues on random journals', async ({ journal }) => {
    const rng = new Rng(11);
    const roles = [null, null, 'mentor', 'sponsor', 'ally', 'contact', 'gatekeeper'] as const;
    // Dates from two years before NOW to a month after (some logged ahead), to the second.
    const when = () => new Date(Date.parse(NOW) - rng.int(-30 * 86_400, 730 * 86_400) * 1000).toISOString();
    // Days on and beside the clocks' days below, now and then: a promise due today is not yet overdue.
    const day = () => (rng.chance(0.3) ? rng.pick(['2025-06-14', '2025-06-15', '2025-06-16', '2025-01-31', '2025-02-01', '2024-03-01', '2025-07-20']) : when().slice(0, 10));
    const people: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const cadenceDays = rng.chance(0.5) ? rng.pick([7, 30, 90, 180]) : null;
      people.push(await addPerson(journal, { name: `Person ${i}`, allyRole: rng.pick(roles), cadenceDays }));
    }
    const some = () => [...new Set([rng.pick(people), ...(rng.chance(0.3) ? [rng.pick(people)] : [])])];
    const received: number[] = [];
    for (let i = 0; i < 120; i += 1) {
      const personIds = some();
      const occurredAt = when();
      const roll = rng.next();
      if (roll < 0.35) {
        const item = await call(journal, 'exchanges.create', { direction: rng.chance(0.5) ? 'gave' : 'received', kind: 'advice', description: `Exchange ${i}`, occurredAt, personIds });
        if (item.direction === 'received') received.push(item.id);
      } else if (roll < 0.5) {
        await call(journal, 'asks.create', { direction: rng.chance(0.7) ? 'i-asked' : 'they-asked', description: `Ask ${i}`, askedAt: occurredAt, personIds });
      } else if (roll < 0.65) {
        const commitment = await call(journal, 'commitments.create', { direction: rng.chance(0.5) ? 'i-owe' : 'owed-to-me', personId: personIds[0]!, description: `Promise ${i}`, dueOn: day() });
        if (rng.chance(0.4)) await call(journal, 'commitments.setStatus', { id: commitment.id, status: rng.pick(['done', 'dropped'] as const), doneOn: day() });
      } else {
        // An interaction, with a give, a receive or an ask of mine logged with it, and now and then deleted.
        const id = await addInteraction(journal, {
          occurredAt,
          personIds,
          ...(rng.chance(0.4) ? { exchanges: [{ direction: rng.chance(0.5) ? 'gave' : 'received', kind: 'help', description: `Logged ${i}`, personIds: [] }] } : {}),
          ...(rng.chance(0.4) ? { asks: [{ direction: 'i-asked', description: `Asked ${i}`, status: 'open', personIds: [] }] } : {}),
          ...(rng.chance(0.2) ? { commitments: [{ direction: 'i-owe', personId: personIds[0]!, description: `Said ${i}`, dueOn: day(), status: 'open' }] } : {}),
        } as Partial<CallInput<'interactions.create'>>);
        if (rng.chance(0.15)) await call(journal, 'interactions.delete', { id });
      }
    }
    for (const exchangeId of received.filter(() => rng.chance(0.3))) await call(journal, 'thanks.create', { exchangeId, logAs: rng.chance(0.5) ? 'message' : null, thankedAt: when() });
    for (const personId of people.filter(() => rng.chance(0.15))) await call(journal, 'giveFirst.dismiss', { personId, snoozeUntil: rng.chance(0.5) ? day() : null });

    for (const now of [NOW, '2025-01-31T23:30:00.000Z', '2024-03-01T08:00:00.000Z', '2025-07-20T12:00:00.000Z']) {
      const asOf = { now };
      const lists = await call(journal, 'reciprocity.queues', asOf);
      const summary = await call(journal, 'reciprocity.queueSummary', asOf);
      const { giveFirst, thanksOwed, commitments, keepInTouch } = lists;
      expect(summary, now).toEqual({
        today: lists.today,
        giveFirst: giveFirst.length,
        thanksOwed: thanksOwed.length,
        thanksLate: thanksOwed.filter((item) => item.late).length,
        commitments: commitments.iOwe.length + commitments.owedToMe.length,
        overdue: commitments.iOwe.filter((commitment) => commitment.overdue).length,
        keepInTouch: new Set([...keepInTouch.pastCadence, ...keepInTouch.onlyAsks].map((item) => item.person.id)).size,
        followThrough: commitments.followThrough.at(-1) ?? null,
        quarters: commitments.followThrough,
      });
      // Random data that leaves a queue empty proves nothing about it.
      if (now === NOW) for (const count of [summary.giveFirst, summary.thanksOwed, summary.thanksLate, summary.commitments, summary.overdue, summary.keepInTouch]) expect(count, now).toBeGreaterThan(0);
    }
  });

  test('thanks are only for help received', async ({ journal, journalDb }) => {
    const ada = await addPerson(journal);
    const given = await exchange(journal, give([ada], '2025-06-01T09:00:00.000Z'));
    const before = storedRows(journalDb.raw);
    expect(await refusal(journal, 'thanks.create', { exchangeId: given, logAs: 'message' })).toMatchObject({ code: 'invalid-input' });
    expect(storedRows(journalDb.raw)).toEqual(before);
  });
});

describe('commitments', () => {
  test('open promises sort overdue first, relative to the day passed in; done clears them', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    const later = await call(journal, 'commitments.create', { direction: 'i-owe', personId: ada, description: 'Send the deck', dueOn: '2025-06-20' });
    const late = await call(journal, 'commitments.create', { direction: 'i-owe', personId: ada, description: 'Share the rubric', dueOn: '2025-06-01' });
    await call(journal, 'commitments.create', { direction: 'owed-to-me', personId: ada, description: 'Intro to Bo', dueOn: '2025-06-14' });

    const { commitments } = await call(journal, 'reciprocity.queues', clock);
    expect(commitments.iOwe.map((c) => [c.id, c.overdue])).toEqual([[late.id, true], [later.id, false]]);
    expect(commitments.owedToMe).toMatchObject([{ description: 'Intro to Bo', overdue: true }]);
    // The same promise is not overdue on its own due day.
    expect((await call(journal, 'reciprocity.queues', { ...clock, today: '2025-06-01' })).commitments.iOwe[0]?.overdue).toBe(false);

    expect(await call(journal, 'commitments.setStatus', { id: late.id, status: 'done', doneOn: '2025-06-15' })).toMatchObject({ status: 'done', doneOn: '2025-06-15', overdue: false });
    expect((await call(journal, 'reciprocity.queues', clock)).commitments.iOwe.map((c) => c.id)).toEqual([later.id]);
  });

  test('follow-through per quarter is done on time ÷ due; dropped counts as not kept, not-yet-due is left out', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    const promise = async (dueOn: string, status?: 'done' | 'dropped', doneOn?: string, direction: 'i-owe' | 'owed-to-me' = 'i-owe') => {
      const { id } = await call(journal, 'commitments.create', { direction, personId: ada, description: `Due ${dueOn}`, dueOn });
      if (status) await call(journal, 'commitments.setStatus', { id, status, doneOn });
    };
    await promise('2025-01-10', 'done', '2025-01-09'); // Q1 on time
    await promise('2025-02-10', 'done', '2025-02-12'); // Q1 late
    await promise('2025-03-10', 'dropped'); // Q1 dropped
    await promise('2025-03-31'); // Q1 open, overdue
    await promise('2025-03-01', 'done', '2025-03-01', 'owed-to-me'); // theirs: not my rate
    await promise('2025-04-02', 'done', '2025-04-01'); // Q2 on time
    await promise('2025-06-30'); // Q2 not yet due
    await promise('2024-12-31', 'done', '2024-12-31'); // Q4 of the year before

    const { followThrough } = (await call(journal, 'reciprocity.queues', clock)).commitments;
    expect(followThrough).toEqual([
      { quarter: '2024-Q3', due: 0, doneOnTime: 0, rate: null },
      { quarter: '2024-Q4', due: 1, doneOnTime: 1, rate: 1 },
      { quarter: '2025-Q1', due: 4, doneOnTime: 1, rate: 0.25 },
      { quarter: '2025-Q2', due: 1, doneOnTime: 1, rate: 1 },
    ]);
  });
});

describe('give first', () => {
  test('shows people who helped me or I rely on, when I have not given lately, with the reason', async ({ journal }) => {
    const helper = await addPerson(journal, { name: 'Helper' });
    const sponsor = await addPerson(journal, { name: 'Sponsor', allyRole: 'sponsor' });
    const balanced = await addPerson(journal, { name: 'Balanced', allyRole: 'mentor' });
    await addPerson(journal, { name: 'Contact', allyRole: 'contact' });
    await exchange(journal, receive([helper], '2025-03-05T09:00:00.000Z'));
    await exchange(journal, receive([helper], '2025-04-05T09:00:00.000Z'));
    await exchange(journal, receive([helper], '2025-05-05T09:00:00.000Z'));
    await exchange(journal, give([helper], '2024-02-05T09:00:00.000Z'));
    await exchange(journal, give([sponsor], '2024-10-05T09:00:00.000Z'));
    await exchange(journal, give([balanced], '2025-05-05T09:00:00.000Z'));
    await exchange(journal, receive([balanced], '2025-05-06T09:00:00.000Z'));

    const items = (await call(journal, 'reciprocity.queues', clock)).giveFirst;
    expect(items.map((item) => [item.person.name, item.reason])).toEqual([
      ['Helper', 'Helped you 3 times since March; you last gave in 2024'],
      ['Sponsor', 'Your sponsor; you last gave in October 2024'],
    ]);
  });

  test('dismiss hides someone until they help again; snooze until a day; restore brings them back', async ({ journal }) => {
    const helper = await addPerson(journal, { name: 'Helper' });
    await exchange(journal, receive([helper], '2025-03-05T09:00:00.000Z'));
    const names = async (at = clock) => (await call(journal, 'reciprocity.queues', at)).giveFirst.map((item) => item.person.name);
    expect(await names()).toEqual(['Helper']);

    await call(journal, 'giveFirst.dismiss', { personId: helper });
    expect(await names()).toEqual([]);
    await exchange(journal, receive([helper], new Date(Date.now() + 60_000).toISOString()));
    expect(await names({ now: new Date(Date.now() + 120_000).toISOString(), today: '2099-01-01' })).toEqual(['Helper']);

    await call(journal, 'giveFirst.dismiss', { personId: helper, snoozeUntil: '2025-07-01' });
    expect(await names()).toEqual([]);
    expect(await names({ now: NOW, today: '2025-07-01' })).toEqual(['Helper']);
    await call(journal, 'giveFirst.restore', { personId: helper });
    expect(await names()).toEqual(['Helper']);
    expect((await call(journal, 'reciprocity.person', { personId: helper, ...clock })).dismissal).toBeNull();
  });
});

describe('keep in touch and before you ask', () => {
  test('past cadence and only-asks lists', async ({ journal }) => {
    const due = await addPerson(journal, { name: 'Due', cadenceDays: 30 });
    const fine = await addPerson(journal, { name: 'Fine', cadenceDays: 30 });
    const never = await addPerson(journal, { name: 'Never', cadenceDays: 30 });
    const asker = await addPerson(journal, { name: 'Only asks' });
    const mixed = await addPerson(journal, { name: 'Mixed' });
    await addInteraction(journal, { personIds: [due], occurredAt: '2025-05-01T09:00:00.000Z' });
    await addInteraction(journal, { personIds: [fine], occurredAt: '2025-06-01T09:00:00.000Z' });
    await addInteraction(journal, { personIds: [asker, mixed], occurredAt: '2025-05-01T09:00:00.000Z', asks: [{ direction: 'i-asked', description: 'A favour' }] });
    await addInteraction(journal, { personIds: [mixed], occurredAt: '2025-05-10T09:00:00.000Z' });
    await call(journal, 'asks.create', { direction: 'i-asked', description: 'Another favour', askedAt: '2025-06-01T09:00:00.000Z', personIds: [asker] });
    // Older than six months: not part of the picture.
    await addInteraction(journal, { personIds: [asker], occurredAt: '2024-10-01T09:00:00.000Z' });

    const { keepInTouch } = await call(journal, 'reciprocity.queues', clock);
    expect(keepInTouch.pastCadence.map((item) => [item.person.name, item.overdueDays])).toEqual([['Never', 0], ['Due', 15]]);
    expect(keepInTouch.onlyAsks.map((item) => [item.person.name, item.asks])).toEqual([['Only asks', 2]]);
    expect(never).toBeGreaterThan(0);
  });

  test('keep in touch has two cadences: due past the ideal, overdue past the maximum (twice the ideal when unset), overdue first', async ({ journal }) => {
    const today = new Date(clock.now);
    const daysAgo = (days: number) => new Date(today.getTime() - days * 86_400_000).toISOString();
    const due = await addPerson(journal, { name: 'Due, within the maximum', cadenceDays: 30, cadenceMaxDays: 40 });
    const overdue = await addPerson(journal, { name: 'Overdue, past the maximum', cadenceDays: 30, cadenceMaxDays: 40 });
    const doubled = await addPerson(journal, { name: 'Overdue, twice the ideal', cadenceDays: 10 });
    const fine = await addPerson(journal, { name: 'Fine', cadenceDays: 30, cadenceMaxDays: 40 });
    await addInteraction(journal, { personIds: [due], occurredAt: daysAgo(35) });
    await addInteraction(journal, { personIds: [overdue], occurredAt: daysAgo(45) });
    await addInteraction(journal, { personIds: [doubled], occurredAt: daysAgo(25) });
    await addInteraction(journal, { personIds: [fine], occurredAt: daysAgo(20) });
    const { keepInTouch } = await call(journal, 'reciprocity.queues', clock);
    expect(keepInTouch.pastCadence.map((item) => [item.person.name, item.state, item.maxCadenceDays])).toEqual([
      ['Overdue, past the maximum', 'overdue', 40],
      ['Overdue, twice the ideal', 'overdue', 20],
      ['Due, within the maximum', 'due', 40],
    ]);
    // Logging with them restarts the clock: the overdue person leaves the list.
    await addInteraction(journal, { personIds: [overdue], occurredAt: daysAgo(1) });
    const after = await call(journal, 'reciprocity.queues', clock);
    expect(after.keepInTouch.pastCadence.map((item) => item.person.id)).toEqual([doubled, due]);
  });

  test('one queue list a window at a time: the first rows of the whole queue, in its order, with its size', async ({ journal }) => {
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await addPerson(journal, { name: `Person ${i}`, allyRole: i % 2 ? 'mentor' : 'contact', cadenceDays: 30 }));
    for (const [i, person] of people.entries()) {
      await exchange(journal, receive([person], `2025-0${1 + (i % 5)}-1${i}T09:00:00.000Z`, { description: `Help ${i}` }));
      await exchange(journal, receive([person, people[(i + 1) % 6]!], `2025-05-2${i}T09:00:00.000Z`, { description: `Joint help ${i}` }));
      await call(journal, 'commitments.create', { direction: i % 2 ? 'i-owe' : 'owed-to-me', description: `Promise ${i}`, dueOn: `2025-06-1${i}`, personId: person });
      await addInteraction(journal, { personIds: [person], occurredAt: `2025-0${1 + (i % 4)}-02T09:00:00.000Z`, asks: i < 3 ? [{ direction: 'i-asked', description: 'A favour' }] : [] });
    }
    const whole = await call(journal, 'reciprocity.queues', clock);
    const lists = {
      'give-first': whole.giveFirst,
      thanks: whole.thanksOwed,
      'i-owe': whole.commitments.iOwe,
      'owed-to-me': whole.commitments.owedToMe,
      'past-cadence': whole.keepInTouch.pastCadence,
      'only-asks': whole.keepInTouch.onlyAsks,
    } as const;
    expect(whole.thanksOwed.length).toBeGreaterThan(3);
    expect(whole.giveFirst.length).toBeGreaterThan(3);
    for (const [list, items] of Object.entries(lists) as [keyof typeof lists, readonly unknown[]][]) {
      for (const limit of [0, 2, 1000]) {
        expect(await call(journal, 'reciprocity.queue', { list, limit, ...clock })).toEqual({ list, today: TODAY, total: items.length, items: items.slice(0, limit) });
      }
    }
    expect((await call(journal, 'reciprocity.queueSummary', clock)).quarters).toEqual(whole.commitments.followThrough);
    expect((await refusal(journal, 'reciprocity.queue', { list: 'everything', limit: 10 })).message).toMatch(/The list must be one of: give-first, thanks/);
    expect((await refusal(journal, 'reciprocity.queue', { list: 'thanks', limit: 5000 })).message).toMatch(/At most 1000 rows at once/);
  });

  test('an ask made outside any interaction is a contact too: the two lists agree on when we last spoke', async ({ journal }) => {
    // Cadence 30 days, the last logged meeting a year ago, and an ask sent a month ago.
    const helen = await addPerson(journal, { name: 'Helen', cadenceDays: 30 });
    await addInteraction(journal, { personIds: [helen], occurredAt: '2024-06-10T09:00:00.000Z' });
    await call(journal, 'asks.create', { direction: 'i-asked', description: 'A reference', askedAt: '2025-05-10T09:00:00.000Z', personIds: [helen] });
    const { keepInTouch } = await call(journal, 'reciprocity.queues', clock);
    const past = keepInTouch.pastCadence.find((item) => item.person.id === helen);
    const asks = keepInTouch.onlyAsks.find((item) => item.person.id === helen);
    expect(asks?.lastContactAt).toBe('2025-05-10T09:00:00.000Z');
    // Past the cadence by 6 days counted from the ask, not 340 from the meeting a year ago.
    expect(past?.lastContactAt).toBe('2025-05-10T09:00:00.000Z');
    expect(past?.overdueDays).toBe(6);
  });

  test('before you ask: what I gave, what they gave, the last contact with no ask, open promises I owe', async ({ journal }) => {
    const ada = await addPerson(journal, { name: 'Ada' });
    await addInteraction(journal, { personIds: [ada], occurredAt: '2025-04-01T09:00:00.000Z', title: 'Just a coffee' });
    await addInteraction(journal, { personIds: [ada], occurredAt: '2025-05-01T09:00:00.000Z', asks: [{ direction: 'i-asked', description: 'Intro' }] });
    await exchange(journal, give([ada], '2025-03-01T09:00:00.000Z', { description: 'First give' }));
    await exchange(journal, give([ada], '2025-03-02T09:00:00.000Z', { description: 'Second give' }));
    await exchange(journal, receive([ada], '2025-03-03T09:00:00.000Z'));
    await call(journal, 'commitments.create', { direction: 'i-owe', personId: ada, description: 'Send the deck', dueOn: '2025-06-01' });

    const [check] = await call(journal, 'reciprocity.beforeAsk', { personIds: [ada], ...clock });
    expect(check).toMatchObject({
      person: { id: ada, name: 'Ada' },
      gave: 2,
      received: 1,
      lastGave: { description: 'Second give' },
      lastContactWithoutAskAt: '2025-04-01T09:00:00.000Z',
      openCommitments: [{ description: 'Send the deck', overdue: true }],
      openAsks: [{ description: 'Intro' }],
    });
  });
});

describe('validation', () => {
  test.for<[string, string, Record<string, unknown>, string]>([
    ['an unknown exchange kind', 'exchanges.create', { direction: 'gave', kind: 'gift', description: 'x', occurredAt: NOW, personIds: [1] }, 'kind'],
    ['an exchange with nobody', 'exchanges.create', { direction: 'gave', kind: 'advice', description: 'x', occurredAt: NOW, personIds: [] }, 'personIds'],
    ['an exchange with a bad date', 'exchanges.create', { direction: 'gave', kind: 'advice', description: 'x', occurredAt: 'soon', personIds: [1] }, 'occurredAt'],
    ['a blank ask', 'asks.create', { direction: 'i-asked', description: ' ', askedAt: NOW, personIds: [1] }, 'description'],
    ['a commitment due on a non-day', 'commitments.create', { direction: 'i-owe', personId: 1, description: 'x', dueOn: '2025-13-01' }, 'dueOn'],
    ['a commitment due as an instant', 'commitments.create', { direction: 'i-owe', personId: 1, description: 'x', dueOn: NOW }, 'dueOn'],
    ['an unknown commitment status', 'commitments.setStatus', { id: 1, status: 'forgotten' }, 'status'],
    ['a period that ends before it starts', 'reciprocity.ledger', { since: '2025-02-01T00:00:00Z', until: '2025-01-01T00:00:00Z' }, 'since'],
    ['a snooze that is not a day', 'giveFirst.dismiss', { personId: 1, snoozeUntil: 'next week' }, 'snoozeUntil'],
    ['thanks with an extra key', 'thanks.create', { exchangeId: 1, gift: 'flowers' }, '_'],
  ])('refuses %s with a readable message and changes nothing', async ([, name, input, field], { journal, journalDb }) => {
    await addPerson(journal);
    const before = storedRows(journalDb.raw);
    const error = await refusal(journal, name, input);
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/^[A-Z]/);
    if (field !== '_') expect(Object.keys(error.fields ?? {})).toContain(field);
    expect(storedRows(journalDb.raw)).toEqual(before);
  });

  test('writes naming people or items that do not exist are not-found and change nothing', async ({ journal, journalDb }) => {
    const ada = await addPerson(journal);
    const before = storedRows(journalDb.raw);
    expect(await refusal(journal, 'exchanges.create', give([ada, 404], NOW))).toMatchObject({ code: 'not-found' });
    expect(await refusal(journal, 'commitments.create', { direction: 'i-owe', personId: 404, description: 'x', dueOn: TODAY })).toMatchObject({ code: 'not-found' });
    expect(await refusal(journal, 'commitments.setStatus', { id: 404, status: 'done' })).toMatchObject({ code: 'not-found' });
    expect(await refusal(journal, 'giveFirst.dismiss', { personId: 404 })).toMatchObject({ code: 'not-found' });
    expect(await refusal(journal, 'reciprocity.person', { personId: 404 })).toMatchObject({ code: 'not-found' });
    expect(storedRows(journalDb.raw)).toEqual(before);
  });
});
