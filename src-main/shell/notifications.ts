// Reminders as system notifications. The core decides what is due (reminders.due, with its own clock);
// this asks once a minute, shows each new one with Electron's Notification (once: the journal keeps which
// were shown), and a click brings the window forward on the right screen. Shown locally by the OS; nothing is sent anywhere.
import { Notification, type BrowserWindow } from 'electron';
import type { RemindersDue, Result } from '../contract/contract.js';
import { noticesToShow } from './reminder-notices.js';

const EVERY_MS = 60_000;

/**
 * Set by the lock and privacy screen (#12): while true, notifications name no one. Starts true, so
 * nothing with a name can show before the journal has said it is open and unlocked.
 */
let namesHidden = true;
export function setNotificationNamesHidden(hidden: boolean): void {
  namesHidden = hidden;
}
export function notificationNamesHidden(): boolean {
  return namesHidden;
}

export function startReminderNotifications(
  call: (name: string, input: unknown) => Promise<Result<unknown>>,
  getWindow: () => BrowserWindow | undefined,
): () => void {
  if (!Notification.isSupported()) return () => {};
  const shown = new Set<string>();
  // Held until closed or clicked: a notification that is garbage-collected loses its click handler.
  const live = new Set<Notification>();

  const tick = async () => {
    const result = await call('reminders.due', {});
    if (!result.ok) return;
    const notices = noticesToShow(result.value as RemindersDue, shown, namesHidden);
    if (notices.length === 0) return;
    // Recorded in the journal before they show, so a restart (the same day, or the same week for the
    // digest) does not show them again; kept in memory too, should that write fail.
    for (const notice of notices) shown.add(notice.key);
    await call('reminders.notified', { keys: notices.map((notice) => notice.key) });
    for (const notice of notices) {
      const notification = new Notification({ title: notice.title, body: notice.body, silent: false });
      live.add(notification);
      notification.on('click', () => {
        live.delete(notification);
        const window = getWindow();
        if (!window) return;
        if (window.isMinimized()) window.restore();
        window.show();
        window.focus();
        window.webContents.send('confidant:menu', notice.action);
      });
      notification.on('close', () => live.delete(notification));
      notification.show();
    }
  };
  const timer = setInterval(() => void tick().catch(() => {}), EVERY_MS);
  void tick().catch(() => {});
  return () => clearInterval(timer);
}
