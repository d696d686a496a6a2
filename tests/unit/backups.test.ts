// Backups: taken with the online backup API, verified before they count, rotated, and restored with the
// current journal kept as a dated copy. A failed backup is reported and never replaces a good one.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { BackupsOverview, JournalStatus } from '../../src-main/contract/contract.js';
import { Backups, copyJournal } from '../../src-main/core/backups/backups.js';
import { LATEST_VERSION, migrations } from '../../src-main/core/db/migrations/index.js';
import { migrate } from '../../src-main/core/db/migrate.js';
import { JournalSession } from '../../src-main/core/index.js';
import { Kysely, SqliteDialect } from 'kysely';
import { keyFilePath } from '../../src-main/core/crypto/keyfile.js';
import { testKeychain } from '../test-keychain.js';
import { addPerson, call, describe, expect, newInteraction, readSampleFile, test } from './helpers.js';

function start(journalPath: string, options: Partial<Parameters<typeof JournalSession.start>[0]> = {}) {
  return JournalSession.start({ journalPath, readSample: async () => readSampleFile(), ...options });
}

async function value<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error?.message);
  return result.value as T;
}

describe('backups', () => {
  test('Back up now writes a verified copy beside the journal that holds every entry', async ({ dir, journalPath }) => {
    const session = await start(journalPath);
    try {
      const personId = await addPerson(session.journal!, { name: 'Ada Obi' });
      await call(session.journal!, 'interactions.create', newInteraction({ title: 'Before the backup', personIds: [personId] }));
      const overview = await value<BackupsOverview>(session.call('backups.create'));
      expect(overview.folder).toBe(join(dir, 'Confidant backups'));
      expect(overview.backups).toHaveLength(1);
      const [backup] = overview.backups;
      expect(backup).toMatchObject({ reason: 'manual', name: expect.stringMatching(/^journal \d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z manual\.sqlite$/) });
      expect(backup!.bytes).toBeGreaterThan(0);
      const copy = new BetterSqlite3(backup!.path, { readonly: true });
      expect(copy.prepare('SELECT title FROM interactions').pluck().all()).toEqual(['Before the backup']);
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      copy.close();
      // No half-written copy is left behind.
      expect(readdirSync(overview.folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test('a backup that fails its check is reported, removed, and never replaces the good one', async ({ journalPath }) => {
    const good = await start(journalPath);
    const first = await value<BackupsOverview>(good.call('backups.create'));
    await good.close();
    const goodHash = createHash('sha256').update(readFileSync(first.backups[0]!.path)).digest('hex');

    const session = await start(journalPath, { verify: async () => 'page 7 is damaged', now: () => new Date(Date.now() + 60_000) });
    try {
      const failed = await session.call('backups.create');
      expect(failed).toMatchObject({ ok: false, error: { code: 'io-error', message: expect.stringMatching(/did not pass its check \(page 7 is damaged\).*earlier backups are kept/) } });
      const overview = await value<BackupsOverview>(session.call('backups.list'));
      expect(overview.backups.map((backup) => backup.path)).toEqual([first.backups[0]!.path]);
      expect(overview.lastFailure?.message).toMatch(/page 7 is damaged/);
      expect(createHash('sha256').update(readFileSync(first.backups[0]!.path)).digest('hex')).toBe(goodHash);
      expect(readdirSync(overview.folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test('a backup folder that cannot be written is reported in words', async ({ dir, journalPath }) => {
    const session = await start(journalPath);
    try {
      const folder = join(dir, 'elsewhere');
      mkdirSync(folder);
      await value(session.call('backups.setFolder', { folder }));
      // The folder is replaced by a file: the backup cannot go there.
      const { rmSync } = await import('node:fs');
      rmSync(folder, { recursive: true });
      writeFileSync(folder, 'not a folder');
      const failed = await session.call('backups.create');
      expect(failed).toMatchObject({ ok: false, error: { code: 'io-error', message: expect.stringMatching(/earlier backups are kept/) } });
      expect(await session.call('backups.setFolder', { folder: join(dir, 'missing') })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/does not exist/) } });
      const overview = await value<BackupsOverview>(session.call('backups.setFolder', { folder: null }));
      expect(overview.folder).toBe(overview.defaultFolder);
    } finally {
      await session.close();
    }
  });

  test('the first start of each day takes one backup, later starts that day none', async ({ journalPath }) => {
    let now = new Date(2026, 11, 1, 9, 0, 0);
    const session = await start(journalPath, { now: () => now });
    try {
      expect(await session.dailyBackup()).toBe(true);
      now = new Date(2026, 11, 1, 17, 0, 0);
      expect(await session.dailyBackup()).toBe(false);
      now = new Date(2026, 11, 2, 8, 0, 0);
      expect(await session.dailyBackup()).toBe(true);
      const overview = await value<BackupsOverview>(session.call('backups.list'));
      expect(overview.backups.map((backup) => backup.reason)).toEqual(['daily', 'daily']);
    } finally {
      await session.close();
    }
  });

  test('a migration is preceded by a verified backup of the journal as it was', async ({ journalPath }) => {
    // A journal at the version before the latest, with a person in it.
    const raw = new BetterSqlite3(journalPath);
    const db = new Kysely({ dialect: new SqliteDialect({ database: raw }) });
    await migrate(db, migrations.slice(0, LATEST_VERSION - 1));
    raw.prepare("INSERT INTO people (name, created_at, updated_at) VALUES ('Grace Hopper', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')").run();
    await db.destroy();

    const session = await start(journalPath);
    try {
      expect(session.status()).toMatchObject({ state: 'open' });
      const overview = await value<BackupsOverview>(session.call('backups.list'));
      expect(overview.backups.map((backup) => backup.reason)).toEqual(['before-upgrade']);
      const copy = new BetterSqlite3(overview.backups[0]!.path, { readonly: true });
      expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_VERSION - 1);
      expect(copy.prepare('SELECT name FROM people').pluck().all()).toEqual(['Grace Hopper']);
      copy.close();
    } finally {
      await session.close();
    }
  });

  test('Restore puts a backup back and keeps the journal as it was as a dated copy', async ({ dir, journalPath }) => {
    const session = await start(journalPath);
    try {
      const personId = await addPerson(session.journal!, { name: 'Ada Obi' });
      await call(session.journal!, 'interactions.create', newInteraction({ title: 'In the backup', personIds: [personId] }));
      const overview = await value<BackupsOverview>(session.call('backups.create'));
      await call(session.journal!, 'interactions.create', newInteraction({ title: 'After the backup', personIds: [personId] }));

      const status = await value<JournalStatus>(session.call('backups.restore', { path: overview.backups[0]!.path }));
      expect(status).toMatchObject({ state: 'open', readOnly: false });
      const titles = (await call(session.journal!, 'interactions.timeline', { limit: 10 })).entries.map((entry) => entry.title);
      expect(titles).toEqual(['In the backup']);

      const copies = readdirSync(dir).filter((name) => name.startsWith('journal before restore '));
      expect(copies.filter((name) => name.endsWith('.sqlite'))).toHaveLength(1);
      const kept = new BetterSqlite3(join(dir, copies.find((name) => name.endsWith('.sqlite'))!), { readonly: true });
      expect(kept.prepare('SELECT title FROM interactions ORDER BY id').pluck().all()).toEqual(['In the backup', 'After the backup']);
      kept.close();
      expect(await session.call('backups.restore', { path: join(dir, 'nowhere.sqlite') })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    } finally {
      await session.close();
    }
  });

  test('an encrypted journal is backed up under its key with its key file beside, and restored with it', async ({ dir, journalPath }) => {
    const keychain = testKeychain();
    const marker = `backupmarker${Date.now()}`;
    const session = await start(journalPath, { keychain });
    try {
      expect(session.status()).toMatchObject({ state: 'open' });
      const personId = await addPerson(session, { name: marker });
      await call(session, 'interactions.create', newInteraction({ title: 'Kept in the backup', personIds: [personId] }));
      const [backup] = (await value<BackupsOverview>(session.call('backups.create'))).backups;
      // VACUUM INTO under the journal's key: no plaintext, and the key file that opens it beside it.
      expect(readFileSync(backup!.path).includes(marker)).toBe(false);
      expect(readFileSync(`${backup!.path}.key`)).toEqual(readFileSync(keyFilePath(journalPath)));
      await call(session, 'interactions.create', newInteraction({ title: 'Written after the backup', personIds: [personId] }));
      const restored = await value<JournalStatus>(session.call('backups.restore', { path: backup!.path }));
      expect(restored).toMatchObject({ state: 'open' });
      expect((await call(session, 'interactions.timeline', { limit: 10 })).entries.map((entry) => entry.title)).toEqual(['Kept in the backup']);
      // The journal as it was, with its key file, is kept as a dated pair beside it.
      const kept = readdirSync(dir).filter((name) => name.startsWith('journal before restore'));
      expect(kept.some((name) => name.endsWith('.sqlite'))).toBe(true);
      expect(kept.some((name) => name.endsWith('.sqlite.key'))).toBe(true);
    } finally {
      await session.close();
    }
  });

  for (const [kind, encrypted] of [['a plain', false], ['an encrypted', true]] as const) test(
    `${kind} journal copied from a connection of its own (as the worker does, in a thread): calls go on meanwhile, the backup is verified and restores`,
    async ({ journalPath }) => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let copying = false;
      const marker = `copymarker${Date.now()}`;
      const session = await start(journalPath, {
        ...(encrypted ? { keychain: testKeychain() } : {}),
        copy: async (source, destination, key) => {
          copying = true;
          await gate;
          await copyJournal(source, destination, undefined, key);
        },
      });
      try {
        const personId = await addPerson(session, { name: marker });
        const backup = session.call('backups.create');
        // The copy has started and is held; a save made now is answered before it finishes.
        await expect.poll(() => copying).toBe(true);
        await call(session, 'interactions.create', newInteraction({ title: 'Saved while the backup ran', personIds: [personId] }));
        release();
        const [taken] = (await value<BackupsOverview>(backup)).backups;
        expect(readFileSync(taken!.path).includes(marker)).toBe(!encrypted);
        if (encrypted) expect(readFileSync(`${taken!.path}.key`)).toEqual(readFileSync(keyFilePath(journalPath)));
        await call(session, 'interactions.create', newInteraction({ title: 'Written after the backup', personIds: [personId] }));
        expect(await value<JournalStatus>(session.call('backups.restore', { path: taken!.path }))).toMatchObject({ state: 'open' });
        expect((await call(session, 'interactions.timeline', { limit: 10 })).entries.map((entry) => entry.title)).toEqual(['Saved while the backup ran']);
      } finally {
        release();
        await session.close();
      }
    },
  );

  test('rotation keeps the newest of each of the last 7 days, 4 weeks and 12 months, and 2 before-upgrade', ({ dir }) => {
    const journalPath = join(dir, 'journal.sqlite');
    const backups = new Backups(journalPath);
    const folder = backups.defaultFolder;
    mkdirSync(folder);
    // Two a day for 400 days, and five upgrades.
    const start = new Date(2026, 11, 1, 12, 0, 0).getTime();
    const names: string[] = [];
    for (let day = 0; day < 400; day += 1) {
      for (const hour of [0, 6]) {
        const at = new Date(start - day * 86_400_000 - hour * 3_600_000);
        names.push(`journal ${at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-')} daily.sqlite`);
      }
    }
    for (let i = 0; i < 5; i += 1) {
      const at = new Date(start - i * 40 * 86_400_000 - 3 * 3_600_000);
      names.push(`journal ${at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-')} before-upgrade.sqlite`);
    }
    for (const name of names) writeFileSync(join(folder, name), 'x');
    // Another journal's backups in the same folder are left alone.
    writeFileSync(join(folder, 'work 2020-01-01T00-00-00Z daily.sqlite'), 'x');

    backups.rotate();
    const kept = backups.list();
    expect(kept.filter((backup) => backup.reason === 'before-upgrade')).toHaveLength(2);
    const daily = kept.filter((backup) => backup.reason === 'daily');
    // 7 days + up to 4 weeks + up to 12 months, overlapping: never more than 23, and at least a year back.
    expect(daily.length).toBeGreaterThanOrEqual(12);
    expect(daily.length).toBeLessThanOrEqual(23);
    expect(daily[0]!.takenAt).toBe(new Date(start).toISOString());
    expect(new Set(daily.slice(0, 7).map((backup) => backup.takenAt.slice(0, 10))).size).toBe(7);
    const oldest = new Date(daily.at(-1)!.takenAt).getTime();
    expect(start - oldest).toBeGreaterThan(300 * 86_400_000);
    expect(existsSync(join(folder, 'work 2020-01-01T00-00-00Z daily.sqlite'))).toBe(true);
  });
});
