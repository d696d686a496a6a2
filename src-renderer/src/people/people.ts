// Words and orderings for the people screens, kept apart from the components so the list, the page and
// the form all say the same thing.
import type { PersonSummary } from '../../../src-main/contract/contract';
import type { AllyRole, Level, PeopleSort } from '../../../src-main/contract/enums';

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

/** The People table's columns that sort; the journal does the sorting (core/people/window.ts). */
export type SortKey = PeopleSort;
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
