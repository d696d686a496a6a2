import { format, parseISO } from 'date-fns';

// "Today" is a local calendar day and "now" an instant; both can be passed in so tests ask about any day.
export interface AsOf {
  today: string;
  now: string;
}

export function asOf(input: { today?: string | null | undefined; now?: string | null | undefined } = {}): AsOf {
  const now = input.now ?? new Date().toISOString();
  return { now, today: input.today ?? localDay(now) };
}

/** The local calendar day an instant falls on. */
export function localDay(iso: string): string {
  // By hand, not date-fns' format: every save asks, and format's token parsing was 0.15 ms of a 1 ms log.
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid time value');
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/** A calendar day as local midnight. */
export function dayDate(day: string): Date {
  return parseISO(day);
}

export function daysBefore(iso: string, days: number): string {
  return new Date(new Date(iso).getTime() - days * 86_400_000).toISOString();
}
