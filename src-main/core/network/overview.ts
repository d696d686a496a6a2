import { sql, type Kysely } from 'kysely';
import type {
  AllyRole,
  CareerStage,
  Figure,
  FigureGroup,
  GraphNode,
  Level,
  NetworkGraph,
  NetworkOverview,
  NetworkPerson,
  QuarterCounts,
} from '../../contract/contract.js';
import type { Database } from '../db/schema.js';
import { daysBefore } from '../reciprocity/clock.js';
import { quarterLabel, quarterOf, quarterRange, shiftQuarter } from '../quarters.js';
import { egoMeasures, egoMeasuresInSlices, inSlices, SLICE_MS, toEnd, type EgoMeasures } from './graph-measures.js';

// The network perspective as counts a leader can act on: open, diverse, deep. Every figure carries the ids
// of the people behind it. Counting happens in SQL, in one pass per table; graph measures in graph-measures.

/** Active means I met them in the last 12 months. */
export const ACTIVE_DAYS = 365;
/** "Only my asks" looks at the last six months, like the reciprocity queues. */
export const ONLY_ASKS_DAYS = 183;
/** A deep relationship has at least this many interactions in the year, as well as give and take both ways. */
export const DEEP_MIN_INTERACTIONS = 3;

export interface PersonStats extends NetworkPerson {
  /** Place in everyone sorted by name: figures sort their people by it (thousands of localeCompare calls per figure cost more than the SQL). */
  rank: number;
  industries: string[];
  /** Interactions since the first of the four quarters (about 15 months), and the last of them. */
  interactions: number;
  lastInteractionAt: string | null;
  recent: number;
  gave: number;
  received: number;
  /** Interactions in the last six months, and how many of them carried an ask of mine to this person. */
  recentHalf: number;
  recentHalfWithMyAsk: number;
  myAsks: number;
  gaveHalf: number;
  quarters: Set<string>;
}

/** What the figures and the map are computed from: read once, then kept up to date by live.ts, and shared by both. */
export interface Loaded {
  /** The clock the figures are as of. */
  now: string;
  /** Everyone, in id order (the order the ego network is built in, so its communities do not depend on history). */
  people: Map<number, PersonStats>;
  /** Every stated link, in id order. */
  pairs: [number, number, string][];
}

/** The clock's edges a person's figures depend on: a person's stats change when one of them passes one of their dates. */
export function windowsOf(now: string): { now: string; since: string; half: string; from: string; quarters: { quarter: string; since: string; until: string }[] } {
  const since = daysBefore(now, ACTIVE_DAYS);
  const half = daysBefore(now, ONLY_ASKS_DAYS);
  const current = quarterOf(now);
  const quarters = [-3, -2, -1, 0].map((by) => quarterRange(shiftQuarter(current, by)));
  const from = quarters[0]!.since < since ? quarters[0]!.since : since;
  return { now, since, half, from, quarters };
}

/** The whole network as of `now`, read in slices of people so that no one read holds the worker for long. */
export async function loadNetwork(db: Kysely<Database>, now: string): Promise<Loaded> {
  return (await loadNetworkAndLinks(db, now)).loaded;
}

/** loadNetwork, and the links it read with their ids (live.ts keeps them by id): one read of them, not two. */
export async function loadNetworkAndLinks(db: Kysely<Database>, now: string): Promise<{ loaded: Loaded; links: [number, number, number, string][] }> {
  const people = new Map<number, PersonStats>();
  for (const person of await readPeopleInSlices(db, now, null)) people.set(person.id, person);
  // Sorting everyone by name and reading every link are a stretch each.
  await breather();
  rankByName(people);
  await breather();
  const links = await readLinks(db, null);
  await breather();
  return { loaded: { now, people, pairs: links.map(([, a, b, kind]) => [a, b, kind]) }, links };
}

/** At most this many people per read: a few hundred people's tags and rows are a few milliseconds. */
export const LOAD_SLICE = 400;
/**
 * And at most about this many of their contacts, all time (person_stats, kept by triggers): contacts are far
 * from even (at 100,000 interactions the 400 most-met people have 176,000 of the 246,000), and a slice's SQL
 * time follows its rows in the window, about a fifth of these in a journal kept for years.
 */
export const SLICE_CONTACTS = 12_000;

