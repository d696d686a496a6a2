// Shared fixtures for the journal core's unit tests: every test gets its own temp folder and, when it asks
// for one, its own real SQLite journal in it. Nothing is mocked; the file on disk is what is checked.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { expect, test as base } from 'vitest';
import type { ApiError, CallInput, CallResult } from '../../src-main/contract/contract.js';
import type { CallName } from '../../src-main/contract/names.js';
import { forgetKeptStatements } from '../../src-main/core/db/dialect.js';
import { migrate } from '../../src-main/core/db/migrate.js';
import { LATEST_VERSION, migrations, type Migration } from '../../src-main/core/db/migrations/index.js';
import { Journal, openJournal, type JournalDb } from '../../src-main/core/index.js';
import { importThread } from '../import-thread.js';

export const root = join(import.meta.dirname, '..', '..');
export const samplePath = join(root, 'resources', 'sample-journal.json');

/** The sample journal as shipped; read at test time because its contents change as it grows. */
export function readSampleFile(): { people: { key: string; name: string }[]; interactions: { confidential?: boolean }[] } {
  return JSON.parse(readFileSync(samplePath, 'utf8'));
}

export async function openTestJournal(path: string): Promise<{ journal: Journal; journalDb: JournalDb }> {
  const journalDb = await openJournal(path);
  const journal = new Journal(journalDb, { readSample: async () => readSampleFile(), importThread });
  return { journal, journalDb };
}

export const test = base
  .extend('dir', async ({}, { onCleanup }) => {
    const dir = await mkdtemp(join(tmpdir(), 'confidant-unit-'));
    onCleanup(() => rm(dir, { recursive: true, force: true }));
    return dir;
  })
  .extend('journalPath', async ({ dir }) => join(dir, 'journal.sqlite'))
  .extend('opened', async ({ journalPath }, { onCleanup }) => {
    const opened = await openTestJournal(journalPath);
    onCleanup(() => opened.journal.close());
    return opened;
  })
  .extend('journal', async ({ opened }) => opened.journal)
  .extend('journalDb', async ({ opened }) => opened.journalDb);

export { describe, expect } from 'vitest';

/** Runs a call that must succeed and returns its typed value; a refusal fails the test with its message. */
export async function call<K extends CallName>(journal: Pick<Journal, 'call'>, name: K, input?: CallInput<K>): Promise<CallResult<K>> {
  const result = await journal.call(name, input);
  if (!result.ok) throw new Error(`${name} was refused: ${result.error.code}: ${result.error.message}`);
  return result.value as CallResult<K>;
}

/** Runs a call that must be refused and returns the error. */
export async function refusal(journal: Pick<Journal, 'call'>, name: unknown, input: unknown): Promise<ApiError> {
  const result = await journal.call(name, input);
  if (result.ok) throw new Error(`${String(name)} should have been refused but returned ${JSON.stringify(result.value)}`);
  return result.error;
}

/** Everything stored in the file, row by row, to compare before and after a call that must change nothing. */
export function storedRows(raw: BetterSqlite3.Database) {
  return {
    version: raw.pragma('user_version', { simple: true }),
    people: raw.prepare('SELECT * FROM people ORDER BY id').all(),
    personTags: raw.prepare('SELECT * FROM person_tags ORDER BY person_id, tag').all(),
    interactions: raw.prepare('SELECT * FROM interactions ORDER BY id').all(),
    interactionPeople: raw.prepare('SELECT * FROM interaction_people ORDER BY interaction_id, person_id').all(),
    ...reciprocityRows(raw),
    ...associationRows(raw),
  };
}

/**
 * A migration tested from the version before it, with data: builds a journal file at `migration.version - 1`,
 * fills it with `seedSql`, then opens it as the app does (running this migration and every later one) and
 * checks every row stored before is still there (columns added later aside). Returns the opened journal and
 * what was stored before; the caller closes the journal.
 */
export async function openedFromPriorVersion(path: string, migration: Migration, seedSql: string) {
  const raw = new BetterSqlite3(path);
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
  await migrate(db, migrations.slice(0, migrations.indexOf(migration)));
  raw.exec(seedSql);
  const before = storedRows(raw);
  expect(before.version).toBe(migration.version - 1);
  await db.destroy();
  const opened = await openTestJournal(path);
  const after = storedRows(opened.journalDb.raw);
  expect(after.version).toBe(LATEST_VERSION);
  // toMatchObject compares rows as subsets, so a column a later migration added does not count as a change.
  expect({ ...after, version: before.version }).toMatchObject(before);
  return { ...opened, before, after };
}

