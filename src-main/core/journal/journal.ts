import { z } from 'zod';
import { contract, type ApiError, type CallResult, type JournalInfo, type ParsedInput, type Result } from '../../contract/contract.js';
import { securityCallNames, type CallName } from '../../contract/names.js';
import type { JournalDb } from '../db/open.js';
import { schemaVersion } from '../db/migrate.js';
import { JournalError } from '../errors.js';
import { describeSqliteError, isCorruption } from '../db/sqlite-errors.js';
import { fromZod } from './validation.js';
import { describeError } from '../redact.js';
import {
  createInteraction,
  deleteInteraction,
  getInteraction,
  timeline,
  purgeTrash,
  undoDelete,
  updateInteraction,
} from '../interactions/interactions.js';
import { createPerson, getPerson, listPeople, updatePerson } from '../people/people.js';
import { findPeople, PeopleFinder } from '../people/finder.js';
import { organizations, peopleWindow } from '../people/window.js';
import { getAsk, getCommitment, getExchange } from '../reciprocity/items.js';
import { associationHandlers } from '../associations/handlers.js';
import { calendarHandlers } from '../calendar/handlers.js';
import { networkHandlers } from '../network/handlers.js';
import { reciprocityHandlers } from '../reciprocity/handlers.js';
import { transferHandlers } from '../import/handlers.js';
import { Importer, type SpawnImportThread } from '../import/import.js';
import { undoUnfinishedImports } from '../import/write.js';
import { loadSample } from '../sample/sample.js';
import { FuzzyIndex } from '../search/fuzzy.js';
import { search } from '../search/search.js';

/** Calls the session answers itself (journal.status, recovery, backups): they outlive one open journal. */
export const sessionCalls = [
  // journal.status and the security calls (#12): unlock, lock and passphrases work while locked too.
  ...securityCallNames,
  'recovery.restoreBackup',
  'recovery.openReadOnly',
  'backups.list',
  'backups.create',
  'backups.restore',
  'backups.setFolder',
] as const satisfies readonly CallName[];
type SessionCall = (typeof sessionCalls)[number];
type JournalCall = Exclude<CallName, SessionCall>;

type Handlers = { [K in JournalCall]: (input: ParsedInput<K>) => Promise<CallResult<K>> };

/** Calls that only read: they run outside a write transaction, and a failure never talks about saving. */
export const readCalls: ReadonlySet<CallName> = new Set<CallName>([
  'journal.info',
  'people.list',
  'people.window',
  'people.find',
  'people.organizations',
  'people.get',
  'interactions.timeline',
  'interactions.get',
  'reciprocity.ledger',
  'reciprocity.queues',
  'reciprocity.queue',
  'reciprocity.queueSummary',
  'reciprocity.thanksOwed',
  'reciprocity.person',
  'reciprocity.exchanges',
  'reciprocity.beforeAsk',
  'search.query',
  'associations.list',
  'associations.get',
  'associations.events',
  'associations.pace',
  'review.quarter',
  'review.exportMarkdown',
  'review.thanksOwed',
  'review.overdue',
  // The import's own steps write nothing on this connection: its thread writes on its own (import/commit.ts),
  // and a transaction here would take the write lock it needs.
  'import.stage',
  'import.preview',
  'import.commit',
  'import.progress',
  'import.cancel',
  // A copy taken with the backup API cannot run inside the call's own write transaction.
  'export.json',
  'export.csv',
  'export.markdown',
  'export.journalCopy',
  'network.overview',
  'network.graph',
  'links.list',
  'introductions.list',
]);

export interface JournalOptions {
  /** Reads the bundled sample journal; injected so the core never needs to know where resources live. */
  readSample: () => Promise<unknown>;
  /** Told once when SQLite reports the file damaged (SQLITE_CORRUPT, SQLITE_NOTADB): the session stops using it. */
  onCorruption?: (error: unknown) => void;
  /** The open encrypted journal's data key, or null for a plain one: only the plain copy export reads it. */
  dataKey?: () => Buffer | null;
  /** Starts an import's write thread (the worker's built entry; tests the source). Left out: on this thread. */
  importThread?: SpawnImportThread | null;
  /** The native binding the import thread's connection loads, when not better-sqlite3's own. */
  nativeBinding?: string;
}

