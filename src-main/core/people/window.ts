import { differenceInCalendarDays } from 'date-fns';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { PeopleWindow, PersonSummary } from '../../contract/contract.js';
import { allyRoles, levels, PEOPLE_WINDOW, type AllyRole, type Level, type PeopleSort } from '../../contract/enums.js';
import { asOf, dayDate } from '../reciprocity/clock.js';
import type { Database } from '../db/schema.js';
import { collator, type PeopleFinder } from './finder.js';
import { summariesOf } from './people.js';

type Db = Kysely<Database> | Transaction<Database>;

// The People table's window (#11). The whole list at 5,000 people was 2 MB a call and every row was
// rendered; now the filters and the order are applied here to a narrow read of every person (id, the
// sorted and filtered columns, the counters kept by triggers), and only the window's rows are read whole.

export interface PeopleWindowInput {
  query?: string | undefined;
  allyRole?: AllyRole | null | undefined;
  level?: Level | null | undefined;
  placement?: 'inside' | 'outside' | null | undefined;
  organization?: string | null | undefined;
  dueOnly?: boolean | undefined;
  sort?: PeopleSort | undefined;
  descending?: boolean | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
  today?: string | undefined;
}

interface Narrow {
  id: number;
  name: string;
  organization: string | null;
  role: string | null;
  department: string | null;
  ally_role: string | null;
  level: string | null;
  inside_org: number | null;
  cadence_days: number | null;
  interaction_count: number | null;
  last_interaction_at: string | null;
}

export async function peopleWindow(db: Db, finder: PeopleFinder, input: PeopleWindowInput): Promise<PeopleWindow> {
  // Attribute filters are WHERE clauses; the narrow read is one pass over people and person_stats by key.
  const placement = input.placement === 'inside' ? 1 : input.placement === 'outside' ? 0 : null;
  const everyone = await narrow(db, finder);

  // "Due for a catch-up" is counted in local calendar days, as the table shows it (format.ts daysUntilDue).
  const today = dayDate(asOf({ today: input.today }).today);
  const isDue = (row: Narrow) =>
    row.cadence_days !== null && (row.last_interaction_at === null || row.cadence_days - differenceInCalendarDays(today, new Date(row.last_interaction_at)) <= 0);
  const due = everyone.reduce((count, row) => count + (isDue(row) ? 1 : 0), 0);

  let kept = everyone.filter(
    (row) =>
      (!input.allyRole || row.ally_role === input.allyRole) &&
      (!input.level || row.level === input.level) &&
      (placement === null || row.inside_org === placement) &&
      (!input.organization || row.organization === input.organization) &&
      (!input.dueOnly || isDue(row)),
  );
  const matched = await finder.matching(db, input.query ?? '');
  if (matched) kept = kept.filter((row) => matched.has(row.id));

  const sign = input.descending ? -1 : 1;
  kept.sort((a, b) => {
    const left = sortValue(a, input.sort ?? 'name');
    const right = sortValue(b, input.sort ?? 'name');
    // Blanks sink to the bottom either way; ties go by name, then by who was added first.
    if (left === null || right === null) {
      if (left !== right) return left === null ? 1 : -1;
    } else {
      const order = (typeof left === 'number' && typeof right === 'number' ? left - right : collator.compare(String(left), String(right))) * sign;
      if (order !== 0) return order;
    }
    return collator.compare(a.name, b.name) || a.id - b.id;
  });

  const offset = input.offset ?? 0;
  const ids = kept.slice(offset, offset + (input.limit ?? PEOPLE_WINDOW)).map((row) => row.id);
  const byId = new Map((await summariesOf(db, ids)).map((person) => [person.id, person]));
  const rows = ids.map((id) => byId.get(id)).filter((person): person is PersonSummary => person !== undefined);
  return { rows, offset, total: kept.length, people: everyone.length, due };
}

/**
 * Kept between calls until anything is written: a keystroke in the filter, a sort or the next window
 * reads nothing but the window's own rows. Sorted by name with the collator once, so a sort by another
 * column (stable) keeps ties in name order, and a sort by name is one pass over sorted rows.
 */
function narrow(db: Db, finder: PeopleFinder): Promise<Narrow[]> {
  return finder.unchanged(db, 'people.window', async () => {
    const { rows } = await sql<Narrow>`
      SELECT p.id, p.name, p.organization, p.role, p.department, p.ally_role, p.level, p.inside_org, p.cadence_days,
        s.interaction_count, s.last_interaction_at
      FROM people p LEFT JOIN person_stats s ON s.person_id = p.id`.execute(db);
    return rows.sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
  });
}

/** Every organization someone is at, once, in name order (as the collator sorts; blanks left out). */
export async function organizations(db: Db, finder: PeopleFinder): Promise<string[]> {
  const names = new Set<string>();
  for (const row of await narrow(db, finder)) if (row.organization?.trim()) names.add(row.organization);
  return [...names].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
}

function sortValue(row: Narrow, key: PeopleSort): string | number | null {
  switch (key) {
    case 'name':
      return row.name;
    case 'allyRole':
      return row.ally_role ? allyRoles.indexOf(row.ally_role as AllyRole) : null;
    case 'level':
      return row.level ? levels.indexOf(row.level as Level) : null;
    case 'insideOrg':
      return row.inside_org === null ? null : row.inside_org === 1 ? 0 : 1;
    case 'department':
      return row.department;
    case 'interactionCount':
      return Number(row.interaction_count ?? 0);
    case 'lastInteractionAt':
      return row.last_interaction_at;
  }
}
