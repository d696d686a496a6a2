// Associations, their events and quarterly attendance goals, and the quarterly review. Local time is
// pinned to UTC so quarters are predictable; tests/unit/quarters.test.ts covers other zones. Every clock
// is passed in as `now`.
process.env.TZ = 'UTC';

import type { CallInput } from '../../src-main/contract/contract.js';
import type { Journal } from '../../src-main/core/index.js';
import { addInteraction, addPerson, call, describe, expect, refusal, storedRows, test } from './helpers.js';

const NOW = '2025-05-15T12:00:00.000Z'; // the middle of 2025-Q2
const LATE = '2025-06-20T12:00:00.000Z'; // more than two-thirds of 2025-Q2 gone

async function association(journal: Journal, name: string, fields: Partial<CallInput<'associations.create'>> = {}): Promise<number> {
  return (await call(journal, 'associations.create', { name, category: 'function', now: NOW, ...fields })).id;
}

async function event(journal: Journal, associationId: number | null, occurredAt: string, fields: Partial<CallInput<'interactions.create'>> = {}): Promise<number> {
  const personIds = fields.personIds ?? [await addPerson(journal, { name: `Met ${occurredAt}` })];
  return addInteraction(journal, { kind: 'event', title: 'Chapter meeting', occurredAt, associationId, ...fields, personIds });
}

describe('the funnel', () => {
  test('a fourth shortlisted needs confirmation; until confirmed, nothing changes', async ({ journal, journalDb }) => {
    const ids = [await association(journal, 'A'), await association(journal, 'B'), await association(journal, 'C'), await association(journal, 'D')];
    for (const id of ids.slice(0, 3)) await call(journal, 'associations.setStatus', { id, status: 'shortlisted', now: NOW });
    const before = storedRows(journalDb.raw);
    const warning = await refusal(journal, 'associations.setStatus', { id: ids[3], status: 'shortlisted', now: NOW });
    expect(warning.code).toBe('needs-confirmation');
    expect(warning.message).toMatch(/already have 3 associations shortlisted \(“A”, “B” and “C”\).*narrow the list to three/);
    expect(storedRows(journalDb.raw)).toEqual(before);
    // Creating straight into the shortlist warns the same way, and creates nothing.
    expect((await refusal(journal, 'associations.create', { name: 'E', category: 'skill', status: 'shortlisted' })).code).toBe('needs-confirmation');
    expect(storedRows(journalDb.raw)).toEqual(before);
    await call(journal, 'associations.setStatus', { id: ids[3]!, status: 'shortlisted', confirmed: true, now: NOW });
    const overview = await call(journal, 'associations.list', { now: NOW });
    expect(overview.associations.filter((a) => a.status === 'shortlisted')).toHaveLength(4);
  });

  test('the focus gets a goal of one event a quarter; a new focus asks first, then moves the old one to the shortlist', async ({ journal }) => {
    const circle = await association(journal, 'Product Leaders Circle');
    const guild = await association(journal, 'Design Guild');
    const focused = await call(journal, 'associations.setStatus', { id: circle, status: 'focus', now: NOW });
    expect(focused).toMatchObject({ status: 'focus', goals: [{ fromQuarter: '2025-Q2', events: 1 }], thisQuarter: { quarter: '2025-Q2', attended: 0, goal: 1, state: 'open' } });

    const warning = await refusal(journal, 'associations.setStatus', { id: guild, status: 'focus', now: NOW });
    expect(warning).toMatchObject({ code: 'needs-confirmation' });
    expect(warning.message).toContain('“Product Leaders Circle” is your focus now. Make “Design Guild” the focus');
    await call(journal, 'associations.setStatus', { id: guild, status: 'focus', confirmed: true, now: NOW });
    const statuses = (await call(journal, 'associations.list', { now: NOW })).associations.map((a) => [a.name, a.status]);
    expect(statuses).toEqual([['Design Guild', 'focus'], ['Product Leaders Circle', 'shortlisted']]);
  });

  test('moving to past ends the goal from next quarter; this quarter is still judged by the goal it began with', async ({ journal }) => {
    const id = await association(journal, 'Old Club', { status: 'focus' });
    const past = await call(journal, 'associations.setStatus', { id, status: 'past', now: NOW });
    expect(past.goals).toEqual([{ fromQuarter: '2025-Q2', events: 1 }, { fromQuarter: '2025-Q3', events: 0 }]);
    expect(past.thisQuarter.goal).toBe(1);
  });

  test('names are unique regardless of case', async ({ journal }) => {
    await association(journal, 'Design Guild');
    expect(await refusal(journal, 'associations.create', { name: 'design guild', category: 'skill' })).toMatchObject({ code: 'conflict', fields: { name: expect.any(String) } });
  });
});

