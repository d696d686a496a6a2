import { sql, type Kysely } from 'kysely';
import type { Migration } from './index.js';

// Shipped migrations are history: never edit one, add the next version instead.
// Each person's live contacts by date (#11). The quarterly review counts the people seen in its quarter:
// read from the quarter's entries, that was a seek into their links per entry (42,000 at a million, spread
// over the whole table: 150 ms); by date in person_contacts it is one range of this index, read alone.
export const contactsByDate: Migration = {
  version: 15,
  name: 'contacts-by-date',
  async up(db: Kysely<unknown>) {
    await sql`CREATE INDEX person_contacts_date ON person_contacts (occurred_at, person_id)`.execute(db);
  },
};
