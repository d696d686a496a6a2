import Fuse from 'fuse.js';
import type { Kysely } from 'kysely';
import type { MeetingAttendee } from '../../contract/contract.js';
import type { Database } from '../db/schema.js';
import { findPeopleByEmail } from '../people/contacts.js';
import type { CalendarAttendee } from './ics.js';

// Attendees to people: by email first (exact, lowercase), then by name. A name is matched exactly
// (case and accents aside), then by fuse.js for a small difference ("Rohan Garg" for "Garg, Rohan",
// "Jon" for "John") only when one person is clearly closest. Nobody is ever created here: an attendee
// with no match comes back as a name to offer as a new person.

interface Known {
  id: number;
  name: string;
}

export interface Matcher {
  match(attendee: CalendarAttendee): MeetingAttendee;
}

/** Loads who is in the journal once, for matching a whole list of meetings with these attendees' emails. */
export async function loadMatcher(db: Kysely<Database>, emails: readonly string[]): Promise<Matcher> {
  const people = await db.selectFrom('people').select(['id', 'name']).execute();
  const found = await findPeopleByEmail(db, emails);
  // An address two people share (a team inbox) names nobody in particular: left to the name.
  const byEmail = new Map([...found].flatMap(([email, ids]) => (ids.length === 1 ? [[email, ids[0]!] as const] : [])));
  const byId = new Map(people.map((person) => [person.id, person]));
  const byName = new Map<string, Known[]>();
  for (const person of people) {
    const key = normalName(person.name);
    byName.set(key, [...(byName.get(key) ?? []), person]);
  }
  const fuse = new Fuse(
    people.map((person) => ({ ...person, key: normalName(person.name) })),
    { keys: ['key'], includeScore: true, threshold: 0.3, ignoreLocation: true },
  );

  return {
    match(attendee) {
      const name = displayName(attendee);
      if (attendee.email) {
        const personId = byEmail.get(attendee.email);
        const person = personId === undefined ? undefined : byId.get(personId);
        if (person) return { email: attendee.email, name, person: { id: person.id, name: person.name }, matchedBy: 'email' };
      }
      if (attendee.name || attendee.email) {
        const key = normalName(name);
        const exact = byName.get(key);
        if (exact?.length === 1) return { email: attendee.email, name, person: ref(exact[0]!), matchedBy: 'name' };
        if (!exact && key.includes(' ')) {
          const [best, second] = fuse.search(key, { limit: 2 });
          // Only a clear winner: two people equally close is a choice for the user, not for us.
          if (best && (best.score ?? 1) <= 0.15 && (!second || (second.score ?? 1) - (best.score ?? 1) > 0.1)) {
            return { email: attendee.email, name, person: ref(best.item), matchedBy: 'name' };
          }
        }
      }
      return { email: attendee.email, name, person: null, matchedBy: null };
    },
  };
}

function ref(person: Known) {
  return { id: person.id, name: person.name };
}

/**
 * The name to show and match: the CN, with "Last, First" turned round; with no CN, the email's local
 * part as words ("rohan.garg@…" is Rohan Garg), which is what a new person would be called.
 */
export function displayName(attendee: CalendarAttendee): string {
  if (attendee.name) {
    const comma = /^([^,]+),\s*([^,]+)$/.exec(attendee.name);
    return comma ? `${comma[2]!.trim()} ${comma[1]!.trim()}` : attendee.name;
  }
  const local = (attendee.email ?? '').split('@')[0] ?? '';
  const words = local.split(/[._-]+/).filter((word) => /^[a-z]+$/i.test(word));
  if (words.length === 0) return attendee.email ?? 'Someone';
  return words.map((word) => word[0]!.toUpperCase() + word.slice(1).toLowerCase()).join(' ');
}

function normalName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\b(dr|mr|mrs|ms|prof)\.?\s+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
