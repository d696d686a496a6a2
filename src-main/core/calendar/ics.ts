import ICAL from 'ical.js';
import { findIana } from 'windows-iana';

// Reads an iCalendar (.ics) export into concrete meetings: each recurring event expanded into its
// occurrences (RRULE, RDATE, EXDATE and RECURRENCE-ID overrides, all by ical.js), every start and end
// as a UTC instant. Nothing here touches the journal or the network; it is text in, meetings out.

export interface CalendarAttendee {
  /** Lowercase, without mailto:; null when the attendee has no email (a name only). */
  email: string | null;
  /** CN as written (quotes removed by the parser); null when missing. */
  name: string | null;
  partstat: string | null;
}

export interface ParsedMeeting {
  uid: string;
  /** The occurrence's original start as a UTC instant; '' for an event that does not repeat. */
  recurrenceId: string;
  startsAt: string;
  endsAt: string;
  title: string;
  location: string | null;
  /** A video-call link found in the event (Zoom, Teams, Meet, Webex…), so it is logged as a call. */
  conferenceUrl: string | null;
  organizer: CalendarAttendee | null;
  /** Everyone invited but the organizer, rooms and resources. The user's own emails are still here. */
  attendees: CalendarAttendee[];
}

export interface ParseOptions {
  /** Keep occurrences starting in [from, until): UTC instants. */
  from: string;
  until: string;
  /** Emails that are the user's; an event they declined is skipped. Lowercase. */
  ownEmails: readonly string[];
  includeAllDay?: boolean;
}

export interface ParseResult {
  meetings: ParsedMeeting[];
  skipped: { allDay: number; cancelled: number; declined: number; unreadable: number };
  /** Sentences about what could not be read, for showing after an import. */
  problems: string[];
}

/** Expanding an endless daily event from 1990 is bounded: past this many steps we stop. */
const MAX_STEPS = 20_000;

export function parseCalendar(text: string, options: ParseOptions): ParseResult {
  const result: ParseResult = { meetings: [], skipped: { allDay: 0, cancelled: 0, declined: 0, unreadable: 0 }, problems: [] };
  const root = readComponents(text, result);
  if (!root) throw new CalendarFileError('This file has no calendar in it (no BEGIN:VCALENDAR). Export it again as an .ics file.');
  const calendars = root.name === 'vcalendar' ? [root] : root.getAllSubcomponents('vcalendar');
  if (calendars.length === 0) throw new CalendarFileError('This file has no calendar in it (no BEGIN:VCALENDAR). Export it again as an .ics file.');

  const own = new Set(options.ownEmails.map((email) => email.toLowerCase()));
  const from = Date.parse(options.from);
  const until = Date.parse(options.until);

  for (const calendar of calendars) {
    const cancelledCalendar = String(calendar.getFirstPropertyValue('method') ?? '').toUpperCase() === 'CANCEL';
    // Masters and their overrides share a UID; an override may come before its master (Google does that).
    const byUid = new Map<string, { master: ICAL.Component | null; overrides: ICAL.Component[] }>();
    for (const vevent of calendar.getAllSubcomponents('vevent')) {
      const uid = String(vevent.getFirstPropertyValue('uid') ?? '') || `no-uid-${byUid.size}`;
      const group = byUid.get(uid) ?? { master: null, overrides: [] };
      if (vevent.hasProperty('recurrence-id')) group.overrides.push(vevent);
      else group.master = vevent;
      byUid.set(uid, group);
    }
    for (const [uid, group] of byUid) {
      try {
        expand(uid, group.master, group.overrides, { from, until, own, includeAllDay: options.includeAllDay ?? false, cancelledCalendar }, result);
      } catch (error) {
        result.skipped.unreadable += 1;
        const summary = String((group.master ?? group.overrides[0])?.getFirstPropertyValue('summary') ?? uid);
        result.problems.push(`“${summary}” could not be read (${describe(error)}); it was left out.`);
      }
    }
  }
  result.meetings.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.uid.localeCompare(b.uid));
  return result;
}

/**
 * ical.js refuses a whole file for one malformed line. Real exports have them (an Exchange line with a
 * broken quote), so a file that fails is read again without the lines that cannot be parsed alone; the
 * events that lost their start are then left out one by one, and the rest of the calendar still counts.
 */
