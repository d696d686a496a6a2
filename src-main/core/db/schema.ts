import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Kysely's view of the journal file. Mirrors the latest migration; nullable columns, never optional ones. */
export interface Database {
  people: PeopleTable;
  person_tags: PersonTagsTable;
  interactions: InteractionsTable;
  interaction_people: InteractionPeopleTable;
  exchanges: ExchangesTable;
  exchange_people: ExchangePeopleTable;
  asks: AsksTable;
  ask_people: AskPeopleTable;
  thanks: ThanksTable;
  commitments: CommitmentsTable;
  give_first_dismissals: GiveFirstDismissalsTable;
  search_revision: SearchRevisionTable;
  associations: AssociationsTable;
  attendance_goals: AttendanceGoalsTable;
  person_stats: PersonStatsTable;
  person_reciprocity: PersonReciprocityTable;
  person_contacts: PersonContactsTable;
  journal_counts: JournalCountsTable;
  imports: ImportsTable;
  person_emails: PersonEmailsTable;
  person_phones: PersonPhonesTable;
  person_links: PersonLinksTable;
  person_addresses: PersonAddressesTable;
  person_nicknames: PersonNicknamesTable;
  person_ims: PersonImsTable;
  import_mappings: ImportMappingsTable;
  calendar_sources: CalendarSourcesTable;
  calendar_occurrences: CalendarOccurrencesTable;
  preferences: PreferencesTable;
  person_ties: PersonTiesTable;
  link_dismissals: LinkDismissalsTable;
  introductions: IntroductionsTable;
  co_attendance: CoAttendanceTable;
  co_pairs: CoPairsTable;
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
  /** Past this many days without contact a person is overdue (calendar schema on); cadence_days is the ideal. */
  cadence_max_days: Generated<number | null>;
  notes: string | null;
  created_at: string;
  updated_at: string;
  /** 'YYYY-MM-DD', or '--MM-DD' when the year is not known (schema 5 on). */
  birthday: Generated<string | null>;
  /** The import that brought this person in (schema 5 on). */
  import_id: Generated<number | null>;
  /** What they are working towards, in the user's words (schema 11 on). */
  goal: Generated<string | null>;
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
  /** The association an event was held by (schema 4 on). */
  association_id: Generated<number | null>;
}

export interface InteractionPeopleTable {
  interaction_id: number;
  person_id: number;
}

