// A Confidant JSON export back into a journal: only an empty one (a new journal), in one transaction, so
// a restore either reproduces every row or changes nothing.
import { sql } from 'kysely';
import { z } from 'zod';
import type { RestoreResult } from '../../contract/transfer.js';
import type { JournalDb } from '../db/open.js';
import { schemaVersion } from '../db/migrate.js';
import { JournalError } from '../errors.js';
import { dataTables, EXPORT_FORMAT, EXPORT_VERSION } from './export.js';

const cell = z.union([z.string(), z.number(), z.null()]);
const ExportFile = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int(),
  schemaVersion: z.number().int(),
  tables: z.record(z.string(), z.array(z.record(z.string(), cell))),
});

export async function restoreJournal(journal: JournalDb, text: string): Promise<RestoreResult> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new JournalError('invalid-input', 'This file is not a Confidant export: it is not valid JSON. Nothing was changed.');
  }
  const parsed = ExportFile.safeParse(json);
  if (!parsed.success) throw new JournalError('invalid-input', 'This file is not a Confidant export (it has no journal tables in the expected form). Nothing was changed.');
  const data = parsed.data;
  if (data.version > EXPORT_VERSION || data.schemaVersion > (await schemaVersion(journal.db))) {
    throw new JournalError('invalid-input', 'This export was made by a newer version of Confidant. Update Confidant, then restore it. Nothing was changed.');
  }
  const { db } = journal;
  const known = new Set(await dataTables(db));
  const counts = await sql<{ n: number }>`SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM interactions) + (SELECT count(*) FROM associations) AS n`.execute(db);
  if (Number(counts.rows[0]?.n ?? 0) > 0) {
    throw new JournalError('conflict', 'A journal can be restored only into a new, empty journal, so nothing in this one is overwritten. Nothing was changed.');
  }
  let rows = 0;
  await db.transaction().execute(async (trx) => {
    // Rows reference each other (interactions → people, …); checked at commit, not row by row.
    await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
    for (const [table, list] of Object.entries(data.tables)) {
      if (!known.has(table)) {
        throw new JournalError('invalid-input', `This export has a table Confidant does not know (“${table.slice(0, 40)}”). Nothing was changed.`);
      }
      if (list.length === 0) continue;
      const { rows: info } = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(trx);
      const columns = new Set(info.map((column) => column.name));
      for (const row of list) {
        const names = Object.keys(row).filter((name) => columns.has(name));
        await sql`INSERT INTO ${sql.table(table)} (${sql.join(names.map((name) => sql.ref(name)))}) VALUES (${sql.join(names.map((name) => row[name] ?? null))})`.execute(trx);
        rows += 1;
      }
    }
    // An export made before imports were written in chunks has no completed_at: those imports were
    // finished (one transaction each). Left null, the next open would undo them and delete their people.
    if (known.has('imports')) await sql`UPDATE imports SET completed_at = imported_at WHERE completed_at IS NULL`.execute(trx);
    // Tables go in by name, so links can arrive before their interactions and the counter triggers miss
    // them: count from scratch once everything is in, as the counters migration does.
    await sql`DELETE FROM person_stats`.execute(trx);
    await sql`
      INSERT INTO person_stats (person_id, interaction_count, first_interaction_at, last_interaction_at)
      SELECT ip.person_id, count(*), min(i.occurred_at), max(i.occurred_at)
      FROM interaction_people ip JOIN interactions i ON i.id = ip.interaction_id
      WHERE i.deleted_at IS NULL
      GROUP BY ip.person_id`.execute(trx);
    await sql`
      INSERT OR REPLACE INTO journal_counts (name, n) VALUES
        ('people', (SELECT count(*) FROM people)),
        ('interactions', (SELECT count(*) FROM interactions WHERE deleted_at IS NULL))`.execute(trx);
  });
  const people = data.tables.people?.length ?? 0;
  const interactions = data.tables.interactions?.length ?? 0;
  return { people, interactions, rows };
}
