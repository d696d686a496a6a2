import { z } from 'zod';
import { careerStages, introductionOutcomes, linkKinds, type CareerStage, type IntroductionOutcome, type LinkKind } from './enums.js';
import type { Person } from './contract.js';

// The network capability's calls: links between people, introductions, the open/diverse/deep figures, the
// map's graph and the hand-over pack. Spread into `contract` by contract.ts; kept apart to keep merges small.


const id = z.number({ error: 'An id must be a number.' }).int().positive();
const text = (max: number, label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters.` })
    .nullish()
    .transform((value) => (value ? value : null));
const day = z.iso
  .date({ error: 'Dates must be real calendar days (YYYY-MM-DD).' })
  .refine((value) => value >= '1900-01-01' && value < '2200-01-01', { error: 'Date must be between the years 1900 and 2199.' });
const instant = z.iso
  .datetime({ offset: true, error: 'Date and time must be a valid ISO 8601 date-time.' })
  .transform((value) => new Date(value).toISOString());
const linkKind = z.enum(linkKinds, { error: `A link is one of: ${linkKinds.join(', ')}.` });
const outcome = z.enum(introductionOutcomes, { error: `The outcome is one of: ${introductionOutcomes.join(', ')}.` });
const now = { now: instant.nullish() };
const twoPeople = <T extends { personAId: number; personBId: number }>(value: T) => value.personAId !== value.personBId;

const LinkFields = z.object({
  personAId: id,
  personBId: id,
  kind: linkKind.default('knows'),
  sinceOn: day.nullish().default(null),
  note: text(500, 'The note'),
});

const IntroductionFields = z.discriminatedUnion(
  'direction',
  [
    z
      .object({
        direction: z.literal('made'),
        personAId: id,
        personBId: id,
        why: text(500, 'Why'),
        introducedOn: day,
        interactionId: id.nullish().default(null),
      })
      .strict()
      .refine(twoPeople, { error: 'An introduction joins two different people.', path: ['personBId'] }),
    z
      .object({
        direction: z.literal('received'),
        introducerId: id,
        personAId: id,
        why: text(500, 'Why'),
        introducedOn: day,
        interactionId: id.nullish().default(null),
      })
      .strict()
      .refine((value) => value.introducerId !== value.personAId, { error: 'Someone cannot introduce me to themselves.', path: ['personAId'] }),
  ],
  { error: 'An introduction is one I made or one I received.' },
);

/** One person chosen for the hand-over; the private extras go in only when ticked here, one by one. */
const HandoverItem = z
  .object({
    personId: id,
    why: text(1000, 'Why they matter'),
    introduction: text(1000, 'The introduction to make'),
    includePrivateNotes: z.boolean({ error: 'Include private notes must be on or off.' }).default(false),
    includeBalance: z.boolean({ error: 'Include the give-and-take must be on or off.' }).default(false),
    includeConfidential: z.boolean({ error: 'Include confidential entries must be on or off.' }).default(false),
  })
  .strict();

export const networkContract = {
  'links.list': { input: z.object({ personId: id.nullish() }).strict().optional(), result: of<PersonLink[]>() },
  'links.create': {
    input: LinkFields.strict().refine(twoPeople, { error: 'A link joins two different people.', path: ['personBId'] }),
    result: of<PersonLink>(),
  },
  'links.update': {
    input: z.object({ id, kind: linkKind.optional(), sinceOn: day.nullish(), note: text(500, 'The note').optional() }).strict(),
    result: of<PersonLink>(),
  },
  'links.delete': { input: z.object({ id }).strict(), result: of<{ id: number }>() },
  'links.suggestions': {
    input: z
      .object({ personId: id.nullish(), limit: z.number({ error: 'The limit must be a number.' }).int().min(1).max(200, { error: 'At most 200 suggestions.' }).default(50) })
      .strict()
      .optional(),
    result: of<LinkSuggestion[]>(),
  },
  'links.accept': {
    input: z.object({ personAId: id, personBId: id }).strict().refine(twoPeople, { error: 'A link joins two different people.', path: ['personBId'] }),
    result: of<PersonLink>(),
  },
  'links.dismiss': {
    input: z.object({ personAId: id, personBId: id }).strict().refine(twoPeople, { error: 'A link joins two different people.', path: ['personBId'] }),
    result: of<{ personAId: number; personBId: number }>(),
  },
  'introductions.list': { input: z.object({ personId: id.nullish() }).strict().optional(), result: of<Introduction[]>() },
  'introductions.create': { input: IntroductionFields, result: of<Introduction>() },
  'introductions.setOutcome': { input: z.object({ id, outcome, outcomeOn: day.nullish() }).strict(), result: of<Introduction>() },
  'introductions.delete': { input: z.object({ id }).strict(), result: of<{ id: number }>() },
  'introductions.toConsider': { input: z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict().optional(), result: of<IntroductionIdea[]>() },
  'network.overview': {
    input: z
      .object({
        stage: z.enum(careerStages, { error: `The career stage is one of: ${careerStages.join(', ')}.` }).nullish(),
        // While the figures are being worked out again the call answers at once with the last ones, marked
        // `updating`; `wait` asks for the new ones instead (the screen's second call, to refresh when done),
        // as a call naming its clock (`now`) does.
        wait: z.boolean({ error: 'wait is true or false.' }).optional(),
        ...now,
      })
      .strict()
      .optional(),
    result: of<NetworkOverview>(),
  },
  // As network.overview: while the graph is worked out again, the last one at once, marked `updating`.
  'network.graph': { input: z.object({ wait: z.boolean({ error: 'wait is true or false.' }).optional(), ...now }).strict().optional(), result: of<NetworkGraph>() },
  'handover.export': {
    input: z
      .object({
        items: z.array(HandoverItem).min(1, { error: 'Choose at least one relationship to hand over.' }).max(500, { error: 'At most 500 people in one pack.' }),
        successor: text(120, 'The successor’s name'),
        ...now,
      })
      .strict()
      .refine((value) => new Set(value.items.map((item) => item.personId)).size === value.items.length, { error: 'Each person can be in the pack once.', path: ['items'] }),
    result: of<HandoverPack>(),
  },
};

/** Carries a result type through the contract without a runtime schema. */
function of<T>(): T {
  return undefined as T;
}

// Results.

/** What the network screens show of a person: the People table's facts, never a note. */
export type NetworkPerson = Pick<Person, 'id' | 'name' | 'organization' | 'role' | 'level' | 'insideOrg' | 'department' | 'allyRole'>;

export interface PersonLink {
  id: number;
  /** For 'reports-to', personA reports to personB; other kinds have no direction. */
  personA: { id: number; name: string };
  personB: { id: number; name: string };
  kind: LinkKind;
  sinceOn: string | null;
  note: string | null;
  source: 'manual' | 'suggestion' | 'introduction';
}

export interface LinkSuggestion {
  personA: { id: number; name: string };
  personB: { id: number; name: string };
  /** Live interactions both were in. */
  together: number;
  lastTogetherAt: string;
  reason: string;
}

export interface Introduction {
  id: number;
  direction: 'made' | 'received';
  /** Who introduced me (received only). */
  introducer: { id: number; name: string } | null;
  personA: { id: number; name: string };
  /** The second person (made only). */
  personB: { id: number; name: string } | null;
  why: string | null;
  introducedOn: string;
  interactionId: number | null;
  outcome: IntroductionOutcome;
  outcomeOn: string | null;
  /** The give (made) or receive (received) in the reciprocity ledger; null if it was deleted there. */
  exchangeId: number | null;
}

export interface IntroductionIdea {
  personA: { id: number; name: string };
  personB: { id: number; name: string };
  /** The tag they share: one needs or aims at it, the other offers it. */
  topic: string;
  reason: string;
}

/** A count and the people behind it: every figure on the network screen opens its list. */
export interface Figure {
  key: string;
  label: string;
  count: number;
  personIds: number[];
}

export interface FigureGroup {
  key: string;
  label: string;
  figures: Figure[];
}

export interface QuarterCounts {
  quarter: string;
  label: string;
  figures: Figure[];
}

export interface BridgeCluster {
  /** People only I connect to the rest of my active network. */
  personIds: number[];
  sentence: string;
}

export interface NetworkOverview {
  asOf: string;
  /**
   * True when these are the last figures worked out and newer ones are being worked out (after a write, or
   * another program's change to the journal): the screen shows them, says it is updating, and asks again with
   * `wait` to refresh when done. The first call of all has nothing earlier, so it always waits.
   */
  updating: boolean;
  activeCount: number;
  stage: CareerStage | null;
  /** The sections in the order the lens puts them, and why, in the app's words. */
  order: ('open' | 'diverse' | 'deep')[];
  lensReason: string | null;
  open: {
    linked: Figure;
    unlinked: Figure;
    linksAmongActive: number;
    /** Ties among active contacts over all possible ties, 0–1. */
    density: number;
    /** Burt's effective size and constraint of my own ego network of active contacts. */
    effectiveSize: number;
    constraint: number;
    bridges: BridgeCluster[];
    byOrganization: Figure[];
    communities: Figure[];
  };
  diverse: {
    groups: FigureGroup[];
    /** Groups with people in the journal but nobody active in the last 12 months. */
    nobodyActive: Figure[];
    quarters: QuarterCounts[];
  };
  deep: {
    deep: Figure;
    building: Figure;
    surface: Figure;
    onlyAsks: Figure;
  };
  /** Everyone any figure names, once. */
  people: Record<number, NetworkPerson>;
}

export interface GraphNode extends NetworkPerson {
  active: boolean;
  /** 0 surface, 1 building, 2 deep. */
  depth: 0 | 1 | 2;
  /** Interactions in the last year. */
  interactions: number;
  /** The last interaction in the last year and a quarter; null if none. */
  lastInteractionAt: string | null;
  /** The community (Louvain, among active contacts) as the Network screen names it: "Group 1, mostly at Northwind"; null when in none. */
  community: string | null;
}

export interface GraphEdge {
  source: number;
  target: number;
  kind: LinkKind;
}

export interface NetworkGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The last graph, while the new one is being worked out: the map shows it and asks again with `wait`. */
  updating: boolean;
}

export interface HandoverPack {
  filename: string;
  html: string;
  markdown: string;
  people: number;
}
