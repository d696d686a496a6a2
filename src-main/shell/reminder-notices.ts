// Which reminders become system notifications, and what they may say. No Electron here, so the rule is
// tested under Node; notifications.ts only shows what this returns.
import type { ReminderTarget, RemindersDue } from '../contract/contract.js';
import type { MenuAction } from '../contract/names.js';

export interface Notice {
  key: string;
  title: string;
  body: string;
  /** What the window is asked to show when the notification is clicked. */
  action: MenuAction;
}

const actions: Record<ReminderTarget, MenuAction> = {
  'to-log': 'go-to-log',
  commitments: 'go-commitments',
  'keep-in-touch': 'go-keep-in-touch',
  associations: 'go-associations',
  thanks: 'go-thanks',
};

/**
 * The reminders the core says should notify now and that have not been shown yet (each key once: a
 * day's meetings, a week's digest). While names are hidden (journal locked, privacy screen on), every
 * notice says only its private body: no names, no titles of meetings, no note text.
 */
export function noticesToShow(due: RemindersDue, shown: ReadonlySet<string>, namesHidden: boolean): Notice[] {
  return due.reminders
    .filter((reminder) => reminder.notify && !shown.has(reminder.key))
    .map((reminder) => ({
      key: reminder.key,
      title: namesHidden ? privateTitle(reminder.kind) : reminder.title,
      body: namesHidden ? reminder.privateBody : reminder.body,
      action: actions[reminder.target],
    }));
}

/** Titles carry counts, never names; still, a locked journal says even less. */
function privateTitle(kind: RemindersDue['reminders'][number]['kind']): string {
  return {
    meetings: 'Meetings to log',
    promises: 'Promises due',
    'keep-in-touch': 'Keep in touch',
    focus: 'Your focus association',
    thanks: 'Thanks owed',
  }[kind];
}
