import { differenceInCalendarDays, format, isSameYear, parseISO } from 'date-fns';
import type { InteractionKind } from '../../../src-main/contract/contract';

export const kindLabels: Record<InteractionKind, string> = {
  meeting: 'Meeting',
  call: 'Call',
  coffee: 'Coffee',
  meal: 'Meal',
  event: 'Event',
  message: 'Message',
  email: 'Email',
  other: 'Other',
};

/** Local calendar day key, for grouping a timeline by day (a key, never shown). */
export function dayKey(iso: string): string {
  return format(new Date(iso), 'yyyy-MM-dd');
}

// One date and time voice for every screen. Every date or time a person reads is written here, by
// Intl.DateTimeFormat in the system's locale (Electron's renderer reports the OS locale), so day-month
// order, month names and the 12- or 24-hour clock follow the user's settings, the same way the native
// date fields do. `locale` is for tests; the app passes nothing.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let made = formats.get(key);
  if (!made) formats.set(key, (made = new Intl.DateTimeFormat(locale, options)));
  return made;
}
const asDate = (value: string | Date): Date => (typeof value === 'string' ? (/^\d{4}-\d{2}-\d{2}$/.test(value) ? parseISO(value) : new Date(value)) : value);

/** A date-only value ('2026-03-03') is a local day; anything else is an instant. */
export type DateInput = string | Date;

/** "14:05" or "2:05 PM", as the locale's clock reads. */
export function timeLabel(value: DateInput, locale?: string): string {
  return formatter(locale, { hour: 'numeric', minute: '2-digit' }).format(asDate(value));
}

/**
 * "3 Mar", "Mar 3", "3. März"; with the year when it is not this year: the short date of lists. `now` null
 * always gives the year, for lists that mix years (search results), so their dates read alike.
 */
export function dateLabel(value: DateInput, now: Date | null = new Date(), locale?: string): string {
  const date = asDate(value);
  const options: Intl.DateTimeFormatOptions = now && isSameYear(date, now) ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' };
  return formatter(locale, options).format(date);
}

