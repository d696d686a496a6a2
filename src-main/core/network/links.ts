import { sql, type Transaction } from 'kysely';
import type { LinkKind, LinkSuggestion, ParsedInput, PersonLink } from '../../contract/contract.js';
import type { Database } from '../db/schema.js';
import { JournalError, notFound } from '../errors.js';
import { assertPeopleExist } from '../people/people.js';
import type { Db } from '../reciprocity/items.js';

// Who knows whom. A link is stated by the user (on a person page, the map or while logging), accepted from a
// suggestion, or made by an introduction; it is never added silently from the journal's own data.

/** An interaction with more people than this (a conference, a town hall) is no sign two of them know each other. */
export const SUGGEST_MAX_PEOPLE = 8;

const now = () => new Date().toISOString();

/** Symmetric kinds keep the lower id first, so one pair has one row per kind whichever way it was entered. */
export function ordered(kind: LinkKind, a: number, b: number): [number, number] {
  return kind === 'reports-to' || a < b ? [a, b] : [b, a];
}

export async function fetchLinks(db: Db, filter: { personId?: number | null; ids?: readonly number[] } = {}): Promise<PersonLink[]> {
  let query = db
    .selectFrom('person_ties as l')
    .innerJoin('people as a', 'a.id', 'l.person_a_id')
    .innerJoin('people as b', 'b.id', 'l.person_b_id')
    .select(['l.id', 'l.kind', 'l.since_on', 'l.note', 'l.source', 'a.id as a_id', 'a.name as a_name', 'b.id as b_id', 'b.name as b_name']);
  if (filter.personId != null) {
    const personId = filter.personId;
    query = query.where((eb) => eb.or([eb('l.person_a_id', '=', personId), eb('l.person_b_id', '=', personId)]));
  }
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('l.id', 'in', filter.ids);
  }
  const rows = await query.orderBy('a.name').orderBy('b.name').orderBy('l.id').execute();
  return rows.map((row) => ({
    id: row.id,
    personA: { id: row.a_id, name: row.a_name },
    personB: { id: row.b_id, name: row.b_name },
    kind: row.kind,
    sinceOn: row.since_on,
    note: row.note,
    source: row.source,
  }));
}

export async function getLink(db: Db, id: number): Promise<PersonLink> {
  const [link] = await fetchLinks(db, { ids: [id] });
  if (!link) throw notFound('link', id);
  return link;
}

/**
 * Adds a link, or returns the one already there for that pair and kind (its note and date filled in if
 * they were blank): entering the same fact twice is not an error worth a sentence.
 */
