import { sql, type Kysely } from 'kysely';
import type { Migration } from './index.js';

// Shipped migrations are history: never edit one, add the next version instead.
// Asks by their date (#11). "Only asks lately" starts from the asks of the last six months, and the
// ledger's periods, the network's overview and its live figures add up a period's asks: each read every
// ask (3,000 at 100,000 interactions) to keep a few hundred. Direction and the interaction ride along, so
// a window's asks of mine, loose or logged with an entry, are read from the index alone.
export const asksByDate: Migration = {
  version: 13,
  name: 'asks-by-date',
  async up(db: Kysely<unknown>) {
    await sql`CREATE INDEX asks_asked ON asks (asked_at, direction, interaction_id)`.execute(db);
  },
};
