import type { Kysely, Transaction } from 'kysely';
import type {
  Ask,
  AskStatus,
  Commitment,
  Exchange,
  ExchangeKind,
  InteractionKind,
  ParsedInput,
  PersonRef,
  Thanks,
} from '../../contract/contract.js';
import type { Database } from '../db/schema.js';
import { JournalError, notFound } from '../errors.js';
import { assertPeopleExist } from '../people/people.js';
import { localDay } from './clock.js';

// Exchanges, asks, thanks and commitments: their rows, links to people, and the items a logged interaction
// carries. Anything attached to an interaction in the trash is invisible: every read joins the interaction
// and keeps only rows whose interaction is absent or live.

export type Db = Kysely<Database> | Transaction<Database>;
type InteractionFields = ParsedInput<'interactions.create'>;

const now = () => new Date().toISOString();

// ---- reading -------------------------------------------------------------------------------------------

export interface ExchangeFilter {
  ids?: readonly number[];
  interactionId?: number;
  personId?: number;
}

/** Exchanges only: one direction, and the newest so many. */
interface ExchangeOnlyFilter extends ExchangeFilter {
  direction?: 'gave' | 'received';
  limit?: number;
}

export async function fetchExchanges(db: Db, filter: ExchangeOnlyFilter): Promise<Exchange[]> {
  let query = db
    .selectFrom('exchanges as e')
    .leftJoin('interactions as i', 'i.id', 'e.interaction_id')
    .where('i.deleted_at', 'is', null)
    .select(['e.id', 'e.direction', 'e.kind', 'e.description', 'e.occurred_at', 'e.interaction_id'])
    .select((eb) =>
      eb
        .selectFrom('thanks as t')
        .leftJoin('interactions as ti', 'ti.id', 't.interaction_id')
        .whereRef('t.exchange_id', '=', 'e.id')
        .where('ti.deleted_at', 'is', null)
        .select((inner) => inner.fn.max('t.thanked_at').as('at'))
        .as('thanked_at'),
    );
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('e.id', 'in', filter.ids);
  }
  if (filter.interactionId !== undefined) query = query.where('e.interaction_id', '=', filter.interactionId);
  if (filter.personId !== undefined) {
    const personId = filter.personId;
    // Driven from the person's links (their index), not a walk over every exchange testing each.
    query = query.where('e.id', 'in', (eb) => eb.selectFrom('exchange_people as ep').select('ep.exchange_id').where('ep.person_id', '=', personId));
  }
  if (filter.direction !== undefined) query = query.where('e.direction', '=', filter.direction);
  let ordered = query.orderBy('e.occurred_at', 'desc').orderBy('e.id', 'desc');
  if (filter.limit !== undefined) ordered = ordered.limit(filter.limit);
  const rows = await ordered.execute();
  const people = await linkedPeople(db, 'exchange_people', 'exchange_id', rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    direction: row.direction,
    kind: row.kind as ExchangeKind,
    description: row.description,
    occurredAt: row.occurred_at,
    people: people.get(row.id) ?? [],
    interactionId: row.interaction_id,
    thankedAt: row.direction === 'received' ? (row.thanked_at ?? null) : null,
  }));
}

/** Asks only: the open ones, or the closed ones (fulfilled, declined, withdrawn) and the newest so many. */
interface AskFilter extends ExchangeFilter {
  open?: boolean;
  limit?: number;
}

