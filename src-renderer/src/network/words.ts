import type { CareerStage, IntroductionOutcome, LinkKind } from '../../../src-main/contract/contract';
import { api } from '../lib/api';
import { writeAndTell } from '../lib/journal.svelte';

// The network screen's words, in one place so the screen, the map and the hand-over say the same thing.

export const linkKindLabels: Record<LinkKind, string> = {
  knows: 'knows',
  'works-with': 'works with',
  'reports-to': 'reports to',
  'introduced-by-me': 'was introduced by me to',
};

/**
 * Notes that `person` knows (works with, reports to...) `other`, through links.create (validated in main like
 * every link), and says so in a toast. The map's card and the person page both add links with it. Without
 * anyone chosen nothing is sent: `formError` is the sentence to show by the form; a failed save has its toast.
 */
export async function saveLink(
  person: { id: number; name: string },
  other: number | null,
  people: readonly { id: number; name: string }[],
  kind: LinkKind,
  details: { sinceOn?: string | null; note?: string } = {},
): Promise<{ saved: boolean; formError: string | null }> {
  if (other === null) return { saved: false, formError: 'Choose someone already in your journal.' };
  const otherName = people.find((p) => p.id === other)?.name ?? 'them';
  const saved = await writeAndTell(() => api('links.create', { personAId: person.id, personBId: other, kind, ...details }), `Noted: ${person.name} ${linkKindLabels[kind]} ${otherName}.`);
  return { saved, formError: null };
}

export const outcomeLabels: Record<IntroductionOutcome, string> = {
  pending: 'Waiting to hear',
  met: 'They met',
  helped: 'It helped',
  nothing: 'Nothing came of it',
};

export const stageLabels: Record<CareerStage, string> = {
  'first-time-manager': 'First-time manager',
  'rising-leader': 'Rising leader',
  'manager-of-managers': 'Manager of managers',
  executive: 'Executive',
};

export const sectionText = {
  open: { title: 'Open', question: 'Do my contacts know each other, or does each bring something the others don’t?' },
  diverse: { title: 'Diverse', question: 'Do my ties cross levels, organizations, functions and industries?' },
  deep: { title: 'Deep', question: 'Which relationships have real investment on both sides?' },
} as const;

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const STAGE_KEY = 'confidant.network.stage';
export function savedStage(): CareerStage | null {
  const value = globalThis.localStorage?.getItem(STAGE_KEY);
  return value && value in stageLabels ? (value as CareerStage) : null;
}
export function saveStage(stage: CareerStage | null): void {
  if (stage) globalThis.localStorage?.setItem(STAGE_KEY, stage);
  else globalThis.localStorage?.removeItem(STAGE_KEY);
}
