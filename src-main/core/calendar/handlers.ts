import type { Kysely } from 'kysely';
import type { CallResult, ParsedInput } from '../../contract/contract.js';
import type { CallName } from '../../contract/names.js';
import type { Database } from '../db/schema.js';
import {
  calendarSettings,
  importCalendar,
  meetingsToLog,
  readWatched,
  removeSource,
  setMeetingState,
  setOwnEmails,
  watchCalendar,
} from './calendar.js';
import { markNotified, remindersDue, reminderSettings, setReminderSettings } from './reminders.js';

type CalendarCall = Extract<CallName, `calendar.${string}` | `reminders.${string}`>;
type Handlers = { [K in CalendarCall]: (input: ParsedInput<K>) => Promise<CallResult<K>> };

/** Meetings to log and reminders; every call that reads the clock accepts `now` for tests. */
export function calendarHandlers(db: Kysely<Database>): Handlers {
  const now = (input?: { now?: string | null | undefined }) => input?.now ?? new Date().toISOString();
  return {
    'calendar.import': (input) => importCalendar(db, input, now(input)),
    'calendar.watch': (input) => watchCalendar(db, input.path, now(input)),
    'calendar.refresh': async (input) => {
      await readWatched(db, now(input));
      return calendarSettings(db);
    },
    'calendar.settings': () => calendarSettings(db),
    'calendar.setOwnEmails': async ({ emails }) => {
      await setOwnEmails(db, emails);
      return calendarSettings(db);
    },
    'calendar.removeSource': async ({ id }) => {
      await removeSource(db, id);
      return calendarSettings(db);
    },
    'calendar.toLog': (input) => meetingsToLog(db, now(input), input?.days ?? 14),
    'calendar.setState': async (input) => {
      await setMeetingState(db, input.id, input.state, now(input));
      return { id: input.id, state: input.state };
    },
    'reminders.due': (input) => remindersDue(db, now(input)),
    'reminders.settings': () => reminderSettings(db),
    'reminders.setSettings': (input) => setReminderSettings(db, input),
    'reminders.notified': ({ keys }) => markNotified(db, keys),
  };
}
