import { sql, type Kysely } from 'kysely';
import type { Migration } from './index.js';

// Shipped migrations are history: never edit one, add the next version instead.
// Indexes for the screens that read interactions by something other than their place on the timeline
// (#11). An interaction's deleted_at and association_id come after its notes in the row, and a long
// note spills onto overflow pages: testing "is this entry live?" by reading the row walks that chain.
// These indexes answer from the index alone.
export const screenIndexes: Migration = {
  version: 10,
  name: 'performance',
  async up(db: Kysely<unknown>) {
    // Every exchange, ask, thank-you and commitment hides when its interaction is trashed: a join on id
    // that only needs deleted_at (and, for the review, when and what kind). Covering, so no row is read.
    await sql`CREATE INDEX interactions_live ON interactions (id, deleted_at, occurred_at, kind, association_id)`.execute(db);
    // Events attended, by when: the associations' attendance and the quarterly review's event count.
    await sql`CREATE INDEX interactions_events ON interactions (kind, occurred_at, association_id) WHERE deleted_at IS NULL`.execute(db);
    // The ledger's first exchange and the queues' "this year" windows start from a date.
    await sql`CREATE INDEX exchanges_occurred ON exchanges (occurred_at, direction)`.execute(db);
  },
};
