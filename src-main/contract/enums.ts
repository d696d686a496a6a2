// The fixed vocabularies of the journal, free of schemas so the renderer can list them without pulling
// zod into its bundle. contract.ts builds its schemas from these.
export const levels = ['senior', 'peer', 'junior'] as const;
export const allyRoles = ['mentor', 'sponsor', 'ally', 'contact', 'gatekeeper'] as const;
export const interactionKinds = ['meeting', 'call', 'coffee', 'meal', 'event', 'message', 'email', 'other'] as const;

export const exchangeDirections = ['gave', 'received'] as const;
export const exchangeKinds = ['introduction', 'advice', 'information', 'resource', 'referral', 'endorsement', 'help', 'other'] as const;
export const askDirections = ['i-asked', 'they-asked'] as const;
export const askStatuses = ['open', 'fulfilled', 'declined', 'withdrawn'] as const;
export const commitmentDirections = ['i-owe', 'owed-to-me'] as const;
export const commitmentStatuses = ['open', 'done', 'dropped'] as const;

export const associationCategories = ['function', 'industry', 'skill', 'other'] as const;
export const associationRoles = ['member', 'volunteer', 'board', 'speaker'] as const;
/** The funnel, in order: research, narrow to three, choose one, and let go. */
export const associationStatuses = ['exploring', 'shortlisted', 'focus', 'past'] as const;
/** The practice: narrow the list to three. */
export const SHORTLIST_LIMIT = 3;

export type Level = (typeof levels)[number];
export type ExchangeDirection = (typeof exchangeDirections)[number];
export type ExchangeKind = (typeof exchangeKinds)[number];
export type AskDirection = (typeof askDirections)[number];
export type AskStatus = (typeof askStatuses)[number];
export type CommitmentDirection = (typeof commitmentDirections)[number];
export type CommitmentStatus = (typeof commitmentStatuses)[number];
export type AllyRole = (typeof allyRoles)[number];
export type InteractionKind = (typeof interactionKinds)[number];
export type AssociationCategory = (typeof associationCategories)[number];
export type AssociationRole = (typeof associationRoles)[number];
export type AssociationStatus = (typeof associationStatuses)[number];

// The network's vocabularies (contract/network.ts), here so the renderer can list them without zod.
export const linkKinds = ['knows', 'works-with', 'reports-to', 'introduced-by-me'] as const;
export type LinkKind = (typeof linkKinds)[number];
export const introductionOutcomes = ['pending', 'met', 'helped', 'nothing'] as const;
export type IntroductionOutcome = (typeof introductionOutcomes)[number];
export const careerStages = ['first-time-manager', 'rising-leader', 'manager-of-managers', 'executive'] as const;
export type CareerStage = (typeof careerStages)[number];

/** What the reciprocity ledger can be ordered by, and the size of the window a screen asks for (#11). */
export const ledgerSorts = ['name', 'gave', 'received', 'balance', 'lastGaveAt', 'lastAskAt'] as const;
export type LedgerSort = (typeof ledgerSorts)[number];
export const LEDGER_DEFAULT_LIMIT = 200;
export const LEDGER_MAX_LIMIT = 1000;

/**
 * The Reciprocity screen's queue lists, each read a window at a time (#11): at a million interactions the
 * four queues at once were 4.9 MB, of which a screen shows one tab and its first fifty rows.
 */
export const queueLists = ['give-first', 'thanks', 'i-owe', 'owed-to-me', 'past-cadence', 'only-asks'] as const;
export type QueueList = (typeof queueLists)[number];
export const QUEUE_MAX_LIMIT = 1000;

/** What the People table can be ordered by, and the size of the window it asks for (#11). */
export const peopleSorts = ['name', 'allyRole', 'level', 'insideOrg', 'department', 'interactionCount', 'lastInteractionAt'] as const;
export type PeopleSort = (typeof peopleSorts)[number];
export const PEOPLE_WINDOW = 200;
export const PEOPLE_MAX_LIMIT = 1000;
/** The most people a picker's search returns (people.find); it shows seven. */
export const PEOPLE_FIND_MAX = 50;

/** What the reminders panel can remind of (contract/calendar.ts validates them). */
export const reminderKinds = ['meetings', 'promises', 'keep-in-touch', 'focus', 'thanks'] as const;