export interface ExchangesTable {
  id: Generated<number>;
  direction: 'gave' | 'received';
  kind: string;
  description: string;
  /** UTC ISO-8601 instant, like interactions.occurred_at. */
  occurred_at: string;
  interaction_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface ExchangePeopleTable {
  exchange_id: number;
  person_id: number;
}

export interface AsksTable {
  id: Generated<number>;
  direction: 'i-asked' | 'they-asked';
  description: string;
  asked_at: string;
  status: Generated<'open' | 'fulfilled' | 'declined' | 'withdrawn'>;
  resolved_at: string | null;
  interaction_id: number | null;
  exchange_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface AskPeopleTable {
  ask_id: number;
  person_id: number;
}

export interface ThanksTable {
  id: Generated<number>;
  exchange_id: number;
  thanked_at: string;
  note: string | null;
  interaction_id: number | null;
  created_at: string;
}

export interface CommitmentsTable {
  id: Generated<number>;
  direction: 'i-owe' | 'owed-to-me';
  person_id: number;
  description: string;
  /** Local calendar day, 'YYYY-MM-DD'. */
  due_on: string;
  status: Generated<'open' | 'done' | 'dropped'>;
  done_on: string | null;
  interaction_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface GiveFirstDismissalsTable {
  person_id: number;
  dismissed_at: string;
  /** 'YYYY-MM-DD'; null means dismissed until they help me again. */
  snoozed_until: string | null;
}

/** Bumped by triggers on every write that changes what search finds; see migrations/0003-search.ts. */
export interface SearchRevisionTable {
  scope: 'people' | 'interactions';
  revision: number;
}

export interface AssociationsTable {
  id: Generated<number>;
  name: string;
  category: 'function' | 'industry' | 'skill' | 'other';
  website: string | null;
  notes: string | null;
  my_role: 'member' | 'volunteer' | 'board' | 'speaker' | null;
  /** Local calendar day, 'YYYY-MM-DD'. */
  renewal_on: string | null;
  status: Generated<'exploring' | 'shortlisted' | 'focus' | 'past'>;
  created_at: string;
  updated_at: string;
}

export interface AttendanceGoalsTable {
  association_id: number;
  /** '2025-Q1': the goal holds from this quarter until the next row's. */
  from_quarter: string;
  events: number;
  set_at: string;
}

/** Kept by triggers (migrations/0005-counters.ts): a person's live interactions, first and last contact. */
export interface PersonStatsTable {
  person_id: number;
  interaction_count: number;
  first_interaction_at: string | null;
  last_interaction_at: string | null;
}

/** Kept by triggers (migration 12): a person's live exchanges and asks, counted, and the last of each. */
export interface PersonReciprocityTable {
  person_id: number;
  gave: number;
  received: number;
  last_gave_at: string | null;
  last_received_at: string | null;
  asked: number;
  they_asked: number;
  last_ask_at: string | null;
  last_loose_ask_at: string | null;
}

/** Kept by triggers (migration 12): one row per person and live interaction they were in, by date. */
export interface PersonContactsTable {
  person_id: number;
  occurred_at: string;
  interaction_id: number;
}

/** Kept by triggers: 'people' and 'interactions' (live ones), so the window's first call reads two rows. */
export interface JournalCountsTable {
  name: 'people' | 'interactions';
  n: number;
}

/** Contact details and imports (schema 6 on); see migrations/0006-contact-details.ts. */
export interface ImportsTable {
  id: Generated<number>;
  kind: 'vcard' | 'linkedin' | 'csv' | 'journal';
  file_name: string;
  imported_at: string;
  added: number;
  updated: number;
  skipped: number;
  /** Null while a chunked import is being written (schema 9 on): an unfinished import is undone. */
  completed_at: string | null;
}

export interface PersonEmailsTable {
  person_id: number;
  /** Lower-case and trimmed, so a lookup by email is an index seek. */
  email: string;
  label: string | null;
  position: number;
}

export interface PersonPhonesTable {
  person_id: number;
  position: number;
  phone: string;
  label: string | null;
}

export interface PersonLinksTable {
  person_id: number;
  position: number;
  url: string;
  label: string | null;
}

/** Schema 9 on; see migrations/0009-contact-more.ts. */
export interface PersonAddressesTable {
  person_id: number;
  position: number;
  label: string | null;
  street: string | null;
  locality: string | null;
  region: string | null;
  postal_code: string | null;
  country: string | null;
}

export interface PersonNicknamesTable {
  person_id: number;
  position: number;
  nickname: string;
}

export interface PersonImsTable {
  person_id: number;
  position: number;
  service: string | null;
  handle: string;
  label: string | null;
}

export interface ImportMappingsTable {
  header_key: string;
  /** JSON: { [column header]: field name }. */
  mapping: string;
  updated_at: string;
}

export interface CalendarSourcesTable {
  id: Generated<number>;
  kind: 'import' | 'watch';
  name: string;
  path: string | null;
  read_at: string | null;
  problem: string | null;
  created_at: string;
}

export interface CalendarOccurrencesTable {
  id: Generated<number>;
  source_id: number;
  uid: string;
  /** The occurrence's original start (UTC ISO); '' for an event that does not repeat. */
  recurrence_id: string;
  starts_at: string;
  ends_at: string;
  title: string;
  location: string | null;
  conference_url: string | null;
  /** JSON CalendarAttendee or null. */
  organizer: string | null;
  /** JSON CalendarAttendee[]. */
  attendees: string;
  state: 'dismissed' | 'later' | null;
  state_at: string | null;
  interaction_id: number | null;
}

export interface PreferencesTable {
  key: string;
  /** JSON. */
  value: string;
}

/** Who knows whom (schema 8 on). Symmetric kinds keep the lower id in person_a. */
export interface PersonTiesTable {
  id: Generated<number>;
  person_a_id: number;
  person_b_id: number;
  kind: 'knows' | 'works-with' | 'reports-to' | 'introduced-by-me';
  /** Local calendar day, 'YYYY-MM-DD'. */
  since_on: string | null;
  note: string | null;
  source: 'manual' | 'suggestion' | 'introduction';
  created_at: string;
  updated_at: string;
}

/** Kept by triggers (migration 9): one row per pair per small live interaction both were in. */
export interface CoAttendanceTable {
  person_a_id: number;
  person_b_id: number;
  interaction_id: number;
  occurred_at: string;
}

/** Kept by triggers from co_attendance: how often a pair was together, and when last. */
export interface CoPairsTable {
  person_a_id: number;
  person_b_id: number;
  together: number;
  last_at: string;
}

export interface LinkDismissalsTable {
  person_a_id: number;
  person_b_id: number;
  dismissed_at: string;
}

export interface IntroductionsTable {
  id: Generated<number>;
  direction: 'made' | 'received';
  introducer_id: number | null;
  person_a_id: number;
  person_b_id: number | null;
  why: string | null;
  introduced_on: string;
  interaction_id: number | null;
  outcome: 'pending' | 'met' | 'helped' | 'nothing';
  outcome_on: string | null;
  exchange_id: number | null;
  created_at: string;
  updated_at: string;
}

export type PersonRow = Selectable<PeopleTable>;
export type NewPersonRow = Insertable<PeopleTable>;
export type PersonUpdateRow = Updateable<PeopleTable>;
export type InteractionRow = Selectable<InteractionsTable>;
export type NewInteractionRow = Insertable<InteractionsTable>;