export async function fetchAsks(db: Db, filter: AskFilter): Promise<Ask[]> {
  let query = db
    .selectFrom('asks as a')
    .leftJoin('interactions as i', 'i.id', 'a.interaction_id')
    .where('i.deleted_at', 'is', null)
    .select(['a.id', 'a.direction', 'a.description', 'a.asked_at', 'a.status', 'a.resolved_at', 'a.interaction_id', 'a.exchange_id']);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('a.id', 'in', filter.ids);
  }
  if (filter.interactionId !== undefined) query = query.where('a.interaction_id', '=', filter.interactionId);
  if (filter.personId !== undefined) {
    const personId = filter.personId;
    query = query.where('a.id', 'in', (eb) => eb.selectFrom('ask_people as ap').select('ap.ask_id').where('ap.person_id', '=', personId));
  }
  if (filter.open !== undefined) query = query.where('a.status', filter.open ? '=' : '!=', 'open');
  let ordered = query.orderBy('a.asked_at', 'desc').orderBy('a.id', 'desc');
  if (filter.limit !== undefined) ordered = ordered.limit(filter.limit);
  const rows = await ordered.execute();
  const people = await linkedPeople(db, 'ask_people', 'ask_id', rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    direction: row.direction,
    description: row.description,
    askedAt: row.asked_at,
    status: row.status,
    resolvedAt: row.resolved_at,
    people: people.get(row.id) ?? [],
    interactionId: row.interaction_id,
    exchangeId: row.exchange_id,
  }));
}

export interface CommitmentFilter extends ExchangeFilter {
  direction?: 'i-owe' | 'owed-to-me';
  /** 'closed': done or dropped. */
  status?: 'open' | 'done' | 'dropped' | 'closed';
  /** Due on one of these days, both included ('YYYY-MM-DD'). */
  dueWithin?: { from: string; to: string };
  /** Only the so many due latest, latest first (a person's page lists its last few kept or dropped). */
  latest?: number;
}

export async function fetchCommitments(db: Db, filter: CommitmentFilter, today: string): Promise<Commitment[]> {
  let query = db
    .selectFrom('commitments as c')
    .innerJoin('people as p', 'p.id', 'c.person_id')
    .leftJoin('interactions as i', 'i.id', 'c.interaction_id')
    .where('i.deleted_at', 'is', null)
    .select(['c.id', 'c.direction', 'c.description', 'c.due_on', 'c.status', 'c.done_on', 'c.interaction_id', 'p.id as person_id', 'p.name as person_name']);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('c.id', 'in', filter.ids);
  }
  if (filter.interactionId !== undefined) query = query.where('c.interaction_id', '=', filter.interactionId);
  if (filter.personId !== undefined) query = query.where('c.person_id', '=', filter.personId);
  if (filter.direction) query = query.where('c.direction', '=', filter.direction);
  if (filter.status === 'closed') query = query.where('c.status', '!=', 'open');
  else if (filter.status) query = query.where('c.status', '=', filter.status);
  if (filter.dueWithin) query = query.where('c.due_on', '>=', filter.dueWithin.from).where('c.due_on', '<=', filter.dueWithin.to);
  // Earliest due first: overdue promises sort ahead of everything else by themselves.
  const rows = await (filter.latest === undefined
    ? query.orderBy('c.due_on').orderBy('c.id')
    : query.orderBy('c.due_on', 'desc').orderBy('c.id').limit(filter.latest)
  ).execute();
  return rows.map((row) => ({
    id: row.id,
    direction: row.direction,
    person: { id: row.person_id, name: row.person_name },
    description: row.description,
    dueOn: row.due_on,
    status: row.status,
    doneOn: row.done_on,
    interactionId: row.interaction_id,
    overdue: row.status === 'open' && row.due_on < today,
  }));
}

export async function fetchThanks(db: Db, filter: { exchangeIds?: readonly number[]; interactionId?: number; ids?: readonly number[] }): Promise<Thanks[]> {
  let query = db
    .selectFrom('thanks as t')
    .leftJoin('interactions as i', 'i.id', 't.interaction_id')
    .where('i.deleted_at', 'is', null)
    .select(['t.id', 't.exchange_id', 't.thanked_at', 't.note', 't.interaction_id']);
  if (filter.exchangeIds) {
    if (filter.exchangeIds.length === 0) return [];
    query = query.where('t.exchange_id', 'in', filter.exchangeIds);
  }
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('t.id', 'in', filter.ids);
  }
  if (filter.interactionId !== undefined) query = query.where('t.interaction_id', '=', filter.interactionId);
  const rows = await query.orderBy('t.thanked_at', 'desc').execute();
  return rows.map((row) => ({ id: row.id, exchangeId: row.exchange_id, thankedAt: row.thanked_at, note: row.note, interactionId: row.interaction_id }));
}

