import { sql, type Kysely, type Transaction } from 'kysely';
import type { Introduction, IntroductionIdea, ParsedInput } from '../../contract/contract.js';
import type { Database } from '../db/schema.js';
import { notFound } from '../errors.js';
import { assertPeopleExist } from '../people/people.js';
import { createExchange, type Db } from '../reciprocity/items.js';
import { addLink } from './links.js';

// Introductions made and received. Each one is also an ordinary exchange of kind 'introduction' — a give to
// both people I introduced, or help received from whoever introduced me — so the reciprocity ledger, the
// queues and the before-you-ask view count it without knowing introductions exist.

const now = () => new Date().toISOString();
/** Midday UTC lands on the same calendar day in every zone people live in, so the ledger dates it right. */
const middayOf = (day: string) => `${day}T12:00:00.000Z`;

export async function fetchIntroductions(db: Db, filter: { ids?: readonly number[]; personId?: number | null } = {}): Promise<Introduction[]> {
  let query = db
    .selectFrom('introductions as n')
    .innerJoin('people as a', 'a.id', 'n.person_a_id')
    .leftJoin('people as b', 'b.id', 'n.person_b_id')
    .leftJoin('people as r', 'r.id', 'n.introducer_id')
    .select([
      'n.id', 'n.direction', 'n.why', 'n.introduced_on', 'n.interaction_id', 'n.outcome', 'n.outcome_on', 'n.exchange_id',
      'a.id as a_id', 'a.name as a_name', 'b.id as b_id', 'b.name as b_name', 'r.id as r_id', 'r.name as r_name',
    ]);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('n.id', 'in', filter.ids);
  }
  if (filter.personId != null) {
    const personId = filter.personId;
    query = query.where((eb) => eb.or([eb('n.person_a_id', '=', personId), eb('n.person_b_id', '=', personId), eb('n.introducer_id', '=', personId)]));
  }
  const rows = await query.orderBy('n.introduced_on', 'desc').orderBy('n.id', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    direction: row.direction,
    introducer: row.r_id === null || row.r_name === null ? null : { id: row.r_id, name: row.r_name },
    personA: { id: row.a_id, name: row.a_name },
    personB: row.b_id === null || row.b_name === null ? null : { id: row.b_id, name: row.b_name },
    why: row.why,
    introducedOn: row.introduced_on,
    interactionId: row.interaction_id,
    outcome: row.outcome,
    outcomeOn: row.outcome_on,
    exchangeId: row.exchange_id,
  }));
}

export async function getIntroduction(db: Db, id: number): Promise<Introduction> {
  const [found] = await fetchIntroductions(db, { ids: [id] });
  if (!found) throw notFound('introduction', id);
  return found;
}

