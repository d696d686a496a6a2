import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.js';
import { quarterOf } from '../quarters.js';
import { journalRevision } from './cache.js';
import { breather, carryEgo, LINK_PAGE, loadNetworkAndLinks, rankByName, readLinks, readPeopleInSlices, windowsOf, type Loaded, type PersonStats } from './overview.js';

// The network figures read the whole journal: at 5,000 people and 100,000 interactions that is seconds on a
// busy laptop, too slow to redo after every write. So the network is read once and then kept up to date from
// what each write touched. Temporary triggers (this connection's own, never stored in the journal file, so
// no migration) note the people and links a write changed in a temporary table, in the write's own
// transaction (a rolled-back write notes nothing); the next network call reads those people and links again,
// a few index lookups, and the figures are worked out from the result. The graph measures, community
// detection above all, are a function of the active people and the links alone and are kept while those stay
// as they were. Whatever the triggers cannot see starts over from a whole read: another connection's commit
// (an import's thread: data_version moves), a new quarter, or too many people touched at once.

/** Above this many people touched, reading everyone again (a slice at a time) is as quick and simpler. */
const REREAD_ABOVE = 1500;

/** The tables the figures read and, for each, the people or links a changed row concerns, noted in `notes`. */
const triggers = (notes: string): [name: string, event: string, body: string][] => [
  ['people_insert', 'AFTER INSERT ON people', `INSERT INTO ${notes} (person_id) VALUES (NEW.id);`],
  // Only the fields the figures show: a note or a cadence changed is not the network's business.
  [
    'people_update',
    `AFTER UPDATE OF id, name, organization, role, level, inside_org, department, ally_role ON people
     WHEN ${['id', 'name', 'organization', 'role', 'level', 'inside_org', 'department', 'ally_role'].map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')}`,
    `INSERT INTO ${notes} (person_id) VALUES (OLD.id), (NEW.id);`,
  ],
  ['people_delete', 'AFTER DELETE ON people', `INSERT INTO ${notes} (person_id) VALUES (OLD.id);`],
  ...['person_tags', 'interaction_people', 'exchange_people', 'ask_people'].flatMap((table): [string, string, string][] => [
    [`${table}_insert`, `AFTER INSERT ON ${table}`, `INSERT INTO ${notes} (person_id) VALUES (NEW.person_id);`],
    [`${table}_update`, `AFTER UPDATE ON ${table}`, `INSERT INTO ${notes} (person_id) VALUES (OLD.person_id), (NEW.person_id);`],
    [`${table}_delete`, `AFTER DELETE ON ${table}`, `INSERT INTO ${notes} (person_id) VALUES (OLD.person_id);`],
  ]),
  // A meeting moved, deleted or restored changes the figures of everyone in it, and of everyone in the gives,
  // receives and asks logged with it (those count only while their meeting is not deleted).
  ...(
    [
      ['interactions', 'occurred_at, deleted_at'],
      ['exchanges', 'direction, occurred_at, interaction_id'],
      ['asks', 'direction, asked_at, interaction_id'],
    ] as const
  ).flatMap(([table, columns]): [string, string, string][] => {
    const people = (row: 'OLD' | 'NEW') =>
      table === 'interactions'
        ? `INSERT INTO ${notes} (person_id)
             SELECT person_id FROM interaction_people WHERE interaction_id = ${row}.id
             UNION ALL SELECT ep.person_id FROM exchanges e JOIN exchange_people ep ON ep.exchange_id = e.id WHERE e.interaction_id = ${row}.id
             UNION ALL SELECT ap.person_id FROM asks a JOIN ask_people ap ON ap.ask_id = a.id WHERE a.interaction_id = ${row}.id;`
        : `INSERT INTO ${notes} (person_id) SELECT person_id FROM ${table === 'exchanges' ? 'exchange_people' : 'ask_people'} WHERE ${table === 'exchanges' ? 'exchange_id' : 'ask_id'} = ${row}.id;`;
    return [
      [`${table}_update`, `AFTER UPDATE OF ${columns} ON ${table}`, people('NEW')],
      // Before: the rows that say who was in it are still there.
      [`${table}_delete`, `BEFORE DELETE ON ${table}`, people('OLD')],
    ];
  }),
  ['person_ties_insert', 'AFTER INSERT ON person_ties', `INSERT INTO ${notes} (link_id) VALUES (NEW.id);`],
  ['person_ties_update', 'AFTER UPDATE ON person_ties', `INSERT INTO ${notes} (link_id) VALUES (OLD.id), (NEW.id);`],
  ['person_ties_delete', 'AFTER DELETE ON person_ties', `INSERT INTO ${notes} (link_id) VALUES (OLD.id);`],
];

/**
 * Every LiveNetwork gets its own table of notes and its own triggers. A connection's temporary tables are
 * shared by everything on it, and each LiveNetwork deletes the notes it has applied: two on one connection
 * (a second capability kept up to date this way, or the bench's fresh one beside the journal's) sharing a
 * table would each lose the other's notes and answer with figures a write had changed.
 */
let instances = 0;

