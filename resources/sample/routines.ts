import type { Key } from './people.js';
import { md, type Routine } from './types.js';

// Everyday interactions, person by person: the 1:1s, coffees, notes of thanks and small promises that make
// up most of a leader's week. The generator places each one in the person's window (or the entry's own
// `within`). Typed as a record over every person, so nobody in the sample goes without an interaction.

type Entries = Routine<Key>[];

export const routines: Record<Key, Entries> = {
  priya: [
    {
      kind: 'meeting', within: [690, 570],
      title: '1:1 with Priya — roadmap trade-offs',
      notes: md`
        Referral queue v2 and the care-plan editor can't both ship this half. She wants to cut the editor's
        scope rather than slip the queue. Agreed; she'll take it to Rafael and Wen with the numbers.
      `,
    },
    {
      kind: 'meeting',
      title: '1:1 with Priya — the hiring bar for senior PMs',
      notes: md`
        - Loops lean on product sense, skip how candidates work with clinicians.
        - Add a working session with Yusuf to the loop.
        - She'll rewrite the scorecard; I review it by Friday.
      `,
    },
    {
      kind: 'meal',
      title: 'Lunch with Priya after the clinic visits',
      notes: 'Both of us came back with the same list: fewer clicks, fewer phone calls. Her team takes the phone-call problem.',
    },
    {
      kind: 'message', within: [200, 170],
      title: 'Note to Priya on the referral-queue v2 launch',
      notes: 'Launched without a single P1. Sent her a note and copied Rafael, so it is on the record.',
    },
    {
      kind: 'meeting',
      title: '1:1 with Priya — saying no to Sales without burning a bridge',
      notes: md`
        Keisha's team wants custom fields for one large prospect. Priya's instinct is to refuse outright.
        Coached: give Keisha the cost in weeks and the one thing it displaces, then let her choose.
      `,
    },
    {
      kind: 'meeting', with: ['rohan'],
      title: 'Priya\'s quarterly planning dry run',
      notes: 'Strong. One gap: nothing for the second payer. Rohan adds a placeholder line so it doesn\'t surprise Samuel.',
    },
    {
      kind: 'coffee', within: [120, 60],
      title: 'Coffee with Priya — how the bigger team feels',
      notes: 'More meetings, less product. She misses writing specs. Suggested she keep one small bet for herself each quarter.',
    },
    {
      kind: 'meeting', within: [110, 12],
      title: '1:1 with Priya — delegating now she has two directors',
    },
    {
      kind: 'email', within: [340, 312],
      title: 'Sent Priya the board-deck template',
      notes: 'With the note Lucía gave me in my first year: one page on top, three decisions, send by Friday.',
    },
    {
      kind: 'meeting',
      title: '1:1 with Priya — care-plan editor metrics',
      notes: 'Edits per plan down, time per edit up. Could be good or bad; she\'ll pair the numbers with Yusuf\'s interviews before we call it.',
    },
    {
      kind: 'call',
      title: 'Quick call with Priya before the Pinecrest escalation',
      notes: 'Aligned on one message: we fix the mapping bug this sprint; the feature request waits for planning.',
    },
    {
      kind: 'meeting', within: [13, 3],
      title: '1:1 with Priya — her goals for next year',
      notes: md`
        Her three: a director she has grown herself, a seat on the product council in her own right, and one
        external talk. I'll introduce her to Ravi for the Circle.
      `,
    },
    {
      kind: 'meeting', within: [480, 440], confidential: true,
      title: 'Priya — flexible hours for a few weeks',
      notes: 'Her father is unwell and she is helping with his care. Reduced hours for a month; the team knows only that she is out some afternoons. Check in weekly, briefly.',
    },
  ],

  amara: [
    {
      kind: 'meeting',
      title: '1:1 with Amara — design earlier in planning',
      notes: 'She is right that design arrives after the scope is set. From next quarter: a design lead in each planning kickoff.',
    },
    {
      kind: 'meeting', with: ['yusuf'],
      title: 'Design critique — the care-plan editor',
      notes: md`
        Yusuf's research clip of a nurse hunting for the save button ended the argument.

        - Autosave, with a visible "saved" state.
        - Collapse the medication section by default.
      `,
    },
    {
      kind: 'meal',
      title: 'Lunch with Amara — hiring a second design lead',
      notes: 'She wants someone from clinical software, not consumer apps. Agreed; I\'ll ask Evelyn for names.',
    },
    {
      kind: 'coffee',
      title: 'Coffee with Amara — where she wants to be in two years',
      notes: 'Design director, with research reporting to her. Offered to make the case with Rafael in the next planning cycle.',
    },
    {
      kind: 'message',
      title: 'Told Amara the clinicians loved the new intake flow',
    },
    {
      kind: 'meeting', with: ['wen'],
      title: 'Amara\'s design-system pitch to Wen and me',
      notes: 'Wen is in, if it comes with one front-end engineer rather than a tax on every team. Amara will revise.',
    },
    {
      kind: 'meeting', confidential: true,
      title: 'Amara — pay for her two senior designers',
      notes: 'After the market refresh both are below band. Took it to Aisha; both adjusted this cycle. Nothing to the designers until the letters go out.',
    },
    {
      kind: 'meeting',
      title: '1:1 with Amara — feedback on the mobile critique',
    },
    {
      kind: 'other',
      title: 'Nominated Amara for the company values award',
      notes: 'For the clinician research programme. Wrote 200 words and asked Maya to second it.',
    },
    {
      kind: 'event', location: 'Fernhollow HQ — Commons',
      title: 'Joined the design team offsite for the afternoon',
    },
    {
      kind: 'meeting', within: [14, 1],
      title: '1:1 with Amara — research support for Patient Experience',
      notes: 'Grace needs a researcher half-time. Amara will lend Yusuf for a quarter if Grace funds a contractor after that.',
    },
  ],

  kenji: [
    {
      kind: 'meeting',
      title: '1:1 with Kenji — partner API versioning',
      notes: 'Two versions supported at a time, twelve months\' notice. He\'ll write it up for partners.',
    },
    {
      kind: 'call',
      title: 'Pinecrest QBR prep with Kenji',
    },
    {
      kind: 'meeting',
      title: '1:1 with Kenji — what he wants from our 1:1s',
      notes: 'Fewer status updates, more decisions. He will send the agenda the night before; I promised to read it.',
    },
    {
      kind: 'email',
      title: 'Thanks to Kenji for the integration-health dashboard',
    },
    {
      kind: 'meeting',
      title: '1:1 with Kenji — FHIR backlog vs. partner requests',
      notes: md`
        - Standards work first this quarter; two partner requests slip.
        - He tells the partners himself; I back him if they escalate.
      `,
    },
    {
      kind: 'coffee',
      title: 'Coffee with Kenji — group PM or architect?',
      notes: 'He is torn. Suggested he shadow Beatriz for two weeks before deciding.',
    },
    {
      kind: 'message',
      title: 'Kenji handled the Pinecrest outage calmly — told him so',
    },
    {
      kind: 'meeting', within: [20, 1],
      title: '1:1 with Kenji — partner API v3 scope',
      notes: md`
        - Webhooks first, bulk export second.
        - Mei has seen the draft; Pinecrest wants webhooks too.
        - He asked for a second engineer. I'll ask Wen, not promise.
      `,
    },
  ],

  sofia: [
    {
      kind: 'meeting', within: [410, 380],
      title: 'Sofia\'s first decision memo — review',
      notes: 'Clear and short. One gap: the option she rejected deserved a fairer hearing. She rewrote that section in an hour.',
    },
    {
      kind: 'coffee',
      title: 'Coffee with Sofia — saying the thing in the meeting',
      notes: md`
        She had the right answer in the planning review and waited until afterwards to tell me. We agreed on a
        signal: I'll ask her view first in the next two reviews, then she goes without the cue.
      `,
    },
    {
      kind: 'coffee',
      title: 'Walk and coffee with Sofia — APM rotation check-in',
    },
    {
      kind: 'email',
      title: 'Feedback to Sofia on her research readout',
      notes: 'Strong synthesis; lead with the decision she wants, not the method.',
    },
    {
      kind: 'meeting', within: [330, 250],
      title: 'Sofia\'s first launch retro',
      notes: 'Her appointment-reminder fix cut no-shows by 4% at the pilot clinic. She ran the retro herself, crisply.',
    },
    {
      kind: 'message',
      title: 'Sent Sofia the product council charter',
    },
    {
      kind: 'meeting', within: [40, 5],
      title: 'Sofia — after the APM programme, where next?',
      notes: 'She wants Patient Experience. Talked to Grace first; Grace would welcome her. Sofia will ask Grace herself.',
    },
  ],

  rohan: [
    {
      kind: 'meeting',
      title: '1:1 with Rohan — the planning calendar',
      notes: md`
        - Planning kickoff two weeks earlier.
        - One template for every team.
        - Sales and CS see drafts, not only the final plan.
      `,
    },
    {
      kind: 'meeting',
      title: 'Rohan\'s quarterly planning retro',
      notes: md`
        - Planning took 9 working days, down from 14.
        - Sales still learn the plan second-hand. Keisha gets the draft a week earlier next time.
      `,
    },
    {
      kind: 'email',
      title: 'Approved Rohan\'s tooling budget request',
    },
    {
      kind: 'coffee',
      title: 'Coffee with Rohan — his case for a product-ops analyst',
      notes: 'A good case. I\'ll take it to Samuel with the time-saved numbers Rohan collected.',
    },
    {
      kind: 'meeting', confidential: true,
      title: 'Rohan — visa renewal timing',
      notes: 'His work visa renewal is in process; he asked me to keep it quiet. Aisha has immigration counsel engaged. I signed the support letter today.',
    },
    {
      kind: 'message', within: [395, 386],
      title: 'Thanks to Rohan for the reorg FAQ',
    },
    {
      kind: 'meeting',
      title: '1:1 with Rohan — what he would cut from our process',
      notes: 'The weekly status doc nobody reads. Agreed: cut it for a month and see who notices.',
    },
    {
      kind: 'other',
      title: 'Card for Rohan\'s birthday, signed by the team',
    },
    {
      kind: 'message', within: [20, 1],
      title: 'Rohan has the planning templates ready early',
    },
  ],

  grace: [
    {
      kind: 'meeting', within: [150, 120],
      title: '1:1 with Grace — mobile roadmap, first look',
      notes: 'A good first cut with too many bets. Pick two. She chose pre-visit tasks and secure messaging.',
    },
    {
      kind: 'meeting', within: [20, 1],
      title: '1:1 with Grace — Patient Experience metrics that matter',
      notes: 'Retire "monthly active patients". Use completed pre-visit tasks instead; clinics care about that.',
    },
    {
      kind: 'coffee',
      title: 'Coffee with Grace — what surprised her here',
      notes: 'How much clinicians shape priorities, and how little written decision history there is. She\'ll start a decision log for her area.',
    },
    {
      kind: 'meeting', with: ['keisha'], within: [68, 20],
      title: 'Grace and Keisha — first joint customer call',
      notes: 'Grace listened for forty minutes, then asked two questions that changed the deal. Keisha noticed.',
    },
    {
      kind: 'message',
      title: 'Well done to Grace on the app-store rating',
    },
  ],

  jonah: [
    {
      kind: 'meeting',
      title: '1:1 with Jonah — the mobile release train',
      notes: 'Two-week trains slip to three because of app-store review. He wants to decouple content from releases. Agreed, with Malik reviewing.',
    },
    {
      kind: 'meeting',
      title: '1:1 with Jonah — patient messaging research',
      notes: 'Patients want fewer messages, not smarter ones. He will cut the reminder cadence in half and measure no-shows.',
    },
    {
      kind: 'coffee', within: [620, 420],
      title: 'Coffee with Jonah — what he wants next',
      notes: 'He wants to run something end to end. Worth remembering when scopes shift.',
    },
    {
      kind: 'message',
      title: 'Thanked Jonah for taking the Lakeshore escalation',
    },
  ],

  beatriz: [
    {
      kind: 'coffee', within: [44, 10],
      title: 'Coffee with Beatriz — the architect path',
      notes: 'She has decided: architect, not manager. Offered to co-sponsor her case with Wen at the next calibration.',
    },
    {
      kind: 'meeting', within: [640, 480], with: ['wen'],
      title: 'Beatriz on the referral-queue data model',
      notes: 'She proposed splitting referral state from routing rules. Wen and I both agreed before she finished the diagram.',
    },
    {
      kind: 'message', within: [300, 210],
      title: 'Thanked Beatriz for backing the v2 plan in the eng review',
    },
    {
      kind: 'meeting', confidential: true,
      title: 'Beatriz asked for advice, one-on-one',
      notes: md`
        A recurring conflict with her manager over on-call. I encouraged her to raise it with him directly
        first, and offered to be a sounding board, not a go-between.

        Not mentioning it to Wen unless she asks me to.
      `,
    },
  ],

  yusuf: [
    {
      kind: 'meeting', within: [728, 705], location: 'Lakeshore Community Clinics — Eastgate site',
      title: 'Clinic ride-along with Yusuf',
      notes: 'Front desk, triage nurse, care manager. The phone is still the integration layer.',
    },
    {
      kind: 'meeting', with: ['amara'],
      title: 'Yusuf\'s readout — a week with care managers',
      notes: 'Care managers keep a private spreadsheet because our queue can\'t show "waiting on patient". That one finding is worth the quarter.',
    },
    {
      kind: 'other',
      title: 'Shared Yusuf\'s research readout with the exec team',
      notes: 'With credit to him by name. Helen replied asking for more like it.',
    },
  ],

  elena: [
    {
      kind: 'meeting', within: [360, 300],
      title: '1:1 with Elena — first 90 days in Product Ops',
      notes: 'She misses the CS team socially but likes having a say in what gets built. Asked for a seat in planning reviews; done.',
    },
    {
      kind: 'meeting', with: ['rohan'],
      title: 'Elena\'s rollout playbook — review',
      notes: md`
        - Day-one checklist: good.
        - Week-three slump: nobody owns it. Elena proposes a check-in call at day 21.
        - Rohan adds it to the template.
      `,
    },
    {
      kind: 'message',
      title: 'Lakeshore\'s new sites went live — thanked Elena\'s team',
    },
    {
      kind: 'meeting', within: [40, 8],
      title: 'Elena — rollout plan for Valley Ridge\'s new clinics',
      notes: 'Six clinics over two months. She wants a care manager from the pilot as peer trainer; Elena will ask Rebecca herself.',
    },
  ],

  rafael: [
    {
      kind: 'meeting', within: [726, 700],
      title: '1:1 with Rafael — my first 30 days',
      notes: md`
        What I've heard so far: the product is loved by clinicians and distrusted by Sales. He agrees.
        My first 90 days: fix the planning calendar, meet twenty customers, hire a design lead.
      `,
    },
    {
      kind: 'meeting', within: [217, 180],
      title: 'Walking 1:1 with Rafael — AI triage: build or partner',
      notes: 'Partner for the model, build the workflow around it. Clinicians\' trust lives in the workflow.',
    },
    {
      kind: 'call',
      title: 'Call with Rafael — headcount for next year',
      notes: 'Eleven asks, money for six. Ranked them together; Design and Integrations first.',
    },
    {
      kind: 'meeting', within: [400, 340],
      title: '1:1 with Rafael — my mid-year review',
      notes: 'Strengths: cross-functional trust, the council. Growth: delegate more of the customer escalations. Fair.',
    },
    {
      kind: 'message', within: [340, 330],
      title: 'Heads-up to Rafael on the Valley Ridge renewal',
    },
    {
      kind: 'meeting', within: [508, 495],
      title: '1:1 with Rafael — the product council\'s first month',
    },
    {
      kind: 'meal',
      title: 'Lunch with Rafael — how he handles the board',
      notes: 'Never surprise them; pre-wire the hard news one director at a time. He offered to sit in on my next prep.',
    },
    {
      kind: 'meeting',
      title: '1:1 with Rafael — what I should stop doing',
      notes: md`
        His list, kindly put:

        - Rewriting my directors' memos.
        - Taking every customer escalation call myself.
        - Accepting meetings where I am only an observer.
      `,
    },
    {
      kind: 'email', within: [390, 360],
      title: 'One-page reorg update for Rafael',
    },
    {
      kind: 'meeting', within: [60, 40],
      title: '1:1 with Rafael — my annual review',
      notes: 'Strong year. His one ask: be more visible outside product. Speaking at the Circle counted; do more of it.',
    },
    {
      kind: 'meeting', within: [12, 1],
      title: '1:1 with Rafael — next year\'s planning kickoff',
      notes: md`
        He wants the plan to start from the three-year strategy, not from last year's backlog. Agreed.
        I'll draft the kickoff memo; he reviews before it goes to the council.
      `,
    },
  ],

  helen: [
    {
      kind: 'email',
      title: 'Monthly note to Helen — what changed',
      notes: md`
        Three lines, as she likes:

        - Referral queue v2 on track.
        - Payer integration: one partner slipping.
        - Need: a decision on the clinic-tier price by month end.
      `,
    },
    {
      kind: 'coffee', within: [700, 500],
      title: 'Coffee with Helen — how the exec team decides',
      notes: 'Decisions happen in the conversations before; the exec meeting confirms them. So: talk to each exec beforehand, never surprise anyone in the room.',
    },
    {
      kind: 'meeting', within: [600, 510],
      title: 'Helen\'s feedback on my board section',
      notes: 'Less detail, more trade-offs. "The board hires judgement, not status updates."',
    },
    {
      kind: 'message', within: [530, 500],
      title: 'Thanked Helen for backing the product council',
    },
    {
      kind: 'meal',
      title: 'Breakfast with Helen — clinic-tier pricing',
      notes: 'She wants one price for clinics under ten sites, no negotiation. Sales will hate it for a quarter and like it after. I\'ll bring Samuel\'s model.',
    },
  ],

  tomasz: [
    {
      kind: 'meeting',
      title: 'Product review with Tomasz — clinic intake',
      notes: 'He asked for one number: intake time per patient. We had it. Good meeting.',
    },
    {
      kind: 'message', within: [215, 150],
      title: 'Tomasz asked for the AI triage one-pager',
    },
    {
      kind: 'meeting', with: ['sofia'], within: [400, 100],
      title: 'Tomasz\'s office hours — brought the APMs',
      notes: 'Sofia asked him how he decides what not to do. "I ask what we would stop if we said yes." It landed with all three APMs.',
    },
  ],

  maya: [
    {
      kind: 'meeting', within: [720, 600],
      title: 'Clinical-safety review with Maya — referral queue',
      notes: 'Two changes before launch: show the referring clinician on every card, and never auto-close an urgent referral. Both reasonable, both done.',
    },
    {
      kind: 'meeting', within: [225, 200],
      title: 'Maya — a clinician panel for AI triage',
      notes: 'Six clinicians, paid for their time, meeting monthly. She chairs; we bring prototypes, not slides.',
    },
    {
      kind: 'coffee',
      title: 'Coffee with Maya — the nurses\' workload data',
      notes: 'Nurses at the pilot clinics spend 38% of a shift on documentation. She\'ll share the study; it belongs in the three-year strategy.',
    },
    {
      kind: 'meeting', with: ['malik'], within: [250, 200], confidential: true,
      title: 'Maya and Malik — a safety report under review',
      notes: 'A clinician reported a possibly mis-routed referral. Under review, not confirmed. Only the three of us and Kenji know until the review closes. No speculation in channels.',
    },
    {
      kind: 'meal', within: [40, 5],
      title: 'Lunch with Maya — the clinician panel, six months on',
      notes: 'The panel has caught two confusing escalation messages before they shipped. She wants it permanent. So do I.',
    },
  ],

  nnamdi: [
    {
      kind: 'coffee',
      title: 'Coffee with Nnamdi — governance lessons from hospitals',
      notes: 'His rule for a board: know which decisions are yours, and say so out loud when one is not.',
    },
    {
      kind: 'message',
      title: 'Sent Nnamdi the clinician-adoption metric he asked for',
    },
  ],

  arjun: [
    {
      kind: 'call',
      title: 'Arjun — unit economics of the clinic tier',
      notes: 'His question: does implementation cost kill the margin on small clinics? Partly. Elena\'s playbook is the answer; sent him the numbers.',
    },
    {
      kind: 'email',
      title: 'Sent Arjun the pilot cohort data',
      notes: 'As promised on the board call. Flagged the small sample myself before he could.',
    },
  ],

  wen: [
    {
      kind: 'meeting',
      title: '1:1 with Wen — on-call load and the release train',
      notes: 'Two pages a night on average for the integrations team. We freeze new partner connectors until it halves.',
    },
    {
      kind: 'meeting', with: ['keisha', 'thandiwe', 'rafael'], within: [545, 530], location: 'Fernhollow HQ — Larch room',
      title: 'Product council — first meeting',
      notes: md`
        Charter agreed: decide monthly, in the room; no decks over five slides; every "no" comes with a "not yet"
        or a "never". Keisha asked for a standing slot for field requests. Fair.
      `,
    },
    {
      kind: 'meeting', within: [500, 300], with: ['keisha', 'thandiwe'],
      title: 'Product council — payer integration sequencing',
      notes: 'Two payers first, not five. Keisha wanted the biggest logo first; we agreed on the cleanest API first and the logo second.',
    },
    {
      kind: 'meeting', within: [530, 15], with: ['keisha', 'thandiwe'],
      title: 'Product council — three Sales asks, one yes',
      notes: 'Yes to SSO for clinics, not yet to custom fields, never to on-prem. Keisha took it well and will tell her team herself.',
    },
    {
      kind: 'coffee',
      title: 'Coffee with Wen — what we\'d do with one more team',
    },
    {
      kind: 'meeting',
      title: '1:1 with Wen — a 20% budget for tech debt?',
      notes: 'She wants 20%; I offered 15% plus one full "fix-it" sprint a half. Settled there.',
    },
    {
      kind: 'meal', within: [380, 330],
      title: 'Lunch with Wen — a year of working together',
      notes: 'What worked: disagreeing in private. What didn\'t: I sometimes commit her teams in customer meetings. I will stop.',
    },
    {
      kind: 'meeting', with: ['keisha', 'thandiwe', 'maya'], within: [180, 130],
      title: 'Product council — AI triage pilot: go / no-go',
      notes: 'Go, at two clinics, with Maya\'s panel reviewing every escalation for the first month.',
    },
    {
      kind: 'message', within: [478, 300],
      title: 'Thanks to Wen for lending Beatriz to the data-model review',
    },
    {
      kind: 'meeting', confidential: true,
      title: 'Wen — attrition worry on the platform team',
      notes: 'Two of her senior engineers have outside offers. She asked me not to raise it with Rafael yet; she is working on it. Offered the most interesting product problem we have for one of them.',
    },
    {
      kind: 'coffee', within: [13, 1],
      title: 'Coffee with Wen — next year\'s platform bets',
      notes: 'Her bets: event-driven integrations and a real test environment for partners. Both help Kenji; I\'ll back them at the council.',
    },
    {
      kind: 'meeting', with: ['keisha', 'thandiwe', 'priya'], within: [10, 1], location: 'Fernhollow HQ — Larch room',
      title: 'Product council — themes for next year',
      notes: md`
        First council with Priya as a member in her own right. Four themes survived out of nine:

        1. Referral queue for multi-site health systems.
        2. AI triage beyond the pilot clinics.
        3. Payer integration, second wave.
        4. Patient Experience on mobile.

        Keisha lost "custom fields" again and took it with good humour. I owe her a clear "not yet" date.
      `,
    },
  ],

  samuel: [
    {
      kind: 'meeting', within: [728, 705],
      title: 'Budget season with Samuel — first pass',
      notes: 'Every new role needs a named outcome and a quarter. He will fight for the ones that have both.',
    },
    {
      kind: 'meeting',
      title: 'Samuel — pricing model for the clinic tier',
      notes: md`
        Three price points modelled; the middle one keeps margin above target even with a 10% discount for
        multi-site clinics. I'll bring Keisha in before anything goes to Helen.
      `,
    },
    {
      kind: 'coffee',
      title: 'Coffee with Samuel — how Finance reads a roadmap',
      notes: '"Show me what it replaces, not what it adds." Worth putting on the roadmap template.',
    },
    {
      kind: 'email', within: [540, 505],
      title: 'Sent Samuel the payer-integration business case',
    },
    {
      kind: 'meeting', confidential: true,
      title: 'Samuel — early look at a spending freeze',
      notes: 'In confidence: a discretionary freeze next quarter is likely. Hold the contractor renewals until he confirms. Nothing to the team yet.',
    },
    {
      kind: 'meeting', within: [28, 2],
      title: 'Samuel — reforecast after the board meeting',
      notes: 'Held the eleven roles; two move to the second half. He\'ll note it in the next board update.',
    },
  ],

  keisha: [
    {
      kind: 'meeting',
      title: 'Keisha\'s quarter-end asks, triaged together',
      notes: md`
        Eleven asks. Together:

        - 3 are configuration, not product. Elena's team handles them.
        - 5 go to the council.
        - 3 are one customer each. Politely no.
      `,
    },
    {
      kind: 'meal',
      title: 'Lunch with Keisha — what Sales hears that we don\'t',
      notes: 'Prospects ask about AI in every first call now, mostly to check we won\'t do anything reckless. Useful for the messaging.',
    },
    {
      kind: 'call',
      title: 'Keisha — a roadmap letter for the Lakeshore expansion',
      notes: 'Agreed to a letter that commits to themes, not dates. Ines to review the wording.',
    },
    {
      kind: 'event', with: ['oliver'], within: [400, 360], location: 'Harborview Conference Center',
      title: 'Sales kickoff — gave the product keynote',
      notes: 'Twenty minutes, three customer stories, no feature list (Oliver\'s advice). Keisha\'s reps asked the best questions of the day, about the payer roadmap.',
    },
    {
      kind: 'message',
      title: 'Thanked Keisha for defending the roadmap in the customer QBR',
    },
    {
      kind: 'call',
      title: 'Win/loss review with Keisha',
      notes: 'Lost two deals on integrations, won three on the referral queue. Useful for Kenji\'s priorities.',
    },
  ],

  ines: [
    {
      kind: 'meeting', within: [700, 600],
      title: 'Ines — data-sharing agreement for Pinecrest',
      notes: 'She needed the data-flow diagram; Kenji sent it the same afternoon. Signed within the week.',
    },
    {
      kind: 'email', within: [425, 413],
      title: 'Ines on the Eastside board seat: no conflict',
      notes: 'Checked Eastside against our customer and prospect lists. No overlap. She asked me to recuse from any vendor decision involving Fernhollow partners; of course.',
    },
    {
      kind: 'meeting', within: [170, 125],
      title: 'Privacy review of AI triage with Ines',
      notes: 'Patient data stays in our environment; the vendor sees de-identified text only. She\'ll draft the terms.',
    },
    {
      kind: 'meeting', confidential: true,
      title: 'Ines — privileged briefing on a customer dispute',
      notes: 'A former customer disputes termination fees and cites product defects. Kept to Ines, Thandiwe and me. Nothing in writing outside counsel\'s threads.',
    },
    {
      kind: 'call', within: [50, 10],
      title: 'Ines — terms for the AI triage vendor',
    },
  ],

  aisha: [
    {
      kind: 'meeting',
      title: 'Aisha — my team\'s engagement results',
      notes: 'Up on manager support, down on "I know how decisions are made". The council should help; recheck in six months.',
    },
    {
      kind: 'meeting',
      title: 'Levelling rubric refresh for product — with Aisha',
      notes: 'Added "works across functions" as its own dimension from senior PM up. Priya reviewed the draft.',
    },
    {
      kind: 'coffee',
      title: 'Coffee with Aisha, no agenda',
      notes: 'Mostly about how HR is restructuring. Good just to talk. She mentioned the manager-training pilot needs volunteers; I put forward two of my managers, after asking them.',
    },
    {
      kind: 'message', within: [394, 380],
      title: 'Thanked Aisha for the reorg talking points',
    },
    {
      kind: 'coffee', within: [30, 5],
      title: 'Coffee with Aisha about Sofia\'s next role',
      notes: 'A move to Patient Experience at the end of the APM programme is straightforward. Grace agrees; Sofia asks her herself.',
    },
  ],

  thandiwe: [
    {
      kind: 'meeting',
      title: 'Thandiwe — top ten at-risk accounts, the product view',
      notes: md`
        - 4 are about the referral queue (v2 helps).
        - 3 are implementation delays (Elena).
        - 3 are price; not ours to fix.

        She'll share the list monthly.
      `,
    },
    {
      kind: 'coffee', within: [30, 6],
      title: 'Coffee with Thandiwe — a year after the reorg',
      notes: 'She says Implementation is better off with Elena, and she means it. Told her the rollout numbers are hers as much as ours.',
    },
    {
      kind: 'call',
      title: 'Renewal playbook with Thandiwe',
      notes: 'Product joins every top-20 renewal 120 days out, not 30.',
    },
    {
      kind: 'message', within: [200, 170],
      title: 'Sent Thandiwe the referral-queue v2 release notes first',
    },
    {
      kind: 'meal', within: [300, 40],
      title: 'Lunch with Thandiwe — her team\'s offsite plans',
      notes: 'She asked for a product session at her offsite. Offered to run a roadmap Q&A myself.',
    },
  ],

  oliver: [
    {
      kind: 'meeting', within: [700, 600],
      title: 'Launch story for the intake app — with Oliver',
      notes: 'He wants a nurse at the centre of the launch, not a feature. Yusuf has the right interview.',
    },
    {
      kind: 'coffee', within: [260, 215],
      title: 'Coffee with Oliver — a pipeline of customer stories',
      notes: 'He wants one customer story a month. I\'ll ask Thandiwe for candidates; Rebecca is the obvious first.',
    },
    {
      kind: 'email', within: [205, 150],
      title: 'Sent Oliver the Valley Ridge pilot story',
    },
  ],

  malik: [
    {
      kind: 'meeting',
      title: 'Security design review with Malik — patient messaging',
      notes: 'No patient data in push notifications, ever. Message previews off by default. He signs off once the audit log is in.',
    },
    {
      kind: 'message',
      title: 'Malik — thanks for the weekend pen-test fix',
    },
    {
      kind: 'call',
      title: 'Malik — speeding up vendor security questionnaires',
      notes: 'A shared answer library, owned by his team, fed by ours. Sales cycles should drop by a week.',
    },
  ],

  lucia: [
    {
      kind: 'message',
      title: 'Lucía — the exec calendar in budget season',
    },
    {
      kind: 'other',
      title: 'Flowers for Lucía\'s ten years at Fernhollow',
    },
    {
      kind: 'email',
      title: 'Asked Lucía about an agenda swap for the product review',
      notes: 'She found a better option: move the review, not the agenda item.',
    },
    {
      kind: 'message', within: [11, 9],
      title: 'Thank-you to Lucía for the Circle hosting logistics',
    },
  ],

  evelyn: [
    {
      kind: 'call', within: [700, 660],
      title: 'Evelyn — my first months at Fernhollow',
      notes: 'She asked who my allies were outside Product. Short list. Homework: one coffee a week across functions.',
    },
    {
      kind: 'call',
      title: 'Evelyn — handling roadmap pressure from Sales',
    },
    {
      kind: 'meal', within: [600, 300], location: 'Marigold Dining Room',
      title: 'Lunch with Evelyn — her second board',
      notes: 'She joined a medical-device company\'s board. Asked how she decides which invitations to decline: three questions, which I wrote down.',
    },
    {
      kind: 'call', within: [540, 430],
      title: 'Evelyn — a harder stretch for Priya',
      notes: 'Her suggestion: give Priya something with a board-visible outcome and a real chance of failing. Payer integration fits.',
    },
    {
      kind: 'call', within: [200, 60],
      title: 'Evelyn — my year in review',
      notes: 'She asked what I\'m proudest of. Not the strategy: Priya\'s promotion. She said that is the right answer.',
    },
    {
      kind: 'email', within: [580, 562],
      title: 'Told Evelyn her association advice worked',
    },
    {
      kind: 'call', confidential: true,
      title: 'Evelyn is stepping back from one of her boards',
      notes: 'To focus on her health; she told me before the company announces it. Sent a card, and said nothing else to anyone.',
    },
    {
      kind: 'coffee', within: [300, 250],
      title: 'Coffee with Evelyn — the reorg in hindsight',
      notes: 'What I would do again: manager conversations before the announcement. What I would change: talk to Jonah about his path before the reorg, not after.',
    },
  ],

  marcus: [
    {
      kind: 'call', within: [400, 300],
      title: 'Marcus — how he structures a product org of sixty',
    },
    {
      kind: 'message', within: [300, 200],
      title: 'Congratulations to Marcus on Sablewood\'s launch',
    },
    {
      kind: 'message', within: [50, 20],
      title: 'Sent Marcus the product council charter',
      notes: 'He asked for it at dinner; took me longer than it should have.',
    },
  ],

  hannah: [
    {
      kind: 'coffee', within: [700, 675], location: 'Halyard Coffee',
      title: 'Early coffee with Hannah (ex-Bramble)',
      notes: 'Her team is rebuilding on-call from scratch. Promised to send her ours.',
    },
    {
      kind: 'email', within: [670, 600],
      title: 'Sent Hannah our on-call rotation doc',
    },
    {
      kind: 'call', within: [300, 255],
      title: 'Hannah — a director role at Quayside Financial',
      notes: 'Promoted to director. She wants advice on managing managers; offered to connect her with Wen.',
    },
  ],

  chloe: [
    {
      kind: 'coffee', within: [690, 620],
      title: 'Coffee with Chloe Martin (Harrow & Vale)',
      notes: 'No search, just getting to know each other. She was clear: she calls when there is something real.',
    },
  ],

  ravi: [
    {
      kind: 'call', within: [200, 20],
      title: 'Circle programme planning call with Ravi',
    },
    {
      kind: 'email', within: [170, 120],
      title: 'Suggested Maya as a Circle speaker (after asking her)',
    },
  ],

  naomi: [
    {
      kind: 'call', within: [440, 400],
      title: 'Naomi — how she ran her consolidation',
      notes: 'Asked in general terms; didn\'t share anything about ours. Her best advice: write down what is not changing.',
    },
    {
      kind: 'coffee',
      title: 'Coffee with Naomi — trading hard emails',
      notes: 'She read my draft to a customer whose feature we are cutting and took out every "unfortunately". Better.',
    },
    {
      kind: 'message',
      title: 'Comments on Naomi\'s draft memo to her team',
    },
    {
      kind: 'meal',
      title: 'Lunch with Naomi — she is hiring a head of design',
      notes: 'Offered to ask Amara for names from her network. Amara sent two.',
    },
    {
      kind: 'call', within: [150, 100], confidential: true,
      title: 'Naomi — news about Ostrander, before it\'s public',
      notes: 'Ostrander is being acquired. She doesn\'t know yet whether her role survives. Offered to be a reference, and to introduce her to Chloe only if she wants that.',
    },
  ],

  adaeze: [
    {
      kind: 'email', within: [480, 472],
      title: 'Confirmed my table for Adaeze\'s spring night',
    },
    {
      kind: 'coffee', within: [400, 130],
      title: 'Coffee with Adaeze — could Fernhollow sponsor the chapter?',
      notes: 'Asked Oliver beforehand; marketing can cover one event a year. Adaeze was delighted.',
    },
  ],

  julia: [
    {
      kind: 'call', within: [590, 500],
      title: 'Julia — breaking into health tech',
      notes: md`
        Her insurance background is an asset: claims data and payer workflows. Advice:

        - Lead with that, not away from it.
        - Target payer-facing products first.
        - I'll send her two people to talk to, after asking them.
      `,
    },
    {
      kind: 'other', within: [590, 450],
      title: 'Reviewed Julia\'s CV and portfolio',
    },
    {
      kind: 'coffee', within: [460, 425], confidential: true,
      title: 'Coffee with Julia — weighing an offer',
      notes: 'A health-plan startup made her an offer. She shared the details in confidence. Advised her to negotiate on title and scope rather than cash.',
    },
    {
      kind: 'call', within: [400, 330],
      title: 'Julia — her first 90 days in health',
      notes: 'Learning the clinical vocabulary fast. Her biggest surprise: how much of health care still runs on fax. Suggested she visit a clinic in her first month, as I did.',
    },
    {
      kind: 'message', within: [50, 10],
      title: 'Julia is joining the Circle',
      notes: 'Told Ravi she is coming; asked him to seat her with Naomi.',
    },
  ],

  farid: [
    {
      kind: 'email', within: [600, 420],
      title: 'Farid — the Guild newsletter piece on our interoperability work',
    },
  ],

  rebecca: [
    {
      kind: 'call', within: [200, 60],
      title: 'Rebecca — early feedback on AI triage',
      notes: 'Cautiously positive. Her condition for Valley Ridge: clinicians see why something was escalated, every time.',
    },
    {
      kind: 'email', within: [200, 60],
      title: 'Thanked Rebecca for a reference call with a prospect',
    },
    {
      kind: 'message', within: [500, 340],
      title: 'Rebecca asked for our interoperability roadmap',
    },
  ],

  tomas: [
    {
      kind: 'meeting', with: ['keisha'], within: [700, 690], location: 'Lakeshore Community Clinics — Eastgate site',
      title: 'Lakeshore visit with Keisha — meeting Tomás',
      notes: md`
        Four sites, one shared phone line for referrals. Tomás runs operations with a clipboard and a clear memory of every outage we have had.

        - Promised: a named contact for escalations in Thandiwe's team.
        - Asked: nothing yet.
      `,
    },
    {
      kind: 'call',
      title: 'Tomás — clicks per intake, measured',
      notes: 'He timed it: 4 minutes 10 seconds per intake. Our target for the redesign is under two.',
    },
    {
      kind: 'email', within: [175, 150],
      title: 'Invited Tomás to the customer summit panel',
    },
  ],

  mei: [
    {
      kind: 'event', with: ['kenji'], within: [650, 640], location: 'Pinecrest EHR campus',
      title: 'Pinecrest partner summit — met Mei Tanaka',
    },
    {
      kind: 'call',
      title: 'Mei — Pinecrest\'s roadmap for the next two quarters',
    },
    {
      kind: 'meeting', within: [312, 276],
      title: 'Pinecrest quarterly review — covering for Kenji',
      notes: 'Told Mei only that Kenji is on leave and back soon. She offered to hold their API changes until he returns. Thanked her.',
    },
    {
      kind: 'email',
      title: 'Thanked Mei for the sandbox extension',
    },
    {
      kind: 'email', within: [30, 5],
      title: 'Mei — Pinecrest\'s feedback on the API v3 draft',
      notes: 'They want webhooks before bulk export too. Forwarded to Kenji with thanks to Mei for the fast turnaround.',
    },
  ],

  ben: [
    {
      kind: 'call',
      title: 'Monthly call with Ben — board decks',
      notes: 'Traded decks. His risk slide is better than mine; borrowing the format.',
    },
    {
      kind: 'call',
      title: 'Ben — swapping hiring rubrics',
    },
    {
      kind: 'call',
      title: 'Ben — how he says no to his CEO',
      notes: '"Yes, and here is what moves." The same trick as our council, said to one person.',
    },
    {
      kind: 'call', within: [120, 40], confidential: true,
      title: 'Ben — hard news at Lumenpath',
      notes: 'A reduction in force next month, his team included. Told me before it is public. Offered to pass his people\'s profiles to hiring managers I trust once it is announced, not before.',
    },
    {
      kind: 'meal', with: ['naomi'], within: [260, 30], location: 'Saltgrass Bistro',
      title: 'Dinner with Ben and Naomi',
      notes: 'They had only met in passing at the Circle; by dessert they were swapping board decks. A good evening.',
    },
    {
      kind: 'message', within: [210, 200],
      title: 'Ben\'s board meeting went well',
    },
  ],

  carmen: [
    {
      kind: 'call', within: [160, 110],
      title: 'Carmen — the intake vendor shortlist',
    },
    {
      kind: 'email', within: [160, 110],
      title: 'Sent Carmen a software-buying checklist',
      notes: 'Data export, uptime commitments, who owns the configuration. The things I wish clinics asked us.',
    },
    {
      kind: 'meeting', location: 'Eastside Health Access — Main Street clinic',
      title: 'Clinic visit with Carmen',
      notes: 'Saw intake end to end. Paper forms, re-keyed twice. I can help them buy well; building is not the answer.',
    },
    {
      kind: 'call', within: [40, 2],
      title: 'Carmen — how the new intake system is landing',
      notes: 'Two clinics live, the third delayed by training. She asked whether our implementation team would share their training checklist; I will ask Elena.',
    },
  ],

  gloria: [
    {
      kind: 'other', within: [348, 342],
      title: 'Handwritten note to Gloria after my first board meeting',
    },
  ],
};
