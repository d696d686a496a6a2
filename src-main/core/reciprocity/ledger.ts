import { addMonths, format, startOfMonth } from 'date-fns';
import { sql } from 'kysely';
import type {
  AllyRole,
  Exchange,
  BeforeAsk,
  FollowThrough,
  GiveFirstItem,
  KeepInTouchItem,
  Ledger,
  LedgerRow,
  LedgerSort,
  PersonBrief,
  PersonReciprocity,
  QueuePage,
  Queues,
  QueueSummary,
  ThanksOwedItem,
} from '../../contract/contract.js';
import { LEDGER_DEFAULT_LIMIT, type QueueList } from '../../contract/enums.js';
import { notFound } from '../errors.js';
import { type AsOf, dayDate, daysBefore, localDay } from './clock.js';
import { olderThan } from '../interactions/interactions.js';
import { type Db, fetchAsks, fetchCommitments, fetchExchanges, fetchThanks } from './items.js';

// The ledger and the queues, computed here so every screen gets the same numbers. Counting and filtering
// happen in SQL; the few things that need the local calendar (months, quarters, reason text) happen here.

/**
 * Not hidden by a trashed interaction: a seek among the trashed entries (interactions_trashed, migration
 * 14, a handful), not among all of them (a random read per item at a million entries). Named, because
 * without ANALYZE statistics SQLite would rather look the entry's row up by its id.
 */
function notTrashed(owner: string) {
  return sql`NOT EXISTS (SELECT 1 FROM interactions trashed INDEXED BY interactions_trashed WHERE trashed.id = ${sql.ref(`${owner}.interaction_id`)} AND trashed.deleted_at IS NOT NULL)`;
}

/** Exchanges and asks not hidden by a trashed interaction. */
const LIVE_EXCHANGES = sql`(SELECT e.* FROM exchanges e WHERE ${notTrashed('e')})`;
const LIVE_ASKS = sql`(SELECT a.* FROM asks a WHERE ${notTrashed('a')})`;

// Windows, in days. "Recent" giving is six months; help received counts over a year.
const RECENT_GIVING_DAYS = 183;
const RELIANCE_DAYS = 365;
const THANKS_LATE_DAYS = 7;
// Help older than a year with no thanks logged is history, not a to-do.
const THANKS_HORIZON_DAYS = 365;
const ONLY_ASKS_DAYS = 183;
const FOLLOW_THROUGH_QUARTERS = 4;
/** Someone in more entries than this has their last contact found by walking the timeline from now. */
const CONTACT_WALK_FROM = 1000;

interface PersonRow {
  id: number;
  name: string;
  organization: string | null;
  role: string | null;
  ally_role: string | null;
  level: 'senior' | 'peer' | 'junior' | null;
  inside_org: number | null;
}

function brief(row: PersonRow): PersonBrief {
  return {
    id: row.id,
    name: row.name,
    organization: row.organization,
    role: row.role,
    allyRole: row.ally_role as AllyRole | null,
    level: row.level,
    insideOrg: row.inside_org === null ? null : row.inside_org === 1,
  };
}

const personColumns = sql`p.id, p.name, p.organization, p.role, p.ally_role, p.level, p.inside_org`;

const counted = {
  last_gave_at: { links: 'exchange_people', owner: 'exchange_id', items: 'exchanges', at: 'occurred_at', direction: 'gave', loose: false },
  last_received_at: { links: 'exchange_people', owner: 'exchange_id', items: 'exchanges', at: 'occurred_at', direction: 'received', loose: false },
  last_ask_at: { links: 'ask_people', owner: 'ask_id', items: 'asks', at: 'asked_at', direction: 'i-asked', loose: false },
  last_loose_ask_at: { links: 'ask_people', owner: 'ask_id', items: 'asks', at: 'asked_at', direction: 'i-asked', loose: true },
} as const;

/**
 * A person's last give, receive or ask as of a moment: the counter kept by triggers (person_reciprocity,
 * joined as `r`) when it is not after that moment, as it always is but for items logged ahead or a past
 * period; else their own links, walked through their index.
 */
function latest(counter: keyof typeof counted, person: string, bound: { before: string } | { atOrBefore: string }) {
  const { links, owner, items, at, direction, loose } = counted[counter];
  const value = sql.ref(`r.${counter}`);
  const [op, moment] = 'before' in bound ? [sql.raw('<'), bound.before] : [sql.raw('<='), bound.atOrBefore];
  return sql`CASE WHEN ${value} IS NULL OR ${value} ${op} ${moment} THEN ${value} ELSE (
    SELECT MAX(x.${sql.raw(at)}) FROM ${sql.table(links)} l CROSS JOIN ${sql.table(items)} x ON x.id = l.${sql.raw(owner)}
    WHERE l.person_id = ${sql.ref(person)} AND x.direction = ${direction} AND x.${sql.raw(at)} ${op} ${moment} AND ${notTrashed('x')}
      ${loose ? sql`AND x.interaction_id IS NULL` : sql``}) END`;
}

// ---- the ledger ----------------------------------------------------------------------------------------

