import { sql, type Kysely, type Transaction } from 'kysely';
import type {
  Association,
  AssociationDetail,
  AssociationEvent,
  AssociationRef,
  AssociationStatus,
  AssociationSummary,
  AssociationsOverview,
  PaceNotice,
  ParsedInput,
  QuarterAttendance,
} from '../../contract/contract.js';
import { SHORTLIST_LIMIT } from '../../contract/enums.js';
import type { Database } from '../db/schema.js';
import { JournalError, notFound } from '../errors.js';
import { olderThan, peopleFor } from '../interactions/interactions.js';
import { quarterElapsed, quarterOf, quarterRange, quartersBetween, shiftQuarter } from '../quarters.js';

// Associations, their events, and attendance against the quarterly goal. Attendance is counted from live
// event interactions (the trash hides them, undo brings them back) that have happened by `now`.

type Db = Kysely<Database> | Transaction<Database>;
type Fields = Omit<ParsedInput<'associations.update'>, 'id' | 'now'>;

/** The practice: the focus association, at least one event a quarter. */
export const FOCUS_DEFAULT_GOAL = 1;
/** The behind-pace notice shows once this share of the quarter is gone with the goal unmet. */
export const PACE_WARNING_AT = 2 / 3;
/** The attendance strip and heatmap: two years. */
export const HISTORY_QUARTERS = 8;

const stamp = () => new Date().toISOString();

// ---- attendance ----------------------------------------------------------------------------------------

/** Everything attendance needs, read once: goal history and live past events, per association. */
export class Attendance {
  private constructor(
    private readonly goals: Map<number, { fromQuarter: string; events: number }[]>,
    private readonly counts: Map<number, Map<string, number>>,
    private readonly eventTotals: Map<number, { events: number; lastEventAt: string | null }>,
    readonly current: string,
  ) {}

  /**
   * Goals and live events by `now`. With `since`, only the events from then are read (the timeline's pace
   * notice needs this quarter's, not every quarter's): counts, totals and strips then cover that span only.
   */
  static async load(db: Db, now: string, since?: string): Promise<Attendance> {
    const [goalRows, buckets] = await Promise.all([
      db.selectFrom('attendance_goals').select(['association_id', 'from_quarter', 'events']).orderBy('from_quarter').execute(),
      eventsByQuarter(db, now, since),
    ]);
    const goals = new Map<number, { fromQuarter: string; events: number }[]>();
    for (const row of goalRows) {
      const list = goals.get(row.association_id) ?? [];
      list.push({ fromQuarter: row.from_quarter, events: row.events });
      goals.set(row.association_id, list);
    }
    const counts = new Map<number, Map<string, number>>();
    const totals = new Map<number, { events: number; lastEventAt: string | null }>();
    for (const row of buckets) {
      const perQuarter = counts.get(row.association_id) ?? new Map<string, number>();
      perQuarter.set(row.quarter, row.events);
      counts.set(row.association_id, perQuarter);
      const total = totals.get(row.association_id) ?? { events: 0, lastEventAt: null };
      total.events += row.events;
      if (total.lastEventAt === null || row.last > total.lastEventAt) total.lastEventAt = row.last;
      totals.set(row.association_id, total);
    }
    return new Attendance(goals, counts, totals, quarterOf(now));
  }

  /** Live events by `now`, all told, and the latest one's moment. */
  totals(associationId: number): { events: number; lastEventAt: string | null } {
    return this.eventTotals.get(associationId) ?? { events: 0, lastEventAt: null };
  }

  goalHistory(associationId: number): { fromQuarter: string; events: number }[] {
    return this.goals.get(associationId) ?? [];
  }

  /** The goal that held in a quarter: the latest set from that quarter or before. */
  goal(associationId: number, quarter: string): number | null {
    let goal: number | null = null;
    for (const row of this.goalHistory(associationId)) if (row.fromQuarter <= quarter) goal = row.events;
    return goal;
  }

  in(associationId: number, quarter: string): QuarterAttendance {
    const attended = this.counts.get(associationId)?.get(quarter) ?? 0;
    const goal = this.goal(associationId, quarter);
    const state: QuarterAttendance['state'] = !goal ? 'none' : attended >= goal ? 'met' : quarter >= this.current ? 'open' : 'missed';
    return { quarter, attended, goal, state };
  }

  /** The quarters that ended with `last`, oldest first. */
  strip(associationId: number, last: string, length = HISTORY_QUARTERS): QuarterAttendance[] {
    return quartersBetween(shiftQuarter(last, -(length - 1)), last).map((quarter) => this.in(associationId, quarter));
  }

