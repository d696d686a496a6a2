import type { Kysely } from 'kysely';
import type { CallResult, ParsedInput } from '../../contract/contract.js';
import type { CallName } from '../../contract/names.js';
import type { Database } from '../db/schema.js';
import { exportCsv, exportJson, exportMarkdown, journalCopy } from '../export/export.js';
import { restoreJournal } from '../export/restore.js';
import type { JournalDb } from '../db/open.js';
import { Importer } from './import.js';

type TransferCall = Extract<CallName, `import.${string}` | `export.${string}`>;
type Handlers = { [K in TransferCall]: (input: ParsedInput<K>) => Promise<CallResult<K>> };

/**
 * Import and export; `dataKey` is the open encrypted journal's key (null for a plain one), which the plain
 * copy needs. The importer (what was read and previewed, and a write under way) lives as long as the journal,
 * which owns it so that closing stops its write. */
export function transferHandlers(journal: JournalDb, importer: Importer, dataKey: () => Buffer | null = () => null): Handlers {
  const db: Kysely<Database> = journal.db;
  return {
    'import.stage': (input) => importer.stage(input),
    'import.preview': (input) => importer.preview(input),
    'import.commit': (input) => importer.commit(input),
    'import.progress': (input) => importer.progress(input),
    'import.cancel': (input) => importer.cancel(input),
    'import.restoreJournal': (input) => restoreJournal(journal, input.text),
    'export.json': (input) => exportJson(db, input),
    'export.csv': (input) => exportCsv(db, input),
    'export.markdown': (input) => exportMarkdown(db, input),
    'export.journalCopy': () => journalCopy(journal, dataKey()),
  };
}
