// The kill -9 drill: a child process saves through the real worker and is killed with SIGKILL at random
// moments; after each kill the journal is opened again and must hold every acknowledged save, pass
// integrity_check, and pass both search indexes' own integrity checks. `runDrill` is used by the short
// run in the unit tests and by `npm run drill` (100 kills, figures printed).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { JournalSession } from '../../src-main/core/index.js';
import { testKeychain } from '../test-keychain.js';

export interface DrillResult {
  kills: number;
  acknowledged: number;
  lost: number[];
  problems: string[];
  reopenMs: number[];
}

const root = join(import.meta.dirname, '..', '..');

/** A small seeded generator, so a drill can be repeated exactly. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `secret`: the journal is encrypted (as the app's are), its key wrapped by a test keychain holding this
 * secret, in the saver's process and in the check's alike; left out, the journal stays plain.
 */
export async function runDrill(journalPath: string, options: { kills: number; seed?: number; maxDelayMs?: number; secret?: Buffer }): Promise<DrillResult> {
  const next = random(options.seed ?? 9);
  const acked = new Set<number>();
  const result: DrillResult = { kills: 0, acknowledged: 0, lost: [], problems: [], reopenMs: [] };
  let seq = 1;
  for (let round = 0; round < options.kills; round += 1) {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'tests', 'drill', 'saver.ts'), journalPath, String(seq), ...(options.secret ? [options.secret.toString('hex')] : [])], { cwd: root });
    let buffer = '';
    let ready: () => void = () => {};
    const readyNow = new Promise<void>((resolve) => (ready = resolve));
    let saving: () => void = () => {};
    const savingNow = new Promise<void>((resolve) => (saving = resolve));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') ready();
        const match = /^ack (\d+)$/.exec(line);
        if (match) {
          acked.add(Number(match[1]));
          saving();
        }
      }
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // The kill comes while saves are in flight: after this round's first acknowledged save (on a busy
    // machine a kill soon after start could otherwise land before any save, round after round).
    await Promise.race([readyNow.then(() => savingNow), exited]);
    if (child.exitCode !== null) {
      result.problems.push(`round ${round}: the saver stopped by itself (${child.exitCode}): ${stderr.trim().slice(0, 500)}`);
      break;
    }
    // Killed at a random moment while saves are in flight.
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.floor(next() * (options.maxDelayMs ?? 400))));
    child.kill('SIGKILL');
    await exited;
    result.kills += 1;
    if (stderr.trim()) result.problems.push(`round ${round}: ${stderr.trim().slice(0, 500)}`);

    const started = performance.now();
    const session = await JournalSession.start({ journalPath, readSample: async () => ({}), ...(options.secret ? { keychain: testKeychain(options.secret) } : {}) });
    await session.checked;
    result.reopenMs.push(performance.now() - started);
    const journal = session.journal;
    if (!journal) {
      result.problems.push(`round ${round}: the journal did not open: ${JSON.stringify(session.status())}`);
      await session.close();
      break;
    }
    const raw = journal.raw;
    const titles = new Set(raw.prepare("SELECT title FROM interactions WHERE title LIKE 'drill %'").pluck().all() as string[]);
    for (const n of acked) if (!titles.has(`drill ${n}`)) result.lost.push(n);
    const integrity = raw.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') result.problems.push(`round ${round}: integrity_check: ${String(integrity)}`);
    for (const index of ['interactions_fts', 'people_fts']) {
      try {
        raw.prepare(`INSERT INTO ${index} (${index}) VALUES ('integrity-check')`).run();
      } catch (error) {
        result.problems.push(`round ${round}: ${index} integrity-check: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const highest = raw.prepare("SELECT max(CAST(substr(title, 7) AS INTEGER)) FROM interactions WHERE title LIKE 'drill %'").pluck().get() as number | null;
    seq = (highest ?? 0) + 1;
    await session.close();
    if (result.lost.length > 0) break;
  }
  result.acknowledged = acked.size;
  return result;
}
