// What is due, decided in the core on an injected clock: each kind appears when it should, notifies only
// when opted in, at its time and outside quiet hours, and always carries a private body with no names.
process.env.TZ = 'Europe/London';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallInput, RemindersDue } from '../../src-main/contract/contract.js';
import type { Journal } from '../../src-main/core/index.js';
import { isQuiet } from '../../src-main/core/calendar/reminders.js';
import { addPerson, call, describe, expect, openTestJournal, refusal, root, test } from './helpers.js';

const ME = 'alex.morgan@contoso.example';
const fixture = (name: string) => readFileSync(join(root, 'tests', 'fixtures', 'calendar', name), 'utf8');
/** Thursday 12 March 2026 in London (GMT). */
const at = (time: string, day = '2026-03-12') => new Date(`${day}T${time}:00.000Z`).toISOString();
const all: CallInput<'reminders.setSettings'> = {
  enabled: ['meetings', 'promises', 'keep-in-touch', 'focus', 'thanks'],
  meetingsAt: '17:30',
  digestDay: 1,
  digestAt: '09:00',
  quietFrom: '21:00',
  quietTo: '07:30',
};

const due = (journal: Journal, now: string) => call(journal, 'reminders.due', { now });
const kinds = (value: RemindersDue) => value.reminders.map((r) => [r.kind, r.title, r.notify]);