export interface LedgerWindow {
  since?: string | null | undefined;
  until?: string | null | undefined;
  sort?: LedgerSort | undefined;
  descending?: boolean | undefined;
  allyRole?: AllyRole | null | undefined;
  level?: 'senior' | 'peer' | 'junior' | null | undefined;
  placement?: 'inside' | 'outside' | null | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

export async function ledger(db: Db, input: LedgerWindow, at: AsOf): Promise<Ledger> {
  const since = input.since ?? '';
  // An open end, not "now": an interaction logged for later today still belongs in the period.
  const until = input.until ?? '9999';
  // The whole history (the screen's default) is the counters kept by triggers (migration 12), one row per
  // person; a period adds up its own exchanges by their date index and its asks. The last give, receive and
  // ask are the counters' unless they fall after the period's end.
  const whole = !input.since && !input.until;
  const sums = whole
    ? sql`SELECT person_id, gave, received, asked, they_asked FROM person_reciprocity WHERE gave + received + asked + they_asked > 0`
    : sql`
      SELECT person_id, SUM(gave) AS gave, SUM(received) AS received, SUM(asked) AS asked, SUM(they_asked) AS they_asked FROM (
        SELECT ep.person_id, e.direction = 'gave' AS gave, e.direction = 'received' AS received, 0 AS asked, 0 AS they_asked
        FROM exchanges e INDEXED BY exchanges_occurred CROSS JOIN exchange_people ep ON ep.exchange_id = e.id
        WHERE e.occurred_at >= ${since} AND e.occurred_at < ${until} AND ${notTrashed('e')}
        UNION ALL
        SELECT ap.person_id, 0, 0, a.direction = 'i-asked', a.direction = 'they-asked'
        FROM asks a CROSS JOIN ask_people ap ON ap.ask_id = a.id
        WHERE a.asked_at >= ${since} AND a.asked_at < ${until} AND ${notTrashed('a')})
      GROUP BY person_id`;
  const { rows } = await sql<PersonRow & { gave: number; received: number; asked: number; they_asked: number; last_gave_at: string | null; last_received_at: string | null; last_ask_at: string | null }>`
    WITH sums AS (${sums})
    SELECT ${personColumns}, s.gave, s.received, s.asked, s.they_asked,
      ${latest('last_gave_at', 'p.id', { before: until })} AS last_gave_at,
      ${latest('last_received_at', 'p.id', { before: until })} AS last_received_at,
      ${latest('last_ask_at', 'p.id', { before: until })} AS last_ask_at
    FROM sums s
    JOIN people p ON p.id = s.person_id
    LEFT JOIN person_reciprocity r ON r.person_id = s.person_id
    ORDER BY p.name COLLATE NOCASE`.execute(db);

  const all = rows.map((row) => ({
    row,
    gave: Number(row.gave),
    received: Number(row.received),
    balance: Number(row.gave) - Number(row.received),
    asked: Number(row.asked),
    theyAsked: Number(row.they_asked),
  }));
  const sum = (key: 'gave' | 'received' | 'asked' | 'theyAsked') => all.reduce((total, row) => total + row[key], 0);
  const totals = { gave: sum('gave'), received: sum('received'), asked: sum('asked'), theyAsked: sum('theyAsked') };

  // Filtered, ordered and cut to the window here, and only the window's months of flow are counted and
  // sent: the whole ledger at 5,000 people was 9.8 MB, most of it empty months.
  const kept = all.filter(
    ({ row }) =>
      (!input.allyRole || row.ally_role === input.allyRole) &&
      (!input.level || row.level === input.level) &&
      (!input.placement || (row.inside_org !== null && (row.inside_org === 1) === (input.placement === 'inside'))),
  );
  // By name unless asked otherwise, as the ledger always was.
  const sort = input.sort ?? 'name';
  const sign = input.descending ? -1 : 1;
  const valueOf = (entry: (typeof all)[number]): string | number | null =>
    sort === 'name' ? entry.row.name : sort === 'lastGaveAt' ? entry.row.last_gave_at : sort === 'lastAskAt' ? entry.row.last_ask_at : entry[sort];
  kept.sort((a, b) => {
    const left = valueOf(a);
    const right = valueOf(b);
    // No date yet sorts last either way; ties go by name.
    if (left === null || right === null) {
      if (left !== right) return left === null ? 1 : -1;
    } else {
      const order = (typeof left === 'number' && typeof right === 'number' ? left - right : collator.compare(String(left), String(right))) * sign;
      if (order !== 0) return order;
    }
    return collator.compare(a.row.name, b.row.name) || a.row.id - b.row.id;
  });
  const offset = input.offset ?? 0;
  const window = kept.slice(offset, offset + (input.limit ?? LEDGER_DEFAULT_LIMIT));

  const months = window.length ? monthsBetween(input.since ?? null, input.until ?? at.now, await firstExchangeAt(db)) : [];
  const flows = await monthlyFlow(db, since, until, window.map((entry) => entry.row.id));
  const result: LedgerRow[] = window.map(({ row, gave, received, balance, asked, theyAsked }) => {
    const counts = flows.get(row.id) ?? new Map<string, { gave: number; received: number }>();
    return {
      person: brief(row),
      gave,
      received,
      balance,
      asked,
      theyAsked,
      lastGaveAt: row.last_gave_at,
      lastReceivedAt: row.last_received_at,
      lastAskAt: row.last_ask_at,
      flow: months.map((month) => ({ month, gave: counts.get(month)?.gave ?? 0, received: counts.get(month)?.received ?? 0 })),
    };
  });
  return { since: input.since ?? null, until: input.until ?? at.now, rows: result, total: kept.length, offset, people: all.length, totals };
}

/**
 * The ledger's totals alone, for the review's quarter: the same sums (one per person an exchange or ask
 * names, trashed entries aside) read from the period's exchanges by their date index, not by adding up
 * every person's whole history first (127 ms of the review at 100,000 under load).
 */
export async function ledgerTotals(db: Db, since: string, until: string): Promise<Ledger['totals']> {
  // Each direction summed in the same walk of the period's exchanges (and of its asks): walked once per
  // direction, the period's rows and links were read twice (at a million, 42 ms for a quarter's review).
  const { rows } = await sql<{ gave: number | null; received: number | null; asked: number | null; they_asked: number | null }>`
    SELECT gives.gave, gives.received, asking.asked, asking.they_asked FROM
      (SELECT SUM(e.direction = 'gave') AS gave, SUM(e.direction = 'received') AS received FROM exchanges e INDEXED BY exchanges_occurred
        CROSS JOIN exchange_people ep ON ep.exchange_id = e.id
        WHERE e.occurred_at >= ${since} AND e.occurred_at < ${until} AND ${notTrashed('e')}) gives,
      (SELECT SUM(a.direction = 'i-asked') AS asked, SUM(a.direction = 'they-asked') AS they_asked FROM asks a CROSS JOIN ask_people ap ON ap.ask_id = a.id
        WHERE a.asked_at >= ${since} AND a.asked_at < ${until} AND ${notTrashed('a')}) asking`.execute(db);
  const row = rows[0];
  return { gave: Number(row?.gave ?? 0), received: Number(row?.received ?? 0), asked: Number(row?.asked ?? 0), theyAsked: Number(row?.they_asked ?? 0) };
}

/** Names compared as the table shows them: case and accents aside. */
const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

async function firstExchangeAt(db: Db): Promise<string | null> {
  // The date index from its start to the first live exchange: a row or two, not every exchange.
  const { rows } = await sql<{ first: string | null }>`
    SELECT e.occurred_at AS first FROM exchanges e INDEXED BY exchanges_occurred
      LEFT JOIN interactions i INDEXED BY interactions_live ON i.id = e.interaction_id
    WHERE i.deleted_at IS NULL ORDER BY e.occurred_at LIMIT 1`.execute(db);
  return rows[0]?.first ?? null;
}

/** Local calendar months from the start of the period (or the first exchange) to its end, at most 10 years. */
export function monthsBetween(since: string | null, until: string, first: string | null): string[] {
  const start = since ?? first ?? until;
  const end = startOfMonth(new Date(until));
  let month = startOfMonth(new Date(start));
  const months: string[] = [];
  while (month <= end && months.length < 120) {
    months.push(format(month, 'yyyy-MM'));
    month = addMonths(month, 1);
  }
  return months;
}

/** 'yyyy-MM' of an instant in the local time zone. */
function localMonth(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

async function monthlyFlow(db: Db, since: string, until: string, personIds: readonly number[]): Promise<Map<number, Map<string, { gave: number; received: number }>>> {
  const map = new Map<number, Map<string, { gave: number; received: number }>>();
  if (personIds.length === 0) return map;
  // The window's people only, from their links (their index), not every exchange of the period. The
  // CROSS JOINs fix the order: with the sampled statistics PRAGMA optimize keeps, SQLite walked every
  // exchange of the period and probed each against every person of the window (2.7 s at 100,000).
  const { rows } = await sql<{ person_id: number; direction: 'gave' | 'received'; occurred_at: string }>`
    SELECT ep.person_id, e.direction, e.occurred_at
    FROM json_each(${JSON.stringify(personIds)}) w
      CROSS JOIN exchange_people ep ON ep.person_id = w.value
      CROSS JOIN exchanges e ON e.id = ep.exchange_id
    WHERE ${notTrashed('e')} AND e.occurred_at >= ${since} AND e.occurred_at < ${until}`.execute(db);
  for (const row of rows) {
    // Months are the user's local months, which SQLite does not know; hence bucketing here, without
    // date-fns' format, which cost more than the query itself at 10,000 exchanges.
    const month = localMonth(row.occurred_at);
    const person = map.get(row.person_id) ?? new Map<string, { gave: number; received: number }>();
    const counts = person.get(month) ?? { gave: 0, received: 0 };
    counts[row.direction] += 1;
    person.set(month, counts);
    map.set(row.person_id, person);
  }
  return map;
}

// ---- the queues ----------------------------------------------------------------------------------------

export async function queues(db: Db, at: AsOf): Promise<Queues> {
  const [giveFirstItems, thanksOwedItems, iOwe, owedToMe, rate, keepInTouch] = await Promise.all([
    giveFirst(db, at),
    thanksOwed(db, at),
    fetchCommitments(db, { direction: 'i-owe', status: 'open' }, at.today),
    fetchCommitments(db, { direction: 'owed-to-me', status: 'open' }, at.today),
    followThrough(db, at),
    keepInTouchLists(db, at),
  ]);
  return {
    today: at.today,
    giveFirst: giveFirstItems,
    thanksOwed: thanksOwedItems,
    commitments: { iOwe, owedToMe, followThrough: rate },
    keepInTouch,
  };
}

/**
 * One queue list's first `limit` rows and its size, for the tab that shows it: only that list is worked
 * out, and only its window is sent (all four queues were 4.9 MB at a million interactions). Thanks owed
 * is ordered by its date index, so only the window's exchanges are read; the other lists are ranked on
 * figures worked out for everyone in them, so they are ranked whole and cut.
 */
export async function queuePage(db: Db, list: QueueList, limit: number, at: AsOf): Promise<QueuePage> {
  const page = <L extends QueueList, T>(name: L, all: T[]) => ({ list: name, today: at.today, total: all.length, items: all.slice(0, limit) });
  switch (list) {
    case 'give-first':
      return page(list, await giveFirst(db, at));
    case 'thanks': {
      const [items, counted] = await Promise.all([
        thanksOwed(db, at, { limit }),
        sql<{ n: number }>`SELECT COUNT(*) AS n ${owedExchanges(at)}`.execute(db),
      ]);
      return { list, today: at.today, total: Number(counted.rows[0]?.n ?? 0), items };
    }
    case 'i-owe':
      return page(list, await fetchCommitments(db, { direction: 'i-owe', status: 'open' }, at.today));
    case 'owed-to-me':
      return page(list, await fetchCommitments(db, { direction: 'owed-to-me', status: 'open' }, at.today));
    case 'past-cadence':
      return page(list, await pastCadenceList(db, at));
    case 'only-asks':
      return page(list, await onlyAsksList(db, at));
  }
}

/**
 * The queues' sizes and the screen's figures, without their rows: counted in SQL where the queues' rows
 * would only be counted (building every queue to count it was 17.5 ms at 5,000 people, their reasons and
 * people the most of it). The counts are the queues' own: the same statements, counted.
 */
export async function queueSummary(db: Db, at: AsOf): Promise<QueueSummary> {
  const late = lateSince(at);
  const [giveFirstCount, thanks, commitments, rate, pastCadence, onlyAsks] = await Promise.all([
    sql<{ n: number }>`SELECT COUNT(*) AS n FROM (${giveFirstRows(at)})`.execute(db),
    sql<{ n: number; late: number | null }>`SELECT COUNT(*) AS n, SUM(e.occurred_at < ${late}) AS late ${owedExchanges(at)}`.execute(db),
    sql<{ n: number; overdue: number | null }>`
      SELECT COUNT(*) AS n, SUM(c.direction = 'i-owe' AND c.due_on < ${at.today}) AS overdue
      FROM commitments c CROSS JOIN people p ON p.id = c.person_id
      WHERE ${notTrashed('c')} AND c.status = 'open'`.execute(db),
    followThrough(db, at),
    pastCadenceRows(db, at),
    onlyAsksList(db, at),
  ]);
  const first = <T>(result: { rows: T[] }) => result.rows[0]!;
  return {
    today: at.today,
    giveFirst: Number(first(giveFirstCount).n),
    thanksOwed: Number(first(thanks).n),
    thanksLate: Number(first(thanks).late ?? 0),
    commitments: Number(first(commitments).n),
    overdue: Number(first(commitments).overdue ?? 0),
    // Someone on both lists is one person to get in touch with.
    keepInTouch: new Set([...pastCadence.map(({ row }) => row.id), ...onlyAsks.map((item) => item.person.id)]).size,
    followThrough: rate.at(-1) ?? null,
    quarters: rate,
  };
}

/** Who belongs on "Give first", unordered: the queue orders these, the summary counts them. */
function giveFirstRows(at: AsOf) {
  const recent = daysBefore(at.now, RECENT_GIVING_DAYS);
  const year = daysBefore(at.now, RELIANCE_DAYS);
  // The year's sums from the year's exchanges (their date index), and the last give and receive from the
  // counters, only for the people still in question.
  return sql`
    WITH yr AS (
      SELECT ep.person_id,
        SUM(e.direction = 'gave' AND e.occurred_at >= ${recent}) AS gave_recent,
        SUM(e.direction = 'gave') AS gave_year,
        SUM(e.direction = 'received') AS received_year,
        MIN(CASE WHEN e.direction = 'received' THEN e.occurred_at END) AS first_received
      FROM exchanges e INDEXED BY exchanges_occurred CROSS JOIN exchange_people ep ON ep.exchange_id = e.id
      WHERE e.occurred_at >= ${year} AND e.occurred_at <= ${at.now} AND ${notTrashed('e')}
      GROUP BY ep.person_id
    ),
    candidates AS (
      SELECT ${personColumns},
        COALESCE(yr.gave_recent, 0) AS gave_recent, COALESCE(yr.gave_year, 0) AS gave_year,
        COALESCE(yr.received_year, 0) AS received_year, yr.first_received, d.person_id AS dismissed, d.snoozed_until, d.dismissed_at
      FROM people p
      LEFT JOIN yr ON yr.person_id = p.id
      LEFT JOIN give_first_dismissals d ON d.person_id = p.id
      WHERE (p.ally_role IN ('mentor', 'sponsor', 'ally', 'gatekeeper') OR COALESCE(yr.received_year, 0) > 0)
        AND (COALESCE(yr.gave_recent, 0) = 0 OR COALESCE(yr.received_year, 0) > COALESCE(yr.gave_year, 0))
        AND NOT (d.snoozed_until IS NOT NULL AND d.snoozed_until > ${at.today})
    ),
    lasts AS (
      SELECT c.*, ${latest('last_gave_at', 'c.id', { atOrBefore: at.now })} AS last_gave_at,
        ${latest('last_received_at', 'c.id', { atOrBefore: at.now })} AS last_received_at
      FROM candidates c LEFT JOIN person_reciprocity r ON r.person_id = c.id
    )
    SELECT * FROM lasts
    WHERE NOT (dismissed IS NOT NULL AND snoozed_until IS NULL AND COALESCE(last_received_at, '') <= dismissed_at)`;
}

/**
 * People I rely on — by ally role, or because they helped me this year — whose recent giving from me is
 * zero or whose help outweighs mine. Snoozed people wait for their day; dismissed ones come back only
 * when they help me again.
 */
export async function giveFirst(db: Db, at: AsOf): Promise<GiveFirstItem[]> {
  const { rows } = await sql<PersonRow & { gave_recent: number; gave_year: number; received_year: number; first_received: string | null; last_gave_at: string | null; last_received_at: string | null }>`
    ${giveFirstRows(at)}
    ORDER BY received_year - gave_year DESC,
      CASE ally_role WHEN 'sponsor' THEN 0 WHEN 'mentor' THEN 1 WHEN 'ally' THEN 2 WHEN 'gatekeeper' THEN 3 ELSE 4 END,
      COALESCE(last_gave_at, '') ASC,
      name COLLATE NOCASE`.execute(db);
  return rows.map((row) => ({
    person: brief(row),
    reason: giveFirstReason(row, at),
    gaveRecently: Number(row.gave_recent),
    receivedRecently: Number(row.received_year),
    lastGaveAt: row.last_gave_at,
    lastReceivedAt: row.last_received_at,
  }));
}

const roleWords: Record<string, string> = { mentor: 'mentor', sponsor: 'sponsor', ally: 'ally', gatekeeper: 'gatekeeper' };

function giveFirstReason(
  row: { ally_role: string | null; received_year: number; gave_year: number; gave_recent: number; first_received: string | null; last_gave_at: string | null },
  at: AsOf,
): string {
  const received = Number(row.received_year);
  const gave = Number(row.gave_year);
  const thisYear = at.today.slice(0, 4);
  const monthOf = (iso: string) => format(new Date(iso), localDay(iso).slice(0, 4) === thisYear ? 'MMMM' : 'MMMM yyyy');
  const first =
    received > 0 && row.first_received
      ? `helped you ${times(received)} since ${monthOf(row.first_received)}`
      : `your ${roleWords[row.ally_role ?? ''] ?? 'ally'}`;
  let second: string;
  if (!row.last_gave_at) second = 'you have not given them anything yet';
  else if (received > gave && gave > 0) second = `you gave ${times(gave)} in the same time`;
  else second = `you last gave in ${lastGaveWhen(row.last_gave_at, at)}`;
  const text = `${first}; ${second}`;
  return text[0]!.toUpperCase() + text.slice(1);
}

function lastGaveWhen(iso: string, at: AsOf): string {
  // Within the last year a month says more than a year does.
  return iso >= daysBefore(at.now, RELIANCE_DAYS) ? format(new Date(iso), 'MMMM yyyy') : format(new Date(iso), 'yyyy');
}

function times(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
}

/**
 * The one rule for "thanks owed", shared by the queue, the review, the summary and the reminders, as a
 * FROM … WHERE: help received in the last year, in a live entry, that no thank-you in a live entry answers
 * (a thank-you whose entry was deleted was not said). The queue reads these, the summary counts them.
 */
function owedExchanges(at: AsOf, { within, personIds, after }: Owed = {}) {
  const horizon = daysBefore(at.now, THANKS_HORIZON_DAYS);
  const from = within && within.since > horizon ? within.since : horizon;
  return sql`
    FROM ${LIVE_EXCHANGES} e
    WHERE e.direction = 'received' AND e.occurred_at >= ${from} AND e.occurred_at <= ${at.now}
      ${within ? sql`AND e.occurred_at < ${within.until}` : sql``}
      ${
        // These people's help alone, from their links: not every exchange of the year, then kept.
        personIds ? sql`AND e.id IN (SELECT ep.exchange_id FROM json_each(${JSON.stringify(personIds)}) w CROSS JOIN exchange_people ep INDEXED BY exchange_people_person ON ep.person_id = w.value)` : sql``
      }
      ${after ? sql`AND e.occurred_at >= ${after.occurredAt} AND (e.occurred_at > ${after.occurredAt} OR e.id > ${after.id})` : sql``}
      AND NOT EXISTS (
        SELECT 1 FROM thanks t
        WHERE t.exchange_id = e.id AND ${notTrashed('t')}
      )`;
}

/**
 * Help received with no thanks logged, oldest first; late once a week has passed. `within` keeps only the
 * help received in a period (the review's quarter), read as such rather than filtered afterwards.
 */
/**
 * Which help owed thanks: `within` keeps a period's (the review's quarter), `personIds` these people's
 * (the log form's), `limit` the oldest so many (a queue tab's window).
 */
interface Owed {
  within?: { since: string; until: string } | undefined;
  personIds?: readonly number[] | undefined;
  limit?: number | undefined;
  /** After this keyset position (the review's next page). */
  after?: { occurredAt: string; id: number } | undefined;
}

export async function thanksOwed(db: Db, at: AsOf, owed: Owed = {}): Promise<ThanksOwedItem[]> {
  const rows = await unthanked(db, at, owed);
  const exchanges = await fetchExchanges(db, { ids: rows.map((row) => row.id) });
  const late = lateSince(at);
  return exchanges
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id - b.id)
    .map((exchange) => ({ exchange, late: exchange.occurredAt < late }));
}

/** The help still owed thanks, oldest first, without its people (the reminders name only three). */
export async function unthanked(db: Db, at: AsOf, owed: Owed = {}): Promise<{ id: number; description: string; occurredAt: string }[]> {
  const { rows } = await sql<{ id: number; description: string; occurredAt: string }>`
    SELECT e.id, e.description, e.occurred_at AS occurredAt ${owedExchanges(at, owed)}
    ORDER BY e.occurred_at, e.id ${owed.limit === undefined ? sql`` : sql`LIMIT ${owed.limit}`}`.execute(db);
  return rows;
}

/** How many thanks are owed (in a period): the list's count without reading its exchanges. */
export async function thanksOwedCount(db: Db, at: AsOf, within?: { since: string; until: string }): Promise<number> {
  const { rows } = await sql<{ owed: number }>`SELECT COUNT(*) AS owed ${owedExchanges(at, { within })}`.execute(db);
  return Number(rows[0]?.owed ?? 0);
}

/**
 * A period's thanks owed a page at a time, oldest first (the review's panel): the page after the cursor
 * (occurredAt~id of the last one seen) read by keyset, its exchanges read whole, and `next` when more follow.
 */
export async function thanksOwedPage(
  db: Db,
  at: AsOf,
  within: { since: string; until: string },
  after: string | null,
  limit: number,
): Promise<{ items: ThanksOwedItem[]; next: string | null }> {
  if (!Number.isFinite(limit)) {
    const items = await thanksOwed(db, at, { within });
    return { items, next: null };
  }
  const cursor = after ? { occurredAt: after.slice(0, after.indexOf('~')), id: Number(after.slice(after.indexOf('~') + 1)) } : undefined;
  const { rows } = await sql<{ id: number; occurredAt: string }>`
    SELECT e.id, e.occurred_at AS occurredAt ${owedExchanges(at, { within, after: cursor })}
    ORDER BY e.occurred_at, e.id LIMIT ${limit + 1}`.execute(db);
  const page = rows.slice(0, limit);
  const exchanges = await fetchExchanges(db, { ids: page.map((row) => row.id) });
  const late = lateSince(at);
  const last = page.at(-1);
  return {
    items: exchanges
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id - b.id)
      .map((exchange) => ({ exchange, late: exchange.occurredAt < late })),
    next: rows.length > limit && last ? `${last.occurredAt}~${last.id}` : null,
  };
}

