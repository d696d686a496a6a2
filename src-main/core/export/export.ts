// Everything out: the whole journal as JSON (docs/export-format.md), people and interactions as CSV,
// Markdown (one file per person, zipped with fflate), and a plain copy of the journal file (see journalCopy). Confidential notes are left out unless the caller asks for them.
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import { sql, type Kysely } from 'kysely';
import Papa from 'papaparse';
import type { ExportFile } from '../../contract/transfer.js';
import { applyCipherKey } from '../crypto/cipher.js';
import { secureRemove } from '../crypto/vault.js';
import type { JournalDb } from '../db/open.js';
import { schemaVersion } from '../db/migrate.js';
import type { Database } from '../db/schema.js';
import { formatAddress } from '../people/contacts.js';

export const EXPORT_FORMAT = 'confidant-journal';
export const EXPORT_VERSION = 1;

/** The note kept in place of a confidential entry's notes when they are left out. */
export const LEFT_OUT = '';

const day = () => new Date().toISOString().slice(0, 10);

/**
 * The tables an export holds: every table of journal data in the file, found from the schema itself so a
 * table added by a later migration is exported without anyone remembering to. Left out: the search
 * indexes (rebuilt from the rows by their triggers), the search revision counter, and the counters that
 * triggers keep (person_stats, journal_counts, and the network's co_attendance and co_pairs: restoring the
 * rows rebuilds them).
 */
