import type { AskDirection, AskStatus, CommitmentDirection, CommitmentStatus, ExchangeDirection, ExchangeKind } from '../../src-main/contract/contract.js';
import type { Key } from './people.js';

// Give and take along the storylines: what was given and received, asked, thanked and promised. Items
// tied to a storyline beat name it by title (`in`) and take its date; the rest are placed by `day` (days
// ago). Due dates count from the day the sample is loaded: negative is past, so the queues always have
// something overdue, something due soon and a follow-through history across quarters.

export interface SampleExchange {
  direction: ExchangeDirection;
  kind: ExchangeKind;
  description: string;
  who: readonly Key[];
  in?: string;
  day?: number;
  /** When it was thanked: the title of the beat that said thanks, or days ago. */
  thanked?: string | number;
}

export interface SampleAsk {
  direction: AskDirection;
  description: string;
  who: readonly Key[];
  in?: string;
  day?: number;
  status?: AskStatus;
  /** A fulfilled ask becomes an exchange of this kind, on this day (days ago). */
  fulfilled?: { kind: ExchangeKind; day: number; thanked?: string | number };
}

export interface SampleCommitment {
  direction: CommitmentDirection;
  description: string;
  who: Key;
  in?: string;
  /** Days from the load day: negative is in the past. */
  due: number;
  status?: CommitmentStatus;
  /** Days from the load day it was done. */
  done?: number;
}