/** Help received before this instant and still unthanked is late: a week has passed. */
export function lateSince(at: AsOf): string {
  return daysBefore(at.now, THANKS_LATE_DAYS);
}

/**
 * Done on time ÷ due, for my promises, per calendar quarter of the due date. A promise counts as due once
 * its day has passed (or it is done); a dropped promise counts as due and not kept — integrity is what
 * the rate is about.
 */
export async function followThrough(db: Db, at: AsOf): Promise<FollowThrough[]> {
  const { rows } = await sql<{ quarter: string; due: number; on_time: number }>`
    SELECT substr(c.due_on, 1, 4) || '-Q' || ((CAST(substr(c.due_on, 6, 2) AS INTEGER) + 2) / 3) AS quarter,
      COUNT(*) AS due,
      SUM(c.status = 'done' AND c.done_on <= c.due_on) AS on_time
    FROM commitments c
    WHERE ${notTrashed('c')} AND c.direction = 'i-owe' AND (c.due_on < ${at.today} OR c.status = 'done')
    GROUP BY quarter`.execute(db);
  const byQuarter = new Map(rows.map((row) => [row.quarter, row]));
  const today = dayDate(at.today);
  const quarters: FollowThrough[] = [];
  for (let back = FOLLOW_THROUGH_QUARTERS - 1; back >= 0; back -= 1) {
    const day = addMonths(today, -3 * back);
    const quarter = `${format(day, 'yyyy')}-Q${Math.floor(day.getMonth() / 3) + 1}`;
    const row = byQuarter.get(quarter);
    const due = Number(row?.due ?? 0);
    const doneOnTime = Number(row?.on_time ?? 0);
    quarters.push({ quarter, due, doneOnTime, rate: due === 0 ? null : doneOnTime / due });
  }
  return quarters;
}