describe('reminders', () => {
  test('off by default: listed in the app, never notified until the user opts in', async ({ journal }) => {
    const priya = await addPerson(journal, { name: 'Priya Raman' });
    await call(journal, 'commitments.create', { direction: 'i-owe', personId: priya, description: 'Send the hiring rubric', dueOn: '2026-03-12' });
    expect(await call(journal, 'reminders.settings')).toEqual({ enabled: [], meetingsAt: '17:30', digestDay: 1, digestAt: '09:00', quietFrom: null, quietTo: null });
    expect(kinds(await due(journal, at('10:00')))).toEqual([['promises', '1 promise due today', false]]);
    await call(journal, 'reminders.setSettings', { ...all, enabled: ['promises'] });
    expect(kinds(await due(journal, at('10:00')))).toEqual([['promises', '1 promise due today', true]]);
  });

  test("today's meetings still to log notify at the chosen time, and stop once logged", async ({ journal }) => {
    await call(journal, 'calendar.setOwnEmails', { emails: [ME] });
    const maya = await addPerson(journal, { name: 'Maya Lindqvist' });
    await call(journal, 'calendar.import', { name: 'google-alex.ics', text: fixture('google-alex.ics'), now: at('18:00') });
    await call(journal, 'reminders.setSettings', all);
    // The design review ends at 14:30: at 15:00 it is waiting, but the reminder time is 17:30.
    const early = await due(journal, at('15:00'));
    expect(kinds(early)).toEqual([['meetings', '1 meeting from today to log', false]]);
    const reminder = (await due(journal, at('17:30'))).reminders[0]!;
    expect(reminder).toEqual({
      kind: 'meetings',
      key: 'meetings:2026-03-12',
      title: '1 meeting from today to log',
      body: 'Design review: onboarding flow',
      privateBody: 'Open Confidant to log them while they are fresh.',
      count: 1,
      target: 'to-log',
      notify: true,
    });
    // Quiet hours (21:00 to 07:30, overnight) hold it back; the list still has it.
    const quiet = await due(journal, at('22:15'));
    expect([quiet.quiet, kinds(quiet)]).toEqual([true, [['meetings', '1 meeting from today to log', false]]]);
    const list = await call(journal, 'calendar.toLog', { now: at('17:30') });
    await call(journal, 'interactions.create', { occurredAt: list.open[0]!.startsAt, kind: 'meeting', title: 'Design review', personIds: [maya], calendarOccurrenceId: list.open[0]!.id });
    expect(kinds(await due(journal, at('17:30')))).toEqual([]);
  });

  test('promises due today and overdue, with names in the body and none in the private one', async ({ journal }) => {
    const rohan = await addPerson(journal, { name: 'Rohan Garg' });
    await call(journal, 'commitments.create', { direction: 'i-owe', personId: rohan, description: 'Intro to the Fabrikam CTO', dueOn: '2026-03-10' });
    await call(journal, 'commitments.create', { direction: 'i-owe', personId: rohan, description: 'Send the deck', dueOn: '2026-03-12' });
    await call(journal, 'commitments.create', { direction: 'i-owe', personId: rohan, description: 'Review the draft', dueOn: '2026-03-13' });
    await call(journal, 'commitments.create', { direction: 'owed-to-me', personId: rohan, description: 'Their numbers', dueOn: '2026-03-01' });
    const [reminder] = (await due(journal, at('09:00'))).reminders;
    expect(reminder).toMatchObject({
      kind: 'promises',
      title: '2 promises due, 1 overdue',
      body: 'Intro to the Fabrikam CTO (Rohan Garg), Send the deck (Rohan Garg)',
      target: 'commitments',
    });
    expect(reminder!.privateBody).not.toMatch(/Rohan|deck|Fabrikam/);
  });

  test('keep in touch: due past the ideal, overdue past the maximum, one weekly digest; any interaction restarts the clock', async ({ journal }) => {
    const ids = {
      ana: await addPerson(journal, { name: 'Ana Ruiz', cadenceDays: 30, cadenceMaxDays: 45 }),
      ben: await addPerson(journal, { name: 'Ben Osei', cadenceDays: 14 }),
      cy: await addPerson(journal, { name: 'Cy Tan', cadenceDays: 60, cadenceMaxDays: 90 }),
    };
    await call(journal, 'interactions.create', { occurredAt: '2026-02-05T12:00:00.000Z', kind: 'coffee', title: 'Coffee', personIds: [ids.ana] });
    await call(journal, 'interactions.create', { occurredAt: '2026-02-01T12:00:00.000Z', kind: 'call', title: 'Call', personIds: [ids.ben] });
    await call(journal, 'interactions.create', { occurredAt: '2026-02-20T12:00:00.000Z', kind: 'email', title: 'Email', personIds: [ids.cy] });
    await call(journal, 'reminders.setSettings', all);
    // Monday 9 March at 08:59: in the list, not notified yet (the digest is on Mondays at 09:00).
    expect(kinds(await due(journal, at('08:59', '2026-03-09')))).toEqual([['keep-in-touch', '2 people to get back in touch with, 1 overdue', false]]);
    // Thursday: that Monday's digest was never shown (no app running), so it notifies now.
    const thursday = await due(journal, at('10:00'));
    // Ana: 35 days (ideal 30, max 45): due. Ben: 39 days (ideal 14, max unset so 28): overdue. Cy: 20 days: fine.
    expect(kinds(thursday)).toEqual([['keep-in-touch', '2 people to get back in touch with, 1 overdue', true]]);
    expect(thursday.reminders[0]!.body).toBe('Ben Osei, Ana Ruiz');
    const monday = await due(journal, at('09:00', '2026-03-16'));
    expect(monday.reminders[0]).toMatchObject({ kind: 'keep-in-touch', key: 'keep-in-touch:2026-W12', notify: true, privateBody: 'Your weekly keep-in-touch list is ready.' });
    // A message to Ben, any kind, restarts his clock.
    await call(journal, 'interactions.create', { occurredAt: '2026-03-11T08:00:00.000Z', kind: 'message', title: 'Quick note', personIds: [ids.ben] });
    expect((await due(journal, at('10:00'))).reminders[0]!.body).toBe('Ana Ruiz');
    const refused = await refusal(journal, 'people.update', { id: ids.ana, name: 'Ana Ruiz', cadenceDays: 30, cadenceMaxDays: 20 });
    expect(refused.fields?.cadenceMaxDays).toBe('The longest gap cannot be shorter than the ideal cadence.');
    // An update that does not name the maximum keeps it.
    await call(journal, 'people.update', { id: ids.ana, name: 'Ana Ruiz', cadenceDays: 30 });
    expect((await call(journal, 'people.get', { id: ids.ana })).cadenceMaxDays).toBe(45);
  });

  test('the digest comes on the day and at the time the user chose, kept across a reopen; impossible choices are refused', async ({ journal, journalPath }) => {
    const ben = await addPerson(journal, { name: 'Ben Osei', cadenceDays: 14 });
    await call(journal, 'interactions.create', { occurredAt: '2026-02-01T12:00:00.000Z', kind: 'call', title: 'Call', personIds: [ben] });
    // Fridays at 16:00 (Friday 13 March 2026).
    expect(await call(journal, 'reminders.setSettings', { ...all, digestDay: 5, digestAt: '16:00' })).toMatchObject({ digestDay: 5, digestAt: '16:00' });
    const notified = async (time: string, day: string) => (await due(journal, at(time, day))).reminders.find((r) => r.kind === 'keep-in-touch')?.notify;
    expect(await notified('15:59', '2026-03-13')).toBe(false);
    expect(await notified('16:00', '2026-03-13')).toBe(true);
    expect(await notified('09:00', '2026-03-16')).toBe(false);
    expect(await notified('20:00', '2026-03-12')).toBe(false);
    for (const [bad, message] of [
      [{ digestDay: 7 }, 'The digest day is 0 (Sunday) to 6 (Saturday).'],
      [{ digestAt: '25:00' }, 'Times are written as HH:MM, like 17:30.'],
      [{ digestAt: '9am' }, 'Times are written as HH:MM, like 17:30.'],
    ] as const) {
      expect((await refusal(journal, 'reminders.setSettings', { ...all, ...bad })).message).toBe(message);
    }
    await journal.close();
    const reopened = await openTestJournal(journalPath);
    try {
      expect(await call(reopened.journal, 'reminders.settings')).toMatchObject({ digestDay: 5, digestAt: '16:00' });
      // A stored choice damaged outside the app reads as the defaults, never as a digest at 99:99.
      reopened.journalDb.raw.prepare("UPDATE preferences SET value = json_set(value, '$.digestAt', '99:99') WHERE key = 'reminders'").run();
      expect(await call(reopened.journal, 'reminders.settings')).toMatchObject({ digestDay: 1, digestAt: '09:00' });
    } finally {
      await reopened.journal.close();
    }
  });

  test('the focus association with no event once two-thirds of the quarter is gone', async ({ journal }) => {
    await call(journal, 'associations.create', { name: 'Product Leaders Forum', category: 'function', status: 'focus', now: '2026-01-05T10:00:00.000Z' });
    // Q1 2026: 12 March is about 79% through; 20 February about 56%.
    expect(kinds(await due(journal, at('10:00', '2026-02-20')))).toEqual([]);
    const [reminder] = (await due(journal, at('10:00'))).reminders;
    expect(reminder).toMatchObject({ kind: 'focus', key: 'focus:2026-Q1', body: 'Product Leaders Forum: 20 days left in the quarter.', privateBody: '20 days left in the quarter.' });
  });

  test('thanks owed for help received more than a week ago', async ({ journal }) => {
    const maya = await addPerson(journal, { name: 'Maya Lindqvist' });
    const old = await call(journal, 'exchanges.create', { direction: 'received', kind: 'introduction', description: 'Intro to the CFO', occurredAt: '2026-03-02T10:00:00.000Z', personIds: [maya] });
    await call(journal, 'exchanges.create', { direction: 'received', kind: 'advice', description: 'Notes on the offer', occurredAt: '2026-03-09T10:00:00.000Z', personIds: [maya] });
    expect((await due(journal, at('10:00'))).reminders).toEqual([
      expect.objectContaining({ kind: 'thanks', title: '1 thank-you owed', body: 'Maya Lindqvist: Intro to the CFO', target: 'thanks' }),
    ]);
    await call(journal, 'thanks.create', { exchangeId: old.id, thankedAt: '2026-03-12T09:00:00.000Z' });
    expect((await due(journal, at('10:00'))).reminders).toEqual([]);
  });

  test('thanks owed is the Thanks owed queue\'s rule: a year back at most, and a thank-you whose entry was deleted was not said', async ({ journal }) => {
    const maya = await addPerson(journal, { name: 'Maya Lindqvist' });
    const intro = await call(journal, 'exchanges.create', { direction: 'received', kind: 'introduction', description: 'Intro to the CFO', occurredAt: '2026-03-02T10:00:00.000Z', personIds: [maya] });
    await call(journal, 'exchanges.create', { direction: 'received', kind: 'advice', description: 'Advice from long ago', occurredAt: '2025-01-10T10:00:00.000Z', personIds: [maya] });
    const thanks = await call(journal, 'thanks.create', { exchangeId: intro.id, thankedAt: '2026-03-05T09:00:00.000Z', logAs: 'message' });
    const queueLate = async () => (await call(journal, 'reciprocity.queues', { now: at('10:00') })).thanksOwed.filter((item) => item.late).map((item) => item.exchange.description);
    const reminded = async () => (await due(journal, at('10:00'))).reminders.filter((r) => r.kind === 'thanks').map((r) => r.body);
    // Help from more than a year ago is past the queue's horizon, and the intro was thanked.
    expect([await queueLate(), await reminded()]).toEqual([[], []]);
    // Deleting the message that said thank you unsays it, in both.
    await call(journal, 'interactions.delete', { id: thanks.interactionId! });
    expect([await queueLate(), await reminded()]).toEqual([['Intro to the CFO'], ['Maya Lindqvist: Intro to the CFO']]);
  });

  test('quiet hours, overnight or within a day', () => {
    expect(isQuiet({ quietFrom: '21:00', quietTo: '07:30' }, at('23:00'))).toBe(true);
    expect(isQuiet({ quietFrom: '21:00', quietTo: '07:30' }, at('07:29'))).toBe(true);
    expect(isQuiet({ quietFrom: '21:00', quietTo: '07:30' }, at('07:30'))).toBe(false);
    expect(isQuiet({ quietFrom: '12:00', quietTo: '13:00' }, at('12:30'))).toBe(true);
    expect(isQuiet({ quietFrom: null, quietTo: null }, at('03:00'))).toBe(false);
  });
});