export const exchanges: SampleExchange[] = [
  { direction: 'received', kind: 'advice', description: 'Her method for choosing a professional association', who: ['evelyn'], in: 'Evelyn\'s advice on professional associations', thanked: 729 },
  { direction: 'gave', kind: 'resource', description: 'The opportunity-tree article and our discovery template', who: ['naomi'], in: 'Sent Naomi the opportunity-tree article' },
  { direction: 'received', kind: 'information', description: 'How Tomasz likes a board pre-read', who: ['lucia'], in: 'Lucía — how Tomasz likes a board pre-read', thanked: 689 },
  { direction: 'gave', kind: 'advice', description: 'My checklist for judging a first CPO role', who: ['marcus'], in: 'Wrote Marcus my list for judging a first CPO role' },
  { direction: 'received', kind: 'endorsement', description: 'Put my name forward for the exec offsite', who: ['helen'], in: 'Helen put my name forward for the exec offsite', thanked: 565 },
  { direction: 'gave', kind: 'introduction', description: 'Introduced Priya to Samuel for the Care Coordination P&L', who: ['priya', 'samuel'], in: 'Intro: Priya ↔ Samuel on the Care Coordination P&L' },
  { direction: 'gave', kind: 'information', description: 'Site-visit summary for the care managers', who: ['rebecca'], in: 'Sent Rebecca the site-visit summary' },
  { direction: 'received', kind: 'advice', description: 'Why a board seat now, and how to find one', who: ['evelyn'], in: 'Evelyn — time to get some board experience?', thanked: 522 },
  { direction: 'received', kind: 'information', description: 'Which nonprofit boards place product people', who: ['chloe'], in: 'Chloe on nonprofit board placements', thanked: 488 },
  { direction: 'received', kind: 'introduction', description: 'Introduction to Eastside Health Access', who: ['nnamdi'], in: 'Nnamdi offered an intro to Eastside Health Access', thanked: 'Thanked Nnamdi for the Eastside intro' },
  { direction: 'gave', kind: 'information', description: 'The clinic-adoption analysis before her ops review', who: ['helen'], day: 440 },
  { direction: 'received', kind: 'help', description: 'Ran the board-slot logistics for Priya\'s presentation', who: ['lucia'], day: 311, thanked: 'Thanks to Lucía for finding Priya a board slot' },
  { direction: 'received', kind: 'introduction', description: 'Introduction to Ben Okonkwo-Price at Lumenpath', who: ['arjun'], in: 'Intro from Arjun: Ben Okonkwo-Price (Lumenpath)', thanked: 348 },
  { direction: 'gave', kind: 'advice', description: 'How we run the product council', who: ['ben'], in: 'Coffee with Ben Okonkwo-Price' },
  { direction: 'gave', kind: 'resource', description: 'The referral-queue pilot plan', who: ['rebecca'], in: 'Sent Rebecca the referral-queue pilot plan' },
  { direction: 'received', kind: 'help', description: 'Covered Integrations for six weeks', who: ['rohan'], in: 'Rohan covers Integrations for six weeks', thanked: 'Thanked Rohan for covering Integrations' },
  { direction: 'received', kind: 'advice', description: 'Present the three-year strategy to the board yourself', who: ['helen'], in: 'Helen: present the three-year strategy to the board yourself' },
  { direction: 'received', kind: 'advice', description: 'A pre-read on how the board will hear the strategy', who: ['arjun'], in: 'Pre-board call with Arjun on the three-year strategy', thanked: 224 },
  { direction: 'received', kind: 'help', description: 'Covered the board prep while I was out', who: ['lucia'], day: 223, thanked: 'Thanked Lucía for covering the board prep' },
  { direction: 'received', kind: 'endorsement', description: 'Championed Priya\'s promotion case in calibration', who: ['rafael'], in: 'Calibration — Priya\'s case', thanked: 'Thanked Rafael for championing Priya\'s case' },
  { direction: 'gave', kind: 'advice', description: 'Her first-week network map and who to meet', who: ['grace'], in: 'Grace\'s first day — her network map' },
  { direction: 'gave', kind: 'introduction', description: 'Introduced Grace to Thandiwe and Maya', who: ['grace', 'thandiwe', 'maya'], in: 'Intros for Grace: Thandiwe and Maya' },
  { direction: 'gave', kind: 'resource', description: 'Quarterly planning template for the Eastside board', who: ['carmen'], in: 'Scoping the technology committee with Carmen' },
  { direction: 'gave', kind: 'help', description: 'Paired Sofia with Priya as her mentor', who: ['sofia', 'priya'], in: 'Priya and Sofia — starting their mentoring' },
  { direction: 'received', kind: 'advice', description: 'What the first year of a bigger role asks of you', who: ['evelyn'], in: 'Evelyn — what the first year of a bigger role asks' },
  { direction: 'received', kind: 'endorsement', description: 'Named me as a candidate for the product leadership role', who: ['helen'], in: 'Helen — thinking ahead about product leadership' },
  { direction: 'received', kind: 'information', description: 'Notes from the AI triage vendor review', who: ['maya'], day: 4 },
  { direction: 'gave', kind: 'resource', description: 'Our interview rubric for her senior PM loop', who: ['aisha'], day: 64 },
  { direction: 'gave', kind: 'advice', description: 'Feedback on his integrations roadmap', who: ['kenji'], day: 52 },
  { direction: 'gave', kind: 'help', description: 'Covered her demo at the customer advisory board', who: ['amara'], day: 47 },
  { direction: 'gave', kind: 'information', description: 'Benchmarks for the data-platform budget', who: ['wen'], day: 88 },
  { direction: 'gave', kind: 'referral', description: 'Referred a speaker for the Circle\'s winter session', who: ['ravi'], day: 18 },
  { direction: 'gave', kind: 'endorsement', description: 'Nominated her for the patient-experience award', who: ['beatriz'], day: 120 },
  { direction: 'gave', kind: 'information', description: 'Care-coordination retention analysis for his P&L review', who: ['samuel'], day: 75 },
  { direction: 'gave', kind: 'endorsement', description: 'Recommended Naomi for the Circle\'s chair', who: ['naomi'], day: 5 },
];