/**
 * Past their cadence: a keep-in-touch cadence set and the last contact longer ago (or none). Only asks:
 * in the last six months every contact with them carried an ask of mine.
 */
export async function keepInTouchLists(db: Db, at: AsOf): Promise<Queues['keepInTouch']> {
  const [pastCadence, onlyAsks] = await Promise.all([pastCadenceList(db, at), onlyAsksList(db, at)]);
  return { pastCadence, onlyAsks };
}

/** Who is past their cadence, unordered, with their state: the list orders these, the summary counts them. */
async function pastCadenceRows(db: Db, at: AsOf) {
  const { rows: cadenced } = await sql<PersonRow & { cadence_days: number; cadence_max_days: number | null; created_at: string; last_at: string | null }>`
    SELECT ${personColumns}, p.cadence_days, p.cadence_max_days, p.created_at,
      -- The counter's last contact when it is not after "now" (always, but for entries logged ahead or a
      -- past quarter's review); else one seek in their contacts by date (person_contacts, migration 12).
      -- An ask sent outside any interaction is a contact too, as "Only asks lately" counts it: both
      -- lists must agree on when we last spoke.
      NULLIF(MAX(
        COALESCE(
        CASE
          WHEN s.last_interaction_at IS NULL THEN NULL
          WHEN s.last_interaction_at <= ${at.now} THEN s.last_interaction_at
          ELSE (SELECT MAX(c.occurred_at) FROM person_contacts c WHERE c.person_id = p.id AND c.occurred_at <= ${at.now})
        END, ''),
        COALESCE(${latest('last_loose_ask_at', 'p.id', { atOrBefore: at.now })}, '')
      ), '') AS last_at
    FROM people p LEFT JOIN person_stats s ON s.person_id = p.id LEFT JOIN person_reciprocity r ON r.person_id = p.id
    WHERE p.cadence_days IS NOT NULL`.execute(db);
  const today = dayNumber(at.today);
  // Two cadences (#14): past the ideal a person is due, past the maximum (twice the ideal when unset, as
  // the reminders count it) overdue.
  return cadenced
    .map((row) => {
      const overdueDays = row.last_at ? today - dayNumber(localDay(row.last_at)) - row.cadence_days : 0;
      const maxDays = row.cadence_max_days ?? row.cadence_days * 2;
      // Never contacted: the clock runs from the day they were added.
      const gap = today - dayNumber(localDay(row.last_at ?? row.created_at));
      const state: KeepInTouchItem['state'] = gap > maxDays ? 'overdue' : 'due';
      return { row, overdueDays, maxDays, state };
    })
    .filter(({ row, overdueDays }) => !row.last_at || overdueDays >= 0);
}

