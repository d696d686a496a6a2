// "When" typed in words in the log form: read against a fixed now, by lib/when.ts (its own chunk).
import { describe, expect, test } from 'vitest';
import { toLocalInput } from '../../src-renderer/src/lib/format.js';
import { parseWhen } from '../../src-renderer/src/lib/when.js';

// Wednesday 2 December 2026, 10:00 local time.
const now = new Date(2026, 11, 2, 10, 0);
const read = (text: string, locale = 'en-GB') => {
  const date = parseWhen(text, now, locale);
  return date ? toLocalInput(date) : null;
};

describe('a moment typed in words', () => {
  test('a day and a time', () => {
    expect(read('yesterday 3pm')).toBe('2026-12-01T15:00');
    expect(read('Yesterday at 15:30')).toBe('2026-12-01T15:30');
    expect(read('today 9:15')).toBe('2026-12-02T09:15');
    expect(read('3pm')).toBe('2026-12-02T15:00');
  });

  test('a weekday is the latest one, since a journal looks back; "next" looks ahead', () => {
    expect(read('tue 9:30')).toBe('2026-12-01T09:30');
    expect(read('monday 14:00')).toBe('2026-11-30T14:00');
    // Friday is two days ahead of this Wednesday: alone it means last week's.
    expect(read('friday 11am')).toBe('2026-11-27T11:00');
    expect(read('next friday 11am')).toBe('2026-12-11T11:00');
    // The weekday of today is today.
    expect(read('wednesday 8:00')).toBe('2026-12-02T08:00');
  });

  test('time ago', () => {
    expect(read('2 days ago')).toBe('2026-11-30T10:00');
    expect(read('an hour ago')).toBe('2026-12-02T09:00');
    expect(read('3 weeks ago')).toBe('2026-11-11T10:00');
  });

  test('a date, day-first unless the locale is en-US', () => {
    expect(read('3 Nov 14:00')).toBe('2026-11-03T14:00');
    expect(read('3/11 14:00')).toBe('2026-11-03T14:00');
    expect(read('11/3 14:00', 'en-US')).toBe('2026-11-03T14:00');
  });

  test('nothing but a whole date is a date', () => {
    expect(read('')).toBeNull();
    expect(read('   ')).toBeNull();
    expect(read('coffee')).toBeNull();
    expect(read('coffee yesterday')).toBeNull();
    expect(read('yesterday with Grace')).toBeNull();
  });
});
