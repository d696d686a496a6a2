import type { Key } from './people.js';
import { md, type Scripted } from './types.js';

// Storylines: beats fixed in time (days before the day the sample is loaded), so each thread reads in
// order across months. Everyday interactions that need no fixed date live in routines.ts.

type Beat = Scripted<Key>;

const circleVenue = 'Foundry Hall, Room B';
const boardroom = 'Fernhollow HQ — Boardroom';
const eastside = 'Eastside Health Access — community room';

/** Habit 8: try three associations, choose one, show up every quarter. */
const associations: Beat[] = [
  {
    day: 730, kind: 'call', who: ['evelyn'],
    title: 'Evelyn\'s advice on professional associations',
    notes: md`
      Her method: list the associations by function, industry and skill; narrow to three; go to two or three
      meetings of each; then pick one and show up every quarter. "Depth beats attendance."

      My three: Product Leaders Circle, Women in Product, Digital Health Product Guild.
    `,
  },
  {
    day: 728, time: '18:00', kind: 'event', who: ['ravi', 'naomi'], location: circleVenue,
    title: 'Product Leaders Circle — first meetup, as a guest',
    notes: md`
      Trying three associations this year before committing to one. The Circle first.

      About forty people, mostly VPs and directors of product from mid-size companies. Ravi chairs and kept
      a tight session on pricing experiments. Sat with Naomi Fischer (VP Product, Ostrander Freight): her
      company went through a consolidation last year.

      - Good: peers at my level, candid, no vendor pitches.
      - Less good: heavy on B2B SaaS, light on health.

      Told Naomi I'd send her the opportunity-tree article I mentioned.
    `,
  },
  {
    day: 724, kind: 'email', who: ['naomi'],
    title: 'Sent Naomi the opportunity-tree article',
    notes: 'As promised at the Circle. Added the template we use for discovery reviews.',
  },
  {
    day: 697, time: '18:30', kind: 'event', who: ['adaeze'], location: 'Lumen Coworking, 3rd floor',
    title: 'Women in Product — chapter evening',
    notes: md`
      Panel on the first year as a director. Adaeze runs the chapter; warm, very organised.
      She asked whether I'd host a table at the spring mentoring night. Said yes.
    `,
  },
  {
    day: 671, time: '17:30', kind: 'event', who: ['farid'], location: 'Harborview Conference Center',
    title: 'Digital Health Product Guild — local meetup',
    notes: md`
      The most relevant to our domain of the three, and the most vendor-heavy. Farid (programme director)
      is a good source on regulation. Fewer peers at my level.
    `,
  },
  {
    day: 648, time: '18:00', kind: 'event', who: ['ravi', 'naomi'], location: circleVenue,
    title: 'Circle meetup #2 — roadmap reviews that don\'t turn into theatre',
    notes: md`
      Better than the first. Small-group format; my group argued about whether roadmaps should show dates
      at all. Naomi's rule: dates for commitments, themes for everything else. Stealing that.
    `,
  },
  {
    day: 622, time: '17:30', kind: 'event', who: ['farid'], location: 'Harborview Conference Center',
    title: 'Guild meetup — data-exchange rules panel',
    notes: 'Two hours, two vendor pitches, and twenty genuinely useful minutes on the new data-exchange rules. Farid shared the slides afterwards.',
  },
  {
    day: 601, time: '18:30', kind: 'event', who: ['adaeze', 'julia'], location: 'Lumen Coworking, 3rd floor',
    title: 'Hosted a table at the Women in Product mentoring night',
    notes: md`
      Six at my table. Julia Santos (senior PM, Marlowe Mutual) wants to move from insurance into health
      and asked good, specific questions. Offered to meet every couple of months; she'll send a note.
    `,
  },
  {
    day: 586, kind: 'email', who: ['ravi'],
    title: 'Joining the Product Leaders Circle — told Ravi',
    notes: md`
      Decision after two or three meetings of each:

      - **Product Leaders Circle**: my focus. Peers at my level, in person every quarter. Joined as a member.
      - **Women in Product**: stay involved through the mentoring nights, twice a year.
      - **Digital Health Product Guild**: newsletter, maybe the annual summit.

      Ravi asked whether I'd help with the spring programme. Said yes, for one session.
    `,
  },
  {
    day: 548, time: '18:00', kind: 'event', who: ['ravi', 'naomi'], location: circleVenue,
    title: 'Circle spring session — pricing platform products',
    notes: 'Helped Ravi line up the speakers. Naomi brought two of her directors; good sign for the format.',
  },
  {
    day: 470, time: '18:30', kind: 'event', who: ['adaeze', 'julia'], location: 'Lumen Coworking, 3rd floor',
    title: 'WiP spring mentoring night',
    notes: 'Second time hosting. Julia came to say hello; she has an interview at a health-plan startup.',
  },
  {
    day: 459, time: '18:00', kind: 'event', who: ['ravi', 'naomi'], location: 'Tallyfield rooftop terrace',
    title: 'Circle summer evening — product ops roundtable',
    notes: 'Showed Rohan\'s planning calendar as an example; three people asked for the template. Sent it to Ravi to share, with credit to Rohan.',
  },
  {
    day: 402, time: '09:00', kind: 'event', who: ['farid', 'rebecca'], location: 'Harborview Conference Center',
    title: 'Digital Health Product Summit — day one',
    notes: md`
      The Guild's annual summit. Worth it for one day:

      - Keynote on prior-authorisation automation; relevant to payer integration.
      - Bumped into Rebecca Stone between sessions; she is speaking next year.
      - Thanked Farid for the comp ticket. Told him honestly the Circle is where I'm investing this year.
    `,
  },
  {
    day: 368, time: '18:00', kind: 'event', who: ['ravi', 'naomi'], location: circleVenue,
    title: 'Circle autumn session — leading through a reorg',
    notes: 'Listened more than I talked, given what is happening at work. Naomi\'s point stuck: tell people what is not changing, too.',
  },
  {
    day: 300, time: '18:30', kind: 'event', who: ['adaeze'], location: 'Lumen Coworking, main hall',
    title: 'Moderated the WiP panel "From PM to product leader"',
    notes: 'Three panellists, a full room. Adaeze asked if I would do it again next year.',
  },
  {
    day: 275, time: '18:00', kind: 'event', who: ['ravi', 'naomi', 'ben'], location: circleVenue,
    title: 'Spoke at the Circle: running a product council that decides things',
    notes: md`
      My talk went well: 25 minutes plus a long Q&A on how we keep the council from becoming a status meeting.
      Ben came as my guest and joined the Circle the same night.

      Promised the audience the council charter template; sent it to Ravi to share.
    `,
  },
  {
    day: 214, kind: 'email', who: ['ravi'],
    title: 'Yes to Ravi: joining the Circle\'s programme committee',
    notes: 'One session a year to curate, plus the quarterly planning call. Asked him what he needs most: speakers from outside tech.',
  },
  {
    day: 186, time: '18:00', kind: 'event', who: ['ravi', 'naomi'], location: circleVenue,
    title: 'Circle spring session — first one on the programme committee',
    notes: 'Brought in a hospital operations director as a speaker; the room loved a view from outside software.',
  },
  {
    day: 118, time: '18:30', kind: 'event', who: ['adaeze', 'julia', 'sofia'], location: 'Lumen Coworking, 3rd floor',
    title: 'WiP mentoring night — brought Sofia along',
    notes: 'Sofia hosted half a table with me and held her own. Julia now works in health; she is the one giving advice at her end of the table.',
  },
  {
    day: 97, time: '18:00', kind: 'event', who: ['ravi', 'naomi', 'julia'], location: circleVenue,
    title: 'Circle summer roundtable — AI in the product org',
    notes: md`
      Candid session; nobody claimed to have it figured out. Themes:

      - Use it for synthesis of research notes, not for decisions.
      - Be explicit with clinicians about what is automated.

      Invited Julia as a guest; she is thinking of joining.
    `,
  },
  {
    day: 12, time: '18:00', kind: 'event', who: ['ravi', 'naomi', 'ben'], location: 'Fernhollow HQ — Commons',
    title: 'Hosted the Circle\'s autumn session at Fernhollow',
    notes: md`
      Our turn to host. Sixty people, Wen gave a short welcome. Facilities and Lucía's team made it painless;
      thank-you notes owed to both.
    `,
  },
];

