import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { CalendarImport, CalendarSettings, CalendarSource, MeetingsToLog, MeetingToLog } from '../../contract/contract.js';
import type { Database } from '../db/schema.js';
import { JournalError, notFound } from '../errors.js';
import { localDay } from '../reciprocity/clock.js';
import { CalendarFileError, parseCalendar, type CalendarAttendee, type ParsedMeeting } from './ics.js';
import { loadMatcher } from './match.js';
import { readPreference, writePreference } from './preferences.js';

type Db = Kysely<Database> | Transaction<Database>;

const DAY = 86_400_000;
/** What is kept of a calendar: the last 90 days (the to-log list looks back at most that far) to two weeks on. */
const KEEP_BEFORE_DAYS = 90;
const KEEP_AFTER_DAYS = 14;
/**
 * An interaction with someone who was in the meeting, from two hours before it to twelve after, is the
 * meeting logged: people log the coffee that ran over, or log it that evening, without linking it.
 */
const LOGGED_BEFORE_MS = 2 * 3_600_000;
const LOGGED_AFTER_MS = 12 * 3_600_000;

const OWN_EMAILS = 'calendar.ownEmails';
const isEmails = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

export async function ownEmails(db: Db): Promise<string[]> {
  return readPreference(db, OWN_EMAILS, [], isEmails);
}

export async function setOwnEmails(db: Kysely<Database>, emails: string[]): Promise<void> {
  await writePreference(db, OWN_EMAILS, [...new Set(emails)]);
}

export async function calendarSettings(db: Db): Promise<CalendarSettings> {
  const sources = await db
    .selectFrom('calendar_sources as s')
    .select(['s.id', 's.kind', 's.name', 's.path', 's.read_at', 's.problem'])
    .select((eb) => eb.selectFrom('calendar_occurrences as o').whereRef('o.source_id', '=', 's.id').select((e) => e.fn.countAll<number>().as('n')).as('meetings'))
    .orderBy('s.kind', 'desc')
    .orderBy('s.name')
    .execute();
  const list: CalendarSource[] = sources.map((row) => ({
    id: row.id,
    kind: row.kind,
    name: row.name,
    path: row.path,
    readAt: row.read_at,
    problem: row.problem,
    meetings: Number(row.meetings ?? 0),
  }));
  return { ownEmails: await ownEmails(db), watchPath: list.find((source) => source.kind === 'watch')?.path ?? null, sources: list };
}

/** Reads calendar text into a source: its meetings in the window replace the old ones, keeping decisions. */
export async function importCalendar(db: Kysely<Database>, input: { name: string; text: string }, now: string): Promise<CalendarImport> {
  const parsed = parse(input.text, await ownEmails(db), now);
  return db.transaction().execute(async (trx) => {
    const sourceId = await sourceFor(trx, 'import', input.name, null);
    await store(trx, sourceId, parsed.meetings, now);
    await trx.updateTable('calendar_sources').set({ read_at: now, problem: null }).where('id', '=', sourceId).execute();
    const source = (await calendarSettings(trx)).sources.find((s) => s.id === sourceId)!;
    return { source, meetings: parsed.meetings.length, skipped: parsed.skipped, problems: parsed.problems };
  });
}

/** Follows one .ics file on disk (or none, with null): stored, then read now. */
export async function watchCalendar(db: Kysely<Database>, path: string | null, now: string): Promise<CalendarSettings> {
  await db.transaction().execute(async (trx) => {
    const old = await trx.selectFrom('calendar_sources').select(['id', 'path']).where('kind', '=', 'watch').executeTakeFirst();
    if (old && old.path !== path) await trx.deleteFrom('calendar_sources').where('id', '=', old.id).execute();
    if (path !== null) await sourceFor(trx, 'watch', basename(path), path);
  });
  if (path !== null) await readWatched(db, now);
  return calendarSettings(db);
}

/**
 * Reads the followed file again. A file that cannot be read (moved, half-written by the calendar app)
 * leaves the meetings from the last good read in place and records why, to show beside the source.
 */
