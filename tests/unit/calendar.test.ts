// Meetings from .ics exports: each expanded occurrence and each attendee match, on a fixed clock, in an
// explicit zone (the user is in London; the calendars hold New York, Pacific and Windows-named zones).
process.env.TZ = 'Europe/London';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { migrate } from '../../src-main/core/db/migrate.js';
import { migrations } from '../../src-main/core/db/migrations/index.js';
import { calendar as calendarMigration } from '../../src-main/core/db/migrations/0007-calendar.js';
import { parseCalendar } from '../../src-main/core/calendar/ics.js';
import { addPerson, call, describe, expect, refusal, root, test } from './helpers.js';

const fixture = (name: string) => readFileSync(join(root, 'tests', 'fixtures', 'calendar', name), 'utf8');
const ME = 'alex.morgan@contoso.example';
/** Thursday 12 March 2026, 18:00 in London (GMT: UK summer time starts on the 29th; New York's on the 8th). */
const NOW = '2026-03-12T18:00:00.000Z';
const window = { from: '2026-02-01T00:00:00.000Z', until: '2026-04-01T00:00:00.000Z', ownEmails: [ME] };

describe('reading .ics exports', () => {
  test('Google: a weekly 1:1 in New York time with an EXDATE and a moved occurrence, across the US clock change', () => {
    const { meetings, skipped, problems } = parseCalendar(fixture('google-alex.ics'), window);
    expect(problems).toEqual([]);
    // All-day offsite, the cancelled budget review and the vendor pitch Alex declined are left out.
    expect(skipped).toEqual({ allDay: 1, cancelled: 1, declined: 1, unreadable: 0 });
    const oneToOne = meetings.filter((m) => m.uid.startsWith('7kq2'));
    expect(oneToOne.map((m) => [m.startsAt, m.endsAt, m.title])).toEqual([
      ['2026-02-10T15:00:00.000Z', '2026-02-10T15:30:00.000Z', 'Rohan / Alex 1:1'],
      ['2026-02-17T15:00:00.000Z', '2026-02-17T15:30:00.000Z', 'Rohan / Alex 1:1'],
      ['2026-02-24T15:00:00.000Z', '2026-02-24T15:30:00.000Z', 'Rohan / Alex 1:1'],
      // 3 March is an EXDATE. 10 March was moved to 11:30 EDT (the US changed clocks on the 8th).
      ['2026-03-10T15:30:00.000Z', '2026-03-10T16:00:00.000Z', 'Rohan / Alex 1:1 (moved)'],
      ['2026-03-17T14:00:00.000Z', '2026-03-17T14:30:00.000Z', 'Rohan / Alex 1:1'],
      ['2026-03-24T14:00:00.000Z', '2026-03-24T14:30:00.000Z', 'Rohan / Alex 1:1'],
      ['2026-03-31T14:00:00.000Z', '2026-03-31T14:30:00.000Z', 'Rohan / Alex 1:1'],
    ]);
    expect(oneToOne[3]!.recurrenceId).toBe('2026-03-10T14:00:00.000Z');
    expect(oneToOne[0]!.conferenceUrl).toBe('https://meet.google.com/xbd-kqpe-rwm');
    // Quoted CN folded in the middle ("Garg, R\r\n ohan") comes back whole; the organizer's own
    // ATTENDEE line (Alex) is the organizer, not listed again.
    expect(oneToOne[0]!.attendees).toEqual([{ email: 'rohan.garg@northwind.example', name: 'Garg, Rohan', partstat: 'ACCEPTED' }]);
    const others = meetings.filter((m) => !m.uid.startsWith('7kq2')).map((m) => [m.startsAt, m.title, m.location, m.attendees.map((a) => a.email)]);
    expect(others).toEqual([
      // A CN that is only the email is no name; escaped commas in LOCATION are plain commas.
      ['2026-03-11T08:30:00.000Z', 'Coffee with Priya', 'Monmouth Coffee, 2 Park St, London SE1 9AB, UK', ['priya.raman@gmail.com']],
      ['2026-03-12T07:00:00.000Z', 'Focus time', null, []],
      // MAILTO: in capitals, mixed-case address: lowercased.
      ['2026-03-12T14:00:00.000Z', 'Design review: onboarding flow', 'Level 4, room Ada', ['maya.lindqvist@contoso.example', 'sam.okafor@fabrikam.example']],
    ]);
    expect(meetings.find((m) => m.title === 'Coffee with Priya')!.attendees[0]!.name).toBeNull();
  });

  test('Outlook: Windows zone names, TAB folding, a room, a cancelled and a moved occurrence', () => {
    const { meetings, skipped } = parseCalendar(fixture('outlook-alex.ics'), window);
    expect(skipped).toEqual({ allDay: 0, cancelled: 1, declined: 0, unreadable: 0 });
    expect(meetings.map((m) => [m.startsAt, m.endsAt, m.title])).toEqual([
      ['2026-02-16T09:30:00.000Z', '2026-02-16T10:30:00.000Z', 'Staff meeting'],
      // 23 Feb is an EXDATE, 2 March was cancelled in its override.
      ['2026-03-09T11:00:00.000Z', '2026-03-09T12:00:00.000Z', 'Staff meeting (moved to 11:00)'],
      // "Pacific Standard Time" is America/Los_Angeles: 08:00 PDT after the 8 March change.
      ['2026-03-10T15:00:00.000Z', '2026-03-10T15:45:00.000Z', 'Quarterly sync: Seattle partnership'],
      ['2026-03-16T09:30:00.000Z', '2026-03-16T10:30:00.000Z', 'Staff meeting'],
      ['2026-03-23T09:30:00.000Z', '2026-03-23T10:30:00.000Z', 'Staff meeting'],
      // "GMT Standard Time" is Europe/London: British Summer Time from 29 March.
      ['2026-03-30T08:30:00.000Z', '2026-03-30T09:30:00.000Z', 'Staff meeting'],
    ]);
    const staff = meetings[0]!;
    // The room is not a person; a CN quoted and folded with a TAB inside the quotes is read whole.
    expect(staff.attendees).toEqual([
      { email: 'maya.lindqvist@contoso.example', name: 'Lindqvist, Maya', partstat: 'NEEDS-ACTION' },
      { email: 'declan.oneil@contoso.example', name: "O'Neil, Declan", partstat: 'NEEDS-ACTION' },
    ]);
    expect(staff.organizer).toEqual({ email: ME, name: 'Alex Morgan', partstat: null });
    const sync = meetings[2]!;
    expect(sync.conferenceUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    // The organizer's own ATTENDEE line (no CN) is folded into the organizer, not listed twice.
    expect(sync.organizer).toEqual({ email: 'jordan.lee@fabrikam.example', name: 'Lee, Jordan', partstat: null });
    expect(sync.attendees.map((a) => a.email)).toEqual([ME]);
  });

  test('real exports: Google override before its master, Outlook 2010 quoted CN, Exchange broken line, Apple zone with no VTIMEZONE', () => {
    const google = parseCalendar(fixture('google-2.ics'), { from: '2026-01-01T00:00:00Z', until: '2026-03-01T00:00:00Z', ownEmails: [] });
    expect(google.meetings.map((m) => [m.startsAt, m.title])).toEqual([
      ['2026-02-01T15:00:00.000Z', 'Initial Title'],
      ['2026-02-02T15:00:00.000Z', 'Edited Title'],
      ['2026-02-03T15:00:00.000Z', 'Initial Title'],
    ]);
    const outlook2010 = parseCalendar(fixture('outlook-2.ics'), { from: '2013-01-01T00:00:00Z', until: '2014-01-01T00:00:00Z', ownEmails: [] });
    expect(outlook2010.meetings.map((m) => [m.startsAt, m.location, m.organizer?.name, m.attendees.map((a) => a.name)])).toEqual([
      ['2013-06-10T16:00:00.000Z', 'Auditorium 16', 'Smith, Bob', ['Doe, John', 'Doe, Jane']],
    ]);
    // ms_timezones.ics has one line ical.js cannot parse (a quote closed after the value); the rest is read.
    const exchange = parseCalendar(fixture('outlook-1.ics'), { from: '2020-07-01T00:00:00Z', until: '2020-07-15T00:00:00Z', ownEmails: [] });
    expect(exchange.problems).toEqual(['One line of the file could not be read and was skipped.']);
    expect(exchange.meetings.length).toBeGreaterThan(0);
    // Canberra, Melbourne, Sydney is no IANA or Windows name: its own VTIMEZONE (AEDT, +11) is used.
    const standup = parseCalendar(fixture('outlook-5.ics'), { from: '2009-03-09T00:00:00Z', until: '2009-03-14T00:00:00Z', ownEmails: [] });
    expect(standup.meetings.map((m) => m.startsAt)).toEqual(['2009-03-09T22:30:00.000Z', '2009-03-10T22:30:00.000Z', '2009-03-11T22:30:00.000Z', '2009-03-12T22:30:00.000Z']);
    expect(standup.meetings[0]!.organizer?.email).toBe('ben.fortuna@example.com');
    // America/Los_Angeles named with no VTIMEZONE in the file: the platform's zone data.
    const apple = parseCalendar(fixture('apple-1.ics'), { from: '2015-03-01T00:00:00Z', until: '2015-06-01T00:00:00Z', ownEmails: [] });
    expect(apple.meetings.map((m) => m.startsAt)).toEqual(['2015-03-31T20:00:00.000Z', '2015-05-29T20:00:00.000Z']);
  });

  test('a file that is not a calendar is refused with a sentence, and nothing is stored', async ({ journal }) => {
    const error = await refusal(journal, 'calendar.import', { name: 'notes.txt', text: 'Hello, this is not a calendar.', now: NOW });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/no calendar in it/);
    expect((await call(journal, 'calendar.settings')).sources).toEqual([]);
  });
});