export async function dataTables(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT name FROM sqlite_master
    WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
      AND name NOT LIKE '%_fts_%' AND name NOT IN ('search_revision', 'person_stats', 'journal_counts', 'co_attendance', 'co_pairs')
    ORDER BY name`.execute(db);
  return rows.map((row) => row.name);
}

export interface JournalExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  schemaVersion: number;
  exportedAt: string;
  includesConfidentialNotes: boolean;
  tables: Record<string, Record<string, string | number | null>[]>;
}

export async function journalExport(db: Kysely<Database>, includeConfidential: boolean): Promise<JournalExport> {
  const tables: JournalExport['tables'] = {};
  for (const table of await dataTables(db)) {
    // Entries in the trash (deleted, kept for undo) are not exported: they are not in the journal any more.
    const where = table === 'interactions' ? sql`WHERE deleted_at IS NULL` : sql``;
    const { rows } = await sql<Record<string, string | number | null>>`SELECT * FROM ${sql.table(table)} ${where} ORDER BY rowid`.execute(db).catch(
      // WITHOUT ROWID tables have no rowid; their primary key orders them.
      () => sql<Record<string, string | number | null>>`SELECT * FROM ${sql.table(table)} ${where}`.execute(db),
    );
    tables[table] = rows.map((row) => (table === 'interactions' && row.confidential === 1 && !includeConfidential ? { ...row, notes: LEFT_OUT } : row));
  }
  if (tables.interactions) {
    const live = new Set(tables.interactions.map((row) => row.id));
    for (const [table, column] of [['interaction_people', 'interaction_id']] as const) {
      if (tables[table]) tables[table] = tables[table].filter((row) => live.has(row[column] ?? -1));
    }
  }
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    schemaVersion: await schemaVersion(db),
    exportedAt: new Date().toISOString(),
    includesConfidentialNotes: includeConfidential,
    tables,
  };
}

export async function exportJson(db: Kysely<Database>, input: { includeConfidential: boolean }): Promise<ExportFile> {
  const data = await journalExport(db, input.includeConfidential);
  return { suggestedName: `Confidant journal ${day()}.json`, content: JSON.stringify(data, null, 2), kind: 'json' };
}

/** Spreadsheet-friendly: a UTF-8 BOM so Excel reads accents right, ISO dates, CRLF rows. */
function csvText(rows: (string | number | null | undefined)[][], headers: string[]): string {
  return `\uFEFF${Papa.unparse({ fields: headers, data: rows }, { newline: '\r\n' })}\r\n`;
}

export async function exportCsv(db: Kysely<Database>, input: { table: 'people' | 'interactions'; includeConfidential: boolean }): Promise<ExportFile> {
  if (input.table === 'people') {
    const { rows } = await sql<Record<string, string | number | null>>`
      SELECT p.*,
        (SELECT group_concat(tag, ', ') FROM (SELECT tag FROM person_tags WHERE person_id = p.id ORDER BY tag)) AS tags,
        (SELECT group_concat(email, '; ') FROM (SELECT email FROM person_emails WHERE person_id = p.id ORDER BY position)) AS emails,
        (SELECT group_concat(phone, '; ') FROM (SELECT phone FROM person_phones WHERE person_id = p.id ORDER BY position)) AS phones,
        (SELECT group_concat(url, ' ') FROM (SELECT url FROM person_links WHERE person_id = p.id ORDER BY position)) AS links,
        (SELECT group_concat(nickname, '; ') FROM (SELECT nickname FROM person_nicknames WHERE person_id = p.id ORDER BY position)) AS nicknames,
        (SELECT group_concat(im, '; ') FROM (SELECT CASE WHEN service IS NULL THEN handle ELSE service || ': ' || handle END AS im FROM person_ims WHERE person_id = p.id ORDER BY position)) AS ims,
        (SELECT count(*) FROM interaction_people ip JOIN interactions i ON i.id = ip.interaction_id WHERE ip.person_id = p.id AND i.deleted_at IS NULL) AS interactions,
        (SELECT max(i.occurred_at) FROM interaction_people ip JOIN interactions i ON i.id = ip.interaction_id WHERE ip.person_id = p.id AND i.deleted_at IS NULL) AS last_at
      FROM people p ORDER BY p.name COLLATE NOCASE`.execute(db);
    const addresses = await addressesByPerson(db);
    const headers = ['Name', 'Organization', 'Function', 'Role', 'Level', 'Inside my organization', 'Ally role', 'Tags', 'Emails', 'Phones', 'Profile links',
      'Nicknames', 'Addresses', 'Messaging', 'Birthday', 'How we met', 'Their goal', 'Keep in touch every (days)', 'Notes', 'Interactions', 'Last contact', 'Added'];
    const data = rows.map((row) => [
      row.name, row.organization, row.department, row.role, row.level, row.inside_org === null ? '' : row.inside_org === 1 ? 'yes' : 'no', row.ally_role,
      // Addresses one per line in their cell: a spreadsheet shows them as written on an envelope.
      row.tags, row.emails, row.phones, row.links, row.nicknames, (addresses.get(Number(row.id)) ?? []).join('\n'), row.ims, row.birthday, row.how_we_met, row.goal, row.cadence_days, row.notes, row.interactions,
      typeof row.last_at === 'string' ? row.last_at.slice(0, 10) : '', String(row.created_at).slice(0, 10),
    ]);
    return { suggestedName: `Confidant people ${day()}.csv`, content: csvText(data, headers), kind: 'csv' };
  }
  const { rows } = await sql<Record<string, string | number | null>>`
    SELECT i.*, a.name AS association,
      (SELECT group_concat(name, '; ') FROM (SELECT p.name FROM interaction_people ip JOIN people p ON p.id = ip.person_id WHERE ip.interaction_id = i.id ORDER BY p.name)) AS people
    FROM interactions i LEFT JOIN associations a ON a.id = i.association_id
    WHERE i.deleted_at IS NULL ORDER BY i.occurred_at, i.id`.execute(db);
  const headers = ['Date', 'Kind', 'Title', 'People', 'Location', 'Association', 'Confidential', 'Notes'];
  const data = rows.map((row) => [
    row.occurred_at, row.kind, row.title, row.people, row.location, row.association, row.confidential === 1 ? 'yes' : 'no',
    row.confidential === 1 && !input.includeConfidential ? '' : row.notes,
  ]);
  return { suggestedName: `Confidant interactions ${day()}.csv`, content: csvText(data, headers), kind: 'csv' };
}

/** Each person's addresses, one line each ("Home: 1 Main St, 62701 Springfield IL, USA"). */
async function addressesByPerson(db: Kysely<Database>): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>();
  for (const row of await db.selectFrom('person_addresses').selectAll().orderBy('person_id').orderBy('position').execute()) {
    const text = formatAddress({ label: row.label, street: row.street, locality: row.locality, region: row.region, postalCode: row.postal_code, country: row.country });
    map.set(row.person_id, [...(map.get(row.person_id) ?? []), row.label ? `${row.label}: ${text}` : text]);
  }
  return map;
}

function slug(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'person';
}

/** One Markdown file per person, with their details and history, in a zip (plus an index). */
export async function exportMarkdown(db: Kysely<Database>, input: { includeConfidential: boolean }): Promise<ExportFile> {
  const people = await db.selectFrom('people').selectAll().orderBy(sql`name COLLATE NOCASE`).execute();
  const emails = await db.selectFrom('person_emails').selectAll().orderBy('position').execute();
  const phones = await db.selectFrom('person_phones').selectAll().orderBy('position').execute();
  const links = await db.selectFrom('person_links').selectAll().orderBy('position').execute();
  const tags = await db.selectFrom('person_tags').selectAll().orderBy('tag').execute();
  const nicknames = await db.selectFrom('person_nicknames').selectAll().orderBy('position').execute();
  const ims = await db.selectFrom('person_ims').selectAll().orderBy('position').execute();
  const addresses = await addressesByPerson(db);
  const { rows: history } = await sql<{ person_id: number; occurred_at: string; kind: string; title: string; notes: string; confidential: number; location: string | null }>`
    SELECT ip.person_id, i.occurred_at, i.kind, i.title, i.notes, i.confidential, i.location
    FROM interaction_people ip JOIN interactions i ON i.id = ip.interaction_id
    WHERE i.deleted_at IS NULL ORDER BY i.occurred_at DESC, i.id DESC`.execute(db);
  const files: Record<string, Uint8Array> = {};
  const used = new Set<string>();
  const index: string[] = ['# People', '', `Exported from Confidant on ${day()}.${input.includeConfidential ? ' Confidential notes are included.' : ' Confidential notes are left out.'}`, ''];
  for (const person of people) {
    let name = slug(person.name);
    for (let n = 2; used.has(name); n++) name = `${slug(person.name)}-${n}`;
    used.add(name);
    const lines = [`# ${person.name}`, ''];
    const detail = (label: string, value: string | number | null | undefined) => {
      if (value !== null && value !== undefined && value !== '') lines.push(`- **${label}:** ${value}`);
    };
    detail('Role', person.role);
    detail('Organization', person.organization);
    detail('Function', person.department);
    detail('Ally role', person.ally_role);
    detail('Level', person.level);
    detail('Email', emails.filter((row) => row.person_id === person.id).map((row) => row.email).join(', '));
    detail('Phone', phones.filter((row) => row.person_id === person.id).map((row) => row.phone).join(', '));
    detail('Profile', links.filter((row) => row.person_id === person.id).map((row) => row.url).join(' '));
    detail('Nickname', nicknames.filter((row) => row.person_id === person.id).map((row) => row.nickname).join(', '));
    detail('Messaging', ims.filter((row) => row.person_id === person.id).map((row) => (row.service ? `${row.service}: ${row.handle}` : row.handle)).join(', '));
    for (const address of addresses.get(person.id) ?? []) detail('Address', address);
    detail('Birthday', person.birthday);
    detail('Tags', tags.filter((row) => row.person_id === person.id).map((row) => row.tag).join(', '));
    detail('Keep in touch every', person.cadence_days ? `${person.cadence_days} days` : null);
    detail('How we met', person.how_we_met);
    detail('Their goal', person.goal);
    if (person.notes) lines.push('', '## Notes', '', person.notes);
    const theirs = history.filter((row) => row.person_id === person.id);
    lines.push('', '## History', '');
    if (theirs.length === 0) lines.push('Nothing logged yet.');
    for (const entry of theirs) {
      lines.push(`### ${entry.occurred_at.slice(0, 10)} · ${entry.title}`, '', `*${entry.kind}${entry.location ? ` · ${entry.location}` : ''}${entry.confidential ? ' · confidential' : ''}*`, '');
      if (entry.confidential && !input.includeConfidential) lines.push('_A confidential entry: its notes are left out of this export._', '');
      else if (entry.notes) lines.push(entry.notes, '');
    }
    files[`people/${name}.md`] = strToU8(`${lines.join('\n')}\n`);
    index.push(`- [${person.name}](people/${name}.md)`);
  }
  files['README.md'] = strToU8(`${index.join('\n')}\n`);
  const zip = zipSync(files, { level: 6 });
  return { suggestedName: `Confidant people ${day()}.zip`, content: { base64: Buffer.from(zip).toString('base64') }, kind: 'zip' };
}

