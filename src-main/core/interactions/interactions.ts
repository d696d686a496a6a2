import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { AssociationRef, Interaction, InteractionKind, ParsedInput, PersonRef, TimelineEntry, TimelinePage } from '../../contract/contract.js';
import type { Database, InteractionRow } from '../db/schema.js';
import { JournalError, notFound } from '../errors.js';
import { createPerson, namedPeople } from '../people/people.js';
import { interactionItems, saveInteractionItems } from '../reciprocity/items.js';
import { assertAssociationExists } from '../associations/associations.js';
import { linkMeeting } from '../calendar/calendar.js';

type Db = Kysely<Database> | Transaction<Database>;
type InteractionFields = ParsedInput<'interactions.create'>;

const EXCERPT_LENGTH = 280;
/** Someone in more entries than this has their page read by walking the timeline (see timeline()). */
const PERSON_WALK_FROM = 1000;
const now = () => new Date().toISOString();

/**
 * Rows of `interactions as i` (or of another table with an occurred_at, by its alias: a person's exchanges)
 * after the keyset position `after` ('occurredAt~id', newest first): the timeline's pages and an
 * association's events. Walks the (occurred_at, id) index from the cursor on, no OFFSET. The plain `<=`
 * bound is what lets SQLite seek to the cursor; with the OR alone it scans the index from the newest entry down.
 */
export function olderThan(after: string, alias = 'i') {
  const [occurredAt, rawId] = after.split('~') as [string, string];
  const afterId = Number(rawId);
  const at = sql.ref(`${alias}.occurred_at`);
  const id = sql.ref(`${alias}.id`);
  return sql<SqlBool>`(${at} <= ${occurredAt} AND (${at} < ${occurredAt} OR (${at} = ${occurredAt} AND ${id} < ${afterId})))`;
}

export async function timeline(db: Db, input: ParsedInput<'interactions.timeline'>): Promise<TimelinePage> {
  let query = db
    .selectFrom('interactions as i')
    .leftJoin('associations as a', 'a.id', 'i.association_id')
    .select(['i.id', 'i.occurred_at', 'i.kind', 'i.title', 'i.notes', 'i.confidential', 'i.location', 'i.association_id', 'a.name as association_name'])
    .where('i.deleted_at', 'is', null);
  // A person's page: walk the timeline index from the cursor and keep their entries when they are in many
  // (a page fills after a few hundred rows), or read their few links and sort those when they are not
  // (the walk would cross the whole journal to fill a page of someone met twice).
  let walk = true;
  if (input.personId != null) {
    const personId = input.personId;
    const stats = await db.selectFrom('person_stats').select('interaction_count').where('person_id', '=', personId).executeTakeFirst();
    walk = (stats?.interaction_count ?? 0) > PERSON_WALK_FROM;
    query = walk
      ? query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('interaction_people as ip')
              .select('ip.person_id')
              .whereRef('ip.interaction_id', '=', 'i.id')
              .where('ip.person_id', '=', personId),
          ),
        )
      : query.where('i.id', 'in', (eb) => eb.selectFrom('interaction_people as ip').select('ip.interaction_id').where('ip.person_id', '=', personId));
  }
  if (input.after) query = query.where(olderThan(input.after));
  // One row more than asked tells whether another page exists without a COUNT.
  // The unary + keeps a short list of someone's entries from being walked through the whole index in order.
  const ordered = walk ? query.orderBy('i.occurred_at', 'desc').orderBy('i.id', 'desc') : query.orderBy(sql`+i.occurred_at desc, +i.id desc`);
  const rows = await ordered.limit(input.limit + 1).execute();
  const page = rows.slice(0, input.limit);
  const people = await peopleFor(db, page.map((row) => row.id));
  const entries: TimelineEntry[] = page.map((row) => ({
    id: row.id,
    association: associationRef(row.association_id, row.association_name),
    occurredAt: row.occurred_at,
    kind: row.kind as InteractionKind,
    title: row.title,
    excerpt: row.confidential ? null : excerpt(row.notes),
    hasNotes: row.notes.length > 0,
    confidential: row.confidential === 1,
    location: row.location,
    people: people.get(row.id) ?? [],
  }));
  const last = page.at(-1);
  return { entries, next: rows.length > input.limit && last ? `${last.occurred_at}~${last.id}` : null };
}

