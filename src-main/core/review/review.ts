import { sql } from 'kysely';
import type { AssociationRef, Commitment, InteractionKind, KeepInTouchItem, NewPerson, QuarterReview, ThanksOwedItem } from '../../contract/contract.js';
import { Attendance, HISTORY_QUARTERS } from '../associations/associations.js';
import { type AsOf } from '../reciprocity/clock.js';
import { type Db, fetchCommitments } from '../reciprocity/items.js';
import { ledgerTotals, pastCadenceCursor, pastCadenceList, pastCadencePage, thanksOwedCount, thanksOwedPage } from '../reciprocity/ledger.js';
import { quarterOf, quarterRange, quartersBetween, shiftQuarter } from '../quarters.js';

// The quarterly review: attendance against the goals that held, and the quarter's relationships. The
// relationship numbers come from the reciprocity core (ledger, thanks owed, commitments, keep-in-touch),
// asked about the quarter, so the review and the Reciprocity view never disagree.

/** How many rows of each long list the review opens with: what its panels draw before 'Show more'. */
export const REVIEW_PAGE = 50;

/** The quarter reviewed, its range, and the moment it is seen from: a past quarter from its last moment; the current (or a future) one from now. */
function reviewed(quarter: string | null | undefined, at: AsOf) {
  const current = quarterOf(at.now);
  const chosen = quarter ?? current;
  const range = quarterRange(chosen);
  const asAtEnd: AsOf = chosen < current ? { now: new Date(new Date(range.until).getTime() - 1).toISOString(), today: range.lastDay } : at;
  return { current, chosen, range, asAtEnd };
}

/**
 * The review, with its long lists (thanks owed, people overdue: thousands at a million) cut to their first
 * `shown` rows, counted whole, and a cursor to read on. The Markdown export asks for them all.
 */
export async function quarterReview(db: Db, quarter: string | null | undefined, at: AsOf, shown = REVIEW_PAGE): Promise<QuarterReview> {
  const { current, chosen, range, asAtEnd } = reviewed(quarter, at);
  const isCurrent = chosen === current;

  const [attendance, associations, counts, newPeople, gives, owed, due, overdue, first] = await Promise.all([
    Attendance.load(db, at.now),
    db.selectFrom('associations').select(['id', 'name', 'status']).orderBy('name').execute(),
    sql<{ interactions: number; events: number; people: number }>`
      SELECT
        -- Each count from an index alone (the timeline's, the events', the contacts'), never reading an entry's row.
        (SELECT COUNT(*) FROM interactions i INDEXED BY interactions_timeline
          WHERE i.deleted_at IS NULL AND i.occurred_at >= ${range.since} AND i.occurred_at < ${range.until}) AS interactions,
        (SELECT COUNT(*) FROM interactions i INDEXED BY interactions_events
          WHERE i.deleted_at IS NULL AND i.kind = 'event' AND i.occurred_at >= ${range.since} AND i.occurred_at < ${range.until}) AS events,
        -- People seen: the quarter's range of everyone's live contacts by date (migration 15), not a seek
        -- into the links of each of the quarter's entries.
        (SELECT COUNT(DISTINCT c.person_id) FROM person_contacts c INDEXED BY person_contacts_date
          WHERE c.occurred_at >= ${range.since} AND c.occurred_at < ${range.until}) AS people`.execute(db),
    newPeopleIn(db, range.since, range.until),
    // Only the totals, from the quarter's exchanges and asks (reciprocity/ledger.ts).
    ledgerTotals(db, range.since, range.until),
    // Each list read for the quarter alone: its thanks owed, the promises due in it, who is past their cadence.
    // The first page of thanks owed and their count: at a million a quarter owes over a thousand.
    Promise.all([thanksOwedPage(db, asAtEnd, range, null, shown), thanksOwedCount(db, asAtEnd, range)]),
    fetchCommitments(db, { direction: 'i-owe', dueWithin: { from: range.firstDay, to: range.lastDay } }, at.today),
    pastCadenceList(db, asAtEnd),
    sql<{ first: string | null }>`SELECT MIN(occurred_at) AS first FROM interactions WHERE deleted_at IS NULL`.execute(db),
  ]);

  const commitments: Record<'kept' | 'late' | 'missed' | 'open', Commitment[]> = { kept: [], late: [], missed: [], open: [] };
  for (const commitment of due) {
    if (commitment.status === 'done') commitments[commitment.doneOn !== null && commitment.doneOn <= commitment.dueOn ? 'kept' : 'late'].push(commitment);
    else if (commitment.status === 'dropped' || commitment.overdue) commitments.missed.push(commitment);
    else commitments.open.push(commitment);
  }

  const heatQuarters = quartersBetween(shiftQuarter(chosen, -(HISTORY_QUARTERS - 1)), chosen);
  const heatRows = associations
    .map((association) => ({
      association: { id: association.id, name: association.name },
      status: association.status,
      cells: heatQuarters.map((q) => attendance.in(association.id, q)),
    }))
    .filter((row) => row.cells.some((cell) => cell.attended > 0 || cell.goal));

  const attendanceRows = associations
    .map((association) => ({ ...attendance.in(association.id, chosen), association: { id: association.id, name: association.name }, status: association.status }))
    .filter((row) => row.attended > 0 || row.goal);

  const oldest = first.rows[0]?.first ? quarterOf(first.rows[0].first) : current;
  const quarters = quartersBetween(oldest < current ? oldest : current, current, 80).reverse();
  const row = counts.rows[0];

  return {
    quarter: chosen,
    since: range.since,
    until: range.until,
    firstDay: range.firstDay,
    lastDay: range.lastDay,
    current: isCurrent,
    quarters,
    attendance: attendanceRows,
    summary: {
      interactions: Number(row?.interactions ?? 0),
      events: Number(row?.events ?? 0),
      peopleSeen: Number(row?.people ?? 0),
      newPeople,
      gave: gives.gave,
      received: gives.received,
      asked: gives.asked,
      theyAsked: gives.theyAsked,
      thanksOwed: owed[0].items,
      thanksOwedTotal: owed[1],
      thanksOwedNext: owed[0].next,
      commitments,
      overdue: overdue.slice(0, shown),
      overdueTotal: overdue.length,
      overdueNext: overdue.length > shown ? pastCadenceCursor(overdue[shown - 1]!) : null,
    },
    heatmap: { quarters: heatQuarters, rows: heatRows },
  };
}

