import { sql, type Kysely, type Transaction } from 'kysely';
import type { PersonSummary } from '../../contract/contract.js';
import type { Database } from '../db/schema.js';
import { typoDistance } from '../search/fuzzy.js';
import { summariesOf } from './people.js';

type Db = Kysely<Database> | Transaction<Database>;

// What the People table's filter box and the people pickers match against, held in the journal's thread
// between calls (#11). Reading everyone's tags and emails and folding every name on each keystroke cost
// the filter 128/501 ms (p50/p95) at 5,000 people, and fuse.js over 5,000 people when no one matched
// exactly cost more than the rest together. Now each person's words are folded once and kept until the
// people revision moves (triggers bump it in the writing transaction: migrations/0006), and a typo is
// forgiven by looking up the few thousand distinct words of everyone's names, never by scanning people.

/** One person's text, folded (lower case, accents aside) once. */
export interface PersonText {
  id: number;
  name: string;
  /** The name folded, compared whole for the pickers' exact match. */
  folded: string;
  /** The name's words, for "a word of the name begins with what was typed". */
  nameWords: string[];
  /** Name, organization, role, function, tags and emails, folded, one per line: the filter box's substring match. */
  haystack: string;
  /** The organization's words: the pickers forgive typos in a name or an organization. */
  organizationWords: string[];
}

interface Texts {
  revision: number;
  byId: Map<number, PersonText>;
  /** Everyone in name order (as the collator sorts names): the pickers' candidates. */
  ordered: PersonText[];
  /** Every distinct word of the haystacks, by its first letter: where a typo's near words are looked for. */
  wordsByFirst: Map<string, string[]>;
  /** Which people hold a word (as a word of their haystack). */
  holders: Map<string, number[]>;
}