/**
 * readPeople for these people (null: everyone), a slice at a time (slicesOf), with a breather between two:
 * a slice of the most-met people is as short as one of people barely met.
 */
export async function readPeopleInSlices(db: Kysely<Database>, now: string, ids: readonly number[] | null): Promise<PersonStats[]> {
  if (ids?.length === 0) return [];
  const weights = await db
    .selectFrom('people as p')
    .leftJoin('person_stats as s', 's.person_id', 'p.id')
    .select(['p.id', 's.interaction_count as contacts'])
    .$if(ids !== null, (query) => query.where('p.id', 'in', ids!))
    .orderBy('p.id')
    .execute();
  const read: PersonStats[] = [];
  for (const [index, slice] of slicesOf(weights).entries()) {
    if (index > 0) await breather();
    read.push(...(await readPeople(db, now, slice)));
  }
  return read;
}

/** People's ids in order, cut after LOAD_SLICE people or before going past SLICE_CONTACTS contacts; a person met more than that alone is a slice of one. */
export function slicesOf(people: readonly { id: number; contacts: number | null }[], most = LOAD_SLICE, contacts = SLICE_CONTACTS): number[][] {
  const slices: number[][] = [];
  let slice: number[] = [];
  let sum = 0;
  for (const person of people) {
    const count = person.contacts ?? 0;
    if (slice.length === most || (slice.length > 0 && sum + count > contacts)) {
      slices.push(slice);
      slice = [];
      sum = 0;
    }
    slice.push(person.id);
    sum += count;
  }
  if (slice.length) slices.push(slice);
  return slices;
}

/** Lets the event loop run between two slices of long work (messages in, timers). */
export const breather = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Links per read when reading all of them: tens of thousands in one read held the thread for 30–50 ms. */
export const LINK_PAGE = 5000;

/**
 * Stated links, [id, a, b, kind], in id order: all of them (a page at a time by id, with a breather between
 * two), or those of these ids that still exist.
 */
export async function readLinks(db: Kysely<Database>, ids: readonly number[] | null): Promise<[number, number, number, string][]> {
  if (ids?.length === 0) return [];
  const links: [number, number, number, string][] = [];
  for (let after = 0; ; ) {
    if (links.length) await breather();
    const rows = await db
      .selectFrom('person_ties')
      .select(['id', 'person_a_id', 'person_b_id', 'kind'])
      .$if(ids !== null, (query) => query.where('id', 'in', ids!))
      .$if(ids === null, (query) => query.where('id', '>', after).limit(LINK_PAGE))
      .orderBy('id')
      .execute();
    for (const row of rows) links.push([row.id, row.person_a_id, row.person_b_id, row.kind]);
    if (ids !== null || rows.length < LINK_PAGE) return links;
    after = rows.at(-1)!.id;
  }
}

/** One collator, one sort of everyone (the same order as localeCompare in the default locale). */
export function rankByName(people: Map<number, PersonStats>): void {
  const collator = new Intl.Collator();
  [...people.values()].sort((a, b) => collator.compare(a.name, b.name)).forEach((person, index) => (person.rank = index));
}

/**
 * What the figures need to know about these people as of `now` (those that still exist; `rank` is left for
 * rankByName). Every read is bounded by the ids, through the person indexes, so a handful of people touched by
 * a write costs a handful of index lookups, and the whole journal is read a slice at a time.
 */
