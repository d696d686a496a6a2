// The journal as the app runs it: the built worker thread, driven through the same client main uses.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Interaction, TimelinePage } from '../../src-main/contract/contract.js';
import { LATEST_VERSION } from '../../src-main/core/db/migrations/index.js';
import { JournalClient } from '../../src-main/shell/journal-client.js';
import { testKeychain } from '../test-keychain.js';
import { addPerson, call, describe, expect, newInteraction, openTestJournal, root, samplePath, test } from './helpers.js';
import { vi } from 'vitest';

// A passphrase costs one scrypt derivation (N=2^17, 128 MiB: about half a second on an idle core); a test
// here makes up to eight, which on a busy 2-core runner is more than the suite's default 20 s.
vi.setConfig({ testTimeout: 90_000 });

const workerPath = join(root, 'out', 'main', 'journal-worker.js');
const built = existsSync(workerPath);

describe('the journal worker', () => {
  if (!built) {
    test.skip('needs out/main/journal-worker.js: run `npx electron-vite build` first (npm test does)', () => {});
    return;
  }

  // The keychain main would hold (safeStorage); the journal is encrypted with a key it wraps.
  const keychain = testKeychain();

  test('writes an import on an encrypted journal in the built import thread, and follows it to the end', async ({ journalPath }) => {
    const client = await JournalClient.start(workerPath, { journalPath, samplePath }, keychain);
    try {
      const journal = { call: (name: unknown, input?: unknown) => client.call(name as string, input) };
      const text = ['Ada Lovelace', 'Grace Hopper'].map((name) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEND:VCARD\r\n`).join('');
      const stage = await call(journal, 'import.stage', { fileName: 'two.vcf', text });
      expect(await call(journal, 'import.commit', { token: stage.token })).toMatchObject({ state: 'writing', toWrite: 2 });
      let progress = await call(journal, 'import.progress', { token: stage.token });
      while (progress.state === 'writing') progress = await call(journal, 'import.progress', { token: stage.token });
      expect(progress).toMatchObject({ state: 'done', added: 2 });
      expect((await call(journal, 'people.list')).map((person) => person.name).sort()).toEqual(['Ada Lovelace', 'Grace Hopper']);
    } finally {
      await client.close();
    }
  });

  test('answers calls, refuses bad input, and leaves the data on disk when closed', async ({ journalPath }) => {
    const client = await JournalClient.start(workerPath, { journalPath, samplePath }, keychain);
    let closed = false;
    try {
      const person = await client.call('people.create', { name: 'Ada' });
      expect(person).toMatchObject({ ok: true, value: { id: 1, name: 'Ada' } });

      const created = await client.call('interactions.create', newInteraction({ title: 'Worker coffee', personIds: [1] }));
      expect(created).toMatchObject({ ok: true, value: { title: 'Worker coffee', people: [{ id: 1, name: 'Ada' }] } });
      const id = (created as { value: Interaction }).value.id;

      const page = await client.call('interactions.timeline', { limit: 10 });
      expect(page.ok && (page.value as TimelinePage).entries.map((entry) => entry.id)).toEqual([id]);

      const bad = await client.call('interactions.create', newInteraction({ title: '', personIds: [1] }));
      expect(bad).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Title is required.', fields: { title: 'Title is required.' } } });
      expect(await client.call('people.delete', { id: 1 })).toMatchObject({ ok: false, error: { code: 'unknown-call' } });

      await client.close();
      closed = true;
    } finally {
      if (!closed) await client.close();
    }

    const reopened = await JournalClient.start(workerPath, { journalPath, samplePath }, keychain);
    try {
      expect(await reopened.call('journal.status', undefined)).toMatchObject({ ok: true, value: { state: 'open' } });
      const journal = { call: (name: unknown, input?: unknown) => reopened.call(name as string, input) };
      expect(await call(journal, 'journal.info')).toMatchObject({ people: 1, interactions: 1, schemaVersion: LATEST_VERSION });
      expect((await call(journal, 'interactions.timeline', { limit: 10 })).entries.map((entry) => entry.title)).toEqual(['Worker coffee']);
    } finally {
      await reopened.close();
    }
  });

  test('runs calls in the order they were sent', async ({ journalPath }) => {
    const { journal } = await openTestJournal(journalPath);
    await addPerson(journal, { name: 'Ada' });
    await journal.close();

    const client = await JournalClient.start(workerPath, { journalPath, samplePath }, keychain);
    try {
      const titles = Array.from({ length: 20 }, (_, i) => `Entry ${i}`);
      const results = await Promise.all(titles.map((title) => client.call('interactions.create', newInteraction({ title, personIds: [1] }))));
      expect(results.map((result) => result.ok && (result.value as Interaction).id)).toEqual(titles.map((_, i) => i + 1));
    } finally {
      await client.close();
    }
  });

  test('backs up with the check in a thread of its own, while calls keep being answered', async ({ journalPath }) => {
    const client = await JournalClient.start(workerPath, { journalPath, samplePath, dailyBackupDelayMs: null }, keychain);
    try {
      await client.call('people.create', { name: 'Ada' });
      const [backup, list] = await Promise.all([client.call('backups.create', undefined), client.call('people.list', undefined)]);
      expect(list).toMatchObject({ ok: true, value: [{ name: 'Ada' }] });
      expect(backup).toMatchObject({ ok: true, value: { backups: [{ reason: 'manual', bytes: expect.any(Number) }], lastFailure: null } });
    } finally {
      await client.close();
    }
  });

  test('stays up on a journal from a newer Confidant, answering journal.status, refusing the rest, and leaving it as it was', async ({ journalPath }) => {
    const raw = new BetterSqlite3(journalPath);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const before = readFileSync(journalPath);

    const client = await JournalClient.start(workerPath, { journalPath, samplePath }, keychain);
    try {
      expect(await client.call('journal.status', undefined)).toMatchObject({
        ok: true,
        value: { state: 'unavailable', problem: { kind: 'future-version', path: journalPath, choices: ['open-another', 'show-in-folder', 'quit'] } },
      });
      expect(await client.call('people.list', undefined)).toMatchObject({ ok: false, error: { code: 'journal-unavailable' } });
    } finally {
      await client.close();
    }
    expect(readFileSync(journalPath).equals(before)).toBe(true);
  });

  test('opens a passphrase journal locked, and unlocks it', async ({ journalPath }) => {
    const client = await JournalClient.start(workerPath, { journalPath, samplePath }, null);
    try {
      expect(await client.call('journal.status', undefined)).toMatchObject({ ok: true, value: { state: 'locked', setup: 'new' } });
      expect(await client.call('security.setPassphrase', { passphrase: 'a long enough passphrase' })).toMatchObject({ ok: true, value: { state: 'open' } });
      expect(await client.call('security.lock', undefined)).toMatchObject({ ok: true, value: { state: 'locked', setup: 'unlock' } });
      expect(await client.call('people.list', undefined)).toMatchObject({ ok: false, error: { code: 'journal-locked' } });
      expect(await client.call('security.unlock', { passphrase: 'a long enough passphrase' })).toMatchObject({ ok: true, value: { state: 'open' } });
    } finally {
      await client.close();
    }
  });
});
