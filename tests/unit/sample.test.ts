import type { TimelineEntry, TimelinePage } from '../../src-main/contract/contract.js';
import { loadSample } from '../../src-main/core/sample/sample.js';
import { addPerson, call, describe, expect, readSampleFile, refusal, storedRows, test } from './helpers.js';

// The sample file grows as it is written, so counts come from the file itself.
describe('the sample journal', () => {
  test('loads every person and interaction into an empty journal', async ({ journal }) => {
    const sample = readSampleFile();

    const info = await call(journal, 'journal.loadSample');

    expect(info).toMatchObject({ people: sample.people.length, interactions: sample.interactions.length });
    expect(await call(journal, 'journal.info')).toEqual(info);
    const names = (await call(journal, 'people.list')).map((person) => person.name).sort();
    expect(names).toEqual(sample.people.map((person) => person.name.trim()).sort());
  });

  test('keeps confidential sample notes out of the timeline', async ({ journal }) => {
    const sample = readSampleFile();
    await call(journal, 'journal.loadSample');

    const entries: TimelineEntry[] = [];
    let after: string | null = null;
    do {
      const page: TimelinePage = await call(journal, 'interactions.timeline', { limit: 200, after });
      entries.push(...page.entries);
      after = page.next;
    } while (after);

    expect(entries).toHaveLength(sample.interactions.length);
    const confidential = entries.filter((entry) => entry.confidential);
    expect(confidential).toHaveLength(sample.interactions.filter((entry) => entry.confidential).length);
    expect(confidential.every((entry) => entry.excerpt === null)).toBe(true);
  });

  test('is refused, changing nothing, once the journal has people', async ({ journal, journalDb }) => {
    await addPerson(journal, { name: 'Someone real' });
    const before = storedRows(journalDb.raw);

    const error = await refusal(journal, 'journal.loadSample', undefined);

    expect(error).toMatchObject({ code: 'conflict', message: expect.stringContaining('empty journal') });
    expect(storedRows(journalDb.raw)).toEqual(before);
  });

  test('cannot be loaded twice', async ({ journal, journalDb }) => {
    await call(journal, 'journal.loadSample');
    const before = storedRows(journalDb.raw);

    expect(await refusal(journal, 'journal.loadSample', undefined)).toMatchObject({ code: 'conflict' });
    expect(storedRows(journalDb.raw)).toEqual(before);
  });
});

describe('the sample journal rebased to the day it is loaded', () => {
  test('keeps working entries on weekdays and nothing in the future', async ({ journalDb }) => {
    const { loadSample } = await import('../../src-main/core/sample/sample.js');
    const today = new Date(2026, 10, 23, 9, 30); // a Monday morning, local time
    await loadSample(journalDb.db, readSampleFile(), today);

    const rows = await journalDb.db.selectFrom('interactions').select(['occurred_at', 'kind']).execute();
    expect(rows.length).toBe(readSampleFile().interactions.length);
    const workKinds = new Set(['meeting', 'call', 'coffee', 'email', 'other']);
    const onWeekends = rows.filter((row) => workKinds.has(row.kind) && [0, 6].includes(new Date(row.occurred_at).getDay()));
    expect(onWeekends).toEqual([]);
    const latest = rows.map((row) => row.occurred_at).sort().at(-1)!;
    expect(new Date(latest).getTime()).toBeLessThan(new Date(2026, 10, 23).getTime());
  });
});

describe('the sample journal’s give and take', () => {
  test('fills the ledger and every queue on first run', async ({ journal }) => {
    await call(journal, 'journal.loadSample');
    const ledger = await call(journal, 'reciprocity.ledger', {});
    expect(ledger.rows.length).toBeGreaterThan(10);
    expect(ledger.totals.gave).toBeGreaterThan(0);
    expect(ledger.totals.received).toBeGreaterThan(0);
    const queues = await call(journal, 'reciprocity.queues');
    expect(queues.giveFirst.length).toBeGreaterThan(0);
    expect(queues.thanksOwed.some((item) => item.late)).toBe(true);
    expect(queues.commitments.iOwe.some((item) => item.overdue)).toBe(true);
    expect(queues.commitments.owedToMe.length).toBeGreaterThan(0);
    expect(queues.commitments.followThrough.some((quarter) => quarter.rate !== null)).toBe(true);
    expect(queues.keepInTouch.pastCadence.length).toBeGreaterThan(0);
    expect(queues.keepInTouch.onlyAsks.length).toBeGreaterThan(0);
  });

  test('a sample file written before reciprocity (no give-and-take arrays) still loads', async ({ journal, journalDb }) => {
    const { exchanges: _e, asks: _a, commitments: _c, associations: _s, ...older } = readSampleFile() as ReturnType<typeof readSampleFile> & Record<string, unknown>;
    expect(Object.keys(older)).toEqual(['version', 'people', 'interactions']);
    await loadSample(journalDb.db, older);
    expect((await call(journal, 'journal.info')).people).toBe(older.people.length);
    expect((await call(journal, 'reciprocity.ledger', {})).rows).toEqual([]);
  });

  test('has associations with two years of history: the Circle is the focus and its events are linked', async ({ journal }) => {
    await call(journal, 'journal.loadSample');
    const overview = await call(journal, 'associations.list');
    expect(overview.associations.map((a) => [a.name, a.status])).toEqual([
      ['Digital Health Product Guild', 'past'],
      ['Health Data Leaders Forum', 'exploring'],
      ['Product Leaders Circle', 'focus'],
      ['Women in Product', 'shortlisted'],
    ]);
    const circle = overview.associations.find((a) => a.name === 'Product Leaders Circle')!;
    expect(circle.events).toBe(9);
    const detail = await call(journal, 'associations.get', { id: circle.id });
    expect(detail.goals).toHaveLength(1);
    expect(detail.strip.filter((cell) => cell.state === 'met').length).toBeGreaterThanOrEqual(4);
    expect(detail.people.map((met) => met.person.name)).toContain('Ravi Subramaniam');
    const review = await call(journal, 'review.quarter', { quarter: detail.strip.at(-2)!.quarter });
    expect(review.heatmap.rows.length).toBeGreaterThanOrEqual(2);
    expect(review.summary.interactions).toBeGreaterThan(10);
  });

  test('a sample file written before associations still loads, with none', async ({ journal, journalDb }) => {
    const { associations: _s, ...older } = readSampleFile() as ReturnType<typeof readSampleFile> & Record<string, unknown>;
    await loadSample(journalDb.db, older);
    expect((await call(journal, 'associations.list')).associations).toEqual([]);
  });
});
