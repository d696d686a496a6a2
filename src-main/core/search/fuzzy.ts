import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import Fuse from 'fuse.js';
import type { Kysely } from 'kysely';
import type { AssociationStatus, AssociationCategory, Highlighted } from '../../contract/contract.js';
import type { Database } from '../db/schema.js';

// The fuzzy layer: fuse.js where exact words fall short. It lives in the core's thread (the worker in the
// app) and is rebuilt lazily: each search reads two counters that the migration's triggers bump in the
// same transaction as every write, and an index is rebuilt only when its counter has moved.

export type NameKind = 'person' | 'organization' | 'tag';

/** Something findable by name, and the people it stands for. */
export interface NamedEntry {
  kind: NameKind;
  name: string;
  personIds: number[];
}

/**
 * Where people's names come from, cached by the people revision. Associations are deliberately not
 * here: the revision triggers do not watch their table, so findAssociations reads them fresh instead.
 */
const nameSources: { kind: NameKind; load: (db: Kysely<Database>) => Promise<{ name: string; person_id: number }[]> }[] = [
  { kind: 'person', load: (db) => db.selectFrom('people').select(['name', 'id as person_id']).execute() },
  {
    kind: 'organization',
    load: async (db) =>
      (await db.selectFrom('people').select(['organization', 'id as person_id']).where('organization', 'is not', null).execute()).map(
        (row) => ({ name: row.organization!, person_id: row.person_id }),
      ),
  },
  { kind: 'tag', load: (db) => db.selectFrom('person_tags').select(['tag as name', 'person_id']).execute() },
];

/**
 * fuse.js finds candidates generously (its Bitap scores a transposition like "pryia" no better than an
 * unrelated substring), then each is checked with an edit distance that counts a swap as one typo, so
 * "acme" never comes back as "Carmen". A word may be a partial word (a prefix) or be a typo or two off.
 */
const CANDIDATE_THRESHOLD = 0.5;

export function allowedTypos(word: string): number {
  return word.length <= 3 ? 0 : word.length <= 5 ? 1 : 2;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function typoDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i += 1) d[i * cols] = i;
  for (let j = 0; j < cols; j += 1) d[j] = j;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