/** The quarter's thanks owed after a cursor, as the review lists them. */
export function reviewThanksOwed(db: Db, quarter: string, at: AsOf, after: string, limit: number): Promise<{ items: ThanksOwedItem[]; next: string | null }> {
  const { range, asAtEnd } = reviewed(quarter, at);
  return thanksOwedPage(db, asAtEnd, range, after, limit);
}

/** The people past their cadence after a cursor, seen from the quarter's end (or now), as the review lists them. */
export function reviewOverdue(db: Db, quarter: string, at: AsOf, after: string, limit: number): Promise<{ items: KeepInTouchItem[]; next: string | null }> {
  return pastCadencePage(db, reviewed(quarter, at).asAtEnd, after, limit);
}

/** People whose first live interaction falls in the period, with where they were first met. */
async function newPeopleIn(db: Db, since: string, until: string): Promise<NewPerson[]> {
  const { rows } = await sql<{
    person_id: number;
    name: string;
    first_at: string;
    interaction_id: number;
    title: string;
    kind: string;
    confidential: number;
    association_id: number | null;
    association_name: string | null;
  }>`
    WITH firsts AS (
      -- Each person's first live contact, kept by triggers (migrations/0005-counters.ts); read by range.
      SELECT person_id, first_interaction_at AS first_at FROM person_stats
      WHERE first_interaction_at >= ${since} AND first_interaction_at < ${until}
    )
    SELECT f.person_id, p.name, f.first_at, i.id AS interaction_id, i.title, i.kind, i.confidential,
      a.id AS association_id, a.name AS association_name
    FROM firsts f
    JOIN people p ON p.id = f.person_id
    JOIN interactions i ON i.id = (
      SELECT j.id FROM interaction_people jp JOIN interactions j ON j.id = jp.interaction_id
      WHERE jp.person_id = f.person_id AND j.deleted_at IS NULL AND j.occurred_at = f.first_at
      ORDER BY j.id LIMIT 1)
    LEFT JOIN associations a ON a.id = i.association_id
    ORDER BY f.first_at, p.name`.execute(db);
  return rows.map((row) => ({
    person: { id: row.person_id, name: row.name },
    firstMetAt: row.first_at,
    association: row.association_id !== null && row.association_name !== null ? ({ id: row.association_id, name: row.association_name } satisfies AssociationRef) : null,
    interaction: { id: row.interaction_id, title: row.title, kind: row.kind as InteractionKind, confidential: row.confidential === 1 },
  }));
}