describe('system notifications', () => {
  test('each due reminder once, opted-in only, and without names while the journal is locked or hidden', async ({ journal }) => {
    const { noticesToShow } = await import('../../src-main/shell/reminder-notices.js');
    const rohan = await addPerson(journal, { name: 'Rohan Garg' });
    await call(journal, 'commitments.create', { direction: 'i-owe', personId: rohan, description: 'Send the deck', dueOn: '2026-03-12' });
    await call(journal, 'exchanges.create', { direction: 'received', kind: 'advice', description: 'Salary benchmarks', occurredAt: '2026-03-01T10:00:00.000Z', personIds: [rohan] });
    await call(journal, 'reminders.setSettings', { ...all, enabled: ['promises'] });
    const now = await due(journal, at('10:00'));
    expect(noticesToShow(now, new Set(), false)).toEqual([{ key: 'promises:2026-03-12', title: '1 promise due today', body: 'Send the deck (Rohan Garg)', action: 'go-commitments' }]);
    const hidden = noticesToShow(now, new Set(), true);
    expect(hidden).toEqual([{ key: 'promises:2026-03-12', title: 'Promises due', body: 'Open Confidant to see what you said you would do.', action: 'go-commitments' }]);
    expect(JSON.stringify(hidden)).not.toMatch(/Rohan|deck|Salary/);
    expect(noticesToShow(now, new Set(['promises:2026-03-12']), false)).toEqual([]);
  });

  test('a notification shown once is not shown again after a restart, and a digest missed on its day comes later that week', async ({ journal, journalPath }) => {
    const rohan = await addPerson(journal, { name: 'Rohan Garg', cadenceDays: 14 });
    await call(journal, 'interactions.create', { occurredAt: '2026-02-01T12:00:00.000Z', kind: 'call', title: 'Call', personIds: [rohan] });
    await call(journal, 'commitments.create', { direction: 'i-owe', personId: rohan, description: 'Send the deck', dueOn: '2026-03-12' });
    await call(journal, 'reminders.setSettings', { ...all, enabled: ['promises', 'keep-in-touch'] });
    const notifying = async (j: Journal, now: string) => (await due(j, now)).reminders.filter((r) => r.notify).map((r) => r.key);
    // Monday 9 March, digest day: the app was closed all day. Thursday is the first time it runs that week.
    expect(await notifying(journal, at('10:00'))).toEqual(['promises:2026-03-12', 'keep-in-touch:2026-W11']);
    expect(await call(journal, 'reminders.notified', { keys: ['promises:2026-03-12', 'keep-in-touch:2026-W11'] })).toEqual({ notified: 2 });
    await journal.close();
    const reopened = await openTestJournal(journalPath);
    try {
      // Still listed in the app, no longer notified; next week's digest notifies on its Monday again.
      expect(kinds(await due(reopened.journal, at('11:00')))).toEqual([
        ['promises', '1 promise due today', false],
        ['keep-in-touch', '1 person to get back in touch with, 1 overdue', false],
      ]);
      const digest = async (now: string) => (await notifying(reopened.journal, now)).filter((key) => key.startsWith('keep-in-touch'));
      expect(await digest(at('08:59', '2026-03-16'))).toEqual([]);
      expect(await digest(at('09:00', '2026-03-16'))).toEqual(['keep-in-touch:2026-W12']);
      // Nothing but a short list of keys is accepted.
      expect((await refusal(reopened.journal, 'reminders.notified', { keys: [] })).message).toBe('Name at least one reminder.');
      expect((await refusal(reopened.journal, 'reminders.notified', { keys: ['x'.repeat(121)] })).message).toBe('A reminder key is at most 120 characters.');
    } finally {
      await reopened.journal.close();
    }
  });
});
