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

/** Everyone's names, folded and indexed once per people revision (triggers bump it: migrations/0003, 0006). */
interface Names {
  revision: number;
  byId: Map<number, Known>;
  byName: Map<string, Known[]>;
  keyed: (Known & { key: string })[];
  near: ((key: string) => (Known & { key: string })[]) | null;
  /** The clear winner for each name nobody has exactly, once found. */
  closest: Map<string, Known | null>;
}
const namesKept = new WeakMap<object, Names>();

/**
 * Who is in the journal, kept between calls while the people revision stays where it was. Only meetings
 * to log and reminders ask, before their call writes anything: they see committed rows, so a kept copy
 * is never of a write that was then rolled back. A caller that writes people first must not ask.
 */
async function namesOf(db: Kysely<Database>): Promise<Names> {
  const row = await db.selectFrom('search_revision').select('revision').where('scope', '=', 'people').executeTakeFirst();
  const revision = row?.revision ?? 0;
  const kept = namesKept.get(db);
  if (kept?.revision === revision) return kept;
  const people = await db.selectFrom('people').select(['id', 'name']).execute();
  const keyed = people.map((person) => ({ ...person, key: normalName(person.name) }));
  const byName = new Map<string, Known[]>();
  for (const person of keyed) byName.set(person.key, [...(byName.get(person.key) ?? []), person]);
  const names: Names = { revision, byId: new Map(people.map((person) => [person.id, person])), byName, keyed, near: null, closest: new Map() };
  namesKept.set(db, names);
  return names;
}

/**
 * Loads who is in the journal, for matching a whole list of meetings with these attendees' emails.
 * The sidebar's count asks after every write, so the fuzzy step must not scan everyone per attendee
 * (fuse.js over 5,000 names is ~10 ms a search; a fortnight of meetings with guests took 2–4 s): it
 * scores only the people who share letter triples with the name (`nearNames`), once per name.
 */
export async function loadMatcher(db: Kysely<Database>, emails: readonly string[]): Promise<Matcher> {
  const names = await namesOf(db);
  const found = await findPeopleByEmail(db, emails);
  // An address two people share (a team inbox) names nobody in particular: left to the name.
  const byEmail = new Map([...found].flatMap(([email, ids]) => (ids.length === 1 ? [[email, ids[0]!] as const] : [])));

  /** The one person clearly closest to a name nobody has exactly, or null. */
  const closest = (key: string): Known | null => {
    if (names.closest.has(key)) return names.closest.get(key)!;
    names.near ??= nearNames(names.keyed);
    const [best, second] = new Fuse(names.near(key), FUZZY).search(key, { limit: 2 });
    // Only a clear winner: two people equally close is a choice for the user, not for us.
    const person = best && (best.score ?? 1) <= 0.15 && (!second || (second.score ?? 1) - (best.score ?? 1) > 0.1) ? best.item : null;
    names.closest.set(key, person);
    return person;
  };

  return {
    match(attendee) {
      const name = displayName(attendee);
      if (attendee.email) {
        const personId = byEmail.get(attendee.email);
        const person = personId === undefined ? undefined : names.byId.get(personId);
        if (person) return { email: attendee.email, name, person: ref(person), matchedBy: 'email' };
      }
      if (attendee.name || attendee.email) {
        const key = normalName(name);
        const exact = names.byName.get(key);
        if (exact?.length === 1) return { email: attendee.email, name, person: ref(exact[0]!), matchedBy: 'name' };
        if (!exact && key.includes(' ')) {
          const person = closest(key);
          if (person) return { email: attendee.email, name, person: ref(person), matchedBy: 'name' };
        }
      }
      return { email: attendee.email, name, person: null, matchedBy: null };
    },
  };
}

/** fuse.js as the matcher asks it: the whole name, anywhere in it, a small difference allowed. */
export const FUZZY = { keys: ['key'], includeScore: true, threshold: 0.3, ignoreLocation: true };

/**
 * The people whose names share at least a quarter of a name's letter triples (and two at the least):
 * everyone fuse.js could score close enough to matter, without scoring the rest. A score that counts
 * (the winner at 0.15 or less, a runner-up within 0.1 of it) allows a few wrong letters, and each wrong
 * letter breaks at most three triples, so such a name keeps well over a quarter of them. fuse.js scores
 * each name on its own, so the best two among these are the best two among everyone.
 */
export function nearNames<T extends { key: string }>(people: readonly T[]): (key: string) => T[] {
  const index = new Map<string, number[]>();
  people.forEach((person, at) => {
    for (const gram of triples(person.key)) {
      const list = index.get(gram);
      if (!list) index.set(gram, [at]);
      else if (list.at(-1) !== at) list.push(at);
    }
  });
  return (key) => {
    const grams = triples(key);
    const enough = Math.max(2, Math.ceil(grams.size / 4));
    const shared = new Map<number, number>();
    for (const gram of grams) for (const at of index.get(gram) ?? []) shared.set(at, (shared.get(at) ?? 0) + 1);
    return [...shared].flatMap(([at, count]) => (count >= enough ? [people[at]!] : []));
  };
}

function triples(key: string): Set<string> {
  const padded = ` ${key} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i += 1) grams.add(padded.slice(i, i + 3));
  return grams;
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