/** Lower case without accents: "Chloé" and "chloe" are one word to the filter box and the pickers. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const wordsOf = (folded: string) => folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Names and words compared as the table shows them: case and accents aside, numbers in order. */
export const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export class PeopleFinder {
  private texts: Texts | null = null;
  private snapshots = new Map<string, { key: string; value: unknown }>();

  /**
   * `read()`'s answer, read again only once something has been written to the journal: by this connection
   * (total_changes() only grows, and counts a rolled-back write too) or by another, the import thread's
   * (data_version moves). For read calls only, which run outside any transaction (Journal.run).
   */
  async unchanged<T>(db: Db, name: string, read: () => Promise<T>): Promise<T> {
    const { rows } = await sql<{ changes: number; version: number }>`SELECT total_changes() AS changes, data_version AS version FROM pragma_data_version`.execute(db);
    const key = `${rows[0]?.changes}:${rows[0]?.version}`;
    const held = this.snapshots.get(name);
    if (held?.key === key) return held.value as T;
    const value = await read();
    this.snapshots.set(name, { key, value });
    return value;
  }

  /** Everyone's folded text, read again only when the people revision has moved. */
  async read(db: Db): Promise<Texts> {
    const row = await db.selectFrom('search_revision').select('revision').where('scope', '=', 'people').executeTakeFirst();
    const revision = row?.revision ?? 0;
    if (this.texts?.revision === revision) return this.texts;
    // Calls run one at a time (Journal's queue), so no two reads overlap.
    this.texts = await buildTexts(db, revision);
    return this.texts;
  }

  /**
   * The ids of the people whose text holds every typed word (anywhere, case and accents aside); when no one
   * holds them all, those whose words are each a word of theirs or a typo or two off one (a word or its
   * beginning): "northwnd" finds Northwind. Null when nothing was typed.
   */
  async matching(db: Db, text: string): Promise<Set<number> | null> {
    const typed = fold(text).split(/\s+/).filter(Boolean);
    if (typed.length === 0) return null;
    const texts = await this.read(db);
    const exact = new Set<number>();
    for (const person of texts.byId.values()) if (typed.every((word) => person.haystack.includes(word))) exact.add(person.id);
    if (exact.size > 0) return exact;
    // A word that is there as it is counts too ("north" with "northwnd").
    return holdersOfAll(texts, typed, (word, near) => {
      for (const person of texts.byId.values()) if (person.haystack.includes(word)) near.add(person.id);
    });
  }

  /**
   * The pickers' answer: at most `limit` people for what was typed, best first: the exact name (case and
   * accents aside), then names that begin with it, then names with a word that does (each in name order),
   * then names or organizations a typo or two off (fewest typos first). People in `exclude` (already
   * picked) are left out.
   */
  async find(db: Db, text: string, limit: number, exclude: ReadonlySet<number>): Promise<number[]> {
    const typed = fold(text.trim());
    if (!typed) return [];
    const texts = await this.read(db);
    const exact: number[] = [];
    const starts: number[] = [];
    const wordStarts: number[] = [];
    for (const person of texts.ordered) {
      if (exclude.has(person.id)) continue;
      if (person.folded === typed) exact.push(person.id);
      else if (person.folded.startsWith(typed)) starts.push(person.id);
      else if (person.folded.split(/[\s-]+/).some((word) => word.startsWith(typed))) wordStarts.push(person.id);
    }
    const found = [...exact, ...starts, ...wordStarts];
    if (found.length >= limit) return found.slice(0, limit);

    // Near matches: every typed word begins, or is a typo or two off, a word of the name or the organization.
    const typedWords = wordsOf(typed);
    if (typedWords.length === 0) return found;
    const seen = new Set(found);
    const candidates = holdersOfAll(texts, typedWords);
    if (candidates.size === 0) return found;
    const fuzzy = [...candidates]
      .filter((id) => !seen.has(id) && !exclude.has(id))
      .flatMap((id) => {
        const person = texts.byId.get(id)!;
        const typos = Math.min(closeness(typedWords, person.nameWords), closeness(typedWords, person.organizationWords) + 0.25);
        return Number.isFinite(typos) ? [{ id, typos, name: person.name }] : [];
      })
      .sort((a, b) => a.typos - b.typos || collator.compare(a.name, b.name) || a.id - b.id);
    return [...found, ...fuzzy.slice(0, limit - found.length).map((entry) => entry.id)];
  }
}

/** The people who hold, for each word, a word near it (nearWords), or whom `also` adds for it. */
function holdersOfAll(texts: Texts, words: readonly string[], also?: (word: string, near: Set<number>) => void): Set<number> {
  let kept: Set<number> | undefined;
  for (const word of words) {
    const near = new Set<number>();
    for (const candidate of nearWords(texts, word)) for (const id of texts.holders.get(candidate) ?? []) near.add(id);
    also?.(word, near);
    const before = kept;
    kept = before === undefined ? near : new Set([...before].filter((id: number) => near.has(id)));
    if (kept.size === 0) break;
  }
  return kept ?? new Set();
}

/**
 * Typos forgiven in a typed word, as generously as the fuse.js match the table and the picker had: none in
 * one or two letters, one up to five ("ruz" for Ruiz), two beyond. A typed word may also run on past a
 * word of three letters or more ("Kimball" offers Kim, below the new person it is).
 */
function forgiven(word: string): number {
  return word.length <= 2 ? 0 : word.length <= 5 ? 1 : 2;
}

/** How far a typed word is from a word of someone's text: 0 when it begins it, Infinity when not near. */
function distance(word: string, candidate: string): number {
  if (candidate.startsWith(word)) return 0;
  const allowed = forgiven(word);
  if (allowed === 0) return Number.POSITIVE_INFINITY;
  let best = Number.POSITIVE_INFINITY;
  if (Math.abs(candidate.length - word.length) <= allowed) best = typoDistance(word, candidate);
  if (candidate.length > word.length) best = Math.min(best, typoDistance(word, candidate.slice(0, word.length)) + 0.5);
  if (candidate.length >= 3 && word.startsWith(candidate)) best = Math.min(best, 1);
  return best <= allowed ? best : Number.POSITIVE_INFINITY;
}

