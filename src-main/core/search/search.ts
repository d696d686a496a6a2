import { sql, type Kysely, type RawBuilder } from 'kysely';
import type {
  Highlighted,
  InteractionKind,
  ParsedInput,
  SearchConversationHit,
  SearchFilter,
  SearchPersonHit,
  SearchResults,
} from '../../contract/contract.js';
import type { Database } from '../db/schema.js';
import { excerpt, peopleFor } from '../interactions/interactions.js';
import { HIT_CLOSE, HIT_OPEN, matchExpression, plain, toParts } from './fts.js';
import type { FuzzyIndex, NameKind } from './fuzzy.js';
import { parseQuery, type ParsedQuery, type Term } from './query.js';

type Input = ParsedInput<'search.query'>;

/** Columns a search looks in when confidences are left out: everything but `secret_notes`. */
const OPEN_COLUMNS = ['title', 'public_notes', 'location'] as const;
const PEOPLE_LIMIT = 8;
/** Tokens on either side of a hit in a snippet. */
const SNIPPET_TOKENS = 28;

interface Scope {
  kinds: InteractionKind[];
  before: string | null;
  after: string | null;
  /** Each filter's people; an interaction must include someone from every set. */
  personSets: number[][];
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
    conversations: [],
    more: false,
    fuzzy: null,
  };
  if (hasErrors(results)) return results;

  const scope: Scope = { kinds: parsed.kind, before: parsed.before?.iso ?? null, after: parsed.after?.iso ?? null, personSets: [] };
  await resolvePeopleFilters(db, parsed, scope, results, fuzzy);
  if (hasErrors(results)) return results;
  if (parsed.kind.length > 0) results.filters.push({ key: 'kind', label: parsed.kind.join(', '), fuzzy: false });
  if (parsed.after) results.filters.push({ key: 'after', label: parsed.after.text, fuzzy: false });
  if (parsed.before) results.filters.push({ key: 'before', label: parsed.before.text, fuzzy: false });

  const filtered = scope.kinds.length > 0 || scope.before || scope.after || scope.personSets.length > 0;
  if (parsed.terms.length === 0 && !filtered) return results;

  const found =
    parsed.terms.length > 0
      ? await matchConversations(db, parsed.terms, scope, input)
      : await recentConversations(db, scope, input.limit);
  results.conversations = found.hits;
  results.more = found.more;

  if (parsed.terms.length > 0 && found.hits.length === 0) {
    const corrected = await correctTerms(db, parsed.terms, fuzzy, input.includeConfidential);
    if (corrected) {
      const retry = await matchConversations(db, corrected, scope, input);
      if (retry.hits.length > 0) {
        results.conversations = retry.hits;
        results.more = retry.more;
        results.fuzzy = { query: corrected.map((term) => (term.type === 'phrase' ? `"${term.text}"` : term.text)).join(' ') };
      }
    }
  }

  results.people = await findPeople(db, parsed.terms, scope, fuzzy);
  return results;
}

function hasErrors(results: SearchResults): boolean {
  return results.problems.some((problem) => problem.severity === 'error');
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

function scopeConditions(scope: Scope): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [sql`i.deleted_at IS NULL`];
  if (scope.kinds.length > 0) conditions.push(sql`i.kind IN (${sql.join(scope.kinds)})`);
  if (scope.after) conditions.push(sql`i.occurred_at >= ${scope.after}`);
  if (scope.before) conditions.push(sql`i.occurred_at < ${scope.before}`);
  for (const ids of scope.personSets) {
    conditions.push(sql`i.id IN (SELECT interaction_id FROM interaction_people WHERE person_id IN (${sql.join(ids)}))`);
  }
  return conditions;
}

interface ConversationRow {
  id: number;
  occurred_at: string;
  kind: InteractionKind;
  title: string;
  notes?: string;
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
  // Rank first, highlight after: snippet() is costly, so only the page that is shown gets one.
  const { rows } = await sql<ConversationRow>`
    SELECT i.id, i.occurred_at, i.kind, i.title, i.confidential, i.location
    FROM interactions_fts f JOIN interactions i ON i.id = f.rowid
    WHERE interactions_fts MATCH ${match} AND ${sql.join(scopeConditions(scope), sql` AND `)}
    ORDER BY f.rank, i.occurred_at DESC, i.id DESC
    LIMIT ${input.limit + 1}`.execute(db);
  const page = rows.slice(0, input.limit);
  if (page.length === 0) return { hits: [], more: false };

  const { rows: marked } = await sql<{ id: number; title: string; snippet: string | null; secret_hit: number }>`
    SELECT rowid AS id,
      highlight(interactions_fts, 0, ${HIT_OPEN}, ${HIT_CLOSE}) AS title,
      snippet(interactions_fts, 1, ${HIT_OPEN}, ${HIT_CLOSE}, '…', ${SNIPPET_TOKENS}) AS snippet,
      ${
        input.includeConfidential
          ? sql`secret_notes IS NOT NULL AND instr(highlight(interactions_fts, 2, ${HIT_OPEN}, ${HIT_CLOSE}), ${HIT_OPEN}) > 0`
          : sql`0`
      } AS secret_hit
    FROM interactions_fts
    WHERE interactions_fts MATCH ${match} AND rowid IN (${sql.join(page.map((row) => row.id))})`.execute(db);
  const byId = new Map(marked.map((row) => [row.id, row]));
  const people = await peopleFor(db, page.map((row) => row.id));
  const hits = page.map((row): SearchConversationHit => {
    const hit = byId.get(row.id);
    const confidential = row.confidential === 1;
    return {
      ...common(row, people.get(row.id) ?? []),
      title: hit ? toParts(hit.title) : plain(row.title),
      // Confidential notes are not in public_notes, so the snippet is empty for them; null says so.
      snippet: !confidential && hit?.snippet ? toParts(hit.snippet) : null,
      matchedConfidentialNotes: confidential && hit?.secret_hit === 1,
    };
  });
  return { hits, more: rows.length > input.limit };
}