/**
 * Calendar days since 1970 of a 'yyyy-MM-dd' day: differences of these are date-fns'
 * differenceInCalendarDays between the local days, without its two Date objects per person.
 */
function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
}

/** Past their cadence (the quarterly review's "overdue" too, which needs nothing else of keep-in-touch). */
export async function pastCadenceList(db: Db, at: AsOf): Promise<KeepInTouchItem[]> {
  // Overdue people come first, the longest gap first.
  const pastCadence: KeepInTouchItem[] = (await pastCadenceRows(db, at))
    .map(({ row, overdueDays, maxDays, state }) => ({
      person: brief(row), lastContactAt: row.last_at, cadenceDays: row.cadence_days, maxCadenceDays: maxDays, state, overdueDays, asks: 0,
    }))
    .sort(pastCadenceOrder);

  return pastCadence;
}

/** Overdue people first, then the never contacted, the longest gap first, by name; the id settles a tie so a page ends in one place. */
function pastCadenceOrder(a: KeepInTouchItem, b: KeepInTouchItem): number {
  return (
    Number(a.state !== 'overdue') - Number(b.state !== 'overdue') || Number(a.lastContactAt !== null) - Number(b.lastContactAt !== null) ||
    b.overdueDays - a.overdueDays || a.person.name.localeCompare(b.person.name) || a.person.id - b.person.id
  );
}