describe('attendance', () => {
  test('an event at the focus meets the quarter’s goal and starts a streak; deleting it takes that back, undo restores it', async ({ journal }) => {
    const id = await association(journal, 'Circle', { status: 'focus' });
    const eventId = await event(journal, id, '2025-05-01T18:00:00.000Z');
    expect((await call(journal, 'interactions.get', { id: eventId })).association).toEqual({ id, name: 'Circle' });
    expect(await call(journal, 'associations.get', { id, now: NOW })).toMatchObject({ thisQuarter: { attended: 1, goal: 1, state: 'met' }, streak: 1, events: 1 });

    await call(journal, 'interactions.delete', { id: eventId });
    expect(await call(journal, 'associations.get', { id, now: NOW })).toMatchObject({ thisQuarter: { attended: 0, state: 'open' }, streak: 0, events: 0, eventList: [] });
    await call(journal, 'interactions.undoDelete');
    expect(await call(journal, 'associations.get', { id, now: NOW })).toMatchObject({ thisQuarter: { attended: 1, state: 'met' }, streak: 1 });
  });

  test('past quarters are judged by the goal that held then; the strip shows met and missed; the streak counts back', async ({ journal, journalDb }) => {
    const id = await association(journal, 'Circle');
    // Goal history as if set over time: 1 from 2024-Q3, 2 from 2025-Q1.
    journalDb.raw.exec(`INSERT INTO attendance_goals (association_id, from_quarter, events, set_at) VALUES
      (${id}, '2024-Q3', 1, '2024-07-01T00:00:00.000Z'), (${id}, '2025-Q1', 2, '2025-01-01T00:00:00.000Z')`);
    const person = await addPerson(journal, { name: 'Ada' });
    await event(journal, id, '2024-08-01T18:00:00.000Z', { personIds: [person] }); // Q3: 1 of 1, met
    // Q4 2024: none, missed.
    await event(journal, id, '2025-01-10T18:00:00.000Z', { personIds: [person] }); // Q1: 2 of 2, met
    await event(journal, id, '2025-03-31T23:59:59.000Z', { personIds: [person] }); //   the last second of Q1
    await event(journal, id, '2025-04-20T18:00:00.000Z', { personIds: [person] }); // Q2: 1 of 2 so far, open
    const detail = await call(journal, 'associations.get', { id, now: NOW });
    expect(detail.strip.map(({ quarter, attended, goal, state }) => `${quarter} ${attended}/${goal} ${state}`)).toEqual([
      '2023-Q3 0/null none', '2023-Q4 0/null none', '2024-Q1 0/null none', '2024-Q2 0/null none',
      '2024-Q3 1/1 met', '2024-Q4 0/1 missed', '2025-Q1 2/2 met', '2025-Q2 1/2 open',
    ]);
    // Q2 is under way (neither adds nor breaks); Q1 met; Q4 missed ends the streak.
    expect(detail.streak).toBe(1);
    expect(detail.people).toEqual([{ person: { id: person, name: 'Ada' }, events: 4, lastMetAt: '2025-04-20T18:00:00.000Z' }]);

    // Lowering this quarter's goal leaves Q1's judged by 2.
    const edited = await call(journal, 'associations.setGoal', { id, events: 1, now: NOW });
    expect(edited.goals).toEqual([{ fromQuarter: '2024-Q3', events: 1 }, { fromQuarter: '2025-Q1', events: 2 }, { fromQuarter: '2025-Q2', events: 1 }]);
    expect(edited.strip.at(-2)).toMatchObject({ quarter: '2025-Q1', goal: 2, state: 'met' });
    expect(edited).toMatchObject({ thisQuarter: { attended: 1, goal: 1, state: 'met' }, streak: 2 });
  });

  test('events in the future, other kinds and other associations do not count', async ({ journal }) => {
    const id = await association(journal, 'Circle', { status: 'focus' });
    const other = await association(journal, 'Guild');
    await event(journal, id, '2025-06-01T18:00:00.000Z'); // after NOW
    await event(journal, other, '2025-05-01T18:00:00.000Z');
    await event(journal, null, '2025-05-02T18:00:00.000Z');
    expect((await call(journal, 'associations.get', { id, now: NOW })).thisQuarter).toMatchObject({ attended: 0, state: 'open' });
  });

  test('behind pace: two-thirds of the quarter gone and the focus has no event', async ({ journal }) => {
    const id = await association(journal, 'Circle', { status: 'focus' });
    expect(await call(journal, 'associations.pace', { now: NOW })).toEqual([]);
    expect(await call(journal, 'associations.pace', { now: LATE })).toMatchObject([{ quarter: '2025-Q2', association: { id, name: 'Circle' }, attended: 0, goal: 1, daysLeft: 11 }]);
    // Only this quarter's events count: one in the last days of the quarter before does not.
    await event(journal, id, '2025-03-28T18:00:00.000Z');
    expect(await call(journal, 'associations.pace', { now: LATE })).toMatchObject([{ quarter: '2025-Q2', attended: 0, goal: 1 }]);
    await event(journal, id, '2025-06-19T18:00:00.000Z');
    expect(await call(journal, 'associations.pace', { now: LATE })).toEqual([]);
  });

  test('changing an event to another kind unlinks it; leaving associationId out of an edit keeps the link', async ({ journal }) => {
    const id = await association(journal, 'Circle');
    const person = await addPerson(journal);
    const eventId = await event(journal, id, '2025-05-01T18:00:00.000Z', { personIds: [person] });
    const base = { id: eventId, occurredAt: '2025-05-01T18:00:00.000Z', title: 'Chapter meeting', personIds: [person] };
    expect((await call(journal, 'interactions.update', { ...base, kind: 'event' })).association).toEqual({ id, name: 'Circle' });
    expect((await call(journal, 'interactions.update', { ...base, kind: 'coffee' })).association).toBeNull();
  });

  test('deleting an association keeps its events, unlinked', async ({ journal }) => {
    const id = await association(journal, 'Circle', { status: 'focus' });
    const eventId = await event(journal, id, '2025-05-01T18:00:00.000Z');
    expect(await call(journal, 'associations.delete', { id })).toEqual({ id, name: 'Circle' });
    expect((await call(journal, 'interactions.get', { id: eventId })).association).toBeNull();
    expect((await call(journal, 'associations.list', { now: NOW })).associations).toEqual([]);
  });
});

