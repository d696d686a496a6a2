import { z } from 'zod';
import type { PersonRef } from './contract.js';
import { reminderKinds } from './enums.js';
import type { InteractionKind } from './enums.js';

export { reminderKinds };

// Meetings to log (from the user's own .ics files) and reminders: schemas and results, spread into the
// contract by contract.ts. Every call that depends on "now" accepts `now`, so tests stand on a fixed clock.

const id = z.number({ error: 'An id must be a number.' }).int().positive();
const isoDateTime = z.iso
  .datetime({ offset: true, error: 'Date and time must be a valid ISO 8601 date-time.' })
  .transform((value) => new Date(value).toISOString());
const now = { now: isoDateTime.nullish() };
const email = z
  .string({ error: 'An email must be text.' })
  .trim()
  .toLowerCase()
  .max(254, { error: 'An email must be at most 254 characters.' })
  .regex(/^[^\s@]+@[^\s@]+$/, { error: 'That does not look like an email address (name@example.com).' });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Times are written as HH:MM, like 17:30.' });

export type ReminderKind = (typeof reminderKinds)[number];

export const ReminderSettingsInput = z
  .object({
    /** Kinds the user opted into as system notifications (the in-app list always shows everything). */
    enabled: z.array(z.enum(reminderKinds, { error: `A reminder kind is one of: ${reminderKinds.join(', ')}.` })).max(reminderKinds.length),
    /** When to remind about today's meetings still to log, local time. */
    meetingsAt: hhmm,
    /** The weekly keep-in-touch digest: day (0 Sunday … 6 Saturday) and time. */
    digestDay: z.number().int().min(0, { error: 'The digest day is 0 (Sunday) to 6 (Saturday).' }).max(6, { error: 'The digest day is 0 (Sunday) to 6 (Saturday).' }),
    digestAt: hhmm,
    /** No notifications between these local times (from may be after to: overnight). */
    quietFrom: hhmm.nullable(),
    quietTo: hhmm.nullable(),
  })
  .strict();

export const calendarContract = {
  'calendar.import': {
    input: z
      .object({
        name: z.string().trim().min(1, { error: 'Name the file being imported.' }).max(200, { error: 'A file name can be at most 200 characters.' }),
        text: z.string({ error: 'The calendar must be text.' }).max(20_000_000, { error: 'That calendar file is larger than 20 MB; export a shorter range.' }),
        ...now,
      })
      .strict(),
    result: of<CalendarImport>(),
  },
  'calendar.watch': {
    input: z
      .object({ path: z.string().trim().min(1, { error: 'Choose an .ics file to follow.' }).max(4096).nullable(), ...now })
      .strict(),
    result: of<CalendarSettings>(),
  },
  'calendar.refresh': { input: z.object(now).strict().optional(), result: of<CalendarSettings>() },
  'calendar.settings': { input: z.object({}).strict().optional(), result: of<CalendarSettings>() },
  'calendar.setOwnEmails': {
    input: z.object({ emails: z.array(email).max(20, { error: 'At most 20 of your own emails.' }) }).strict(),
    result: of<CalendarSettings>(),
  },
  'calendar.removeSource': { input: z.object({ id }).strict(), result: of<CalendarSettings>() },
  'calendar.toLog': {
    input: z
      .object({
        ...now,
        days: z.number().int().min(1, { error: 'Look back at least one day.' }).max(90, { error: 'Look back at most 90 days.' }).default(14),
      })
      .strict()
      .optional(),
    result: of<MeetingsToLog>(),
  },
  'calendar.setState': {
    input: z.object({ id, state: z.enum(['dismissed', 'later', 'open'], { error: 'A meeting is dismissed, for later, or open.' }), ...now }).strict(),
    result: of<{ id: number; state: 'dismissed' | 'later' | 'open' }>(),
  },
  'reminders.due': { input: z.object(now).strict().optional(), result: of<RemindersDue>() },
  'reminders.settings': { input: z.object({}).strict().optional(), result: of<ReminderSettings>() },
  'reminders.setSettings': { input: ReminderSettingsInput, result: of<ReminderSettings>() },
  /** The shell showed these reminders as notifications: kept in the journal, so a restart does not show them again. */
  'reminders.notified': {
    input: z
      .object({
        keys: z
          .array(z.string({ error: 'A reminder key must be text.' }).min(1, { error: 'A reminder key cannot be empty.' }).max(120, { error: 'A reminder key is at most 120 characters.' }))
          .min(1, { error: 'Name at least one reminder.' })
          .max(50, { error: 'At most 50 reminders at a time.' }),
      })
      .strict(),
    result: of<{ notified: number }>(),
  },
} as const;

function of<T>(): T {
  return undefined as T;
}

export interface CalendarSource {
  id: number;
  kind: 'import' | 'watch';
  name: string;
  path: string | null;
  readAt: string | null;
  /** Why the last read failed, as a sentence; null when it worked. */
  problem: string | null;
  meetings: number;
}

export interface CalendarSettings {
  ownEmails: string[];
  watchPath: string | null;
  sources: CalendarSource[];
}

export interface CalendarImport {
  source: CalendarSource;
  /** Meetings kept in the window read (the last 90 days to two weeks ahead). */
  meetings: number;
  skipped: { allDay: number; cancelled: number; declined: number; unreadable: number };
  problems: string[];
}

export interface MeetingAttendee {
  email: string | null;
  name: string;
  /** The person in the journal, when matched. */
  person: PersonRef | null;
  matchedBy: 'email' | 'name' | null;
}

export interface MeetingToLog {
  id: number;
  startsAt: string;
  endsAt: string;
  title: string;
  location: string | null;
  conferenceUrl: string | null;
  /** meeting, or call when it has a video-call link. */
  kind: Extract<InteractionKind, 'meeting' | 'call'>;
  attendees: MeetingAttendee[];
  state: 'open' | 'later';
  /** The meeting started today (local day of `now`). */
  today: boolean;
}

export interface MeetingsToLog {
  now: string;
  since: string;
  open: MeetingToLog[];
  later: MeetingToLog[];
  /** Open meetings from today, for the timeline's first row and the reminder. */
  today: number;
}

export interface ReminderSettings {
  enabled: ReminderKind[];
  meetingsAt: string;
  digestDay: number;
  digestAt: string;
  quietFrom: string | null;
  quietTo: string | null;
}

/** Where a click on a reminder goes. */
export type ReminderTarget = 'to-log' | 'commitments' | 'keep-in-touch' | 'associations' | 'thanks';

export interface Reminder {
  kind: ReminderKind;
  /** Stable per kind and day, so the shell shows each once. */
  key: string;
  title: string;
  /** With names: for the in-app list and an unlocked journal. */
  body: string;
  /** Without names or notes: what a notification says while the journal is locked or hidden. */
  privateBody: string;
  count: number;
  target: ReminderTarget;
  /** Whether a system notification should show now (opted in, its time reached, not quiet hours, not shown before: reminders.notified). */
  notify: boolean;
}

export interface RemindersDue {
  now: string;
  reminders: Reminder[];
  quiet: boolean;
}
