import { sql, type Kysely } from 'kysely';
import type { Migration } from './index.js';

// Shipped migrations are history: never edit one, add the next version instead.
// Each person's give-and-take kept by triggers in the same transaction as every write (#11), as
// person_stats keeps their contacts (0005): the all-time ledger, the give-first queue's last give and
// receive, keep-in-touch's last ask outside a meeting and a person's balance read one row per person
// instead of adding up every exchange and ask on every call. Only live items count: an item logged with
// an interaction in the trash is hidden everywhere, so it is left out here too.

const LIVE = 'LEFT JOIN interactions i ON i.id = x_item.interaction_id WHERE i.deleted_at IS NULL';

/** One exchange aggregate of a person's live exchanges. */
const exchanges = (aggregate: string, direction: 'gave' | 'received', person: string) =>
  `(SELECT ${aggregate} FROM exchange_people x JOIN exchanges x_item ON x_item.id = x.exchange_id ${LIVE}
      AND x.person_id = ${person} AND x_item.direction = '${direction}')`;

/** One ask aggregate of a person's live asks; `also` narrows further. */
const asks = (aggregate: string, direction: 'i-asked' | 'they-asked', person: string, also = '') =>
  `(SELECT ${aggregate} FROM ask_people x JOIN asks x_item ON x_item.id = x.ask_id ${LIVE}
      AND x.person_id = ${person} AND x_item.direction = '${direction}' ${also})`;

/**
 * The counters of the people `people` selects, from scratch: a few index walks over their own links
 * (never anyone else's), and only for people who still exist, so a trigger fired while a person is being
 * deleted cannot bring their row back (people_reciprocity_delete tidies up instead). An upsert, not INSERT OR
 * REPLACE: a trigger's conflict policy is overridden by the statement that fires it, and merging people
 * moves links with INSERT OR IGNORE, which would silently keep the old counts.
 */
const refreshReciprocity = (people: string) => `
  INSERT INTO person_reciprocity
    (person_id, gave, received, last_gave_at, last_received_at, asked, they_asked, last_ask_at, last_loose_ask_at)
  SELECT p.id,
    ${exchanges('count(*)', 'gave', 'p.id')},
    ${exchanges('count(*)', 'received', 'p.id')},
    ${exchanges('max(x_item.occurred_at)', 'gave', 'p.id')},
    ${exchanges('max(x_item.occurred_at)', 'received', 'p.id')},
    ${asks('count(*)', 'i-asked', 'p.id')},
    ${asks('count(*)', 'they-asked', 'p.id')},
    ${asks('max(x_item.asked_at)', 'i-asked', 'p.id')},
    ${asks('max(x_item.asked_at)', 'i-asked', 'p.id', 'AND x_item.interaction_id IS NULL')}
  FROM people p WHERE p.id IN (${people})
  ON CONFLICT (person_id) DO UPDATE SET gave = excluded.gave, received = excluded.received, last_gave_at = excluded.last_gave_at,
    last_received_at = excluded.last_received_at, asked = excluded.asked, they_asked = excluded.they_asked,
    last_ask_at = excluded.last_ask_at, last_loose_ask_at = excluded.last_loose_ask_at;`;

/** Everyone an interaction's exchanges and asks are about. */
const peopleOfInteraction = (id: string) => `
  SELECT person_id FROM exchange_people WHERE exchange_id IN (SELECT id FROM exchanges WHERE interaction_id = ${id})
  UNION SELECT person_id FROM ask_people WHERE ask_id IN (SELECT id FROM asks WHERE interaction_id = ${id})`;