/** One interaction with its people and items. */
export async function getInteraction(db: Db, id: number): Promise<Interaction> {
  const row = await db
    .selectFrom('interactions as i')
    .leftJoin('associations as a', 'a.id', 'i.association_id')
    .selectAll('i')
    .select('a.name as association_name')
    .where('i.id', '=', id)
    .where('i.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound('interaction', id);
  const people = await peopleFor(db, [id]);
  return {
    ...toInteraction(row, people.get(id) ?? []),
    association: associationRef(row.association_id, row.association_name),
    ...(await interactionItems(db, id)),
  };
}

/** Whether a create attaches any gives, asks, promises or thanks: only then are items read back. */
function hasItems(fields: InteractionFields): boolean {
  return (fields.exchanges?.length ?? 0) + (fields.asks?.length ?? 0) + (fields.commitments?.length ?? 0) + (fields.thankedExchangeIds?.length ?? 0) > 0;
}

/**
 * Creates the interaction, any new people typed into the picker, and the gives, asks, commitments and
 * thanks logged with it, and returns it as stored. All or nothing through the call's own transaction
 * (Journal.run's BEGIN IMMEDIATE, rolled back whole when anything here throws): a savepoint of its own
 * would add two statements to every log and undo nothing the call does not. The answer is made of what
 * the save already read: the row from the insert's RETURNING, the people's names from their check, the
 * association's from its own; only attached items are read back.
 */
export async function createInteraction(db: Db, fields: InteractionFields): Promise<Interaction> {
  const people = await resolvePeople(db, fields);
  const personIds = people.map((person) => person.id);
  const association = fields.associationId != null ? await assertAssociationExists(db, fields.associationId) : null;
  const at = now();
  const row = await db
    .insertInto('interactions')
    .values({ ...toRow(fields), association_id: fields.associationId ?? null, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  await linkPeople(db, row.id, personIds);
  await saveInteractionItems(db, row.id, personIds, fields, true);
  if (fields.calendarOccurrenceId != null) await linkMeeting(db, fields.calendarOccurrenceId, row.id);
  return {
    ...toInteraction(row, byName(people)),
    association,
    ...(hasItems(fields) ? await interactionItems(db, row.id) : { exchanges: [], asks: [], commitments: [], thanks: [] }),
  };
}

export async function updateInteraction(db: Kysely<Database>, id: number, fields: InteractionFields): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const personIds = (await resolvePeople(trx, fields)).map((person) => person.id);
    if (fields.associationId != null) await assertAssociationExists(trx, fields.associationId);
    // Left out, the link stays; but only an event keeps one.
    const association = fields.kind !== 'event' ? { association_id: null } : fields.associationId !== undefined ? { association_id: fields.associationId } : {};
    const result = await trx
      .updateTable('interactions')
      .set({ ...toRow(fields), ...association, updated_at: now() })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw notFound('interaction', id);
    await trx.deleteFrom('interaction_people').where('interaction_id', '=', id).execute();
    await linkPeople(trx, id, personIds);
    await saveInteractionItems(trx, id, personIds, fields);
  });
}

/**
 * Moves an interaction to a one-slot trash so the last delete can be undone. Whatever was in the trash
 * before is erased for good (secure_delete overwrites it): a deleted confidence should not linger.
 */
export async function deleteInteraction(db: Kysely<Database>, id: number): Promise<{ id: number; title: string }> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('interactions')
      .select(['id', 'title'])
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw notFound('interaction', id);
    await trx.deleteFrom('interactions').where('deleted_at', 'is not', null).execute();
    await trx.updateTable('interactions').set({ deleted_at: now() }).where('id', '=', id).execute();
    return row;
  });
}

/** Restores the last deleted interaction, or returns null when there is nothing to undo. */
export async function undoDelete(db: Kysely<Database>): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('interactions')
      .select('id')
      .where('deleted_at', 'is not', null)
      .orderBy('deleted_at', 'desc')
      .executeTakeFirst();
    if (!row) return null;
    await trx.updateTable('interactions').set({ deleted_at: null }).where('id', '=', row.id).execute();
    return row.id;
  });
}

