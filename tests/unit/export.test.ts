import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { unzipSync, strFromU8 } from 'fflate';
import Papa from 'papaparse';
import type { ExportFile } from '../../src-main/contract/contract.js';
import { dataTables } from '../../src-main/core/export/export.js';
import { addInteraction, addPerson, call, describe, expect, openTestJournal, refusal, test } from './helpers.js';

const SECRET = 'MARKER-CONFIDENCE-7f3a';
const OPEN = 'MARKER-OPEN-NOTE-19c2';

const text = (file: ExportFile) => (typeof file.content === 'string' ? file.content : Buffer.from(file.content.base64, 'base64').toString('utf8'));
const bytes = (file: ExportFile) => (typeof file.content === 'string' ? Buffer.from(file.content) : Buffer.from(file.content.base64, 'base64'));

/** Every row of every data table, for comparing two journals. */
function everything(raw: BetterSqlite3.Database, tables: string[]) {
  return Object.fromEntries(tables.map((table) => [table, raw.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all()]));
}

describe('JSON export', () => {
  test('the sample journal round-trips into an empty journal: every row of every table, and search works there', async ({ journal, journalDb, dir }) => {
    await call(journal, 'journal.loadSample');
    const ana = await addPerson(journal, { name: 'Ana Import', emails: [{ email: 'ana@x.example', label: 'work' }], birthday: '--02-29', phones: [{ phone: '555', label: null }] });
    await addInteraction(journal, { title: 'A secret chat', notes: SECRET, confidential: true, personIds: [ana] });
    const file = await call(journal, 'export.json', { includeConfidential: true });
    expect(file).toMatchObject({ kind: 'json', suggestedName: expect.stringMatching(/^Confidant journal \d{4}-\d{2}-\d{2}\.json$/) });
    const data = JSON.parse(text(file));
    expect(data).toMatchObject({ format: 'confidant-journal', version: 1, includesConfidentialNotes: true });
    const tables = await dataTables(journalDb.db);
    expect(Object.keys(data.tables).sort()).toEqual(tables);
    for (const table of ['people', 'interactions', 'exchanges', 'asks', 'thanks', 'commitments', 'associations', 'attendance_goals', 'person_emails']) {
      expect(data.tables[table].length, table).toBeGreaterThan(0);
    }

    const copy = await openTestJournal(join(dir, 'restored.sqlite'));
    try {
      const restored = await call(copy.journal, 'import.restoreJournal', { text: text(file) });
      expect(restored.people).toBe(data.tables.people.length);
      expect(everything(copy.journalDb.raw, tables)).toEqual(everything(journalDb.raw, tables));
      // The indexes were rebuilt by their triggers: people and notes are found in the restored journal.
      const found = await call(copy.journal, 'search.query', { query: 'ana@x.example' });
      expect(found.people.map((person) => person.id)).toEqual([ana]);
      const original = await call(journal, 'search.query', { query: 'coffee' });
      const again = await call(copy.journal, 'search.query', { query: 'coffee' });
      expect(again.conversations.map((hit) => hit.id)).toEqual(original.conversations.map((hit) => hit.id));
      expect(original.conversations.length).toBeGreaterThan(0);
      // Restoring twice is refused: the journal is no longer empty, and nothing changes.
      expect((await refusal(copy.journal, 'import.restoreJournal', { text: text(file) })).message).toMatch(/only into a new, empty journal/);
    } finally {
      await copy.journal.close();
    }
  });

  test('confidential notes are left out unless asked for, in every format; open notes always go', async ({ journal }) => {
    const priya = await addPerson(journal, { name: 'Priya Raman' });
    await addInteraction(journal, { title: 'Reorg, in confidence', notes: SECRET, confidential: true, personIds: [priya] });
    await addInteraction(journal, { title: 'Roadmap coffee', notes: OPEN, personIds: [priya], occurredAt: '2025-03-11T09:00:00.000Z' });
    const exports = async (includeConfidential: boolean) => [
      text(await call(journal, 'export.json', { includeConfidential })),
      text(await call(journal, 'export.csv', { table: 'interactions', includeConfidential })),
      text(await call(journal, 'export.csv', { table: 'people', includeConfidential })),
      Object.values(unzipSync(bytes(await call(journal, 'export.markdown', { includeConfidential })))).map((file) => strFromU8(file)).join('\n'),
    ];
    const without = await exports(false);
    for (const file of without) expect(file).not.toContain(SECRET);
    for (const file of without.slice(0, 2)) expect(file).toContain(OPEN);
    expect(without[3]).toContain('_A confidential entry: its notes are left out of this export._');
    const withThem = await exports(true);
    for (const [index, file] of withThem.entries()) if (index !== 2) expect(file).toContain(SECRET);
  });
});

