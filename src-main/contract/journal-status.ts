// What the app shows first: the journal open, locked (encrypted, waiting for its passphrase), or
// unavailable with a problem and the ways forward. Shared by #8 (shell), #9 (journal safety) and #12
// (encryption); see the protocol in the issue briefs.

export type ProblemKind =
  | 'corrupt'
  | 'not-a-journal'
  | 'future-version'
  | 'locked-by-other'
  | 'no-permission'
  | 'missing-folder'
  | 'foreign-wal'
  | 'empty-file'
  | 'stopped'
  | 'start-failed'
  | 'key-missing';

export type RecoveryChoice = 'restore-backup' | 'open-another' | 'open-read-only' | 'show-in-folder' | 'restart' | 'quit';

export interface JournalProblem {
  kind: ProblemKind;
  title: string;
  message: string;
  path: string;
  choices: RecoveryChoice[];
  newestBackup: { path: string; takenAt: string; bytes: number } | null;
}

export type JournalStatus =
  | { state: 'open'; path: string; readOnly: boolean; name: string }
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
    }
  | { state: 'unavailable'; problem: JournalProblem };
