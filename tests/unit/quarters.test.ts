// Quarter arithmetic in local time. The zone is set before any Date is made, so these run the same on
// every machine: New York has a daylight-saving change in March and November, and a year end.
process.env.TZ = 'America/New_York';

import { describe, expect, test } from 'vitest';
import { quarterElapsed, quarterLabel, quarterOf, quarterOfDay, quarterRange, quartersBetween, shiftQuarter } from '../../src-main/core/quarters.js';

describe('quarters in local time (America/New_York)', () => {
  test('the zone is in effect', () => {
    expect(new Date('2025-01-15T12:00:00Z').getTimezoneOffset()).toBe(300);
    expect(new Date('2025-07-15T12:00:00Z').getTimezoneOffset()).toBe(240);
  });

  test('the last day of a quarter, up to the last millisecond before local midnight, is in it', () => {
    // 31 March 23:59 in New York (EDT, UTC−4) is already 1 April in UTC.
    expect(quarterOf('2025-04-01T03:59:00.000Z')).toBe('2025-Q1');
    expect(quarterOf('2025-04-01T03:59:59.999Z')).toBe('2025-Q1');
    // Local midnight on 1 April starts Q2.
    expect(quarterOf('2025-04-01T04:00:00.000Z')).toBe('2025-Q2');
    expect(quarterOf('2025-06-30T23:00:00.000Z')).toBe('2025-Q2');
    expect(quarterOf('2025-10-01T03:59:59.999Z')).toBe('2025-Q3');
  });

  test('year ends: New Year’s Eve late at night is Q4; local midnight is Q1 of the next year', () => {
    // EST, UTC−5.
    expect(quarterOf('2026-01-01T04:59:59.999Z')).toBe('2025-Q4');
    expect(quarterOf('2026-01-01T05:00:00.000Z')).toBe('2026-Q1');
    expect(shiftQuarter('2025-Q4', 1)).toBe('2026-Q1');
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftQuarter('2025-Q3', -8)).toBe('2023-Q3');
    expect(quartersBetween('2025-Q3', '2026-Q2')).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(quartersBetween('2026-Q2', '2025-Q3')).toEqual([]);
  });

  test('ranges are local midnights, whatever the offset on each end (DST starts inside Q1, ends inside Q4)', () => {
    // Q1 2025 starts in EST (UTC−5) and Q2 starts in EDT (UTC−4): the range is not a whole number of UTC days.
    expect(quarterRange('2025-Q1')).toEqual({
      quarter: '2025-Q1',
      since: '2025-01-01T05:00:00.000Z',
      until: '2025-04-01T04:00:00.000Z',
      firstDay: '2025-01-01',
      lastDay: '2025-03-31',
    });
    expect(quarterRange('2025-Q4')).toMatchObject({ since: '2025-10-01T04:00:00.000Z', until: '2026-01-01T05:00:00.000Z', lastDay: '2025-12-31' });
    expect(quarterRange('2024-Q1').lastDay).toBe('2024-03-31');
  });

  test('around the daylight-saving changes, instants stay in their quarter', () => {
    // Spring forward: 9 March 2025, 02:00 EST → 03:00 EDT.
    expect(quarterOf('2025-03-09T06:59:00.000Z')).toBe('2025-Q1');
    expect(quarterOf('2025-03-09T07:01:00.000Z')).toBe('2025-Q1');
    // Fall back: 2 November 2025, the 01:00–02:00 hour happens twice.
    expect(quarterOf('2025-11-02T05:30:00.000Z')).toBe('2025-Q4');
    expect(quarterOf('2025-11-02T06:30:00.000Z')).toBe('2025-Q4');
  });

  test('calendar days need no zone', () => {
    expect(quarterOfDay('2025-03-31')).toBe('2025-Q1');
    expect(quarterOfDay('2025-04-01')).toBe('2025-Q2');
    expect(quarterOfDay('2025-12-31')).toBe('2025-Q4');
    expect(quarterLabel('2025-Q3')).toBe('Q3 2025');
  });

  test('how much of the quarter has gone', () => {
    expect(quarterElapsed('2025-01-01T05:00:00.000Z')).toMatchObject({ quarter: '2025-Q1', elapsed: 0, daysLeft: 90 });
    const late = quarterElapsed('2025-03-15T16:00:00.000Z');
    expect(late.quarter).toBe('2025-Q1');
    expect(late.elapsed).toBeGreaterThan(2 / 3);
    expect(late.daysLeft).toBe(17);
  });
});

describe('quarters in a zone east of UTC', () => {
  test('Tokyo’s New Year arrives while UTC is still in December', () => {
    process.env.TZ = 'Asia/Tokyo';
    try {
      expect(quarterOf('2025-12-31T15:00:00.000Z')).toBe('2026-Q1');
      expect(quarterOf('2025-12-31T14:59:59.999Z')).toBe('2025-Q4');
      expect(quarterRange('2026-Q1').since).toBe('2025-12-31T15:00:00.000Z');
    } finally {
      process.env.TZ = 'America/New_York';
    }
  });
});
