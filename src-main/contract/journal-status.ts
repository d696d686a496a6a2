// Whether the journal is open, and if not, why and what can be done (shared by #8, #9 and #12: see
// the protocol). The worker answers for the problems it detects; main itself answers 'stopped' (the
// worker died) and 'start-failed' (anything else went wrong before the journal could open).

export const problemKinds = [
  'corrupt',
  'not-a-journal',
  'future-version',
  'locked-by-other',
  'no-permission',
  'missing-folder',
  'foreign-wal',
  'empty-file',
  'stopped',
  'start-failed',
  'key-missing',
] as const;
export type ProblemKind = (typeof problemKinds)[number];

export const recoveryChoices = ['restore-backup', 'open-another', 'open-read-only', 'show-in-folder', 'restart', 'quit'] as const;
export type RecoveryChoice = (typeof recoveryChoices)[number];

export interface JournalProblem {
  kind: ProblemKind;
  title: string;
  message: string;
  path: string;
  choices: RecoveryChoice[];
  newestBackup: BackupRef | null;
}

/**
 * Something done while opening that the person must be told about, shown above the open journal with a
 * way forward: a -wal that did not belong to the journal was moved aside (unchanged) before it could harm it.
 */
export interface JournalNotice {
  kind: 'wal-set-aside';
  title: string;
  message: string;
  /** Where the moved files are now, byte for byte as they were; Show in folder reveals the first. */
  files: string[];
}

export type JournalStatus =
  | { state: 'open'; path: string; readOnly: boolean; name: string; notices?: JournalNotice[] }
  | {
      state: 'locked';
      path: string;
      name: string;
      /**
       * #12: what the lock screen asks for. 'unlock': the passphrase of an encrypted journal. 'new' and
       * 'encrypt': no keychain can hold a key here, so a passphrase must be chosen first, for a new journal
       * or to encrypt an existing plain one. Absent means 'unlock'.
       */
      setup?: 'unlock' | 'new' | 'encrypt';
      /** While an existing plain journal is being encrypted: the step, and how far the copy has got (0 to 1). */
      encrypting?: EncryptionProgress;
    }
  | { state: 'unavailable'; problem: JournalProblem }
  /**
   * Main is still opening the journal and has waited a while for it (a large journal brought up to date
   * for a new version can take a minute): the window says so, and asks again.
   */
  | { state: 'starting'; path: string; name: string };

export interface EncryptionProgress {
  step: 'checking' | 'copying' | 'encrypting' | 'verifying' | 'removing-plain-copy' | 'done';
  fraction: number;
}

/** The name a person knows a journal by: its file name without the extension. */
export function journalName(path: string): string {
  const file = path.split(/[\\/]/).pop() ?? path;
  return file.replace(/\.(sqlite3?|db|journal)$/i, '') || file;
}

export interface BackupRef {
  path: string;
  takenAt: string;
  bytes: number;
}
