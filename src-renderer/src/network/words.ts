import type { CareerStage, IntroductionOutcome, LinkKind } from '../../../src-main/contract/contract';

// The network screen's words, in one place so the screen, the map and the hand-over say the same thing.

export const linkKindLabels: Record<LinkKind, string> = {
  knows: 'knows',
  'works-with': 'works with',
  'reports-to': 'reports to',
  'introduced-by-me': 'was introduced by me to',
};

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
