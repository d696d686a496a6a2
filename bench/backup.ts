// `npm run build && npm run bench:backup [-- --size=100k] [--iterations=5] [--modes=plain,encrypted] [--dir=/dev/shm]`:
// what journal safety costs on a large journal, plain and encrypted, through the same session the worker
// runs (backups copied and checked in threads of their own, the built out/main/backup-check.js):
//   - taking a backup while ordinary calls (timeline pages, a save every fourth) keep arriving: p50 / p95 /
//     max of those calls and how many waited over 50 ms, against the same calls with nothing running;
//   - restoring the newest verified backup (keep the current file as a dated copy, copy the backup into
//     place, open it): the budget is under 5 s for 100k interactions; split into copy and open;
//   - the quick check after start.
// Percentiles, not assertions; never part of `npm test`.
import { mkdtemp, rm } from 'node:fs/promises';
import { closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BackupsOverview } from '../src-main/contract/recovery.js';
import { JournalSession, openJournal } from '../src-main/core/index.js';
import { testKeychain } from '../tests/test-keychain.js';
import { generate } from './generate.js';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const sizes: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1M': 1_000_000 };
const interactions = sizes[args.size ?? '100k'] ?? Number(args.size);
const iterations = Number(args.iterations ?? 5);
const people = Math.max(50, Math.round(interactions / 20));
const dir = await mkdtemp(join(args.dir ?? tmpdir(), 'confidant-bench-backup-'));
const log = (message: string) => console.log(`· ${message}`);

// The worker checks backups in a thread of its own (the built out/main/backup-check.js); so
// does the bench, since an inline check would block the calls being measured. Needs `npm run build`.
const builtWorker = new URL('../out/main/backup-check.js', import.meta.url);
const verifyInThread = (file: string, depth: 'full' | 'quick' = 'full', key?: Buffer) =>
  new Promise<string | null>((resolve) => {
    const helper = new Worker(builtWorker, { workerData: { verify: file, depth, ...(key ? { key: new Uint8Array(key) } : {}) } });
    helper.once('message', resolve);
    helper.once('error', (error) => resolve(error.message));
  });

const copyInThread = (source: string, destination: string, key?: Buffer) =>
  new Promise<void>((resolve, reject) => {
    const helper = new Worker(builtWorker, { workerData: { verify: source, copyTo: destination, ...(key ? { key: new Uint8Array(key) } : {}) } });
    helper.once('message', (failed: { code: string } | null) => (failed ? reject(new Error(failed.code)) : resolve()));
    helper.once('error', reject);
  });

