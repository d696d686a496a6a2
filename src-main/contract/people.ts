import { z } from 'zod';
import { allyRoles, levels, PEOPLE_FIND_MAX, PEOPLE_MAX_LIMIT, peopleSorts } from './enums.js';
import type { PersonSummary } from './contract.js';

// The People table's window (#11): filtered, ordered and cut in the journal, so opening People at 5,000
// people sends the 200 rows in view instead of everyone. Spread into `contract` by contract.ts.

const personId = z.number({ error: 'An id must be a number.' }).int({ error: 'An id must be a whole number.' }).positive({ error: 'An id must be positive.' });
const whole = (label: string) => z.number({ error: `${label} must be a whole number.` }).int({ error: `${label} must be a whole number.` });

export const peopleContract = {
  'people.window': {
    input: z
      .object({
        // The filter box's words, matched as the table always matched them (forgiving of typos).
        query: z.string({ error: 'The filter must be text.' }).max(200, { error: 'The filter must be at most 200 characters.' }).optional(),
        allyRole: z.enum(allyRoles, { error: `Ally role must be one of: ${allyRoles.join(', ')}.` }).nullish(),
        level: z.enum(levels, { error: 'Level must be senior, peer or junior.' }).nullish(),
        placement: z.enum(['inside', 'outside'], { error: 'Placement must be inside or outside.' }).nullish(),
        /** Only the people at this organization, as it is written on them. */
        organization: z.string({ error: 'The organization must be text.' }).max(200, { error: 'The organization must be at most 200 characters.' }).nullish(),
        dueOnly: z.boolean({ error: 'Due only must be true or false.' }).optional(),
        sort: z.enum(peopleSorts, { error: `Sort by one of: ${peopleSorts.join(', ')}.` }).optional(),
        descending: z.boolean({ error: 'Descending must be true or false.' }).optional(),
        offset: whole('The offset').min(0, { error: 'The offset cannot be negative.' }).optional(),
        limit: whole('The limit').min(1, { error: 'The limit must be at least 1.' }).max(PEOPLE_MAX_LIMIT, { error: `At most ${PEOPLE_MAX_LIMIT} people at once.` }).optional(),
        /** The local calendar day "due for a catch-up" is counted from; today by default. */
        today: z.iso.date({ error: 'Today must be a calendar day (YYYY-MM-DD).' }).optional(),
      })
      .strict(),
    result: of<PeopleWindow>(),
  },
  // The organizations people are at, each once, in name order: the hand-over's "add everyone there"
  // reads these names, and the people of one when it is chosen (people.window), not everyone's summary.
  'people.organizations': { input: z.object({}, { error: 'This request takes no input.' }).strict().optional(), result: of<string[]>() },
  // The pickers' question (who was there, who a give or a promise is with, whom to merge into): the few
  // people that fit what was typed, best first, instead of everyone's summary (2 MB at 5,000 people).
  // With nothing typed: the people met most recently. An exact name (case and accents aside) comes first.
  'people.find': {
    input: z
      .object({
        query: z.string({ error: 'The name must be text.' }).max(200, { error: 'The name must be at most 200 characters.' }),
        limit: whole('The limit').min(1, { error: 'The limit must be at least 1.' }).max(PEOPLE_FIND_MAX, { error: `At most ${PEOPLE_FIND_MAX} people at once.` }).optional(),
        /** People already chosen, left out of the answer. */
        exclude: z.array(personId, { error: 'The people to leave out must be a list of ids.' }).max(1000, { error: 'At most 1,000 people to leave out.' }).optional(),
      })
      .strict(),
    result: of<PersonSummary[]>(),
  },
};

export interface PeopleWindow {
  /** The window asked for, in the order asked for. */
  rows: PersonSummary[];
  offset: number;
  /** People matching the filter and the filters, of which `rows` is the window from `offset`. */
  total: number;
  /** Everyone in the journal, filters aside. */
  people: number;
  /** Everyone due for a catch-up (past their cadence), filters aside. */
  due: number;
}

function of<T>(): T {
  return undefined as T;
}