/**
 * A consistent copy of the journal file, taken while the journal stays open (other calls wait for it;
 * writes in the WAL are included), written to a private temp file, read, removed.
 *
 * A plain journal is copied with SQLite's online backup API. An encrypted one (#12) cannot be: the backup
 * API refuses an encrypted source, and SQLite3 Multiple Ciphers has no `sqlcipher_export`. So VACUUM INTO
 * writes a copy under the journal's own key, which is then opened with that key, taken out of WAL (a rekey
 * cannot run in WAL mode) and rekeyed to no key: a plain SQLite file any SQLite tool opens. This is the
 * one explicit "plain copy" the issue allows; the dialog says so. The temp file held plain pages, so it is
 * overwritten before it is deleted.
 */
export async function journalCopy(journal: JournalDb, key: Buffer | null = null): Promise<ExportFile> {
  const path = join(tmpdir(), `confidant-copy-${randomUUID()}.sqlite`);
  try {
    if (key) {
      journal.raw.prepare('VACUUM INTO ?').run(path);
      const copy = new BetterSqlite3(path, { fileMustExist: true });
      try {
        applyCipherKey(copy, key);
        copy.pragma('journal_mode = DELETE');
        copy.pragma("rekey = ''");
      } finally {
        copy.close();
      }
    } else {
      await journal.raw.backup(path);
    }
    const bytes = await readFile(path);
    return { suggestedName: `Confidant journal copy ${day()}.sqlite`, content: { base64: bytes.toString('base64') }, kind: 'sqlite' };
  } finally {
    for (const leftover of [path, `${path}-journal`]) secureRemove(leftover);
  }
}
