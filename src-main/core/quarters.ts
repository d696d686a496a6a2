import { addQuarters, format, startOfQuarter } from 'date-fns';

// Calendar quarters in the user's local time zone (the process's zone, which the app shares with the
// user). A quarter is named '2025-Q1'; its range is [local midnight on its first day, local midnight on
// the next quarter's first day), as UTC instants, so it compares directly with stored occurred_at text.

export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

export interface QuarterRange {
  quarter: string;
  /** Inclusive UTC instant. */
  since: string;
  /** Exclusive UTC instant. */
  until: string;
  /** Local calendar days, 'YYYY-MM-DD', first and last (inclusive). */
  firstDay: string;
  lastDay: string;
}

/** The local quarter an instant falls in. */
export function quarterOf(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return `${date.getFullYear()}-Q${Math.floor(date.getMonth() / 3) + 1}`;
}

/** The quarter a calendar day ('YYYY-MM-DD') falls in; no zone involved. */
export function quarterOfDay(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

function start(quarter: string): Date {
  const match = QUARTER_PATTERN.exec(quarter);
  if (!match) throw new RangeError(`Not a quarter: ${quarter}`);
  // new Date(y, m, 1) is local midnight, whatever the offset that day (DST never moves midnight here:
  // every zone that shifts does so at night, and the Date constructor resolves gaps forward).
  return new Date(Number(match[1]), (Number(match[2]) - 1) * 3, 1);
}

export function shiftQuarter(quarter: string, by: number): string {
  return quarterOf(addQuarters(start(quarter), by));
}

export function quarterRange(quarter: string): QuarterRange {
  const first = start(quarter);
  const next = addQuarters(first, 1);
  const last = new Date(next.getFullYear(), next.getMonth(), 0);
  return {
    quarter,
    since: first.toISOString(),
    until: next.toISOString(),
    firstDay: format(first, 'yyyy-MM-dd'),
    lastDay: format(last, 'yyyy-MM-dd'),
  };
}

/** Quarters from `from` to `to`, both included, oldest first; empty when `from` is after `to`. */
export function quartersBetween(from: string, to: string, max = 400): string[] {
  const quarters: string[] = [];
  for (let quarter = from; quarter <= to && quarters.length < max; quarter = shiftQuarter(quarter, 1)) quarters.push(quarter);
  return quarters;
}

/** How much of the quarter has passed at `instant`, 0 to 1, by elapsed time. */
export function quarterElapsed(instant: string): { quarter: string; elapsed: number; daysLeft: number } {
  const date = new Date(instant);
  const quarter = quarterOf(date);
  const first = startOfQuarter(date);
  const next = addQuarters(first, 1);
  const elapsed = (date.getTime() - first.getTime()) / (next.getTime() - first.getTime());
  const daysLeft = Math.max(0, Math.ceil((next.getTime() - date.getTime()) / 86_400_000));
  return { quarter, elapsed, daysLeft };
}

/** 'Q1 2025', as people say it. */
export function quarterLabel(quarter: string): string {
  return `${quarter.slice(5)} ${quarter.slice(0, 4)}`;
}