export async function readPeople(db: Kysely<Database>, now: string, ids: readonly number[]): Promise<PersonStats[]> {
  if (ids.length === 0) return [];
  const { since, half, from, quarters } = windowsOf(now);
  const among = (column: string) => sql`${sql.ref(column)} IN (${sql.join(ids)})`;

  const people = await db.selectFrom('people').select(['id', 'name', 'organization', 'role', 'level', 'inside_org', 'department', 'ally_role']).where('id', 'in', ids).orderBy('id').execute();
  const tags = await db.selectFrom('person_tags').select(['person_id', 'tag']).where('person_id', 'in', ids).where('tag', 'like', 'industry:%').orderBy('person_id').orderBy('tag').execute();
  // Per person, over the last year and the four quarters only: how often we met, when last, in the last six
  // months, with my asks, and the quarters met in. From each person's live contacts by date (person_contacts,
  // migration 12): a seek to the window's start and a read of its rows, where walking interaction_people read
  // a person's whole history (years of it for the most-met) and looked up every interaction to drop the old.
  const seen = await sql<{ person_id: number; n: number; last_at: string; recent: number; half: number; half_ask: number; quarters: string | null }>`
    SELECT c.person_id, COUNT(*) AS n, MAX(c.occurred_at) AS last_at,
      SUM(c.occurred_at >= ${since}) AS recent,
      SUM(c.occurred_at >= ${half}) AS half,
      SUM(c.occurred_at >= ${half} AND EXISTS (
        SELECT 1 FROM asks a JOIN ask_people ap ON ap.ask_id = a.id
        WHERE a.interaction_id = c.interaction_id AND a.direction = 'i-asked' AND ap.person_id = c.person_id)) AS half_ask,
      group_concat(DISTINCT CASE
        ${sql.join(
          quarters.map((q) => sql`WHEN c.occurred_at >= ${q.since} AND c.occurred_at < ${q.until} THEN ${q.quarter}`),
          sql` `,
        )}
      END) AS quarters
    FROM person_contacts c
    WHERE ${among('c.person_id')} AND c.occurred_at >= ${from} AND c.occurred_at <= ${now}
    GROUP BY c.person_id`.execute(db);
  const exchanges = await sql<{ person_id: number; gave: number; received: number; gave_half: number }>`
    SELECT ep.person_id,
      SUM(e.direction = 'gave' AND e.occurred_at >= ${since}) AS gave,
      SUM(e.direction = 'received' AND e.occurred_at >= ${since}) AS received,
      SUM(e.direction = 'gave' AND e.occurred_at >= ${half}) AS gave_half
    FROM exchange_people ep JOIN exchanges e ON e.id = ep.exchange_id
    LEFT JOIN interactions i ON i.id = e.interaction_id
    WHERE ${among('ep.person_id')} AND i.deleted_at IS NULL AND e.occurred_at >= ${since} AND e.occurred_at <= ${now}
    GROUP BY ep.person_id`.execute(db);
  const asks = await sql<{ person_id: number; asked: number }>`
    SELECT ap.person_id, COUNT(*) AS asked
    FROM ask_people ap JOIN asks a ON a.id = ap.ask_id LEFT JOIN interactions i ON i.id = a.interaction_id
    WHERE ${among('ap.person_id')} AND i.deleted_at IS NULL AND a.direction = 'i-asked' AND a.asked_at >= ${half} AND a.asked_at <= ${now}
    GROUP BY ap.person_id`.execute(db);

  const map = new Map<number, PersonStats>();
  for (const row of people) {
    map.set(row.id, {
      id: row.id,
      name: row.name,
      organization: row.organization,
      role: row.role,
      level: row.level as Level | null,
      insideOrg: row.inside_org === null ? null : row.inside_org === 1,
      department: row.department,
      allyRole: row.ally_role as AllyRole | null,
      rank: 0,
      industries: [],
      interactions: 0,
      lastInteractionAt: null,
      recent: 0,
      gave: 0,
      received: 0,
      recentHalf: 0,
      recentHalfWithMyAsk: 0,
      myAsks: 0,
      gaveHalf: 0,
      quarters: new Set(),
    });
  }
  for (const row of tags) map.get(row.person_id)?.industries.push(row.tag.slice('industry:'.length).trim());
  for (const row of seen.rows) {
    const person = map.get(row.person_id);
    if (!person) continue;
    person.interactions = Number(row.n);
    person.lastInteractionAt = row.last_at;
    person.recent = Number(row.recent);
    person.recentHalf = Number(row.half);
    person.recentHalfWithMyAsk = Number(row.half_ask);
    for (const quarter of row.quarters?.split(',') ?? []) person.quarters.add(quarter);
  }
  for (const row of exchanges.rows) {
    const person = map.get(row.person_id);
    if (!person) continue;
    person.gave = Number(row.gave);
    person.received = Number(row.received);
    person.gaveHalf = Number(row.gave_half);
  }
  for (const row of asks.rows) {
    const person = map.get(row.person_id);
    if (person) person.myAsks = Number(row.asked);
  }
  return [...map.values()];
}