describe('validation', () => {
  test('bad input is refused with a readable message, and nothing changes', async ({ journal, journalDb }) => {
    const id = await association(journal, 'Circle');
    const person = await addPerson(journal);
    const before = storedRows(journalDb.raw);
    const cases: [string, unknown, RegExp][] = [
      ['associations.create', { name: ' ', category: 'function' }, /Name is required/],
      ['associations.create', { name: 'X', category: 'hobby' }, /Category must be one of: function, industry, skill, other/],
      ['associations.create', { name: 'X', category: 'skill', myRole: 'king' }, /My role must be one of/],
      ['associations.create', { name: 'X', category: 'skill', renewalOn: '2025-02-30' }, /real calendar days/],
      ['associations.create', { name: 'X', category: 'skill', website: 'not a url' }, /cannot contain spaces/],
      ['associations.create', { name: 'X', category: 'skill', extra: 1 }, /.+/],
      ['associations.update', { id: 999, name: 'X', category: 'skill' }, /no longer exists/],
      ['associations.setStatus', { id, status: 'favourite' }, /Status must be one of: exploring, shortlisted, focus, past/],
      ['associations.setGoal', { id, events: -1 }, /cannot be negative/],
      ['associations.setGoal', { id, events: 1.5 }, /whole number/],
      ['associations.setGoal', { id: 999, events: 1 }, /no longer exists/],
      ['review.quarter', { quarter: '2025-Q5' }, /look like 2025-Q1/],
      ['review.exportMarkdown', { quarter: 'last' }, /look like 2025-Q1/],
      ['interactions.create', { occurredAt: NOW, kind: 'coffee', title: 'Coffee', personIds: [person], associationId: id }, /Only an event/],
      ['interactions.create', { occurredAt: NOW, kind: 'event', title: 'Meetup', personIds: [person], associationId: 999 }, /association no longer exists/],
    ];
    for (const [name, input, message] of cases) {
      const error = await refusal(journal, name, input);
      expect(error.message, name).toMatch(message);
    }
    expect(storedRows(journalDb.raw)).toEqual(before);
  });
});

