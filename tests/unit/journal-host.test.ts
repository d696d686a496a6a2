// How main holds the journal (src-main/shell/journal-host.ts), on the real built worker: a start that
// fails is a status the window explains, a dying worker is 'stopped', and restart brings it back.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JournalHost, STARTING_WAIT_MS, windowTitle } from '../../src-main/shell/journal-host.js';
import { describe, expect, root, samplePath, test } from './helpers.js';

const workerPath = join(root, 'out', 'main', 'journal-worker.js');

describe('JournalHost', () => {
  if (!existsSync(workerPath)) {
    test.skip('needs out/main/journal-worker.js: run `npx electron-vite build` first (npm test does)', () => {});
    return;
  }

  test('an open journal reports its name; calls go through', async ({ dir }) => {
    const journalPath = join(dir, 'Board work.sqlite');
    const host = new JournalHost(workerPath, { journalPath, samplePath });
    await host.start();
    try {
      const status = await host.status();
      expect(status).toEqual({ state: 'open', path: journalPath, readOnly: false, name: 'Board work' });
      expect(windowTitle(status)).toBe('Board work — Confidant');
      expect(await host.call('people.create', { name: 'Ada' })).toMatchObject({ ok: true });
    } finally {
      await host.close();
    }
  });

  test('a long start is "starting" to the window after a second; calls made meanwhile wait for it and go through', async ({ dir }) => {
    // The real worker, begun 1.5 s late: as a large journal being brought up to date holds the start.
    const slow = join(dir, 'slow-worker.mjs');
    await writeFile(slow, `await new Promise((resolve) => setTimeout(resolve, 1500));\nawait import(${JSON.stringify(pathToFileURL(workerPath).href)});\n`);
    const journalPath = join(dir, 'Board work.sqlite');
    const host = new JournalHost(slow, { journalPath, samplePath });
    const started = host.start();
    try {
      const asked = Date.now();
      expect(await host.status()).toEqual({ state: 'starting', path: journalPath, name: 'Board work' });
      expect(Date.now() - asked).toBeGreaterThanOrEqual(STARTING_WAIT_MS - 50);
      // A call made while it starts is answered once the journal is open, not refused.
      const created = host.call('people.create', { name: 'Ada' });
      expect(await created).toMatchObject({ ok: true });
      await started;
      expect(await host.status()).toMatchObject({ state: 'open', path: journalPath });
    } finally {
      await started;
      await host.close();
    }
  });

  test('a usual start is answered as open: the status waits for it rather than saying "starting"', async ({ dir }) => {
    const journalPath = join(dir, 'journal.sqlite');
    const host = new JournalHost(workerPath, { journalPath, samplePath });
    const started = host.start();
    try {
      expect(await host.status()).toMatchObject({ state: 'open', path: journalPath });
    } finally {
      await started;
      await host.close();
    }
  });

  test('a start that fails becomes start-failed with a way forward, and every call says so at once', async ({ dir }) => {
    const broken = join(dir, 'broken-worker.mjs');
    await writeFile(broken, "throw new Error('the native module could not load');\n");
    const journalPath = join(dir, 'journal.sqlite');
    const host = new JournalHost(broken, { journalPath, samplePath });
    let changes = 0;
    host.onChange(() => (changes += 1));
    await host.start();
    const status = await host.status();
    expect(status).toMatchObject({
      state: 'unavailable',
      problem: { kind: 'start-failed', path: journalPath, choices: expect.arrayContaining(['restart', 'quit']), message: expect.stringContaining('native module could not load') },
    });
    expect(windowTitle(status)).toBe('Confidant');
    expect(await host.call('people.list', undefined)).toMatchObject({ ok: false, error: { code: 'journal-unavailable' } });
    expect(changes).toBe(1);
    expect(existsSync(journalPath)).toBe(false);
  });

  test('a worker that dies is reported as stopped, and restart opens the journal again with its data', async ({ dir }) => {
    const journalPath = join(dir, 'journal.sqlite');
    const host = new JournalHost(workerPath, { journalPath, samplePath });
    await host.start();
    expect(await host.call('people.create', { name: 'Ada' })).toMatchObject({ ok: true });
    const stopped = new Promise<void>((resolve) => host.onChange(resolve));
    // The client's worker, stopped from outside the way a crash stops it.
    await (host as unknown as { client: { worker: { terminate(): Promise<number> } } }).client.worker.terminate();
    await stopped;
    expect(await host.status()).toMatchObject({ state: 'unavailable', problem: { kind: 'stopped', choices: expect.arrayContaining(['restart']) } });
    expect(await host.call('people.list', undefined)).toMatchObject({ ok: false, error: { code: 'journal-unavailable', message: expect.stringContaining('stopped') } });

    expect(await host.restart()).toMatchObject({ state: 'open', path: journalPath });
    try {
      expect(await host.call('people.list', undefined)).toMatchObject({ ok: true, value: [{ name: 'Ada' }] });
    } finally {
      await host.close();
    }
  });
});
