import type { TimelineEntry } from '../../../src-main/contract/contract';
import { dayKey } from '../lib/format';

export interface Day {
  key: string;
  entries: TimelineEntry[];
}

/**
 * Groups newest-first entries by local day. Days whose entries are unchanged keep their previous object,
 * so appending a page re-renders only the days it touches, not every day already on screen.
 */
export function groupByDay(entries: readonly TimelineEntry[], previous: readonly Day[] = []): Day[] {
  const before = new Map(previous.map((day) => [day.key, day]));
  const days: Day[] = [];
  let current: Day | undefined;
  for (const entry of entries) {
    const key = dayKey(entry.occurredAt);
    if (current?.key !== key) {
      current = { key, entries: [] };
      days.push(current);
    }
    current.entries.push(entry);
  }
  return days.map((day) => {
    const old = before.get(day.key);
    return old && sameEntries(old.entries, day.entries) ? old : day;
  });
}

function sameEntries(a: readonly TimelineEntry[], b: readonly TimelineEntry[]): boolean {
  return a.length === b.length && a.every((entry, index) => entry === b[index]);
}