export async function readWatched(db: Kysely<Database>, now: string): Promise<CalendarSource | null> {
  const source = await db.selectFrom('calendar_sources').select(['id', 'path']).where('kind', '=', 'watch').executeTakeFirst();
  if (!source?.path) return null;
  let problem: string | null = null;
  try {
    const text = await readFile(source.path, 'utf8');
    const parsed = parse(text, await ownEmails(db), now);
    await db.transaction().execute(async (trx) => {
      await store(trx, source.id, parsed.meetings, now);
      await trx.updateTable('calendar_sources').set({ read_at: now, problem: null }).where('id', '=', source.id).execute();
    });
  } catch (error) {
    problem =
      error instanceof JournalError
        ? error.message
        : (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? `${source.path} is not there any more. Export your calendar to it again, or choose another file.`
          : (error as NodeJS.ErrnoException).code === 'EACCES'
            ? `Confidant is not allowed to read ${source.path}. Check the file's permissions.`
            : `${source.path} could not be read: ${error instanceof Error ? error.message : String(error)}`;
    await db.updateTable('calendar_sources').set({ problem }).where('id', '=', source.id).execute();
  }
  return (await calendarSettings(db)).sources.find((s) => s.id === source.id) ?? null;
}

export async function removeSource(db: Kysely<Database>, id: number): Promise<void> {
  const result = await db.deleteFrom('calendar_sources').where('id', '=', id).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw notFound('calendar', id);
}

function parse(text: string, own: string[], now: string) {
  const at = Date.parse(now);
  try {
    return parseCalendar(text, {
      from: new Date(at - KEEP_BEFORE_DAYS * DAY).toISOString(),
      until: new Date(at + KEEP_AFTER_DAYS * DAY).toISOString(),
      ownEmails: own,
    });
  } catch (error) {
    if (error instanceof CalendarFileError) throw new JournalError('invalid-input', error.message, { text: error.message });
    throw error;
  }
}

async function sourceFor(trx: Transaction<Database>, kind: 'import' | 'watch', name: string, path: string | null): Promise<number> {
  const existing = await trx.selectFrom('calendar_sources').select('id').where('kind', '=', kind).where('name', '=', name).executeTakeFirst();
  if (existing) {
    if (path !== null) await trx.updateTable('calendar_sources').set({ path }).where('id', '=', existing.id).execute();
    return existing.id;
  }
  const { id } = await trx
    .insertInto('calendar_sources')
    .values({ kind, name, path, created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Upserts each meeting by (UID, original start), so the user's "dismissed", "later" and the logged link
 * survive every re-read. A meeting gone from the file is dropped, unless it was logged: that link is
 * history the journal keeps.
 */
async function store(trx: Transaction<Database>, sourceId: number, meetings: ParsedMeeting[], now: string): Promise<void> {
  const seen = new Set<number>();
  for (const meeting of meetings) {
    const row = {
      starts_at: meeting.startsAt,
      ends_at: meeting.endsAt,
      title: meeting.title.slice(0, 500),
      location: meeting.location?.slice(0, 500) ?? null,
      conference_url: meeting.conferenceUrl?.slice(0, 2000) ?? null,
      organizer: meeting.organizer ? JSON.stringify(meeting.organizer) : null,
      attendees: JSON.stringify(meeting.attendees.slice(0, 200)),
    };
    const { id } = await trx
      .insertInto('calendar_occurrences')
      .values({ source_id: sourceId, uid: meeting.uid, recurrence_id: meeting.recurrenceId, ...row })
      .onConflict((oc) => oc.columns(['source_id', 'uid', 'recurrence_id']).doUpdateSet(row))
      .returning('id')
      .executeTakeFirstOrThrow();
    seen.add(id);
  }
  const from = new Date(Date.parse(now) - KEEP_BEFORE_DAYS * DAY).toISOString();
  const stale = await trx
    .selectFrom('calendar_occurrences')
    .select('id')
    .where('source_id', '=', sourceId)
    .where('interaction_id', 'is', null)
    .where('starts_at', '>=', from)
    .execute();
  const gone = stale.map((row) => row.id).filter((id) => !seen.has(id));
  for (let i = 0; i < gone.length; i += 500) await trx.deleteFrom('calendar_occurrences').where('id', 'in', gone.slice(i, i + 500)).execute();
}

/** Past meetings (ended by `now`, started in the last `days`) not logged, not dismissed. */
export async function meetingsToLog(db: Kysely<Database>, now: string, days: number): Promise<MeetingsToLog> {
  const since = new Date(Date.parse(now) - days * DAY).toISOString();
  const rows = await db
    .selectFrom('calendar_occurrences')
    .select(['id', 'starts_at', 'ends_at', 'title', 'location', 'conference_url', 'organizer', 'attendees', 'state'])
    .where('starts_at', '>=', since)
    .where('ends_at', '<=', now)
    .where('interaction_id', 'is', null)
    .where((eb) => eb.or([eb('state', 'is', null), eb('state', '=', 'later')]))
    .orderBy('starts_at', 'desc')
    .execute();
  // No meetings in the window (no calendar, or all logged): nobody to match, nothing more to read.
  if (rows.length === 0) return { now, since, open: [], later: [], today: 0 };
  const own = new Set(await ownEmails(db));
  const emails = rows.flatMap((row) => (JSON.parse(row.attendees) as CalendarAttendee[]).flatMap((a) => (a.email ? [a.email] : [])));
  const organizers = rows.flatMap((row) => (row.organizer ? [(JSON.parse(row.organizer) as CalendarAttendee).email ?? ''] : []));
  const matcher = await loadMatcher(db, [...emails, ...organizers].filter(Boolean));
  const today = localDay(now);
  const items: MeetingToLog[] = [];
  // The same meeting can come from two sources (imported once, then followed): shown once.
  const shown = new Set<string>();
  for (const row of rows) {
    const organizer = row.organizer ? (JSON.parse(row.organizer) as CalendarAttendee) : null;
    let invited = (JSON.parse(row.attendees) as CalendarAttendee[]).filter((a) => !(a.email && own.has(a.email)));
    // The organizer is left out (usually the user, who sent the invitation); but when someone else
    // invited the user alone, the organizer is the one person they met.
    if (invited.length === 0 && organizer && !(organizer.email && own.has(organizer.email))) invited = [organizer];
    // A block with nobody else in it (focus time, a flight) is not a conversation to log.
    if (invited.length === 0) continue;
    const dedupe = `${row.starts_at}|${row.title}`;
    if (shown.has(dedupe)) continue;
    shown.add(dedupe);
    items.push({
      id: row.id,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      title: row.title,
      location: row.location,
      conferenceUrl: row.conference_url,
      kind: row.conference_url ? 'call' : 'meeting',
      attendees: invited.map((attendee) => matcher.match(attendee)),
      state: row.state === 'later' ? 'later' : 'open',
      today: localDay(row.starts_at) === today,
    });
  }
  const logged = await loggedAround(db, items);
  const open = items.filter((item) => !logged.has(item.id));
  return {
    now,
    since,
    open: open.filter((item) => item.state === 'open'),
    later: open.filter((item) => item.state === 'later'),
    today: open.filter((item) => item.state === 'open' && item.today).length,
  };
}

/** Meetings for which an interaction with one of their matched people was logged around that time. */
async function loggedAround(db: Kysely<Database>, items: MeetingToLog[]): Promise<Set<number>> {
  const logged = new Set<number>();
  const withPeople = items.filter((item) => item.attendees.some((a) => a.person));
  if (withPeople.length === 0) return logged;
  const earliest = new Date(Math.min(...withPeople.map((item) => Date.parse(item.startsAt))) - LOGGED_BEFORE_MS).toISOString();
  const latest = new Date(Math.max(...withPeople.map((item) => Date.parse(item.endsAt))) + LOGGED_AFTER_MS).toISOString();
  const rows = await db
    .selectFrom('interactions as i')
    .innerJoin('interaction_people as ip', 'ip.interaction_id', 'i.id')
    .select(['i.occurred_at', 'ip.person_id'])
    .where('i.deleted_at', 'is', null)
    .where('i.occurred_at', '>=', earliest)
    .where('i.occurred_at', '<=', latest)
    .execute();
  for (const item of withPeople) {
    const from = Date.parse(item.startsAt) - LOGGED_BEFORE_MS;
    const to = Date.parse(item.endsAt) + LOGGED_AFTER_MS;
    const people = new Set(item.attendees.flatMap((a) => (a.person ? [a.person.id] : [])));
    if (rows.some((row) => people.has(row.person_id) && Date.parse(row.occurred_at) >= from && Date.parse(row.occurred_at) <= to)) logged.add(item.id);
  }
  return logged;
}

export async function setMeetingState(db: Kysely<Database>, id: number, state: 'dismissed' | 'later' | 'open', now: string): Promise<void> {
  const result = await db
    .updateTable('calendar_occurrences')
    .set({ state: state === 'open' ? null : state, state_at: state === 'open' ? null : now })
    .where('id', '=', id)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw notFound('meeting', id);
}

/** Links a just-logged interaction to the meeting it logs, in the logging transaction. */
export async function linkMeeting(trx: Db, occurrenceId: number, interactionId: number): Promise<void> {
  const result = await trx
    .updateTable('calendar_occurrences')
    .set({ interaction_id: interactionId, state: null, state_at: null })
    .where('id', '=', occurrenceId)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) {
    throw new JournalError('not-found', 'That calendar meeting is no longer in your calendar file. Log it without the link, or read the calendar again.');
  }
}