function readComponents(text: string, result: ParseResult): ICAL.Component | null {
  if (!/^BEGIN:VCALENDAR/im.test(text)) return null;
  try {
    return new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (first) {
    const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
    const kept = lines.filter((line) => {
      if (!line.trim() || /^(BEGIN|END):/i.test(line)) return true;
      try {
        ICAL.parse.property(line);
        return true;
      } catch {
        return false;
      }
    });
    const dropped = lines.length - kept.length;
    try {
      const root = new ICAL.Component(ICAL.parse(kept.join('\r\n')) as unknown[]);
      if (dropped > 0) result.problems.push(`${dropped === 1 ? 'One line' : `${dropped} lines`} of the file could not be read and ${dropped === 1 ? 'was' : 'were'} skipped.`);
      return root;
    } catch {
      throw new CalendarFileError(`This file is not a calendar Confidant can read (${describe(first)}). Export it again as an .ics file.`);
    }
  }
}

export class CalendarFileError extends Error {
  override name = 'CalendarFileError';
}

interface Window {
  from: number;
  until: number;
  own: Set<string>;
  includeAllDay: boolean;
  cancelledCalendar: boolean;
}

function expand(uid: string, master: ICAL.Component | null, overrides: ICAL.Component[], window: Window, result: ParseResult): void {
  if (!master) {
    // Overrides whose master is not in the file (a shared single occurrence): each stands alone.
    for (const override of overrides) {
      const event = new ICAL.Event(override);
      const recurrenceId = instant(event.recurrenceId, override.getFirstProperty('recurrence-id'));
      keep(uid, override, event.startDate, event.endDate, recurrenceId, window, result);
    }
    return;
  }
  const event = new ICAL.Event(master);
  for (const override of overrides) event.relateException(override);
  if (!event.isRecurring()) {
    keep(uid, master, event.startDate, event.endDate, '', window, result);
    return;
  }
  const iterator = event.iterator();
  // An override may move an occurrence into the window from outside it (or out of it): so iterate by the
  // original start, then judge each by where it actually is.
  const earliest = window.from - 31 * 86_400_000;
  for (let step = 0, next = iterator.next(); next && step < MAX_STEPS; step += 1, next = iterator.next()) {
    const original = instant(next, master.getFirstProperty('dtstart'));
    if (Date.parse(original) >= window.until + 31 * 86_400_000) break;
    if (Date.parse(original) < earliest) continue;
    const details = event.getOccurrenceDetails(next);
    keep(uid, details.item.component, details.startDate, details.endDate, original, window, result);
  }
}

function keep(
  uid: string,
  vevent: ICAL.Component,
  start: ICAL.Time,
  end: ICAL.Time | null,
  recurrenceId: string,
  window: Window,
  result: ParseResult,
): void {
  const startsAt = instant(start, vevent.getFirstProperty('dtstart'));
  const startMs = Date.parse(startsAt);
  if (startMs < window.from || startMs >= window.until) return;
  if (start.isDate) {
    if (!window.includeAllDay) {
      result.skipped.allDay += 1;
      return;
    }
  }
  const status = String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase();
  if (status === 'CANCELLED' || window.cancelledCalendar) {
    result.skipped.cancelled += 1;
    return;
  }
  const organizer = person(vevent.getFirstProperty('organizer'));
  const attendees: CalendarAttendee[] = [];
  let declined = false;
  for (const property of vevent.getAllProperties('attendee')) {
    const cutype = String(property.getParameter('cutype') ?? 'INDIVIDUAL').toUpperCase();
    // A meeting room or a projector is not someone to log a conversation with.
    if (cutype === 'ROOM' || cutype === 'RESOURCE') continue;
    const attendee = person(property);
    if (!attendee) continue;
    if (attendee.email && window.own.has(attendee.email) && attendee.partstat === 'DECLINED') declined = true;
    if (organizer?.email && attendee.email === organizer.email) continue;
    if (attendees.some((other) => other.email !== null && other.email === attendee.email)) continue;
    attendees.push(attendee);
  }
  if (declined) {
    result.skipped.declined += 1;
    return;
  }
  const endProperty = vevent.getFirstProperty('dtend') ?? vevent.getFirstProperty('dtstart');
  const endsAt = end ? instant(end, endProperty) : startsAt;
  const location = text(vevent.getFirstPropertyValue('location'));
  const conferenceUrl = findConferenceUrl(vevent, location);
  result.meetings.push({
    uid,
    recurrenceId,
    startsAt,
    endsAt: Date.parse(endsAt) < startMs ? startsAt : endsAt,
    title: text(vevent.getFirstPropertyValue('summary')) ?? 'Untitled meeting',
    // A location that is only the call link says nothing a person would write down as a place.
    location: location && conferenceUrl && location.trim() === conferenceUrl ? null : location,
    conferenceUrl,
    organizer,
    attendees,
  });
}

function person(property: ICAL.Property | null): CalendarAttendee | null {
  if (!property) return null;
  const value = String(property.getFirstValue() ?? '').trim();
  const param = property.getParameter('email');
  const fromValue = /^mailto:/i.test(value) ? value.replace(/^mailto:/i, '') : value.includes('@') && !value.includes(':') ? value : '';
  const emailText = (fromValue || (typeof param === 'string' ? param : '')).trim().toLowerCase();
  const email = /^[^\s@]+@[^\s@]+$/.test(emailText) ? emailText : null;
  const cn = property.getParameter('cn');
  let name = typeof cn === 'string' ? cn.trim().replace(/^"(.*)"$/, '$1').trim() : '';
  // Apple and Google write the email again as the CN when they have no name: that is not a name.
  if (name.toLowerCase() === email || name.includes('@')) name = '';
  const partstat = property.getParameter('partstat');
  if (!email && !name) return null;
  return { email, name: name || null, partstat: typeof partstat === 'string' ? partstat.toUpperCase() : null };
}

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

const CONFERENCE = /https?:\/\/[^\s<>"]*(zoom\.us|zoomgov\.com|teams\.microsoft\.com|teams\.live\.com|meet\.google\.com|webex\.com|whereby\.com|gotomeeting\.com|meet\.goto\.com|chime\.aws|bluejeans\.com|join\.skype\.com|meet\.jit\.si)[^\s<>"]*/i;

function findConferenceUrl(vevent: ICAL.Component, location: string | null): string | null {
  const places = [
    location,
    vevent.getFirstPropertyValue('x-google-conference'),
    vevent.getFirstPropertyValue('x-microsoft-skypeteamsmeetingurl'),
    vevent.getFirstPropertyValue('x-microsoft-onlinemeetingconflink'),
    vevent.getFirstPropertyValue('url'),
    vevent.getFirstPropertyValue('description'),
  ];
  for (const place of places) {
    if (typeof place !== 'string') continue;
    const match = CONFERENCE.exec(place);
    if (match) return match[0].replace(/[).,;>]+$/, '');
  }
  return null;
}