/**
 * Where a past-cadence item stands in that order, as a cursor: its state, whether ever contacted, its gap,
 * its id and its name (last, since a name may hold anything).
 */
export function pastCadenceCursor(item: KeepInTouchItem): string {
  return `${item.state === 'overdue' ? 0 : 1}~${item.lastContactAt === null ? 0 : 1}~${item.overdueDays}~${item.person.id}~${item.person.name}`;
}

/**
 * The page of the past-cadence list after a cursor (pastCadenceCursor). The order is computed from each
 * person's last contact and cadence, not stored, so the list is read whole (one pass over the cadenced
 * people, ~40 ms at a million) and the page is what sorts after the cursor: never an offset, so a person
 * who drops off between pages moves nobody else.
 */
export async function pastCadencePage(db: Db, at: AsOf, after: string | null, limit: number): Promise<{ items: KeepInTouchItem[]; next: string | null }> {
  const list = await pastCadenceList(db, at);
  let start = 0;
  if (after) {
    const [overdue, contacted, gap, id, ...name] = after.split('~');
    const mark: KeepInTouchItem = {
      person: { id: Number(id), name: name.join('~'), organization: null, role: null, allyRole: null, level: null, insideOrg: null },
      lastContactAt: contacted === '1' ? '' : null,
      cadenceDays: null,
      maxCadenceDays: null,
      state: overdue === '0' ? 'overdue' : 'due',
      overdueDays: Number(gap),
      asks: 0,
    };
    while (start < list.length && pastCadenceOrder(list[start]!, mark) <= 0) start += 1;
  }
  const items = list.slice(start, start + limit);
  const last = items.at(-1);
  return { items, next: start + limit < list.length && last ? pastCadenceCursor(last) : null };
}