/**
 * These people in name order. Ranks are everyone's places 0…n−1 in one sort by name, so sorting the ranks as
 * numbers (a typed array's native sort) and reading the people back is the same order as comparing ranks,
 * several times faster: the figures sort tens of thousands of ids in all, in one stretch of the thread.
 */
function byName(ids: readonly number[], people: Map<number, PersonStats>): number[] {
  let idAt = rankIndex.get(people);
  if (!idAt) {
    idAt = new Int32Array(people.size);
    for (const person of people.values()) idAt[person.rank] = person.id;
    rankIndex.set(people, idAt);
  }
  const ranks = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i += 1) ranks[i] = people.get(ids[i]!)!.rank;
  ranks.sort();
  const sorted = new Array<number>(ranks.length);
  for (let i = 0; i < ranks.length; i += 1) sorted[i] = idAt[ranks[i]!]!;
  return sorted;
}
/** Rank → id, per map of people (a load's map is never changed once its ranks are set). */
const rankIndex = new WeakMap<Map<number, PersonStats>, Int32Array>();

function figure(key: string, label: string, ids: number[], people: Map<number, PersonStats>): Figure {
  return { key, label, count: ids.length, personIds: byName(ids, people) };
}

/** ", mostly at Northwind" for the organization most of these people are at, or nothing when none is noted. */
function mostlyAtOf(ids: readonly number[], people: Map<number, PersonStats>): string {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const org = people.get(id)!.organization;
    if (org) counts.set(org, (counts.get(org) ?? 0) + 1);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return top ? `, mostly at ${top[0]}` : '';
}

/** One name for a community on the Network screen and in the map's legend, so the two agree. */
function communityLabel(index: number, ids: readonly number[], people: Map<number, PersonStats>): string {
  return `Group ${index + 1}${mostlyAtOf(ids, people)}`;
}

export type Depth = 0 | 1 | 2;

/** Deep: give and take both ways in the year, several meetings, and an ally role set. Building: some give or take. */
export function depthOf(person: Pick<PersonStats, 'gave' | 'received' | 'recent' | 'allyRole'>): Depth {
  if (person.gave > 0 && person.received > 0 && person.recent >= DEEP_MIN_INTERACTIONS && person.allyRole !== null) return 2;
  if (person.gave > 0 || person.received > 0) return 1;
  return 0;
}

/** Someone I only reached out to with asks lately: asks of mine, no give, and no contact without an ask. */
function onlyAsks(person: PersonStats): boolean {
  return person.myAsks > 0 && person.gaveHalf === 0 && person.recentHalfWithMyAsk === person.recentHalf;
}

const LEVELS: { value: Level | null; key: string; label: string }[] = [
  { value: 'senior', key: 'senior', label: 'Above me' },
  { value: 'peer', key: 'peer', label: 'Peers' },
  { value: 'junior', key: 'junior', label: 'Below me' },
];

const LENS: Record<CareerStage, { order: NetworkOverview['order']; reason: string }> = {
  'first-time-manager': {
    order: ['diverse', 'deep', 'open'],
    reason:
      'As a first-time manager, some former peers now report to you. Diverse comes first: it shows your ties above, beside and below you, so you can see which of them are changing and which need new footing.',
  },
  'rising-leader': {
    order: ['deep', 'open', 'diverse'],
    reason: 'As a rising leader, the work is strengthening the relationships you have. Deep comes first: it shows where giving runs both ways and where contact stays on the surface.',
  },
  'manager-of-managers': {
    order: ['open', 'diverse', 'deep'],
    reason:
      'As a manager of managers, you need strategic ties across groups. Open comes first: it shows the groups only you connect and the contacts who know nobody else you know.',
  },
  executive: {
    order: ['diverse', 'open', 'deep'],
    reason:
      'As an executive, the risk is insularity: hearing only from people like the ones around you. Diverse comes first: it shows who is outside your organization and which groups you no longer hear from.',
  },
};

