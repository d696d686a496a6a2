import { JournalError } from '../errors.js';

// SQLite failures as sentences with a way forward. Mapped from better-sqlite3's `code` (SQLITE_FULL,
// SQLITE_READONLY_DBMOVED, ...), never from message text, which SQLite words differently between versions.
// `action` says whether the call was reading or writing: a failed read never talks about saving.

export type Action = 'read' | 'write';

export function sqliteCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** SQLITE_CORRUPT, SQLITE_NOTADB and their extended codes: the file itself is damaged. */
export function isCorruption(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== null && (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_'));
}

export function isBusy(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== null && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_LOCKED_'));
}

function family(code: string): string {
  const base = /^SQLITE_[A-Z]+/.exec(code)?.[0] ?? code;
  return base;
}

/** The readable error for a SQLite failure, or null when `error` did not come from SQLite. */
export function describeSqliteError(error: unknown, action: Action, busySeconds = 5): JournalError | null {
  const code = sqliteCode(error);
  if (code === null) return null;
  const nothing = action === 'write' ? 'Nothing was saved; what you typed is still in the form.' : 'Nothing was changed.';
  switch (family(code)) {
    case 'SQLITE_FULL':
      return new JournalError(
        'disk-full',
        `The disk is full, so Confidant could not ${action === 'write' ? 'save' : 'read'}. ${nothing} Free some space, then try again.`,
      );
    case 'SQLITE_READONLY':
      return new JournalError(
        'read-only',
        action === 'write'
          ? `Your journal cannot be written to: the file, its folder or the disk is read-only (or it is open read-only). ${nothing} ` +
              'Check the file’s permissions, or restart Confidant once the disk can be written.'
          : 'Your journal could not be read because the disk is read-only in a way SQLite cannot read from. Restart Confidant.',
      );
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new JournalError(
        'journal-busy',
        `Another program is using your journal, and Confidant waited ${busySeconds === 1 ? '1 second' : `${busySeconds} seconds`} for it. ${nothing} ` +
          'Close the other program (a backup or sync tool, say) and try again.',
      );
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return new JournalError(
        'journal-unavailable',
        'Your journal file is damaged, so Confidant stopped using it to keep what is there. ' +
          'Restore a backup, or open it read-only to export what can still be read.',
      );
    case 'SQLITE_IOERR':
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_PROTOCOL':
      return new JournalError(
        'io-error',
        `The disk did not ${action === 'write' ? 'take the change' : 'answer'} (${code}). ${nothing} ` +
          'If the journal is on an external or network drive, check it is connected, then try again.',
      );
    case 'SQLITE_NOMEM':
      return new JournalError('internal', `Your computer ran out of memory for this request. ${nothing} Close some programs and try again.`);
    case 'SQLITE_TOOBIG':
      return new JournalError('invalid-input', `That is too large to store in one entry. ${nothing} Shorten it and try again.`);
    default:
      return null;
  }
}