/** How long the journal waits after a save, with no other call, before folding the -wal into the file. */
export const IDLE_CHECKPOINT_MS = 1000;

/**
 * Calls served at once, beside the queue: import.progress touches no table (it waits for the import thread's
 * next message), and in the queue its wait would hold up every call behind it.
 */
const unqueuedCalls: ReadonlySet<CallName> = new Set<CallName>(['import.progress']);

/**
 * The journal behind the API: one handler per contract call, each given input already parsed by the
 * contract's schema. `call` is the only way in, for the Electron worker and the test harness alike.
 */
export class Journal {
  private readonly handlers: Handlers;
  /** Calls run one at a time: each write call is one transaction on the one connection. */
  private queue: Promise<unknown> = Promise.resolve();
  /** While an import's thread holds the write lock, write calls wait for it here (see holdWrites). */
  private writesWait: Promise<unknown> | null = null;
  /** The checkpoint waiting for the journal to be idle after a save (see checkpointWhenIdle). */
  private checkpointTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly importer: Importer;

  constructor(
    private readonly journal: JournalDb,
    private readonly options: JournalOptions,
  ) {
    const { db } = journal;
    // Imports are one transaction now (import/commit.ts) and cannot leave anything half-written. A journal
    // last opened by the version that wrote imports in chunks of 500 may still hold one it closed in the
    // middle of: that is undone before anything is read (one indexed look when there is none).
    if (!journal.readonly) undoUnfinishedImports(journal.raw);
    // fuse.js indexes held for the life of the journal; they rebuild themselves when the data changes.
    const fuzzy = new FuzzyIndex(journal.raw);
    // Everyone's folded names and words for the People filter and the pickers, kept by the people revision.
    const finder = new PeopleFinder();
    this.importer = new Importer(journal, {
      spawn: options.importThread ?? null,
      dataKey: () => options.dataKey?.() ?? null,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      holdWrites: (until) => this.holdWrites(until),
    });
    this.handlers = {
      'journal.info': () => this.info(),
      'journal.loadSample': async () => {
        await loadSample(db, await options.readSample());
        return this.info();
      },
      'people.list': () => listPeople(db),
      'people.window': (input) => peopleWindow(db, finder, input),
      'people.find': (input) => findPeople(db, finder, input),
      'people.organizations': () => organizations(db, finder),
      'people.get': ({ id }) => getPerson(db, id),
      'people.create': async (fields) => getPerson(db, await db.transaction().execute((trx) => createPerson(trx, fields))),
      'people.update': async ({ id, ...fields }) => {
        await db.transaction().execute((trx) => updatePerson(trx, id, fields));
        return getPerson(db, id);
      },
      'interactions.timeline': (input) => timeline(db, input),
      'interactions.get': ({ id }) => getInteraction(db, id),
      'interactions.create': (fields) => createInteraction(db, fields),
      'interactions.update': async ({ id, ...fields }) => {
        await updateInteraction(db, id, fields);
        return getInteraction(db, id);
      },
      'interactions.delete': ({ id }) => deleteInteraction(db, id),
      'interactions.undoDelete': async () => {
        const id = await undoDelete(db);
        return id === null ? null : getInteraction(db, id);
      },
      'interactions.purgeTrash': () => purgeTrash(db),
      ...reciprocityHandlers(db),
      'search.query': (input) => search(db, input, fuzzy),
      ...associationHandlers(db),
      ...calendarHandlers(db),
      ...transferHandlers(journal, this.importer, () => options.dataKey?.() ?? null),
      ...networkHandlers(db),
    };
  }

  get path(): string {
    return this.journal.path;
  }

  /** Validates an untrusted call and runs it; never throws, every failure is a readable error. */
  call(name: unknown, input?: unknown): Promise<Result<unknown>> {
    if (unqueuedCalls.has(name as CallName)) return this.run(name, input);
    // A write while the import thread holds the write lock waits for it to commit or roll back, in the
    // order the writes came; reads go on meanwhile (they see the journal as it was before the import).
    // Waiting here, not in SQLite's busy_timeout, which would put this whole thread to sleep, reads too.
    const gate = this.writesWait;
    if (gate && typeof name === 'string' && !readCalls.has(name as CallName)) return gate.then(() => this.enqueue(name, input));
    return this.enqueue(name, input);
  }

