// A synthetic journal for the benchmark, the same for a given seed and size: people with organizations,
// roles and tags; interactions with one to four people each, spread over years, with notes whose lengths
// and vocabulary look like a leader's notes (a Zipf-distributed English core, names, project codenames
// and a long tail of rare words), a few percent confidential.
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Rng } from '../resources/sample/prng.js';

const FIRST = `Priya Ada Grace Omar Lucia Kenji Amara Rafael Ines Samuel Chloe Arjun Fatima Tomas Elena Nnamdi Julia Rohan Aisha Ben
Carmen Gloria Evelyn Rebecca Liam Noah Emma Olivia Mateo Sofia Hugo Zoe Yuki Wei Mei Ravi Anil Sara David Miriam Jonas Astrid Lars
Ingrid Pedro Marta Diego Ana Bruno Clara Felix Nora Oscar Paula Quentin Rosa Stefan Tara Ursula Victor Wanda Xavier Yara Zainab`.split(/\s+/);
const LAST = `Raman Lovelace Hopper Haddad Fernandez Watanabe Osei Costa Lima Achterberg Martin Kapoor Rahman Herrera Petrova Eze Novak
Shah Abernathy Stone Murphy Kowalski Nguyen Schmidt Rossi Dubois Jensen Larsen Silva Santos Okafor Mensah Tanaka Suzuki Kim Park
Chen Wang Singh Patel Cohen Levi Moreau Laurent Berg Lund Nakamura Adeyemi Baptiste Castillo Delgado Ekström Farouk Galli Horvath
Ivanova Jovanovic Kaur Lindqvist Mwangi Nowak Oyelaran Pereira Quinn Ribeiro Sato Takahashi Uchenna Vargas Weber Yilmaz Zhou`.split(/\s+/);
const ORG_A = 'North South East West Blue Red Silver Golden Bright Clear Stone River Valley Harbor Summit Pine Oak Cedar Maple Iron'.split(' ');
const ORG_B = 'Health Capital Labs Systems Partners Analytics Foods Energy Logistics Media Robotics Bank Insurance Pharma Ventures Works'.split(' ');
const ROLES = 'CEO CFO CTO COO VP Engineering, Director of Product, Head of Sales, Board member, Investor, Chief of Staff, Engineering Manager, Staff Engineer, Recruiter, Analyst, General Counsel, Head of People'.split(', ');
const TAGS = 'investor board mentor sponsor customer partner recruiter alumni press advisor peer report hiring finance legal product design sales ops policy'.split(' ');
const KINDS = ['meeting', 'call', 'coffee', 'meal', 'event', 'message', 'email', 'other'] as const;

// The core of a leader's notes, most frequent first (Zipf sampling keeps "the" common and "arbitration" rare).
const CORE = `the and to a of we she he they for on in that is it with about said was will next I her his their our
this be not but as at have from by team plan budget meeting week quarter roadmap hiring offer feedback launch customer board
product decision review goals risk asked agreed follow up call time need more want wants thinks worried happy concerned
support intro introduce role promotion reorg strategy numbers revenue margin pricing contract renewal timeline deadline
headcount director manager engineering sales marketing finance legal design data security platform pilot clinic payer
partner investor seat offsite workshop dinner coffee lunch conference talk panel article podcast mentor sponsor career
growth move leaving joining interview candidate reference search firm equity comp bonus raise performance calibration
conflict trust candid frank blunt tired excited energised stuck blocked unblocked escalate escalation priority priorities
tradeoff trade-offs scope vendor procurement security audit compliance regulator policy memo deck draft slides narrative
story themes council committee charter quarterly annual planning forecast burn runway fundraise round diligence term sheet
acquisition merger integration churn retention onboarding training rollout migration incident outage postmortem`.split(/\s+/);

const SYLLABLES = 'ka lo mi ra ven tor sil dra mon bel fi quo zen tra nus pel var gri osh lum'.split(' ');

export interface GeneratedJournal {
  people: number;
  interactions: number;
  /** Words the query mix uses, chosen from what was generated so rare and common terms really exist. */
  rareWord: string;
  codename: string;
  frequentPerson: string;
  /** The five words in the most notes, commonest first (the harder search mix's worst cases). */
  commonest: string[];
  associations: number;
  exchanges: number;
  asks: number;
  thanks: number;
  commitments: number;
}