async function linkedPeople(
  db: Db,
  table: 'exchange_people' | 'ask_people',
  column: 'exchange_id' | 'ask_id',
  ids: readonly number[],
): Promise<Map<number, PersonRef[]>> {
  const map = new Map<number, PersonRef[]>();
  if (ids.length === 0) return map;
  // Both link tables share a shape; Kysely cannot type a table chosen at run time, hence the narrowing.
  const rows = (await db
    .selectFrom(`${table} as l` as 'exchange_people as l')
    .innerJoin('people as p', 'p.id', 'l.person_id')
    .select([`l.${column} as owner` as 'l.exchange_id as owner', 'p.id', 'p.name'])
    .where(`l.${column}` as 'l.exchange_id', 'in', ids)
    .orderBy('p.name')
    .execute()) as { owner: number; id: number; name: string }[];
  for (const row of rows) {
    const list = map.get(row.owner) ?? [];
    list.push({ id: row.id, name: row.name });
    map.set(row.owner, list);
  }
  return map;
}

export async function getExchange(db: Db, id: number): Promise<Exchange> {
  const [found] = await fetchExchanges(db, { ids: [id] });
  if (!found) throw notFound('exchange', id);
  return found;
}

export async function getAsk(db: Db, id: number): Promise<Ask> {
  const [found] = await fetchAsks(db, { ids: [id] });
  if (!found) throw notFound('ask', id);
  return found;
}

export async function getCommitment(db: Db, id: number, today: string): Promise<Commitment> {
  const [found] = await fetchCommitments(db, { ids: [id] }, today);
  if (!found) throw notFound('commitment', id);
  return found;
}

// ---- standalone writes ---------------------------------------------------------------------------------

type ExchangeFields = ParsedInput<'exchanges.create'>;
type AskFields = ParsedInput<'asks.create'>;
type CommitmentFields = ParsedInput<'commitments.create'>;

