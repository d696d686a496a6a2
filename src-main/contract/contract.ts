import { z } from 'zod';
import type { CallName, ShellCallName } from './names.js';
import type { ShellInput, ShellResult } from './shell.js';
import { recoveryContract } from './recovery.js';

export * from './journal-status.js';
export * from './shell.js';
export * from './recovery.js';

// The whole API between renderer and main: every call's input schema and result type. Main parses every
// input against these at run time (the renderer is untrusted); the renderer imports only the types.

// Control characters (NUL first: SQLite's length() stops at it) are refused rather than stored: no one
// types them, and a pasted one would hide text. Tabs and line breaks are text. A lone UTF-16 surrogate (half
// of an emoji, cut) is refused too, rather than silently stored as U+FFFD.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const cleanText = (label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .refine((value) => !CONTROL.test(value), { error: `${label} contains a control character (such as NUL) that cannot be stored; remove it and try again.` })
    .refine((value) => !LONE_SURROGATE.test(value), { error: `${label} contains a broken character (half of an emoji or symbol); retype it and try again.` });

const trimmed = (max: number, label: string) =>
  cleanText(label)
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters.` });

const required = (max: number, label: string) => trimmed(max, label).min(1, { error: `${label} is required.` });

/** Optional free text: blank becomes null. */
const optionalText = (max: number, label: string) =>
  trimmed(max, label)
    .nullish()
    .transform((value) => (value ? value : null));

const id = z.number({ error: 'An id must be a number.' }).int().positive();

import {
  LEDGER_MAX_LIMIT,
  QUEUE_MAX_LIMIT,
  ledgerSorts,
  queueLists,
  type QueueList,
  allyRoles,
  associationCategories,
  associationRoles,
  associationStatuses,
  askDirections,
  askStatuses,
  commitmentDirections,
  commitmentStatuses,
  exchangeDirections,
  exchangeKinds,
  interactionKinds,
  levels,
  type AllyRole,
  type AssociationCategory,
  type AssociationRole,
  type AssociationStatus,
  type AskDirection,
  type AskStatus,
  type CommitmentDirection,
  type CommitmentStatus,
  type ExchangeDirection,
  type ExchangeKind,
  type InteractionKind,
  type Level,
} from './enums.js';

export * from './enums.js';
export * from './calendar.js';
import { calendarContract } from './calendar.js';
export * from './transfer.js';
import { transferContract } from './transfer.js';
export * from './network.js';
export * from './people.js';
import { networkContract } from './network.js';
import { peopleContract } from './people.js';
export * from './journal-status.js';
export type { SecurityInfo } from './security.js';
import { securityContract } from './security.js';

const tag = cleanText('A tag')
  .trim()
  .toLowerCase()
  .min(1, { error: 'Tags cannot be empty.' })
  .max(40, { error: 'A tag must be at most 40 characters.' })
  .regex(/^[^,#]+$/, { error: 'Tags cannot contain commas or #.' });

const label = optionalText(40, 'A label');

/** 'YYYY-MM-DD', or '--MM-DD' without a year (vCard 4's form); Feb 29 is allowed without a year. */
export const birthday = z
  .string({ error: 'A birthday must be text like 1980-03-22 or --03-22.' })
  .trim()
  .regex(/^(\d{4}|-)-\d{2}-\d{2}$/, { error: 'A birthday must look like 1980-03-22, or --03-22 without the year.' })
  .refine(
    (value) => {
      const [, year, month, day] = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(value) ?? [];
      // Without a year, judge the day against a leap year: --02-29 is a real birthday.
      const y = year === '-' ? 2000 : Number(year);
      if (y < 1800 || y > 2199) return false;
      const date = new Date(Date.UTC(y, Number(month) - 1, Number(day)));
      return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
    },
    { error: 'That birthday is not a real day of the year.' },
  );

export const ContactFields = {
  // Left out (undefined): an update keeps what is stored, so an older caller cannot wipe them.
  emails: z
    .array(
      z.object({
        email: z
          .string({ error: 'An email must be text.' })
          .trim()
          .toLowerCase()
          .pipe(z.email({ error: 'That does not look like an email address.' }).max(254, { error: 'An email can be at most 254 characters.' })),
        label,
      }).strict(),
    )
    .max(20, { error: 'At most 20 emails.' })
    .transform((list) => list.filter((item, index) => list.findIndex((other) => other.email === item.email) === index))
    .optional(),
  phones: z
    .array(z.object({ phone: required(40, 'A phone number'), label }).strict())
    .max(20, { error: 'At most 20 phone numbers.' })
    .optional(),
  links: z
    .array(
      z
        .object({
          url: required(500, 'A profile link').refine((value) => !/\s/.test(value), { error: 'A profile link cannot contain spaces.' }),
          label,
        })
        .strict(),
    )
    .max(20, { error: 'At most 20 profile links.' })
    .optional(),
  /** Postal addresses, as their parts (vCard ADR); a street may hold several lines. */
  addresses: z
    .array(
      z
        .object({
          label,
          street: optionalText(500, 'A street'),
          locality: optionalText(120, 'A city'),
          region: optionalText(120, 'A region'),
          postalCode: optionalText(40, 'A postal code'),
          country: optionalText(120, 'A country'),
        })
        .strict()
        .refine((item) => Boolean(item.street || item.locality || item.region || item.postalCode || item.country), { error: 'An address needs at least one part.' }),
    )
    .max(20, { error: 'At most 20 addresses.' })
    .optional(),
  nicknames: z.array(required(120, 'A nickname')).max(20, { error: 'At most 20 nicknames.' }).optional(),
  /** Instant messaging: a service (Skype, Signal…) and the handle on it. */
  ims: z
    .array(z.object({ service: optionalText(40, 'A messaging service'), handle: required(200, 'A messaging handle'), label }).strict())
    .max(20, { error: 'At most 20 messaging handles.' })
    .optional(),
  birthday: birthday.nullish(),
};

export const PersonFields = z.object({
  name: required(120, 'Name'),
  organization: optionalText(120, 'Organization'),
  role: optionalText(120, 'Role'),
  level: z.enum(levels, { error: 'Level must be senior, peer or junior.' }).nullish().default(null),
  insideOrg: z.boolean({ error: 'Inside/outside must be true or false.' }).nullish().default(null),
  department: optionalText(120, 'Function'),
  howWeMet: optionalText(500, 'How we met'),
  /** What they are working towards (a role, a market, a board seat): introductions to consider match it. Left out: unchanged. */
  goal: trimmed(300, 'Their goal')
    .nullable()
    .transform((value) => (value ? value : null))
    .optional(),
  tags: z
    .array(tag)
    .default([])
    .transform((tags) => [...new Set(tags)])
    .pipe(z.array(z.string()).max(30, { error: 'At most 30 tags.' })),
  allyRole: z.enum(allyRoles, { error: `Ally role must be one of: ${allyRoles.join(', ')}.` }).nullish().default(null),
  cadenceDays: z
    .number({ error: 'Keep-in-touch cadence must be a number of days.' })
    .int({ error: 'Keep-in-touch cadence must be a whole number of days.' })
    .min(1, { error: 'Keep-in-touch cadence must be at least 1 day.' })
    .max(3650, { error: 'Keep-in-touch cadence must be at most 3650 days.' })
    .nullish()
    .default(null),
  /** Past this many days without contact a person is overdue (the cadence above is the ideal). Left out: unchanged. */
  cadenceMaxDays: z
    .number({ error: 'The longest gap must be a number of days.' })
    .int({ error: 'The longest gap must be a whole number of days.' })
    .min(1, { error: 'The longest gap must be at least 1 day.' })
    .max(3650, { error: 'The longest gap must be at most 3650 days.' })
    .nullish(),
  notes: optionalText(20_000, 'Notes'),
  ...ContactFields,
});

const cadenceInOrder = (value: { cadenceDays: number | null; cadenceMaxDays?: number | null | undefined }) =>
  value.cadenceMaxDays == null || value.cadenceDays == null || value.cadenceMaxDays >= value.cadenceDays;
const cadenceOrderError = { error: 'The longest gap cannot be shorter than the ideal cadence.', path: ['cadenceMaxDays'] };

const isoDateTime = z.iso
  .datetime({ offset: true, error: 'Date and time must be a valid ISO 8601 date-time.' })
  .transform((value) => new Date(value).toISOString())
  .refine((value) => value >= '1900-01-01' && value < '2200-01-01', {
    error: 'Date must be between the years 1900 and 2199.',
  });

/** A calendar day, 'YYYY-MM-DD' (due dates): no time, no zone. */
const calendarDate = z.iso
  .date({ error: 'Dates must be real calendar days (YYYY-MM-DD).' })
  .refine((value) => value >= '1900-01-01' && value < '2200-01-01', { error: 'Date must be between the years 1900 and 2199.' });

const exchangeDirection = z.enum(exchangeDirections, { error: 'Direction must be gave or received.' });
const exchangeKind = z.enum(exchangeKinds, { error: `Kind of help must be one of: ${exchangeKinds.join(', ')}.` });
const askDirection = z.enum(askDirections, { error: 'An ask is either mine (i-asked) or theirs (they-asked).' });
const askStatus = z.enum(askStatuses, { error: `Status must be one of: ${askStatuses.join(', ')}.` });
const commitmentDirection = z.enum(commitmentDirections, { error: 'A commitment is either mine (i-owe) or theirs (owed-to-me).' });
const commitmentStatus = z.enum(commitmentStatuses, { error: `Status must be one of: ${commitmentStatuses.join(', ')}.` });
const ids = (label: string) => z.array(id).max(100, { error: `At most 100 ${label}.` });
const somePeople = ids('people').min(1, { error: 'Choose at least one person.' });

// What a logged interaction can carry: gives, receives, asks and promises made in it. Their date is the
// interaction's. `id` names an item already attached (kept on edit); items left out of an edit are removed.
// People default to everyone in the interaction, so a one-to-one meeting needs no extra choice.
const LoggedExchange = z
  .object({
    id: id.optional(),
    direction: exchangeDirection,
    kind: exchangeKind,
    description: required(500, 'What was given'),
    personIds: ids('people').default([]),
  })
  .strict();
const LoggedAsk = z
  .object({
    id: id.optional(),
    direction: askDirection,
    description: required(500, 'The ask'),
    status: askStatus.default('open'),
    personIds: ids('people').default([]),
  })
  .strict();
const LoggedCommitment = z
  .object({
    id: id.optional(),
    direction: commitmentDirection,
    description: required(500, 'The commitment'),
    dueOn: calendarDate,
    status: commitmentStatus.default('open'),
    doneOn: calendarDate.nullish().default(null),
    personId: id.nullish().default(null),
  })
  .strict();

const InteractionFields = z.object({
  occurredAt: isoDateTime,
  kind: z.enum(interactionKinds, { error: `Kind must be one of: ${interactionKinds.join(', ')}.` }),
  title: required(200, 'Title'),
  notes: trimmed(100_000, 'Notes').default(''),
  confidential: z.boolean({ error: 'Confidential must be on or off.' }).default(false),
  location: optionalText(200, 'Location'),
  personIds: z.array(id).max(100, { error: 'At most 100 people per interaction.' }).default([]),
  /** People typed into the picker who are not in the journal yet; created in the same transaction. */
  newPeople: z
    .array(z.object({ name: required(120, 'Name') }))
    .max(20, { error: 'At most 20 new people at once.' })
    .default([]),
  // Left out (undefined): an edit leaves what is attached as it is, so an older caller cannot wipe it.
  exchanges: z.array(LoggedExchange).max(50, { error: 'At most 50 gives and receives per interaction.' }).optional(),
  asks: z.array(LoggedAsk).max(50, { error: 'At most 50 asks per interaction.' }).optional(),
  commitments: z.array(LoggedCommitment).max(50, { error: 'At most 50 commitments per interaction.' }).optional(),
  /** Received help this interaction thanked someone for. */
  thankedExchangeIds: ids('thanks').optional(),
  /** The association that held the event (events only). Left out: an edit keeps what is there. */
  associationId: id.nullish(),
  /** The calendar meeting this logs (from Meetings to log): linked in the same transaction. */
  calendarOccurrenceId: id.nullish(),
});

const withSomeone = <T extends z.ZodType<{ personIds: number[]; newPeople: unknown[]; kind: string; associationId?: number | null | undefined }>>(schema: T) =>
  schema
    .refine((value) => value.personIds.length + value.newPeople.length > 0, {
      error: 'Add at least one person you met.',
      path: ['personIds'],
    })
    .refine((value) => value.associationId == null || value.kind === 'event', {
      error: 'Only an event can be linked to an association.',
      path: ['associationId'],
    });


/** Keyset cursor: the (occurredAt, id) of the last row seen. */
const cursor = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z~\d+$/, { error: 'That timeline position is not valid.' });

const ExchangeFields = z.object({
  direction: exchangeDirection,
  kind: exchangeKind,
  description: required(500, 'What was given'),
  occurredAt: isoDateTime,
  personIds: somePeople,
});

const AskFields = z.object({
  direction: askDirection,
  description: required(500, 'The ask'),
  askedAt: isoDateTime,
  personIds: somePeople,
});

const CommitmentFields = z.object({
  direction: commitmentDirection,
  personId: id,
  description: required(500, 'The commitment'),
  dueOn: calendarDate,
});

/** Clock overrides, so tests (and a future "as of" view) can ask about any day. Default: now. */
const asOf = {
  today: calendarDate.nullish(),
  now: isoDateTime.nullish(),
};

const empty = z.object({}, { error: 'This request takes no input.' }).strict().optional();

/** '2025-Q1': a calendar quarter in the user's local time. */
const quarter = z
  .string({ error: 'A quarter must be text like 2025-Q1.' })
  .regex(/^\d{4}-Q[1-4]$/, { error: 'A quarter must look like 2025-Q1.' })
  .refine((value) => value >= '1900' && value < '2200', { error: 'Quarter must be between the years 1900 and 2199.' });

const associationStatus = z.enum(associationStatuses, { error: `Status must be one of: ${associationStatuses.join(', ')}.` });

const AssociationFields = z.object({
  name: required(120, 'Name'),
  category: z.enum(associationCategories, { error: `Category must be one of: ${associationCategories.join(', ')}.` }),
  // Kept as text and shown, never fetched.
  website: optionalText(300, 'Website').refine((value) => value === null || !/\s/.test(value), { error: 'A website cannot contain spaces.' }),
  notes: optionalText(20_000, 'Notes'),
  myRole: z.enum(associationRoles, { error: `My role must be one of: ${associationRoles.join(', ')}.` }).nullish().default(null),
  renewalOn: calendarDate.nullish().default(null),
});

/** A warning the user has seen and accepted (a fourth shortlisted, a new focus replacing the old). */
const confirmed = z.boolean({ error: 'Confirmed must be true or false.' }).default(false);
const now = { now: isoDateTime.nullish() };
/** A page of a keyset-paged list (the timeline, an association's events, a person's exchanges, the review's long lists). */
const pageSize = z
  .number({ error: 'Page size must be a number.' })
  .int({ error: 'Page size must be a whole number.' })
  .min(1, { error: 'Page size must be between 1 and 200.' })
  .max(200, { error: 'Page size must be between 1 and 200.' })
  .default(50);

export const contract = {
  ...securityContract,
  'journal.info': { input: empty, result: of<JournalInfo>() },
  'journal.loadSample': { input: empty, result: of<JournalInfo>() },
  'people.list': { input: empty, result: of<PersonSummary[]>() },
  'people.get': { input: z.object({ id }).strict(), result: of<Person>() },
  'people.create': { input: PersonFields.strict().refine(cadenceInOrder, cadenceOrderError), result: of<Person>() },
  'people.update': { input: PersonFields.extend({ id }).strict().refine(cadenceInOrder, cadenceOrderError), result: of<Person>() },
  'interactions.timeline': {
    input: z
      .object({
        after: cursor.nullish(),
        limit: pageSize,
        personId: id.nullish(),
      })
      .strict(),
    result: of<TimelinePage>(),
  },
  'interactions.get': { input: z.object({ id }).strict(), result: of<Interaction>() },
  'interactions.create': { input: withSomeone(InteractionFields.strict()), result: of<Interaction>() },
  'interactions.update': { input: withSomeone(InteractionFields.extend({ id }).strict()), result: of<Interaction>() },
  'interactions.delete': { input: z.object({ id }).strict(), result: of<{ id: number; title: string }>() },
  'interactions.undoDelete': { input: empty, result: of<Interaction | null>() },
  'people.merge': {
    input: z
      .object({ fromId: id, intoId: id })
      .strict()
      .refine((value) => value.fromId !== value.intoId, { error: 'Choose two different people to merge.', path: ['intoId'] }),
    result: of<Person>(),
  },
  'exchanges.create': { input: ExchangeFields.strict(), result: of<Exchange>() },
  'exchanges.update': { input: ExchangeFields.extend({ id }).strict(), result: of<Exchange>() },
  'exchanges.delete': { input: z.object({ id }).strict(), result: of<{ id: number }>() },
  'asks.create': { input: AskFields.strict(), result: of<Ask>() },
  'asks.update': { input: AskFields.extend({ id }).strict(), result: of<Ask>() },
  'asks.resolve': {
    input: z
      .object({
        id,
        status: askStatus,
        resolvedAt: isoDateTime.nullish(),
        /** For a fulfilled ask: the kind of help, recorded as an exchange without retyping the ask. */
        kind: exchangeKind.nullish(),
        description: optionalText(500, 'What was given'),
      })
      .strict()
      .refine((value) => value.status !== 'fulfilled' || value.kind != null, {
        error: 'Choose what kind of help fulfilled the ask.',
        path: ['kind'],
      }),
    result: of<Ask>(),
  },
  'asks.delete': { input: z.object({ id }).strict(), result: of<{ id: number }>() },
  'thanks.create': {
    input: z
      .object({
        exchangeId: id,
        thankedAt: isoDateTime.nullish(),
        note: optionalText(500, 'Note'),
        /** Also log the thank-you as an interaction of this kind (a message, say), in the same transaction. */
        logAs: z.enum(interactionKinds, { error: `Kind must be one of: ${interactionKinds.join(', ')}.` }).nullish(),
      })
      .strict(),
    result: of<Thanks>(),
  },
  'thanks.delete': { input: z.object({ id }).strict(), result: of<{ id: number }>() },
  'commitments.create': { input: CommitmentFields.strict(), result: of<Commitment>() },
  'commitments.update': { input: CommitmentFields.extend({ id }).strict(), result: of<Commitment>() },
  'commitments.setStatus': {
    input: z.object({ id, status: commitmentStatus, doneOn: calendarDate.nullish() }).strict(),
    result: of<Commitment>(),
  },
  'commitments.delete': { input: z.object({ id }).strict(), result: of<{ id: number }>() },
  'giveFirst.dismiss': {
    input: z.object({ personId: id, snoozeUntil: calendarDate.nullish() }).strict(),
    result: of<{ personId: number }>(),
  },
  'giveFirst.restore': { input: z.object({ personId: id }).strict(), result: of<{ personId: number }>() },
  'reciprocity.ledger': {
    input: z
      .object({
        since: isoDateTime.nullish(),
        until: isoDateTime.nullish(),
        // A window of the ledger, in the order and with the filters the table shows (#11): a screen asks
        // for the rows in view, not for every person's months of flow at once.
        sort: z.enum(ledgerSorts, { error: `Sort by one of: ${ledgerSorts.join(', ')}.` }).optional(),
        descending: z.boolean({ error: 'Descending must be true or false.' }).optional(),
        allyRole: z.enum(allyRoles, { error: `Ally role must be one of: ${allyRoles.join(', ')}.` }).nullish(),
        level: z.enum(levels, { error: 'Level must be senior, peer or junior.' }).nullish(),
        placement: z.enum(['inside', 'outside'], { error: 'Placement must be inside or outside.' }).nullish(),
        offset: z.number({ error: 'The offset must be a whole number.' }).int({ error: 'The offset must be a whole number.' }).min(0, { error: 'The offset cannot be negative.' }).optional(),
        limit: z
          .number({ error: 'The limit must be a whole number.' })
          .int({ error: 'The limit must be a whole number.' })
          .min(0, { error: 'The limit cannot be negative.' })
          .max(LEDGER_MAX_LIMIT, { error: `At most ${LEDGER_MAX_LIMIT} rows at once.` })
          .optional(),
      })
      .strict()
      .refine((value) => !value.since || !value.until || value.since < value.until, {
        error: 'The period must start before it ends.',
        path: ['since'],
      }),
    result: of<Ledger>(),
  },
  'reciprocity.queues': { input: z.object(asOf).strict().optional(), result: of<Queues>() },
  // One queue list's first rows, in the queue's order, and how many it holds: what a queue tab shows.
  // "Show more" asks again with a larger limit (the order is ranked over the whole list either way).
  'reciprocity.queue': {
    input: z
      .object({
        list: z.enum(queueLists, { error: `The list must be one of: ${queueLists.join(', ')}.` }),
        limit: z
          .number({ error: 'The limit must be a whole number.' })
          .int({ error: 'The limit must be a whole number.' })
          .min(0, { error: 'The limit cannot be negative.' })
          .max(QUEUE_MAX_LIMIT, { error: `At most ${QUEUE_MAX_LIMIT} rows at once.` }),
        ...asOf,
      })
      .strict(),
    result: of<QueuePage>(),
  },
  // What the Reciprocity screen shows before a queue is opened (its tab counts and figures): the queues'
  // sizes, not their rows (the bench journal's queues are 490 kB).
  'reciprocity.queueSummary': { input: z.object(asOf).strict().optional(), result: of<QueueSummary>() },
  'reciprocity.person': { input: z.object({ personId: id, ...asOf }).strict(), result: of<PersonReciprocity>() },
  // A person's exchanges read on from the page reciprocity.person opened with (its `exchangesNext`).
  'reciprocity.exchanges': {
    input: z.object({ personId: id, after: cursor, limit: pageSize }).strict(),
    result: of<{ exchanges: Exchange[]; next: string | null }>(),
  },
  'reciprocity.beforeAsk': {
    input: z.object({ personIds: somePeople.max(20, { error: 'At most 20 people at once.' }), ...asOf }).strict(),
    result: of<BeforeAsk[]>(),
  },
  // The log form's "thank them for…": help from these people still waiting for thanks, not everyone's.
  'reciprocity.thanksOwed': {
    input: z.object({ personIds: somePeople.max(50, { error: 'At most 50 people at once.' }), ...asOf }).strict(),
    result: of<ThanksOwedItem[]>(),
  },
  'search.query': {
    input: z
      .object({
        query: cleanText('The search').max(500, { error: 'A search can be at most 500 characters.' }),
        /** Look in confidential notes too; their text is still never returned. */
        includeConfidential: z.boolean({ error: 'Include confidential must be on or off.' }).default(false),
        limit: z
          .number({ error: 'The number of results must be a number.' })
          .int({ error: 'The number of results must be a whole number.' })
          .min(1, { error: 'The number of results must be between 1 and 100.' })
          .max(100, { error: 'The number of results must be between 1 and 100.' })
          .default(30),
      })
      .strict(),
    result: of<SearchResults>(),
  },
  'associations.list': { input: z.object(now).strict().optional(), result: of<AssociationsOverview>() },
  'associations.get': { input: z.object({ id, ...now }).strict(), result: of<AssociationDetail>() },
  'associations.events': {
    input: z
      .object({
        id,
        after: cursor,
        limit: pageSize,
      })
      .strict(),
    result: of<{ events: AssociationEvent[]; next: string | null }>(),
  },
  'associations.create': {
    input: AssociationFields.extend({ status: associationStatus.default('exploring'), confirmed, ...now }).strict(),
    result: of<AssociationDetail>(),
  },
  'associations.update': { input: AssociationFields.extend({ id, ...now }).strict(), result: of<AssociationDetail>() },
  'associations.setStatus': { input: z.object({ id, status: associationStatus, confirmed, ...now }).strict(), result: of<AssociationDetail>() },
  'associations.setGoal': {
    input: z
      .object({
        id,
        events: z
          .number({ error: 'The goal must be a number of events.' })
          .int({ error: 'The goal must be a whole number of events.' })
          .min(0, { error: 'The goal cannot be negative.' })
          .max(50, { error: 'The goal must be at most 50 events a quarter.' }),
        ...now,
      })
      .strict(),
    result: of<AssociationDetail>(),
  },
  'associations.delete': { input: z.object({ id }).strict(), result: of<{ id: number; name: string }>() },
  'associations.pace': { input: z.object(now).strict().optional(), result: of<PaceNotice[]>() },
  'review.quarter': { input: z.object({ quarter: quarter.nullish(), ...now }).strict().optional(), result: of<QuarterReview>() },
  'review.exportMarkdown': { input: z.object({ quarter: quarter.nullish(), ...now }).strict().optional(), result: of<ReviewExport>() },
  // The review's two long lists read on from the page it opened with (its `…Next` cursors).
  'review.thanksOwed': {
    input: z.object({ quarter, after: cursor, limit: pageSize, ...now }).strict(),
    result: of<{ items: ThanksOwedItem[]; next: string | null }>(),
  },
  'review.overdue': {
    input: z
      .object({
        quarter,
        after: z
          .string({ error: 'The list position must be text.' })
          .max(400, { error: 'That list position is too long.' })
          .regex(/^[01]~[01]~-?\d+~\d+~/, { error: 'That list position is not valid.' }),
        limit: pageSize,
        ...now,
      })
      .strict(),
    result: of<{ items: KeepInTouchItem[]; next: string | null }>(),
  },
  /** Erases deleted entries for good (secure_delete and the index's own secure-delete), so Undo can no longer bring them back. */
  'interactions.purgeTrash': { input: empty, result: of<{ purged: number }>() },
  ...recoveryContract,
  ...calendarContract,
  ...transferContract,
  ...networkContract,
  ...peopleContract,
} satisfies Record<CallName, { input: z.ZodType; result: unknown }>;

/** Carries a result type through the contract without a runtime schema. */
function of<T>(): T {
  return undefined as T;
}

export type Contract = typeof contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallResult<K extends CallName> = Contract[K]['result'];

export interface ApiError {
  code: string;
  message: string;
  /** Per-field messages, keyed by the input field's name, for showing beside the control. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the preload puts on `window.confidant`: one named function per call, plus menu events. */
export type Bridge = { [K in CallName]: (input?: CallInput<K>) => Promise<Result<CallResult<K>>> } & {
  [K in ShellCallName]: (input?: ShellInput<K>) => Promise<Result<ShellResult<K>>>;
} & {
  onMenu(listener: (action: string) => void): () => void;
};

// Results. Dates are ISO-8601 strings in UTC; the renderer formats them in local time.

export interface JournalInfo {
  path: string;
  schemaVersion: number;
  people: number;
  interactions: number;
}

export interface Person {
  id: number;
  name: string;
  organization: string | null;
  role: string | null;
  level: Level | null;
  insideOrg: boolean | null;
  department: string | null;
  howWeMet: string | null;
  /** What they are working towards, in the user's words. */
  goal: string | null;
  tags: string[];
  allyRole: AllyRole | null;
  cadenceDays: number | null;
  /** The longest gap before they are overdue; null means twice the ideal cadence. */
  cadenceMaxDays: number | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  interactionCount: number;
  firstInteractionAt: string | null;
  lastInteractionAt: string | null;
  emails: LabelledEmail[];
  phones: LabelledPhone[];
  links: LabelledLink[];
  addresses: PostalAddress[];
  nicknames: string[];
  ims: MessagingHandle[];
  /** 'YYYY-MM-DD', or '--MM-DD' without a year. */
  birthday: string | null;
  /** The import that brought them in; null for people added by hand. */
  source: ImportSource | null;
}

export interface LabelledEmail {
  email: string;
  label: string | null;
}
export interface LabelledPhone {
  phone: string;
  label: string | null;
}
export interface LabelledLink {
  url: string;
  label: string | null;
}
export interface PostalAddress {
  label: string | null;
  street: string | null;
  locality: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
}
export interface MessagingHandle {
  service: string | null;
  handle: string;
  label: string | null;
}
export interface ImportSource {
  id: number;
  kind: 'vcard' | 'linkedin' | 'csv' | 'journal';
  fileName: string;
  importedAt: string;
}

/** The people list carries emails (to filter by) but not the rest of the details. */
export type PersonSummary = Omit<Person, 'notes' | 'howWeMet' | 'goal' | 'phones' | 'links' | 'addresses' | 'nicknames' | 'ims' | 'birthday' | 'source'>;

export interface PersonRef {
  id: number;
  name: string;
}

export interface TimelineEntry {
  id: number;
  /** The association that held an event, if linked. */
  association: AssociationRef | null;
  occurredAt: string;
  kind: InteractionKind;
  title: string;
  /** The first lines of the notes; null for confidential entries, whose notes stay in main until asked for. */
  excerpt: string | null;
  hasNotes: boolean;
  confidential: boolean;
  location: string | null;
  people: PersonRef[];
}

export interface TimelinePage {
  entries: TimelineEntry[];
  /** Pass as `after` to get the next (older) page; null at the end. */
  next: string | null;
}

export interface Interaction extends Omit<TimelineEntry, 'excerpt'> {
  notes: string;
  createdAt: string;
  updatedAt: string;
  exchanges: Exchange[];
  asks: Ask[];
  commitments: Commitment[];
  thanks: Thanks[];
}

// Reciprocity. Counts are of exchanges; an exchange with two people counts once for each of them.

export interface PersonBrief {
  id: number;
  name: string;
  organization: string | null;
  role: string | null;
  allyRole: AllyRole | null;
  level: Level | null;
  insideOrg: boolean | null;
}

export interface Exchange {
  id: number;
  direction: ExchangeDirection;
  kind: ExchangeKind;
  description: string;
  occurredAt: string;
  people: PersonRef[];
  interactionId: number | null;
  /** The latest thank-you logged for received help; null when none. */
  thankedAt: string | null;
}

export interface Ask {
  id: number;
  direction: AskDirection;
  description: string;
  askedAt: string;
  status: AskStatus;
  resolvedAt: string | null;
  people: PersonRef[];
  interactionId: number | null;
  exchangeId: number | null;
}

export interface Thanks {
  id: number;
  exchangeId: number;
  thankedAt: string;
  note: string | null;
  interactionId: number | null;
}

export interface Commitment {
  id: number;
  direction: CommitmentDirection;
  person: PersonRef;
  description: string;
  /** 'YYYY-MM-DD' */
  dueOn: string;
  status: CommitmentStatus;
  doneOn: string | null;
  interactionId: number | null;
  /** Open and due before today (as of the call). */
  overdue: boolean;
}

export interface LedgerRow {
  person: PersonBrief;
  gave: number;
  received: number;
  /** gave − received over the period: above zero, I have given more. */
  balance: number;
  asked: number;
  theyAsked: number;
  lastGaveAt: string | null;
  lastReceivedAt: string | null;
  lastAskAt: string | null;
  /** Per local calendar month ('YYYY-MM') of the period, oldest first, months without activity included. */
  flow: { month: string; gave: number; received: number }[];
}

export interface Ledger {
  since: string | null;
  until: string;
  /** The window asked for (by default the first LEDGER_DEFAULT_LIMIT), in the order asked for. */
  rows: LedgerRow[];
  /** Rows matching the filters, of which `rows` is the window from `offset`. */
  total: number;
  offset: number;
  /** Everyone with a give, receive or ask in the period, filters aside. */
  people: number;
  totals: { gave: number; received: number; asked: number; theyAsked: number };
}

export interface GiveFirstItem {
  person: PersonBrief;
  reason: string;
  gaveRecently: number;
  receivedRecently: number;
  lastGaveAt: string | null;
  lastReceivedAt: string | null;
}

export interface ThanksOwedItem {
  exchange: Exchange;
  /** Received more than a week ago with no thanks logged. */
  late: boolean;
}

/** How long each queue is, and the figures the Reciprocity screen shows above its tabs. */
export interface QueueSummary {
  today: string;
  giveFirst: number;
  thanksOwed: number;
  /** Of those, received more than a week ago. */
  thanksLate: number;
  /** Open promises either way. */
  commitments: number;
  /** My promises past their due day. */
  overdue: number;
  /** People past their cadence or with only asks lately, each counted once. */
  keepInTouch: number;
  /** The current quarter's follow-through, when any quarter is counted. */
  followThrough: FollowThrough | null;
  /** The last four quarters' follow-through, oldest first, as the commitments tab charts them. */
  quarters: FollowThrough[];
}

export interface FollowThrough {
  /** '2025-Q1' */
  quarter: string;
  due: number;
  doneOnTime: number;
  /** doneOnTime ÷ due, or null when nothing fell due. */
  rate: number | null;
}

export interface KeepInTouchItem {
  person: PersonBrief;
  lastContactAt: string | null;
  cadenceDays: number | null;
  /** The longest gap before overdue: the person's maximum cadence, or twice the ideal (past-cadence list). */
  maxCadenceDays: number | null;
  /** Past-cadence list: due past the ideal cadence, overdue past the maximum; null in the only-asks list. */
  state: 'due' | 'overdue' | null;
  /** Days past the cadence (past-cadence list), 0 when never contacted. */
  overdueDays: number;
  /** My asks in the last six months (only-asks list). */
  asks: number;
}

interface QueueItems {
  'give-first': GiveFirstItem;
  thanks: ThanksOwedItem;
  'i-owe': Commitment;
  'owed-to-me': Commitment;
  'past-cadence': KeepInTouchItem;
  'only-asks': KeepInTouchItem;
}

/** The first rows of one queue list, and how many the whole list holds. */
export type QueuePage = { [L in QueueList]: { list: L; today: string; total: number; items: QueueItems[L][] } }[QueueList];

export interface Queues {
  today: string;
  giveFirst: GiveFirstItem[];
  thanksOwed: ThanksOwedItem[];
  commitments: { iOwe: Commitment[]; owedToMe: Commitment[]; followThrough: FollowThrough[] };
  keepInTouch: { pastCadence: KeepInTouchItem[]; onlyAsks: KeepInTouchItem[] };
}

export interface BeforeAsk {
  person: PersonRef;
  gave: number;
  received: number;
  lastGave: Exchange | null;
  lastReceived: Exchange | null;
  /** The last interaction with them that carried no ask of mine. */
  lastContactWithoutAskAt: string | null;
  openCommitments: Commitment[];
  openAsks: Ask[];
}

export interface PersonReciprocity {
  personId: number;
  /** Over all their live exchanges, not only the page below. */
  gave: number;
  received: number;
  balance: number;
  /** Their newest live exchanges (a page of them), newest first; `exchangesNext` reads on (reciprocity.exchanges). */
  exchanges: Exchange[];
  exchangesNext: string | null;
  /** All their live exchanges. */
  exchangesTotal: number;
  /** Every open ask, newest first, then the newest few closed ones. */
  asks: Ask[];
  /** Every open promise, earliest due first, then the few kept or dropped last. */
  commitments: Commitment[];
  /** The thanks logged for the exchanges above. */
  thanks: Thanks[];
  /** A give-first suggestion put aside for this person, if any. */
  dismissal: { dismissedAt: string; snoozedUntil: string | null } | null;
}

// Search. Highlighted text comes as parts, never as markup: the renderer shows `hit` parts in <mark>
// and every part as plain text, so nothing a user typed into a note can become HTML.

export interface HighlightPart {
  text: string;
  hit: boolean;
}

export type Highlighted = HighlightPart[];

export interface SearchProblem {
  /** An error stops the search (nothing is shown but the message); a warning explains how it was read. */
  severity: 'error' | 'warning';
  message: string;
}

/** One filter as it was understood, for showing back: "person: Priya Raman, Priya Shah". */
export interface SearchFilter {
  key: 'person' | 'org' | 'tag' | 'association' | 'kind' | 'before' | 'after';
  label: string;
  /** Matched by the fuzzy layer (a typo or partial word), not exactly. */
  fuzzy: boolean;
}

export interface SearchPersonHit {
  id: number;
  name: Highlighted;
  /** Organization and role, highlighted where they matched. */
  detail: Highlighted | null;
  tags: string[];
  fuzzy: boolean;
}

/** An association found by name (search's associations group). */
export interface SearchAssociationHit {
  id: number;
  name: Highlighted;
  status: AssociationStatus;
  category: AssociationCategory;
  /** Matched by the fuzzy layer (a typo), not by word beginnings. */
  fuzzy: boolean;
}

export interface SearchConversationHit {
  id: number;
  occurredAt: string;
  kind: InteractionKind;
  title: Highlighted;
  /** A window of the notes around the match; null for confidential entries, whose notes never leave main. */
  snippet: Highlighted | null;
  confidential: boolean;
  /** The match was (also) in this entry's confidential notes, which are not shown. */
  matchedConfidentialNotes: boolean;
  location: string | null;
  people: PersonRef[];
}

export interface SearchResults {
  query: string;
  includeConfidential: boolean;
  problems: SearchProblem[];
  filters: SearchFilter[];
  people: SearchPersonHit[];
  /** Associations whose name matches the words typed. */
  associations: SearchAssociationHit[];
  conversations: SearchConversationHit[];
  /** More conversations match than were returned. */
  more: boolean;
  /** Full text found nothing and these are fuzzy results for the corrected words. */
  fuzzy: { query: string } | null;
  /**
   * Full text found nothing and the typo corrections could not be looked for yet: the session's first
   * read of the index's words is under way (a fraction of a second). Asking again shortly finds them.
   */
  typosPending: boolean;
}

// Associations and the quarterly review. Quarters are '2025-Q1', calendar quarters in local time.

export interface AssociationRef {
  id: number;
  name: string;
}

export interface Association {
  id: number;
  name: string;
  category: AssociationCategory;
  website: string | null;
  notes: string | null;
  myRole: AssociationRole | null;
  /** 'YYYY-MM-DD' */
  renewalOn: string | null;
  status: AssociationStatus;
  createdAt: string;
  updatedAt: string;
}

/**
 * One quarter at one association. State: met (attended at least the goal), missed (a past quarter that
 * fell short), open (the current quarter, not met yet), none (no goal held then: not judged).
 */
export interface QuarterAttendance {
  quarter: string;
  attended: number;
  goal: number | null;
  state: 'met' | 'missed' | 'open' | 'none';
}

export interface AssociationSummary extends Omit<Association, 'notes'> {
  thisQuarter: QuarterAttendance;
  /** Consecutive quarters met, back from the current one (which counts once met). */
  streak: number;
  events: number;
  lastEventAt: string | null;
}

export interface AssociationsOverview {
  quarter: string;
  associations: AssociationSummary[];
}

export interface AssociationEvent {
  id: number;
  occurredAt: string;
  title: string;
  location: string | null;
  confidential: boolean;
  people: PersonRef[];
}

export interface AssociationDetail extends AssociationSummary {
  notes: string | null;
  /** The goal history, oldest first: each holds from its quarter until the next. */
  goals: { fromQuarter: string; events: number }[];
  /** Its newest live events (a page of them), newest first; `eventsNext` reads on (associations.events). */
  eventList: AssociationEvent[];
  eventsNext: string | null;
  /** All its live events, those to come included. */
  eventsTotal: number;
  /** People met at its events, most often met first: the first hundred of `peopleTotal`. */
  people: { person: PersonRef; events: number; lastMetAt: string }[];
  peopleTotal: number;
  /** The last two years (eight quarters), oldest first, ending with the current quarter. */
  strip: QuarterAttendance[];
}

/** A focus association whose goal for the current quarter is at risk. */
export interface PaceNotice {
  quarter: string;
  association: AssociationRef;
  attended: number;
  goal: number;
  /** Share of the quarter gone, 0 to 1. */
  elapsed: number;
  daysLeft: number;
}

export interface NewPerson {
  person: PersonRef;
  firstMetAt: string;
  /** Where: the association that held the event, if any. */
  association: AssociationRef | null;
  interaction: { id: number; title: string; kind: InteractionKind; confidential: boolean };
}

export interface QuarterReview {
  quarter: string;
  since: string;
  until: string;
  firstDay: string;
  lastDay: string;
  current: boolean;
  /** Quarters with something to review, newest first (always the current one). */
  quarters: string[];
  attendance: (QuarterAttendance & { association: AssociationRef; status: AssociationStatus })[];
  summary: {
    interactions: number;
    events: number;
    peopleSeen: number;
    newPeople: NewPerson[];
    gave: number;
    received: number;
    asked: number;
    theyAsked: number;
    /** Help received this quarter with no thanks logged yet: the first page, oldest first; `thanksOwedNext` reads on (review.thanksOwed). */
    thanksOwed: ThanksOwedItem[];
    thanksOwedTotal: number;
    thanksOwedNext: string | null;
    /** My promises due this quarter. */
    commitments: { kept: Commitment[]; late: Commitment[]; missed: Commitment[]; open: Commitment[] };
    /** Past their keep-in-touch cadence at the quarter's end (or now, for the current quarter): the first page; `overdueNext` reads on (review.overdue). */
    overdue: KeepInTouchItem[];
    overdueTotal: number;
    overdueNext: string | null;
  };
  /** Quarters × associations over the two years ending with this quarter. */
  heatmap: { quarters: string[]; rows: { association: AssociationRef; status: AssociationStatus; cells: QuarterAttendance[] }[] };
}

export interface ReviewExport {
  filename: string;
  markdown: string;
}
