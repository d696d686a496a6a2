// `npm run bench:start`: the part of a warm start that can be measured without Electron's binary. Starts
// the built journal worker (out/main/journal-worker.js) on the sample journal, as main does, and times
// (1) worker spawned → ready (journal open and migrated), (2) journal.status, (3) the first timeline
// page: the journal's share of "the window shows the timeline". Then the renderer's share: the built
// renderer in Chromium through the E2E harness (the same bridge as the preload, the real core), opened
// warm on the sample journal, timing navigation → first contentful paint and → first timeline entry
// painted (in the page, with the Paint Timing API and performance.now()). Electron's own part (process
// launch, app ready, window) is not here: a real machine prints it in the `[start]` line main logs on
// every start; `--measure-start` appends it to start-times.log and quits (see README, "Warm start").
// Prints percentiles and the share of a one-second budget; never part of `npm test`.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { chromiumLaunch } from '../playwright.config.js';
import { JournalClient } from '../src-main/shell/journal-client.js';
import { launchApp } from '../tests/e2e/harness.js';
import { FIRST_ENTRY_SCRIPT, firstEntryPainted } from './first-entry.js';

const root = join(import.meta.dirname, '..');
const workerPath = join(root, 'out', 'main', 'journal-worker.js');
const samplePath = join(root, 'resources', 'sample-journal.json');
if (!existsSync(workerPath) || !existsSync(join(root, 'out', 'renderer', 'index.html'))) {
  console.error('Build first: npm run build (the benchmark runs the built worker and renderer).');
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

  // The renderer's share, warm: the browser is up and the bundle is in its cache after the first open,
  // as Electron's is on a second start.
  const pageRuns = Math.max(2, Math.round(runs / 3));
  const browser = await chromium.launch(chromiumLaunch);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(FIRST_ENTRY_SCRIPT);
    const pageJournal = join(dir, 'page-journal.sqlite');
    const warmUp = await launchApp(context, pageJournal);
    await warmUp.journal.call('journal.loadSample', undefined);
    await warmUp.close();
    const opened: number[] = [];
    const fcp: number[] = [];
    const painted: number[] = [];
    for (let i = 0; i < pageRuns; i++) {
      const t0 = performance.now();
      const running = await launchApp(context, pageJournal);
      await firstEntryPainted(running.page);
      const t1 = performance.now();
      const figures = await running.page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        painted: (window as unknown as { __firstEntryPainted: number }).__firstEntryPainted,
      }));
      opened.push(t1 - t0);
      fcp.push(figures.fcp);
      painted.push(figures.painted);
      await running.close();
    }
    console.log(`\nThe renderer, warm, ${pageRuns} opens of the built renderer in Chromium (${chromiumLaunch.executablePath ?? 'Playwright Chromium'})`);
    row('navigation → first contentful paint', fcp);
    row('navigation → first timeline entry painted', painted);
    row('journal session + page, entry painted', opened);
    console.log(`p95 of the page's part is ${((pct(painted, 95) / 1000) * 100).toFixed(0)}% of the budget; add the journal's p95 above and Electron's own (the [start] line) for the whole.`);
  } finally {
    await browser.close();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