/** The association tables (schema 4 on), row by row. */
export function associationRows(raw: BetterSqlite3.Database) {
  const version = raw.pragma('user_version', { simple: true }) as number;
  if (version < 4) return {};
  return {
    associations: raw.prepare('SELECT * FROM associations ORDER BY id').all(),
    attendanceGoals: raw.prepare('SELECT * FROM attendance_goals ORDER BY association_id, from_quarter').all(),
  };
}

/** The reciprocity tables (schema 2 on), row by row. */
export function reciprocityRows(raw: BetterSqlite3.Database) {
  const version = raw.pragma('user_version', { simple: true }) as number;
  if (version < 2) return {};
  return {
    exchanges: raw.prepare('SELECT * FROM exchanges ORDER BY id').all(),
    exchangePeople: raw.prepare('SELECT * FROM exchange_people ORDER BY exchange_id, person_id').all(),
    asks: raw.prepare('SELECT * FROM asks ORDER BY id').all(),
    askPeople: raw.prepare('SELECT * FROM ask_people ORDER BY ask_id, person_id').all(),
    thanks: raw.prepare('SELECT * FROM thanks ORDER BY id').all(),
    commitments: raw.prepare('SELECT * FROM commitments ORDER BY id').all(),
    giveFirstDismissals: raw.prepare('SELECT * FROM give_first_dismissals ORDER BY person_id').all(),
  };
}

export function newPerson(fields: Partial<CallInput<'people.create'>> = {}): CallInput<'people.create'> {
  return { name: 'Priya Raman', ...fields };
}

export function newInteraction(fields: Partial<CallInput<'interactions.create'>> = {}): CallInput<'interactions.create'> {
  return { occurredAt: '2025-03-10T09:30:00.000Z', kind: 'meeting', title: 'Quarterly planning', ...fields };
}

/** Creates a person through the API and returns their id. */
export async function addPerson(journal: Pick<Journal, 'call'>, fields: Partial<CallInput<'people.create'>> = {}): Promise<number> {
  return (await call(journal, 'people.create', newPerson(fields))).id;
}

/** Creates an interaction through the API and returns its id. */
export async function addInteraction(journal: Pick<Journal, 'call'>, fields: Partial<CallInput<'interactions.create'>> = {}): Promise<number> {
  return (await call(journal, 'interactions.create', newInteraction(fields))).id;
}

/** Follows `next` from the newest entry to the end; returns every page's entry ids. */
export async function allPages(journal: Journal, input: { limit: number; personId?: number }): Promise<number[][]> {
  const pages: number[][] = [];
  let after: string | null = null;
  do {
    const page: CallResult<'interactions.timeline'> = await call(journal, 'interactions.timeline', { ...input, after });
    pages.push(page.entries.map((entry) => entry.id));
    after = page.next;
    if (pages.length > 10_000) throw new Error('The timeline never ended.');
  } while (after !== null);
  return pages;
}

/** An ISO timestamp `minutes` after a fixed morning, so tests can order entries without clocks. */
export function at(minutes: number): string {
  return new Date(Date.UTC(2025, 2, 10, 9, 0) + minutes * 60_000).toISOString();
}

/** A statement a call ran, as prepared, with the parameters it ran with. */
export interface CapturedStatement {
  sql: string;
  parameters: unknown[];
}

/**
 * Records every statement prepared on the connection and run, with its parameters (the plan tests explain
 * them; the save tests count them). BEGIN and COMMIT, which Journal.run executes directly, are not seen.
 */
export function captureStatements(raw: BetterSqlite3.Database): { statements: CapturedStatement[]; stop: () => void } {
  const statements: CapturedStatement[] = [];
  // Kysely's statements are kept prepared (db/dialect.ts): forgotten here, so each one the call runs is
  // prepared, and seen, anew; and again at the end, so none wrapped here outlives the capture.
  forgetKeptStatements(raw);
  const prepare = raw.prepare.bind(raw);
  raw.prepare = ((source: string) => {
    const statement = prepare(source);
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        statements.push({ sql: source, parameters: args.flat() });
        return original(...args);
      };
    }
    return statement;
  }) as typeof raw.prepare;
  return {
    statements,
    stop: () => {
      raw.prepare = prepare;
      forgetKeptStatements(raw);
    },
  };
}

/** Counts the turns of the event loop (setImmediate callbacks) that other work gets until stop(). */
export function countTurns(): { stop: () => number } {
  let turns = 0;
  let running = true;
  const turn = () => {
    turns += 1;
    if (running) setImmediate(turn);
  };
  setImmediate(turn);
  return {
    stop: () => {
      running = false;
      return turns;
    },
  };
}
