// `npm run bench:backup [-- --size=100k] [--iterations=5] [--dir=/dev/shm]`: what journal safety costs on a
// large journal, through the same session the worker runs:
//   - restoring the newest verified backup (keep the current file as a dated copy, copy the backup into
//     place, open it): the budget is under 5 s for 100k interactions;
//   - taking a backup while calls keep arriving: the longest wait a call saw (budget 50 ms), against the
//     same calls with no backup running, as a ratio;
//   - the quick check after start.
// Percentiles, not assertions; never part of `npm test`.
import { mkdtemp, rm } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BackupsOverview } from '../src-main/contract/recovery.js';
import { JournalSession, openJournal } from '../src-main/core/index.js';
import { verifyBackup } from '../src-main/core/backups/backups.js';
import { generate } from './generate.js';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const sizes: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1M': 1_000_000 };
const interactions = sizes[args.size ?? '100k'] ?? Number(args.size);
const iterations = Number(args.iterations ?? 5);
const people = Math.max(50, Math.round(interactions / 20));
const dir = await mkdtemp(join(args.dir ?? tmpdir(), 'confidant-bench-backup-'));
const journalPath = join(dir, 'journal.sqlite');
const log = (message: string) => console.log(`· ${message}`);

// The worker checks backups in a thread of its own (the built out/main/backup-check.js); so
// does the bench, since an inline check would block the calls being measured. Needs `npm run build`.
const builtWorker = new URL('../out/main/backup-check.js', import.meta.url);
const verifyInThread = (file: string, depth: 'full' | 'quick' = 'full') =>
  new Promise<string | null>((resolve) => {
    const helper = new Worker(builtWorker, { workerData: { verify: file, depth } });
    helper.once('message', resolve);
    helper.once('error', (error) => resolve(error.message));
  });

try {
  log(`generating ${people.toLocaleString()} people and ${interactions.toLocaleString()} interactions in ${dir}`);
  const journalDb = await openJournal(journalPath);
  generate(journalDb.raw, { people, interactions, seed: 42 });
  journalDb.raw.pragma('wal_checkpoint(TRUNCATE)');
  await journalDb.close();
  log(`journal: ${(statSync(journalPath).size / 1024 / 1024).toFixed(1)} MB`);

  const session = await JournalSession.start({ journalPath, readSample: async () => ({}), verify: (file) => verifyInThread(file), checkLive: (file) => verifyInThread(file, 'quick') });
  let started = performance.now();
  await session.checked;
  const quickCheckMs = performance.now() - started;

  // Calls with nothing else running: the baseline.
  const callGaps = async (while_: Promise<unknown> | null, count: number) => {
    const gaps: number[] = [];
    let done = false;
    void while_?.finally(() => (done = true));
    for (let i = 0; (while_ ? !done : i < count) && i < 100_000; i += 1) {
      // Calls reach the worker as messages, each its own turn of the event loop; so they do here.
      await new Promise((resolve) => setImmediate(resolve));
      const at = performance.now();
      const result = await session.call('interactions.timeline', { limit: 20 });
      if (!result.ok) throw new Error(result.error.message);
      gaps.push(performance.now() - at);
    }
    return gaps;
  };
  const baseline = await callGaps(null, 200);

  started = performance.now();
  const backup = session.call('backups.create');
  const during = await callGaps(backup, 0);
  const backupResult = await backup;
  const backupMs = performance.now() - started;
  if (!backupResult.ok) throw new Error(backupResult.error.message);
  const overview = backupResult.value as BackupsOverview;

  const restores: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    started = performance.now();
    const restored = await session.call('recovery.restoreBackup');
    if (!restored.ok) throw new Error(restored.error.message);
    restores.push(performance.now() - started);
  }
  started = performance.now();
  await verifyBackup(overview.backups[0]!.path);
  const verifyMs = performance.now() - started;
  await session.close();

  const rows = [
    ['journal size', `${(overview.backups[0]!.bytes / 1024 / 1024).toFixed(1)} MB`],
    ['quick check after start (in a thread)', ms(quickCheckMs)],
    ['backup (copy + verify in a thread)', ms(backupMs)],
    ['  of which verify (integrity_check)', ms(verifyMs)],
    ['call latency, no backup: p50 / p99 / max', `${ms(pct(baseline, 50))} / ${ms(pct(baseline, 99))} / ${ms(Math.max(...baseline))}`],
    ['call latency, during backup: p50 / p99 / max', `${ms(pct(during, 50))} / ${ms(pct(during, 99))} / ${ms(Math.max(...during))} (${during.length} calls)`],
    ['  max during ÷ max without', `${(Math.max(...during) / Math.max(...baseline)).toFixed(2)}×`],
    [`restore newest backup (${iterations}×): p50 / max`, `${ms(pct(restores, 50))} / ${ms(Math.max(...restores))}  (budget 5000 ms: ${Math.max(...restores) < 5000 ? 'within' : 'OVER'})`],
  ];
  console.log(`\nJournal safety, ${interactions.toLocaleString()} interactions\n`);
  for (const [label, figure] of rows) console.log(`  ${label!.padEnd(48)} ${figure}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 0)} ms`;
}
