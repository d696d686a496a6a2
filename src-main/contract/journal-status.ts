// What the app knows about its journal before anything else: open, locked (encrypted, needs unlocking)
// or unavailable, with the problem in plain words and the ways forward that fit it. Shared by the
// worker (which detects problems), main (which adds `stopped` and `start-failed`) and the renderer.

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

export interface BackupRef {
  path: string;
  takenAt: string;
  bytes: number;
}

export interface JournalProblem {
  kind: ProblemKind;
  title: string;
  message: string;
  path: string;
  choices: RecoveryChoice[];
  newestBackup: BackupRef | null;
}

export type JournalStatus =
  | { state: 'open'; path: string; readOnly: boolean; name: string }
  | { state: 'locked'; path: string; name: string }
  | { state: 'unavailable'; problem: JournalProblem };
