// `npm run bench:ui:profile [-- --journal=path] [--size=100k]`: what each long task is made of, on the cold
// boot and on each screen bench:ui visits. Chromium's own trace (the Performance panel's) is recorded
// through Playwright for each step; every main-thread task over 50 ms is broken down into what ran in it
// (script, style, layout, paint, garbage collection: the trace's own event names, self time) and the
// script functions the sampling profiler saw most (self time). The harness's parts show by name: the
// binding that stands in for the preload answers in a `FunctionCall` to `__confidantInvoke`'s callback.
// Each task's wall time is given with its thread time: on a loaded machine the difference is time the
// renderer waited for a core, not work of ours.
// Prints, never asserts; writes the traces to bench/results/ui-profile-*/ for the Performance panel.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chromiumLaunch } from '../playwright.config.js';
import { APP_ORIGIN, launchApp } from '../tests/e2e/harness.js';
import { FIRST_ENTRY_SCRIPT, firstEntryPainted } from './first-entry.js';
import { prepareBenchJournal } from './ui-journal.js';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const sizes: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1M': 1_000_000 };
const sizeName = args.size ?? '100k';
const interactions = sizes[sizeName] ?? Number(sizeName);
const LONG = 50;

if (!existsSync(join(import.meta.dirname, '..', 'out', 'renderer', 'index.html'))) {
  console.error('Build the app first: npm run build');
  process.exit(1);
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: the rest of `dur` the thread was waiting for a core (a loaded machine). */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, any>;
}

/** The renderer main thread's tasks over 50 ms, each with its self time by event name and by script function. */
function longTasks(events: TraceEvent[]): { start: number; duration: number; thread: number; parts: [string, number][]; functions: [string, number][] }[] {
  // The app's renderer, not Chromium's own pages (its omnibox popup is a renderer too): the one running the app's scripts.
  const ours = new Set(events.filter((e) => String(e.args?.data?.url ?? e.args?.data?.frames?.[0]?.url ?? '').startsWith(APP_ORIGIN)).map((e) => e.pid));
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && ours.has(e.pid));
  if (!main) return [];
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const samples = profileSamples(events, main.pid, main.tid);
  const tasks = mine.filter((e) => e.name === 'RunTask' && e.dur! > LONG * 1000);
  return tasks.map((task) => {
    const end = task.ts + task.dur!;
    const inside = mine.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= end);
    // Self time: each event's duration less its direct children's (events on one thread nest).
    const self = new Map<string, number>();
    const stack: { event: TraceEvent; children: number }[] = [];
    const close = (until: number) => {
      while (stack.length > 0 && stack.at(-1)!.event.ts + stack.at(-1)!.event.dur! <= until) {
        const done = stack.pop()!;
        const label = labelOf(done.event);
        self.set(label, (self.get(label) ?? 0) + done.event.dur! - done.children);
      }
    };
    let covered = 0;
    for (const event of inside) {
      close(event.ts);
      if (stack.length > 0) stack.at(-1)!.children += event.dur!;
      else covered += event.dur!;
      stack.push({ event, children: 0 });
    }
    close(Infinity);
    self.set('(task itself)', task.dur! - covered);
    const functions = new Map<string, number>();
    for (const sample of samples) {
      if (sample.ts < task.ts || sample.ts > end) continue;
      functions.set(sample.frame, (functions.get(sample.frame) ?? 0) + sample.weight);
    }
    const top = (map: Map<string, number>, n: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => [k, v / 1000] as [string, number]);
    return { start: task.ts, duration: task.dur! / 1000, thread: (task.tdur ?? task.dur!) / 1000, parts: top(self, 8), functions: top(functions, 10) };
  });
}

function labelOf(event: TraceEvent): string {
  const data = event.args?.data ?? event.args?.beginData;
  if (event.name === 'FunctionCall' && data?.functionName) return `FunctionCall ${data.functionName}`;
  if (event.name === 'EvaluateScript' && data?.url) return `EvaluateScript ${String(data.url).split('/').pop()}`;
  if (event.name === 'v8.compile' || event.name === 'v8.compileModule') return `${event.name} ${String(data?.url ?? event.args?.fileName ?? '').split('/').pop()}`;
  return event.name;
}

/** The sampling profiler's samples on one thread: the function on top of the stack, and the time it stood for. */
function profileSamples(events: TraceEvent[], pid: number, tid: number): { ts: number; frame: string; weight: number }[] {
  const out: { ts: number; frame: string; weight: number }[] = [];
  const profiles = events.filter((e) => e.name === 'Profile' && e.pid === pid);
  for (const profile of profiles) {
    if (profile.tid !== tid && profiles.length > 1) continue;
    const nodes = new Map<number, string>();
    let ts = profile.args?.data?.startTime ?? 0;
    const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid && e.id === profile.id).sort((a, b) => a.ts - b.ts);
    for (const chunk of chunks) {
      const data = chunk.args?.data ?? {};
      for (const node of data.cpuProfile?.nodes ?? []) {
        const frame = node.callFrame ?? {};
        const where = frame.url ? `${String(frame.url).split('/').pop()}:${(frame.lineNumber ?? 0) + 1}` : '';
        nodes.set(node.id, `${frame.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`);
      }
      const ids: number[] = data.cpuProfile?.samples ?? [];
      const deltas: number[] = data.timeDeltas ?? [];
      for (let i = 0; i < ids.length; i += 1) {
        const delta = deltas[i] ?? 0;
        ts += delta;
        const next = deltas[i + 1] ?? delta;
        const frame = nodes.get(ids[i]!) ?? '?';
        if (frame.startsWith('(idle)')) continue;
        out.push({ ts, frame, weight: next });
      }
    }
  }
  return out;
}