try {
  log(`generating ${people.toLocaleString()} people and ${interactions.toLocaleString()} interactions in ${dir}`);
  const generated = join(dir, 'generated.sqlite');
  const journalDb = await openJournal(generated);
  generate(journalDb.raw, { people, interactions, seed: 42 });
  journalDb.raw.pragma('wal_checkpoint(TRUNCATE)');
  await journalDb.close();
  log(`journal: ${(statSync(generated).size / 1024 / 1024).toFixed(1)} MB`);
  const modes = (args.modes ?? 'plain,encrypted').split(',') as ('plain' | 'encrypted')[];
  const tables: [string, string][][] = [];
  for (const mode of modes) tables.push(await measure(mode, generated));
  console.log(`\nJournal safety, ${interactions.toLocaleString()} interactions (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)\n`);
  for (const [index, rows] of tables.entries()) {
    console.log(`  ${modes[index]} journal`);
    for (const [label, figure] of rows) console.log(`    ${label.padEnd(58)} ${figure}`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}

async function measure(mode: 'plain' | 'encrypted', generated: string): Promise<[string, string][]> {
  const folder = join(dir, mode);
  mkdirSync(folder);
  const journalPath = join(folder, 'journal.sqlite');
  copyFileSync(generated, journalPath);
  log(`${mode}: starting the session${mode === 'encrypted' ? ' (encrypts the journal first)' : ''}`);
  const session = await JournalSession.start({
    journalPath,
    readSample: async () => ({}),
    ...(mode === 'encrypted' ? { keychain: testKeychain() } : {}),
    verify: (file, key) => verifyInThread(file, 'full', key),
    checkLive: (file, key) => verifyInThread(file, 'quick', key),
    copy: copyInThread,
  });
  if (session.status().state !== 'open') throw new Error(JSON.stringify(session.status()));
  let started = performance.now();
  await session.checked;
  const quickCheckMs = performance.now() - started;

  // Ordinary calls, one after another, each its own turn of the event loop (as the worker's messages are).
  const callTimes = async (while_: Promise<unknown> | null, count: number) => {
    const times: number[] = [];
    let done = false;
    void while_?.finally(() => (done = true));
    for (let i = 0; (while_ ? !done : i < count) && i < 100_000; i += 1) {
      await new Promise((resolve) => setImmediate(resolve));
      const at = performance.now();
      const result = i % 4 === 3
        ? await session.call('people.create', { name: `Bench ${mode} ${i}` })
        : await session.call('interactions.timeline', { limit: 20 });
      if (!result.ok) throw new Error(result.error.message);
      times.push(performance.now() - at);
    }
    return times;
  };
  log(`${mode}: calls with nothing else running`);
  const baseline = await callTimes(null, 400);

  log(`${mode}: a backup (copied and checked in threads, as the worker does) while calls keep coming`);
  started = performance.now();
  const backup = session.call('backups.create');
  const during = await callTimes(backup, 0);
  const backupResult = await backup;
  const backupMs = performance.now() - started;
  if (!backupResult.ok) throw new Error(backupResult.error.message);
  const newest = (backupResult.value as BackupsOverview).backups[0]!;

  // Where a restore's time goes: copying the backup into place (with fsync), and opening it.
  log(`${mode}: restoring the newest backup ${iterations}×`);
  const restores: number[] = [];
  const opens: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    started = performance.now();
    const restored = await session.call('recovery.restoreBackup');
    if (!restored.ok) throw new Error(restored.error.message);
    restores.push(performance.now() - started);
    await session.checked;
    started = performance.now();
    await session.open();
    opens.push(performance.now() - started);
    await session.checked;
  }
  started = performance.now();
  const scratch = join(folder, 'copy-only.sqlite');
  copyFileSync(newest.path, scratch);
  const fd = openSync(scratch, 'r');
  fsyncSync(fd);
  closeSync(fd);
  const copyMs = performance.now() - started;
  await session.close();

  const over = (values: number[]) => values.filter((value) => value > 50).length;
  return [
    ['backup size', `${(newest.bytes / 1024 / 1024).toFixed(1)} MB`],
    ['quick check after start (in a thread)', ms(quickCheckMs)],
    ['backup, copy + integrity_check (each in a thread)', ms(backupMs)],
    ['call latency, nothing running: p50 / p95 / max', `${ms(pct(baseline, 50))} / ${ms(pct(baseline, 95))} / ${ms(Math.max(...baseline))} (${baseline.length} calls, ${over(baseline)} over 50 ms)`],
    ['call latency, during the backup: p50 / p95 / max', `${ms(pct(during, 50))} / ${ms(pct(during, 95))} / ${ms(Math.max(...during))} (${during.length} calls, ${over(during)} over 50 ms)`],
    ['  p95 during ÷ p95 nothing running', `${(pct(during, 95) / pct(baseline, 95)).toFixed(2)}×`],
    [`restore newest backup (${iterations}×): p50 / max`, `${ms(pct(restores, 50))} / ${ms(Math.max(...restores))}  (budget 5000 ms: ${Math.max(...restores) < 5000 ? 'within' : 'OVER'})`],
    ['  of which: copying the backup into place + fsync', ms(copyMs)],
    ['  of which: opening it (inspect, key, schema): p50', ms(pct(opens, 50))],
  ];
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 0)} ms`;
}