/** A mentee's promotion: from "what would it take" to Senior Director, then passing it on. */
const priyaPromotion: Beat[] = [
  {
    day: 561, kind: 'meeting', who: ['priya'],
    title: '1:1 with Priya — what Senior Director would take',
    notes: md`
      She asked directly, which I respect. Gaps we agreed on:

      1. Influence beyond engineering, especially Finance and Sales.
      2. A story for Care Coordination the board would remember.
      3. Raising the hiring bar on her team.

      A twelve-month plan, reviewed quarterly. I'll send her the levelling rubric and introduce her to Samuel
      for the P&L side.
    `,
  },
  {
    day: 555, kind: 'email', who: ['priya', 'samuel'],
    title: 'Intro: Priya ↔ Samuel on the Care Coordination P&L',
    notes: 'Kept it short: why they should talk, and that Priya will bring the questions.',
  },
  {
    day: 503, kind: 'meeting', who: ['priya', 'wen'],
    title: 'Payer-integration programme kickoff — Priya leads',
    notes: 'Her stretch assignment. Wen gave her two senior engineers and a direct line to him. I stay out of the day-to-day.',
  },
  {
    day: 421, kind: 'meeting', who: ['priya'],
    title: 'Priya — six-month check on her development plan',
    notes: md`
      - Finance: monthly with Samuel now, and he asks for her by name. Done.
      - Board story: not yet. Needs a room to tell it in.
      - Hiring: two strong hires; one interview loop still too soft.

      I'll look for a board slot for her in the spring.
    `,
  },
  {
    day: 224, kind: 'meeting', who: ['aisha'],
    title: 'Priya\'s promotion case — first draft with Aisha',
    notes: md`
      Aisha's edits: lead with impact on customers and revenue, not scope; cut the adjectives; add two peer
      quotes (Samuel and Wen agreed). Final draft due before calibration.
    `,
  },
  {
    day: 181, kind: 'meeting', who: ['aisha', 'rafael'], confidential: true,
    title: 'Calibration — Priya\'s case',
    notes: md`
      The case went through. Senior Director, effective the first of next month.

      Compensation: moves to the midpoint of the Senior Director band; Rafael argued for an equity refresh and
      got it. Nothing to Priya until the letter is ready. Aisha will tell me when.
    `,
  },
  {
    day: 133, kind: 'meeting', who: ['priya'],
    title: 'Told Priya: Senior Director',
    notes: md`
      She was quiet for a moment, then asked two things: that we keep our monthly development 1:1, and that
      she gets to hire her own replacement as director. Yes to both.
    `,
  },
  {
    day: 131, kind: 'message', who: ['rafael'],
    title: 'Thanked Rafael for championing Priya\'s case',
  },
  {
    day: 127, time: '19:00', kind: 'meal', who: ['priya', 'amara', 'kenji', 'rohan'], location: 'Osteria Lume',
    title: 'Team dinner to celebrate Priya',
    notes: 'Amara made a card from the team. Kenji gave the best toast of the evening, to everyone\'s surprise including his.',
  },
  {
    day: 58, kind: 'coffee', who: ['priya', 'sofia'],
    title: 'Priya and Sofia — starting their mentoring',
    notes: 'I made the match and then left them to it after ten minutes. Priya remembers what it was like to be the APM in the room.',
  },
];

