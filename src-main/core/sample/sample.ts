import { z } from 'zod';
import { addDays, isSaturday, isSunday, setHours, setMinutes, startOfDay } from 'date-fns';
import type { Kysely } from 'kysely';
import { PersonFields, interactionKinds } from '../../contract/contract.js';
import type { Database } from '../db/schema.js';
import { JournalError } from '../errors.js';
import { createPerson } from '../people/people.js';

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
    }
  });
}
