// The write of an import: ONE transaction, all or nothing, on a connection of its own, in a thread of its own.
//
// Why a thread and a connection: 10,000 people take seconds to write, and a transaction cannot be split
// across calls without leaving half an import visible (and undoable only by guessing what the user touched
// meanwhile). So the import thread opens the journal file itself (keyed like the worker's connection),
// holds the write lock from BEGIN IMMEDIATE to COMMIT, and posts its progress from inside the transaction.
// WAL lets the journal worker go on reading the last committed state meanwhile; its write calls wait (see
// Journal.holdWrites) instead of sleeping in busy_timeout, which would stop its reads too. A crash, a kill
// or a cancel before COMMIT leaves nothing: SQLite drops an uncommitted transaction by itself.
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely } from 'kysely';
import type { CsvField, ImportKind, MergeField } from '../../contract/transfer.js';
import { applyCipherKey } from '../crypto/cipher.js';
import { ImmediateSqliteDialect } from '../db/dialect.js';
import { applyPragmas } from '../db/open.js';
import type { Database } from '../db/schema.js';
import { describeSqliteError } from '../db/sqlite-errors.js';
import { JournalError, type JournalErrorCode } from '../errors.js';
import { describeError } from '../redact.js';
import type { ImportedContact } from './contact.js';
import { mergeContact, validated } from './merge.js';
import { BulkPeopleWriter } from './write.js';

/** People written between two looks at the cancel flag and two progress messages: a few ms of work. */
export const WRITE_BATCH = 200;

/**
 * Rows of the plan per message to the thread. Handed over whole (as workerData), 10,000 vCards took the
 * journal's thread 138 ms to copy into the new thread's memory, every call waiting; a message of 250 takes
 * a few ms, and the calls waiting get their turn between two.
 */
export const PLAN_CHUNK = 250;

/** The plan in the messages the thread is sent after it starts: its rows in chunks, then the end. */
export type PlanMessage =
  | { type: 'adds'; rows: ImportPlan['adds'] }
  | { type: 'merges'; rows: ImportPlan['merges'] }
  | { type: 'end' };