interface State {
  now: string;
  loaded: Loaded;
  /**
   * Every stated link by id: [a, b, kind]. Brought up to date in place by the next state (apply), which
   * replaces this one: copying tens of thousands of entries for every link added cost more than the rest.
   */
  links: Map<number, [number, number, string]>;
  /** The ids of loaded.pairs, in the same (id) order. */
  order: number[];
  /** The last note of the touched table already applied. */
  seq: number;
  /** data_version when read: it moves when another connection commits. */
  version: number;
  /** Only where the triggers could not be made: the revision read was made at. */
  revision: string | null;
}

export class LiveNetwork {
  private state: State | null = null;
  private watching: Promise<boolean> | null = null;
  /** One refresh at a time: two calls asking at once share it. */
  private queue: Promise<unknown> = Promise.resolve();

  /** This one's table of notes, in the connection's temp schema. */
  private readonly notes = `network_touched_${++instances}`;

  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The network as of `now`, up to date with every write; `now` null is the app's clock, read to the hour
   * ("active in the last 12 months" barely moves in one).
   */
  loaded(now: string | null): Promise<Loaded> {
    const run = this.queue.then(() => this.refresh(now));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async refresh(asked: string | null): Promise<Loaded> {
    const clock = new Date().toISOString();
    const watched = await (this.watching ??= this.watch());
    const version = await dataVersion(this.db);
    const state = this.state;
    // The app's clock stays where it was within the hour while nothing changes, so a call with nothing new
    // answers from what was kept; a write moves it to the present (a meeting logged just now counts at once).
    const clockFor = (changed: boolean) => asked ?? (state && !changed && state.now.slice(0, 13) === clock.slice(0, 13) ? state.now : clock);
    if (!state || version !== state.version) return this.reread(clockFor(true), version, watched);
    if (!watched) {
      // No triggers (a journal opened read-only): any write at all means reading again.
      const changed = (await journalRevision(this.db)) !== state.revision;
      const now = clockFor(changed);
      return changed || now !== state.now ? this.reread(now, version, watched) : state.loaded;
    }

    const touched = await sql<{ seq: number; person_id: number | null; link_id: number | null }>`
      SELECT seq, person_id, link_id FROM ${this.table()} WHERE seq > ${state.seq} ORDER BY seq`.execute(this.db);
    const now = clockFor(touched.rows.length > 0);
    if (quarterOf(now) !== quarterOf(state.now)) return this.reread(now, version, watched);
    const seq = touched.rows.at(-1)?.seq ?? state.seq;
    const people = new Set<number>();
    const links = new Set<number>();
    for (const row of touched.rows) {
      if (row.person_id !== null) people.add(row.person_id);
      if (row.link_id !== null) links.add(row.link_id);
    }
    if (now !== state.now) for (const id of await peopleAtTheEdges(this.db, state.now, now)) people.add(id);
    if (touched.rows.length) await sql`DELETE FROM ${this.table()} WHERE seq <= ${seq}`.execute(this.db);
    if (people.size === 0 && links.size === 0 && now === state.now) {
      state.seq = seq;
      return state.loaded;
    }
    if (people.size > REREAD_ABOVE) return this.reread(now, version, watched);

    const next = await this.apply(state, now, [...people], [...links]);
    this.state = { ...next, now, seq, version, revision: null };
    return next.loaded;
  }

  /** The state with these people and links read again as of `now`. */
  private async apply(state: State, now: string, touchedPeople: number[], touchedLinks: number[]): Promise<Pick<State, 'loaded' | 'links' | 'order'>> {
    const before = state.loaded.people;
    const fresh = await readPeopleInSlices(this.db, now, touchedPeople);
    const found = new Map(fresh.map((person) => [person.id, person]));
    let reorder = false;
    let renamed = false;
    let activeChanged = false;
    for (const id of touchedPeople) {
      const old = before.get(id);
      const read = found.get(id);
      if (!old || !read) {
        if (old || read) reorder = true;
        if ((old?.recent ?? 0) > 0 || (read?.recent ?? 0) > 0) activeChanged = true;
        continue;
      }
      if (old.name !== read.name) renamed = true;
      if (old.recent > 0 !== read.recent > 0) activeChanged = true;
      read.rank = old.rank;
    }
    let people: Map<number, PersonStats>;
    if (reorder) {
      const gone = new Set(touchedPeople.filter((id) => !found.has(id)));
      const all = [...before.values()].filter((person) => !gone.has(person.id)).map((person) => found.get(person.id) ?? person);
      for (const person of fresh) if (!before.has(person.id)) all.push(person);
      people = new Map(all.sort((a, b) => a.id - b.id).map((person) => [person.id, person]));
    } else {
      people = new Map(before);
      for (const person of fresh) people.set(person.id, person);
    }
    if (reorder || renamed) rankByName(people);

    let pairs = state.loaded.pairs;
    let order = state.order;
    const { links } = state;
    if (touchedLinks.length) {
      // Read before anything changes in place: a read that fails leaves the state as it was.
      const fresh = await readLinks(this.db, touchedLinks);
      // A pass over tens of thousands of links: a stretch of its own, not one with the reads above.
      await breather();
      for (const id of touchedLinks) links.delete(id);
      for (const [id, a, b, kind] of fresh) links.set(id, [a, b, kind]);
      // In id order, as a whole read has them: the order links are added in is the order Louvain sees them.
      // The links not touched keep their places, and the touched ones that still exist (readLinks gives them
      // in id order) are merged in: a pass, not a sort of every id.
      const touched = new Set(touchedLinks);
      order = mergeSorted(
        order.filter((id) => !touched.has(id)),
        fresh.map(([id]) => id),
      );
      pairs = order.map((id) => links.get(id)!);
    }
    const loaded: Loaded = { now, people, pairs };
    carryEgo(state.loaded, loaded, !activeChanged);
    return { loaded, links, order };
  }

  private async reread(now: string, version: number, watched: boolean): Promise<Loaded> {
    // What was touched before this read is in it; notes from here on are applied next time.
    const { rows } = await sql<{ seq: number | null }>`SELECT MAX(seq) AS seq FROM ${this.table()}`.execute(this.db).catch(() => ({ rows: [{ seq: null }] }));
    const seq = rows[0]?.seq ?? 0;
    const revision = watched ? null : await journalRevision(this.db);
    const read = await loadNetworkAndLinks(this.db, now);
    const { loaded } = read;
    // Tens of thousands of links by id, a page at a time: with the collector's pause that a whole read's
    // garbage brings, one stretch of it held the thread for 55 ms. The entries are loaded.pairs' own (in the
    // same order as the ids), never changed in place: a link touched later gets an entry of its own.
    const links = new Map<number, [number, number, string]>();
    const order: number[] = [];
    for (let i = 0; i < read.links.length; i += 1) {
      if (i % LINK_PAGE === 0) await breather();
      const id = read.links[i]![0];
      links.set(id, loaded.pairs[i]!);
      order.push(id);
    }
    this.state = { now, loaded, links, order, seq, version, revision };
    return loaded;
  }

  private table(): RawBuilder<unknown> {
    return sql.id('temp', this.notes);
  }

  /** Makes this one's temporary table and triggers; false where they cannot be made. */
  private async watch(): Promise<boolean> {
    try {
      // AUTOINCREMENT: numbers are never reused once applied notes are deleted, so "after the last applied" holds.
      await sql`CREATE TEMP TABLE IF NOT EXISTS ${sql.id(this.notes)} (seq INTEGER PRIMARY KEY AUTOINCREMENT, person_id INTEGER, link_id INTEGER)`.execute(this.db);
      for (const [name, event, body] of triggers(this.notes)) {
        await sql.raw(`CREATE TEMP TRIGGER IF NOT EXISTS ${this.notes}_${name} ${event} BEGIN ${body} END`).execute(this.db);
      }
      return true;
    } catch {
      return false;
    }
  }
}

/** Two lists of ids in increasing order, as one in increasing order. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) merged.push(j >= b.length || (i < a.length && a[i]! < b[j]!) ? a[i++]! : b[j++]!);
  return merged;
}

async function dataVersion(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ data_version: number }>`PRAGMA data_version`.execute(db);
  return rows[0]?.data_version ?? 0;
}

/**
 * The people whose figures a move of the clock from `before` to `after` can change: those with a meeting, a
 * give or receive, or an ask dated between where one of the figures' edges (a year back, six months back,
 * now) was and where it is. Within one quarter; a new quarter reads everything again.
 */
async function peopleAtTheEdges(db: Kysely<Database>, before: string, after: string): Promise<number[]> {
  const a = windowsOf(before);
  const b = windowsOf(after);
  // One range per edge and table, each read through its date index (an OR of ranges would scan the table).
  const reads: RawBuilder<unknown>[] = [];
  const edges = (names: ('since' | 'half' | 'from' | 'now')[]) =>
    names.map((edge) => (a[edge] < b[edge] ? [a[edge], b[edge]] : [b[edge], a[edge]]) as [string, string]);
  for (const [low, high] of edges(['since', 'half', 'from', 'now'])) {
    reads.push(sql`SELECT ip.person_id FROM interactions i JOIN interaction_people ip ON ip.interaction_id = i.id WHERE i.occurred_at >= ${low} AND i.occurred_at <= ${high}`);
  }
  for (const [low, high] of edges(['since', 'half', 'now'])) {
    reads.push(sql`SELECT ep.person_id FROM exchanges e JOIN exchange_people ep ON ep.exchange_id = e.id WHERE e.occurred_at >= ${low} AND e.occurred_at <= ${high}`);
  }
  for (const [low, high] of edges(['half', 'now'])) {
    reads.push(sql`SELECT ap.person_id FROM asks a JOIN ask_people ap ON ap.ask_id = a.id WHERE a.asked_at >= ${low} AND a.asked_at <= ${high}`);
  }
  const { rows } = await sql<{ person_id: number }>`${sql.join(reads, sql` UNION `)}`.execute(db);
  return rows.map((row) => row.person_id);
}