/** The reorg: Patient Experience and Implementation move under me; Jonah leaves. */
const reorg: Beat[] = [
  {
    day: 472, kind: 'meeting', who: ['helen'], confidential: true,
    title: 'Skip-level with Helen — consolidation on the table',
    notes: md`
      In confidence: the exec team is discussing consolidating Patient Experience into my group and moving
      Implementation from Customer Success into Product Ops. Nothing decided. She wanted me thinking about
      what I would need, quietly.

      Not to be shared with the team or with Thandiwe. Keep plans as they are for now.
    `,
  },
  {
    day: 447, kind: 'call', who: ['rafael'], confidential: true,
    title: 'Rafael — the consolidation is likely',
    notes: 'He confirmed it is heading for a yes. Announcement probably in about seven weeks. Asked me to draft the first 90 days, for his eyes only.',
  },
  {
    day: 431, kind: 'meeting', who: ['samuel'], confidential: true,
    title: 'Headcount model for the combined product org',
    notes: md`
      Samuel built three scenarios. The middle one works if two open roles stay unfilled until Q3. Agreed we
      don't touch anyone's role in the model; we only move boxes and budgets.
    `,
  },
  {
    day: 418, kind: 'meeting', who: ['aisha'], confidential: true,
    title: 'Role mapping with Aisha — drafts only',
    notes: 'Every person on both teams mapped; nobody loses their level. Three managers gain reports. Talking points for each conversation by next week.',
  },
  {
    day: 396, time: '10:00', kind: 'event', who: ['tomasz', 'helen', 'rafael'], location: 'Fernhollow HQ — Commons',
    title: 'All-hands: product reorganisation announced',
    notes: md`
      Tomasz announced, Rafael explained, I took questions with Thandiwe. The hardest question, from someone
      on Implementation: "will we still talk to customers?" Yes, and I said so plainly.

      Follow-ups: FAQ to the whole company by Friday; 1:1s with every manager affected this week.
    `,
  },
  {
    day: 395, kind: 'meeting', who: ['jonah'],
    title: 'Jonah — what the reorg means for Patient Experience',
    notes: 'He took it calmly in the meeting, but asked twice whether his scope shrinks. I told him it doesn\'t, and that I would show him on paper.',
  },
  {
    day: 389, kind: 'meeting', who: ['thandiwe', 'elena'],
    title: 'Implementation moves to Product Ops — plan with Thandiwe and Elena',
    notes: md`
      - Elena's team keeps its customer-facing rituals.
      - Thandiwe keeps a seat in their weekly review for a quarter.
      - Escalations go to Elena first, then Rohan.
    `,
  },
  {
    day: 384, kind: 'coffee', who: ['thandiwe'], confidential: true,
    title: 'Coffee with Thandiwe, one-on-one',
    notes: md`
      She told me, in confidence, that losing Implementation felt like a judgement on her team, and that she
      had asked Helen about it directly. She doesn't want it to become a story.

      I said what I believe: the move was about the rollout data, not her leadership. Offered to say so to Helen
      too, if she wants. She'll think about it.
    `,
  },
  {
    day: 376, kind: 'meeting', who: ['elena', 'rohan'],
    title: 'Welcome to Product Ops, Elena\'s team',
    notes: 'Bagels, the planning calendar, and a promise: no new process for 60 days.',
  },
  {
    day: 352, kind: 'meeting', who: ['jonah'], confidential: true,
    title: 'Jonah is thinking about leaving',
    notes: md`
      He told me he is talking to a seed-stage startup. Not about money: he wants to build something from
      zero, and the reorg made his path here feel longer.

      Asked him what would make staying the better choice. He'll think about it. Nothing to the team.
    `,
  },
  {
    day: 344, kind: 'meeting', who: ['aisha'], confidential: true,
    title: 'Retention options for Jonah — with Aisha',
    notes: 'Scope, not a counter-offer: Patient Experience plus Mobile, and a path to director in a year. Aisha agrees a counter-offer wouldn\'t address why he is looking.',
  },
  {
    day: 338, kind: 'meeting', who: ['rafael', 'wen'],
    title: 'Reorg, 60 days on — retro with Rafael and Wen',
    notes: md`
      What worked: manager conversations before the all-hands; the FAQ.
      What didn't: Implementation's tooling access took three weeks.
      Wen's point: we under-communicated to engineering. A short note from the two of us, this week.
    `,
  },
  {
    day: 329, kind: 'meeting', who: ['jonah'],
    title: 'Offered Jonah Patient Experience + Mobile',
    notes: 'Laid out the scope and the path. He thanked me and said he needs two weeks.',
  },
  {
    day: 297, kind: 'meeting', who: ['jonah'], confidential: true,
    title: 'Jonah has decided to go to Kestrel Care',
    notes: 'Head of Product at Kestrel Care, starting in four weeks. He asked that we keep it between us until he tells his team on Monday. Agreed on a handover plan.',
  },
  {
    day: 290, kind: 'email', who: ['rafael', 'aisha'],
    title: 'Transition plan for Patient Experience',
    notes: md`
      - Jonah's two leads report to me for now.
      - Open the director role; Aisha to post next week.
      - Mobile release stays on date; Amara covers design decisions.
    `,
  },
  {
    day: 262, kind: 'meal', who: ['jonah', 'priya', 'amara', 'kenji'], location: 'Tamarind Kitchen',
    title: 'Farewell lunch for Jonah',
    notes: 'Good send-off. Told him the door is open, and meant it.',
  },
  {
    day: 208, kind: 'coffee', who: ['jonah'], location: 'Halyard Coffee',
    title: 'Coffee with Jonah — three months at Kestrel Care',
    notes: 'He is happy and tired. Asked how we ran discovery interviews with clinicians; I\'ll send him our interview guide.',
  },
  {
    day: 41, kind: 'call', who: ['jonah'],
    title: 'Jonah asked for an intro to Rebecca Stone',
    notes: 'Kestrel wants to pilot at a health system. Told him I would ask Rebecca first whether she is open to it, not just forward his note.',
  },
  {
    day: 38, kind: 'email', who: ['rebecca'],
    title: 'Asked Rebecca whether she\'d take a call from Jonah',
    notes: 'Short, with an easy way to say no. She said yes.',
  },
  {
    day: 33, kind: 'email', who: ['jonah', 'rebecca'],
    title: 'Intro: Jonah (Kestrel Care) ↔ Rebecca (Valley Ridge)',
  },
];

