import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

// The network figures read the whole journal; at 5,000 people and 100,000 interactions that is seconds on a
// busy laptop, too slow to redo on every visit. They are kept until the journal changes: total_changes()
// counts every row this connection wrote (the worker's is the only one that writes), and data_version moves
// when any other connection commits, so between them no write goes unseen.

export async function journalRevision(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ changes: number }>`SELECT total_changes() AS changes`.execute(db);
  const { rows: version } = await sql<{ data_version: number }>`PRAGMA data_version`.execute(db);
  return `${rows[0]?.changes ?? 0}:${version[0]?.data_version ?? 0}`;
}

/** One cached answer per key (the call and its clock); a write anywhere makes every entry stale. */
export class RevisionCache {
  private revision = '';
  private readonly entries = new Map<string, Promise<unknown>>();

  async get<T>(db: Kysely<Database>, key: string, compute: () => Promise<T>): Promise<T> {
    const revision = await journalRevision(db);
    if (revision !== this.revision) {
      this.entries.clear();
      this.revision = revision;
    }
    let entry = this.entries.get(key) as Promise<T> | undefined;
    if (!entry) {
      entry = compute();
      this.entries.set(key, entry);
      // A failed computation is not kept: the next visit tries again.
      entry.catch(() => this.entries.delete(key));
      // Keep a handful: the screen's lens and the map, not every clock a test ever passed.
      if (this.entries.size > 16) this.entries.delete(this.entries.keys().next().value!);
    }
    return entry;
  }
}
