// Every update call changes only the fields it names (a field left out keeps its stored value), items
// logged with an interaction stay about the people in it, and attendance goals stay inside 1900–2199.
import type { CallName } from '../../src-main/contract/names.js';
import { addPerson, call, describe, expect, newInteraction, refusal, storedRows, test } from './helpers.js';
import type { Journal } from '../../src-main/core/index.js';

type Read = (journal: Journal, id: number) => Promise<Record<string, unknown>>;

/** Drops what every write touches, so a before/after comparison sees only the fields the call named. */
function settled(record: Record<string, unknown>): Record<string, unknown> {
  const { updatedAt: _updatedAt, ...rest } = record;
  return rest;
}

async function seed(journal: Journal) {
  const ada = await addPerson(journal, { name: 'Ada', organization: 'Northwind', role: 'CFO', tags: ['mentor'], notes: 'Met at the offsite.', cadenceDays: 30, level: 'senior', insideOrg: true });
  const bo = await addPerson(journal, { name: 'Bo' });
  const interaction = await call(
    journal,
    'interactions.create',
    newInteraction({ personIds: [ada, bo], confidential: true, notes: 'Off the record.', location: 'Café' }),
  );
  const exchange = await call(journal, 'exchanges.create', { direction: 'received', kind: 'advice', description: 'Budget advice', occurredAt: '2025-02-01T10:00:00.000Z', personIds: [ada, bo] });
  const ask = await call(journal, 'asks.create', { direction: 'i-asked', description: 'An intro to finance', askedAt: '2025-02-02T10:00:00.000Z', personIds: [ada] });
  const commitment = await call(journal, 'commitments.create', { direction: 'i-owe', personId: ada, description: 'Send the deck', dueOn: '2025-03-01' });
  const association = await call(journal, 'associations.create', { name: 'Forum', category: 'industry', notes: 'Monthly.', renewalOn: '2026-01-01', website: 'forum.example', myRole: 'member' });
  const link = await call(journal, 'links.create', { personAId: ada, personBId: bo, kind: 'works-with', sinceOn: '2020-05-01', note: 'Same floor.' });
  return { ada, bo, interaction: interaction.id, exchange: exchange.id, ask: ask.id, commitment: commitment.id, association: association.id, link: link.id };
}

type Ids = Awaited<ReturnType<typeof seed>>;

// Each update call, the one field it changes, and how to read the record back.
const updates: { name: CallName; id: (ids: Ids) => number; change: Record<string, unknown>; read: Read }[] = [
  { name: 'people.update', id: (ids) => ids.ada, change: { role: 'CTO' }, read: (j, id) => call(j, 'people.get', { id }) as never },
  { name: 'interactions.update', id: (ids) => ids.interaction, change: { title: 'Renamed' }, read: (j, id) => call(j, 'interactions.get', { id }) as never },
  { name: 'exchanges.update', id: (ids) => ids.exchange, change: { description: 'Better budget advice' }, read: (j, id) => getItem(j, 'exchanges', id) },
  { name: 'asks.update', id: (ids) => ids.ask, change: { description: 'An intro to the CFO' }, read: (j, id) => getItem(j, 'asks', id) },
  { name: 'commitments.update', id: (ids) => ids.commitment, change: { description: 'Send the deck and the notes' }, read: (j, id) => getItem(j, 'commitments', id) },
  { name: 'associations.update', id: (ids) => ids.association, change: { name: 'The Forum' }, read: (j, id) => call(j, 'associations.get', { id, now: '2025-03-10T09:30:00.000Z' }) as never },
  { name: 'links.update', id: (ids) => ids.link, change: { note: 'Same team now.' }, read: async (j, id) => (await call(j, 'links.list', {})).find((link) => link.id === id) as never },
];

/** An exchange, ask or commitment as the person's reciprocity page shows it. */
async function getItem(journal: Journal, kind: 'exchanges' | 'asks' | 'commitments', id: number): Promise<Record<string, unknown>> {
  const person = (await call(journal, 'people.list')).find((p) => p.name === 'Ada')!;
  const page = await call(journal, 'reciprocity.person', { personId: person.id, today: '2025-03-10' });
  const list = (kind === 'exchanges' ? page.exchanges : kind === 'asks' ? page.asks : page.commitments) as unknown as { id: number }[];
  const found = list.find((item) => item.id === id);
  if (!found) throw new Error(`${kind} ${id} is not on Ada's page`);
  return found as unknown as Record<string, unknown>;
}

describe.each(updates)('$name', ({ name, id: pick, change, read }) => {
  test('a field left out keeps its stored value; only the named field changes', async ({ journal }) => {
    const ids = await seed(journal);
    const id = pick(ids);
    const before = settled(await read(journal, id));
    const result = await journal.call(name, { id, ...change });
    if (!result.ok) throw new Error(`${name} was refused: ${result.error.message}`);
    const after = settled(await read(journal, id));
    expect(after).toEqual({ ...before, ...change });
  });
});