const categories = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
  'toplevel',
];

const dir = await mkdtemp(join(tmpdir(), 'confidant-bench-ui-profile-'));
const journalPath = join(dir, 'journal.sqlite');
const resultsDir = join(import.meta.dirname, 'results', `ui-profile-${new Date().toISOString().replace(/[:.]/g, '-')}`);
mkdirSync(resultsDir, { recursive: true });
try {
  await prepareBenchJournal(journalPath, args.journal, interactions);
  const browser = await chromium.launch(chromiumLaunch);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(FIRST_ENTRY_SCRIPT);
  const report = (step: string, tasks: ReturnType<typeof longTasks>) => {
    console.log(`\n${step}: ${tasks.length === 0 ? 'no task over 50 ms' : `${tasks.length} task(s) over 50 ms`}`);
    for (const task of tasks) {
      // Starting the trace interrupts V8 (the sampling profiler's setup): that task is the tracer's, not the app's.
      const tracer = task.parts[0]?.[0] === 'V8.InvokeApiInterruptCallbacks' && task.parts[0][1] > task.duration / 2;
      console.log(`  task ${task.duration.toFixed(0)} ms, ${task.thread.toFixed(0)} ms of it on a core${tracer ? ' (the tracer starting, not the app)' : ''}`);
      console.log(`    made of: ${task.parts.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(' · ')}`);
      console.log(`    script:  ${task.functions.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(' · ')}`);
    }
  };
  const traced = async (step: string, run: () => Promise<void>) => {
    await browser.startTracing(undefined, { categories });
    await run();
    const buffer = await browser.stopTracing();
    const file = join(resultsDir, `${step.replace(/[^a-z0-9]+/gi, '-')}.json`);
    writeFileSync(file, buffer);
    const parsed = JSON.parse(buffer.toString('utf8'));
    report(step, longTasks(Array.isArray(parsed) ? parsed : parsed.traceEvents));
  };
  const settle = (page: Page, ms: number) => page.evaluate((wait) => new Promise((resolve) => setTimeout(resolve, wait)), ms);

  // Once to warm the disk cache and the journal's pages, as bench:ui's first cold open does; then traced.
  const warm = await launchApp(context, journalPath);
  await firstEntryPainted(warm.page);
  await warm.close();
  let app!: Awaited<ReturnType<typeof launchApp>>;
  await traced('cold boot', async () => {
    app = await launchApp(context, journalPath);
    await firstEntryPainted(app.page);
    await settle(app.page, 1500);
  });
  const { page } = app;
  const screens: [string, () => Promise<void>][] = [
    ['People', async () => { await page.keyboard.press('Control+2'); await page.locator('table[aria-label="People"] tbody tr[data-index]').first().waitFor(); }],
    ['a person page', async () => { await page.locator('table[aria-label="People"] button[data-row]').first().click(); await page.locator('article.entry').first().waitFor(); }],
    ['Reciprocity', async () => { await page.keyboard.press('Control+3'); await page.locator('[role="tabpanel"]').first().waitFor(); }],
    ['Associations', async () => { await page.keyboard.press('Control+4'); await page.locator('section[aria-labelledby^="col-"] li.card').first().waitFor(); }],
    ['Quarterly review', async () => { await page.keyboard.press('Control+5'); await page.locator('dl[aria-label="The quarter in numbers"]').waitFor(); }],
    ['Search', async () => { await page.keyboard.press('Control+Shift+F'); await page.locator('#search-query').waitFor(); }],
    ['a search for "the"', async () => { await page.locator('#search-query').fill('the'); await page.locator('#search-summary:not(:empty)').waitFor(); }],
    ['Timeline', async () => { await page.keyboard.press('Control+1'); await page.locator('article.entry').first().waitFor(); }],
    ['Timeline scrolled (older pages)', async () => { for (let i = 0; i < 6; i += 1) { await page.mouse.move(700, 400); await page.mouse.wheel(0, 3000); await settle(page, 250); } }],
  ];
  const rounds = Number(args.rounds ?? 2);
  for (let round = 1; round <= rounds; round += 1) {
    for (const [name, run] of screens) {
      await traced(`${name}${round === 1 ? ' (first visit)' : ` (visit ${round})`}`, async () => {
        await run();
        await settle(page, 700);
      });
    }
  }
  await app.close();
  await browser.close();
  console.log(`\ntraces in ${resultsDir} (open them in the Performance panel)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