function* groupBy(
  active: PersonStats[],
  everyone: PersonStats[],
  pick: (person: PersonStats) => string[],
  key: string,
  label: string,
  people: Map<number, PersonStats>,
): Generator<undefined, { group: FigureGroup; nobody: Figure[] }> {
  const activeGroups = new Map<string, number[]>();
  const allGroups = new Map<string, number[]>();
  for (const person of everyone) for (const value of pick(person)) (allGroups.get(value) ?? allGroups.set(value, []).get(value)!).push(person.id);
  for (const person of active) for (const value of pick(person)) (activeGroups.get(value) ?? activeGroups.set(value, []).get(value)!).push(person.id);
  yield;
  const group: FigureGroup = { key, label, figures: [] };
  for (const [value, ids] of [...activeGroups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))) {
    group.figures.push(figure(`${key}:${value}`, value, ids, people));
    yield;
  }
  const nobody: Figure[] = [];
  for (const [value, ids] of [...allGroups.entries()].filter(([value]) => !activeGroups.has(value)).sort((a, b) => a[0].localeCompare(b[0]))) {
    nobody.push(figure(`${key}:${value}`, `${label}: ${value}`, ids, people));
    yield;
  }
  return { group, nobody };
}

/** My ego network's measures, worked out once per load: the screen and the map both need them. */
const egoCache = new WeakMap<Loaded, EgoMeasures>();
/** For a load brought up to date from an earlier one: that one's measures, whose communities may still hold. */
const egoBefore = new WeakMap<Loaded, EgoMeasures>();
function egoOf(loaded: Loaded): EgoMeasures {
  let ego = egoCache.get(loaded);
  if (!ego) {
    ego = egoMeasures(...egoInput(loaded));
    egoCache.set(loaded, ego);
    egoBefore.delete(loaded);
  }
  return ego;
}

function egoInput(loaded: Loaded): [number[], (readonly [number, number])[], EgoMeasures | undefined] {
  const active = [...loaded.people.values()].filter((p) => p.recent > 0).map((p) => p.id);
  return [active, loaded.pairs.map(([a, b]) => [a, b] as const), egoBefore.get(loaded)];
}

/**
 * Works out the ego measures of `loaded` a slice at a time, before the figures or the map ask for them:
 * Louvain on thousands of contacts and their links runs for hundreds of milliseconds, which must not be one
 * stretch of the journal's thread. The same answer as egoOf's, which then finds it kept.
 */
export function egoReady(loaded: Loaded): Promise<void> {
  if (egoCache.has(loaded)) return Promise.resolve();
  // Two calls on the same state (the screen and the map) share one run.
  let pending = egoPending.get(loaded);
  if (!pending) {
    pending = egoMeasuresInSlices(...egoInput(loaded)).then((ego) => {
      egoCache.set(loaded, ego);
      egoBefore.delete(loaded);
    });
    pending.finally(() => egoPending.delete(loaded)).catch(() => undefined);
    egoPending.set(loaded, pending);
  }
  return pending;
}
const egoPending = new WeakMap<Loaded, Promise<void>>();

/**
 * `next` is `previous` brought up to date: with the same active people and the very same links it shares
 * the ego measures outright (they are a function of those); otherwise they are worked out again, reusing
 * the communities if the linked alters and their ties are as they were.
 */
export function carryEgo(previous: Loaded, next: Loaded, sameActive: boolean): void {
  const ego = egoCache.get(previous) ?? egoBefore.get(previous);
  if (!ego) return;
  if (sameActive && next.pairs === previous.pairs && egoCache.has(previous)) egoCache.set(next, ego);
  else egoBefore.set(next, ego);
}

export async function networkOverview(db: Kysely<Database>, now: string, stage: CareerStage | null): Promise<NetworkOverview> {
  const loaded = await loadNetwork(db, now);
  await egoReady(loaded);
  return overviewInSlices(loaded, now, stage);
}

/** The figures from what loadNetwork read; `loaded` is only read, so the map can share it. */
export function overviewOf(loaded: Loaded, now: string, stage: CareerStage | null): NetworkOverview {
  return toEnd(overviewSteps(loaded, now, stage));
}

/**
 * The same figures a slice at a time: on a first, cold run at 100,000 interactions they take 50–80 ms of
 * sorting people by name, too long for one stretch of the journal's thread.
 */
export function overviewInSlices(loaded: Loaded, now: string, stage: CareerStage | null, sliceMs = SLICE_MS): Promise<NetworkOverview> {
  return inSlices(overviewSteps(loaded, now, stage), sliceMs);
}

