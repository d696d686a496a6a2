import { format, parseISO } from 'date-fns';

// "Today" is a local calendar day and "now" an instant; both can be passed in so tests ask about any day.
export interface AsOf {
  today: string;
  now: string;
}

export function asOf(input: { today?: string | null | undefined; now?: string | null | undefined } = {}): AsOf {
  const now = input.now ?? new Date().toISOString();
  return { now, today: input.today ?? format(new Date(now), 'yyyy-MM-dd') };
}

/** The local calendar day an instant falls on. */
export function localDay(iso: string): string {
  return format(new Date(iso), 'yyyy-MM-dd');
}

/** A calendar day as local midnight. */
export function dayDate(day: string): Date {
  return parseISO(day);
}

export function daysBefore(iso: string, days: number): string {
  return new Date(new Date(iso).getTime() - days * 86_400_000).toISOString();
}