/** Hiring Grace through Marcus, and handing her a network on day one. */
const graceHire: Beat[] = [
  {
    day: 285, kind: 'call', who: ['marcus'],
    title: 'Asked Marcus: product directors he would vouch for?',
    notes: 'Only asked after checking I wasn\'t pulling someone from his own team. He suggested Grace Kim, ex-consumer health, and offered to make the intro.',
  },
  {
    day: 205, kind: 'coffee', who: ['grace'], location: 'Blue Heron Café',
    title: 'Coffee with Grace Kim about Patient Experience',
    notes: 'Sharp on mobile engagement; asked better questions about clinicians than most candidates. Invited her to the loop.',
  },
  {
    day: 192, kind: 'meeting', who: ['grace', 'priya', 'amara'],
    title: 'Grace\'s final-round panel',
    notes: 'Strong yes from Priya and Amara. Amara liked how she handled the critique exercise.',
  },
  {
    day: 184, kind: 'message', who: ['marcus'],
    title: 'Thanked Marcus — Grace accepted',
    notes: 'Promised him dinner on me.',
  },
  {
    day: 160, kind: 'meeting', who: ['grace'],
    title: 'Grace\'s first day — her network map',
    notes: md`
      Drew the map of relationships she'll need, with an introduction for each. The people, not the history:

      - **Wen**: engineering counterpart; disagree in private.
      - **Thandiwe**: every at-risk account, by name.
      - **Maya**: clinical safety; earn her trust early.
      - **Lucía**: how to get onto the exec agenda, and why Friday matters.
      - **Rebecca Stone**: our most candid customer (after 90 days).
      - **Elena**: what breaks in rollouts.

      I'll make the first three intros this week.
    `,
  },
  {
    day: 156, kind: 'email', who: ['grace', 'thandiwe', 'maya'],
    title: 'Intros for Grace: Thandiwe and Maya',
  },
  {
    day: 72, kind: 'meeting', who: ['grace'],
    title: 'Grace\'s 90-day review',
    notes: 'Ahead of plan on the mobile roadmap; behind on relationships with Sales. She knows. Next intro: Keisha.',
  },
];