describe('items logged with an interaction stay about the people in it', () => {
  async function logged(journal: Journal) {
    const ada = await addPerson(journal, { name: 'Ada' });
    const bo = await addPerson(journal, { name: 'Bo' });
    const cy = await addPerson(journal, { name: 'Cy' });
    const entry = await call(
      journal,
      'interactions.create',
      newInteraction({
        personIds: [ada, bo],
        exchanges: [{ direction: 'gave', kind: 'advice', description: 'Hiring advice', personIds: [ada] }],
        asks: [{ direction: 'they-asked', description: 'A reference', personIds: [ada] }],
        commitments: [{ direction: 'i-owe', description: 'Send the notes', dueOn: '2025-03-20', personId: ada }],
      }),
    );
    return { ada, bo, cy, exchange: entry.exchanges[0]!.id, ask: entry.asks[0]!.id, commitment: entry.commitments[0]!.id };
  }

  for (const [name, input, field] of [
    ['exchanges.update', (x: Awaited<ReturnType<typeof logged>>) => ({ id: x.exchange, personIds: [x.cy] }), 'personIds'],
    ['exchanges.update', (x: Awaited<ReturnType<typeof logged>>) => ({ id: x.exchange, personIds: [x.ada, x.cy] }), 'personIds'],
    ['asks.update', (x: Awaited<ReturnType<typeof logged>>) => ({ id: x.ask, personIds: [x.cy] }), 'personIds'],
    ['commitments.update', (x: Awaited<ReturnType<typeof logged>>) => ({ id: x.commitment, personId: x.cy }), 'personId'],
  ] as const) {
    test(`${name} ${field} to someone who was not there is refused in a sentence, and nothing stored changes`, async ({ journal, journalDb }) => {
      const x = await logged(journal);
      const before = storedRows(journalDb.raw);
      const error = await refusal(journal, name, input(x));
      expect(error.code).toBe('invalid-input');
      expect(error.message).toBe('Choose people who were part of this interaction: this item was logged with it. Add them to the interaction first to include them.');
      expect(Object.keys(error.fields ?? {})).toEqual([field]);
      expect(storedRows(journalDb.raw)).toEqual(before);
    });
  }

  test('someone who was there can be chosen; a standalone item takes anyone', async ({ journal }) => {
    const x = await logged(journal);
    expect((await call(journal, 'exchanges.update', { id: x.exchange, personIds: [x.bo] } as never)).people.map((p) => p.id)).toEqual([x.bo]);
    expect((await call(journal, 'commitments.update', { id: x.commitment, personId: x.bo } as never)).person.id).toBe(x.bo);
    const standalone = await call(journal, 'exchanges.create', { direction: 'gave', kind: 'help', description: 'Moved a desk', occurredAt: '2025-03-01T10:00:00.000Z', personIds: [x.ada] });
    expect((await call(journal, 'exchanges.update', { id: standalone.id, personIds: [x.cy] } as never)).people.map((p) => p.id)).toEqual([x.cy]);
  });

  test('an item keeps a person the interaction has since lost when only its words change', async ({ journal }) => {
    const x = await logged(journal);
    const entry = await call(journal, 'interactions.get', { id: (await call(journal, 'interactions.timeline', {})).entries[0]!.id });
    await call(journal, 'interactions.update', { id: entry.id, personIds: [x.bo] } as never);
    const updated = await call(journal, 'exchanges.update', { id: x.exchange, description: 'Better hiring advice' } as never);
    expect(updated).toMatchObject({ description: 'Better hiring advice', people: [{ id: x.ada }] });
  });
});

describe('attendance goals stay inside 1900–2199', () => {
  test('ending a goal “from next quarter” in 2199-Q4 is refused in a sentence; nothing stored changes', async ({ journal, journalDb }) => {
    const forum = await call(journal, 'associations.create', { name: 'Forum', category: 'industry', status: 'focus', now: '2199-11-15T12:00:00.000Z' });
    const before = storedRows(journalDb.raw);
    const error = await refusal(journal, 'associations.setStatus', { id: forum.id, status: 'past', now: '2199-11-15T12:00:00.000Z' });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe("A goal can only be set for quarters between 1900 and 2199, not 2200-Q1. Check the computer's date, then try again; nothing was changed.");
    expect(storedRows(journalDb.raw)).toEqual(before);
  });

  test('a goal whose local quarter is 2200 (east of UTC, 2199’s last hour) is refused; inside the range it is stored', async ({ journal, journalDb }) => {
    const forum = await call(journal, 'associations.create', { name: 'Forum', category: 'industry' });
    // Instants are validated in UTC, quarters counted in local time: in Tokyo 2199-12-31T23:59Z is 2200-Q1.
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      const before = storedRows(journalDb.raw);
      const error = await refusal(journal, 'associations.setGoal', { id: forum.id, events: 2, now: '2199-12-31T23:59:00.000Z' });
      expect(error).toMatchObject({ code: 'invalid-input', message: "A goal can only be set for quarters between 1900 and 2199, not 2200-Q1. Check the computer's date, then try again; nothing was changed." });
      expect(storedRows(journalDb.raw)).toEqual(before);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    const set = await call(journal, 'associations.setGoal', { id: forum.id, events: 2, now: '2199-06-01T12:00:00.000Z' });
    expect(set.goals).toEqual([{ fromQuarter: '2199-Q2', events: 2 }]);
  });
});