export async function onlyAsksList(db: Db, at: AsOf): Promise<KeepInTouchItem[]> {
  const window = daysBefore(at.now, ONLY_ASKS_DAYS);
  // Only someone I asked in the window can be on this list. The window's asks are a seek on their date
  // (asks_asked, migration 13); each asker's contacts in the window a seek in person_contacts (migration
  // 12), stopped at the first one without an ask of mine: the window's interactions are never walked.
  // An ask logged with an entry carries the entry's date (the entry's save keeps it so), and its entry
  // must be in the window too, as it always was.
  const { rows: askers } = await sql<PersonRow & { cadence_days: number | null; contacts: number; loose_asks: number; last_at: string | null }>`
    WITH window_asks AS (
      SELECT ap.person_id, a.interaction_id, a.asked_at
      FROM asks a INDEXED BY asks_asked CROSS JOIN ask_people ap ON ap.ask_id = a.id
        LEFT JOIN interactions ai INDEXED BY interactions_live ON ai.id = a.interaction_id
      WHERE a.asked_at >= ${window} AND a.asked_at <= ${at.now} AND a.direction = 'i-asked'
        AND (a.interaction_id IS NULL OR (ai.deleted_at IS NULL AND ai.occurred_at >= ${window} AND ai.occurred_at <= ${at.now}))
    ),
    askers AS (
      SELECT person_id, SUM(interaction_id IS NULL) AS loose_asks, MAX(CASE WHEN interaction_id IS NULL THEN asked_at END) AS loose_last
      FROM window_asks GROUP BY person_id
    ),
    only_asks AS (
      SELECT s.*, COUNT(c.interaction_id) AS contacts, MAX(c.occurred_at) AS contact_last
      FROM askers s LEFT JOIN person_contacts c ON c.person_id = s.person_id AND c.occurred_at >= ${window} AND c.occurred_at <= ${at.now}
      WHERE NOT EXISTS (
        SELECT 1 FROM person_contacts o
        WHERE o.person_id = s.person_id AND o.occurred_at >= ${window} AND o.occurred_at <= ${at.now}
          AND NOT EXISTS (
            SELECT 1 FROM asks a CROSS JOIN ask_people ap ON ap.ask_id = a.id AND ap.person_id = s.person_id
            WHERE a.interaction_id = o.interaction_id AND a.direction = 'i-asked'
          )
      )
      GROUP BY s.person_id
    )
    SELECT ${personColumns}, p.cadence_days, o.contacts, o.loose_asks,
      MAX(COALESCE(o.contact_last, ''), COALESCE(o.loose_last, '')) AS last_at
    FROM only_asks o CROSS JOIN people p ON p.id = o.person_id
    WHERE o.contacts + o.loose_asks > 0
    ORDER BY last_at DESC`.execute(db);
  const onlyAsks: KeepInTouchItem[] = askers.map((row) => ({
    person: brief(row),
    lastContactAt: row.last_at || null,
    cadenceDays: row.cadence_days,
    maxCadenceDays: null,
    state: null,
    overdueDays: 0,
    // Every contact in the window carried an ask: as many asks as contacts, and the loose ones.
    asks: Number(row.contacts) + Number(row.loose_asks),
  }));
  return onlyAsks;
}

// ---- one person ----------------------------------------------------------------------------------------

export async function beforeAsk(db: Db, personId: number, at: AsOf): Promise<BeforeAsk> {
  const person = await db.selectFrom('people').select(['id', 'name']).where('id', '=', personId).executeTakeFirst();
  if (!person) throw notFound('person', personId);
  const stats = await db.selectFrom('person_stats').select('interaction_count').where('person_id', '=', personId).executeTakeFirst();
  // Someone met often: walk the timeline from now and stop at the first contact without an ask of mine.
  // Someone met a few times: read their links. (Either way a handful of rows, not all of their history.)
  const walk = (stats?.interaction_count ?? 0) > CONTACT_WALK_FROM;
  const withoutAsk = sql`NOT EXISTS (
          SELECT 1 FROM asks a JOIN ask_people ap ON ap.ask_id = a.id
          WHERE a.interaction_id = i.id AND ap.person_id = ${personId} AND a.direction = 'i-asked'
        )`;
  // The counts are the counters kept by triggers (migration 12) and the last give and receive one row
  // each: someone helped thousands of times is not read whole.
  const [exchanges, asks, counts, openCommitments, lastContact] = await Promise.all([
    latestExchanges(db, personId),
    fetchAsks(db, { personId, open: true }),
    countedExchanges(db, personId),
    fetchCommitments(db, { personId, direction: 'i-owe', status: 'open' }, at.today),
    walk
      ? sql<{ at: string | null }>`
      SELECT i.occurred_at AS at FROM interactions i INDEXED BY interactions_timeline
      WHERE i.occurred_at <= ${at.now} AND i.deleted_at IS NULL
        AND EXISTS (SELECT 1 FROM interaction_people ip WHERE ip.interaction_id = i.id AND ip.person_id = ${personId}) AND ${withoutAsk}
      ORDER BY i.occurred_at DESC LIMIT 1`.execute(db)
      : sql<{ at: string | null }>`
      SELECT MAX(i.occurred_at) AS at
      FROM interaction_people ip JOIN interactions i ON i.id = ip.interaction_id
      WHERE ip.person_id = ${personId} AND i.deleted_at IS NULL AND i.occurred_at <= ${at.now} AND ${withoutAsk}`.execute(db),
  ]);
  return {
    person,
    gave: counts.gave,
    received: counts.received,
    lastGave: exchanges.find((exchange) => exchange.direction === 'gave') ?? null,
    lastReceived: exchanges.find((exchange) => exchange.direction === 'received') ?? null,
    lastContactWithoutAskAt: lastContact.rows[0]?.at ?? null,
    openCommitments,
    openAsks: asks.filter((ask) => ask.direction === 'i-asked' && ask.status === 'open'),
  };
}