/**
 * Distinct words of everyone's text near `word` (see distance). Only words starting with one of its first
 * two letters are compared: a typo rarely touches the first letter, and a swap of the first two is one typo.
 */
function nearWords(texts: Texts, word: string): string[] {
  const near: string[] = [];
  for (const first of new Set([word[0]!, word[1] ?? word[0]!])) {
    for (const candidate of texts.wordsByFirst.get(first) ?? []) if (Number.isFinite(distance(word, candidate))) near.push(candidate);
  }
  return near;
}

/** How many typos separate the typed words from these words (each typed word near one of them), or Infinity. */
function closeness(typed: readonly string[], words: readonly string[]): number {
  let total = 0;
  for (const word of typed) {
    let best = Number.POSITIVE_INFINITY;
    for (const candidate of words) {
      best = Math.min(best, distance(word, candidate));
      if (best === 0) break;
    }
    if (!Number.isFinite(best)) return best;
    total += best;
  }
  return total;
}

async function buildTexts(db: Db, revision: number): Promise<Texts> {
  const { rows } = await sql<{ id: number; name: string; organization: string | null; role: string | null; department: string | null; tags: string | null; emails: string | null }>`
    SELECT p.id, p.name, p.organization, p.role, p.department,
      (SELECT group_concat(t.tag, char(10)) FROM person_tags t WHERE t.person_id = p.id) AS tags,
      (SELECT group_concat(e.email, char(10)) FROM person_emails e WHERE e.person_id = p.id) AS emails
    FROM people p`.execute(db);
  const byId = new Map<number, PersonText>();
  const holders = new Map<string, number[]>();
  for (const row of rows) {
    const folded = fold(row.name);
    const haystack = fold([row.name, row.organization, row.role, row.department, row.tags, row.emails].filter(Boolean).join('\n'));
    byId.set(row.id, { id: row.id, name: row.name, folded, nameWords: wordsOf(folded), haystack, organizationWords: row.organization ? wordsOf(fold(row.organization)) : [] });
    for (const word of new Set(wordsOf(haystack))) {
      const list = holders.get(word);
      if (list) list.push(row.id);
      else holders.set(word, [row.id]);
    }
  }
  const wordsByFirst = new Map<string, string[]>();
  for (const word of holders.keys()) {
    const list = wordsByFirst.get(word[0]!);
    if (list) list.push(word);
    else wordsByFirst.set(word[0]!, [word]);
  }
  const ordered = [...byId.values()].sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
  return { revision, byId, ordered, wordsByFirst, holders };
}

/** people.find: the pickers' few people for what was typed, or the most recently met when nothing was. */
export async function findPeople(db: Db, finder: PeopleFinder, input: { query: string; limit?: number | undefined; exclude?: readonly number[] | undefined }): Promise<PersonSummary[]> {
  const limit = input.limit ?? 8;
  const exclude = new Set(input.exclude ?? []);
  let ids: number[];
  if (input.query.trim()) {
    ids = await finder.find(db, input.query, limit, exclude);
  } else {
    let recent = db
      .selectFrom('people as p')
      .leftJoin('person_stats as s', 's.person_id', 'p.id')
      .select('p.id')
      .orderBy(sql`s.last_interaction_at IS NULL`)
      .orderBy('s.last_interaction_at', 'desc')
      .orderBy('p.id')
      .limit(limit);
    if (exclude.size > 0) recent = recent.where('p.id', 'not in', [...exclude]);
    ids = (await recent.execute()).map((row) => row.id);
  }
  const byId = new Map((await summariesOf(db, ids)).map((person) => [person.id, person]));
  return ids.map((id) => byId.get(id)).filter((person): person is PersonSummary => person !== undefined);
}
