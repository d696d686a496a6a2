import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { applyCipherKey } from '../crypto/cipher.js';
import { migrate } from './migrate.js';
import type { Database } from './schema.js';

export interface OpenOptions {
  /** Path to a native binding built for another runtime; better-sqlite3 finds its own by default. */
  nativeBinding?: string;
  readonly?: boolean;
  /**
   * The journal's 256-bit data key (#12, core/crypto). Given, the connection is keyed before any other
   * statement reads a page; absent, the file is opened as plain SQLite. The caller owns and zeroes it.
   */
  key?: Buffer;
}

export interface JournalDb {
  db: Kysely<Database>;
  raw: BetterSqlite3.Database;
  path: string;
  close(): Promise<void>;
}

/** Opens (or creates) a journal file, applies the pragmas every connection needs, and migrates it. */
export async function openJournal(path: string, options: OpenOptions = {}): Promise<JournalDb> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new BetterSqlite3(path, {
    readonly: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    if (options.key) applyCipherKey(raw, options.key);
    applyPragmas(raw);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
    await migrate(db);
    // WAL lets a long read (backup, export) run beside writes. The mode is stored in the file itself, so it
    // is set only once migrate has accepted the file: a journal from a newer Confidant stays untouched.
    raw.pragma('journal_mode = WAL');
    return {
      db,
      raw,
      path,
      close: async () => {
        await db.destroy();
      },
    };
  } catch (error) {
    raw.close();
    throw error;
  }
}

function applyPragmas(raw: BetterSqlite3.Database): void {
  // better-sqlite3 leaves WAL at NORMAL, which can lose the latest commits on power loss. A journal writes
  // a few rows a day and every entry must survive, so pay for the fsync.
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  // Another Confidant (or a backup tool) holding the lock briefly should not surface as an error.
  raw.pragma('busy_timeout = 5000');
  // Deleted confidences are overwritten on disk, not left in free pages.
  raw.pragma('secure_delete = ON');
}