async function setUp(journal: Parameters<typeof call>[0]) {
  await call(journal, 'calendar.setOwnEmails', { emails: [ME.toUpperCase()] });
  const ids = {
    rohan: await addPerson(journal, { name: 'Rohan Garg', organization: 'Northwind', emails: [{ email: 'Rohan.Garg@northwind.example', label: 'work' }] }),
    priya: await addPerson(journal, { name: 'Priya Raman' }),
    maya: await addPerson(journal, { name: 'Maya Lindqvist' }),
    // Known by another name: only the email can tell.
    jordan: await addPerson(journal, { name: 'JL (Fabrikam partnerships)', emails: [{ email: 'jordan.lee@fabrikam.example', label: null }] }),
    declan: await addPerson(journal, { name: "Declan O'Neil" }),
  };
  await call(journal, 'calendar.import', { name: 'google-alex.ics', text: fixture('google-alex.ics'), now: NOW });
  await call(journal, 'calendar.import', { name: 'outlook-alex.ics', text: fixture('outlook-alex.ics'), now: NOW });
  return ids;
}

describe('meetings to log', () => {
  test('past meetings of the last 14 days, newest first, each attendee matched or offered as new', async ({ journal }) => {
    const ids = await setUp(journal);
    const toLog = await call(journal, 'calendar.toLog', { now: NOW });
    expect(toLog.open.map((m) => [m.startsAt, m.title, m.kind, m.today])).toEqual([
      ['2026-03-12T14:00:00.000Z', 'Design review: onboarding flow', 'meeting', true],
      ['2026-03-11T08:30:00.000Z', 'Coffee with Priya', 'meeting', false],
      ['2026-03-10T15:30:00.000Z', 'Rohan / Alex 1:1 (moved)', 'call', false],
      ['2026-03-10T15:00:00.000Z', 'Quarterly sync: Seattle partnership', 'call', false],
      ['2026-03-09T11:00:00.000Z', 'Staff meeting (moved to 11:00)', 'meeting', false],
      // Focus time (nobody else) and anything older than 14 days are not here.
    ]);
    expect(toLog.today).toBe(1);
    const attendees = Object.fromEntries(toLog.open.map((m) => [m.title, m.attendees.map((a) => [a.name, a.person?.id ?? null, a.matchedBy])]));
    expect(attendees).toEqual({
      'Design review: onboarding flow': [['Maya Lindqvist', ids.maya, 'name'], ['Sam Okafor', null, null]],
      // No CN: the name comes from the address, and matches.
      'Coffee with Priya': [['Priya Raman', ids.priya, 'name']],
      // "Garg, Rohan" turned round.
      // By email first.
      'Rohan / Alex 1:1 (moved)': [['Rohan Garg', ids.rohan, 'email']],
      // Someone else organized and invited Alex alone: the organizer is who Alex met.
      'Quarterly sync: Seattle partnership': [['Jordan Lee', ids.jordan, 'email']],
      'Staff meeting (moved to 11:00)': [['Maya Lindqvist', ids.maya, 'name'], ["Declan O'Neil", ids.declan, 'name']],
    });
    // Nobody was added on the way.
    expect((await call(journal, 'people.list')).map((p) => p.name).sort()).toEqual(["Declan O'Neil", 'JL (Fabrikam partnerships)', 'Maya Lindqvist', 'Priya Raman', 'Rohan Garg']);
  });

  test('logging one from the list links it, and it leaves the list; an interaction logged by hand around that time counts too', async ({ journal }) => {
    const ids = await setUp(journal);
    const before = await call(journal, 'calendar.toLog', { now: NOW });
    const design = before.open.find((m) => m.title.startsWith('Design review'))!;
    await call(journal, 'interactions.create', {
      occurredAt: design.startsAt,
      kind: design.kind,
      title: design.title,
      location: design.location,
      personIds: [ids.maya],
      calendarOccurrenceId: design.id,
    });
    // Logged by hand that evening, without the link: the coffee with Priya.
    await call(journal, 'interactions.create', { occurredAt: '2026-03-11T19:00:00.000Z', kind: 'coffee', title: 'Coffee with Priya', personIds: [ids.priya] });
    // Something with Rohan a day off does not count as the 1:1.
    await call(journal, 'interactions.create', { occurredAt: '2026-03-12T09:00:00.000Z', kind: 'message', title: 'Note to Rohan', personIds: [ids.rohan] });
    const after = await call(journal, 'calendar.toLog', { now: NOW });
    expect(after.open.map((m) => m.title)).toEqual([
      'Rohan / Alex 1:1 (moved)',
      'Quarterly sync: Seattle partnership',
      'Staff meeting (moved to 11:00)',
    ]);
    expect(after.today).toBe(0);
  });

  test('dismiss and log later are kept per occurrence, through a re-read of the file', async ({ journal }) => {
    await setUp(journal);
    const list = await call(journal, 'calendar.toLog', { now: NOW });
    const moved = list.open.find((m) => m.title === 'Rohan / Alex 1:1 (moved)')!;
    const staff = list.open.find((m) => m.title.startsWith('Staff meeting'))!;
    await call(journal, 'calendar.setState', { id: moved.id, state: 'dismissed', now: NOW });
    await call(journal, 'calendar.setState', { id: staff.id, state: 'later', now: NOW });
    await call(journal, 'calendar.import', { name: 'google-alex.ics', text: fixture('google-alex.ics'), now: NOW });
    await call(journal, 'calendar.import', { name: 'outlook-alex.ics', text: fixture('outlook-alex.ics'), now: NOW });
    const again = await call(journal, 'calendar.toLog', { now: NOW });
    expect(again.open.map((m) => m.title)).not.toContain('Rohan / Alex 1:1 (moved)');
    // The other occurrences of the same series are untouched.
    expect((await call(journal, 'calendar.toLog', { now: NOW, days: 30 })).open.map((m) => m.title)).toContain('Rohan / Alex 1:1');
    expect(again.later.map((m) => m.id)).toEqual([staff.id]);
    await call(journal, 'calendar.setState', { id: staff.id, state: 'open', now: NOW });
    expect((await call(journal, 'calendar.toLog', { now: NOW })).later).toEqual([]);
  });

  test('a followed file is read when chosen and again on refresh; a missing file keeps the last meetings and says why', async ({ journal, dir }) => {
    await call(journal, 'calendar.setOwnEmails', { emails: [ME] });
    const path = join(dir, 'calendar.ics');
    await writeFile(path, fixture('outlook-alex.ics'));
    const settings = await call(journal, 'calendar.watch', { path, now: NOW });
    expect(settings.watchPath).toBe(path);
    expect(settings.sources.map((s) => [s.kind, s.name, s.meetings, s.problem])).toEqual([['watch', 'calendar.ics', 5, null]]);
    await writeFile(path, fixture('google-alex.ics'));
    const refreshed = await call(journal, 'calendar.refresh', { now: NOW });
    expect(refreshed.sources[0]!.meetings).toBe(9);
    await writeFile(path, 'garbage');
    const broken = await call(journal, 'calendar.refresh', { now: NOW });
    expect(broken.sources[0]!.problem).toMatch(/no calendar in it/);
    expect(broken.sources[0]!.meetings).toBe(9);
    const stopped = await call(journal, 'calendar.watch', { path: null, now: NOW });
    expect(stopped.sources).toEqual([]);
  });
});