/** "3 March 2026", "March 3, 2026": a date in a sentence, always with its year. */
export function longDateLabel(value: DateInput, locale?: string): string {
  return formatter(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(asDate(value));
}

/** "Tuesday 3 March 2026": a day in a question, where nothing may be misread. */
export function fullDateLabel(value: DateInput, locale?: string): string {
  return formatter(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(asDate(value));
}

/** "3 March" / "March 3": beside a relative day label. */
export function dayMonthLabel(value: DateInput, locale?: string): string {
  return formatter(locale, { day: 'numeric', month: 'long' }).format(asDate(value));
}

/** "Mar 2026": a month in a chart. */
export function monthLabel(value: DateInput, locale?: string): string {
  return formatter(locale, { month: 'short', year: 'numeric' }).format(asDate(value));
}

/** "3 Mar 2026, 14:05" / "Mar 3, 2026, 2:05 PM": a moment with its date. */
export function dateTimeLabel(value: DateInput, locale?: string): string {
  return formatter(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' }).format(asDate(value));
}

/** The twelve month names, January first, for pickers. */
export function monthNames(locale?: string): string[] {
  const months = formatter(locale, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, index) => months.format(new Date(Date.UTC(2024, index, 15))));
}

/** "Today", "Yesterday", "Monday", then "Tuesday 3 March", "Tuesday 3 March 2024" (in the locale's order). */
export function dayLabel(value: DateInput, now = new Date(), locale?: string): string {
  const date = asDate(value);
  const days = differenceInCalendarDays(now, date);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  if (days > 1 && days < 7) return formatter(locale, { weekday: 'long' }).format(date);
  const options: Intl.DateTimeFormatOptions = isSameYear(date, now)
    ? { weekday: 'long', day: 'numeric', month: 'long' }
    : { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
  return formatter(locale, options).format(date);
}

/**
 * A timeline day's header, in the same two parts for every day: the day in words ("Today", "Yesterday",
 * the weekday) and its date ("November 29"; with the year when not this year), so a day last week reads
 * like one this week.
 */
export function dayHeading(value: DateInput, now = new Date(), locale?: string): { day: string; date: string } {
  const date = asDate(value);
  const days = differenceInCalendarDays(now, date);
  const day = days === 0 ? 'Today' : days === 1 ? 'Yesterday' : formatter(locale, { weekday: 'long' }).format(date);
  return { day, date: isSameYear(date, now) ? dayMonthLabel(date, locale) : longDateLabel(date, locale) };
}

/** "3 days ago", "5 months ago", for last-contact columns. */
export function sinceLabel(iso: string | null, now = new Date()): string {
  if (!iso) return 'Never';
  const days = differenceInCalendarDays(now, new Date(iso));
  if (days <= 0) return 'Today';
  if (days === 1) return 'Yesterday';
  if (days < 30) return `${days} days ago`;
  const months = Math.round(days / 30.4);
  if (months < 12) return `${months} month${months === 1 ? '' : 's'} ago`;
  const years = Math.round(days / 365);
  return `${years} year${years === 1 ? '' : 's'} ago`;
}

/** Value for <input type="datetime-local"> in local time. */
export function toLocalInput(date: Date): string {
  return format(date, "yyyy-MM-dd'T'HH:mm");
}

export function fromLocalInput(value: string): string | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
export const modKey = isMac ? '⌘' : 'Ctrl';

/** "1 day", "12 days". */
export function daysLabel(days: number): string {
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** A keep-in-touch cadence: "every day", "every 30 days". */
export function cadenceLabel(days: number): string {
  return days === 1 ? 'every day' : `every ${days} days`;
}

/**
 * Where someone stands against a keep-in-touch cadence: days until the next contact is due (negative
 * when overdue), or null when there is no cadence. Someone never contacted is due today.
 */
export function daysUntilDue(cadenceDays: number | null, lastIso: string | null, now = new Date()): number | null {
  if (cadenceDays === null) return null;
  if (!lastIso) return 0;
  return cadenceDays - differenceInCalendarDays(now, new Date(lastIso));
}

const HONORIFIC = /^(dr|mr|mrs|ms|mx|prof|sir|dame)\.?$/i;

/** "Ana Ruiz" → "AR"; "Dr. Maya Lindqvist" → "ML": the avatar's letters. */
export function initials(name: string): string {
  const parts = name.split(/\s+/).filter(Boolean);
  const named = parts.filter((part) => !HONORIFIC.test(part));
  return (named.length > 0 ? named : parts)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');
}

/**
 * The question to ask before saving an entry dated more than a day and a half ahead, or null when the
 * date is close enough. Planned meetings are real, but a mistyped year is commoner.
 */
export function farAheadQuestion(iso: string, now = new Date(), locale?: string): { title: string; message: string; confirm: string } | null {
  const date = new Date(iso);
  if (date.getTime() - now.getTime() <= 36 * 3_600_000) return null;
  const days = differenceInCalendarDays(date, now);
  const distance = days < 60 ? `${days} days from now` : days < 730 ? `${Math.round(days / 30.4)} months from now` : `${Math.round(days / 365)} years from now`;
  const when = fullDateLabel(date, locale);
  return {
    title: 'Save an entry dated in the future?',
    message: `This entry is dated ${when}, ${distance}. If it is a planned meeting, save it; if the date is a slip, go back and correct it.`,
    confirm: `Save for ${longDateLabel(date, locale)}`,
  };
}

/**
 * Makes the formats the timeline opens with, and a number format, ahead of need: a locale's first Intl
 * format loads its data and took over 15 ms, inside the task that drew the first entries (#11). main.ts
 * calls this in a task of its own while the journal's first answer is on its way.
 */
export function warmFormats(): void {
  const now = new Date();
  (0).toLocaleString();
  timeLabel(now);
  dayHeading(new Date(now.getTime() - 3 * 86_400_000), now);
  dayHeading(new Date(now.getFullYear() - 1, 0, 1), now);
}
