// Saves never pay for the -wal checkpoint: the journal folds the frames into the file once it has been idle
// for a second (Journal.checkpointWhenIdle), and SQLite's own checkpoint is only a backstop far away.
import { readFileSync } from 'node:fs';
import { IDLE_CHECKPOINT_MS } from '../../src-main/core/journal/journal.js';
import { call, describe, expect, newInteraction, test } from './helpers.js';

/** The -wal's last frame and how far the journal file has taken it in, from the -shm's header (little-endian here). */
function walState(journalPath: string): { frames: number; folded: number } {
  const shm = readFileSync(`${journalPath}-shm`);
  return { frames: shm.readUInt32LE(16), folded: shm.readUInt32LE(96) };
}

describe('the -wal checkpoint', () => {
  test('is not part of a save: frames wait until the journal is idle, then all are folded into the file', async ({ journal, journalPath }) => {
    for (let i = 0; i < 70; i += 1) await call(journal, 'interactions.create', newInteraction({ title: `Save ${i}`, newPeople: [{ name: `Person ${i}` }] }));
    const busy = walState(journalPath);
    // Seventy saves are over 1,000 frames, where SQLite would have checkpointed inside one of them.
    expect(busy.frames).toBeGreaterThan(1000);
    expect(busy.folded).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, IDLE_CHECKPOINT_MS + 400));
    const idle = walState(journalPath);
    expect(idle.frames).toBe(busy.frames);
    expect(idle.folded).toBe(idle.frames);
    // And every save is there, read back through the journal.
    expect(await call(journal, 'journal.info')).toMatchObject({ interactions: 70 });
  });
});
