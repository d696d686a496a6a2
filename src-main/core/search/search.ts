import { sql, type Kysely, type RawBuilder } from 'kysely';
import type {
  Highlighted,
  InteractionKind,
  ParsedInput,
  SearchAssociationHit,
  SearchConversationHit,
  SearchFilter,
  SearchPersonHit,
  SearchResults,
} from '../../contract/contract.js';
import type { Database } from '../db/schema.js';
import { excerpt, peopleFor } from '../interactions/interactions.js';
import { HIT_CLOSE, HIT_OPEN, matchExpression, plain, toParts } from './fts.js';
import { hasHit, highlight, needlesOf, snippet } from './highlight.js';
import { findAssociations, highlightName, type FuzzyIndex, type NameKind } from './fuzzy.js';
import { parseQuery, type ParsedQuery, type Term } from './query.js';

type Input = ParsedInput<'search.query'>;

/** Columns a search looks in when confidences are left out: everything but `secret_notes`. */
const OPEN_COLUMNS = ['title', 'public_notes', 'location'] as const;
const PEOPLE_LIMIT = 8;
const ASSOCIATIONS_LIMIT = 5;
/** Tokens on either side of a hit in a snippet. */
const SNIPPET_TOKENS = 28;

interface Scope {
  kinds: InteractionKind[];
  before: string | null;
  after: string | null;
  /** Each filter's people; an interaction must include someone from every set. */
  personSets: number[][];
  /** Each association: filter's associations; an event must be held by one of every set. */
  associationSets: number[][];
}

/**
 * Searches the journal: people (full text, then fuzzy names) and conversations (full text ranked by
 * bm25 then recency, or by recency alone when only filters were given). When full text finds no
 * conversation, words are corrected against the index's own vocabulary and the search runs again.
 */
export async function search(db: Kysely<Database>, input: Input, fuzzy: FuzzyIndex): Promise<SearchResults> {
  const parsed = parseQuery(input.query);
  const results: SearchResults = {
    query: input.query,
    includeConfidential: input.includeConfidential,
    problems: parsed.problems,
    filters: [],
    people: [],
    associations: [],
    conversations: [],
    more: false,
    fuzzy: null,
    typosPending: false,
  };
  if (hasErrors(results)) return results;

  const scope: Scope = { kinds: parsed.kind, before: parsed.before?.iso ?? null, after: parsed.after?.iso ?? null, personSets: [], associationSets: [] };
  await resolvePeopleFilters(db, parsed, scope, results, fuzzy);
  await resolveAssociationFilters(db, parsed, scope, results);
  if (hasErrors(results)) return results;
  if (parsed.kind.length > 0) results.filters.push({ key: 'kind', label: parsed.kind.join(', '), fuzzy: false });
  if (parsed.after) results.filters.push({ key: 'after', label: parsed.after.text, fuzzy: false });
  if (parsed.before) results.filters.push({ key: 'before', label: parsed.before.text, fuzzy: false });

  const filtered = scope.kinds.length > 0 || scope.before || scope.after || scope.personSets.length > 0 || scope.associationSets.length > 0;
  if (parsed.terms.length === 0 && !filtered) return results;
  results.associations = await findAssociationHits(db, parsed.terms);

  const onlyShort = parsed.terms.length > 0 && parsed.terms.every((term) => term.type === 'word' && term.tokens.length === 1 && term.tokens[0]!.length < 3);
  const found =
    parsed.terms.length === 0
      ? await recentConversations(db, scope, input.limit)
      : onlyShort
        ? await beginningConversations(db, parsed.terms, scope, input)
        : await matchConversations(db, parsed.terms, scope, input);
  results.conversations = found.hits;
  results.more = found.more;

  if (parsed.terms.length > 0 && !onlyShort && found.hits.length === 0) {
    const corrected = await correctTerms(db, parsed.terms, fuzzy, input.includeConfidential);
    if (corrected === 'pending') results.typosPending = true;
    else if (corrected) {
      const retry = await matchConversations(db, corrected, scope, input);
      if (retry.hits.length > 0) {
        results.conversations = retry.hits;
        results.more = retry.more;
        results.fuzzy = { query: corrected.map((term) => (term.type === 'phrase' ? `"${term.text}"` : term.text)).join(' ') };
      }
    }
  }

  // A word that fills a page of conversations is a word, not a misspelt name: no fuzzy people for it.
  results.people = await findPeople(db, parsed.terms, scope, results.more ? null : fuzzy);
  return results;
}

