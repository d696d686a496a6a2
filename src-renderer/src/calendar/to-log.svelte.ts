import type { MeetingsToLog, MeetingToLog, RemindersDue } from '../../../src-main/contract/contract';
import { api } from '../lib/api';
import { logDialog } from '../lib/log-dialog.svelte';

// Meetings to log and reminders, as the sidebar, the timeline and the view all see them. Reloaded after
// every journal write (a logged meeting leaves the list). "Now" is the renderer's clock, passed to the
// core, so a test that fixes the page's clock fixes the whole app's.

export function nowIso(): string {
  return new Date().toISOString();
}

class ToLog {
  list = $state<MeetingsToLog | null>(null);
  reminders = $state<RemindersDue | null>(null);
  error = $state<string | null>(null);
  #asked = 0;
  #remindersAsked = 0;

  get count(): number {
    return this.list?.open.length ?? 0;
  }

  async reload(): Promise<void> {
    const ask = ++this.#asked;
    try {
      const list = await api('calendar.toLog', { now: nowIso() });
      // A slower, older answer never replaces a newer one.
      if (ask !== this.#asked) return;
      this.list = list;
      this.error = null;
    } catch (error) {
      if (ask === this.#asked) this.error = error instanceof Error ? error.message : String(error);
    }
  }

  /** Reminders are read only where they are shown (the view), not for the sidebar's count. */
  async reloadReminders(): Promise<void> {
    const ask = ++this.#remindersAsked;
    try {
      const reminders = await api('reminders.due', { now: nowIso() });
      if (ask === this.#remindersAsked) this.reminders = reminders;
    } catch (error) {
      if (ask === this.#remindersAsked) this.error = error instanceof Error ? error.message : String(error);
    }
  }
}

export const toLog = new ToLog();

/** Opens the log form filled in from a meeting: its time, matched people, kind, title and place. */
export function logMeeting(meeting: MeetingToLog): void {
  logDialog.openPrefilled({
    occurredAt: meeting.startsAt,
    kind: meeting.kind,
    title: meeting.title,
    location: meeting.location,
    personIds: meeting.attendees.flatMap((attendee) => (attendee.person ? [attendee.person.id] : [])),
    calendarOccurrenceId: meeting.id,
  });
}