/** A first board seat, from the mentor's nudge to chairing a committee. */
const boardSeat: Beat[] = [
  {
    day: 523, kind: 'call', who: ['evelyn'],
    title: 'Evelyn — time to get some board experience?',
    notes: md`
      Her view: a nonprofit board in health is the best way to learn governance without a conflict of interest,
      and it will matter for any exec role later. Look for one where my skills are missing, not decorative.
    `,
  },
  {
    day: 489, kind: 'call', who: ['chloe'],
    title: 'Chloe on nonprofit board placements',
    notes: 'She doesn\'t place nonprofit boards but shared how boards find people: through their directors\' networks. Pointed me back to the people I already know.',
  },
  {
    day: 455, kind: 'coffee', who: ['nnamdi'], location: 'Fernhollow HQ café',
    title: 'Nnamdi offered an intro to Eastside Health Access',
    notes: 'Community clinic network; their board has no one from technology. He knows the executive director, Carmen Alvarez.',
  },
  {
    day: 437, kind: 'coffee', who: ['carmen'], location: 'Copper Kettle on Dune Street',
    title: 'Coffee with Carmen Alvarez (Eastside Health Access)',
    notes: md`
      Eight clinics, a paper-heavy intake process and a board of clinicians and finance people. What she
      needs: someone to help them buy software well, not build it.
    `,
  },
  {
    day: 432, kind: 'message', who: ['nnamdi'],
    title: 'Thanked Nnamdi for the Eastside intro',
  },
  {
    day: 411, kind: 'meeting', who: ['gloria', 'carmen'], location: eastside,
    title: 'Eastside board conversation with Gloria and Carmen',
    notes: 'Gloria asked about time commitment and conflicts of interest. Cleared it with Ines beforehand: no overlap with Fernhollow\'s customers.',
  },
  {
    day: 379, kind: 'email', who: ['gloria'],
    title: 'Eastside Health Access: invited to join the board',
  },
  {
    day: 349, time: '18:00', kind: 'event', who: ['gloria', 'carmen'], location: eastside,
    title: 'First Eastside board meeting',
    notes: 'Mostly listened. The intake backlog is the real strategic problem; the budget conversation is a symptom.',
  },
  {
    day: 340, kind: 'call', who: ['evelyn'],
    title: 'Evelyn on being useful in year one on a board',
    notes: 'Ask one good question per meeting. Read everything. Don\'t bring your day job into the room.',
  },
  {
    day: 258, time: '18:00', kind: 'event', who: ['gloria', 'carmen'], location: eastside,
    title: 'Eastside board — budget and the intake app',
    notes: 'The intake app is the budget conversation in disguise: staff time on paper forms is their second-largest cost.',
  },
  {
    day: 167, time: '09:30', kind: 'event', who: ['gloria', 'carmen'], location: 'Eastside Health Access — Main Street clinic',
    title: 'Eastside board strategy retreat',
    notes: md`
      A Saturday morning. The board agreed to form a technology committee; Gloria asked me to chair it.
      Carmen's team will bring the three intake vendors they are considering.
    `,
  },
  {
    day: 101, kind: 'meeting', who: ['carmen'], location: eastside,
    title: 'Scoping the technology committee with Carmen',
    notes: 'Three members, quarterly, advisory only. First job: the intake vendor decision.',
  },
  {
    day: 74, time: '18:00', kind: 'event', who: ['gloria', 'carmen'], location: eastside,
    title: 'Eastside board — first technology committee report',
    notes: 'Recommended the smaller intake vendor with the better data-export terms. Passed unanimously.',
  },
];

