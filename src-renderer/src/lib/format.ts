import { differenceInCalendarDays, format, isSameYear } from 'date-fns';
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

/** Local calendar day key, for grouping a timeline by day. */
export function dayKey(iso: string): string {
  return format(new Date(iso), 'yyyy-MM-dd');
}

/** "Today", "Yesterday", "Monday", "Tue 3 Mar", "3 Mar 2024". */
export function dayLabel(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const days = differenceInCalendarDays(now, date);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  if (days > 1 && days < 7) return format(date, 'EEEE');
  return isSameYear(date, now) ? format(date, 'EEEE d MMMM') : format(date, 'EEEE d MMMM yyyy');
}

export function timeLabel(iso: string): string {
  return format(new Date(iso), 'HH:mm');
}

export function dateLabel(iso: string, now = new Date()): string {
  const date = new Date(iso);
  return isSameYear(date, now) ? format(date, 'd MMM') : format(date, 'd MMM yyyy');
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
export function farAheadQuestion(iso: string, now = new Date()): { title: string; message: string; confirm: string } | null {
  const date = new Date(iso);
  if (date.getTime() - now.getTime() <= 36 * 3_600_000) return null;
  const days = differenceInCalendarDays(date, now);
  const distance = days < 60 ? `${days} days from now` : days < 730 ? `${Math.round(days / 30.4)} months from now` : `${Math.round(days / 365)} years from now`;
  const when = format(date, 'EEEE d MMMM yyyy');
  return {
    title: 'Save an entry dated in the future?',
    message: `This entry is dated ${when}, ${distance}. If it is a planned meeting, save it; if the date is a slip, go back and correct it.`,
    confirm: `Save for ${format(date, 'd MMMM yyyy')}`,
  };
}