describe('CSV and Markdown export', () => {
  test('CSV is UTF-8 with a BOM and ISO dates, quoted where it must be', async ({ journal }) => {
    const id = await addPerson(journal, { name: 'Zoë "Z" Núñez', organization: 'Fabrikam, Inc.', emails: [{ email: 'zoe@f.example', label: null }, { email: 'z@home.example', label: null }], tags: ['board'] });
    await addInteraction(journal, { title: 'Lunch, finally', personIds: [id], kind: 'meal', notes: 'Line one\nline two' });
    const people = text(await call(journal, 'export.csv', { table: 'people', includeConfidential: false }));
    expect(people.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(people.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ Name: 'Zoë "Z" Núñez', Organization: 'Fabrikam, Inc.', Emails: 'zoe@f.example; z@home.example', Tags: 'board', Interactions: '1', 'Last contact': '2025-03-10' });
    expect(rows[0]?.Added).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const interactions = text(await call(journal, 'export.csv', { table: 'interactions', includeConfidential: false }));
    const [entry] = Papa.parse<Record<string, string>>(interactions.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(entry).toEqual({ Date: '2025-03-10T09:30:00.000Z', Kind: 'meal', Title: 'Lunch, finally', People: 'Zoë "Z" Núñez', Location: '', Association: '', Confidential: 'no', Notes: 'Line one\nline two' });
  });

  test('Markdown: one file per person with their history, and an index, in a zip', async ({ journal }) => {
    const a = await addPerson(journal, { name: 'Ana Ruiz', role: 'CTO', emails: [{ email: 'ana@x.example', label: null }] });
    await addPerson(journal, { name: 'Ana Ruiz', role: 'Designer' });
    await addInteraction(journal, { title: 'Planning', notes: OPEN, personIds: [a] });
    const file = await call(journal, 'export.markdown', { includeConfidential: false });
    expect(file.kind).toBe('zip');
    const files = unzipSync(bytes(file));
    expect(Object.keys(files).sort()).toEqual(['README.md', 'people/ana-ruiz-2.md', 'people/ana-ruiz.md']);
    const first = strFromU8(files['people/ana-ruiz.md'] ?? new Uint8Array());
    expect(first).toContain('# Ana Ruiz\n\n- **Role:** CTO');
    expect(first).toContain('- **Email:** ana@x.example');
    expect(first).toContain('### 2025-03-10 · Planning');
    expect(first).toContain(OPEN);
  });
});

describe('a copy of the journal', () => {
  test('is a consistent SQLite file taken with the backup API while the journal is open, with the latest write in it', async ({ journal, dir }) => {
    await addPerson(journal, { name: 'Written just now' });
    const file = await call(journal, 'export.journalCopy');
    expect(file.kind).toBe('sqlite');
    const path = join(dir, 'copy.sqlite');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, bytes(file));
    const raw = new BetterSqlite3(path, { readonly: true });
    try {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(raw.prepare('SELECT name FROM people').pluck().all()).toEqual(['Written just now']);
    } finally {
      raw.close();
    }
    // The journal itself is still open and writable.
    await addPerson(journal, { name: 'After the copy' });
  });
});
