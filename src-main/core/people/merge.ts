import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { JournalError, notFound } from '../errors.js';
import { mergeNetwork } from '../network/links.js';

/** The same limit as PersonFields.notes in the contract. */
const NOTES_LIMIT = 20_000;

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
    // Contact details: the kept person's come first, the duplicate's follow; an email both had is kept once.
    await sql`INSERT OR IGNORE INTO person_emails (person_id, email, label, position)
      SELECT ${intoId}, email, label, position + 1000 FROM person_emails WHERE person_id = ${fromId}`.execute(trx);
    for (const table of ['person_phones', 'person_links'] as const) {
      const value = table === 'person_phones' ? 'phone' : 'url';
      await sql`INSERT INTO ${sql.table(table)} (person_id, position, ${sql.ref(value)}, label)
        SELECT ${intoId}, position + 1000 + (SELECT count(*) FROM ${sql.table(table)} WHERE person_id = ${intoId}), ${sql.ref(value)}, label
        FROM ${sql.table(table)} f WHERE person_id = ${fromId}
          AND NOT EXISTS (SELECT 1 FROM ${sql.table(table)} k WHERE k.person_id = ${intoId} AND k.${sql.ref(value)} = f.${sql.ref(value)})`.execute(trx);
    }
    await trx.updateTable('commitments').set({ person_id: intoId }).where('person_id', '=', fromId).execute();
    // Links and introductions would go with the duplicate (ON DELETE CASCADE): move them first.
    await mergeNetwork(trx, fromId, intoId);
    // The kept person's own give-first choice wins; otherwise the duplicate's carries over.
    await sql`INSERT OR IGNORE INTO give_first_dismissals (person_id, dismissed_at, snoozed_until)
      SELECT ${intoId}, dismissed_at, snoozed_until FROM give_first_dismissals WHERE person_id = ${fromId}`.execute(trx);

    const notes = [into.notes, from.notes].filter(Boolean).join('\n\n') || null;
    // The kept person must stay editable: their notes are held to the same limit as any edit.
    if (notes !== null && notes.length > NOTES_LIMIT) {
      throw new JournalError(
        'invalid-input',
        `Together their notes would be ${notes.length.toLocaleString('en')} characters, over the ${NOTES_LIMIT.toLocaleString('en')} a person’s notes can hold. ` +
          'Shorten the notes of one of them, then merge. Nothing was changed.',
        { intoId: 'Their notes together are too long.' },
      );
    }
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
        birthday: into.birthday ?? from.birthday,
        import_id: into.import_id ?? from.import_id,
        notes,
        created_at: into.created_at < from.created_at ? into.created_at : from.created_at,
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', intoId)
      .execute();
    await trx.deleteFrom('people').where('id', '=', fromId).execute();
  });
}
