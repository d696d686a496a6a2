import type { CallInput } from '../../src-main/contract/contract.js';
import { addPerson, call, expect, newInteraction, refusal, storedRows, test } from './helpers.js';

// A person's give and take at scale (#11): their page brings the newest exchanges and a cursor, not every
// one of them, while the sums and the balance stay over everything; the rest come a page at a time.

/** The page's size (the contract's default page) and the closed asks and promises a page lists. */
const EXCHANGES_PAGE = 50;
const CLOSED_SHOWN = 3;
const clock = { now: '2025-06-15T12:00:00.000Z', today: '2025-06-15' };
const day = (back: number) => new Date(Date.UTC(2025, 5, 1) - back * 86_400_000).toISOString();

function exchange(personIds: number[], occurredAt: string, direction: 'gave' | 'received', description: string): CallInput<'exchanges.create'> {
  return { direction, kind: 'advice', description, occurredAt, personIds };
}

test('the newest exchanges come first, the pages meet exactly, and the sums are over all of them', async ({ journal, journalDb }) => {
  const ada = await addPerson(journal, { name: 'Ada' });
  const bob = await addPerson(journal, { name: 'Bob' });
  const total = EXCHANGES_PAGE * 2 + 23;
  const made: { id: number; occurredAt: string }[] = [];
  const received = new Set<number>();
  let gave = 0;
  let shared = 0;
  // Two at each moment, so the cursor's id breaks the tie; every fifth one shared with Bob.
  for (let i = 0; i < total; i += 1) {
    const occurredAt = day(Math.floor(i / 2));
    const direction = i % 3 === 0 ? 'received' : 'gave';
    if (direction === 'gave') gave += 1;
    const people = i % 5 === 0 ? [ada, bob] : [ada];
    if (people.length > 1) shared += 1;
    const { id } = await call(journal, 'exchanges.create', exchange(people, occurredAt, direction, `Exchange ${i}`));
    if (direction === 'received') received.add(id);
    made.push({ id, occurredAt });
  }
  // One of Bob's alone is not Ada's.
  await call(journal, 'exchanges.create', exchange([bob], day(0), 'gave', 'Only Bob'));
  // Logged with an entry that is then deleted: hidden from the page and the sums, as ever.
  const logged = await call(journal, 'interactions.create', newInteraction({ occurredAt: day(-1), personIds: [ada], exchanges: [{ direction: 'received', kind: 'help', description: 'In a deleted entry' }] }));
  await call(journal, 'interactions.delete', { id: logged.id });
  const expected = [...made].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.id - a.id).map(({ id }) => id);

  const page = await call(journal, 'reciprocity.person', { personId: ada, ...clock });
  expect(page.exchanges.map((e) => e.id)).toEqual(expected.slice(0, EXCHANGES_PAGE));
  expect(page).toMatchObject({ gave, received: total - gave, balance: gave - (total - gave), exchangesTotal: total });
  expect(page.exchangesNext).not.toBeNull();
  // Thanks come for the exchanges on the page only; one further down shows as thanked on its own page.
  const onPage = page.exchanges.find((e) => e.direction === 'received')!.id;
  const offPage = expected.slice(EXCHANGES_PAGE).find((id) => received.has(id))!;
  for (const exchangeId of [onPage, offPage]) await call(journal, 'thanks.create', { exchangeId, thankedAt: clock.now });
  expect((await call(journal, 'reciprocity.person', { personId: ada, ...clock })).thanks.map((t) => t.exchangeId)).toEqual([onPage]);

  const seen = page.exchanges.map((e) => e.id);
  let next = page.exchangesNext;
  const sizes: number[] = [];
  while (next) {
    const more = await call(journal, 'reciprocity.exchanges', { personId: ada, after: next, limit: EXCHANGES_PAGE });
    sizes.push(more.exchanges.length);
    if (more.exchanges.some((e) => e.id === offPage)) expect(more.exchanges.find((e) => e.id === offPage)!.thankedAt).toBe(clock.now);
    seen.push(...more.exchanges.map((e) => e.id));
    next = more.next;
  }
  expect(sizes).toEqual([EXCHANGES_PAGE, 23]);
  expect(seen).toEqual(expected);
  // Bob's page holds his own and the shared ones, which name both people, as the page always did.
  const bobs = await call(journal, 'reciprocity.person', { personId: bob, ...clock });
  expect(bobs).toMatchObject({ exchangesTotal: shared + 1, exchangesNext: null });
  expect(bobs.exchanges.slice(0, 2)).toMatchObject([{ description: 'Only Bob' }, { people: [{ id: ada }, { id: bob }] }]);

  // The deleted entry's help is back with it, at the top, counted again.
  await call(journal, 'interactions.undoDelete');
  const back = await call(journal, 'reciprocity.person', { personId: ada, ...clock });
  expect(back.exchanges[0]).toMatchObject({ description: 'In a deleted entry', interactionId: logged.id });
  expect(back).toMatchObject({ exchangesTotal: total + 1, received: total - gave + 1 });

  // A position that is not one, a page too big, or a person who is not there is refused with a sentence.
  const before = storedRows(journalDb.raw);
  expect((await refusal(journal, 'reciprocity.exchanges', { personId: ada, after: 'yesterday' })).message).toBe('That timeline position is not valid.');
  expect((await refusal(journal, 'reciprocity.exchanges', { personId: ada, after: page.exchangesNext, limit: 500 })).message).toBe('Page size must be between 1 and 200.');
  expect((await refusal(journal, 'reciprocity.exchanges', { personId: 'Ada', after: page.exchangesNext })).message).toMatch(/id must be a number/i);
  expect(await refusal(journal, 'reciprocity.exchanges', { personId: 9999, after: page.exchangesNext })).toMatchObject({ code: 'not-found', message: expect.stringMatching(/person/i) });
  expect(storedRows(journalDb.raw)).toEqual(before);
});

