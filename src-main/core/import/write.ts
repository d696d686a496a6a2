// Writing imported people in bulk: prepared statements on the import thread's connection, inside its one
// transaction (commit.ts).
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { ParsedInput } from '../../contract/contract.js';
import { addressRow, normalizeEmail } from '../people/contacts.js';

type Statement = BetterSqlite3.Statement<unknown[]>;
type PersonFields = ParsedInput<'people.create'>;

/**
 * Adds people as the people form would, fast. Why the order is children first, then the person:
 * the people index (people_fts) is refreshed by a trigger on every row of people, person_tags and
 * person_emails, each one deleting and re-inserting the person's entry. FTS5 writes its pending terms out
 * whenever a rowid comes that is not above the last one, so writing a person and then their tags and
 * emails made a segment per row: 10,000 contacts took minutes. With foreign keys checked at commit
 * (defer_foreign_keys, reset by SQLite at the end of the transaction), the details go in first, when
 * their triggers find no person to index, and the person last: one index entry per person, in rowid
 * order, with its tags and emails already there. Every constraint is still checked, at commit.
 */
export class BulkPeopleWriter {
  private readonly statements: Record<'person' | 'tag' | 'email' | 'phone' | 'link' | 'address' | 'nickname' | 'im' | 'nextId', Statement>;

  constructor(private readonly raw: BetterSqlite3.Database) {
    const prepare = (sql: string) => raw.prepare(sql);
    this.statements = {
      person: prepare(`INSERT INTO people (id, name, organization, role, level, inside_org, department, how_we_met, ally_role, cadence_days, notes, birthday, import_id, created_at, updated_at)
        VALUES (@id, @name, @organization, @role, @level, @inside_org, @department, @how_we_met, @ally_role, @cadence_days, @notes, @birthday, @import_id, @at, @at)`),
      tag: prepare('INSERT OR IGNORE INTO person_tags (person_id, tag) VALUES (?, ?)'),
      email: prepare('INSERT OR IGNORE INTO person_emails (person_id, email, label, position) VALUES (?, ?, ?, ?)'),
      phone: prepare('INSERT INTO person_phones (person_id, position, phone, label) VALUES (?, ?, ?, ?)'),
      link: prepare('INSERT INTO person_links (person_id, position, url, label) VALUES (?, ?, ?, ?)'),
      address: prepare(`INSERT INTO person_addresses (person_id, position, label, street, locality, region, postal_code, country)
        VALUES (@person_id, @position, @label, @street, @locality, @region, @postal_code, @country)`),
      nickname: prepare('INSERT INTO person_nicknames (person_id, position, nickname) VALUES (?, ?, ?)'),
      im: prepare('INSERT INTO person_ims (person_id, position, service, handle, label) VALUES (?, ?, ?, ?, ?)'),
      nextId: prepare('SELECT coalesce(max(id), 0) + 1 FROM people'),
    };
  }

  /** Writes the people (already validated by people.create's schema); returns their ids in order. Inside a transaction only. */
  write(people: readonly PersonFields[], importId: number, at: string): number[] {
    if (!this.raw.inTransaction) throw new Error('BulkPeopleWriter.write runs inside the call’s transaction.');
    this.raw.pragma('defer_foreign_keys = ON');
    const s = this.statements;
    let id = Number(s.nextId.pluck().get());
    const ids: number[] = [];
    for (const fields of people) {
      for (const tag of fields.tags) s.tag.run(id, tag);
      const seen = new Set<string>();
      let position = 0;
      for (const item of fields.emails ?? []) {
        const email = normalizeEmail(item.email);
        if (seen.has(email)) continue;
        seen.add(email);
        s.email.run(id, email, item.label ?? null, position++);
      }
      (fields.phones ?? []).forEach((item, index) => s.phone.run(id, index, item.phone, item.label ?? null));
      (fields.links ?? []).forEach((item, index) => s.link.run(id, index, item.url, item.label ?? null));
      (fields.addresses ?? []).forEach((item, index) => s.address.run({ person_id: id, position: index, ...addressRow(item) }));
      (fields.nicknames ?? []).forEach((nickname, index) => s.nickname.run(id, index, nickname));
      (fields.ims ?? []).forEach((item, index) => s.im.run(id, index, item.service ?? null, item.handle, item.label ?? null));
      s.person.run({
        id, name: fields.name, organization: fields.organization, role: fields.role, level: fields.level ?? null,
        inside_org: fields.insideOrg == null ? null : fields.insideOrg ? 1 : 0, department: fields.department,
        how_we_met: fields.howWeMet, ally_role: fields.allyRole ?? null, cadence_days: fields.cadenceDays ?? null,
        notes: fields.notes, birthday: fields.birthday ?? null, import_id: importId, at,
      });
      ids.push(id);
      id += 1;
    }
    return ids;
  }
}

/**
 * For journals left by the version that wrote imports in chunks, one transaction each (an import is now one
 * transaction and never leaves an unfinished record: commit.ts). Kept because such a journal may exist:
 * deletes what unfinished imports brought in (a crash or a cancel between chunks), and their records:
 * an import is all or nothing. Except for what the person has made their own meanwhile: people from
 * the import are visible between its chunks, and one that was edited, logged with, given to, asked,
 * promised, linked or introduced is kept (deleting them would cascade into those entries), and the
 * import is then recorded as finished with only those people. Synchronous, on the raw connection,
 * before any call is served.
 */
export function undoUnfinishedImports(raw: BetterSqlite3.Database): number {
  const ids = raw.prepare('SELECT id FROM imports WHERE completed_at IS NULL').pluck().all() as number[];
  if (ids.length === 0) return 0;
  let removed = 0;
  const untouched = `import_id = ? AND updated_at = created_at
    AND NOT EXISTS (SELECT 1 FROM interaction_people x WHERE x.person_id = people.id)
    AND NOT EXISTS (SELECT 1 FROM exchange_people x WHERE x.person_id = people.id)
    AND NOT EXISTS (SELECT 1 FROM ask_people x WHERE x.person_id = people.id)
    AND NOT EXISTS (SELECT 1 FROM commitments x WHERE x.person_id = people.id)
    AND NOT EXISTS (SELECT 1 FROM person_ties x WHERE people.id IN (x.person_a_id, x.person_b_id))
    AND NOT EXISTS (SELECT 1 FROM introductions x WHERE people.id IN (x.person_a_id, x.person_b_id, x.introducer_id))`;
  const undo = () => {
    for (const id of ids) {
      removed += raw.prepare(`DELETE FROM people WHERE ${untouched}`).run(id).changes;
      const kept = raw.prepare('SELECT count(*) FROM people WHERE import_id = ?').pluck().get(id) as number;
      if (kept === 0) raw.prepare('DELETE FROM imports WHERE id = ?').run(id);
      else raw.prepare('UPDATE imports SET added = ?, updated = 0, completed_at = imported_at WHERE id = ?').run(kept, id);
    }
  };
  // Inside a call's transaction (import.cancel) it joins it; at open it is its own.
  if (raw.inTransaction) undo();
  else raw.transaction(undo).immediate();
  return removed;
}
