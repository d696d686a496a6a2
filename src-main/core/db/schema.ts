import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Kysely's view of the journal file. Mirrors the latest migration; nullable columns, never optional ones. */
export interface Database {
  people: PeopleTable;
  person_tags: PersonTagsTable;
  interactions: InteractionsTable;
  interaction_people: InteractionPeopleTable;
  search_revision: SearchRevisionTable;
}

export interface PeopleTable {
  id: Generated<number>;
  name: string;
  organization: string | null;
  role: string | null;
  level: 'senior' | 'peer' | 'junior' | null;
  /** 1 inside my organization, 0 outside, null unknown. */
  inside_org: number | null;
  department: string | null;
  how_we_met: string | null;
  ally_role: string | null;
  cadence_days: number | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface PersonTagsTable {
  person_id: number;
  tag: string;
}

export interface InteractionsTable {
  id: Generated<number>;
  /** UTC ISO-8601 with milliseconds, so text order is time order. */
  occurred_at: string;
  kind: string;
  title: string;
  notes: string;
  confidential: number;
  location: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface InteractionPeopleTable {
  interaction_id: number;
  person_id: number;
}

/** Bumped by triggers on every write that changes what search finds; see migrations/0002-search.ts. */
export interface SearchRevisionTable {
  scope: 'people' | 'interactions';
  revision: number;
}

export type PersonRow = Selectable<PeopleTable>;
export type NewPersonRow = Insertable<PeopleTable>;
export type PersonUpdateRow = Updateable<PeopleTable>;
export type InteractionRow = Selectable<InteractionsTable>;
export type NewInteractionRow = Insertable<InteractionsTable>;