  /** Quarters met in a row, back from the current one; an unfinished current quarter neither adds nor breaks. */
  streak(associationId: number): number {
    const first = this.firstQuarter(associationId);
    if (first === null) return 0;
    let streak = 0;
    for (let quarter = this.current; quarter >= first; quarter = shiftQuarter(quarter, -1)) {
      const { state } = this.in(associationId, quarter);
      if (state === 'met') streak += 1;
      else if (state !== 'open') break;
    }
    return streak;
  }

  private firstQuarter(associationId: number): string | null {
    const candidates = [this.goalHistory(associationId)[0]?.fromQuarter, ...(this.counts.get(associationId)?.keys() ?? [])].filter(
      (quarter): quarter is string => quarter !== undefined,
    );
    return candidates.length ? candidates.reduce((a, b) => (a < b ? a : b)) : null;
  }
}

/**
 * Each association's live events by `now`, counted per local quarter. The rows come in date order from
 * the events index, so each is put in its quarter by comparing its text with the next quarter's start
 * (worked out here: SQLite does not know the local zone), not by parsing a date per row; counting in SQL
 * per quarter range was slower than reading the rows (a temporary B-tree for the grouping).
 */
async function eventsByQuarter(db: Db, now: string, since?: string): Promise<{ association_id: number; quarter: string; events: number; last: string }[]> {
  const rows = await liveEvents(db, now)
    .$if(since !== undefined, (query) => query.where('i.occurred_at', '>=', since!))
    .select(['i.association_id', 'i.occurred_at'])
    .orderBy('i.occurred_at')
    .execute();
  const buckets = new Map<string, { association_id: number; quarter: string; events: number; last: string }>();
  let range: { quarter: string; until: string } | null = null;
  for (const row of rows) {
    if (row.association_id === null) continue;
    if (range === null || row.occurred_at >= range.until) range = quarterRange(quarterOf(row.occurred_at));
    const key = `${row.association_id} ${range.quarter}`;
    const bucket = buckets.get(key);
    if (bucket) {
      bucket.events += 1;
      bucket.last = row.occurred_at;
    } else buckets.set(key, { association_id: row.association_id, quarter: range.quarter, events: 1, last: row.occurred_at });
  }
  return [...buckets.values()];
}

/** Live events linked to an association that have happened by `now`. */
export function liveEvents(db: Db, now: string) {
  return db
    .selectFrom('interactions as i')
    .where('i.deleted_at', 'is', null)
    .where('i.kind', '=', 'event')
    .where('i.association_id', 'is not', null)
    .where('i.occurred_at', '<=', now);
}

// ---- reading -------------------------------------------------------------------------------------------

async function rows(db: Db, id?: number) {
  let query = db.selectFrom('associations').selectAll();
  if (id !== undefined) query = query.where('id', '=', id);
  return query.orderBy('name').execute();
}