/** Posts `plan`'s rows a chunk at a time, a turn of the event loop between two; stops when `stop` says so (the thread ended). */
export async function sendPlan(post: (message: PlanMessage) => void, plan: ImportPlan, stop: () => boolean): Promise<void> {
  for (const type of ['adds', 'merges'] as const) {
    for (let from = 0; from < plan[type].length; from += PLAN_CHUNK) {
      if (stop()) return;
      post({ type, rows: plan[type].slice(from, from + PLAN_CHUNK) } as PlanMessage);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (!stop()) post({ type: 'end' });
}

/**
 * The thread's side: the plan it was started with (its rows left empty) filled from the messages, once
 * the end has come. Nothing is written before: a thread killed while receiving has written nothing.
 */
export function receivePlan(on: (listener: (message: PlanMessage) => void) => void, header: ImportPlan): Promise<ImportPlan> {
  const plan: ImportPlan = { ...header, adds: [], merges: [] };
  return new Promise((resolve) => {
    on((message) => {
      if (message.type === 'end') resolve(plan);
      else for (const row of message.rows) (plan[message.type] as unknown[]).push(row);
    });
  });
}

/** What the user chose in the preview, decided row by row: everything the thread needs, and nothing else. */
export interface ImportPlan {
  kind: ImportKind;
  fileName: string;
  adds: { contact: ImportedContact; line: string }[];
  merges: { id: number; contact: ImportedContact; take: MergeField[] }[];
  /** Rows skipped in the preview (and by choice). */
  skipped: number;
  /** A CSV's column mapping, remembered for the next file of the same shape once the import commits. */
  mapping: { headerKey: string; fields: CsvField[] } | null;
}

export interface WriterData {
  path: string;
  /** The journal's data key (a copy, zeroed by the thread once its connection is keyed); null for a plain journal. */
  key: Uint8Array | null;
  nativeBinding?: string;
  busyTimeoutMs: number;
  plan: ImportPlan;
  /** One Int32: set to 1 to cancel. Shared memory, because the thread is busy in a loop and reads no messages. */
  cancel: SharedArrayBuffer;
}

export type WriterOutcome =
  | { type: 'done'; importId: number; added: number; updated: number; skipped: number }
  | { type: 'cancelled' }
  | { type: 'failed'; error: ImportFailure };
export type WriterMessage = { type: 'progress'; written: number; toWrite: number } | WriterOutcome;

/** What a failed import says: a JournalError's code and sentence, carried across the thread. */
export interface ImportFailure {
  code: JournalErrorCode;
  message: string;
}

class Cancelled extends Error {}

/**
 * Writes the plan in one transaction on `raw`, reporting after every batch; throws nothing: the outcome says
 * what happened. Cancelled (the flag seen between batches, or just before COMMIT) it rolls back.
 */
export async function writeImport(raw: BetterSqlite3.Database, plan: ImportPlan, report: (written: number) => void, cancelled: () => boolean, busySeconds = 5): Promise<WriterOutcome> {
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: raw }) });
  const check = () => {
    if (cancelled()) throw new Cancelled();
  };
  try {
    check();
    // IMMEDIATE: the write lock is taken up front, so another program's lock is waited for (busy_timeout,
    // in this thread only) rather than failing half-way.
    raw.exec('BEGIN IMMEDIATE');
    const at = new Date().toISOString();
    const { id: importId } = await db
      .insertInto('imports')
      .values({ kind: plan.kind, file_name: plan.fileName, imported_at: at, added: 0, updated: 0, skipped: 0, completed_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const writer = new BulkPeopleWriter(raw);
    let written = 0;
    for (let from = 0; from < plan.adds.length; from += WRITE_BATCH) {
      check();
      // Validated here, by people.create's schema: a bad row refuses the whole import with its sentence.
      const batch = plan.adds.slice(from, from + WRITE_BATCH).map(({ contact, line }) => validated(contact, line));
      writer.write(batch, importId, at);
      written += batch.length;
      report(written);
    }
    let updated = 0;
    let skipped = plan.skipped;
    for (const [index, merge] of plan.merges.entries()) {
      if (index % WRITE_BATCH === 0) check();
      if (await mergeContact(db, merge.id, merge.contact, merge.take)) updated += 1;
      else skipped += 1;
      written += 1;
      if (written % WRITE_BATCH === 0) report(written);
    }
    await db.updateTable('imports').set({ added: plan.adds.length, updated, skipped, completed_at: at }).where('id', '=', importId).execute();
    if (plan.mapping) {
      const mapping = JSON.stringify(plan.mapping.fields);
      await db
        .insertInto('import_mappings')
        .values({ header_key: plan.mapping.headerKey, mapping, updated_at: at })
        .onConflict((oc) => oc.column('header_key').doUpdateSet({ mapping, updated_at: at }))
        .execute();
    }
    // The last moment a cancel can still take everything back.
    check();
    raw.exec('COMMIT');
    report(written);
    return { type: 'done', importId, added: plan.adds.length, updated, skipped };
  } catch (error) {
    // SQLite rolls back by itself on some errors (SQLITE_FULL); only roll back what is still open.
    if (raw.open && raw.inTransaction) raw.exec('ROLLBACK');
    if (error instanceof Cancelled) return { type: 'cancelled' };
    return { type: 'failed', error: importFailure(error, busySeconds) };
  }
}

function importFailure(error: unknown, busySeconds: number): ImportFailure {
  if (error instanceof JournalError) return { code: error.code, message: error.message };
  const mapped = describeSqliteError(error, 'write', busySeconds);
  // describeSqliteError speaks of a form; an import has none, and nothing of it was written.
  if (mapped) return { code: mapped.code, message: mapped.message.replace('Nothing was saved; what you typed is still in the form.', 'Nothing was imported.') };
  // The error's kind and stack only: its message may quote a contact.
  console.error(`[import] the write failed: ${describeError(error)}`);
  return { code: 'internal', message: 'Confidant could not write this import, and nothing of it was imported. Try again; if it keeps failing, restart Confidant.' };
}

/** Opens the journal a second time for the import thread: the same key and pragmas as the worker's connection. */
export function openWriterConnection(data: Pick<WriterData, 'path' | 'key' | 'nativeBinding' | 'busyTimeoutMs'>): BetterSqlite3.Database {
  const raw = new BetterSqlite3(data.path, { fileMustExist: true, ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}) });
  const key = data.key ? Buffer.from(data.key.buffer, data.key.byteOffset, data.key.byteLength) : null;
  try {
    if (key) applyCipherKey(raw, key);
    applyPragmas(raw, data.busyTimeoutMs);
    return raw;
  } catch (error) {
    raw.close();
    throw error;
  } finally {
    key?.fill(0);
  }
}

/** The whole of the thread's work: open, write, close. `post` gets the progress; the outcome is returned. */
export async function runImportWrite(data: WriterData, post: (message: WriterMessage) => void): Promise<WriterOutcome> {
  const flag = new Int32Array(data.cancel);
  const toWrite = data.plan.adds.length + data.plan.merges.length;
  let raw: BetterSqlite3.Database;
  try {
    raw = openWriterConnection(data);
  } catch (error) {
    return { type: 'failed', error: importFailure(error, Math.round(data.busyTimeoutMs / 1000)) };
  }
  try {
    return await writeImport(raw, data.plan, (written) => post({ type: 'progress', written, toWrite }), () => Atomics.load(flag, 0) === 1, Math.round(data.busyTimeoutMs / 1000));
  } finally {
    raw.close();
  }
}