  private enqueue(name: unknown, input?: unknown): Promise<Result<unknown>> {
    const run = this.queue.then(() => this.run(name, input));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Write calls wait until `until` settles (an import's thread holds the write lock until then). The gate
   * is cleared first thing when it settles, so the writes that waited are queued before any later one.
   */
  private holdWrites(until: Promise<unknown>): void {
    const gate = until.then(
      () => {
        if (this.writesWait === gate) this.writesWait = null;
      },
      () => {
        if (this.writesWait === gate) this.writesWait = null;
      },
    );
    this.writesWait = gate;
  }

  private async run(name: unknown, input?: unknown): Promise<Result<unknown>> {
    if (typeof name !== 'string' || !Object.hasOwn(this.handlers, name)) {
      return failure({ code: 'unknown-call', message: 'Confidant does not know that request.' });
    }
    const key = name as JournalCall;
    let merged: unknown;
    try {
      merged = await this.withStoredValues(key, input);
    } catch (error) {
      return failure(this.describe(key, 'read', error));
    }
    const parsed = contract[key].input.safeParse(merged);
    if (!parsed.success) return failure(fromZod(parsed.error));
    const action = readCalls.has(key) ? 'read' : 'write';
    const { raw } = this.journal;
    try {
      const handler = this.handlers[key] as (input: unknown) => Promise<unknown>;
      if (action === 'read' || this.journal.readonly) return { ok: true, value: await handler(parsed.data) };
      // The whole call is one IMMEDIATE transaction: it waits for another program's lock instead of failing
      // half-way, and a call refused part-way (a person not found after a row was written) changes nothing.
      raw.exec('BEGIN IMMEDIATE');
      const value = await handler(parsed.data);
      raw.exec('COMMIT');
      // Erased text must not survive in the -wal either: fold it into the file and truncate the log.
      if (key === 'interactions.purgeTrash') raw.pragma('wal_checkpoint(TRUNCATE)');
      else this.checkpointWhenIdle();
      return { ok: true, value };
    } catch (error) {
      // SQLite rolls back by itself on some errors (SQLITE_FULL); only roll back what is still open.
      if (raw.open && raw.inTransaction) {
        try {
          raw.exec('ROLLBACK');
        } catch (rollbackError) {
          console.error(`[journal] ${key}: rollback failed: ${describeError(rollbackError)}`);
        }
      }
      return failure(this.describe(key, action, error));
    }
  }

  /**
   * An update changes only the fields it names: a field left out keeps its stored value (an update without
   * `confidential` must not make a confidential entry public). The stored record fills the gaps before the
   * input is validated as a whole; a field given as null is still cleared.
   */
  private async withStoredValues(key: JournalCall, input: unknown): Promise<unknown> {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
    const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    const id = given.id;
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) return input;
    try {
      if (key === 'people.update') {
        const p = await this.handlers['people.get']({ id });
        const stored = { name: p.name, organization: p.organization, role: p.role, level: p.level, insideOrg: p.insideOrg, department: p.department, howWeMet: p.howWeMet, tags: p.tags, allyRole: p.allyRole, cadenceDays: p.cadenceDays, notes: p.notes };
        return { ...stored, ...given };
      }
      if (key === 'interactions.update') {
        const i = await this.handlers['interactions.get']({ id });
        const stored = { occurredAt: i.occurredAt, kind: i.kind, title: i.title, notes: i.notes, confidential: i.confidential, location: i.location, personIds: i.people.map((person) => person.id), associationId: given.kind !== undefined && given.kind !== 'event' ? null : (i.association?.id ?? null) };
        return { ...stored, ...given };
      }
      if (key === 'exchanges.update') {
        const e = await getExchange(this.journal.db, id);
        const stored = { direction: e.direction, kind: e.kind, description: e.description, occurredAt: e.occurredAt, personIds: e.people.map((person) => person.id) };
        return { ...stored, ...given };
      }
      if (key === 'asks.update') {
        const a = await getAsk(this.journal.db, id);
        const stored = { direction: a.direction, description: a.description, askedAt: a.askedAt, personIds: a.people.map((person) => person.id) };
        return { ...stored, ...given };
      }
      if (key === 'commitments.update') {
        const c = await getCommitment(this.journal.db, id, new Date().toISOString().slice(0, 10));
        const stored = { direction: c.direction, personId: c.person.id, description: c.description, dueOn: c.dueOn };
        return { ...stored, ...given };
      }
      if (key === 'associations.update') {
        const a = await this.handlers['associations.get']({ id });
        const stored = { name: a.name, category: a.category, website: a.website, notes: a.notes, myRole: a.myRole, renewalOn: a.renewalOn };
        return { ...stored, ...given };
      }
    } catch (error) {
      // Not found (or unreadable): validated as given; the handler then says what is wrong.
      if (!(error instanceof JournalError)) throw error;
    }
    return input;
  }

  private describe(key: CallName, action: 'read' | 'write', error: unknown): ApiError {
    if (error instanceof JournalError) {
      return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
    }
    if (error instanceof z.ZodError) return fromZod(error);
    if (isCorruption(error)) {
      // A rescue copy is read for what is left: a damaged part is reported, and the rest stays readable.
      if (this.journal.readonly) {
        return { code: 'damaged', message: 'This part of the journal is damaged and cannot be read. Other parts may still be readable; export what you can.' };
      }
      this.options.onCorruption?.(error);
    }
    if (action === 'write' && this.journal.readonly) {
      return {
        code: 'read-only',
        message: 'This journal is open read-only, to read and export what is left: nothing can be saved to it. Restore a backup to write again.',
      };
    }
    const mapped = describeSqliteError(error, action, Math.round(this.journal.busyTimeoutMs / 1000));
    if (mapped) {
      console.error(`[journal] ${key} failed: ${mapped.code} ${describeError(error)}`);
      return { code: mapped.code, message: mapped.message };
    }
    // The call's name and the error's kind and stack only: never its message, which may quote text.
    console.error(`[journal] ${key} failed: ${describeError(error)}`);
    return {
      code: 'internal',
      message:
        action === 'write'
          ? 'Confidant could not save this, and nothing was changed. Try again; if it keeps failing, restart Confidant.'
          : 'Confidant could not read this part of your journal. Try again; if it keeps failing, restart Confidant.',
    };
  }

  get readonly(): boolean {
    return this.journal.readonly;
  }

  get raw() {
    return this.journal.raw;
  }

  /**
   * Folds the saves' -wal frames into the journal once no call has come for a second. SQLite's own
   * checkpoint (at WAL_AUTOCHECKPOINT_FRAMES, db/open.ts) otherwise lands inside whichever save crosses
   * the mark: one save in thirty took 6–8 ms instead of 1 at 100,000 entries. PASSIVE: it never waits
   * for a reader or the import thread, and does what it can. The frames are already durable (synchronous
   * = FULL); this only keeps the -wal short and the saves quick.
   */
  private checkpointWhenIdle(): void {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = null;
      const { raw } = this.journal;
      this.queue = this.queue
        .then(() => {
          if (raw.open && !raw.inTransaction) raw.pragma('wal_checkpoint(PASSIVE)');
        })
        .catch(() => undefined);
    }, IDLE_CHECKPOINT_MS);
    this.checkpointTimer.unref?.();
  }

  /** Closes the database once the calls already made have finished. */
  async close(): Promise<void> {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    // An import being written is rolled back (nothing of it was acknowledged) before the connection closes.
    // Awaited only then: the session closes a damaged journal without waiting, and an idle close must take
    // no more turns of the event loop than it did.
    if (this.importer.busy) await this.importer.stop();
    await this.queue;
    await this.journal.close();
  }

  private async info(): Promise<JournalInfo> {
    const { db } = this.journal;
    // Two counters kept by triggers (migrations/0005-counters.ts): counting live interactions scanned them all.
    const counts = await db.selectFrom('journal_counts').select(['name', 'n']).execute();
    const count = (name: 'people' | 'interactions') => Number(counts.find((row) => row.name === name)?.n ?? 0);
    return {
      path: this.journal.path,
      schemaVersion: await schemaVersion(db),
      people: count('people'),
      interactions: count('interactions'),
    };
  }
}

function failure(error: ApiError): Result<never> {
  return { ok: false, error };
}