/**
 * A calendar time as a UTC instant. The zone is taken, in order, from: a UTC time; the TZID when it is an
 * IANA name or a Windows name Outlook writes ("W. Europe Standard Time"), through the platform's own zone
 * data, which knows every year's rules; the file's VTIMEZONE otherwise ("Customized Time Zone"); and
 * floating (no zone at all) is the user's own local time.
 */
export function instant(time: ICAL.Time, property: ICAL.Property | null): string {
  if (time.isDate) {
    return new Date(time.year, time.month - 1, time.day).toISOString();
  }
  if (time.zone?.tzid === 'UTC' || time.zone === ICAL.Timezone.utcTimezone) return new Date(time.toUnixTime() * 1000).toISOString();
  const tzid = property?.getParameter('tzid');
  const iana = typeof tzid === 'string' ? ianaZone(tzid) : null;
  if (iana) return new Date(zonedToUtc(time, iana)).toISOString();
  if (time.zone && time.zone !== ICAL.Timezone.localTimezone && time.zone.component) {
    return new Date(time.toUnixTime() * 1000).toISOString();
  }
  return new Date(time.year, time.month - 1, time.day, time.hour, time.minute, time.second).toISOString();
}

const zoneCache = new Map<string, string | null>();

/** An IANA zone name for a TZID, or null when neither IANA nor a known Windows zone name. */
export function ianaZone(tzid: string): string | null {
  const cleaned = tzid.trim().replace(/^"(.*)"$/, '$1').replace(/^\/+/, '');
  if (zoneCache.has(cleaned)) return zoneCache.get(cleaned)!;
  let zone: string | null = null;
  if (isIana(cleaned)) zone = cleaned;
  else {
    // Some exporters prefix the IANA name with their own path ("/mozilla.org/20050126_1/Europe/Paris").
    const tail = /([A-Za-z_]+\/[A-Za-z_+-]+(?:\/[A-Za-z_+-]+)?)$/.exec(cleaned)?.[1];
    if (tail && isIana(tail)) zone = tail;
    else zone = findIana(cleaned).find(isIana) ?? null;
  }
  zoneCache.set(cleaned, zone);
  return zone;
}

function isIana(name: string): boolean {
  if (!name.includes('/') && name !== 'UTC') return false;
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, format);
  }
  return format;
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(utcMs: number, zone: string): number {
  const parts = Object.fromEntries(formatter(zone).formatToParts(new Date(utcMs)).map((part) => [part.type, part.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24, Number(parts.minute), Number(parts.second));
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/** Wall-clock time in an IANA zone to UTC milliseconds; a time in a spring-forward gap moves forward. */
function zonedToUtc(time: ICAL.Time, zone: string): number {
  const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  let guess = wall - offsetAt(wall, zone);
  // Twice settles it across a DST change (the offset at the guess may differ from the offset at `wall`).
  for (let i = 0; i < 2; i += 1) {
    const next = wall - offsetAt(guess, zone);
    if (next === guess) break;
    guess = next;
  }
  return guess;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 160 ? `${message.slice(0, 157)}…` : message;
}
