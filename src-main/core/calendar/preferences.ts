import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

// The user's own choices kept in the journal as JSON values, one row per key. Read with a fallback, so a
// journal that never set one behaves as the default and a value from a newer version cannot crash it.

export async function readPreference<T>(db: Db, key: string, fallback: T, accept: (value: unknown) => value is T): Promise<T> {
  const row = await db.selectFrom('preferences').select('value').where('key', '=', key).executeTakeFirst();
  if (!row) return fallback;
  try {
    const value: unknown = JSON.parse(row.value);
    return accept(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

export async function writePreference(db: Db, key: string, value: unknown): Promise<void> {
  const text = JSON.stringify(value);
  await db
    .insertInto('preferences')
    .values({ key, value: text })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: text }))
    .execute();
}