describe('migration to the calendar schema', () => {
  test('adds the calendar tables and the maximum cadence to a journal with data in it', async ({ dir }) => {
    const path = join(dir, 'old.sqlite');
    const raw = new BetterSqlite3(path);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    const before = migrations.filter((m) => m.version < calendarMigration.version);
    await migrate(db, before);
    raw.prepare("INSERT INTO people (name, cadence_days, created_at, updated_at) VALUES ('Rohan Garg', 30, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')").run();
    await migrate(db, migrations.filter((m) => m.version <= calendarMigration.version));
    expect(raw.prepare('SELECT name, cadence_days, cadence_max_days FROM people').all()).toEqual([{ name: 'Rohan Garg', cadence_days: 30, cadence_max_days: null }]);
    raw.prepare("INSERT INTO calendar_sources (kind, name, created_at) VALUES ('import', 'a.ics', 'x')").run();
    expect(() => raw.prepare("INSERT INTO calendar_sources (kind, name, created_at) VALUES ('watch', 'b.ics', 'x')").run()).toThrow(/CHECK/);
    await db.destroy();
  });
});

describe('following a calendar file', () => {
  test('reads at start, again when the calendar app replaces the file, and follows a newly chosen path', async ({ journal, dir }) => {
    const { watchCalendarFile } = await import('../../src-main/core/calendar/watcher.js');
    const { rename } = await import('node:fs/promises');
    const path = join(dir, 'work.ics');
    await writeFile(path, fixture('outlook-alex.ics'));
    await call(journal, 'calendar.setOwnEmails', { emails: [ME] });
    await call(journal, 'calendar.watch', { path, now: NOW });
    let reads = 0;
    let changed: () => void = () => {};
    const watcher = await watchCalendarFile({
      path: async () => (await call(journal, 'calendar.settings')).watchPath,
      refresh: async () => {
        reads += 1;
        await call(journal, 'calendar.refresh', { now: NOW });
        changed();
      },
      settleMs: 50,
    });
    try {
      expect(reads).toBe(1);
      // Written beside it and renamed over it, as calendar apps do.
      const next = new Promise<void>((resolve) => (changed = resolve));
      await writeFile(join(dir, 'work.ics.tmp'), fixture('google-alex.ics'));
      await rename(join(dir, 'work.ics.tmp'), path);
      await next;
      expect((await call(journal, 'calendar.settings')).sources[0]!.meetings).toBe(9);
    } finally {
      watcher.close();
    }
  });
});