export async function addLink(
  trx: Transaction<Database>,
  fields: { personAId: number; personBId: number; kind: LinkKind; sinceOn: string | null; note: string | null },
  source: 'manual' | 'suggestion' | 'introduction' = 'manual',
): Promise<number> {
  await assertPeopleExist(trx, [fields.personAId, fields.personBId]);
  const [a, b] = ordered(fields.kind, fields.personAId, fields.personBId);
  const at = now();
  const existing = await trx.selectFrom('person_ties').select(['id', 'note', 'since_on']).where('person_a_id', '=', a).where('person_b_id', '=', b).where('kind', '=', fields.kind).executeTakeFirst();
  if (existing) {
    await trx
      .updateTable('person_ties')
      .set({ note: existing.note ?? fields.note, since_on: existing.since_on ?? fields.sinceOn, updated_at: at })
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  }
  const { id } = await trx
    .insertInto('person_ties')
    .values({ person_a_id: a, person_b_id: b, kind: fields.kind, since_on: fields.sinceOn, note: fields.note, source, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Answering a suggestion by adding the link by hand answers it too.
  const [low, high] = a < b ? [a, b] : [b, a];
  await trx.deleteFrom('link_dismissals').where('person_a_id', '=', low).where('person_b_id', '=', high).execute();
  return id;
}

/** Changes only the fields named; a kind change re-orders the pair and must not collide with a link already there. */
export async function updateLink(trx: Transaction<Database>, input: ParsedInput<'links.update'>): Promise<void> {
  const row = await trx.selectFrom('person_ties').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!row) throw notFound('link', input.id);
  const kind = input.kind ?? row.kind;
  const [a, b] = ordered(kind, row.person_a_id, row.person_b_id);
  if (kind !== row.kind) {
    const clash = await trx.selectFrom('person_ties').select('id').where('person_a_id', '=', a).where('person_b_id', '=', b).where('kind', '=', kind).executeTakeFirst();
    if (clash) throw new JournalError('conflict', 'These two people already have that link. Remove this one instead.', { kind: 'They already have that link.' });
  }
  await trx
    .updateTable('person_ties')
    .set({
      kind,
      person_a_id: a,
      person_b_id: b,
      ...(input.sinceOn !== undefined ? { since_on: input.sinceOn } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      updated_at: now(),
    })
    .where('id', '=', input.id)
    .execute();
}

export async function deleteLink(db: Db, id: number): Promise<{ id: number }> {
  const result = await db.deleteFrom('person_ties').where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('link', id);
  return { id };
}

/**
 * Pairs who were in the same logged interaction (small ones only) and have no link and no "no" yet, most
 * often together first. Confidential entries count, since only names and a count are shown. Read from
 * co_pairs, which triggers keep as interactions are written (migration 9), in the order of its rank index:
 * the query reads the first pairs and stops, instead of pairing every interaction of the journal.
 */
export async function suggestions(db: Db, input: { personId?: number | null; limit: number }): Promise<LinkSuggestion[]> {
  const personId = input.personId ?? null;
  const answered = sql`NOT EXISTS (SELECT 1 FROM person_ties l WHERE l.person_a_id = p.person_a_id AND l.person_b_id = p.person_b_id)
      AND NOT EXISTS (SELECT 1 FROM person_ties l WHERE l.person_a_id = p.person_b_id AND l.person_b_id = p.person_a_id)
      AND NOT EXISTS (SELECT 1 FROM link_dismissals d WHERE d.person_a_id = p.person_a_id AND d.person_b_id = p.person_b_id)`;
  // One person's pairs: those where they are first, and those where they are second, each from an index.
  const pairs =
    personId === null
      ? sql`SELECT p.* FROM co_pairs p WHERE ${answered} ORDER BY p.together DESC, p.last_at DESC, p.person_a_id, p.person_b_id LIMIT ${input.limit}`
      : sql`SELECT * FROM (
          SELECT p.* FROM co_pairs p WHERE p.person_a_id = ${personId} AND ${answered}
          UNION ALL
          SELECT p.* FROM co_pairs p WHERE p.person_b_id = ${personId} AND ${answered}
        ) ORDER BY together DESC, last_at DESC, person_a_id, person_b_id LIMIT ${input.limit}`;
  const { rows } = await sql<{ a_id: number; a_name: string; b_id: number; b_name: string; together: number; last_at: string }>`
    SELECT s.person_a_id AS a_id, pa.name AS a_name, s.person_b_id AS b_id, pb.name AS b_name, s.together, s.last_at
    FROM (${pairs}) s JOIN people pa ON pa.id = s.person_a_id JOIN people pb ON pb.id = s.person_b_id
    ORDER BY s.together DESC, s.last_at DESC, s.person_a_id, s.person_b_id`.execute(db);
  return rows.map((row) => ({
    personA: { id: row.a_id, name: row.a_name },
    personB: { id: row.b_id, name: row.b_name },
    together: Number(row.together),
    lastTogetherAt: row.last_at,
    reason: Number(row.together) === 1 ? `Both were in one interaction you logged.` : `Both were in ${row.together} interactions you logged.`,
  }));
}

export async function acceptSuggestion(trx: Transaction<Database>, a: number, b: number): Promise<number> {
  return addLink(trx, { personAId: a, personBId: b, kind: 'knows', sinceOn: null, note: null }, 'suggestion');
}

export async function dismissSuggestion(db: Db, a: number, b: number): Promise<void> {
  await assertPeopleExist(db, [a, b]);
  const [low, high] = a < b ? [a, b] : [b, a];
  await db.insertInto('link_dismissals').values({ person_a_id: low, person_b_id: high, dismissed_at: now() }).onConflict((oc) => oc.doNothing()).execute();
}

/** Moves links and dismissals to the person kept when two are merged; a link between the two disappears. */
export async function mergeNetwork(trx: Transaction<Database>, fromId: number, intoId: number): Promise<void> {
  const links = await trx.selectFrom('person_ties').selectAll().where((eb) => eb.or([eb('person_a_id', '=', fromId), eb('person_b_id', '=', fromId)])).execute();
  await trx.deleteFrom('person_ties').where((eb) => eb.or([eb('person_a_id', '=', fromId), eb('person_b_id', '=', fromId)])).execute();
  for (const link of links) {
    const a = link.person_a_id === fromId ? intoId : link.person_a_id;
    const b = link.person_b_id === fromId ? intoId : link.person_b_id;
    if (a === b) continue;
    const [x, y] = ordered(link.kind, a, b);
    await trx
      .insertInto('person_ties')
      .values({ ...link, id: undefined, person_a_id: x, person_b_id: y })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  const dismissals = await trx.selectFrom('link_dismissals').selectAll().where((eb) => eb.or([eb('person_a_id', '=', fromId), eb('person_b_id', '=', fromId)])).execute();
  await trx.deleteFrom('link_dismissals').where((eb) => eb.or([eb('person_a_id', '=', fromId), eb('person_b_id', '=', fromId)])).execute();
  for (const row of dismissals) {
    const a = row.person_a_id === fromId ? intoId : row.person_a_id;
    const b = row.person_b_id === fromId ? intoId : row.person_b_id;
    if (a === b) continue;
    await trx.insertInto('link_dismissals').values({ person_a_id: Math.min(a, b), person_b_id: Math.max(a, b), dismissed_at: row.dismissed_at }).onConflict((oc) => oc.doNothing()).execute();
  }
  // Introductions: one between the two merged people no longer makes sense; the rest follow the person kept.
  await trx
    .deleteFrom('introductions')
    .where((eb) =>
      eb.or([
        eb.and([eb('person_a_id', 'in', [fromId, intoId]), eb('person_b_id', 'in', [fromId, intoId])]),
        eb.and([eb('person_a_id', 'in', [fromId, intoId]), eb('introducer_id', 'in', [fromId, intoId])]),
      ]),
    )
    .execute();
  for (const column of ['person_a_id', 'person_b_id', 'introducer_id'] as const) {
    await trx.updateTable('introductions').set({ [column]: intoId }).where(column, '=', fromId).execute();
  }
}
