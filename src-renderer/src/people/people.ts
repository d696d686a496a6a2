// Words and orderings for the people screens, kept apart from the components so the list, the page and
// the form all say the same thing.
import type { PersonSummary } from '../../../src-main/contract/contract';
import { allyRoles, levels, type AllyRole, type Level } from '../../../src-main/contract/enums';

export const allyRoleLabels: Record<AllyRole, string> = {
  mentor: 'Mentor',
  sponsor: 'Sponsor',
  ally: 'Ally',
  contact: 'Contact',
  gatekeeper: 'Gatekeeper',
};

export const levelLabels: Record<Level, string> = {
  senior: 'Senior',
  peer: 'Peer',
  junior: 'Junior',
};

export type Placement = 'inside' | 'outside';

export const placementLabels: Record<Placement, string> = {
  inside: 'Inside',
  outside: 'Outside',
};

export function placementOf(insideOrg: boolean | null): Placement | null {
  return insideOrg === null ? null : insideOrg ? 'inside' : 'outside';
}

/** "Director of Product · Northwind", or whichever half is known. */
export function roleLine(person: Pick<PersonSummary, 'role' | 'organization'>): string {
  return [person.role, person.organization].filter(Boolean).join(' · ');
}

/** "product, design , Product" → ["product", "design"]: the core lower-cases and de-duplicates too. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(',')
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(tags)];
}

export type SortKey = 'name' | 'allyRole' | 'level' | 'insideOrg' | 'department' | 'interactionCount' | 'lastInteractionAt';
export type SortDirection = 'ascending' | 'descending';

/** Counts and dates read best most-first; words read best A to Z. */
export const firstDirection: Record<SortKey, SortDirection> = {
  name: 'ascending',
  allyRole: 'ascending',
  level: 'ascending',
  insideOrg: 'ascending',
  department: 'ascending',
  interactionCount: 'descending',
  lastInteractionAt: 'descending',
};

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function sortValue(person: PersonSummary, key: SortKey): string | number | null {
  switch (key) {
    case 'name':
      return person.name;
    case 'allyRole':
      return person.allyRole ? allyRoles.indexOf(person.allyRole) : null;
    case 'level':
      return person.level ? levels.indexOf(person.level) : null;
    case 'insideOrg':
      return person.insideOrg === null ? null : person.insideOrg ? 0 : 1;
    case 'department':
      return person.department;
    case 'interactionCount':
      return person.interactionCount;
    case 'lastInteractionAt':
      return person.lastInteractionAt;
  }
}

/** Sorted copy; blanks always sink to the bottom, ties fall back to the name. */
export function sortPeople(people: readonly PersonSummary[], key: SortKey, direction: SortDirection): PersonSummary[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const compare = (a: string | number, b: string | number) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
  return [...people].sort((a, b) => {
    const left = sortValue(a, key);
    const right = sortValue(b, key);
    if (left === null || right === null) {
      if (left !== right) return left === null ? 1 : -1;
    } else {
      const order = compare(left, right) * sign;
      if (order !== 0) return order;
    }
    return collator.compare(a.name, b.name);
  });
}
