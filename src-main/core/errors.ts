/** Codes the renderer may branch on; every error also carries a sentence a user can read. */
export type JournalErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  /** Allowed, but only once the user has read the warning: repeat the call with `confirmed: true`. */
  | 'needs-confirmation'
  | 'future-version'
  | 'unknown-call'
  | 'forbidden'
  /** The journal could not be opened or was found damaged: ask `journal.status` and show the recovery screen. */
  | 'journal-unavailable'
  /** Another program held the journal for longer than Confidant waits (busy_timeout). */
  | 'journal-busy'
  | 'disk-full'
  /** Part of a journal opened read-only for rescue cannot be read; other parts may still be. */
  | 'damaged'
  /** The file or its folder cannot be written (permissions, a read-only disk, or opened read-only on purpose). */
  | 'read-only'
  /** The disk would not read or write (an unplugged drive, a failing disk, a network folder gone away). */
  | 'io-error'
  /** The journal is encrypted and not unlocked (#12): show the unlock screen. */
  | 'journal-locked'
  /** A key or passphrase that does not open this journal; nothing was changed. */
  | 'wrong-key'
  | 'internal';

export class JournalError extends Error {
  constructor(
    readonly code: JournalErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'JournalError';
  }
}

export function notFound(what: string, id: number): JournalError {
  return new JournalError('not-found', `That ${what} no longer exists (id ${id}). It may have been deleted.`);
}
