// `npm run bench:start`: the part of a warm start that can be measured without Electron's binary. Starts
// the built journal worker (out/main/journal-worker.js) on the sample journal, as main does, and times
// (1) worker spawned → ready (journal open and migrated), (2) journal.status, (3) the first timeline
// page: the journal's share of "the window shows the timeline". Electron's own start (process launch,
// window, first paint) is not here: only a real machine shows it (see README, "Warm start").
// Prints percentiles and the share of a one-second budget; never part of `npm test`.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { JournalClient } from '../src-main/shell/journal-client.js';

const root = join(import.meta.dirname, '..');
const workerPath = join(root, 'out', 'main', 'journal-worker.js');
const samplePath = join(root, 'resources', 'sample-journal.json');
if (!existsSync(workerPath)) {
  console.error('Build first: npx electron-vite build (the benchmark runs the built worker).');
  process.exit(1);
}
const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? 15);

const dir = await mkdtemp(join(tmpdir(), 'confidant-start-'));
try {
  const journalPath = join(dir, 'journal.sqlite');
  // The first start creates and migrates the file and loads the sample: that is the cold one, not timed.
  const first = await JournalClient.start(workerPath, { journalPath, samplePath });
  await first.call('journal.loadSample', undefined);
  await first.close();

  const ready: number[] = [];
  const status: number[] = [];
  const timeline: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const client = await JournalClient.start(workerPath, { journalPath, samplePath });
    const t1 = performance.now();
    await client.call('journal.status', undefined);
    const t2 = performance.now();
    const page = await client.call('interactions.timeline', { limit: 50 });
    const t3 = performance.now();
    if (!page.ok) throw new Error(page.error.message);
    ready.push(t1 - t0);
    status.push(t2 - t1);
    timeline.push(t3 - t2);
    await client.close();
  }
  const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
  const row = (name: string, values: number[]) =>
    console.log(`${name.padEnd(34)} p50 ${pct(values, 50).toFixed(1).padStart(7)} ms   p95 ${pct(values, 95).toFixed(1).padStart(7)} ms`);
  console.log(`Warm start of the journal, ${runs} runs, sample journal (${process.platform} ${process.arch}, Node ${process.versions.node})`);
  row('worker spawned → journal ready', ready);
  row('journal.status', status);
  row('first timeline page (50 entries)', timeline);
  const total = ready.map((value, i) => value + status[i]! + timeline[i]!);
  row('total', total);
  console.log(`p95 total is ${((pct(total, 95) / 1000) * 100).toFixed(0)}% of a one-second warm-start budget.`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
