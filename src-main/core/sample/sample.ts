import { z } from 'zod';
import { addDays, format, isSaturday, isSunday, setHours, setMinutes, startOfDay } from 'date-fns';
import type { Kysely, Transaction } from 'kysely';
import {
  PersonFields,
  askDirections,
  askStatuses,
  associationCategories,
  associationRoles,
  associationStatuses,
  commitmentDirections,
  commitmentStatuses,
  exchangeDirections,
  exchangeKinds,
  interactionKinds,
} from '../../contract/contract.js';
import type { Database } from '../db/schema.js';
import { JournalError } from '../errors.js';
import { createPerson } from '../people/people.js';
import { quarterOf } from '../quarters.js';

// The sample journal ships as data (resources/sample-journal.json) with dates relative to the day it is
// loaded, so a new user always sees a network that is current, not one frozen on the day it was written.

export const SampleJournal = z.object({
  version: z.literal(1),
  people: z
    .array(PersonFields.extend({ key: z.string().min(1) }))
    .min(1)
    .refine((people) => new Set(people.map((person) => person.key)).size === people.length, {
      error: 'Sample people must have unique keys.',
    }),
  interactions: z.array(
    z.object({
      // From yesterday back: nothing in the sample may land in the future.
      daysAgo: z.number().int().min(1),
      time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
      kind: z.enum(interactionKinds),
      title: z.string().min(1).max(200),
      notes: z.string().default(''),
      confidential: z.boolean().default(false),
      location: z.string().max(200).nullish().default(null),
      people: z.array(z.string().min(1)).min(1),
    }),
  ),
  // Give and take (optional, so a sample written before reciprocity still loads). `interaction` names a
  // sample interaction by its title: the item is logged with it and takes its time.
  exchanges: z
    .array(
      z.object({
        direction: z.enum(exchangeDirections),
        kind: z.enum(exchangeKinds),
        description: z.string().min(1).max(500),
        people: z.array(z.string().min(1)).min(1),
        interaction: z.string().nullish().default(null),
        daysAgo: z.number().int().min(1).nullish().default(null),
        thankedIn: z.string().nullish().default(null),
        thankedDaysAgo: z.number().int().min(1).nullish().default(null),
        askIndex: z.number().int().min(0).nullish().default(null),
      }),
    )
    .default([]),
  asks: z
    .array(
      z.object({
        direction: z.enum(askDirections),
        description: z.string().min(1).max(500),
        people: z.array(z.string().min(1)).min(1),
        interaction: z.string().nullish().default(null),
        daysAgo: z.number().int().min(1).nullish().default(null),
        status: z.enum(askStatuses).default('open'),
      }),
    )
    .default([]),
  commitments: z
    .array(
      z.object({
        direction: z.enum(commitmentDirections),
        description: z.string().min(1).max(500),
        person: z.string().min(1),
        interaction: z.string().nullish().default(null),
        /** Days from the load day; negative is past. */
        dueInDays: z.number().int(),
        status: z.enum(commitmentStatuses).default('open'),
        doneInDays: z.number().int().nullish().default(null),
      }),
    )
    .default([]),
  // Associations (optional, so older samples still load). Events name sample interactions of kind event
  // by title; goals hold from the quarter containing their day on.
  associations: z
    .array(
      z.object({
        name: z.string().min(1).max(120),
        category: z.enum(associationCategories),
        website: z.string().max(300).nullish().default(null),
        notes: z.string().max(20_000).nullish().default(null),
        myRole: z.enum(associationRoles).nullish().default(null),
        renewalInDays: z.number().int().nullish().default(null),
        status: z.enum(associationStatuses),
        goals: z.array(z.object({ fromDaysAgo: z.number().int().min(0), events: z.number().int().min(0).max(50) })).default([]),
        events: z.array(z.string().min(1)).default([]),
      }),
    )
    .default([]),
});