describe('the quarterly review', () => {
  async function storyline(journal: Journal, journalDb: { raw: import('better-sqlite3-multiple-ciphers').Database }) {
    const circle = await association(journal, 'Product Leaders Circle', { status: 'focus' });
    const guild = await association(journal, 'Design Guild');
    journalDb.raw.exec(`UPDATE attendance_goals SET from_quarter = '2024-Q1' WHERE association_id = ${circle}`);
    const ada = await addPerson(journal, { name: 'Ada', cadenceDays: 30 });
    const bo = await addPerson(journal, { name: 'Bo' });
    // Q1 2025: Ada met at the Circle (new), Bo at a coffee (new), a give, a receive (thanked late? no: not thanked).
    const first = await event(journal, circle, '2025-02-05T18:00:00.000Z', {
      personIds: [ada],
      title: 'Circle roundtable',
      notes: 'TOP SECRET: reorg coming',
      confidential: true,
      exchanges: [{ direction: 'received', kind: 'advice', description: 'Secret reorg advice' }],
    });
    await addInteraction(journal, {
      kind: 'coffee', title: 'Coffee with Bo', occurredAt: '2025-03-03T09:00:00.000Z', personIds: [bo], notes: 'ordinary notes',
      exchanges: [{ direction: 'gave', kind: 'introduction', description: 'Intro to Ada' }, { direction: 'received', kind: 'information', description: 'Salary data' }],
      commitments: [{ direction: 'i-owe', description: 'Send the deck', dueOn: '2025-03-10' }, { direction: 'i-owe', description: 'Review the plan', dueOn: '2025-03-20', status: 'done', doneOn: '2025-03-18' }],
    });
    // Outside the quarter: Q4 2024 and Q2 2025.
    await event(journal, circle, '2024-11-05T18:00:00.000Z', { personIds: [bo] });
    await event(journal, guild, '2025-04-05T18:00:00.000Z', { personIds: [ada] });
    return { circle, guild, ada, bo, first };
  }

  test('a past quarter shows attendance against its goal and the quarter’s relationships', async ({ journal, journalDb }) => {
    const { circle, ada, bo } = await storyline(journal, journalDb);
    const review = await call(journal, 'review.quarter', { quarter: '2025-Q1', now: NOW });
    expect(review).toMatchObject({ quarter: '2025-Q1', current: false, firstDay: '2025-01-01', lastDay: '2025-03-31' });
    expect(review.quarters.slice(0, 3)).toEqual(['2025-Q2', '2025-Q1', '2024-Q4']);
    expect(review.attendance).toEqual([{ association: { id: circle, name: 'Product Leaders Circle' }, status: 'focus', quarter: '2025-Q1', attended: 1, goal: 1, state: 'met' }]);
    const { summary } = review;
    expect(summary).toMatchObject({ interactions: 2, events: 1, peopleSeen: 2, gave: 1, received: 2, asked: 0, theyAsked: 0 });
    // Bo was first met in Q4 2024, so only Ada is new, met at the Circle.
    expect(summary.newPeople).toMatchObject([{ person: { id: ada, name: 'Ada' }, association: { id: circle, name: 'Product Leaders Circle' } }]);
    expect(summary.thanksOwed.map((item) => item.exchange.description).sort()).toEqual(['Salary data', 'Secret reorg advice']);
    expect(summary.commitments.kept.map((c) => c.description)).toEqual(['Review the plan']);
    expect(summary.commitments.missed.map((c) => c.description)).toEqual(['Send the deck']);
    // At the quarter's end Ada (every 30 days) was last seen 5 February: overdue.
    expect(summary.overdue.map((item) => item.person.id)).toEqual([ada]);
    expect(summary.overdue.map((item) => item.person.id)).not.toContain(bo);
    // The heatmap: eight quarters ending with Q1 2025, the Circle met in Q4 2024 and Q1 2025 (goal from 2024-Q1).
    expect(review.heatmap.quarters).toEqual(['2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1']);
    expect(review.heatmap.rows.find((row) => row.association.id === circle)?.cells.map((cell) => cell.state)).toEqual([
      'none', 'none', 'none', 'missed', 'missed', 'missed', 'met', 'met',
    ]);
  });

  test('the Markdown export never includes notes or what was logged inside a confidential entry', async ({ journal, journalDb }) => {
    await storyline(journal, journalDb);
    const { filename, markdown } = await call(journal, 'review.exportMarkdown', { quarter: '2025-Q1', now: NOW });
    expect(filename).toBe('confidant-review-2025-Q1.md');
    expect(markdown).toContain('# Quarterly review: Q1 2025');
    expect(markdown).toContain('| Product Leaders Circle | focus | 1 | 1 | Met |');
    expect(markdown).toContain('Ada, at Product Leaders Circle');
    expect(markdown).toContain('Salary data');
    expect(markdown).toContain('(from a confidential entry)');
    expect(markdown).toContain('Missed: Send the deck, for Bo');
    for (const secret of ['TOP SECRET', 'reorg', 'ordinary notes']) expect(markdown).not.toContain(secret);
  });

  test('user text cannot become Markdown structure', async ({ journal }) => {
    await association(journal, 'A | B <script>', { status: 'focus' });
    const { markdown } = await call(journal, 'review.exportMarkdown', { now: NOW });
    expect(markdown).toContain('A \\| B \\<script\\>');
  });

  test('an empty journal has an empty review for the current quarter', async ({ journal }) => {
    const review = await call(journal, 'review.quarter', { now: NOW });
    expect(review).toMatchObject({ quarter: '2025-Q2', current: true, quarters: ['2025-Q2'], attendance: [], heatmap: { rows: [] } });
    expect(review.summary).toMatchObject({ interactions: 0, newPeople: [], thanksOwed: [], overdue: [] });
  });
});
