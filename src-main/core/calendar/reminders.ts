import { differenceInCalendarDays, format, getISOWeek, getISOWeekYear } from 'date-fns';
import { sql, type Kysely } from 'kysely';
import type { Reminder, ReminderKind, ReminderSettings, RemindersDue } from '../../contract/contract.js';
import { ReminderSettingsInput } from '../../contract/calendar.js';
import type { Database } from '../db/schema.js';
import { quarterElapsed, quarterRange } from '../quarters.js';
import { asOf, dayDate, localDay } from '../reciprocity/clock.js';
import { lateSince, unthanked } from '../reciprocity/ledger.js';
import { meetingsToLog } from './calendar.js';
import { readPreference, writePreference } from './preferences.js';

// What is due, decided here with the clock passed in; the shell only shows it (system notifications)
// and the renderer shows the same list in the app. Every reminder carries a body with names for the
// app and a private body without any, which is all a notification may say while the journal is locked
// or the privacy screen is on.

const SETTINGS = 'reminders';
/** Off until the user opts in, kind by kind: a journal should not start buzzing on its own. */
export const DEFAULT_REMINDERS: ReminderSettings = {
  enabled: [],
  meetingsAt: '17:30',
  digestDay: 1,
  digestAt: '09:00',
  quietFrom: null,
  quietTo: null,
};
const FOCUS_AFTER = 2 / 3;

/** What is stored is checked as strictly as what is saved: a damaged choice reads as the defaults. */
function isSettings(value: unknown): value is ReminderSettings {
  // A choice added later (missing from an older stored value) takes its default.
  return typeof value === 'object' && value !== null && ReminderSettingsInput.safeParse({ ...DEFAULT_REMINDERS, ...value }).success;
}

export async function reminderSettings(db: Kysely<Database>): Promise<ReminderSettings> {
  return { ...DEFAULT_REMINDERS, ...(await readPreference(db, SETTINGS, DEFAULT_REMINDERS, isSettings)) };
}

export async function setReminderSettings(db: Kysely<Database>, settings: ReminderSettings): Promise<ReminderSettings> {
  await writePreference(db, SETTINGS, { ...settings, enabled: [...new Set(settings.enabled)] });
  return reminderSettings(db);
}

// Which reminders the shell has shown as notifications, newest last: kept in the journal, so quitting and
// starting again the same day (or week, for the digest) does not show the same one twice. Keys name a day,
// a week or a quarter, so the newest few hundred are all that can still come due.
const NOTIFIED = 'reminders-notified';
const NOTIFIED_KEPT = 300;
const isKeyList = (value: unknown): value is string[] => Array.isArray(value) && value.every((key) => typeof key === 'string');

async function notifiedKeys(db: Kysely<Database>): Promise<string[]> {
  return readPreference(db, NOTIFIED, [], isKeyList);
}

export async function markNotified(db: Kysely<Database>, keys: readonly string[]): Promise<{ notified: number }> {
  return db.transaction().execute(async (trx) => {
    const kept = (await readPreference(trx, NOTIFIED, [] as string[], isKeyList)).filter((key) => !keys.includes(key));
    const next = [...kept, ...new Set(keys)].slice(-NOTIFIED_KEPT);
    await writePreference(trx, NOTIFIED, next);
    return { notified: keys.length };
  });
}

/**
 * The weekly digest is due from the chosen day and time until the week (Monday to Sunday, the ISO week its
 * key names) ends: a person whose computer was off on Monday morning gets it when they next open Confidant.
 */
function digestReached(date: Date, time: string, settings: Pick<ReminderSettings, 'digestDay' | 'digestAt'>): boolean {
  const fromMonday = (day: number) => (day + 6) % 7;
  const today = fromMonday(date.getDay());
  const chosen = fromMonday(settings.digestDay);
  return today > chosen || (today === chosen && time >= settings.digestAt);
}

/** 'HH:MM' local time of an instant. */
function clock(now: string): string {
  return format(new Date(now), 'HH:mm');
}

