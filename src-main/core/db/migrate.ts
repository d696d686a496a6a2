import { sql, type Kysely } from 'kysely';
import { JournalError } from '../errors.js';
import { migrations as registered, type Migration } from './migrations/index.js';

export async function schemaVersion<DB>(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db);
  return rows[0]?.user_version ?? 0;
}

/**
 * Brings the journal up to the newest schema, one version at a time.
 *
 * Each migration and its version bump run in one transaction (Kysely's Migrator does not wrap SQLite
 * migrations in one), so a migration that fails half-way leaves both the schema and the version as they
 * were. A journal written by a newer Confidant is refused before anything is touched.
 */
export async function migrate<DB>(db: Kysely<DB>, migrations: readonly Migration[] = registered): Promise<number> {
  assertIncreasing(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const current = await schemaVersion(db);
  if (current > latest) {
    throw new JournalError(
      'future-version',
      `This journal was written by a newer version of Confidant (schema ${current}; this app knows up to ${latest}). ` +
        'Update Confidant to open it. The file has not been changed.',
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    await db.transaction().execute(async (trx) => {
      await migration.up(trx as unknown as Kysely<unknown>);
      // PRAGMA takes no bound parameters; the version is an integer we checked above.
      await sql.raw(`PRAGMA user_version = ${migration.version}`).execute(trx);
    });
  }
  return schemaVersion(db);
}

function assertIncreasing(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const expected = index + 1;
    if (!Number.isInteger(migration.version) || migration.version !== expected) {
      throw new Error(`Migration "${migration.name}" has version ${migration.version}; expected ${expected}.`);
    }
  });
}