export async function createExchange(trx: Db, fields: ExchangeFields, interactionId: number | null = null): Promise<number> {
  await assertPeopleExist(trx, fields.personIds);
  const at = now();
  const { id } = await trx
    .insertInto('exchanges')
    .values({
      direction: fields.direction,
      kind: fields.kind,
      description: fields.description,
      occurred_at: fields.occurredAt,
      interaction_id: interactionId,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await link(trx, 'exchange_people', id, fields.personIds);
  return id;
}

export async function updateExchange(trx: Db, id: number, fields: ExchangeFields): Promise<void> {
  await assertVisible(trx, 'exchanges', id, 'exchange');
  await assertPeopleExist(trx, fields.personIds);
  await assertInItsInteraction(trx, 'exchanges', id, fields.personIds, 'personIds');
  await trx
    .updateTable('exchanges')
    .set({ direction: fields.direction, kind: fields.kind, description: fields.description, occurred_at: fields.occurredAt, updated_at: now() })
    .where('id', '=', id)
    .execute();
  await trx.deleteFrom('exchange_people').where('exchange_id', '=', id).execute();
  await link(trx, 'exchange_people', id, fields.personIds);
  // Thanks belong to received help only.
  if (fields.direction === 'gave') await trx.deleteFrom('thanks').where('exchange_id', '=', id).execute();
}

export async function createAsk(trx: Db, fields: AskFields, status: AskStatus = 'open', interactionId: number | null = null): Promise<number> {
  await assertPeopleExist(trx, fields.personIds);
  const at = now();
  const { id } = await trx
    .insertInto('asks')
    .values({
      direction: fields.direction,
      description: fields.description,
      asked_at: fields.askedAt,
      status,
      resolved_at: status === 'open' ? null : fields.askedAt,
      interaction_id: interactionId,
      exchange_id: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await link(trx, 'ask_people', id, fields.personIds);
  return id;
}

export async function updateAsk(trx: Db, id: number, fields: AskFields): Promise<void> {
  await assertVisible(trx, 'asks', id, 'ask');
  await assertPeopleExist(trx, fields.personIds);
  await assertInItsInteraction(trx, 'asks', id, fields.personIds, 'personIds');
  await trx
    .updateTable('asks')
    .set({ direction: fields.direction, description: fields.description, asked_at: fields.askedAt, updated_at: now() })
    .where('id', '=', id)
    .execute();
  await trx.deleteFrom('ask_people').where('ask_id', '=', id).execute();
  await link(trx, 'ask_people', id, fields.personIds);
}

/**
 * Closes (or reopens) an ask. Fulfilling one records the help as an exchange — received when I asked, given
 * when they asked — with the ask's people and words, so nothing is typed twice; both in one transaction.
 */
export async function resolveAsk(db: Kysely<Database>, input: ParsedInput<'asks.resolve'>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const [ask] = await fetchAsks(trx, { ids: [input.id] });
    if (!ask) throw notFound('ask', input.id);
    const resolvedAt = input.resolvedAt ?? now();
    let exchangeId: number | null = ask.exchangeId;
    if (input.status === 'fulfilled' && ask.status !== 'fulfilled') {
      exchangeId = await createExchange(trx, {
        direction: ask.direction === 'i-asked' ? 'received' : 'gave',
        kind: input.kind ?? 'help',
        description: input.description ?? ask.description,
        occurredAt: resolvedAt,
        personIds: ask.people.map((person) => person.id),
      });
    } else if (input.status !== 'fulfilled' && ask.status === 'fulfilled' && ask.exchangeId !== null) {
      // Un-fulfilling takes back the exchange it created: the ledger must not count help that did not happen.
      await trx.deleteFrom('exchanges').where('id', '=', ask.exchangeId).execute();
      exchangeId = null;
    }
    await trx
      .updateTable('asks')
      .set({ status: input.status, resolved_at: input.status === 'open' ? null : resolvedAt, exchange_id: exchangeId, updated_at: now() })
      .where('id', '=', input.id)
      .execute();
    return input.id;
  });
}

export async function createCommitment(trx: Db, fields: CommitmentFields, interactionId: number | null = null): Promise<number> {
  await assertPeopleExist(trx, [fields.personId]);
  const at = now();
  const { id } = await trx
    .insertInto('commitments')
    .values({
      direction: fields.direction,
      person_id: fields.personId,
      description: fields.description,
      due_on: fields.dueOn,
      status: 'open',
      done_on: null,
      interaction_id: interactionId,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateCommitment(trx: Db, id: number, fields: CommitmentFields): Promise<void> {
  await assertVisible(trx, 'commitments', id, 'commitment');
  await assertPeopleExist(trx, [fields.personId]);
  await assertInItsInteraction(trx, 'commitments', id, [fields.personId], 'personId');
  await trx
    .updateTable('commitments')
    .set({ direction: fields.direction, person_id: fields.personId, description: fields.description, due_on: fields.dueOn, updated_at: now() })
    .where('id', '=', id)
    .execute();
}

export async function setCommitmentStatus(trx: Transaction<Database>, input: ParsedInput<'commitments.setStatus'>, today: string): Promise<void> {
  await assertVisible(trx, 'commitments', input.id, 'commitment');
  await trx
    .updateTable('commitments')
    .set({ status: input.status, done_on: input.status === 'done' ? (input.doneOn ?? today) : null, updated_at: now() })
    .where('id', '=', input.id)
    .execute();
}

/**
 * Logs a thank-you for received help; optionally also as an interaction (a message, say) with the same
 * people, so it counts as a contact when I needed nothing. One transaction.
 */
export async function createThanks(db: Kysely<Database>, input: ParsedInput<'thanks.create'>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const [exchange] = await fetchExchanges(trx, { ids: [input.exchangeId] });
    if (!exchange) throw notFound('exchange', input.exchangeId);
    if (exchange.direction !== 'received') {
      throw new JournalError('invalid-input', 'Thanks are for help you received, not help you gave.', { exchangeId: 'Choose help you received.' });
    }
    const thankedAt = input.thankedAt ?? now();
    let interactionId: number | null = null;
    if (input.logAs) {
      const at = now();
      const names = exchange.people.map((person) => person.name.split(/\s+/)[0]).join(' and ');
      const inserted = await trx
        .insertInto('interactions')
        .values({
          occurred_at: thankedAt,
          kind: input.logAs,
          title: `Thanked ${names} for ${lowerFirst(exchange.description)}`.slice(0, 200),
          notes: input.note ?? '',
          confidential: 0,
          location: null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      interactionId = inserted.id;
      await trx
        .insertInto('interaction_people')
        .values(exchange.people.map((person) => ({ interaction_id: inserted.id, person_id: person.id })))
        .execute();
    }
    const { id } = await trx
      .insertInto('thanks')
      .values({ exchange_id: input.exchangeId, thanked_at: thankedAt, note: input.note, interaction_id: interactionId, created_at: now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  });
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

export async function deleteRow(
  db: Kysely<Database>,
  table: 'exchanges' | 'asks' | 'commitments' | 'thanks',
  id: number,
  what: string,
): Promise<{ id: number }> {
  return db.transaction().execute(async (trx) => {
    await assertVisible(trx, table, id, what);
    await trx.deleteFrom(table).where('id', '=', id).execute();
    return { id };
  });
}

async function assertVisible(db: Db, table: 'exchanges' | 'asks' | 'commitments' | 'thanks', id: number, what: string): Promise<void> {
  const row = await db
    .selectFrom(`${table} as x` as 'exchanges as x')
    .leftJoin('interactions as i', 'i.id', 'x.interaction_id')
    .select('x.id')
    .where('x.id', '=', id)
    .where('i.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound(what, id);
}

/**
 * An item logged with an interaction is about the people met in it (as the log form insists): an edit on
 * its own cannot hand it to someone who was not there. Standalone items (no interaction) take anyone.
 */
async function assertInItsInteraction(
  trx: Db,
  table: 'exchanges' | 'asks' | 'commitments',
  id: number,
  personIds: readonly number[],
  field: string,
): Promise<void> {
  const row = await trx
    .selectFrom(`${table} as x` as 'exchanges as x')
    .select('x.interaction_id')
    .where('x.id', '=', id)
    .executeTakeFirst();
  const interactionId = row?.interaction_id ?? null;
  if (interactionId === null || personIds.length === 0) return;
  const present = await trx
    .selectFrom('interaction_people')
    .select('person_id')
    .where('interaction_id', '=', interactionId)
    .where('person_id', 'in', [...personIds])
    .execute();
  const known = new Set(present.map((person) => person.person_id));
  // Whoever it is already about may stay (the interaction may have lost them since): only newcomers are checked.
  for (const personId of await currentPeople(trx, table, id)) known.add(personId);
  if (personIds.some((personId) => !known.has(personId))) {
    const message = 'Choose people who were part of this interaction: this item was logged with it. Add them to the interaction first to include them.';
    throw new JournalError('invalid-input', message, { [field]: message });
  }
}

async function currentPeople(trx: Db, table: 'exchanges' | 'asks' | 'commitments', id: number): Promise<number[]> {
  if (table === 'exchanges') return (await trx.selectFrom('exchange_people').select('person_id').where('exchange_id', '=', id).execute()).map((row) => row.person_id);
  if (table === 'asks') return (await trx.selectFrom('ask_people').select('person_id').where('ask_id', '=', id).execute()).map((row) => row.person_id);
  const row = await trx.selectFrom('commitments').select('person_id').where('id', '=', id).executeTakeFirst();
  return row ? [row.person_id] : [];
}

async function link(trx: Db, table: 'exchange_people' | 'ask_people', id: number, personIds: readonly number[]): Promise<void> {
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return;
  if (table === 'exchange_people') {
    await trx.insertInto('exchange_people').values(unique.map((person_id) => ({ exchange_id: id, person_id }))).execute();
  } else {
    await trx.insertInto('ask_people').values(unique.map((person_id) => ({ ask_id: id, person_id }))).execute();
  }
}

// ---- items carried by a logged interaction -------------------------------------------------------------

/**
 * Saves the gives, receives, asks, commitments and thanks logged with an interaction, inside the
 * interaction's own transaction. On create every item is new; on edit, items named by id are updated,
 * new ones inserted, and attached items left out are removed. An array left out entirely is untouched.
 */
export async function saveInteractionItems(
  trx: Db,
  interactionId: number,
  personIds: readonly number[],
  fields: InteractionFields,
  created = false,
): Promise<void> {
  const at = fields.occurredAt;
  const who = (chosen: readonly number[], path: string): number[] => {
    if (chosen.length === 0) return [...personIds];
    const outside = chosen.find((id) => !personIds.includes(id));
    if (outside !== undefined) {
      const message = 'Choose people who were part of this interaction.';
      throw new JournalError('invalid-input', message, { [path]: message });
    }
    return [...new Set(chosen)];
  };

  // Attached items follow the interaction's date when it is edited; a new one has none attached yet.
  if (!created) {
    await trx.updateTable('exchanges').set({ occurred_at: at }).where('interaction_id', '=', interactionId).execute();
    await trx.updateTable('asks').set({ asked_at: at }).where('interaction_id', '=', interactionId).execute();
    await trx.updateTable('thanks').set({ thanked_at: at }).where('interaction_id', '=', interactionId).execute();
  }

  if (fields.exchanges) {
    const kept = await attachedIds(trx, 'exchanges', interactionId, fields.exchanges, 'exchanges');
    await trx.deleteFrom('exchanges').where('interaction_id', '=', interactionId).where('id', 'not in', [0, ...kept]).execute();
    for (const [index, item] of fields.exchanges.entries()) {
      const values = { direction: item.direction, kind: item.kind, description: item.description, occurredAt: at, personIds: who(item.personIds, `exchanges.${index}.personIds`) };
      if (item.id === undefined) await createExchange(trx, values, interactionId);
      else await updateExchange(trx, item.id, values);
    }
  }

  if (fields.asks) {
    const kept = await attachedIds(trx, 'asks', interactionId, fields.asks, 'asks');
    await trx.deleteFrom('asks').where('interaction_id', '=', interactionId).where('id', 'not in', [0, ...kept]).execute();
    for (const [index, item] of fields.asks.entries()) {
      const values = { direction: item.direction, description: item.description, askedAt: at, personIds: who(item.personIds, `asks.${index}.personIds`) };
      if (item.id === undefined) {
        await createAsk(trx, values, item.status, interactionId);
      } else {
        await updateAsk(trx, item.id, values);
        const previous = await trx.selectFrom('asks').select('status').where('id', '=', item.id).executeTakeFirstOrThrow();
        if (previous.status !== item.status) {
          await trx
            .updateTable('asks')
            .set({ status: item.status, resolved_at: item.status === 'open' ? null : new Date().toISOString() })
            .where('id', '=', item.id)
            .execute();
        }
      }
    }
  }

  if (fields.commitments) {
    const today = localDay(new Date().toISOString());
    const kept = await attachedIds(trx, 'commitments', interactionId, fields.commitments, 'commitments');
    await trx.deleteFrom('commitments').where('interaction_id', '=', interactionId).where('id', 'not in', [0, ...kept]).execute();
    for (const [index, item] of fields.commitments.entries()) {
      let personId = item.personId;
      if (personId === null) {
        if (personIds.length !== 1) {
          const message = 'Choose who this commitment is with.';
          throw new JournalError('invalid-input', message, { [`commitments.${index}.personId`]: message });
        }
        personId = personIds[0]!;
      } else {
        who([personId], `commitments.${index}.personId`);
      }
      const values = { direction: item.direction, personId, description: item.description, dueOn: item.dueOn };
      const id = item.id ?? (await createCommitment(trx, values, interactionId));
      if (item.id !== undefined) await updateCommitment(trx, id, values);
      await trx
        .updateTable('commitments')
        .set({ status: item.status, done_on: item.status === 'done' ? (item.doneOn ?? today) : null })
        .where('id', '=', id)
        .execute();
    }
  }

  if (fields.thankedExchangeIds) {
    const wanted = [...new Set(fields.thankedExchangeIds)];
    const found = await fetchExchanges(trx, { ids: wanted });
    for (const [index, exchangeId] of wanted.entries()) {
      const exchange = found.find((candidate) => candidate.id === exchangeId);
      if (!exchange) throw notFound('exchange', exchangeId);
      if (exchange.direction !== 'received') {
        const message = 'Thanks are for help you received, not help you gave.';
        throw new JournalError('invalid-input', message, { [`thankedExchangeIds.${index}`]: message });
      }
    }
    const existing = await trx.selectFrom('thanks').select(['id', 'exchange_id']).where('interaction_id', '=', interactionId).execute();
    const drop = existing.filter((row) => !wanted.includes(row.exchange_id)).map((row) => row.id);
    if (drop.length > 0) await trx.deleteFrom('thanks').where('id', 'in', drop).execute();
    const stamp = new Date().toISOString();
    const add = wanted.filter((exchangeId) => !existing.some((row) => row.exchange_id === exchangeId));
    if (add.length > 0) {
      await trx
        .insertInto('thanks')
        .values(add.map((exchange_id) => ({ exchange_id, thanked_at: at, note: null, interaction_id: interactionId, created_at: stamp })))
        .execute();
    }
  }
}

async function attachedIds(
  trx: Db,
  table: 'exchanges' | 'asks' | 'commitments',
  interactionId: number,
  items: readonly { id?: number | undefined }[],
  path: string,
): Promise<number[]> {
  const rows = await trx
    .selectFrom(`${table} as x` as 'exchanges as x')
    .select('x.id')
    .where('x.interaction_id', '=', interactionId)
    .execute();
  const attached = new Set(rows.map((row) => row.id));
  const kept: number[] = [];
  for (const [index, item] of items.entries()) {
    if (item.id === undefined) continue;
    if (!attached.has(item.id)) {
      const message = 'That item is not part of this interaction any more.';
      throw new JournalError('not-found', message, { [`${path}.${index}.id`]: message });
    }
    kept.push(item.id);
  }
  return kept;
}

/** Everything a logged interaction carries, for the edit form. */
export async function interactionItems(db: Db, interactionId: number): Promise<Pick<import('../../contract/contract.js').Interaction, 'exchanges' | 'asks' | 'commitments' | 'thanks'>> {
  const today = localDay(new Date().toISOString());
  const [exchanges, asks, commitments, thanks] = await Promise.all([
    fetchExchanges(db, { interactionId }),
    fetchAsks(db, { interactionId }),
    fetchCommitments(db, { interactionId }, today),
    fetchThanks(db, { interactionId }),
  ]);
  return { exchanges, asks, commitments, thanks };
}

export type { InteractionKind };
