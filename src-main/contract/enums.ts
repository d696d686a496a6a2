// The fixed vocabularies of the journal, free of schemas so the renderer can list them without pulling
// zod into its bundle. contract.ts builds its schemas from these.
export const levels = ['senior', 'peer', 'junior'] as const;
export const allyRoles = ['mentor', 'sponsor', 'ally', 'contact', 'gatekeeper'] as const;
export const interactionKinds = ['meeting', 'call', 'coffee', 'meal', 'event', 'message', 'email', 'other'] as const;

export type Level = (typeof levels)[number];
export type AllyRole = (typeof allyRoles)[number];
export type InteractionKind = (typeof interactionKinds)[number];
