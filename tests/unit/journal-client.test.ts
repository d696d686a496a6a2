// The journal worker dying, as main sees it: the real built worker on a real journal, stopped from
// outside the way a crash stops it. Every pending and later call must fail at once with a sentence,
// main must hear it once, and quitting must never wait on a worker that does not answer.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { JournalClient, STOPPED_MESSAGE } from '../../src-main/shell/journal-client.js';
import { describe, expect, newInteraction, root, samplePath, test } from './helpers.js';

const workerPath = join(root, 'out', 'main', 'journal-worker.js');

describe('the journal client when the worker dies', () => {
  if (!existsSync(workerPath)) {
    test.skip('needs out/main/journal-worker.js: run `npx electron-vite build` first (npm test does)', () => {});
    return;
  }

  test('fails every pending and later call with journal-unavailable, and tells main once', async ({ journalPath }) => {
    const worker = new Worker(workerPath, { workerData: { journalPath, samplePath } });
    const client = await JournalClient.connect(worker);
    const stops: string[] = [];
    client.onStop((reason) => stops.push(reason));
    expect(await client.call('people.create', { name: 'Ada' })).toMatchObject({ ok: true });

    // Calls in flight when the thread goes: loading the sample is long enough to still be pending.
    const pending = [client.call('journal.loadSample', undefined), ...Array.from({ length: 5 }, () => client.call('people.list', undefined))];
    await worker.terminate();
    const results = await Promise.all(pending);
    for (const result of results) {
      // A reply that made it out before the thread stopped is fine; none may hang or be silently lost.
      if (!result.ok) expect(result.error).toEqual({ code: 'journal-unavailable', message: STOPPED_MESSAGE });
    }
    expect(client.stopped).toBe(true);
    expect(await client.call('people.list', undefined)).toEqual({ ok: false, error: { code: 'journal-unavailable', message: STOPPED_MESSAGE } });
    expect(stops).toEqual([STOPPED_MESSAGE]);
    // Closing a stopped journal returns at once.
    await client.close();
  });

  test('closing on purpose is not reported as a crash, and the entry is on disk', async ({ journalPath }) => {
    const client = await JournalClient.start(workerPath, { journalPath, samplePath });
    const stops: string[] = [];
    client.onStop((reason) => stops.push(reason));
    expect(await client.call('people.create', { name: 'Ada' })).toMatchObject({ ok: true });
    expect(await client.call('interactions.create', newInteraction({ title: 'Before close', personIds: [1] }))).toMatchObject({ ok: true });
    await client.close();
    expect(stops).toEqual([]);
    expect((await client.call('people.list', undefined)).ok).toBe(false);

    const again = await JournalClient.start(workerPath, { journalPath, samplePath });
    try {
      expect(await again.call('interactions.timeline', { limit: 5 })).toMatchObject({ ok: true, value: { entries: [{ title: 'Before close' }] } });
    } finally {
      await again.close();
    }
  });

  test('quitting does not wait forever on a worker that never answers', async ({ dir }) => {
    // A thread that says ready and then ignores everything, as a worker stuck in a long call would.
    const stuck = join(dir, 'stuck-worker.mjs');
    await writeFile(stuck, "import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ type: 'ready', path: 'x' });\nparentPort.on('message', () => {});\n");
    const worker = new Worker(stuck);
    const client = await JournalClient.connect(worker);
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    await client.close(100);
    expect(typeof (await exited)).toBe('number');
    expect(client.stopped).toBe(true);
  });

  test('a worker that cannot start is a readable rejection, not a hang', async ({ dir }) => {
    const broken = join(dir, 'broken-worker.mjs');
    await writeFile(broken, "throw new Error('the native module could not load');\n");
    await expect(JournalClient.start(broken, { journalPath: join(dir, 'j.sqlite'), samplePath })).rejects.toThrow(/native module could not load/);
  });
});
