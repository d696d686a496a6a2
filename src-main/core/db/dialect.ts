import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase, type SqliteDialectConfig } from 'kysely';

/** How many distinct statements stay prepared: every query the app writes, with room for IN lists of many lengths. */
const STATEMENTS_KEPT = 400;

/**
 * Kysely's SQLite dialect with write transactions that start IMMEDIATE.
 *
 * A deferred BEGIN that reads first and then writes cannot wait for another process's write lock: in WAL
 * mode the upgrade fails at once with SQLITE_BUSY, whatever busy_timeout says. BEGIN IMMEDIATE takes the
 * write lock up front, so the busy handler waits for it (https://www.sqlite.org/lang_transaction.html).
 *
 * A transaction opened while one is already running (the journal wraps each write call in one; handlers
 * open their own inside it) becomes a savepoint, so an inner failure undoes only its own part and the outer
 * call decides. Rollback is skipped when SQLite already rolled back by itself (SQLITE_FULL does this), so
 * the real error is reported, not "cannot rollback - no transaction is active".
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  private readonly kept: SqliteDatabase;

  constructor(private readonly settings: SqliteDialectConfig & { database: BetterSqlite3.Database }) {
    super(settings);
    this.kept = keepingStatements(settings.database);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ ...this.settings, database: this.kept }, this.settings.database);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  private readonly raw: BetterSqlite3.Database;
  /** What each open level is: the outermost real transaction or a savepoint inside one. */
  private readonly levels: ('transaction' | string)[] = [];

  constructor(settings: SqliteDialectConfig, raw: BetterSqlite3.Database) {
    super(settings);
    this.raw = raw;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.raw.inTransaction) {
      const name = `kysely_${this.levels.length}`;
      await connection.executeQuery(CompiledQuery.raw(`SAVEPOINT ${name}`));
      this.levels.push(name);
    } else {
      await connection.executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE'));
      this.levels.push('transaction');
    }
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const level = this.levels.pop();
    if (level === undefined || level === 'transaction') await connection.executeQuery(CompiledQuery.raw('COMMIT'));
    else await connection.executeQuery(CompiledQuery.raw(`RELEASE ${level}`));
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const level = this.levels.pop();
    if (!this.raw.inTransaction) return;
    if (level === undefined || level === 'transaction') {
      await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
    } else {
      await connection.executeQuery(CompiledQuery.raw(`ROLLBACK TO ${level}`));
      await connection.executeQuery(CompiledQuery.raw(`RELEASE ${level}`));
    }
  }
}

const keptFor = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/** Lets go of every statement kept for `raw`: the next of each is prepared again (tests that watch prepare). */
export function forgetKeptStatements(raw: BetterSqlite3.Database): void {
  keptFor.get(raw)?.clear();
}

/**
 * The connection as Kysely sees it, with its statements kept prepared. Kysely prepares every query anew,
 * which is a third of a plain log's time in SQLite (seven prepares, ~0.5 ms); a statement is reused
 * instead, the least recently used dropped past STATEMENTS_KEPT. One still being iterated (`busy`) is
 * never handed out twice: that call gets a fresh one. SQLite re-prepares a kept statement by itself
 * after a schema change (sqlite3_prepare_v3), so migrations need nothing here.
 */
export function keepingStatements(raw: BetterSqlite3.Database): SqliteDatabase {
  const kept = new Map<string, BetterSqlite3.Statement>();
  keptFor.set(raw, kept);
  return {
    close: () => {
      kept.clear();
      raw.close();
    },
    prepare: (sql) => {
      const statement = kept.get(sql);
      if (statement && !statement.busy) {
        kept.delete(sql); // to the back: the most recently used
        kept.set(sql, statement);
        return statement;
      }
      const fresh = raw.prepare(sql);
      if (!statement) {
        kept.set(sql, fresh);
        if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
      }
      return fresh;
    },
  };
}