/** A person's last give and last receive (newest first), and nothing older. */
async function latestExchanges(db: Db, personId: number): Promise<Exchange[]> {
  const [gave, received] = await Promise.all([
    fetchExchanges(db, { personId, direction: 'gave', limit: 1 }),
    fetchExchanges(db, { personId, direction: 'received', limit: 1 }),
  ]);
  return [...gave, ...received];
}

/** A person's live gives and receives, as the counters kept by triggers hold them. */
async function countedExchanges(db: Db, personId: number): Promise<{ gave: number; received: number }> {
  const row = await db.selectFrom('person_reciprocity').select(['gave', 'received']).where('person_id', '=', personId).executeTakeFirst();
  return { gave: Number(row?.gave ?? 0), received: Number(row?.received ?? 0) };
}

/** A person's page lists their open asks and promises, and only the last few of those closed. */
export const CLOSED_SHOWN = 3;

export async function personReciprocity(db: Db, personId: number, at: AsOf): Promise<PersonReciprocity> {
  const person = await db.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst();
  if (!person) throw notFound('person', personId);
  // The newest page of exchanges, not every one (#11: the most helped person at a million had 9,000, 3.3 MB
  // a visit); the sums and the balance are the counters', over all of them. The check before an ask is
  // its own call (reciprocity.beforeAsk), as the page's panel reads it.
  const [counts, first, openAsks, closedAsks, openCommitments, closedCommitments, dismissal] = await Promise.all([
    countedExchanges(db, personId),
    personExchanges(db, personId, null, EXCHANGES_PAGE),
    fetchAsks(db, { personId, open: true }),
    fetchAsks(db, { personId, open: false, limit: CLOSED_SHOWN }),
    fetchCommitments(db, { personId, status: 'open' }, at.today),
    fetchCommitments(db, { personId, status: 'closed', latest: CLOSED_SHOWN }, at.today),
    db.selectFrom('give_first_dismissals').select(['dismissed_at', 'snoozed_until']).where('person_id', '=', personId).executeTakeFirst(),
  ]);
  const thanks = await fetchThanks(db, { exchangeIds: first.exchanges.filter((e) => e.direction === 'received').map((e) => e.id) });
  return {
    personId,
    gave: counts.gave,
    received: counts.received,
    balance: counts.gave - counts.received,
    exchanges: first.exchanges,
    exchangesNext: first.next,
    exchangesTotal: counts.gave + counts.received,
    asks: [...openAsks, ...closedAsks],
    // Open promises first (overdue at the top, by due date), then the kept and dropped ones, latest first.
    commitments: [...openCommitments, ...closedCommitments],
    thanks,
    dismissal: dismissal ? { dismissedAt: dismissal.dismissed_at, snoozedUntil: dismissal.snoozed_until } : null,
  };
}

/** The exchanges a person's page shows first, newest first; the rest come a page at a time. */
export const EXCHANGES_PAGE = 50;

/**
 * A person's live exchanges after the keyset position `after` (null: from the newest), newest first.
 * Driven from their links (exchange_people_person) and sorted: the most helped person of the bench
 * journal has 1,107 (1–2 ms at 100k). Walking every exchange by date instead would cross the whole
 * journal for someone helped only long ago; a page by date per person needs an index of its own.
 */
export async function personExchanges(db: Db, personId: number, after: string | null, limit: number): Promise<{ exchanges: Exchange[]; next: string | null }> {
  const { rows } = await sql<{ id: number; occurred_at: string }>`
    SELECT e.id, e.occurred_at FROM exchange_people ep CROSS JOIN exchanges e ON e.id = ep.exchange_id
    WHERE ep.person_id = ${personId} AND ${notTrashed('e')} ${after ? sql`AND ${olderThan(after, 'e')}` : sql``}
    ORDER BY e.occurred_at DESC, e.id DESC LIMIT ${limit + 1}`.execute(db);
  // One row more than asked tells whether another page exists; only the page's rows are read whole.
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    exchanges: await fetchExchanges(db, { ids: page.map((row) => row.id) }),
    next: rows.length > limit && last ? `${last.occurred_at}~${last.id}` : null,
  };
}

// ---- give-first dismissals -----------------------------------------------------------------------------

export async function dismissGiveFirst(db: Db, personId: number, snoozeUntil: string | null, at: AsOf): Promise<void> {
  const person = await db.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst();
  if (!person) throw notFound('person', personId);
  await db
    .insertInto('give_first_dismissals')
    .values({ person_id: personId, dismissed_at: at.now, snoozed_until: snoozeUntil })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ dismissed_at: at.now, snoozed_until: snoozeUntil }))
    .execute();
}

export async function restoreGiveFirst(db: Db, personId: number): Promise<void> {
  await db.deleteFrom('give_first_dismissals').where('person_id', '=', personId).execute();
}