function hasErrors(results: SearchResults): boolean {
  return results.problems.some((problem) => problem.severity === 'error');
}

/** Associations by name: what the words typed begin, or are a typo or two off. Short queries only: long ones are about notes. */
async function findAssociationHits(db: Kysely<Database>, terms: readonly Term[]): Promise<SearchAssociationHit[]> {
  const text = terms.map((term) => term.tokens.join(' ')).join(' ');
  if (terms.length === 0 || terms.length > 3 || text.length < 3) return [];
  const near = await findAssociations(db, text, ASSOCIATIONS_LIMIT);
  return near.map((found) => ({
    id: found.id,
    name: highlightName(text, found.name),
    status: found.status,
    category: found.category,
    fuzzy: found.typos > 0,
  }));
}

/** association: becomes the set of associations closest to its name; an event must be held by one of them. */
async function resolveAssociationFilters(db: Kysely<Database>, parsed: ParsedQuery, scope: Scope, results: SearchResults) {
  for (const term of parsed.association) {
    const near = await findAssociations(db, term.text, 20);
    const exact = near.filter((found) => found.name.toLocaleLowerCase() === term.text.toLocaleLowerCase());
    const best = near[0]?.typos ?? 0;
    // Only the closest: "association:circel" means the Circle, not every name a typo further away.
    const chosen = exact.length > 0 ? exact : near.filter((found) => found.typos < Math.floor(best) + 1);
    if (chosen.length === 0) {
      results.problems.push({ severity: 'error', message: `No association in your journal is called “${term.text}”.` });
      continue;
    }
    scope.associationSets.push(chosen.map((found) => found.id));
    const names = chosen.map((found) => found.name).sort((a, b) => a.localeCompare(b));
    const label = names.length > 3 ? `${names.slice(0, 3).join(', ')} and others` : names.join(', ');
    results.filters.push({ key: 'association', label, fuzzy: exact.length === 0 && best > 0 });
  }
}

/** person:, org: and tag: each become a set of people, exactly if possible, fuzzily if not. */
async function resolvePeopleFilters(db: Kysely<Database>, parsed: ParsedQuery, scope: Scope, results: SearchResults, fuzzy: FuzzyIndex) {
  const resolve = async (key: 'person' | 'org' | 'tag', text: string, exact: () => Promise<number[]>, kind: NameKind) => {
    let ids = await exact();
    let isFuzzy = false;
    if (ids.length === 0) {
      const near = await fuzzy.findNames(db, text, [kind], 5);
      const best = near[0]?.score ?? 1;
      // Only the closest: "person:pryia" means Priya, not everyone a typo further away.
      ids = [...new Set(near.filter((entry) => entry.score < Math.floor(best) + 1).flatMap((entry) => entry.personIds))];
      isFuzzy = ids.length > 0;
    }
    if (ids.length === 0) {
      const what = { person: 'No one in your journal is called', org: 'No one in your journal works at', tag: 'No one in your journal is tagged' }[key];
      results.problems.push({ severity: 'error', message: `${what} “${text}”.` });
      return;
    }
    scope.personSets.push(ids);
    results.filters.push({ key, label: await describe(db, key, ids), fuzzy: isFuzzy });
  };
  for (const term of parsed.person) {
    await resolve('person', term.text, () => peopleMatching(db, 'name', term), 'person');
  }
  for (const term of parsed.org) {
    await resolve('org', term.text, () => peopleMatching(db, 'organization', term), 'organization');
  }
  for (const tag of parsed.tag) {
    await resolve('tag', tag, () => peopleTagged(db, tag), 'tag');
  }
}

async function peopleMatching(db: Kysely<Database>, column: 'name' | 'organization', term: Term): Promise<number[]> {
  // Every word of a filter value is a word beginning: person:pri finds Priya; person:"Priya Raman" exactly.
  const words = term.type === 'phrase' ? [term] : term.tokens.map((token): Term => ({ type: 'word', text: token, tokens: [token] }));
  const match = matchExpression(words, [column]);
  if (!match) return [];
  const { rows } = await sql<{ id: number }>`SELECT rowid AS id FROM people_fts WHERE people_fts MATCH ${match}`.execute(db);
  return rows.map((row) => row.id);
}