/** Work happens on weekdays: a rebased working entry that lands on a weekend moves back to Friday. */
function onAWorkday(date: Date, kind: string): Date {
  if (kind === 'event' || kind === 'meal' || kind === 'message') return date;
  if (isSaturday(date)) return addDays(date, -1);
  if (isSunday(date)) return addDays(date, -2);
  return date;
}
export type SampleJournal = z.input<typeof SampleJournal>;

/** Loads the sample into an empty journal, in one transaction. */
export async function loadSample(db: Kysely<Database>, data: unknown, today = new Date()): Promise<void> {
  const sample = SampleJournal.parse(data);
  await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(existing.n) > 0) {
      throw new JournalError('conflict', 'The sample journal can only be loaded into an empty journal.');
    }
    const ids = new Map<string, number>();
    for (const { key, ...fields } of sample.people) ids.set(key, await createPerson(trx, fields));

    const midnight = startOfDay(today);
    const interactions = new Map<string, { id: number; at: string } | null>();
    for (const entry of sample.interactions) {
      const [hours, minutes] = entry.time.split(':').map(Number) as [number, number];
      const day = onAWorkday(addDays(midnight, -entry.daysAgo), entry.kind);
      const occurredAt = setMinutes(setHours(day, hours), minutes).toISOString();
      const stamp = new Date().toISOString();
      const { id } = await trx
        .insertInto('interactions')
        .values({
          occurred_at: occurredAt,
          kind: entry.kind,
          title: entry.title,
          notes: entry.notes,
          confidential: entry.confidential ? 1 : 0,
          location: entry.location,
          created_at: stamp,
          updated_at: stamp,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const personIds = [...new Set(entry.people)].map((key) => {
        const personId = ids.get(key);
        if (personId === undefined) throw new Error(`Sample interaction "${entry.title}" names unknown person "${key}".`);
        return personId;
      });
      await trx.insertInto('interaction_people').values(personIds.map((person_id) => ({ interaction_id: id, person_id }))).execute();
      // A title used twice cannot be pointed at: remember it as ambiguous.
      interactions.set(entry.title, interactions.has(entry.title) ? null : { id, at: occurredAt });
    }
    await loadGiveAndTake(trx, sample, { ids, interactions, midnight });
    await loadAssociations(trx, sample, { ids, interactions, midnight });
  });
}

