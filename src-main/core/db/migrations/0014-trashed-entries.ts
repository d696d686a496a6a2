import { sql, type Kysely } from 'kysely';
import type { Migration } from './index.js';

// Shipped migrations are history: never edit one, add the next version instead.
// Trashed entries by their id, and exchanges' entries by their date (#11). Every reciprocity figure leaves
// out help logged with a trashed entry: each exchange of a period was looked up among all the entries
// (1,000,000 at the million journal), a random read per exchange and most of give-first's 123 ms. The
// trashed ones are a handful, so "not trashed" is a seek in a tiny index; and the exchange's entry rides
// in its date index, so the period's exchanges are read from the index alone.
export const trashedEntries: Migration = {
  version: 14,
  name: 'trashed-entries',
  async up(db: Kysely<unknown>) {
    await sql`CREATE INDEX interactions_trashed ON interactions (id) WHERE deleted_at IS NOT NULL`.execute(db);
    // Same name, one more column: the queries that name it (INDEXED BY) read the entry from it.
    await sql`DROP INDEX exchanges_occurred`.execute(db);
    await sql`CREATE INDEX exchanges_occurred ON exchanges (occurred_at, direction, interaction_id)`.execute(db);
  },
};