async function peopleTagged(db: Kysely<Database>, tag: string): Promise<number[]> {
  const exact = await db.selectFrom('person_tags').select('person_id').where('tag', '=', tag).execute();
  if (exact.length > 0) return exact.map((row) => row.person_id);
  // tag:invest finds "investor"; LIKE's own wildcards in the typed text are escaped.
  const prefix = `${tag.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const rows = await sql<{ person_id: number }>`SELECT person_id FROM person_tags WHERE tag LIKE ${prefix} ESCAPE '\\'`.execute(db);
  return [...new Set(rows.rows.map((row) => row.person_id))];
}

async function describe(db: Kysely<Database>, key: 'person' | 'org' | 'tag', ids: number[]): Promise<string> {
  const column = key === 'org' ? 'organization' : 'name';
  if (key === 'tag') {
    return `${ids.length} ${ids.length === 1 ? 'person' : 'people'}`;
  }
  const rows = await db.selectFrom('people').select(column).distinct().where('id', 'in', ids.slice(0, 200)).orderBy(column).limit(4).execute();
  const names = rows.map((row) => (row as Record<string, string | null>)[column]).filter((name): name is string => !!name);
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? `${shown} and others` : shown;
}

/** Filters on the interactions table itself; person filters are separate (see personConditions). */
function rowConditions(scope: Scope): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [sql`i.deleted_at IS NULL`];
  if (scope.kinds.length > 0) conditions.push(sql`i.kind IN (${sql.join(scope.kinds)})`);
  if (scope.after) conditions.push(sql`i.occurred_at >= ${scope.after}`);
  if (scope.before) conditions.push(sql`i.occurred_at < ${scope.before}`);
  for (const ids of scope.associationSets) conditions.push(sql`i.association_id IN (${sql.join(ids)})`);
  return conditions;
}

/**
 * An interaction must include someone from every person set. The unary + keeps SQLite from handing the
 * ids to FTS5 as rowid lookups, each of which would re-run the whole MATCH; as a plain filter it is a
 * bloom-filtered set membership test.
 */
function personConditions(scope: Scope, id: RawBuilder<unknown>, how: 'filter' | 'drive' | 'probe' = 'filter'): RawBuilder<unknown>[] {
  return scope.personSets.map((ids, index) => {
    const list = sql.join(ids);
    // probe: one index lookup per row walked, for walks that stop early: the entry's own links (the
    // primary key, a row or three), with the + keeping SQLite from seeking each id of the set instead
    // (tag:investor is 3,641 people at a million: 3,641 seeks per entry walked, 320 ms against 3).
    // drive: the first set's rows are where the query starts.
    if (how === 'probe') return sql`EXISTS (SELECT 1 FROM interaction_people ip WHERE ip.interaction_id = ${id} AND +ip.person_id IN (${list}))`;
    if (how === 'drive' && index === 0) return sql`${id} IN (SELECT interaction_id FROM interaction_people WHERE person_id IN (${list}))`;
    return sql`+${id} IN (SELECT interaction_id FROM interaction_people WHERE person_id IN (${list}))`;
  });
}

interface ConversationRow {
  id: number;
  occurred_at: string;
  kind: InteractionKind;
  title: string;
  notes: string;
  confidential: number;
  location: string | null;
}

async function matchConversations(
  db: Kysely<Database>,
  terms: readonly Term[],
  scope: Scope,
  input: Input,
): Promise<{ hits: SearchConversationHit[]; more: boolean }> {
  const match = matchExpression(terms, input.includeConfidential ? undefined : OPEN_COLUMNS);
  if (!match) return { hits: [], more: false };
  const needsRow = scope.kinds.length > 0 || scope.before !== null || scope.after !== null || scope.associationSets.length > 0;
  // Soft-deleted entries are not in the index, so without row filters the table is not read at all.
  const conditions = [...(needsRow ? rowConditions(scope) : []), ...personConditions(scope, sql`f.rowid`)];
  const from = sql`FROM interactions_fts f ${needsRow ? sql`JOIN interactions i ON i.id = f.rowid` : sql``}
    WHERE interactions_fts MATCH ${match} ${sql.join(conditions.map((condition) => sql`AND ${condition}`), sql` `)}`;
  // bm25 scores every row that matches before the LIMIT applies: "the", in most notes, cost 140 ms at
  // 100,000 entries and more than a second at a million, and ranks noise (a word in every note has no
  // weight). So only the newest RANKED_AT_MOST matches are ranked, here rather than by FTS5: walking the
  // match in rowid order stops at the LIMIT, and scoring those rows as they pass is cheap. (Asking FTS5 to
  // ORDER BY rank above a rowid floor found by a first walk read every prefix's doclists twice: 4-word
  // queries took 133 ms at a million against about half that in one walk.) A word in fewer notes than that
  // is ranked over all of them.
  const { rows: newest } = await sql<{ id: number; rank: number }>`
    SELECT f.rowid AS id, f.rank AS rank ${from} ORDER BY f.rowid DESC LIMIT ${Math.max(RANKED_AT_MOST, input.limit + 1)}`.execute(db);
  // Best first; equal ranks newest first (rowids grow with each entry written, not with its date, so the
  // page breaks ties again by date below). One row past a full page of 100 says there are more.
  const ranked = newest.sort((a, b) => a.rank - b.rank || b.id - a.id).slice(0, input.limit + 1);
  const rank = new Map(ranked.map((row) => [row.id, row.rank]));
  const rows = await rowsById(db, ranked.slice(0, input.limit).map((row) => row.id));
  rows.sort((a, b) => rank.get(a.id)! - rank.get(b.id)! || b.occurred_at.localeCompare(a.occurred_at) || b.id - a.id);

  const needles = needlesOf(terms);
  const people = await peopleFor(db, rows.map((row) => row.id));
  const hits = rows.map((row): SearchConversationHit => {
    const confidential = row.confidential === 1;
    return {
      ...common(row, people.get(row.id) ?? []),
      title: highlight(row.title, needles),
      // Confidential notes never leave main: no snippet, only whether they matched (when included).
      snippet: confidential ? null : (snippet(row.notes, needles) ?? plainExcerpt(row.notes)),
      matchedConfidentialNotes: confidential && input.includeConfidential && hasHit(row.notes, needles),
    };
  });
  return { hits, more: ranked.length > input.limit };
}

async function rowsById(db: Kysely<Database>, ids: number[]): Promise<ConversationRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('interactions')
    .select(['id', 'occurred_at', 'kind', 'title', 'notes', 'confidential', 'location'])
    .where('id', 'in', ids)
    .execute();
  return rows as ConversationRow[];
}

function plainExcerpt(notes: string): Highlighted | null {
  const text = excerpt(notes);
  return text ? plain(text) : null;
}

/** How many of the newest matches are ranked by relevance (see matchConversations). */
const RANKED_AT_MOST = 100;

/** A person filter matching more conversations than this walks the timeline index instead of sorting them. */
const WALK_FROM = 2000;

/** Filters without words: the newest conversations that pass them, with the timeline's excerpt. */
async function recentConversations(db: Kysely<Database>, scope: Scope, limit: number): Promise<{ hits: SearchConversationHit[]; more: boolean }> {
  // Either read the few conversations of a rarely seen person and sort them, or walk the timeline from
  // the newest end and stop at the page's end: whichever touches fewer rows.
  let walk = scope.personSets.length === 0;
  if (!walk) {
    const counts = await Promise.all(
      scope.personSets.map(async (ids) => {
        const row = await db.selectFrom('interaction_people').select((eb) => eb.fn.countAll<number>().as('n')).where('person_id', 'in', ids).executeTakeFirst();
        return Number(row?.n ?? 0);
      }),
    );
    walk = Math.min(...counts) > WALK_FROM;
  }
  const conditions = [...rowConditions(scope), ...personConditions(scope, sql`i.id`, walk ? 'probe' : 'drive')];
  const { rows } = await sql<ConversationRow>`
    SELECT i.id, i.occurred_at, i.kind, i.title, i.notes, i.confidential, i.location
    FROM interactions i ${walk ? sql`INDEXED BY interactions_timeline` : sql``}
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY i.occurred_at DESC, i.id DESC
    LIMIT ${limit + 1}`.execute(db);
  const page = rows.slice(0, limit);
  const people = await peopleFor(db, page.map((row) => row.id));
  const hits = page.map((row): SearchConversationHit => ({
    ...common(row, people.get(row.id) ?? []),
    title: plain(row.title),
    snippet: row.confidential === 1 ? null : plainExcerpt(row.notes),
    matchedConfidentialNotes: false,
  }));
  return { hits, more: rows.length > limit };
}

/** How many of the newest conversations a one- or two-letter search looks through. */
const SHORT_WALK = 1500;
const SHORT_CHUNK = 250;

/**
 * One or two letters typed: conversations with a word beginning with them, newest first, among the newest
 * SHORT_WALK. The index has no prefix entries that short ("t*" would merge the lists of thousands of words,
 * over half a second at 100,000 entries), and what someone sees while typing the first letters is what
 * they wrote lately. Words are matched as the highlighter matches them, so every hit shows its mark.
 */
async function beginningConversations(
  db: Kysely<Database>,
  terms: readonly Term[],
  scope: Scope,
  input: Input,
): Promise<{ hits: SearchConversationHit[]; more: boolean }> {
  const needles = needlesOf(terms).map((needle) => ({ ...needle, prefix: true }));
  const conditions = [...rowConditions(scope), ...personConditions(scope, sql`i.id`, 'probe')];
  const found: ConversationRow[] = [];
  let after: { occurred_at: string; id: number } | null = null;
  for (let walked = 0; walked < SHORT_WALK && found.length <= input.limit; walked += SHORT_CHUNK) {
    const cursor: RawBuilder<unknown>[] = after
      ? [sql`i.occurred_at <= ${after.occurred_at}`, sql`(i.occurred_at < ${after.occurred_at} OR (i.occurred_at = ${after.occurred_at} AND i.id < ${after.id}))`]
      : [];
    const { rows } = await sql<ConversationRow>`
      SELECT i.id, i.occurred_at, i.kind, i.title, i.notes, i.confidential, i.location
      FROM interactions i INDEXED BY interactions_timeline
      WHERE ${sql.join([...conditions, ...cursor], sql` AND `)}
      ORDER BY i.occurred_at DESC, i.id DESC
      LIMIT ${SHORT_CHUNK}`.execute(db);
    for (const row of rows) {
      const notes = row.confidential === 1 && !input.includeConfidential ? '' : row.notes;
      // Every word typed must begin a word somewhere in the conversation (AND, as the index would).
      if (needles.every((needle) => hasHit(`${row.title}\n${row.location ?? ''}\n${notes}`, [needle]))) found.push(row);
      if (found.length > input.limit) break;
    }
    const last = rows.at(-1);
    if (!last || rows.length < SHORT_CHUNK) break;
    after = { occurred_at: last.occurred_at, id: last.id };
  }
  const page = found.slice(0, input.limit);
  const people = await peopleFor(db, page.map((row) => row.id));
  const hits = page.map((row): SearchConversationHit => {
    const confidential = row.confidential === 1;
    return {
      ...common(row, people.get(row.id) ?? []),
      title: highlight(row.title, needles),
      snippet: confidential ? null : (snippet(row.notes, needles) ?? plainExcerpt(row.notes)),
      matchedConfidentialNotes: confidential && input.includeConfidential && hasHit(row.notes, needles),
    };
  });
  return { hits, more: found.length > input.limit };
}

function common(row: ConversationRow, people: SearchConversationHit['people']) {
  return { id: row.id, occurredAt: row.occurred_at, kind: row.kind, confidential: row.confidential === 1, location: row.location, people };
}

/**
 * Replaces each word the index does not know with the closest one it does; null if nothing changed,
 * 'pending' if a word needed the vocabulary and it is still being read.
 */
async function correctTerms(db: Kysely<Database>, terms: readonly Term[], fuzzy: FuzzyIndex, includeConfidential: boolean): Promise<Term[] | null | 'pending'> {
  let changed = false;
  const corrected: Term[] = [];
  for (const term of terms) {
    const fixed: string[] = [];
    for (const token of term.tokens) {
      const better =
        token.length >= 4 ? await fuzzy.correct(db, token, includeConfidential) : token.length === 3 ? await swapped(db, token, includeConfidential) : null;
      if (better === 'pending') return 'pending';
      if (better) changed = true;
      fixed.push(better ?? token);
    }
    corrected.push({ type: term.type, text: fixed.join(' '), tokens: fixed });
  }
  return changed ? corrected : null;
}

/**
 * A three-letter word is too short for the vocabulary's typo search (almost every one-letter change is
 * another word), but two letters typed the wrong way round ("teh", "adn") are the commonest slip of all:
 * the swap the index knows best, if any.
 */
async function swapped(db: Kysely<Database>, token: string, includeConfidential: boolean): Promise<string | null> {
  let best: { word: string; count: number } | null = null;
  for (const at of [0, 1]) {
    const word = token.slice(0, at) + token[at + 1]! + token[at]! + token.slice(at + 2);
    if (word === token) continue;
    const match = matchExpression([{ type: 'word', text: word, tokens: [word] }], includeConfidential ? undefined : OPEN_COLUMNS);
    // Counted up to a cap: enough to tell a real word from a stray token without reading a long list.
    const { rows } = await sql<{ n: number }>`
      SELECT count(*) AS n FROM (SELECT 1 FROM interactions_fts WHERE interactions_fts MATCH ${match!.replace(/\*$/, '').replace(/\*\)$/, ')')} LIMIT 500)`.execute(db);
    const count = Number(rows[0]?.n ?? 0);
    if (count > 0 && (!best || count > best.count)) best = { word, count };
  }
  return best?.word ?? null;
}

/** People whose name, organization, role, function or tags match; fuzzy names fill in when few do. */
async function findPeople(db: Kysely<Database>, terms: readonly Term[], scope: Scope, fuzzy: FuzzyIndex | null): Promise<SearchPersonHit[]> {
  const allowed = intersect(scope.personSets);
  const hits: SearchPersonHit[] = [];
  const match = matchExpression(terms);
  if (match) {
    const { rows } = await sql<{ id: number; name: string; organization: string; role: string }>`
      SELECT rowid AS id,
        highlight(people_fts, 0, ${HIT_OPEN}, ${HIT_CLOSE}) AS name,
        highlight(people_fts, 1, ${HIT_OPEN}, ${HIT_CLOSE}) AS organization,
        highlight(people_fts, 2, ${HIT_OPEN}, ${HIT_CLOSE}) AS role
      FROM people_fts
      WHERE people_fts MATCH ${match} ${allowed ? sql`AND rowid IN (${sql.join(allowed.length > 0 ? allowed : [0])})` : sql``}
      ORDER BY rank
      LIMIT ${PEOPLE_LIMIT}`.execute(db);
    for (const row of rows) {
      hits.push({ id: row.id, name: toParts(row.name), detail: detail(toParts(row.organization ?? ''), toParts(row.role ?? '')), tags: [], fuzzy: false });
    }
    const text = terms.map((term) => term.tokens.join(' ')).join(' ');
    // A typo or a partial word in a name: "pryia", "mrgaret". Not for long queries, which are about notes.
    if (fuzzy && hits.length < 3 && terms.length <= 2 && text.length >= 3) {
      const seen = new Set(hits.map((hit) => hit.id));
      const near = await fuzzy.findNames(db, text, ['person', 'organization', 'tag'], PEOPLE_LIMIT);
      const ids = near.flatMap((entry) => entry.personIds).filter((id) => !seen.has(id) && (!allowed || allowed.includes(id)));
      hits.push(...(await plainPeople(db, [...new Set(ids)].slice(0, PEOPLE_LIMIT - hits.length), true)));
    }
  } else if (allowed) {
    hits.push(...(await plainPeople(db, allowed.slice(0, 200), false)).slice(0, PEOPLE_LIMIT));
  }
  return withTags(db, hits);
}

function intersect(sets: number[][]): number[] | null {
  if (sets.length === 0) return null;
  return sets.reduce((kept, next) => {
    const set = new Set(next);
    return kept.filter((id) => set.has(id));
  });
}

function detail(organization: Highlighted, role: Highlighted): Highlighted | null {
  if (organization.length === 0) return role.length > 0 ? role : null;
  if (role.length === 0) return organization;
  return [...organization, { text: ' · ', hit: false }, ...role];
}

async function plainPeople(db: Kysely<Database>, ids: number[], isFuzzy: boolean): Promise<SearchPersonHit[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('people').select(['id', 'name', 'organization', 'role']).where('id', 'in', ids).orderBy(sql`name COLLATE NOCASE`).execute();
  const order = isFuzzy ? new Map(ids.map((id, index) => [id, index])) : null;
  if (order) rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return rows.map((row) => ({
    id: row.id,
    name: plain(row.name),
    detail: detail(plain(row.organization ?? ''), plain(row.role ?? '')),
    tags: [],
    fuzzy: isFuzzy,
  }));
}

async function withTags(db: Kysely<Database>, hits: SearchPersonHit[]): Promise<SearchPersonHit[]> {
  if (hits.length === 0) return hits;
  const tags = await db.selectFrom('person_tags').select(['person_id', 'tag']).where('person_id', 'in', hits.map((hit) => hit.id)).orderBy('tag').execute();
  return hits.map((hit) => ({ ...hit, tags: tags.filter((row) => row.person_id === hit.id).map((row) => row.tag) }));
}
