import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

// Follows the one .ics file the user chose. Calendar apps rarely write a file in place: they write a
// new one and rename it over the old, which ends a watch on the file itself. So the folder is watched,
// and only events naming the file count. Bursts (a write in several chunks) settle for a moment before
// one re-read. Node only; the worker runs it beside the journal, and the core's tests run it directly.

export interface CalendarWatch {
  /** Looks up the followed path again (after the user chose another file, or none) and watches that. */
  rearm(): Promise<void>;
  close(): void;
}

export interface WatchOptions {
  /** The followed path, as stored in the journal; null when none. */
  path: () => Promise<string | null>;
  /** Re-reads the file into the journal. Called at start and after each change. */
  refresh: () => Promise<unknown>;
  settleMs?: number;
}

export async function watchCalendarFile(options: WatchOptions): Promise<CalendarWatch> {
  let watcher: FSWatcher | null = null;
  let watched: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const settle = options.settleMs ?? 400;

  const arm = async (readNow: boolean) => {
    const path = await options.path();
    if (path === watched && watcher) return;
    watcher?.close();
    watcher = null;
    watched = path;
    if (!path) return;
    const name = basename(path);
    try {
      watcher = watch(dirname(path), { persistent: false }, (_event, changed) => {
        if (changed !== null && changed.toString() !== name) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = null;
          void options.refresh().catch(() => {});
        }, settle);
      });
      // A folder that disappears (an unmounted drive) stops the watch; the next start tries again.
      watcher.on('error', () => {
        watcher?.close();
        watcher = null;
      });
    } catch {
      // The folder is not there: the stored problem (from the read) already says so.
      watcher = null;
    }
    if (readNow) await options.refresh().catch(() => {});
  };

  await arm(true);
  return {
    rearm: () => arm(false),
    close: () => {
      if (timer) clearTimeout(timer);
      watcher?.close();
      watcher = null;
    },
  };
}
