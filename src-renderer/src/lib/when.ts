// The log form's "when" in words, apart from lib/format.ts: chrono-node (about 94 kB) is fetched only when
// the form asks for it (log/LogForm.svelte), not with the window's first bundle (#11).
import { GB as dayFirstWords, casual as monthFirstWords } from 'chrono-node/en';
import { addDays, differenceInCalendarDays } from 'date-fns';

/**
 * A moment typed in words, as after a meeting: "yesterday 3pm", "tue 9:30", "2 days ago", "3 Dec 14:00",
 * read against `now` by chrono-node (English words; "3/12" day-first unless the locale is en-US). Null
 * unless the whole text is one date, so "coffee" or a typo never becomes a date by a stray word in it. A
 * weekday alone is the latest one, since a journal looks back: "friday" said on a Wednesday is two days
 * ago, unless "next" or "this" says otherwise.
 */
export function parseWhen(text: string, now = new Date(), locale = typeof navigator === 'undefined' ? 'en-GB' : navigator.language): Date | null {
  const words = text.trim();
  if (!words) return null;
  const parser = /^en-US$/i.test(locale) ? monthFirstWords : dayFirstWords;
  const result = parser.parse(words, now, { forwardDate: false })[0];
  if (!result || result.index !== 0 || result.text.length !== words.length) return null;
  let date = result.start.date();
  const weekdayOnly = result.start.isCertain('weekday') && !result.start.isCertain('day');
  if (weekdayOnly && differenceInCalendarDays(date, now) > 0 && !/\b(next|this|coming)\b/i.test(words)) date = addDays(date, -7);
  return Number.isNaN(date.getTime()) ? null : date;
}