test('every open ask and promise comes with the page, and only the last few closed ones', async ({ journal }) => {
  const ada = await addPerson(journal, { name: 'Ada' });
  const asks: { id: number; open: boolean; askedAt: string }[] = [];
  for (let i = 0; i < 8; i += 1) {
    const askedAt = day(i * 3);
    const { id } = await call(journal, 'asks.create', { direction: i % 2 ? 'they-asked' : 'i-asked', description: `Ask ${i}`, askedAt, personIds: [ada] });
    const open = i % 4 === 1 || i === 2;
    if (!open) await call(journal, 'asks.resolve', { id, status: i % 3 ? 'declined' : 'withdrawn' });
    asks.push({ id, open, askedAt });
  }
  const promises: { id: number; open: boolean; dueOn: string }[] = [];
  for (let i = 0; i < 7; i += 1) {
    const dueOn = day(20 - i * 5).slice(0, 10);
    const { id } = await call(journal, 'commitments.create', { direction: i % 2 ? 'owed-to-me' : 'i-owe', personId: ada, description: `Promise ${i}`, dueOn });
    const open = i === 2 || i === 5;
    if (!open) await call(journal, 'commitments.setStatus', { id, status: i % 3 ? 'done' : 'dropped' });
    promises.push({ id, open, dueOn });
  }

  const page = await call(journal, 'reciprocity.person', { personId: ada, ...clock });
  const newest = (list: typeof asks) => [...list].sort((a, b) => b.askedAt.localeCompare(a.askedAt)).map(({ id }) => id);
  expect(page.asks.map((a) => a.id)).toEqual([...newest(asks.filter((a) => a.open)), ...newest(asks.filter((a) => !a.open)).slice(0, CLOSED_SHOWN)]);
  const open = promises.filter((p) => p.open).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const closed = promises.filter((p) => !p.open).sort((a, b) => b.dueOn.localeCompare(a.dueOn)).slice(0, CLOSED_SHOWN);
  expect(page.commitments.map((c) => c.id)).toEqual([...open, ...closed].map(({ id }) => id));
  // The check before an ask (its own call) still sees every open ask and open promise of mine.
  const [check] = await call(journal, 'reciprocity.beforeAsk', { personIds: [ada], ...clock });
  expect(check!.openAsks.map((a) => a.id)).toEqual(page.asks.filter((a) => a.status === 'open' && a.direction === 'i-asked').map((a) => a.id));
  expect(check!.openCommitments.map((c) => c.id)).toEqual(page.commitments.filter((c) => c.status === 'open' && c.direction === 'i-owe').map((c) => c.id));
});
