import { sql, type Kysely, type Transaction } from 'kysely';
import type { ParsedInput, Person, PersonRef, PersonSummary } from '../../contract/contract.js';
import type { Database, PersonRow } from '../db/schema.js';
import { notFound } from '../errors.js';
import { contactDetails, importSource, writeContactDetails, type ContactDetails } from './contacts.js';

type Db = Kysely<Database> | Transaction<Database>;
type PersonFields = ParsedInput<'people.create'>;

const now = () => new Date().toISOString();

export async function listPeople(db: Db): Promise<PersonSummary[]> {
  return summariesOf(db);
}

/** Everyone's summary by name, or (for the People table's window) only these people's, in no set order. */
export async function summariesOf(db: Db, ids?: readonly number[]): Promise<PersonSummary[]> {
  if (ids?.length === 0) return [];
  let query = db
    .selectFrom('people as p')
    .leftJoin('person_stats as s', 's.person_id', 'p.id')
    .select([
      'p.id', 'p.name', 'p.organization', 'p.role', 'p.level', 'p.inside_org', 'p.department',
      'p.ally_role', 'p.cadence_days', 'p.cadence_max_days', 'p.created_at', 'p.updated_at', 's.interaction_count', 's.first_interaction_at', 's.last_interaction_at',
    ])
    .orderBy(sql`p.name COLLATE NOCASE`);
  if (ids) query = query.where('p.id', 'in', ids);
  const rows = await query.execute();
  const tags = await tagsByPerson(db, ids);
  const emails = await emailsByPerson(db, ids);
  return rows.map((row) => {
    const { notes: _notes, howWeMet: _howWeMet, goal: _goal, phones: _phones, links: _links, addresses: _addresses, nicknames: _nicknames, ims: _ims, birthday: _birthday, source: _source, ...summary } = toPerson(
      { ...row, notes: null, how_we_met: null, goal: null, birthday: null, import_id: null },
      tags.get(row.id) ?? [],
      row,
      emails.get(row.id),
      null,
    );
    return summary;
  });
}

/** A summary's emails (the only contact detail the People table shows), everyone's or these people's. */
async function emailsByPerson(db: Db, ids?: readonly number[]): Promise<Map<number, ContactDetails>> {
  if (!ids) return contactDetails(db);
  const map = new Map<number, ContactDetails>();
  const rows = await db.selectFrom('person_emails').select(['person_id', 'email', 'label']).where('person_id', 'in', ids).orderBy('person_id').orderBy('position').execute();
  for (const row of rows) {
    let details = map.get(row.person_id);
    if (!details) map.set(row.person_id, (details = { emails: [], phones: [], links: [], addresses: [], nicknames: [], ims: [] }));
    details.emails.push({ email: row.email, label: row.label });
  }
  return map;
}

export async function getPerson(db: Db, id: number): Promise<Person> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('person', id);
  const stats = await db
    .selectFrom('person_stats')
    .select(['interaction_count', 'first_interaction_at', 'last_interaction_at'])
    .where('person_id', '=', id)
    .executeTakeFirst();
  const tags = await tagsByPerson(db, id);
  const details = await contactDetails(db, id);
  return toPerson(row, tags.get(id) ?? [], stats, details.get(id), await importSource(db, row.import_id));
}

