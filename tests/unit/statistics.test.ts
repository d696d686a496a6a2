import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openJournal } from '../../src-main/core/db/open.js';
import { describe, expect, test } from './helpers.js';

// The app keeps the query planner's statistics itself (PRAGMA optimize at open and close, db/open.ts), as
// SQLite recommends; the bench used to run a full ANALYZE the app never did, and so measured better plans.

describe('planner statistics', () => {
  test('a journal that grew is analyzed when it closes, and a read-only copy is never written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'confidant-stats-'));
    try {
      const path = join(dir, 'journal.sqlite');
      const journal = await openJournal(path);
      const insert = journal.raw.prepare(`INSERT INTO people (name, created_at, updated_at) VALUES (?, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`);
      journal.raw.transaction(() => {
        for (let i = 0; i < 500; i += 1) insert.run(`Person ${i}`);
      })();
      journal.raw.prepare('SELECT count(*) FROM people WHERE name > ?').get('P');
      await journal.close();

      const raw = new BetterSqlite3(path, { readonly: true });
      const stat = raw.prepare(`SELECT stat FROM sqlite_stat1 WHERE tbl = 'people' AND idx = 'people_name'`).pluck().get() as string | undefined;
      raw.close();
      expect(stat?.split(' ')[0]).toBe('500');

      const copy = await openJournal(path, { readonly: true });
      const before = copy.raw.prepare('SELECT count(*) FROM sqlite_stat1').pluck().get();
      await copy.close();
      const after = new BetterSqlite3(path, { readonly: true });
      expect(after.prepare('SELECT count(*) FROM sqlite_stat1').pluck().get()).toBe(before);
      after.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
