import Fuse from 'fuse.js';
import { sql, type Kysely } from 'kysely';
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
 * Where names come from. Adding associations (boards, clubs, alumni networks) once they exist is one
 * line here: `{ kind: 'association', load: (db) => ... }`, plus the kind in NameKind.
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
const CANDIDATE_THRESHOLD = 0.6;

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

interface VocabularyWord {
  term: string;
  docs: number;
}

interface VocabularyBucket {
  /** Words found outside confidential notes. */
  open: VocabularyWord[];
  all: VocabularyWord[];
}

export class FuzzyIndex {
  private names: { revision: number; fuse: Fuse<NamedEntry> } | null = null;
  private vocabulary: { revision: number; words: Map<number, VocabularyBucket> } | null = null;

  /** Names of the given kind close to `text`, best first. */
  async findNames(db: Kysely<Database>, text: string, kinds: readonly NameKind[], limit = 8): Promise<(NamedEntry & { score: number })[]> {
    const fuse = await this.nameIndex(db);
    return fuse
      .search(text, { limit: 60 })
      .filter((result) => kinds.includes(result.item.kind))
      .flatMap((result) => {
        const typos = nameCloseness(text, result.item.name);
        return typos === null ? [] : [{ ...result.item, score: typos + (result.score ?? 1) / 10 }];
      })
      .sort((a, b) => a.score - b.score)
      .slice(0, limit);
  }

  /**
   * The indexed word closest to `word`, for the typo fallback, or null. Words only in confidential notes
   * are candidates only when the search includes confidences: a correction must not reveal one.
   */
  async correct(db: Kysely<Database>, word: string, includeConfidential: boolean): Promise<string | null> {
    const byLength = await this.vocabularyIndex(db);
    // A typo changes the length by a character or two; looking only there keeps each search small.
    const candidates: VocabularyWord[] = [];
    for (let length = word.length - 2; length <= word.length + 2; length += 1) {
      const bucket = byLength.get(length);
      if (bucket) candidates.push(...(includeConfidential ? bucket.all : bucket.open));
    }
    if (candidates.length === 0) return null;
    const found = new Fuse(candidates, { keys: ['term'], threshold: CANDIDATE_THRESHOLD, ignoreLocation: true, includeScore: true })
      .search(word, { limit: 40 })
      .map(({ item }) => ({ ...item, typos: typoDistance(word, item.term) }))
      .filter((item) => item.typos > 0 && item.typos <= allowedTypos(word))
      // Fewest typos, then the word the journal uses most.
      .sort((a, b) => a.typos - b.typos || b.docs - a.docs);
    return found[0]?.term ?? null;
  }

  private async nameIndex(db: Kysely<Database>): Promise<Fuse<NamedEntry>> {
    const revision = await readRevision(db, 'people');
    if (this.names?.revision === revision) return this.names.fuse;
    const entries = new Map<string, NamedEntry>();
    for (const source of nameSources) {
      for (const row of await source.load(db)) {
        const key = `${source.kind}\u0000${row.name.toLocaleLowerCase()}`;
        const entry = entries.get(key) ?? { kind: source.kind, name: row.name, personIds: [] };
        entry.personIds.push(row.person_id);
        entries.set(key, entry);
      }
    }
    const fuse = new Fuse([...entries.values()], {
      keys: ['name'],
      threshold: CANDIDATE_THRESHOLD,
      ignoreLocation: true,
      ignoreDiacritics: true,
      includeScore: true,
    });
    this.names = { revision, fuse };
    return fuse;
  }

  private async vocabularyIndex(db: Kysely<Database>): Promise<Map<number, VocabularyBucket>> {
    const revision = await readRevision(db, 'interactions');
    if (this.vocabulary?.revision === revision) return this.vocabulary.words;
    // fts5vocab reads the index's term list directly: one pass, no table scan. Words shorter than four
    // letters are left out: almost every short typo is another real word.
    const { rows } = await sql<{ term: string; open: number; docs: number }>`
      SELECT term, max(col <> 'secret_notes') AS open, sum(doc) AS docs FROM interactions_vocab
      WHERE length(term) >= 4 GROUP BY term`.execute(db);
    const words = new Map<number, VocabularyBucket>();
    for (const { term, open, docs } of rows) {
      const bucket = words.get(term.length) ?? { open: [], all: [] };
      bucket.all.push({ term, docs });
      if (open) bucket.open.push({ term, docs });
      words.set(term.length, bucket);
    }
    this.vocabulary = { revision, words };
    return words;
  }
}

async function readRevision(db: Kysely<Database>, scope: 'people' | 'interactions'): Promise<number> {
  const row = await db.selectFrom('search_revision').select('revision').where('scope', '=', scope).executeTakeFirst();
  return row?.revision ?? 0;
}