/** Associations, their goal history and the events held by them. */
async function loadAssociations(trx: Transaction<Database>, sample: z.output<typeof SampleJournal>, lookup: Lookup): Promise<void> {
  const stamp = new Date().toISOString();
  for (const association of sample.associations) {
    const { id } = await trx
      .insertInto('associations')
      .values({
        name: association.name,
        category: association.category,
        website: association.website,
        notes: association.notes,
        my_role: association.myRole,
        renewal_on: association.renewalInDays == null ? null : format(addDays(lookup.midnight, association.renewalInDays), 'yyyy-MM-dd'),
        status: association.status,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const goal of association.goals) {
      await trx
        .insertInto('attendance_goals')
        .values({ association_id: id, from_quarter: quarterOf(addDays(lookup.midnight, -goal.fromDaysAgo)), events: goal.events, set_at: stamp })
        .onConflict((oc) => oc.columns(['association_id', 'from_quarter']).doUpdateSet({ events: goal.events }))
        .execute();
    }
    for (const title of association.events) {
      const found = lookup.interactions.get(title);
      if (!found) throw new Error(`Sample association "${association.name}" names ${found === null ? 'an ambiguous' : 'no'} interaction "${title}".`);
      const result = await trx.updateTable('interactions').set({ association_id: id }).where('id', '=', found.id).where('kind', '=', 'event').executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw new Error(`Sample association "${association.name}" names "${title}", which is not an event.`);
    }
  }
}

interface Lookup {
  ids: Map<string, number>;
  interactions: Map<string, { id: number; at: string } | null>;
  midnight: Date;
}

/** Exchanges, asks (fulfilled ones linked to their exchange), thanks and commitments of the sample. */
async function loadGiveAndTake(trx: Transaction<Database>, sample: z.output<typeof SampleJournal>, lookup: Lookup): Promise<void> {
  const person = (key: string, what: string) => {
    const id = lookup.ids.get(key);
    if (id === undefined) throw new Error(`Sample ${what} names unknown person "${key}".`);
    return id;
  };
  const interaction = (title: string, what: string) => {
    const found = lookup.interactions.get(title);
    if (!found) throw new Error(`Sample ${what} names ${found === null ? 'an ambiguous' : 'no'} interaction "${title}".`);
    return found;
  };
  // Standalone items land at midday on their day.
  const dayAt = (daysAgo: number) => setHours(addDays(lookup.midnight, -daysAgo), 12).toISOString();
  const dayOn = (days: number) => format(addDays(lookup.midnight, days), 'yyyy-MM-dd');
  const stamp = new Date().toISOString();

  const askIds: number[] = [];
  for (const ask of sample.asks) {
    const linked = ask.interaction ? interaction(ask.interaction, `ask "${ask.description}"`) : null;
    const at = linked?.at ?? dayAt(ask.daysAgo ?? 1);
    const { id } = await trx
      .insertInto('asks')
      .values({ direction: ask.direction, description: ask.description, asked_at: at, status: ask.status, resolved_at: ask.status === 'open' ? null : at, interaction_id: linked?.id ?? null, exchange_id: null, created_at: stamp, updated_at: stamp })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('ask_people').values([...new Set(ask.people)].map((key) => ({ ask_id: id, person_id: person(key, `ask "${ask.description}"`) }))).execute();
    askIds.push(id);
  }

  for (const exchange of sample.exchanges) {
    const what = `exchange "${exchange.description}"`;
    const linked = exchange.interaction ? interaction(exchange.interaction, what) : null;
    const at = linked?.at ?? dayAt(exchange.daysAgo ?? 1);
    const { id } = await trx
      .insertInto('exchanges')
      .values({ direction: exchange.direction, kind: exchange.kind, description: exchange.description, occurred_at: at, interaction_id: linked?.id ?? null, created_at: stamp, updated_at: stamp })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('exchange_people').values([...new Set(exchange.people)].map((key) => ({ exchange_id: id, person_id: person(key, what) }))).execute();
    if (exchange.askIndex != null) {
      const askId = askIds[exchange.askIndex];
      if (askId === undefined) throw new Error(`Sample ${what} fulfils ask ${exchange.askIndex}, which does not exist.`);
      await trx.updateTable('asks').set({ status: 'fulfilled', resolved_at: at, exchange_id: id }).where('id', '=', askId).execute();
    }
    if (exchange.thankedIn || exchange.thankedDaysAgo) {
      const thankedBy = exchange.thankedIn ? interaction(exchange.thankedIn, `thanks for ${what}`) : null;
      await trx
        .insertInto('thanks')
        .values({ exchange_id: id, thanked_at: thankedBy?.at ?? dayAt(exchange.thankedDaysAgo ?? 1), note: null, interaction_id: thankedBy?.id ?? null, created_at: stamp })
        .execute();
    }
  }

  for (const commitment of sample.commitments) {
    const what = `commitment "${commitment.description}"`;
    const linked = commitment.interaction ? interaction(commitment.interaction, what) : null;
    await trx
      .insertInto('commitments')
      .values({
        direction: commitment.direction,
        person_id: person(commitment.person, what),
        description: commitment.description,
        due_on: dayOn(commitment.dueInDays),
        status: commitment.status,
        done_on: commitment.status === 'done' ? dayOn(commitment.doneInDays ?? commitment.dueInDays) : null,
        interaction_id: linked?.id ?? null,
        created_at: stamp,
        updated_at: stamp,
      })
      .execute();
  }
}