/** A former colleague's job change. */
const marcusMove: Beat[] = [
  {
    day: 612, kind: 'coffee', who: ['marcus'], location: 'Halyard Coffee',
    title: 'Coffee with Marcus (ex-Bramble)',
    notes: 'Restless at Bramble: four reorgs in three years. Asked what I\'d look for in a first CPO role. Said I\'d think about it properly and write back.',
  },
  {
    day: 606, kind: 'email', who: ['marcus'],
    title: 'Wrote Marcus my list for judging a first CPO role',
  },
  {
    day: 541, kind: 'call', who: ['marcus'], confidential: true,
    title: 'Marcus is interviewing for a CPO role',
    notes: 'Final round at Sablewood Logistics. Nobody at Bramble knows. Asked if I\'d be a reference; glad to.',
  },
  {
    day: 515, kind: 'call', who: ['marcus'],
    title: 'Reference call for Marcus — prep',
    notes: 'Agreed on what I could speak to first-hand: the pricing rebuild and how he ran the team through the 2nd reorg. Gave the reference to Sablewood\'s CEO that afternoon.',
  },
  {
    day: 497, kind: 'message', who: ['marcus'],
    title: 'Marcus took the Sablewood CPO job',
    notes: 'Congratulated him. Offered to share our first-90-days board deck when he gets there.',
  },
  {
    day: 405, kind: 'call', who: ['marcus'],
    title: 'Marcus, 90 days in as CPO — board decks',
    notes: 'Sent him our board product-update deck (numbers removed). He offered an intro to Sablewood\'s head of data if we ever want to compare notes on analytics.',
  },
  {
    day: 143, time: '19:00', kind: 'meal', who: ['marcus'], location: 'The Ledger Room',
    title: 'Dinner with Marcus — the dinner I owed him',
    notes: 'Compared notes on being on an exec team. His observation: "the job is mostly deciding what not to escalate."',
  },
];

/** A health matter, handled discreetly. */
const kenjiLeave: Beat[] = [
  {
    day: 318, kind: 'meeting', who: ['kenji'], confidential: true,
    title: 'Kenji — upcoming leave',
    notes: md`
      He told me he needs surgery and will be out about six weeks. He would like the team to hear only that
      he is on planned leave. Agreed.

      - Rohan covers the partner API release.
      - I take the Pinecrest quarterly review.
      - Aisha handles the leave paperwork directly with him.
    `,
  },
  {
    day: 316, kind: 'meeting', who: ['rohan'],
    title: 'Rohan covers Integrations for six weeks',
    notes: 'Walked through the release checklist and the Pinecrest contacts. He asked good questions about what he can decide alone: anything reversible.',
  },
  {
    day: 313, kind: 'email', who: ['aisha'], confidential: true,
    title: 'Kenji\'s leave — Aisha has it in hand',
  },
  {
    day: 270, kind: 'message', who: ['kenji'],
    title: 'Welcome back, Kenji',
    notes: 'No on-call for his first month back. Everything else can wait for his first 1:1.',
  },
  {
    day: 266, kind: 'message', who: ['rohan'],
    title: 'Thanked Rohan for covering Integrations',
    notes: 'And told Wen and Rafael about it in writing, so it shows up in his review.',
  },
];