/** Logs an introduction with its exchange and its link, all in the caller's transaction. */
export async function createIntroduction(trx: Transaction<Database>, input: ParsedInput<'introductions.create'>): Promise<number> {
  if (input.interactionId !== null) {
    const interaction = await trx.selectFrom('interactions').select('id').where('id', '=', input.interactionId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!interaction) throw notFound('interaction', input.interactionId);
  }
  const made = input.direction === 'made';
  const people = made ? [input.personAId, input.personBId] : [input.introducerId, input.personAId];
  await assertPeopleExist(trx, people);
  const names = new Map(
    (await trx.selectFrom('people').select(['id', 'name']).where('id', 'in', people).execute()).map((row) => [row.id, row.name]),
  );
  const description = made
    ? `Introduced ${names.get(input.personAId)} to ${names.get(input.personBId)}`
    : `Introduced me to ${names.get(input.personAId)}`;
  const exchangeId = await createExchange(trx, {
    direction: made ? 'gave' : 'received',
    kind: 'introduction',
    description: input.why ? `${description}: ${input.why}`.slice(0, 500) : description,
    occurredAt: middayOf(input.introducedOn),
    // A give to both people I introduced; help received from the one who introduced me.
    personIds: made ? [input.personAId, input.personBId] : [input.introducerId],
  });
  const at = now();
  const { id } = await trx
    .insertInto('introductions')
    .values({
      direction: input.direction,
      introducer_id: made ? null : input.introducerId,
      person_a_id: input.personAId,
      person_b_id: made ? input.personBId : null,
      why: input.why,
      introduced_on: input.introducedOn,
      interaction_id: input.interactionId,
      outcome: 'pending',
      outcome_on: null,
      exchange_id: exchangeId,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The two now know each other: mine is "introduced by me"; whoever introduced me knows the person they introduced.
  if (made) {
    await addLink(trx, { personAId: input.personAId, personBId: input.personBId, kind: 'introduced-by-me', sinceOn: input.introducedOn, note: input.why }, 'introduction');
  } else {
    await addLink(trx, { personAId: input.introducerId, personBId: input.personAId, kind: 'knows', sinceOn: null, note: null }, 'introduction');
  }
  return id;
}

export async function setOutcome(db: Db, input: ParsedInput<'introductions.setOutcome'>): Promise<void> {
  const result = await db
    .updateTable('introductions')
    .set({ outcome: input.outcome, outcome_on: input.outcome === 'pending' ? null : (input.outcomeOn ?? now().slice(0, 10)), updated_at: now() })
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw notFound('introduction', input.id);
}

/** Deleting an introduction takes back its give and the link it made, since both rested on it alone. */
export async function deleteIntroduction(trx: Transaction<Database>, id: number): Promise<{ id: number }> {
  const row = await trx.selectFrom('introductions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('introduction', id);
  await trx.deleteFrom('introductions').where('id', '=', id).execute();
  if (row.exchange_id !== null) await trx.deleteFrom('exchanges').where('id', '=', row.exchange_id).execute();
  const [a, b] = row.direction === 'made' ? [row.person_a_id, row.person_b_id!] : [row.introducer_id!, row.person_a_id];
  const kind = row.direction === 'made' ? 'introduced-by-me' : 'knows';
  const others = await trx
    .selectFrom('introductions')
    .select('id')
    .where((eb) =>
      row.direction === 'made'
        ? eb.or([eb.and([eb('person_a_id', '=', a), eb('person_b_id', '=', b)]), eb.and([eb('person_a_id', '=', b), eb('person_b_id', '=', a)])])
        : eb.and([eb('introducer_id', '=', a), eb('person_a_id', '=', b)]),
    )
    .executeTakeFirst();
  if (!others) {
    await trx
      .deleteFrom('person_ties')
      .where('person_a_id', '=', Math.min(a, b))
      .where('person_b_id', '=', Math.max(a, b))
      .where('kind', '=', kind)
      .where('source', '=', 'introduction')
      .execute();
  }
  return { id };
}

/**
 * Pairs worth introducing: one person's "need:" or "goal:" tag matches another's "offer:" tag, or the goal
 * written on their page names what another offers (an offer: tag), their function or their organization;
 * and they are not linked or introduced already. Suggestions only, each with the reason shown; nothing is
 * logged.
 */
export async function introductionsToConsider(db: Kysely<Database>, limit: number): Promise<IntroductionIdea[]> {
  const { rows } = await sql<{ a_id: number; a_name: string; b_id: number; b_name: string; topic: string; wants: string }>`
    WITH wants AS (
      SELECT person_id, substr(tag, instr(tag, ':') + 1) AS topic, substr(tag, 1, instr(tag, ':') - 1) AS wants
      FROM person_tags WHERE tag LIKE 'need:%' OR tag LIKE 'goal:%'
    ),
    offers AS (SELECT person_id, substr(tag, 7) AS topic FROM person_tags WHERE tag LIKE 'offer:%')
    SELECT w.person_id AS a_id, pa.name AS a_name, o.person_id AS b_id, pb.name AS b_name, trim(w.topic) AS topic, MIN(w.wants) AS wants
    FROM wants w JOIN offers o ON trim(o.topic) = trim(w.topic) AND o.person_id <> w.person_id
    JOIN people pa ON pa.id = w.person_id JOIN people pb ON pb.id = o.person_id
    WHERE trim(w.topic) <> ''
    GROUP BY w.person_id, o.person_id, trim(w.topic)`.execute(db);
  const ideas: IntroductionIdea[] = rows.map((row) => ({
    personA: { id: row.a_id, name: row.a_name },
    personB: { id: row.b_id, name: row.b_name },
    topic: row.topic,
    reason:
      row.wants === 'goal'
        ? `${row.a_name} has the goal “${row.topic}”, and ${row.b_name} offers it.`
        : `${row.a_name} needs “${row.topic}”, and ${row.b_name} offers it.`,
  }));
  ideas.push(...(await goalIdeas(db)));

  const involved = [...new Set(ideas.map((idea) => idea.personA.id))];
  const known = new Set<string>();
  const pair = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);
  for (let i = 0; i < involved.length; i += 500) {
    const some = involved.slice(i, i + 500);
    const ties = await db.selectFrom('person_ties').select(['person_a_id as a', 'person_b_id as b']).where((eb) => eb.or([eb('person_a_id', 'in', some), eb('person_b_id', 'in', some)])).execute();
    const made = await db
      .selectFrom('introductions')
      .select(['person_a_id as a', 'person_b_id as b'])
      .where('direction', '=', 'made')
      .where((eb) => eb.or([eb('person_a_id', 'in', some), eb('person_b_id', 'in', some)]))
      .execute();
    for (const row of [...ties, ...made]) if (row.b !== null) known.add(pair(row.a, row.b));
  }
  const seen = new Set<string>();
  return ideas
    .filter((idea) => {
      const key = `${idea.personA.id}-${idea.personB.id}-${idea.topic.toLowerCase()}`;
      if (known.has(pair(idea.personA.id, idea.personB.id)) || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((x, y) => x.personA.name.localeCompare(y.personA.name) || x.personB.name.localeCompare(y.personB.name) || x.topic.localeCompare(y.topic))
    .slice(0, limit);
}

/** At most this many people per organization or function a goal names: the rest are the same idea again. */
const GOAL_MATCHES_PER_VALUE = 3;

/** Lower case, words separated by single spaces, padded: " board seat at northwind ". */
const words = (text: string) => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/**
 * A goal written on a person's page, matched by whole words against what others offer (offer: tags,
 * hyphens read as spaces), their function and their organization. Few people have a goal written, so
 * this reads everyone once and matches in memory.
 */
async function goalIdeas(db: Kysely<Database>): Promise<IntroductionIdea[]> {
  const goals = await db.selectFrom('people').select(['id', 'name', 'goal']).where('goal', 'is not', null).orderBy('name').execute();
  if (goals.length === 0) return [];
  const [offers, people] = await Promise.all([
    db.selectFrom('person_tags as t').innerJoin('people as p', 'p.id', 't.person_id').select(['p.id', 'p.name', 't.tag']).where('t.tag', 'like', 'offer:%').execute(),
    db
      .selectFrom('people')
      .select(['id', 'name', 'organization', 'department'])
      .where((eb) => eb.or([eb('organization', 'is not', null), eb('department', 'is not', null)]))
      .orderBy('name')
      .execute(),
  ]);
  const ideas: IntroductionIdea[] = [];
  for (const person of goals) {
    const goal = words(person.goal!);
    const a = { id: person.id, name: person.name };
    const aims = `${person.name}’s goal is “${person.goal}”`;
    for (const offer of offers) {
      const topic = offer.tag.slice(6).trim();
      if (offer.id === person.id || topic.length < 3 || !goal.includes(words(topic.replaceAll('-', ' ')))) continue;
      ideas.push({ personA: a, personB: { id: offer.id, name: offer.name }, topic, reason: `${aims}, and ${offer.name} offers ${topic}.` });
    }
    const perValue = new Map<string, number>();
    for (const other of people) {
      if (other.id === person.id) continue;
      for (const [value, sentence] of [
        [other.organization, `${other.name} is at ${other.organization}`],
        [other.department, `${other.name} works in ${other.department}`],
      ] as const) {
        if (!value || value.trim().length < 3 || !goal.includes(words(value))) continue;
        const key = value.toLowerCase();
        const count = perValue.get(key) ?? 0;
        if (count >= GOAL_MATCHES_PER_VALUE) continue;
        perValue.set(key, count + 1);
        ideas.push({ personA: a, personB: { id: other.id, name: other.name }, topic: value, reason: `${aims}, and ${sentence}.` });
        break;
      }
    }
  }
  return ideas;
}