export const asks: SampleAsk[] = [
  { direction: 'they-asked', description: 'Be a reference for the Sablewood CPO role', who: ['marcus'], in: 'Reference call for Marcus — prep', fulfilled: { kind: 'endorsement', day: 514 } },
  { direction: 'i-asked', description: 'Product directors he would vouch for', who: ['marcus'], in: 'Asked Marcus: product directors he would vouch for?', fulfilled: { kind: 'referral', day: 205, thanked: 'Thanked Marcus — Grace accepted' } },
  { direction: 'they-asked', description: 'Names for a CPO search she is running', who: ['chloe'], in: 'Chloe — a CPO search she is running', fulfilled: { kind: 'referral', day: 322 } },
  { direction: 'i-asked', description: 'Would Naomi take a call from Chloe', who: ['naomi'], in: 'Asked Naomi whether Chloe could call her', fulfilled: { kind: 'help', day: 318, thanked: 316 } },
  { direction: 'i-asked', description: 'Be a reference customer', who: ['rebecca'], in: 'Rebecca agreed to be a reference customer', fulfilled: { kind: 'endorsement', day: 210, thanked: 209 } },
  { direction: 'they-asked', description: 'An introduction to Rebecca Stone', who: ['jonah'], in: 'Jonah asked for an intro to Rebecca Stone', fulfilled: { kind: 'introduction', day: 33 } },
  { direction: 'i-asked', description: 'Would Rebecca take a call from Jonah', who: ['rebecca'], in: 'Asked Rebecca whether she\'d take a call from Jonah', fulfilled: { kind: 'help', day: 33 } },
  { direction: 'i-asked', description: 'Slides from the data-exchange panel for our compliance team', who: ['farid'], day: 44 },
  { direction: 'i-asked', description: 'Keep me in mind for board-level product searches', who: ['chloe'], day: 61, status: 'open' },
  { direction: 'i-asked', description: 'Extra budget for the AI triage pilot', who: ['tomasz'], day: 130, status: 'declined' },
];

export const commitments: SampleCommitment[] = [
  { direction: 'i-owe', description: 'Send the opportunity-tree article', who: 'naomi', in: 'Product Leaders Circle — first meetup, as a guest', due: -721, status: 'done', done: -724 },
  { direction: 'i-owe', description: 'Dinner to thank him for the referral', who: 'marcus', due: -140, status: 'done', done: -143 },
  { direction: 'i-owe', description: 'Draft Priya\'s promotion case', who: 'aisha', due: -226, status: 'done', done: -227 },
  { direction: 'i-owe', description: 'Send Ravi the speaker shortlist', who: 'ravi', due: -15, status: 'done', done: -16 },
  { direction: 'i-owe', description: 'Board pre-read to Lucía by Friday', who: 'lucia', due: -30, status: 'done', done: -31 },
  { direction: 'i-owe', description: 'Calibration notes for Priya\'s file', who: 'priya', due: -95, status: 'done', done: -96 },
  { direction: 'i-owe', description: 'Introduce Grace to Rebecca', who: 'grace', due: -170, status: 'done', done: -171 },
  { direction: 'i-owe', description: 'Comments on the Eastside budget', who: 'gloria', due: -200, status: 'done', done: -201 },
  { direction: 'i-owe', description: 'Technology committee charter for the board', who: 'carmen', due: -80, status: 'done', done: -79 },
  { direction: 'i-owe', description: 'Retro notes from the reorg', who: 'wen', due: -335, status: 'done', done: -336 },
  { direction: 'i-owe', description: 'Share the pilot data with the clinical team', who: 'maya', due: -110, status: 'done', done: -112 },
  { direction: 'i-owe', description: 'Coffee with the new APM cohort', who: 'sofia', due: -130, status: 'dropped' },
  { direction: 'i-owe', description: 'Feedback on Julia\'s portfolio case study', who: 'julia', due: -40, status: 'done', done: -41 },
  { direction: 'i-owe', description: 'Write up the AI roundtable takeaways for the Circle', who: 'ravi', due: -62, status: 'done', done: -66 },
  { direction: 'i-owe', description: 'Send Rebecca the pilot results summary', who: 'rebecca', in: 'Customer advisory board — autumn session', due: -6 },
  { direction: 'i-owe', description: 'Review Julia\'s interview plan for the health role', who: 'julia', due: -3 },
  { direction: 'i-owe', description: 'Share the quarterly planning template with Grace', who: 'grace', due: 4 },
  { direction: 'i-owe', description: 'Introduce Ben to our head of data', who: 'ben', due: 12 },
  { direction: 'owed-to-me', description: 'Eastside intake-app requirements', who: 'carmen', due: 10 },
  { direction: 'owed-to-me', description: 'Introduction to her operations lead', who: 'naomi', due: -8 },
  { direction: 'owed-to-me', description: 'Retention numbers for the board deck', who: 'samuel', due: -20, status: 'done', done: -21 },
];
