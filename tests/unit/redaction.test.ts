// #4 of issue 12: logs, crash output and error messages never carry note text or names. Markers go in
// through every error path; everything written to the console and every error returned is searched.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, vi } from 'vitest';
import { JournalSession } from '../../src-main/core/index.js';
import { describeError } from '../../src-main/core/redact.js';
import { addPerson, describe, expect, newInteraction, readSampleFile, test } from './helpers.js';

let output: string[] = [];
beforeEach(() => {
  output = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      output.push(args.map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack}` : typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
    });
  }
});
afterEach(() => vi.restoreAllMocks());

const marker = () => `mk${randomBytes(6).toString('hex')}`;

describe('error paths', () => {
  test('a failed write logs which call failed, never the text that was being written', async ({ journal, journalDb }) => {
    const name = marker();
    const note = marker();
    const id = await addPerson(journal, { name });
    // Every write now fails inside SQLite, as a full disk or a revoked permission would.
    journalDb.raw.pragma('query_only = ON');
    const results = [
      await journal.call('people.update', { id, name: `${name} renamed`, notes: note }),
      await journal.call('interactions.create', newInteraction({ title: note, notes: note, personIds: [id] })),
      await journal.call('people.create', { name: note }),
    ];
    // #9 maps SQLite's code to a sentence (read-only here); what matters is what the words and logs hold.
    for (const result of results) expect(result).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expect(output.join('\n')).toMatch(/people\.update failed/);
    const everything = JSON.stringify(results) + output.join('\n');
    expect(everything).not.toContain(name);
    expect(everything).not.toContain(note);
  });

  test('refused input is described by its field, not echoed back', async ({ journal }) => {
    const text = marker();
    const results = [
      await journal.call('interactions.create', { ...newInteraction(), kind: text, title: text }),
      await journal.call('people.create', { name: text, level: text, allyRole: text }),
      await journal.call('people.get', { id: text }),
    ];
    for (const result of results) expect(result.ok).toBe(false);
    // A search that SQLite's FTS5 cannot parse must not put the words in a log (its error quotes them).
    const search = await journal.call('search.query', { query: `${text}" AND (( NEAR ${text}*` });
    if (!search.ok) results.push(search);
    const everything = JSON.stringify(results) + output.join('\n');
    expect(everything).not.toContain(text);
  });

  test('a wrong passphrase, and a journal that cannot open, never repeat the passphrase or contents', async ({ journalPath }) => {
    const secret = marker();
    const session = await JournalSession.start({ journalPath, keychain: null, readSample: async () => readSampleFile(), sleep: async () => {} });
    await session.call('security.setPassphrase', { passphrase: `${secret}-passphrase` });
    await addPerson(session, { name: secret });
    await session.call('security.lock');
    const results = [
      await session.call('security.unlock', { passphrase: `${secret}-wrong` }),
      await session.call('people.list'),
      await session.call('security.changePassphrase', { current: `${secret}-x`, next: `${secret}-y` }),
    ];
    const everything = JSON.stringify(results) + output.join('\n');
    expect(everything).not.toContain(secret);
    await session.close();
  });

  test('describeError keeps the kind of error and where it was thrown, and drops its message', () => {
    const secret = marker();
    const error = Object.assign(new Error(`fts5: syntax error near "${secret}"`), { code: 'SQLITE_ERROR' });
    const described = describeError(error);
    expect(described).toMatch(/^Error SQLITE_ERROR/);
    expect(described).toMatch(/redaction\.test\.ts/);
    expect(described).not.toContain(secret);
  });
});