/** Filters without words: the newest conversations that pass them, with the timeline's excerpt. */
async function recentConversations(db: Kysely<Database>, scope: Scope, limit: number): Promise<{ hits: SearchConversationHit[]; more: boolean }> {
  const { rows } = await sql<ConversationRow>`
    SELECT i.id, i.occurred_at, i.kind, i.title, i.notes, i.confidential, i.location
    FROM interactions i
    WHERE ${sql.join(scopeConditions(scope), sql` AND `)}
    ORDER BY i.occurred_at DESC, i.id DESC
    LIMIT ${limit + 1}`.execute(db);
  const page = rows.slice(0, limit);
  const people = await peopleFor(db, page.map((row) => row.id));
  const hits = page.map((row): SearchConversationHit => {
    const text = row.confidential === 1 ? null : excerpt(row.notes ?? '');
    return { ...common(row, people.get(row.id) ?? []), title: plain(row.title), snippet: text ? plain(text) : null, matchedConfidentialNotes: false };
  });
  return { hits, more: rows.length > limit };
}

function common(row: ConversationRow, people: SearchConversationHit['people']) {
  return { id: row.id, occurredAt: row.occurred_at, kind: row.kind, confidential: row.confidential === 1, location: row.location, people };
}

/** Replaces each word the index does not know with the closest one it does; null if nothing changed. */
async function correctTerms(db: Kysely<Database>, terms: readonly Term[], fuzzy: FuzzyIndex, includeConfidential: boolean): Promise<Term[] | null> {
  let changed = false;
  const corrected: Term[] = [];
  for (const term of terms) {
    const fixed: string[] = [];
    for (const token of term.tokens) {
      const better = token.length >= 4 ? await fuzzy.correct(db, token, includeConfidential) : null;
      if (better) changed = true;
      fixed.push(better ?? token);
    }
    corrected.push({ type: term.type, text: fixed.join(' '), tokens: fixed });
  }
  return changed ? corrected : null;
}

/** People whose name, organization, role, function or tags match; fuzzy names fill in when few do. */
async function findPeople(db: Kysely<Database>, terms: readonly Term[], scope: Scope, fuzzy: FuzzyIndex): Promise<SearchPersonHit[]> {
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
      hits.push({ id: row.id, name: toParts(row.name), detail: detail(toParts(row.organization ?? ''), toParts(row.role ?? '')), tags: [], lastInteractionAt: null, fuzzy: false });
    }
    const text = terms.map((term) => term.tokens.join(' ')).join(' ');
    // A typo or a partial word in a name: "pryia", "mrgaret". Not for long queries, which are about notes.
    if (hits.length < 3 && terms.length <= 2 && text.length >= 3) {
      const seen = new Set(hits.map((hit) => hit.id));
      const near = await fuzzy.findNames(db, text, ['person', 'organization', 'tag'], PEOPLE_LIMIT);
      const ids = near.flatMap((entry) => entry.personIds).filter((id) => !seen.has(id) && (!allowed || allowed.includes(id)));
      hits.push(...(await plainPeople(db, [...new Set(ids)].slice(0, PEOPLE_LIMIT - hits.length), true)));
    }
  } else if (allowed) {
    hits.push(...(await plainPeople(db, allowed.slice(0, 200), false)).slice(0, PEOPLE_LIMIT));
  }
  return withStats(db, hits);
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
    lastInteractionAt: null,
    fuzzy: isFuzzy,
  }));
}

async function withStats(db: Kysely<Database>, hits: SearchPersonHit[]): Promise<SearchPersonHit[]> {
  if (hits.length === 0) return hits;
  const ids = hits.map((hit) => hit.id);
  const [tags, last] = await Promise.all([
    db.selectFrom('person_tags').select(['person_id', 'tag']).where('person_id', 'in', ids).orderBy('tag').execute(),
    db
      .selectFrom('interaction_people as ip')
      .innerJoin('interactions as i', 'i.id', 'ip.interaction_id')
      .select(['ip.person_id', (eb) => eb.fn.max('i.occurred_at').as('last')])
      .where('ip.person_id', 'in', ids)
      .where('i.deleted_at', 'is', null)
      .groupBy('ip.person_id')
      .execute(),
  ]);
  const lastBy = new Map(last.map((row) => [row.person_id, row.last]));
  return hits.map((hit) => ({
    ...hit,
    tags: tags.filter((row) => row.person_id === hit.id).map((row) => row.tag),
    lastInteractionAt: lastBy.get(hit.id) ?? null,
  }));
}
