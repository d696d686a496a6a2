import type { AssociationCategory, AssociationRole, AssociationStatus } from '../../src-main/contract/contract.js';

// Habit 8 in the sample: three associations tried two years ago, the Product Leaders Circle chosen as the
// focus (day 586) and attended about once a quarter since; Women in Product kept on the shortlist, the
// Guild let go, and one new name being explored. Events are named by their storyline titles.
export interface AssociationSpec {
  name: string;
  category: AssociationCategory;
  website?: string;
  notes?: string;
  myRole?: AssociationRole;
  /** Days from the load day; negative is past. */
  renewalInDays?: number;
  status: AssociationStatus;
  /** Each goal holds from the quarter containing that day (days ago) on. */
  goals?: { fromDaysAgo: number; events: number }[];
  events: string[];
}

export const associations: AssociationSpec[] = [
  {
    name: 'Product Leaders Circle',
    category: 'function',
    website: 'productleaderscircle.example',
    notes: 'Peers at my level, in person every quarter. On the programme committee since the spring.',
    myRole: 'board',
    renewalInDays: 41,
    status: 'focus',
    goals: [{ fromDaysAgo: 586, events: 1 }],
    events: [
      'Product Leaders Circle — first meetup, as a guest',
      'Circle meetup #2 — roadmap reviews that don\'t turn into theatre',
      'Circle spring session — pricing platform products',
      'Circle summer evening — product ops roundtable',
      'Circle autumn session — leading through a reorg',
      'Spoke at the Circle: running a product council that decides things',
      'Circle spring session — first one on the programme committee',
      'Circle summer roundtable — AI in the product org',
      'Hosted the Circle\'s autumn session at Fernhollow',
    ],
  },
  {
    name: 'Women in Product',
    category: 'function',
    website: 'womeninproduct.example/chapters',
    notes: 'Mentoring nights twice a year; Adaeze runs the chapter.',
    myRole: 'volunteer',
    renewalInDays: 160,
    status: 'shortlisted',
    events: [
      'Women in Product — chapter evening',
      'Hosted a table at the Women in Product mentoring night',
      'WiP spring mentoring night',
      'Moderated the WiP panel "From PM to product leader"',
      'WiP mentoring night — brought Sofia along',
    ],
  },
  {
    name: 'Digital Health Product Guild',
    category: 'industry',
    website: 'dhpguild.example',
    notes: 'Most relevant to our domain, most vendor-heavy. Newsletter and maybe the annual summit.',
    status: 'past',
    events: ['Digital Health Product Guild — local meetup', 'Guild meetup — data-exchange rules panel', 'Digital Health Product Summit — day one'],
  },
  {
    name: 'Health Data Leaders Forum',
    category: 'industry',
    notes: 'Rebecca mentioned it. Quarterly breakfasts; worth one visit before deciding.',
    status: 'exploring',
    events: [],
  },
];
