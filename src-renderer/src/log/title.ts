import type { InteractionKind } from '../../../src-main/contract/contract';

const phrases: Record<InteractionKind, string> = {
  meeting: 'Meeting',
  call: 'Call',
  coffee: 'Coffee',
  meal: 'Meal',
  event: 'Event',
  message: 'Messages',
  email: 'Email',
  other: 'Catch-up',
};

/** "Coffee with Ana Ruiz", "Call with Ana Ruiz and Ben Okafor", "Meeting with Ana, Ben and 3 others". */
export function defaultTitle(kind: InteractionKind, names: readonly string[]): string {
  const phrase = phrases[kind];
  if (names.length === 0) return phrase;
  return `${phrase} with ${listNames(names)}`.slice(0, 200);
}

function listNames(names: readonly string[]): string {
  if (names.length === 1) return names[0]!;
  if (names.length <= 3) return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} others`;
}