/** Yields between two figures (each a sort of its people), where the work may pause. */
function* overviewSteps(loaded: Loaded, now: string, stage: CareerStage | null): Generator<undefined, NetworkOverview> {
  const { people } = loaded;
  const everyone = [...people.values()];
  const active = everyone.filter((person) => person.recent > 0);
  const ego = egoOf(loaded);

  // Open.
  const [rest, ...apart] = ego.components.filter((group) => group.length >= 1);
  const bridges = rest === undefined ? [] : apart.filter((group) => group.length >= 2);
  const orgGroups = new Map<string, number[]>();
  for (const person of active) {
    const org = person.organization ?? 'No organization recorded';
    (orgGroups.get(org) ?? orgGroups.set(org, []).get(org)!).push(person.id);
  }
  const mostlyAt = (ids: number[]) => mostlyAtOf(ids, people);
  yield;

  // Diverse: levels and inside/outside are fixed lists, so an empty one still shows as "nobody active".
  const groups: FigureGroup[] = [];
  const nobodyActive: Figure[] = [];
  const levelGroup: FigureGroup = { key: 'level', label: 'Level', figures: [] };
  const placeGroup: FigureGroup = { key: 'place', label: 'Inside or outside my organization', figures: [] };
  const fixed: [FigureGroup, { key: string; label: string; test: (p: PersonStats) => boolean }[]][] = [
    [levelGroup, LEVELS.map((level) => ({ key: `level:${level.key}`, label: level.label, test: (p) => p.level === level.value }))],
    [
      placeGroup,
      [
        { key: 'place:inside', label: 'Inside my organization', test: (p) => p.insideOrg === true },
        { key: 'place:outside', label: 'Outside my organization', test: (p) => p.insideOrg === false },
      ],
    ],
  ];
  for (const [group, parts] of fixed) {
    for (const part of parts) {
      const ids = active.filter(part.test).map((p) => p.id);
      group.figures.push(figure(part.key, part.label, ids, people));
      if (ids.length === 0) nobodyActive.push(figure(part.key, part.label, everyone.filter(part.test).map((p) => p.id), people));
      yield;
    }
    groups.push(group);
  }
  for (const [pick, key, label] of [
    [(p: PersonStats) => (p.department ? [p.department] : []), 'function', 'Functions'],
    [(p: PersonStats) => (p.organization ? [p.organization] : []), 'organization', 'Organizations'],
    [(p: PersonStats) => p.industries.filter(Boolean), 'industry', 'Industries'],
  ] as const) {
    const { group, nobody } = yield* groupBy(active, everyone, pick, key, label, people);
    groups.push(group);
    nobodyActive.push(...nobody);
  }
  const current = quarterOf(now);
  const quarters: QuarterCounts[] = [];
  for (const by of [-3, -2, -1, 0]) {
    const quarter = shiftQuarter(current, by);
    const met = everyone.filter((p) => p.quarters.has(quarter));
    const parts: [key: string, label: string, test: (p: PersonStats) => boolean][] = [
      ['met', 'Met', () => true],
      ...LEVELS.map((level): [string, string, (p: PersonStats) => boolean] => [`level:${level.key}`, level.label, (p) => p.level === level.value]),
      ['place:inside', 'Inside', (p) => p.insideOrg === true],
      ['place:outside', 'Outside', (p) => p.insideOrg === false],
    ];
    const figures: Figure[] = [];
    for (const [key, label, test] of parts) {
      figures.push(figure(key, label, met.filter(test).map((p) => p.id), people));
      yield;
    }
    quarters.push({ quarter, label: quarterLabel(quarter), figures });
  }

  // Deep.
  const depth = new Map(active.map((p) => [p.id, depthOf(p)]));
  const ids = (test: (p: PersonStats) => boolean) => active.filter(test).map((p) => p.id);

  const linked = figure('linked', 'Know at least one other active contact', ego.linked, people);
  yield;
  const unlinked = figure('unlinked', 'Know none of your other active contacts (that you have noted)', ego.unlinked, people);
  yield;
  const bridgeList: NetworkOverview['open']['bridges'] = [];
  for (const group of bridges) {
    bridgeList.push({ personIds: byName(group, people), sentence: `Only you connect these ${group.length} people to the rest of your network${mostlyAt(group)}.` });
    yield;
  }
  const byOrganization: Figure[] = [];
  for (const [org, list] of [...orgGroups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))) {
    byOrganization.push(figure(`organization:${org}`, org, list, people));
    yield;
  }
  const communities: Figure[] = [];
  for (const [index, group] of ego.communities.entries()) {
    communities.push(figure(`community:${index + 1}`, communityLabel(index, group, people), group, people));
    yield;
  }
  const deep: NetworkOverview['deep'] = {
    deep: figure('deep', 'Invested both ways', ids((p) => depth.get(p.id) === 2), people),
    building: figure('building', 'Some give or take, not yet both ways and often', ids((p) => depth.get(p.id) === 1), people),
    surface: figure('surface', 'Surface: met, nothing given or received', ids((p) => depth.get(p.id) === 0), people),
    onlyAsks: figure('only-asks', 'Lately only my asks', everyone.filter(onlyAsks).map((p) => p.id), people),
  };
  yield;
  const overview: NetworkOverview = {
    asOf: now,
    updating: false,
    activeCount: active.length,
    stage,
    order: stage ? LENS[stage].order : ['open', 'diverse', 'deep'],
    lensReason: stage ? LENS[stage].reason : null,
    open: {
      linked,
      unlinked,
      linksAmongActive: ego.ties,
      density: ego.density,
      effectiveSize: ego.effectiveSize,
      constraint: ego.constraint,
      bridges: bridgeList,
      byOrganization,
      communities,
    },
    diverse: { groups, nobodyActive, quarters },
    deep,
    people: {},
  };
  const named = new Set<number>();
  const collect = (figures: Figure[]) => figures.forEach((f) => f.personIds.forEach((id) => named.add(id)));
  collect([overview.open.linked, overview.open.unlinked, ...overview.open.byOrganization, ...overview.open.communities]);
  overview.open.bridges.forEach((b) => b.personIds.forEach((id) => named.add(id)));
  collect([...groups.flatMap((g) => g.figures), ...nobodyActive, ...quarters.flatMap((q) => q.figures)]);
  collect(Object.values(overview.deep));
  let n = 0;
  for (const id of named) {
    const { id: pid, name, organization, role, level, insideOrg, department, allyRole } = people.get(id)!;
    overview.people[id] = { id: pid, name, organization, role, level, insideOrg, department, allyRole };
    if (++n % 1024 === 0) yield;
  }
  return overview;
}

