// Kysely prepares every query anew; the dialect keeps them prepared (db/dialect.ts). A kept statement must
// behave exactly as a fresh one: the same answers, a fresh one while it is still being read, the new shape
// after a schema change, and a bounded number kept.
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, sql, type Generated } from 'kysely';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ImmediateSqliteDialect, keepingStatements } from '../../src-main/core/db/dialect.js';

interface Db {
  notes: { id: Generated<number>; text: string };
}

let raw: BetterSqlite3.Database;
let db: Kysely<Db>;
beforeEach(() => {
  raw = new BetterSqlite3(':memory:');
  raw.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL); INSERT INTO notes (text) VALUES ('one'), ('two'), ('three')`);
  db = new Kysely<Db>({ dialect: new ImmediateSqliteDialect({ database: raw }) });
});
afterEach(async () => {
  await db.destroy();
});

describe('statements kept prepared', () => {
  test('the same query is prepared once and answers as before, with new parameters each time', async () => {
    const prepare = vi.spyOn(raw, 'prepare');
    const byId = (id: number) => db.selectFrom('notes').select('text').where('id', '=', id).executeTakeFirst();
    expect(await byId(1)).toEqual({ text: 'one' });
    expect(await byId(3)).toEqual({ text: 'three' });
    expect(await byId(9)).toBeUndefined();
    await db.insertInto('notes').values({ text: 'four' }).execute();
    await db.insertInto('notes').values({ text: 'five' }).execute();
    expect(await byId(5)).toEqual({ text: 'five' });
    expect(prepare).toHaveBeenCalledTimes(2); // one select, one insert
  });

  test('a statement still being read is not handed out again: the second caller gets a fresh one', async () => {
    const kept = keepingStatements(raw);
    const query = 'SELECT text FROM notes ORDER BY id';
    const first = kept.prepare(query);
    const reading = first.iterate([]);
    expect(reading.next().value).toEqual({ text: 'one' });
    const second = kept.prepare(query);
    expect(second).not.toBe(first);
    expect(second.all([])).toEqual([{ text: 'one' }, { text: 'two' }, { text: 'three' }]);
    expect(reading.next().value).toEqual({ text: 'two' }); // the first read goes on undisturbed
    reading.return?.();
    expect(kept.prepare(query)).toBe(first); // and once done, it is reused
  });

  test('after a schema change a kept statement reads the new shape (SQLite prepares it again)', async () => {
    const all = () => sql<Record<string, unknown>>`SELECT * FROM notes WHERE id = 1`.execute(db);
    expect((await all()).rows).toEqual([{ id: 1, text: 'one' }]);
    await sql`ALTER TABLE notes ADD COLUMN tag TEXT`.execute(db);
    expect((await all()).rows).toEqual([{ id: 1, text: 'one', tag: null }]);
  });

  test('only so many are kept: the least recently used is dropped and prepared again when asked', async () => {
    const prepare = vi.spyOn(raw, 'prepare');
    const kept = keepingStatements(raw);
    for (let i = 0; i < 401; i += 1) kept.prepare(`SELECT ${i} AS n`);
    expect(prepare).toHaveBeenCalledTimes(401);
    kept.prepare('SELECT 400 AS n'); // kept
    expect(prepare).toHaveBeenCalledTimes(401);
    kept.prepare('SELECT 0 AS n'); // the oldest, dropped at 401
    expect(prepare).toHaveBeenCalledTimes(402);
  });
});
