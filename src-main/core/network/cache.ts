import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

// Where the network cannot watch its tables (live.ts: no temporary triggers on a journal opened read-only),
// it reads everything again when the journal changes: total_changes() counts every row this connection
// wrote, and data_version moves when any other connection commits, so between them no write goes unseen.

export async function journalRevision(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ changes: number }>`SELECT total_changes() AS changes`.execute(db);
  const { rows: version } = await sql<{ data_version: number }>`PRAGMA data_version`.execute(db);
  return `${rows[0]?.changes ?? 0}:${version[0]?.data_version ?? 0}`;
}