function toAssociation(row: Awaited<ReturnType<typeof rows>>[number]): Association {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    website: row.website,
    notes: row.notes,
    myRole: row.my_role,
    renewalOn: row.renewal_on,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function summarize(row: Association, attendance: Attendance): AssociationSummary {
  const { notes: _notes, ...rest } = row;
  return {
    ...rest,
    thisQuarter: attendance.in(row.id, attendance.current),
    streak: attendance.streak(row.id),
    ...attendance.totals(row.id),
  };
}

export async function listAssociations(db: Db, now: string): Promise<AssociationsOverview> {
  const [all, attendance] = await Promise.all([rows(db), Attendance.load(db, now)]);
  return {
    quarter: attendance.current,
    associations: all.map((row) => summarize(toAssociation(row), attendance)),
  };
}

/** The events an association's page shows first, newest first; the rest come a page at a time. */
export const EVENTS_PAGE = 50;
/** The people met there that its page lists, most often met first; the rest are counted. */
export const PEOPLE_SHOWN = 100;

export async function getAssociation(db: Db, id: number, now: string): Promise<AssociationDetail> {
  const [row] = await rows(db, id);
  if (!row) throw notFound('association', id);
  const [attendance, first, met] = await Promise.all([
    Attendance.load(db, now),
    associationEvents(db, id, null, EVENTS_PAGE),
    // Counted and ordered in SQL, the association's live events read once: at a million entries it has
    // thousands of events and thousands of people met, and the page lists the hundred met most.
    sql<{ id: number; name: string; events: number; last: string; people: number; total: number }>`
      WITH ev AS MATERIALIZED (
        SELECT i.id, i.occurred_at FROM interactions i WHERE i.association_id = ${id} AND i.deleted_at IS NULL
      ),
      met AS (
        SELECT ip.person_id, count(*) AS events, max(ev.occurred_at) AS last
        FROM ev JOIN interaction_people ip ON ip.interaction_id = ev.id GROUP BY ip.person_id
      )
      SELECT p.id, p.name, met.events, met.last, count(*) OVER () AS people, (SELECT count(*) FROM ev) AS total
      FROM met JOIN people p ON p.id = met.person_id
      ORDER BY met.events DESC, met.last DESC, p.name
      LIMIT ${PEOPLE_SHOWN}`.execute(db),
  ]);
  // Nobody met (events logged with no one) leaves no row to carry the count.
  const total = met.rows[0]?.total ?? Number(
    (await db.selectFrom('interactions').where('association_id', '=', id).where('deleted_at', 'is', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );
  const people = met.rows
    .map((person) => ({ person: { id: person.id, name: person.name }, events: Number(person.events), lastMetAt: person.last }))
    .sort((a, b) => b.events - a.events || (a.lastMetAt < b.lastMetAt ? 1 : a.lastMetAt > b.lastMetAt ? -1 : 0) || a.person.name.localeCompare(b.person.name));
  const association = toAssociation(row);
  return {
    ...summarize(association, attendance),
    notes: association.notes,
    goals: attendance.goalHistory(id),
    eventList: first.events,
    eventsNext: first.next,
    eventsTotal: Number(total),
    people,
    peopleTotal: Number(met.rows[0]?.people ?? 0),
    strip: attendance.strip(id, attendance.current),
  };
}

/** An association's live events after the keyset position `after` (null: from the newest), with who was there. */
export async function associationEvents(db: Db, id: number, after: string | null, limit: number): Promise<{ events: AssociationEvent[]; next: string | null }> {
  let query = db
    .selectFrom('interactions as i')
    .where('i.deleted_at', 'is', null)
    .where('i.association_id', '=', id)
    .select(['i.id', 'i.occurred_at', 'i.title', 'i.location', 'i.confidential']);
  // The timeline's cursor, which seeks in the association's index too.
  if (after) query = query.where(olderThan(after));
  const rows = await query.orderBy('i.occurred_at', 'desc').orderBy('i.id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const peopleByEvent = await peopleFor(db, page.map((event) => event.id));
  const last = page.at(-1);
  return {
    events: page.map((event) => ({
      id: event.id,
      occurredAt: event.occurred_at,
      title: event.title,
      location: event.location,
      confidential: event.confidential === 1,
      people: peopleByEvent.get(event.id) ?? [],
    })),
    next: rows.length > limit && last ? `${last.occurred_at}~${last.id}` : null,
  };
}

/** Focus associations whose goal for this quarter is at risk: most of the quarter gone, goal not met. */
export async function pace(db: Db, now: string): Promise<PaceNotice[]> {
  const { quarter, elapsed, daysLeft } = quarterElapsed(now);
  if (elapsed < PACE_WARNING_AT) return [];
  const [focus, attendance] = await Promise.all([
    db.selectFrom('associations').select(['id', 'name']).where('status', '=', 'focus').orderBy('name').execute(),
    Attendance.load(db, now, quarterRange(quarter).since),
  ]);
  return focus.flatMap((association) => {
    const { attended, goal, state } = attendance.in(association.id, quarter);
    return state === 'open' && goal ? [{ quarter, association, attended, goal, elapsed, daysLeft }] : [];
  });
}

// ---- writing -------------------------------------------------------------------------------------------

function toRow(fields: Fields) {
  return {
    name: fields.name,
    category: fields.category,
    website: fields.website,
    notes: fields.notes,
    my_role: fields.myRole,
    renewal_on: fields.renewalOn,
  };
}

export function sameNameKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('en-US');
}

async function assertNameFree(trx: Transaction<Database>, name: string, exceptId: number | null): Promise<void> {
  // One notion of "the same name" everywhere: Unicode case folding, done here (SQLite's lower() and NOCASE
  // fold only ASCII, so "ÄRZTE FORUM" and "Ärzte Forum" would pass a SQL check and then hit the unique
  // index). Names differing only in ASCII case are the same under both, so nothing passes here that the
  // index would refuse. Associations are few: reading their names is cheap.
  const rows = await trx.selectFrom('associations').select(['id', 'name']).execute();
  const key = sameNameKey(name);
  if (rows.some((row) => row.id !== exceptId && sameNameKey(row.name) === key)) {
    throw new JournalError('conflict', `“${name}” is already in your associations.`, { name: 'An association with this name already exists.' });
  }
}

export async function createAssociation(db: Kysely<Database>, input: ParsedInput<'associations.create'>, now: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await assertNameFree(trx, input.name, null);
    const at = stamp();
    const { id } = await trx
      .insertInto('associations')
      .values({ ...toRow(input), status: 'exploring', created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await moveInFunnel(trx, id, input.status, input.confirmed, now);
    return id;
  });
}

export async function updateAssociation(db: Kysely<Database>, id: number, fields: Fields): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await assertNameFree(trx, fields.name, id);
    const result = await trx.updateTable('associations').set({ ...toRow(fields), updated_at: stamp() }).where('id', '=', id).executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw notFound('association', id);
  });
}

