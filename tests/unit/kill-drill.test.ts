// A short kill -9 drill in every test run (the long one is `npm run drill`): see tests/drill/drill.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runDrill } from '../drill/drill.js';
import { describe, expect, root, test } from './helpers.js';

const built = existsSync(join(root, 'out', 'main', 'journal-worker.js'));

describe('the kill -9 drill', () => {
  if (!built) {
    test.skip('needs out/main/journal-worker.js: run `npm run build` first (npm test does)', () => {});
    return;
  }
  test('a saver killed at random moments three times loses no acknowledged save, and the journal and its indexes stay sound', { timeout: 240_000 }, async ({ journalPath }) => {
    const result = await runDrill(journalPath, { kills: 3, seed: 3 });
    expect(result.problems).toEqual([]);
    expect(result.lost).toEqual([]);
    expect(result.kills).toBe(3);
    expect(result.acknowledged).toBeGreaterThan(0);
  });

  test('an encrypted journal (as the app keeps them), killed twice: no acknowledged save lost, sound after', { timeout: 240_000 }, async ({ journalPath }) => {
    const result = await runDrill(journalPath, { kills: 2, seed: 5, secret: Buffer.alloc(32, 3) });
    expect(result.problems).toEqual([]);
    expect(result.lost).toEqual([]);
    expect(result.kills).toBe(2);
    expect(result.acknowledged).toBeGreaterThan(0);
    expect(existsSync(`${journalPath}.key`)).toBe(true);
  });
});
