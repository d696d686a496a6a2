import type { TimelineEntry } from '../../../src-main/contract/contract';

/** A place in a timeline: entries are ordered newest first by (occurredAt, id), as the core's keyset cursor is. */
export interface Place {
  occurredAt: string;
  id: number;
}

/** The place a keyset cursor (`occurredAt~id`, the core's `next`) stands for. */
export function placeOf(cursor: string): Place {
  const at = cursor.lastIndexOf('~');
  return { occurredAt: cursor.slice(0, at), id: Number(cursor.slice(at + 1)) };
}

/** Negative when `a` comes before `b` in the timeline (it is newer), positive when after, 0 at the same place. */
export function order(a: Place, b: Place): number {
  if (a.occurredAt !== b.occurredAt) return a.occurredAt > b.occurredAt ? -1 : 1;
  return b.id - a.id;
}

/** The entries of a page read from its start that belong to it: those down to and including `until` (null: all). */
export function within(entries: readonly TimelineEntry[], until: string | null): TimelineEntry[] {
  if (until === null) return [...entries];
  const end = placeOf(until);
  return entries.filter((entry) => order(entry, end) <= 0);
}

/** Whether a page read from its start has reached `until` (or the end): its last entry is at or past it. */
export function reached(entries: readonly TimelineEntry[], next: string | null, until: string | null): boolean {
  const last = entries.at(-1);
  return next === null || last === undefined || (until !== null && order(last, placeOf(until)) >= 0);
}

/**
 * A page read again: entries that did not change keep their old object, so Svelte leaves their DOM alone
 * and the view stays where it was.
 */
export function samePage(old: readonly TimelineEntry[], fresh: readonly TimelineEntry[]): TimelineEntry[] {
  const before = new Map(old.map((entry) => [entry.id, entry]));
  return fresh.map((entry) => {
    const kept = before.get(entry.id);
    return kept && sameEntry(kept, entry) ? kept : entry;
  });
}

function sameEntry(a: TimelineEntry, b: TimelineEntry): boolean {
  return (
    a.occurredAt === b.occurredAt &&
    a.kind === b.kind &&
    a.title === b.title &&
    a.excerpt === b.excerpt &&
    a.hasNotes === b.hasNotes &&
    a.confidential === b.confidential &&
    a.location === b.location &&
    a.association?.id === b.association?.id &&
    a.association?.name === b.association?.name &&
    a.people.length === b.people.length &&
    a.people.every((person, index) => person.id === b.people[index]?.id && person.name === b.people[index]?.name)
  );
}