/** Quarterly board meetings at Fernhollow, and the people who make them work. */
const fernhollowBoard: Beat[] = [
  {
    day: 690, kind: 'message', who: ['lucia'],
    title: 'Lucía — how Tomasz likes a board pre-read',
    notes: 'One page on top with the three decisions. Send by Friday noon: he reads on Sunday evening. Thanked her; that saved me a rewrite.',
  },
  {
    day: 683, time: '09:00', kind: 'meeting', who: ['tomasz', 'helen', 'rafael', 'nnamdi', 'arjun'], location: boardroom,
    title: 'Board meeting — first time presenting the roadmap',
    notes: 'Twelve minutes, nine of them questions. Arjun went straight to gross margin on the clinic tier. Need a cleaner answer next quarter.',
  },
  {
    day: 592, time: '09:00', kind: 'meeting', who: ['tomasz', 'helen', 'rafael', 'nnamdi', 'arjun'], location: boardroom,
    title: 'Board meeting — clinic-intake metrics, and the payer question',
    notes: 'Intake time down 31% at the pilot clinics; the board was pleased for about a minute. Then the payer question: Nnamdi and Arjun both want a view on prior authorisation by the next meeting. Priya and I own the answer.',
  },
  {
    day: 501, time: '09:00', kind: 'meeting', who: ['tomasz', 'helen', 'rafael', 'nnamdi', 'arjun'], location: boardroom,
    title: 'Board meeting — payer integration approved',
    notes: 'Funded for two quarters with a checkpoint. Nnamdi asked for clinician adoption as the lead metric, not revenue. Agreed.',
  },
  {
    day: 410, time: '09:00', kind: 'meeting', who: ['tomasz', 'helen', 'rafael', 'nnamdi', 'arjun'], location: boardroom, confidential: true,
    title: 'Board meeting — reorganisation plan reviewed',
    notes: 'The board reviewed the consolidation before the announcement. Questions on retention risk and on the customer message. Confidential until the all-hands.',
  },
  {
    day: 309, time: '09:00', kind: 'meeting', who: ['tomasz', 'helen', 'rafael', 'nnamdi', 'arjun', 'priya'], location: boardroom,
    title: 'Board meeting — Priya presents payer integration',
    notes: 'She owned the room. Nnamdi asked her the follow-up question instead of me. Exactly what she needed.',
  },
  {
    day: 307, kind: 'message', who: ['lucia'],
    title: 'Thanks to Lucía for finding Priya a board slot',
    notes: 'The agenda was full; she moved the timing so the slot fitted without anyone losing theirs.',
  },
  {
    day: 232, kind: 'meeting', who: ['helen'],
    title: 'Helen: present the three-year strategy to the board yourself',
    notes: 'Rafael agreed. Helen will review a draft; she wants the trade-offs visible, not smoothed over.',
  },
  {
    day: 225, kind: 'call', who: ['arjun'],
    title: 'Pre-board call with Arjun on the three-year strategy',
    notes: 'His main push: show the path to the payer revenue line without the pilot hand-waving. Revised slide 4.',
  },
  {
    day: 221, kind: 'message', who: ['lucia'],
    title: 'Thanked Lucía for covering the board prep',
    notes: 'I was out sick two days before the deadline; she chased the last inputs and assembled the pack.',
  },
  {
    day: 218, time: '09:00', kind: 'meeting', who: ['tomasz', 'helen', 'rafael', 'nnamdi', 'arjun'], location: boardroom,
    title: 'Board meeting — three-year product strategy',
    notes: md`
      Presented it myself. Two changes requested: a clearer build-vs-partner stance on AI, and a risk slide.
      Tomasz said afterwards it was the best product session the board had had. Passed that on to the team.
    `,
  },
  {
    day: 124, time: '09:00', kind: 'meeting', who: ['tomasz', 'helen', 'rafael', 'nnamdi', 'arjun'], location: boardroom,
    title: 'Board meeting — AI triage pilot results',
    notes: md`
      - Escalations reviewed by a clinician: 100%.
      - Time to first response: down 22%.

      The board wants the cost per clinic before expanding. Samuel and I bring it next quarter.
    `,
  },
  {
    day: 36, time: '09:00', kind: 'meeting', who: ['tomasz', 'helen', 'rafael', 'nnamdi', 'arjun', 'samuel'], location: boardroom,
    title: 'Board meeting — next year\'s plan and budget',
    notes: 'Samuel and I presented together. The board pushed on the hiring plan; we held at eleven roles with a mid-year checkpoint.',
  },
];

/** Investor intro to a peer at another company. */
const benIntro: Beat[] = [
  {
    day: 357, kind: 'call', who: ['arjun'],
    title: 'Arjun offered an intro to Lumenpath\'s VP Product',
    notes: 'We are both new to board-level reporting; he thinks we would learn from each other. He asked nothing in return, which I noted.',
  },
  {
    day: 351, kind: 'email', who: ['arjun', 'ben'],
    title: 'Intro from Arjun: Ben Okonkwo-Price (Lumenpath)',
  },
  {
    day: 340, kind: 'coffee', who: ['ben'], location: 'Blue Heron Café',
    title: 'Coffee with Ben Okonkwo-Price',
    notes: 'An hour that felt like twenty minutes. Agreed on a monthly call: one problem each, no status updates.',
  },
];

/** The sponsor. */
const sponsor: Beat[] = [
  {
    day: 655, kind: 'meeting', who: ['helen'],
    title: 'First skip-level with Helen',
    notes: 'She asked what I would change if I could change one thing. Said: planning happens too late for Sales to trust it. She wrote it down.',
  },
  {
    day: 567, kind: 'email', who: ['helen'],
    title: 'Helen put my name forward for the exec offsite',
    notes: 'Thanked her. Asked what she wants me to contribute rather than just attend.',
  },
  {
    day: 560, time: '09:30', kind: 'event', who: ['helen', 'tomasz', 'rafael', 'wen', 'keisha', 'samuel', 'maya'], location: 'Lakeside Lodge',
    title: 'Exec offsite — invited for the product session',
    notes: md`
      Ran the session on the planning calendar. Outcome: a product council with Sales, CS and Engineering,
      deciding monthly instead of quarterly. Keisha and Wen both volunteered.
    `,
  },
  {
    day: 29, kind: 'meeting', who: ['helen'], confidential: true,
    title: 'Helen — thinking ahead about product leadership',
    notes: md`
      In confidence: Rafael may move to lead the platform business next year, and Helen wants me ready to
      step up. Nothing is promised or decided.

      Her advice: spend more time with the board beyond Nnamdi, and with Arjun's partners. Not to be shared
      with anyone, not even Evelyn.
    `,
  },
  {
    day: 22, kind: 'call', who: ['evelyn'],
    title: 'Evelyn — what the first year of a bigger role asks',
    notes: 'Kept it general; didn\'t share anything from Helen. Her advice holds anyway: build the bench before you need it.',
  },
];

