// One date and time voice: every label follows the locale it is given (the system's, in the app), its
// day-month order, month names and 12- or 24-hour clock.
import { describe, expect, test } from 'vitest';
import {
  dateLabel,
  dateTimeLabel,
  dayHeading,
  dayLabel,
  dayMonthLabel,
  farAheadQuestion,
  fullDateLabel,
  longDateLabel,
  monthLabel,
  monthNames,
  timeLabel,
} from '../../src-renderer/src/lib/format.js';
import { birthdayLabel } from '../../src-renderer/src/people/contact.js';
import { dueLabel } from '../../src-renderer/src/reciprocity/words.js';

// Intl may put a narrow no-break space before AM/PM and a no-break space in dates: compare plain spaces.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
const afternoon = new Date(2026, 2, 3, 14, 5); // Tuesday 3 March 2026, 14:05 local
const now = new Date(2026, 5, 10, 9, 0);

describe.each([
  ['en-US', '2:05 PM', 'Mar 3', 'Mar 3, 2025', 'March 3, 2026', 'Tuesday, March 3, 2026', 'March 3', 'Mar 2026', 'Mar 3, 2026, 2:05 PM', 'Tuesday, March 3'],
  ['en-GB', '14:05', '3 Mar', '3 Mar 2025', '3 March 2026', 'Tuesday, 3 March 2026', '3 March', 'Mar 2026', '3 Mar 2026, 14:05', 'Tuesday 3 March'],
  ['de-DE', '14:05', '3. März', '3. März 2025', '3. März 2026', 'Dienstag, 3. März 2026', '3. März', 'März 2026', '3. März 2026, 14:05', 'Dienstag, 3. März'],
])('%s', (locale, time, short, shortOtherYear, long, full, dayMonth, month, dateTime, weekdayThisYear) => {
  test('times follow the locale clock, 12-hour or 24-hour', () => {
    expect(plain(timeLabel(afternoon, locale))).toBe(time);
    expect(plain(timeLabel(afternoon.toISOString(), locale))).toBe(time);
  });

  test('short dates leave out this year and keep other years; null always keeps it', () => {
    expect(plain(dateLabel(afternoon, now, locale))).toBe(short);
    expect(plain(dateLabel(new Date(2025, 2, 3), now, locale))).toBe(shortOtherYear);
    expect(plain(dateLabel(afternoon, null, locale))).toContain('2026');
  });

  test('long, full, day-month, month and date-time labels', () => {
    expect(plain(longDateLabel(afternoon, locale))).toBe(long);
    expect(plain(fullDateLabel(afternoon, locale))).toBe(full);
    expect(plain(dayMonthLabel(afternoon, locale))).toBe(dayMonth);
    expect(plain(monthLabel('2026-03-01', locale))).toBe(month);
    expect(plain(dateTimeLabel(afternoon, locale))).toBe(dateTime);
  });

  test('a date-only value is that local day, not the UTC midnight before it', () => {
    expect(plain(longDateLabel('2026-03-03', locale))).toBe(long);
  });

  test('relative days, then the weekday and date in the locale order', () => {
    expect(dayLabel(now, now, locale)).toBe('Today');
    expect(dayLabel(new Date(2026, 5, 9), now, locale)).toBe('Yesterday');
    expect(plain(dayLabel(afternoon, now, locale))).toBe(weekdayThisYear);
    expect(plain(dayLabel(new Date(2025, 2, 3), now, locale))).toContain('2025');
  });

  test('every timeline day is headed alike: the day in words, then its date', () => {
    expect(dayHeading(now, now, locale)).toEqual({ day: 'Today', date: dayMonthLabel(now, locale) });
    expect(dayHeading(new Date(2026, 5, 9), now, locale).day).toBe('Yesterday');
    // Last week and three months back: the weekday, then the date, as on a day this week.
    const weekday = (date: Date) => new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(date);
    for (const day of [new Date(2026, 5, 6), afternoon]) expect(dayHeading(day, now, locale)).toEqual({ day: weekday(day), date: dayMonthLabel(day, locale) });
    const lastYear = new Date(2025, 2, 3);
    expect(dayHeading(lastYear, now, locale)).toEqual({ day: weekday(lastYear), date: longDateLabel(lastYear, locale) });
  });

  test('the far-future question names the day in the same voice', () => {
    const ahead = farAheadQuestion(new Date(2150, 5, 1, 12).toISOString(), now, locale)!;
    expect(plain(ahead.confirm)).toBe(`Save for ${plain(longDateLabel(new Date(2150, 5, 1), locale))}`);
  });
});

test('month names come from the locale', () => {
  expect(monthNames('en-GB')[0]).toBe('January');
  expect(monthNames('de-DE')[2]).toBe('März');
  expect(monthNames('de-DE')).toHaveLength(12);
});

test('a birthday and a due date are written by the same module', () => {
  expect(birthdayLabel('1980-03-22')).toBe(longDateLabel('1980-03-22'));
  expect(birthdayLabel('--02-29')).toBe(dayMonthLabel('2000-02-29'));
  expect(dueLabel('2026-09-01', '2026-06-10')).toBe(`Due ${dateLabel('2026-09-01', new Date(2026, 5, 10))}`);
});

describe('localDay, the local calendar day of an instant', () => {
  test('is date-fns’ yyyy-MM-dd for instants across years, month ends and clock changes', async () => {
    const { format } = await import('date-fns');
    const { localDay } = await import('../../src-main/core/reciprocity/clock.js');
    const instants = ['0099-12-31T23:30:00.000Z', '1999-12-31T23:59:59.999Z', '2024-02-29T00:00:00.000Z', '2026-03-29T00:30:00.000Z', '2026-10-25T01:30:00.000Z'];
    // One instant every 7 hours 13 minutes for 20 years: every hour of the day, every month end, every DST change.
    for (let at = Date.UTC(2015, 0, 1); at < Date.UTC(2035, 0, 1); at += 26_000_000) instants.push(new Date(at).toISOString());
    for (const iso of instants) expect(localDay(iso), iso).toBe(format(new Date(iso), 'yyyy-MM-dd'));
  });

  test('refuses what is not an instant, as format did', async () => {
    const { localDay } = await import('../../src-main/core/reciprocity/clock.js');
    expect(() => localDay('not a date')).toThrow(RangeError);
  });
});
