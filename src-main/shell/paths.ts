import { join } from 'node:path';

/**
 * Where the journal lives: `--journal=/path/to/file.sqlite` on the command line, else the
 * CONFIDANT_JOURNAL environment variable (for a journal kept on an encrypted volume, or tests), else
 * `journal.sqlite` in the user-data folder.
 */
export function journalPath(argv: readonly string[], env: NodeJS.ProcessEnv, userData: string): string {
  const flag = argv.find((arg) => arg.startsWith('--journal='));
  const fromFlag = flag?.slice('--journal='.length).trim();
  if (fromFlag) return fromFlag;
  const fromEnv = env.CONFIDANT_JOURNAL?.trim();
  if (fromEnv) return fromEnv;
  return join(userData, 'journal.sqlite');
}