export async function setStatus(db: Kysely<Database>, input: ParsedInput<'associations.setStatus'>, now: string): Promise<void> {
  await db.transaction().execute((trx) => moveInFunnel(trx, input.id, input.status, input.confirmed, now));
}

/**
 * Moves an association through the funnel. A fourth shortlisted, or a new focus while another holds it,
 * is allowed but only once confirmed (the practice says three, and one); the old focus goes back to the
 * shortlist. A new focus with no goal gets the practice's default; moving to past ends its goal from the
 * next quarter, so the quarter already under way is still judged by the goal it started with.
 */
async function moveInFunnel(trx: Transaction<Database>, id: number, status: AssociationStatus, confirmed: boolean, now: string): Promise<void> {
  const row = await trx.selectFrom('associations').select(['id', 'name', 'status']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('association', id);
  if (row.status === status) return;
  const others = await trx.selectFrom('associations').select(['id', 'name']).where('status', '=', status).where('id', '!=', id).orderBy('name').execute();
  const names = others.map((other) => `“${other.name}”`);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
  if (status === 'shortlisted' && others.length >= SHORTLIST_LIMIT && !confirmed) {
    throw new JournalError(
      'needs-confirmation',
      `You already have ${others.length} associations shortlisted (${list}). The practice is to narrow the list to three. Shortlist “${row.name}” anyway?`,
    );
  }
  if (status === 'focus' && others.length > 0) {
    if (!confirmed) {
      throw new JournalError(
        'needs-confirmation',
        `${list} ${others.length > 1 ? 'are' : 'is'} your focus now. Make “${row.name}” the focus and move ${list} back to the shortlist?`,
      );
    }
    await trx.updateTable('associations').set({ status: 'shortlisted', updated_at: stamp() }).where('status', '=', 'focus').execute();
  }
  await trx.updateTable('associations').set({ status, updated_at: stamp() }).where('id', '=', id).execute();

  const quarter = quarterOf(now);
  const current = await goalAt(trx, id, quarter);
  if (status === 'focus' && !current) await writeGoal(trx, id, quarter, FOCUS_DEFAULT_GOAL);
  if (status === 'past' && current) await writeGoal(trx, id, shiftQuarter(quarter, 1), 0);
}

async function goalAt(trx: Transaction<Database>, id: number, quarter: string): Promise<number | null> {
  const row = await trx
    .selectFrom('attendance_goals')
    .select('events')
    .where('association_id', '=', id)
    .where('from_quarter', '<=', quarter)
    .orderBy('from_quarter', 'desc')
    .executeTakeFirst();
  return row?.events ?? null;
}

/** Sets the goal from a quarter on; earlier rows stay, so earlier quarters keep the goal that held then. */
async function writeGoal(trx: Transaction<Database>, id: number, fromQuarter: string, events: number): Promise<void> {
  // Dates are kept to 1900–2199 everywhere; a goal from a quarter outside them (a clock far off, a local
  // zone that turns 2199's last evening into 2200, "ends next quarter" in 2199-Q4) could never be shown.
  if (!(fromQuarter >= '1900-Q1' && fromQuarter <= '2199-Q4')) {
    const message = `A goal can only be set for quarters between 1900 and 2199, not ${fromQuarter}. Check the computer's date, then try again; nothing was changed.`;
    throw new JournalError('invalid-input', message, { now: message });
  }
  await trx
    .insertInto('attendance_goals')
    .values({ association_id: id, from_quarter: fromQuarter, events, set_at: stamp() })
    .onConflict((oc) => oc.columns(['association_id', 'from_quarter']).doUpdateSet({ events, set_at: stamp() }))
    .execute();
  // A goal set for the current quarter supersedes any set for later ones (say, "ends next quarter").
  await trx.deleteFrom('attendance_goals').where('association_id', '=', id).where('from_quarter', '>', fromQuarter).execute();
}

export async function setGoal(db: Kysely<Database>, input: ParsedInput<'associations.setGoal'>, now: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('associations').select('id').where('id', '=', input.id).executeTakeFirst();
    if (!row) throw notFound('association', input.id);
    await writeGoal(trx, input.id, quarterOf(now), input.events);
  });
}

/** Deletes an association and its goals; its events stay in the journal, unlinked. */
export async function deleteAssociation(db: Kysely<Database>, id: number): Promise<{ id: number; name: string }> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('associations').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('association', id);
    await trx.deleteFrom('associations').where('id', '=', id).execute();
    return row;
  });
}

/** The association must exist; returns it as an entry names it (a save shows it without reading it again). */
export async function assertAssociationExists(db: Db, id: number): Promise<AssociationRef> {
  const row = await db.selectFrom('associations').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new JournalError('not-found', `That association no longer exists (id ${id}).`, { associationId: 'That association no longer exists.' });
  return row;
}