export async function createPerson(db: Db, fields: PersonFields): Promise<number> {
  const at = now();
  const { id } = await db
    .insertInto('people')
    .values({ ...toRow(fields), birthday: fields.birthday ?? null, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceTags(db, id, fields.tags);
  await writeContactDetails(db, id, fields);
  return id;
}

export async function updatePerson(db: Db, id: number, fields: PersonFields): Promise<void> {
  const result = await db
    .updateTable('people')
    .set({ ...toRow(fields), ...(fields.birthday === undefined ? {} : { birthday: fields.birthday }), updated_at: now() })
    .where('id', '=', id)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw notFound('person', id);
  await replaceTags(db, id, fields.tags);
  await writeContactDetails(db, id, fields);
}

/** Every id must name a person. */
export async function assertPeopleExist(db: Db, ids: readonly number[]): Promise<void> {
  await namedPeople(db, ids);
}

/**
 * Every id must name a person; returns who they are, in the order given. One read for the check and the
 * names: a save that shows its people has them without reading them again after writing.
 */
export async function namedPeople(db: Db, ids: readonly number[]): Promise<PersonRef[]> {
  if (ids.length === 0) return [];
  const found = await db.selectFrom('people').select(['id', 'name']).where('id', 'in', ids).execute();
  const byId = new Map(found.map((row) => [row.id, row]));
  return ids.map((id) => {
    const person = byId.get(id);
    if (!person) throw notFound('person', id);
    return person;
  });
}

// Interaction counts and first/last contact come from person_stats, kept by triggers in the same
// transaction as every write (migrations/0005-counters.ts): joining every interaction per call did ~245k
// lookups for the People table at 100,000 interactions.

async function tagsByPerson(db: Db, ids?: number | readonly number[]): Promise<Map<number, string[]>> {
  let query = db.selectFrom('person_tags').select(['person_id', 'tag']).orderBy('tag');
  if (typeof ids === 'number') query = query.where('person_id', '=', ids);
  else if (ids) query = query.where('person_id', 'in', ids);
  const map = new Map<number, string[]>();
  for (const { person_id, tag } of await query.execute()) {
    const list = map.get(person_id) ?? [];
    list.push(tag);
    map.set(person_id, list);
  }
  return map;
}

async function replaceTags(db: Db, personId: number, tags: readonly string[]): Promise<void> {
  await db.deleteFrom('person_tags').where('person_id', '=', personId).execute();
  if (tags.length > 0) {
    await db.insertInto('person_tags').values(tags.map((tag) => ({ person_id: personId, tag }))).execute();
  }
}

function toRow(fields: PersonFields) {
  return {
    name: fields.name,
    organization: fields.organization,
    role: fields.role,
    level: fields.level ?? null,
    inside_org: fields.insideOrg == null ? null : fields.insideOrg ? 1 : 0,
    department: fields.department,
    how_we_met: fields.howWeMet,
    ally_role: fields.allyRole ?? null,
    cadence_days: fields.cadenceDays ?? null,
    // Left out by a caller that does not know it (an older form): kept as it is.
    ...(fields.cadenceMaxDays !== undefined ? { cadence_max_days: fields.cadenceMaxDays } : {}),
    ...(fields.goal !== undefined ? { goal: fields.goal } : {}),
    notes: fields.notes,
  };
}

function toPerson(
  row: PersonRow,
  tags: string[],
  stats: { interaction_count: number | null; first_interaction_at: string | null; last_interaction_at: string | null } | undefined,
  details: ContactDetails | undefined,
  source: Person['source'],
): Person {
  return {
    id: row.id,
    name: row.name,
    organization: row.organization,
    role: row.role,
    level: row.level,
    insideOrg: row.inside_org == null ? null : row.inside_org === 1,
    department: row.department,
    howWeMet: row.how_we_met,
    goal: row.goal,
    tags,
    allyRole: row.ally_role as Person['allyRole'],
    cadenceDays: row.cadence_days,
    cadenceMaxDays: row.cadence_max_days,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    interactionCount: Number(stats?.interaction_count ?? 0),
    firstInteractionAt: stats?.first_interaction_at ?? null,
    lastInteractionAt: stats?.last_interaction_at ?? null,
    emails: details?.emails ?? [],
    phones: details?.phones ?? [],
    links: details?.links ?? [],
    addresses: details?.addresses ?? [],
    nicknames: details?.nicknames ?? [],
    ims: details?.ims ?? [],
    birthday: row.birthday,
    source,
  };
}
