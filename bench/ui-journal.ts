// The journal bench:ui and bench:ui:profile open: a copy of `--journal`, or a synthetic one generated at
// `interactions` (a person for every 20). Shared so both measure the same journal.
import { copyFileSync } from 'node:fs';
import { openJournal } from '../src-main/core/index.js';
import { generate } from './generate.js';

export async function prepareBenchJournal(journalPath: string, from: string | undefined, interactions: number, log: (message: string) => void = () => {}): Promise<void> {
  if (from) {
    log(`copying ${from}`);
    copyFileSync(from, journalPath);
    return;
  }
  log(`generating ${interactions.toLocaleString()} interactions`);
  const journalDb = await openJournal(journalPath);
  generate(journalDb.raw, { people: Math.max(50, Math.round(interactions / 20)), interactions, seed: 42 });
  journalDb.raw.pragma('wal_checkpoint(TRUNCATE)');
  // No ANALYZE: closing runs PRAGMA optimize, as the app does (db/open.ts), so the plans are the app's.
  await journalDb.close();
}