/** Inside quiet hours; a range whose start is after its end runs overnight (22:00 to 07:00). */
export function isQuiet(settings: Pick<ReminderSettings, 'quietFrom' | 'quietTo'>, now: string): boolean {
  const { quietFrom: from, quietTo: to } = settings;
  if (!from || !to || from === to) return false;
  const at = clock(now);
  return from < to ? at >= from && at < to : at >= from || at < to;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function list(names: string[], max = 3): string {
  // Short enough for a notification: each item cut at a phrase's length, three at most.
  const shown = names.slice(0, max).map((name) => (name.length > 70 ? `${name.slice(0, 67).trimEnd()}…` : name));
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

export async function remindersDue(db: Kysely<Database>, now: string): Promise<RemindersDue> {
  const settings = await reminderSettings(db);
  const today = localDay(now);
  const time = clock(now);
  const quiet = isQuiet(settings, now);
  const notified = new Set(await notifiedKeys(db));
  const reminders: Reminder[] = [];
  const add = (kind: ReminderKind, reminder: Omit<Reminder, 'kind' | 'notify'>, timeReached: boolean) =>
    reminders.push({ kind, ...reminder, notify: settings.enabled.includes(kind) && timeReached && !quiet && !notified.has(reminder.key) });

  // Meetings from today still to log, once the user's chosen time has come.
  const toLog = await meetingsToLog(db, now, 1);
  const todays = toLog.open.filter((meeting) => meeting.today);
  if (todays.length > 0) {
    add(
      'meetings',
      {
        key: `meetings:${today}`,
        title: plural(todays.length, 'meeting from today to log', 'meetings from today to log'),
        body: list(todays.map((meeting) => meeting.title)),
        privateBody: 'Open Confidant to log them while they are fresh.',
        count: todays.length,
        target: 'to-log',
      },
      time >= settings.meetingsAt,
    );
  }

  // Promises I made that are due today or overdue.
  const { rows: promises } = await sql<{ description: string; due_on: string; name: string }>`
    SELECT c.description, c.due_on, p.name FROM commitments c JOIN people p ON p.id = c.person_id
    LEFT JOIN interactions i ON i.id = c.interaction_id
    WHERE c.direction = 'i-owe' AND c.status = 'open' AND c.due_on <= ${today} AND (c.interaction_id IS NULL OR i.deleted_at IS NULL)
    ORDER BY c.due_on, c.id`.execute(db);
  if (promises.length > 0) {
    const overdue = promises.filter((p) => p.due_on < today).length;
    add(
      'promises',
      {
        key: `promises:${today}`,
        title:
          overdue === promises.length
            ? plural(promises.length, 'promise overdue', 'promises overdue')
            : overdue > 0
              ? `${plural(promises.length, 'promise', 'promises')} due, ${overdue} overdue`
              : plural(promises.length, 'promise due today', 'promises due today'),
        body: list(promises.map((p) => `${p.description} (${p.name})`)),
        privateBody: 'Open Confidant to see what you said you would do.',
        count: promises.length,
        target: 'commitments',
      },
      true,
    );
  }

  // Keep in touch: one weekly digest, not one notification per person.
  const keep = await keepInTouch(db, now);
  const lapsed = keep.filter((person) => person.state !== 'ok');
  if (lapsed.length > 0) {
    const overdue = lapsed.filter((person) => person.state === 'overdue');
    const date = new Date(now);
    add(
      'keep-in-touch',
      {
        key: `keep-in-touch:${getISOWeekYear(date)}-W${getISOWeek(date)}`,
        title: overdue.length > 0 ? `${plural(lapsed.length, 'person', 'people')} to get back in touch with, ${overdue.length} overdue` : `${plural(lapsed.length, 'person', 'people')} to get back in touch with`,
        body: list([...overdue, ...lapsed.filter((person) => person.state === 'due')].map((person) => person.name)),
        privateBody: 'Your weekly keep-in-touch list is ready.',
        count: lapsed.length,
        target: 'keep-in-touch',
      },
      digestReached(date, time, settings),
    );
  }

  // The focus association with no event yet, once two-thirds of the quarter is gone.
  const elapsed = quarterElapsed(now);
  if (elapsed.elapsed >= FOCUS_AFTER) {
    const range = quarterRange(elapsed.quarter);
    const { rows: focus } = await sql<{ name: string }>`
      SELECT a.name FROM associations a WHERE a.status = 'focus' AND NOT EXISTS (
        SELECT 1 FROM interactions i WHERE i.association_id = a.id AND i.deleted_at IS NULL
          AND i.occurred_at >= ${range.since} AND i.occurred_at < ${range.until} AND i.occurred_at <= ${now})
      ORDER BY a.name`.execute(db);
    if (focus.length > 0) {
      add(
        'focus',
        {
          key: `focus:${elapsed.quarter}`,
          title: `No event at your focus association this quarter`,
          body: `${list(focus.map((row) => row.name))}: ${plural(elapsed.daysLeft, 'day', 'days')} left in the quarter.`,
          privateBody: `${plural(elapsed.daysLeft, 'day', 'days')} left in the quarter.`,
          count: focus.length,
          target: 'associations',
        },
        true,
      );
    }
  }

  // Help received more than a week ago and never thanked: what the Thanks owed queue marks late.
  const late = lateSince(asOf({ now }));
  const owed = (await unthanked(db, asOf({ now }))).filter((row) => row.occurredAt < late);
  if (owed.length > 0) {
    // The notification names the first three (list() shows no more): only theirs are read.
    const first = owed.slice(0, 3);
    const { rows: named } = await sql<{ id: number; names: string }>`
      SELECT ep.exchange_id AS id, group_concat(p.name, ', ') AS names FROM exchange_people ep JOIN people p ON p.id = ep.person_id
      WHERE ep.exchange_id IN (${sql.join(first.map((row) => row.id))}) GROUP BY ep.exchange_id`.execute(db);
    const namesOf = new Map(named.map((row) => [row.id, row.names]));
    add(
      'thanks',
      {
        key: `thanks:${today}`,
        title: plural(owed.length, 'thank-you owed', 'thank-yous owed'),
        body: list([...first.map((row) => (namesOf.get(row.id) ? `${namesOf.get(row.id)}: ${row.description}` : row.description)), ...owed.slice(3).map((row) => row.description)]),
        privateBody: 'Some help you received has not been thanked yet.',
        count: owed.length,
        target: 'thanks',
      },
      true,
    );
  }
  return { now, reminders, quiet };
}

export interface KeepInTouchState {
  id: number;
  name: string;
  lastContactAt: string | null;
  /** Days since the last contact (or since they were added, never contacted). */
  days: number;
  /** ok within the ideal cadence; due past it; overdue past the maximum (or twice the ideal when unset). */
  state: 'ok' | 'due' | 'overdue';
}

/**
 * Keep in touch with an ideal and a maximum cadence. The clock restarts on any logged interaction with
 * the person, whatever its kind; someone never contacted counts from the day they were added.
 */
export async function keepInTouch(db: Kysely<Database>, now: string): Promise<KeepInTouchState[]> {
  const { rows } = await sql<{ id: number; name: string; cadence_days: number; cadence_max_days: number | null; created_at: string; last_at: string | null }>`
    SELECT p.id, p.name, p.cadence_days, p.cadence_max_days, p.created_at,
      -- Live contacts by person and date, kept by triggers (migrations/0012): one seek per person.
      (SELECT MAX(pc.occurred_at) FROM person_contacts pc WHERE pc.person_id = p.id AND pc.occurred_at <= ${now}) AS last_at
    FROM people p WHERE p.cadence_days IS NOT NULL ORDER BY p.name COLLATE NOCASE`.execute(db);
  const today = dayDate(localDay(now));
  return rows
    .map((row): KeepInTouchState => {
      const days = differenceInCalendarDays(today, dayDate(localDay(row.last_at ?? row.created_at)));
      const max = row.cadence_max_days ?? row.cadence_days * 2;
      const state = days > max ? 'overdue' : days > row.cadence_days ? 'due' : 'ok';
      return { id: row.id, name: row.name, lastContactAt: row.last_at, days, state };
    })
    .sort((a, b) => b.days - a.days);
}
