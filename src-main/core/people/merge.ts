import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { notFound } from '../errors.js';
import { mergeNetwork } from '../network/links.js';

/**
 * Merges a duplicate person into another, in one transaction: every link (interactions, exchanges, asks,
 * tags, commitments) moves to the person kept, links they both had collapse into one, blank details are
 * filled from the duplicate, and the duplicate is deleted. Counting per person then counts each exchange
 * once for the merged person, so balances stay right.
 */
export async function mergePeople(db: Kysely<Database>, fromId: number, intoId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const [from, into] = await Promise.all([
      trx.selectFrom('people').selectAll().where('id', '=', fromId).executeTakeFirst(),
      trx.selectFrom('people').selectAll().where('id', '=', intoId).executeTakeFirst(),
    ]);
    if (!from) throw notFound('person', fromId);
    if (!into) throw notFound('person', intoId);

    // INSERT OR IGNORE collapses a link both people had (the primary key) into one.
    for (const [table, owner] of [
      ['interaction_people', 'interaction_id'],
      ['exchange_people', 'exchange_id'],
      ['ask_people', 'ask_id'],
      ['person_tags', 'tag'],
    ] as const) {
      await sql`INSERT OR IGNORE INTO ${sql.table(table)} (${sql.ref(owner)}, person_id)
        SELECT ${sql.ref(owner)}, ${intoId} FROM ${sql.table(table)} WHERE person_id = ${fromId}`.execute(trx);
      await sql`DELETE FROM ${sql.table(table)} WHERE person_id = ${fromId}`.execute(trx);
    }
    await trx.updateTable('commitments').set({ person_id: intoId }).where('person_id', '=', fromId).execute();
    // Links and introductions would go with the duplicate (ON DELETE CASCADE): move them first.
    await mergeNetwork(trx, fromId, intoId);
    // The kept person's own give-first choice wins; otherwise the duplicate's carries over.
    await sql`INSERT OR IGNORE INTO give_first_dismissals (person_id, dismissed_at, snoozed_until)
      SELECT ${intoId}, dismissed_at, snoozed_until FROM give_first_dismissals WHERE person_id = ${fromId}`.execute(trx);

    const notes = [into.notes, from.notes].filter(Boolean).join('\n\n') || null;
    await trx
      .updateTable('people')
      .set({
        organization: into.organization ?? from.organization,
        role: into.role ?? from.role,
        level: into.level ?? from.level,
        inside_org: into.inside_org ?? from.inside_org,
        department: into.department ?? from.department,
        how_we_met: into.how_we_met ?? from.how_we_met,
        ally_role: into.ally_role ?? from.ally_role,
        cadence_days: into.cadence_days ?? from.cadence_days,
        notes,
        created_at: into.created_at < from.created_at ? into.created_at : from.created_at,
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', intoId)
      .execute();
    await trx.deleteFrom('people').where('id', '=', fromId).execute();
  });
}