/** The map's graph: everyone, with depth and activity for sizing and filters, and every stated link. */
export async function networkGraph(db: Kysely<Database>, now: string): Promise<NetworkGraph> {
  const loaded = await loadNetwork(db, now);
  await egoReady(loaded);
  return graphInSlices(loaded);
}

export function graphOf(loaded: Loaded): NetworkGraph {
  return toEnd(graphSteps(loaded));
}

/** The same graph a slice at a time: thousands of nodes and tens of thousands of edges, built anew after a write. */
export function graphInSlices(loaded: Loaded, sliceMs = SLICE_MS): Promise<NetworkGraph> {
  return inSlices(graphSteps(loaded), sliceMs);
}

function* graphSteps(loaded: Loaded): Generator<undefined, NetworkGraph> {
  const { people, pairs } = loaded;
  // The same communities as the Network screen (Louvain on my active contacts' links, same seed), so the
  // map coloured by group shows the groups the screen counts, under the same names.
  const ego = egoOf(loaded);
  const communityOf = new Map<number, string>();
  ego.communities.forEach((group, index) => {
    const label = communityLabel(index, group, people);
    for (const id of group) communityOf.set(id, label);
  });
  yield;
  const nodes: GraphNode[] = [];
  for (const p of people.values()) {
    nodes.push({
      id: p.id,
      name: p.name,
      organization: p.organization,
      role: p.role,
      level: p.level,
      insideOrg: p.insideOrg,
      department: p.department,
      allyRole: p.allyRole,
      active: p.recent > 0,
      depth: p.recent > 0 ? depthOf(p) : 0,
      interactions: p.recent,
      lastInteractionAt: p.lastInteractionAt,
      community: communityOf.get(p.id) ?? null,
    });
    if (nodes.length % 1024 === 0) yield;
  }
  const edges: NetworkGraph['edges'] = [];
  for (const [source, target, kind] of pairs) {
    edges.push({ source, target, kind: kind as NetworkGraph['edges'][number]['kind'] });
    if (edges.length % 4096 === 0) yield;
  }
  return { nodes, edges, updating: false };
}