/** The people met: those chosen (checked to exist, with their names) and those typed in, created here. */
async function resolvePeople(trx: Db, fields: InteractionFields): Promise<PersonRef[]> {
  const existing = await namedPeople(trx, [...new Set(fields.personIds)]);
  const created: PersonRef[] = [];
  for (const { name } of fields.newPeople) {
    created.push({
      name,
      id: await createPerson(trx, {
        name,
        organization: null,
        role: null,
        level: null,
        insideOrg: null,
        department: null,
        howWeMet: null,
        tags: [],
        allyRole: null,
        cadenceDays: null,
        notes: null,
      }),
    });
  }
  const all = [...existing, ...created];
  if (all.length === 0) throw new JournalError('invalid-input', 'Add at least one person you met.', { personIds: 'Add at least one person you met.' });
  return all;
}

async function linkPeople(trx: Db, interactionId: number, personIds: readonly number[]): Promise<void> {
  await trx
    .insertInto('interaction_people')
    .values(personIds.map((person_id) => ({ interaction_id: interactionId, person_id })))
    .execute();
}

export async function peopleFor(db: Db, interactionIds: readonly number[]): Promise<Map<number, PersonRef[]>> {
  const map = new Map<number, PersonRef[]>();
  if (interactionIds.length === 0) return map;
  const rows = await db
    .selectFrom('interaction_people as ip')
    .innerJoin('people as p', 'p.id', 'ip.person_id')
    .select(['ip.interaction_id', 'p.id', 'p.name'])
    .where('ip.interaction_id', 'in', interactionIds)
    .orderBy('p.name')
    .execute();
  for (const row of rows) {
    const list = map.get(row.interaction_id) ?? [];
    list.push({ id: row.id, name: row.name });
    map.set(row.interaction_id, list);
  }
  return map;
}

function toRow(fields: InteractionFields) {
  return {
    occurred_at: fields.occurredAt,
    kind: fields.kind,
    title: fields.title,
    notes: fields.notes,
    confidential: fields.confidential ? 1 : 0,
    location: fields.location,
  };
}

/**
 * People in the order peopleFor reads them: ORDER BY name, which SQLite compares as UTF-8 bytes; namesakes
 * by id, the order it finds the links in (their key is interaction, person).
 */
function byName(people: PersonRef[]): PersonRef[] {
  return people.sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)) || a.id - b.id);
}

function associationRef(id: number | null, name: string | null): AssociationRef | null {
  return id !== null && name !== null ? { id, name } : null;
}

function toInteraction(row: InteractionRow, people: PersonRef[]): Omit<Interaction, 'exchanges' | 'asks' | 'commitments' | 'thanks' | 'association'> {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    kind: row.kind as InteractionKind,
    title: row.title,
    notes: row.notes,
    hasNotes: row.notes.length > 0,
    confidential: row.confidential === 1,
    location: row.location,
    people,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The first few lines of the notes as a reader sees them: markdown's soft line breaks become spaces, while
 * paragraphs and list items keep their own lines.
 */
export function excerpt(notes: string): string | null {
  const lines: string[] = [];
  for (const raw of notes.trim().split('\n')) {
    const line = raw.trim();
    const startsBlock = /^([-*+]\s|\d+[.)]\s|#{1,6}\s|>)/.test(line);
    const last = lines.length - 1;
    if (!line) {
      if (lines[last] !== '') lines.push('');
    } else if (last >= 0 && lines[last] !== '' && !startsBlock) {
      lines[last] = `${lines[last]} ${line}`;
    } else {
      lines.push(line);
    }
  }
  const text = lines.filter(Boolean).slice(0, 3).join('\n');
  if (!text) return null;
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH).trimEnd()}…` : text;
}

/**
 * Empties the trash: deleted entries are erased for good. secure_delete zeroes their pages and the search
 * index was told to forget them ('secure-delete') when they were deleted; the journal checkpoints its -wal
 * after this call commits, so older copies of the pages leave the -wal too.
 */
export async function purgeTrash(db: Kysely<Database>): Promise<{ purged: number }> {
  return db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('interactions').where('deleted_at', 'is not', null).executeTakeFirst();
    return { purged: Number(result.numDeletedRows) };
  });
}