export const reciprocityCounters: Migration = {
  version: 12,
  name: 'reciprocity-counters',
  async up(db: Kysely<unknown>) {
    // No foreign key to people, as person_stats: the links go by cascade while the person is deleted.
    await sql`
      CREATE TABLE person_reciprocity (
        person_id INTEGER PRIMARY KEY,
        gave INTEGER NOT NULL,
        received INTEGER NOT NULL,
        last_gave_at TEXT,
        last_received_at TEXT,
        asked INTEGER NOT NULL,
        they_asked INTEGER NOT NULL,
        last_ask_at TEXT,
        -- An ask of mine sent outside any interaction counts as a contact for keep-in-touch.
        last_loose_ask_at TEXT
      )`.execute(db);
    // The backfill: everyone with an exchange or an ask (the rest have nothing to count).
    await sql
      .raw(refreshReciprocity('SELECT person_id FROM exchange_people UNION SELECT person_id FROM ask_people'))
      .execute(db);

    // A link added, removed or moved: the people on either side are counted again. Removal also fires by
    // cascade when an item (or its interaction) is deleted outright.
    const linkTriggers = (links: 'exchange_people' | 'ask_people', owner: 'exchange_id' | 'ask_id', name: string) => [
      `CREATE TRIGGER person_reciprocity_${name}_link AFTER INSERT ON ${links} BEGIN ${refreshReciprocity('new.person_id')} END`,
      `CREATE TRIGGER person_reciprocity_${name}_unlink AFTER DELETE ON ${links} BEGIN ${refreshReciprocity('old.person_id')} END`,
      `CREATE TRIGGER person_reciprocity_${name}_relink AFTER UPDATE OF ${owner}, person_id ON ${links} BEGIN
        ${refreshReciprocity('old.person_id, new.person_id')}
      END`,
    ];
    const triggers = [
      ...linkTriggers('exchange_people', 'exchange_id', 'exchange'),
      ...linkTriggers('ask_people', 'ask_id', 'ask'),
      // What an item counts as (direction), when (its date follows its interaction's) and whether it is live.
      `CREATE TRIGGER person_reciprocity_exchange_change AFTER UPDATE OF direction, occurred_at, interaction_id ON exchanges
        WHEN old.direction IS NOT new.direction OR old.occurred_at IS NOT new.occurred_at OR old.interaction_id IS NOT new.interaction_id BEGIN
        ${refreshReciprocity('SELECT person_id FROM exchange_people WHERE exchange_id = new.id')}
      END`,
      `CREATE TRIGGER person_reciprocity_ask_change AFTER UPDATE OF direction, asked_at, interaction_id ON asks
        WHEN old.direction IS NOT new.direction OR old.asked_at IS NOT new.asked_at OR old.interaction_id IS NOT new.interaction_id BEGIN
        ${refreshReciprocity('SELECT person_id FROM ask_people WHERE ask_id = new.id')}
      END`,
      // An interaction trashed or restored hides or shows what was logged with it.
      `CREATE TRIGGER person_reciprocity_trash AFTER UPDATE OF deleted_at ON interactions
        WHEN (old.deleted_at IS NULL) <> (new.deleted_at IS NULL) BEGIN
        ${refreshReciprocity(peopleOfInteraction('new.id'))}
      END`,
      `CREATE TRIGGER people_reciprocity_delete AFTER DELETE ON people BEGIN
        DELETE FROM person_reciprocity WHERE person_id = old.id;
      END`,
    ];
    for (const trigger of triggers) await sql.raw(trigger).execute(db);

    // Each person's live contacts by date, kept by triggers beside person_stats: "when did we last speak,
    // as of a day" (keep-in-touch for a past quarter's review) is one seek, where walking a person's links
    // read every interaction they were in (500 people with a cadence at 100,000 interactions).
    await sql`
      CREATE TABLE person_contacts (
        person_id INTEGER NOT NULL,
        occurred_at TEXT NOT NULL,
        interaction_id INTEGER NOT NULL,
        PRIMARY KEY (person_id, occurred_at, interaction_id)
      ) WITHOUT ROWID`.execute(db);
    await sql`
      INSERT INTO person_contacts (person_id, occurred_at, interaction_id)
      SELECT ip.person_id, i.occurred_at, i.id FROM interaction_people ip JOIN interactions i ON i.id = ip.interaction_id
      WHERE i.deleted_at IS NULL`.execute(db);
    const link = (person: string, interaction: string) => `
      INSERT OR IGNORE INTO person_contacts (person_id, occurred_at, interaction_id)
      SELECT ${person}, occurred_at, id FROM interactions WHERE id = ${interaction} AND deleted_at IS NULL;`;
    // By the person's own range of the key, then the interaction: a person's contacts, not everyone's.
    const unlink = (person: string, interaction: string) => `
      DELETE FROM person_contacts WHERE person_id = ${person} AND interaction_id = ${interaction};`;
    const contactTriggers = [
      `CREATE TRIGGER person_contacts_link AFTER INSERT ON interaction_people BEGIN ${link('new.person_id', 'new.interaction_id')} END`,
      // Also fired by the cascade when an interaction or a person is deleted outright.
      `CREATE TRIGGER person_contacts_unlink AFTER DELETE ON interaction_people BEGIN ${unlink('old.person_id', 'old.interaction_id')} END`,
      `CREATE TRIGGER person_contacts_relink AFTER UPDATE OF interaction_id, person_id ON interaction_people BEGIN
        ${unlink('old.person_id', 'old.interaction_id')}
        ${link('new.person_id', 'new.interaction_id')}
      END`,
      // Moved in time, trashed or restored: its people's rows go, and come back where it now is if it is live.
      `CREATE TRIGGER person_contacts_change AFTER UPDATE OF occurred_at, deleted_at ON interactions
        WHEN old.occurred_at IS NOT new.occurred_at OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL) BEGIN
        DELETE FROM person_contacts WHERE interaction_id = old.id
          AND person_id IN (SELECT person_id FROM interaction_people WHERE interaction_id = old.id);
        INSERT OR IGNORE INTO person_contacts (person_id, occurred_at, interaction_id)
          SELECT ip.person_id, new.occurred_at, new.id FROM interaction_people ip WHERE ip.interaction_id = new.id AND new.deleted_at IS NULL;
      END`,
    ];
    for (const trigger of contactTriggers) await sql.raw(trigger).execute(db);
  },
};
