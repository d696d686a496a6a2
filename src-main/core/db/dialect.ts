import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';

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
  constructor(private readonly settings: SqliteDialectConfig & { database: BetterSqlite3.Database }) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  private readonly raw: BetterSqlite3.Database;
  /** What each open level is: the outermost real transaction or a savepoint inside one. */
  private readonly levels: ('transaction' | string)[] = [];

  constructor(settings: SqliteDialectConfig & { database: BetterSqlite3.Database }) {
    super(settings);
    this.raw = settings.database;
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