const words = (text: string) => fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * How many typos separate what was typed from a name, or null if it is not close: every typed word must
 * begin a word of the name (0) or be within its allowed typos of one (a word or a word's beginning).
 */
export function nameCloseness(typed: string, name: string): number | null {
  const nameWords = words(name);
  let total = 0;
  for (const word of words(typed)) {
    let best = Number.POSITIVE_INFINITY;
    for (const candidate of nameWords) {
      if (candidate.startsWith(word)) best = 0;
      else best = Math.min(best, typoDistance(word, candidate), typoDistance(word, candidate.slice(0, word.length)) + 0.5);
    }
    if (best > allowedTypos(word)) return null;
    total += best;
  }
  return total;
}

/** An association close to what was typed, with the typos it took (0: every word began a word of the name). */
export interface NearAssociation {
  id: number;
  name: string;
  status: AssociationStatus;
  category: AssociationCategory;
  typos: number;
}

/**
 * Associations whose name is close to `text`, best first. Not part of the cached name index: the
 * search_revision triggers do not watch the associations table, and a journal holds a handful of
 * associations, so they are read fresh for every search. Candidates come from fuse.js over the words of
 * the names, then pass the same typo check as people's names (nameCloseness).
 */
export async function findAssociations(db: Kysely<Database>, text: string, limit = 8): Promise<NearAssociation[]> {
  const typed = words(text);
  if (typed.length === 0) return [];
  const rows = await db.selectFrom('associations').select(['id', 'name', 'status', 'category']).execute();
  if (rows.length === 0) return [];
  type Row = (typeof rows)[number];
  const byWord = new Map<string, Row[]>();
  for (const row of rows) {
    for (const word of new Set(words(row.name))) byWord.set(word, [...(byWord.get(word) ?? []), row]);
  }
  const fuse = new Fuse([...byWord.keys()], { threshold: CANDIDATE_THRESHOLD, ignoreLocation: true });
  let candidates = null as Set<Row> | null;
  for (const word of typed) {
    const near = new Set<Row>();
    for (const { item } of fuse.search(word, { limit: 30 })) for (const row of byWord.get(item) ?? []) near.add(row);
    const kept: Set<Row> | null = candidates;
    candidates = kept === null ? near : new Set([...kept].filter((row) => near.has(row)));
  }
  return [...(candidates ?? [])]
    .flatMap((row) => {
      const typos = nameCloseness(text, row.name);
      return typos === null ? [] : [{ id: row.id, name: row.name, status: row.status, category: row.category, typos }];
    })
    .sort((a, b) => a.typos - b.typos || a.name.length - b.name.length || a.name.localeCompare(b.name))
    .slice(0, limit);
}

/** A name with the words that what was typed begins, or is a typo or two off, marked as hits. */
export function highlightName(typed: string, name: string): Highlighted {
  const wanted = words(typed);
  const parts: Highlighted = [];
  let from = 0;
  for (const match of name.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const word = fold(match[0]);
    const hit = wanted.some(
      (typedWord) =>
        word.startsWith(typedWord) ||
        Math.min(typoDistance(typedWord, word), typoDistance(typedWord, word.slice(0, typedWord.length))) <= allowedTypos(typedWord),
    );
    if (!hit) continue;
    if (match.index > from) parts.push({ text: name.slice(from, match.index), hit: false });
    parts.push({ text: match[0], hit: true });
    from = match.index + match[0].length;
  }
  if (from < name.length) parts.push({ text: name.slice(from), hit: false });
  return parts;
}

export interface VocabularyWord {
  term: string;
  docs: number;
}

export interface VocabularyBucket {
  /** Words found outside confidential notes. */
  open: VocabularyWord[];
  all: VocabularyWord[];
}

/** How long a vocabulary may lag behind writes before a typo search pays for rebuilding it. */
const VOCABULARY_MAX_AGE_MS = 60_000;

export class FuzzyIndex {
  /**
   * `raw` is the journal's connection: the vocabulary is read by stepping one statement and pausing it,
   * which Kysely cannot do for a virtual table (it streams only its own SELECTs, a promise per row).
   */
  constructor(private readonly raw: BetterSqlite3.Database) {}

  private names: { revision: number; fuse: Fuse<string>; entries: Map<string, NamedEntry[]> } | null = null;
  private vocabulary: { revision: number; builtAt: number; words: Map<string, VocabularyBucket> } | null = null;

  /** Names of the given kinds close to `text` (every typed word begins, or is a typo or two off, a word of the name), best first. */
  async findNames(db: Kysely<Database>, text: string, kinds: readonly NameKind[], limit = 8): Promise<(NamedEntry & { score: number })[]> {
    const index = await this.nameIndex(db);
    const typed = words(text);
    if (typed.length === 0) return [];
    // fuse.js runs over the distinct words of all names (a few thousand short strings), not the names:
    // each typed word picks candidate words, and a name is a candidate when it holds one of them.
    let candidates = null as Set<NamedEntry> | null;
    for (const word of typed) {
      const near = new Set<NamedEntry>();
      for (const { item } of index.fuse.search(word, { limit: 30 })) {
        for (const entry of index.entries.get(item) ?? []) near.add(entry);
      }
      const kept: Set<NamedEntry> | null = candidates;
      candidates = kept === null ? near : new Set([...kept].filter((entry) => near.has(entry)));
    }
    return [...(candidates ?? [])]
      .filter((entry) => kinds.includes(entry.kind))
      .flatMap((entry) => {
        const typos = nameCloseness(text, entry.name);
        // Fewer typos first; among equals, the name most people share (an organization) or the shorter.
        return typos === null ? [] : [{ ...entry, score: typos + entry.name.length / 1000 }];
      })
      .sort((a, b) => a.score - b.score)
      .slice(0, limit);
  }

  /**
   * The indexed word closest to `word`, for the typo fallback, or null; 'pending' while the session's
   * first vocabulary is still being read (see vocabularyIndex). Words only in confidential notes are
   * candidates only when the search includes confidences: a correction must not reveal one.
   */
  async correct(db: Kysely<Database>, word: string, includeConfidential: boolean): Promise<string | null | 'pending'> {
    const byShape = await this.vocabularyIndex(db);
    if (!byShape) return 'pending';
    // A typo rarely touches the first letter and changes the length by a character or two: looking only
    // there (and at a swap of the first two letters) keeps each lookup to a few hundred words.
    const candidates: VocabularyWord[] = [];
    for (const first of new Set([word[0], word[1]])) {
      for (let length = word.length - 2; length <= word.length + 2; length += 1) {
        const bucket = byShape.get(`${first}${length}`);
        if (bucket) candidates.push(...(includeConfidential ? bucket.all : bucket.open));
      }
    }
    if (candidates.length === 0) return null;
    const found = new Fuse(candidates, { keys: ['term'], threshold: CANDIDATE_THRESHOLD, ignoreLocation: true })
      .search(word, { limit: 40 })
      .map(({ item }) => ({ ...item, typos: typoDistance(word, item.term) }))
      .filter((item) => item.typos > 0 && item.typos <= allowedTypos(word))
      // Fewest typos, then the word the journal uses most.
      .sort((a, b) => a.typos - b.typos || b.docs - a.docs);
    return found[0]?.term ?? null;
  }

  private async nameIndex(db: Kysely<Database>) {
    const revision = await readRevision(db, 'people');
    if (this.names?.revision === revision) return this.names;
    const byName = new Map<string, NamedEntry>();
    for (const source of nameSources) {
      for (const row of await source.load(db)) {
        const key = `${source.kind}\u0000${row.name.toLocaleLowerCase()}`;
        const entry = byName.get(key) ?? { kind: source.kind, name: row.name, personIds: [] };
        entry.personIds.push(row.person_id);
        byName.set(key, entry);
      }
    }
    const entries = new Map<string, NamedEntry[]>();
    for (const entry of byName.values()) {
      for (const word of new Set(words(entry.name))) {
        const list = entries.get(word) ?? [];
        list.push(entry);
        entries.set(word, list);
      }
    }
    const fuse = new Fuse([...entries.keys()], { threshold: CANDIDATE_THRESHOLD, ignoreLocation: true });
    this.names = { revision, fuse, entries };
    return this.names;
  }

  /**
   * The vocabulary, or null while the session's first one is being read. Nobody waits for a read: it
   * takes ~150 ms at 100,000 entries in 10 ms slices, and a search waiting for it held every call queued
   * behind it as long (calls run one at a time). The search answers with what full text found and says
   * its typo suggestions are pending; between the slices the calls behind it run. A slightly stale
   * vocabulary corrects typos just as well, and cannot leak: a correction is only shown when the live
   * index finds results for it. So a stale one is used while a fresh one is read.
   */
  private async vocabularyIndex(db: Kysely<Database>): Promise<Map<string, VocabularyBucket> | null> {
    const revision = await readRevision(db, 'interactions');
    const current = this.vocabulary;
    if (current && (current.revision === revision || Date.now() - current.builtAt < VOCABULARY_MAX_AGE_MS)) return current.words;
    this.rebuilding ??= readVocabulary(this.raw)
      .then((words) => {
        this.vocabulary = { revision, builtAt: Date.now(), words };
      })
      // If it fails (the journal closed meanwhile), the next search that needs it starts another.
      .catch(() => undefined)
      .finally(() => {
        this.rebuilding = null;
      });
    return current?.words ?? null;
  }

  /** Settles once no vocabulary read is under way (tests and the bench wait for it here). */
  async vocabularyRead(): Promise<void> {
    await this.rebuilding;
  }

  private rebuilding: Promise<void> | null = null;
}

/** How long one slice of the vocabulary read may hold the thread before other calls get a turn, in ms. */
export const VOCABULARY_SLICE_MS = 10;

interface VocabularyRow {
  term: string;
  col: string;
  doc: number;
}

/**
 * The index's words of four letters or more and the notes each is in, by first letter and length. Reading
 * them walks the whole index (fts5vocab counts a term's notes by walking its whole list of them: 0.2 s at
 * 100,000 entries, 2.8 s at a million) and once held the journal's thread the whole time; read as chunks
 * of rows (LIMIT n, a statement each) the chunk that reached "the", "that" and "they" still held it 54 ms
 * at 100k, since a chunk's cost shows only once it has run. So the statement is stepped row by row and
 * paused once a slice has run its time: the thread is held for the slice and the one term being walked
 * when it ran out, never more, and nothing is read twice but that term (read again from its start by the
 * next slice, as a term's rows may not all have come). The clock and the slice are parameters for the tests.
 *
 * The longest of those single steps were words the vocabulary never keeps: "and" (in 92,783 titles at a
 * million) held the thread 103 ms by itself, "the" 66 ms. So the short words are never counted: the next
 * word is found in an `instance` view of the index (its first occurrence, a seek), a short one is stepped
 * over, and a long one starts a range of words that share its first three letters, which by construction
 * holds no short word (a word shorter than four letters that sorts after it shares fewer than its first
 * three, so it sorts after the range's end).
 */
export async function readVocabulary(
  raw: BetterSqlite3.Database,
  slice: { ms: number; now: () => number } = { ms: VOCABULARY_SLICE_MS, now: () => performance.now() },
): Promise<Map<string, VocabularyBucket>> {
  // A view of the index that steps occurrence by occurrence: the first word from a point on costs a seek,
  // not a count. In the connection's temp schema: nothing is written to the journal.
  raw.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.interactions_vocab_instances USING fts5vocab(main, interactions_fts, instance)');
  const nextTerm = raw.prepare<[string], string>('SELECT term FROM temp.interactions_vocab_instances WHERE term >= ? LIMIT 1').pluck();
  const read = raw.prepare<[string, string], VocabularyRow>('SELECT term, col, doc FROM interactions_vocab WHERE term >= ? AND term < ? ORDER BY term');
  const buckets = new Map<string, VocabularyBucket>();
  const add = (term: string, docs: number, open: boolean) => {
    if ([...term].length < 4) return;
    const key = `${term[0]}${term.length}`;
    const bucket = buckets.get(key) ?? { open: [], all: [] };
    bucket.all.push({ term, docs });
    if (open) bucket.open.push({ term, docs });
    buckets.set(key, bucket);
  };
  const pause = () => new Promise((resolve) => setImmediate(resolve));
  let started = slice.now();
  // Terms hold no control characters: a bound of a word and U+0001 is the first place after that word.
  let from = '';
  for (;;) {
    if (slice.now() - started >= slice.ms) {
      await pause();
      started = slice.now();
    }
    const next = nextTerm.get(from);
    if (next === undefined) break;
    const letters = [...next];
    if (letters.length < 4) {
      from = `${next}\u0001`;
      continue;
    }
    const end = afterPrefix(letters.slice(0, 3));
    // The range's rows, stepped and paused as above; `resume` is where the next slice picks it up.
    let resume: string | null = next;
    while (resume !== null) {
      const first: string = resume;
      resume = null;
      let term: string | null = null;
      let docs = 0;
      let open = false;
      let spent = false;
      for (const row of read.iterate(first, end)) {
        if (row.term !== term) {
          // A term's rows (one per column) come together: the one before is whole.
          if (term !== null) add(term, docs, open);
          if (spent) {
            resume = row.term;
            break;
          }
          term = row.term;
          docs = 0;
          open = false;
        }
        docs += row.doc;
        open ||= row.col !== 'secret_notes';
        spent ||= slice.now() - started >= slice.ms;
      }
      if (resume === null) {
        if (term !== null) add(term, docs, open);
        break;
      }
      await pause();
      started = slice.now();
    }
    from = end;
  }
  return buckets;
}

/** The first string after every word that begins with these letters: the last one's code point plus one. */
function afterPrefix(prefix: string[]): string {
  const last = prefix.at(-1)!.codePointAt(0)! + 1;
  // A code point in the surrogate range is no character: the next one that is.
  return prefix.slice(0, -1).join('') + String.fromCodePoint(last >= 0xd800 && last <= 0xdfff ? 0xe000 : last);
}

async function readRevision(db: Kysely<Database>, scope: 'people' | 'interactions'): Promise<number> {
  const row = await db.selectFrom('search_revision').select('revision').where('scope', '=', scope).executeTakeFirst();
  return row?.revision ?? 0;
}
