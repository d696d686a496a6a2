// The journal as the app runs it: the built worker thread, driven through the same client main uses.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Interaction, TimelinePage } from '../../src-main/contract/contract.js';
import { LATEST_VERSION } from '../../src-main/core/db/migrations/index.js';
import { JournalClient } from '../../src-main/shell/journal-client.js';
import { addPerson, call, describe, expect, newInteraction, openTestJournal, root, samplePath, test } from './helpers.js';

const workerPath = join(root, 'out', 'main', 'journal-worker.js');
const built = existsSync(workerPath);

describe('the journal worker', () => {
  if (!built) {
    test.skip('needs out/main/journal-worker.js: run `npx electron-vite build` first (npm test does)', () => {});
    return;
  }

  test('answers calls, refuses bad input, and leaves the data on disk when closed', async ({ journalPath }) => {
    const client = await JournalClient.start(workerPath, { journalPath, samplePath });
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

    const { journal } = await openTestJournal(journalPath);
    try {
      expect(await call(journal, 'journal.info')).toMatchObject({ people: 1, interactions: 1, schemaVersion: LATEST_VERSION });
      expect((await call(journal, 'interactions.timeline', { limit: 10 })).entries.map((entry) => entry.title)).toEqual(['Worker coffee']);
    } finally {
      await journal.close();
    }
  });

  test('runs calls in the order they were sent', async ({ journalPath }) => {
    const { journal } = await openTestJournal(journalPath);
    await addPerson(journal, { name: 'Ada' });
    await journal.close();

    const client = await JournalClient.start(workerPath, { journalPath, samplePath });
    try {
      const titles = Array.from({ length: 20 }, (_, i) => `Entry ${i}`);
      const results = await Promise.all(titles.map((title) => client.call('interactions.create', newInteraction({ title, personIds: [1] }))));
      expect(results.map((result) => result.ok && (result.value as Interaction).id)).toEqual(titles.map((_, i) => i + 1));
    } finally {
      await client.close();
    }
  });

  test('fails to start, with the readable reason, on a journal from a newer Confidant', async ({ journalPath }) => {
    const raw = new BetterSqlite3(journalPath);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();

    await expect(JournalClient.start(workerPath, { journalPath, samplePath })).rejects.toThrow(/newer version of Confidant/);
  });
});