/** A customer who becomes a reference. */
const valleyRidge: Beat[] = [
  {
    day: 633, time: '10:00', kind: 'event', who: ['rebecca', 'tomas', 'thandiwe'], location: 'Fernhollow HQ — Commons',
    title: 'Customer advisory board — spring session',
    notes: md`
      Twelve customers. Rebecca Stone (Valley Ridge) was the most direct: the referral queue is the reason
      they bought us and the reason her care managers stay late. Tomás backed her up for small clinics.
    `,
  },
  {
    day: 519, kind: 'meeting', who: ['rebecca'], location: 'Valley Ridge Medical Center',
    title: 'Site visit at Valley Ridge — care managers\' workflow',
    notes: md`
      Shadowed two care managers for a morning. Each referral takes 14 clicks and a phone call. Photos of the
      sticky notes on their monitors are in the research folder.

      Promised Rebecca a written summary of what we saw within a week.
    `,
  },
  {
    day: 513, kind: 'email', who: ['rebecca'],
    title: 'Sent Rebecca the site-visit summary',
  },
  {
    day: 334, kind: 'call', who: ['rebecca', 'thandiwe'],
    title: 'Valley Ridge renewal at risk — call with Rebecca',
    notes: 'Honest call. The referral queue hasn\'t improved fast enough for them. Offered an early pilot of v2 rather than a discount. She agreed to take it to her CFO.',
  },
  {
    day: 323, kind: 'email', who: ['rebecca'],
    title: 'Sent Rebecca the referral-queue pilot plan',
  },
  {
    day: 296, kind: 'meeting', who: ['rebecca', 'amara'], location: 'Valley Ridge Medical Center',
    title: 'Valley Ridge pilot kickoff',
    notes: 'Scope: two care-management teams, eight weeks, one metric (referral handling time). Amara\'s team on site every other week.',
  },
  {
    day: 210, kind: 'call', who: ['rebecca'],
    title: 'Rebecca agreed to be a reference customer',
    notes: 'Pilot cut referral handling time by a third. She renewed for three years and offered to take reference calls, at most one a month.',
  },
  {
    day: 146, time: '13:30', kind: 'event', who: ['rebecca', 'keisha', 'thandiwe'], location: 'Harborview Conference Center',
    title: 'Fernhollow customer summit — Rebecca on stage',
    notes: 'She told the pilot story better than we could. Keisha had four follow-up meetings by the end of the day.',
  },
  {
    day: 48, time: '10:00', kind: 'event', who: ['rebecca', 'thandiwe', 'grace', 'kenji'], location: 'Fernhollow HQ — Commons',
    title: 'Customer advisory board — autumn session',
    notes: 'Rebecca and Grace ran a joint session on patient messaging. Kenji took eleven integration requests and promised answers within a month.',
  },
];

/** The recruiter, kept warm without leading anyone on. */
const recruiter: Beat[] = [
  {
    day: 331, kind: 'call', who: ['chloe'], confidential: true,
    title: 'Chloe — a CPO search she is running',
    notes: md`
      Series C health company; she shared the range (well above my current package). Said not now: I'm in the
      middle of a reorg I helped design and I want to see it through.

      She asked for names. Told her I'd ask Naomi first before passing hers on.
    `,
  },
  {
    day: 322, kind: 'message', who: ['naomi'],
    title: 'Asked Naomi whether Chloe could call her',
    notes: 'She said yes, thanks for asking first.',
  },
  {
    day: 212, kind: 'call', who: ['chloe'],
    title: 'Market check-in with Chloe',
    notes: 'Product leadership hiring has slowed; AI product leads are the exception. Thanked her for the Naomi conversation.',
  },
];

/** Closing threads, this week. */
const thisWeek: Beat[] = [
  {
    day: 3, kind: 'message', who: ['naomi'],
    title: 'Congratulated Naomi: she is staying on after the acquisition',
    notes: 'The news is public now. She keeps product for the combined freight business. Told her the reference offer stands anyway.',
  },
  {
    day: 1, kind: 'email', who: ['grace', 'sofia'],
    title: 'Sofia joins Patient Experience after the APM programme',
    notes: 'Short note to Grace\'s team, copying Priya. Sofia asked Grace herself; all I did was say yes.',
  },
];

const sofiaStart: Beat[] = [
  {
    day: 428, kind: 'meeting', who: ['sofia'],
    title: 'Sofia\'s first week — welcome and a 30-day plan',
    notes: 'Three goals for the month: meet ten clinicians with Yusuf, ship one small thing, write one decision memo.',
  },
];

export const storylines: Beat[] = [
  ...associations,
  ...priyaPromotion,
  ...reorg,
  ...graceHire,
  ...boardSeat,
  ...marcusMove,
  ...kenjiLeave,
  ...fernhollowBoard,
  ...benIntro,
  ...sponsor,
  ...valleyRidge,
  ...recruiter,
  ...sofiaStart,
  ...thisWeek,
];
