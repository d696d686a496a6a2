import type { PersonSummary } from '../../../src-main/contract/contract';
import { api } from '../lib/api';
import { journal } from '../lib/journal.svelte';

// The picker's list of people, kept between openings of the dialog. The dialog opens on the list it
// last saw and asks for a fresh one at the same time: the first keystroke should not wait for the core
// to count everyone's interactions.
let cached: { revision: number; people: PersonSummary[] } | null = null;

export function cachedPeople(): PersonSummary[] | null {
  return cached?.people ?? null;
}

/** True when the cached list was read at the journal's current revision. */
export function peopleAreFresh(): boolean {
  return cached?.revision === journal.revision;
}

export async function fetchPeople(): Promise<PersonSummary[]> {
  const revision = journal.revision;
  const people = await api('people.list');
  cached = { revision, people };
  return people;
}
