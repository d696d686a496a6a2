import { basename, dirname } from 'node:path';
import type { BackupRef, JournalNotice, JournalProblem, ProblemKind, RecoveryChoice } from '../../contract/journal-status.js';

// What the recovery screen says for each problem, and which ways out fit it. Plain words: what happened,
// that nothing was changed, and what to do.

interface Wording {
  title: string;
  message: (name: string, folder: string) => string;
  choices: (context: { backup: boolean; readable: boolean }) => RecoveryChoice[];
}

const unchanged = 'Confidant has not changed the file.';

const wordings: Record<ProblemKind, Wording> = {
  corrupt: {
    title: 'Your journal is damaged',
    message: (name) =>
      `Part of ${name} cannot be read: the file was damaged, perhaps by a crash, a failing disk or a sync tool. ` +
      `${unchanged} Restore your newest backup, or open the journal read-only to export what can still be read.`,
    choices: ({ backup }) => [...(backup ? (['restore-backup'] as const) : []), 'open-read-only', 'show-in-folder', 'open-another', 'quit'],
  },
  'not-a-journal': {
    title: 'This file is not a Confidant journal',
    message: (name) => `${name} holds something else (another program’s file, or data that is not a database). ${unchanged} Open your journal from where it is, or restore a backup.`,
    choices: ({ backup }) => ['open-another', ...(backup ? (['restore-backup'] as const) : []), 'show-in-folder', 'quit'],
  },
  'future-version': {
    title: 'This journal needs a newer Confidant',
    message: (name) => `${name} was last used by a newer version of Confidant, so this version cannot read it safely. ${unchanged} Update Confidant, then open it again.`,
    choices: () => ['open-another', 'show-in-folder', 'quit'],
  },
  'locked-by-other': {
    title: 'Another program is using your journal',
    message: (name) =>
      `Another program is holding ${name} open (a second Confidant, a database tool, or a backup or sync tool). ${unchanged} Close that program, then try again.`,
    choices: ({ readable }) => ['restart', ...(readable ? (['open-read-only'] as const) : []), 'show-in-folder', 'quit'],
  },
  'no-permission': {
    title: 'Confidant may not use your journal',
    message: (name, folder) =>
      `This computer does not let Confidant read and write ${name} in ${folder}. ${unchanged} Give your user read and write permission on the file and its folder, then try again.`,
    choices: ({ readable }) => ['restart', ...(readable ? (['open-read-only'] as const) : []), 'show-in-folder', 'open-another', 'quit'],
  },
  'missing-folder': {
    title: 'Your journal’s folder is not there',
    message: (_name, folder) =>
      `The folder ${folder} cannot be found: a drive may not be connected, or the folder was moved or renamed. Nothing was created in its place. Connect the drive and try again, or open your journal from where it is now.`,
    choices: () => ['restart', 'open-another', 'quit'],
  },
  'foreign-wal': {
    title: 'A leftover file stands beside your journal',
    message: (name) =>
      `A log file (${name}-wal) beside your journal does not belong to it; applying it would overwrite your entries. Confidant could not move it aside. ${unchanged} Move that file elsewhere, then try again.`,
    choices: () => ['restart', 'show-in-folder', 'quit'],
  },
  'empty-file': {
    title: 'Your journal file is empty',
    message: (name) =>
      `${name} is there but holds nothing at all (0 bytes), and Confidant did not make it so. Your entries may be in a backup, or the journal may live elsewhere. ${unchanged}`,
    choices: ({ backup }) => [...(backup ? (['restore-backup'] as const) : []), 'open-another', 'show-in-folder', 'quit'],
  },
  stopped: {
    title: 'The journal stopped',
    message: () => 'The part of Confidant that keeps your journal stopped unexpectedly. Your saved entries are safe. Restart it to go on.',
    choices: () => ['restart', 'quit'],
  },
  'start-failed': {
    title: 'Confidant could not start your journal',
    message: () => 'Something unexpected stopped Confidant from opening your journal. Your saved entries are safe. Restart to try again.',
    choices: () => ['restart', 'quit'],
  },
  'key-missing': {
    title: 'Your journal’s key is missing',
    message: () => 'This journal is encrypted and its key could not be found. Confidant has not changed the file.',
    choices: () => ['open-another', 'show-in-folder', 'quit'],
  },
};

export function describeProblem(
  kind: ProblemKind,
  path: string,
  options: { detail?: string; readable?: boolean; newestBackup?: BackupRef | null } = {},
): JournalProblem {
  const wording = wordings[kind];
  const newestBackup = options.newestBackup ?? null;
  const message = wording.message(basename(path), dirname(path));
  return {
    kind,
    title: wording.title,
    message: options.detail ? `${message} (${options.detail})` : message,
    path,
    choices: wording.choices({ backup: newestBackup !== null, readable: options.readable ?? false }),
    newestBackup,
  };
}

/**
 * What the person is told when a -wal (and -shm) beside the journal was moved aside before opening: what
 * was moved, where it is now, that the journal is intact, and what to do if the moved file mattered.
 */
export function describeSetAside(journalPath: string, files: readonly string[], reason: 'foreign' | 'stray'): JournalNotice {
  const name = basename(journalPath);
  const folder = dirname(journalPath);
  const moved = files.map((file) => `“${basename(file)}”`).join(' and ');
  if (reason === 'stray') {
    return {
      kind: 'wal-set-aside',
      title: 'A leftover file was moved aside',
      message:
        `There was no journal at ${name}, only its -wal file (a log of recent changes). Confidant moved it aside, unchanged, to ${moved} in ${folder}, and started a new, empty journal. ` +
        `If your journal was moved or renamed, quit Confidant, put it back as ${name} beside that file, and start again; or restore a backup from Settings.`,
      files: [...files],
    };
  }
  return {
    kind: 'wal-set-aside',
    title: 'A file that did not belong to your journal was moved aside',
    message:
      `The -wal file beside ${name} (a log of recent changes) belonged to another database, so opening would have damaged your journal. ` +
      `Confidant moved it aside, unchanged, to ${moved} in ${folder}; your journal opened with everything it held. ` +
      'If you copied this journal from another computer, copy it again together with its -wal file. Otherwise the moved file is not needed and can be deleted.',
    files: [...files],
  };
}
