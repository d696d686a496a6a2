import type { AllyRole, InteractionKind, Level } from '../../src-main/contract/contract.js';

/** One fictional person, as the generator writes them, plus when they were part of the user's life. */
export interface PersonSpec {
  name: string;
  organization: string | null;
  role: string | null;
  level: Level | null;
  insideOrg: boolean | null;
  department: string | null;
  howWeMet: string | null;
  tags: string[];
  allyRole: AllyRole | null;
  cadenceDays: number | null;
  notes: string | null;
  /**
   * Days ago (oldest, newest) between which routine interactions with this person may fall. A newest
   * bound well in the past is how someone becomes "neglected lately".
   */
  window: readonly [from: number, until: number];
  /** Stretches (days ago: from, until) when the person was away and nothing routine happened. */
  away?: readonly (readonly [from: number, until: number])[];
}

interface EntryBase {
  kind: InteractionKind;
  title: string;
  notes?: string;
  confidential?: boolean;
  /** undefined: the generator picks a plausible place for the kind; null: no place (a video call). */
  location?: string | null;
}

/** A storyline beat: fixed in time, because the beats of a story have an order. */
export interface Scripted<Key extends string> extends EntryBase {
  day: number;
  /** "HH:MM"; the generator picks a time for the kind when omitted. */
  time?: string;
  who: readonly [Key, ...Key[]];
}

/** An everyday interaction with one person (and maybe others); the generator places it in time. */
export interface Routine<Key extends string> extends EntryBase {
  with?: readonly Key[];
  /** Narrows the person's window for this one entry (days ago: oldest, newest). */
  within?: readonly [from: number, until: number];
}

/**
 * Template literal tag for notes written indented in the source: strips the common indentation and the
 * leading and trailing blank lines, so markdown reads the same in the file as in the app.
 */
export function md(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce((out, part, index) => out + part + (index < values.length ? String(values[index]) : ''), '');
  const lines = text.split('\n');
  while (lines.length > 0 && lines[0]?.trim() === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  const indents = lines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length);
  const indent = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(indent).trimEnd()).join('\n');
}