/** A Zipf sampler over n ranks: rank r is drawn with probability proportional to 1 / (r + 1). */
function zipf(rng: Rng, n: number): () => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (let r = 0; r < n; r += 1) cumulative.push((sum += 1 / (r + 1)));
  return () => {
    const target = rng.next() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Fills an empty, migrated journal through raw statements in one transaction (the triggers index it). */
export function generate(
  raw: BetterSqlite3.Database,
  options: { people: number; interactions: number; seed: number; bulkIndex?: boolean },
  progress?: (message: string) => void,
): GeneratedJournal {
  const rng = new Rng(options.seed);
  // A long tail of rare made-up words (project codenames, places, jargon) on top of the English core.
  const tail = Array.from({ length: 20_000 }, () => Array.from({ length: rng.int(2, 4) }, () => rng.pick(SYLLABLES)).join(''));
  const vocabulary = [...CORE, ...tail];
  const nextWord = zipf(rng, vocabulary.length);
  const personRank = zipf(rng, options.people);

  const now = Date.UTC(2026, 0, 1);
  const span = 6 * 365 * 86_400_000;
  const stamp = new Date(now).toISOString();
  const names: string[] = [];

  const insertPerson = raw.prepare(
    `INSERT INTO people (name, organization, role, level, inside_org, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTag = raw.prepare(`INSERT OR IGNORE INTO person_tags (person_id, tag) VALUES (?, ?)`);
  const insertInteraction = raw.prepare(
    `INSERT INTO interactions (occurred_at, kind, title, notes, confidential, location, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const link = raw.prepare(`INSERT OR IGNORE INTO interaction_people (interaction_id, person_id) VALUES (?, ?)`);

  const setAssociation = raw.prepare(`UPDATE interactions SET association_id = ? WHERE id = ?`);
  const interactionPeople: number[][] = [];
  const interactionAt: string[] = [];

  raw.transaction(() => {
    const insertAssociation = raw.prepare(
      `INSERT INTO associations (name, category, status, renewal_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const insertGoal = raw.prepare(`INSERT INTO attendance_goals (association_id, from_quarter, events, set_at) VALUES (?, ?, ?, ?)`);
    ASSOCIATIONS.forEach(([name, category, status], index) => {
      insertAssociation.run(name, category, status, '2026-06-30', stamp, stamp);
      if (status === 'focus' || status === 'shortlisted') insertGoal.run(index + 1, '2021-Q1', status === 'focus' ? 1 : 0, stamp);
    });
    const setAlly = raw.prepare(`UPDATE people SET ally_role = ?, cadence_days = ? WHERE id = ?`);
    for (let i = 0; i < options.people; i += 1) {
      const name = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
      names.push(name);
      const org = rng.chance(0.9) ? `${rng.pick(ORG_A)} ${rng.pick(ORG_B)}` : null;
      const id = Number(
        insertPerson.run(name, org, rng.chance(0.8) ? rng.pick(ROLES) : null, rng.pick(['senior', 'peer', 'junior']), rng.int(0, 1), stamp, stamp)
          .lastInsertRowid,
      );
      for (let t = rng.int(0, 3); t > 0; t -= 1) insertTag.run(id, rng.pick(TAGS));
      // One in ten is an ally of some kind with a keep-in-touch cadence: the give-first and cadence queues.
      if (rng.chance(0.1)) setAlly.run(rng.pick(['mentor', 'sponsor', 'ally', 'contact', 'gatekeeper']), rng.pick([14, 30, 60, 90, 180]), id);
    }
    // At a million the insert trigger's index upkeep takes an hour: each INSERT's statement savepoint flushes
    // FTS5's pending terms and merges segments, so FTS5 never batches. From half a million the trigger is set
    // aside for the load and the same rows go into the index in one statement after it. Same rows, same
    // columns; the index is then fully merged, which a journal written entry by entry is not (kinder to
    // search, by a little).
    const bulkIndex = options.bulkIndex ?? options.interactions >= 500_000;
    const insertTrigger = raw.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'interactions_fts_insert'`).pluck().get() as string;
    if (bulkIndex) raw.exec('DROP TRIGGER interactions_fts_insert');
    for (let i = 0; i < options.interactions; i += 1) {
      const count = rng.int(1, 4);
      const people = Array.from({ length: count }, () => personRank() + 1);
      const who = names[people[0]! - 1]!.split(' ')[0]!;
      // Note lengths: most a few sentences, some a page (long-tailed like real notes), a few empty.
      const length = rng.chance(0.08) ? 0 : Math.min(900, Math.round(Math.exp(rng.next() * 2.2 + 2.6)));
      const words: string[] = [];
      for (let w = 0; w < length; w += 1) {
        if (rng.chance(0.02)) words.push(names[personRank()]!.split(' ')[0]!);
        else words.push(vocabulary[nextWord()]!);
        if (rng.chance(0.07)) words[words.length - 1] += rng.chance(0.8) ? '.' : ',';
      }
      const notes = words.join(' ');
      const topic = [vocabulary[nextWord()]!, vocabulary[nextWord()]!];
      const title = `${rng.pick(['Catch-up with', '1:1 with', 'Coffee with', 'Call with', 'Notes from', 'Dinner with'])} ${who} — ${topic.join(' ')}`;
      const at = new Date(now - Math.floor(rng.next() * span)).toISOString();
      const kind = rng.pick(KINDS);
      const id = Number(
        insertInteraction.run(at, kind, title, notes, rng.chance(0.04) ? 1 : 0, rng.chance(0.2) ? `${rng.pick(ORG_A)} office` : null, at, at)
          .lastInsertRowid,
      );
      for (const person of people) link.run(id, person);
      // Events at one of the associations, as the quarterly review counts them.
      if (kind === 'event' && rng.chance(0.6)) setAssociation.run(rng.int(1, ASSOCIATIONS.length), id);
      interactionPeople.push(people);
      interactionAt.push(at);
      if ((i + 1) % 100_000 === 0) progress?.(`${(i + 1).toLocaleString()} interactions written`);
    }
    if (bulkIndex) {
      // FTS5 writes a segment each time its pending terms pass hashsize (1 MB) and merges four at a level
      // as it goes. For the one fill: a 256 MB hash, no merging on the way (but FTS5's crisis merge at 16
      // segments a level; a crisismerge past 1,000 failed the fill with SQLITE_FULL), one 'optimize' at
      // the end, then FTS5's defaults again (what the app's journals have).
      // Literals: FTS5 takes these numbers only as SQL integers, and a bound JS number is a real.
      const fts = (option: string, value: number | null = null) =>
        raw.exec(`INSERT INTO interactions_fts (interactions_fts, rank) VALUES ('${option}', ${value})`);
      fts('hashsize', 256 * 1024 * 1024);
      fts('automerge', 0);
      // In rowid order: FTS5 writes out its pending terms whenever a rowid comes lower than the last, and
      // on a new journal (no statistics yet) the view is read through the timeline's index, by date. That
      // flushed and merged a segment for nearly every row: over half an hour at 1M, instead of seconds.
      raw.exec(`INSERT INTO interactions_fts (rowid, title, public_notes, secret_notes, location)
        SELECT id, title, public_notes, secret_notes, location FROM interactions_search_content ORDER BY id`);
      progress?.('search index filled');
      fts('optimize');
      fts('hashsize', 1024 * 1024);
      fts('automerge', 4);
      progress?.('search index merged');
      raw.prepare(`UPDATE search_revision SET revision = revision + ? WHERE scope = 'interactions'`).run(options.interactions);
      raw.exec(insertTrigger);
    }
    // The same at a million for each person's give-and-take counters: the link triggers count a person's
    // items again from scratch on every link, which for the people met most (thousands of items each)
    // is quadratic; minutes at 1M. Set aside for the load, then the triggers' own statement counts everyone once.
    const counterTriggers = ['person_reciprocity_exchange_link', 'person_reciprocity_ask_link'].map(
      (name) => [name, raw.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`).pluck().get(name) as string] as const,
    );
    if (bulkIndex) for (const [name] of counterTriggers) raw.exec(`DROP TRIGGER ${name}`);
    reciprocity(rng, raw, { people: options.people, interactionAt, interactionPeople, personRank, now });
    if (bulkIndex) {
      const [, exchangeLink] = counterTriggers[0]!;
      const refresh = exchangeLink.slice(exchangeLink.indexOf('BEGIN') + 'BEGIN'.length, exchangeLink.lastIndexOf('END'));
      if (!refresh.includes('IN (new.person_id)')) throw new Error('The reciprocity counters\' trigger changed: update the generator.');
      raw.exec(refresh.replace('IN (new.person_id)', 'IN (SELECT person_id FROM exchange_people UNION SELECT person_id FROM ask_people)'));
      for (const [, sql] of counterTriggers) raw.exec(sql);
      progress?.('give-and-take counted');
    }
  })();

  return describe(raw, { people: options.people, interactions: options.interactions, frequentPerson: names[0]! });
}

/**
 * What the query mix needs to know of a generated journal, read back from it (so a journal kept by
 * `--journal=` is described the same way without generating it again).
 */
export function describe(raw: BetterSqlite3.Database, options: { people: number; interactions: number; frequentPerson?: string }): GeneratedJournal {
  // Chosen after generation so the query mix's rare words exist: a tail word in a handful of notes. At a
  // million interactions every tail word is in more than 30 notes, so fall back to the rarest long word
  // there is (without the fallback, the 1M bench crashed on an undefined query).
  const pick = (sql: string, fallback: string) =>
    ((raw.prepare(sql).pluck().get() as string | undefined) ?? (raw.prepare(fallback).pluck().get() as string | undefined) ?? 'arbitration');
  const rareWord = pick(
    `SELECT term FROM interactions_vocab WHERE col = 'public_notes' AND doc BETWEEN 3 AND 30 AND length(term) >= 7 ORDER BY term LIMIT 1`,
    `SELECT term FROM interactions_vocab WHERE col = 'public_notes' AND doc >= 3 AND length(term) >= 7 ORDER BY doc, term LIMIT 1`,
  );
  const codename = pick(
    `SELECT term FROM interactions_vocab WHERE col = 'public_notes' AND doc BETWEEN 200 AND 2000 AND length(term) >= 8 ORDER BY term LIMIT 1`,
    `SELECT term FROM interactions_vocab WHERE col = 'public_notes' AND length(term) >= 8 ORDER BY abs(doc - ${Math.round(options.interactions / 100)}), term LIMIT 1`,
  );
  const commonest = raw
    .prepare(`SELECT term FROM interactions_vocab WHERE col = 'public_notes' ORDER BY doc DESC LIMIT 5`)
    .pluck()
    .all() as string[];
  const count = (table: string) => raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return {
    people: options.people,
    interactions: options.interactions,
    rareWord,
    codename,
    // Person 1 is the Zipf sampler's first rank: the person met most often.
    frequentPerson: options.frequentPerson ?? (raw.prepare('SELECT name FROM people WHERE id = 1').pluck().get() as string),
    commonest,
    associations: ASSOCIATIONS.length,
    exchanges: count('exchanges'),
    asks: count('asks'),
    thanks: count('thanks'),
    commitments: count('commitments'),
  };
}

const ASSOCIATIONS: [string, string, string][] = [
  ['Product Leaders Forum', 'function', 'focus'],
  ['Health Tech Council', 'industry', 'shortlisted'],
  ['Women in Engineering', 'skill', 'shortlisted'],
  ['Data Stewards Guild', 'skill', 'exploring'],
  ['CFO Roundtable', 'function', 'exploring'],
  ['Regional Founders Club', 'industry', 'past'],
  ['Design Systems Circle', 'skill', 'exploring'],
  ['Board Directors Network', 'other', 'exploring'],
];

const GIVE_WORDS = 'intro to the pricing team|advice on the reorg|the board deck template|a referral for the staff role|an endorsement on the panel|help with the pilot|the hiring rubric|notes from the offsite'.split('|');

/**
 * Gives, receives, asks, thanks and promises at the proportions a busy leader keeps (per 100k interactions:
 * 10k exchanges, 3k asks, 2k thanks, 2k commitments), about the people they meet most, half of them logged
 * with an interaction: so the ledger, the queues, a person's give-and-take and the review see real data.
 */
function reciprocity(
  rng: Rng,
  raw: BetterSqlite3.Database,
  input: { people: number; interactionAt: string[]; interactionPeople: number[][]; personRank: () => number; now: number },
): void {
  const scale = input.interactionAt.length / 100_000;
  const insertExchange = raw.prepare(
    `INSERT INTO exchanges (direction, kind, description, occurred_at, interaction_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const exchangePerson = raw.prepare(`INSERT OR IGNORE INTO exchange_people (exchange_id, person_id) VALUES (?, ?)`);
  const insertAsk = raw.prepare(
    `INSERT INTO asks (direction, description, asked_at, status, resolved_at, interaction_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const askPerson = raw.prepare(`INSERT OR IGNORE INTO ask_people (ask_id, person_id) VALUES (?, ?)`);
  const insertThanks = raw.prepare(`INSERT INTO thanks (exchange_id, thanked_at, note, interaction_id, created_at) VALUES (?, ?, NULL, NULL, ?)`);
  const insertCommitment = raw.prepare(
    `INSERT INTO commitments (direction, person_id, description, due_on, status, done_on, interaction_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Anchored to an interaction (half the time) or free-standing at a random moment with someone often met.
  const anchor = (): { at: string; people: number[]; interactionId: number | null } => {
    if (rng.chance(0.5)) {
      const index = rng.int(0, input.interactionAt.length - 1);
      return { at: input.interactionAt[index]!, people: input.interactionPeople[index]!.slice(0, 1), interactionId: index + 1 };
    }
    return { at: new Date(input.now - Math.floor(rng.next() * 6 * 365 * 86_400_000)).toISOString(), people: [input.personRank() + 1], interactionId: null };
  };
  const received: { id: number; at: string }[] = [];
  for (let i = Math.round(10_000 * scale); i > 0; i -= 1) {
    const { at, people, interactionId } = anchor();
    const direction = rng.chance(0.55) ? 'gave' : 'received';
    const id = Number(
      insertExchange.run(direction, rng.pick(['introduction', 'advice', 'information', 'resource', 'referral', 'endorsement', 'help', 'other']), rng.pick(GIVE_WORDS), at, interactionId, at, at)
        .lastInsertRowid,
    );
    for (const person of people) exchangePerson.run(id, person);
    if (direction === 'received') received.push({ id, at });
  }
  for (let i = Math.round(3_000 * scale); i > 0; i -= 1) {
    const { at, people, interactionId } = anchor();
    const status = rng.pick(['open', 'open', 'fulfilled', 'fulfilled', 'declined', 'withdrawn']);
    const id = Number(
      insertAsk.run(rng.chance(0.6) ? 'i-asked' : 'they-asked', rng.pick(GIVE_WORDS), at, status, status === 'open' ? null : at, interactionId, at, at).lastInsertRowid,
    );
    for (const person of people) askPerson.run(id, person);
  }
  for (let i = Math.min(received.length, Math.round(2_000 * scale)); i > 0; i -= 1) {
    const exchange = received[rng.int(0, received.length - 1)]!;
    insertThanks.run(exchange.id, exchange.at, exchange.at);
  }
  for (let i = Math.round(2_000 * scale); i > 0; i -= 1) {
    const { at, people, interactionId } = anchor();
    const due = new Date(Date.parse(at) + rng.int(1, 60) * 86_400_000).toISOString().slice(0, 10);
    const status = Date.parse(due) > input.now ? 'open' : rng.pick(['done', 'done', 'done', 'dropped', 'open']);
    insertCommitment.run(rng.chance(0.6) ? 'i-owe' : 'owed-to-me', people[0]!, rng.pick(GIVE_WORDS), due, status, status === 'done' ? due : null, interactionId, at, at);
  }
}

/** One markdown file's text per interaction, as a plain-notes user would keep them. */
export function* markdownFiles(raw: BetterSqlite3.Database): Generator<{ id: number; text: string }> {
  const rows = raw.prepare(
    `SELECT i.id, i.occurred_at, i.kind, i.title, i.notes,
            (SELECT group_concat(p.name, ', ') FROM interaction_people ip JOIN people p ON p.id = ip.person_id WHERE ip.interaction_id = i.id) AS people
     FROM interactions i WHERE i.deleted_at IS NULL`,
  );
  for (const row of rows.iterate() as Iterable<{ id: number; occurred_at: string; kind: string; title: string; notes: string; people: string }>) {
    yield {
      id: row.id,
      text: `---\ndate: ${row.occurred_at}\nkind: ${row.kind}\npeople: ${row.people}\n---\n\n# ${row.title}\n\n${row.notes}\n`,
    };
  }
}
