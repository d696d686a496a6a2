// `npm run build && node --import tsx bench/map-frames.ts [--people=5000] [--interactions=100000] [--links=20000] [--visits=6]
//   [--save=FILE | --journal=FILE] [--baseline=DIR [--rounds=2]] [--trace=FILE] [--trace-moves=FILE]`:
// the network map in headless Chromium (WebGL through SwiftShader, on the CPU: a floor, not what a laptop's
// GPU does), with the journal of bench/generate.ts plus random links, everyone shown. Prints p50/p95 of
// - time to first map paint: from the click on the Map tab to the first frame with the map drawn, on the
//   first visit (layout still to compute) and on later ones (positions kept for the session);
// - the longest task of the browser's first map (its first WebGL contexts), and of each first build, with
//   the time it spent in WebGL calls that can wait on the GPU process (compiling, linking, status, drawing,
//   getContext) told apart, and the tasks over 50 ms of the first build. In this harness the first build's
//   data comes through the debugging protocol (megabytes decoded in one task the app does not own: see the
//   trace); `--trace=FILE` writes a Chromium trace of the first build with the GPU process's events and a
//   CPU profile (chrome://tracing, ui.perfetto.dev);
// - the main thread's longest task and its total blocking (tasks over 50 ms) while the first layout runs;
// - frame intervals while zooming (wheel) and panning (drag, arrow keys) after the layout settles, and the
//   main thread's long tasks meanwhile (SwiftShader draws in the GPU process: slow frames with an idle main
//   thread are the software rasterizer, not the app); `--trace-moves=FILE` traces the wheel and the drag;
// - with `--baseline=DIR` (another build's out/renderer, e.g. one built from the base branch), the same
//   gestures and later visits on that build too, in turn with this one (`--rounds` of each), and the ratios.
// `--save=FILE` keeps the generated journal (with its links); `--journal=FILE` measures it again.
// The harness runs the journal's core in this same Node process, so a slow core call also stalls the
// browser driver: timeouts are generous. Never part of `npm test`. Page code is passed as strings: tsx would wrap named functions in a helper
// the page does not have.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chromiumLaunch } from '../playwright.config.js';
import { openJournal } from '../src-main/core/index.js';
import { Rng } from '../resources/sample/prng.js';
import { launchApp } from '../tests/e2e/harness.js';
import { generate } from './generate.js';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const people = Number(args.people ?? 5000);
const interactions = Number(args.interactions ?? 100_000);
const links = Number(args.links ?? 20_000);
const visits = Number(args.visits ?? 6);

// Records, in the page, when the map first says it is drawn after each click, and every long task.
const instrument = `(() => {
  window.__bench = { clickAt: 0, drawnAt: 0, long: [] };
  // From each click, look at every frame until the map says it is drawn: the first such frame is the paint.
  document.addEventListener('click', () => {
    const bench = window.__bench;
    const clickAt = performance.now();
    bench.clickAt = clickAt; bench.drawnAt = 0;
    const look = (now) => {
      if (bench.clickAt !== clickAt) return;
      if (document.querySelector('[data-testid="network-map"][data-drawn="true"]')) bench.drawnAt = now;
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }, true);
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__bench.long.push(entry.duration); window.__bench.tasks.push(...list.getEntries().map((entry) => [entry.startTime, entry.duration])); }).observe({ type: 'longtask' });
  // Every WebGL call that can wait on the GPU process (compiling, linking, asking their status, drawing,
  // reading back), timed: the longest task of the first build is then told apart by what it waited on.
  window.__bench.tasks = []; window.__bench.gl = [];
  const timed = (proto, name) => {
    const call = proto[name];
    if (typeof call !== 'function') return;
    proto[name] = function (...args) { const start = performance.now(); try { return call.apply(this, args); } finally { window.__bench.gl.push([name, start, performance.now() - start]); } };
  };
  for (const proto of [WebGL2RenderingContext.prototype, WebGLRenderingContext.prototype])
    for (const name of ['compileShader', 'getShaderParameter', 'linkProgram', 'getProgramParameter', 'getUniformLocation', 'getAttribLocation', 'getExtension', 'drawArrays', 'drawArraysInstanced', 'readPixels', 'bufferData', 'texImage2D', 'clear']) timed(proto, name);
  timed(HTMLCanvasElement.prototype, 'getContext');
})()`;
// In the page: the longest task since the marks were cleared, the WebGL calls inside it by name, and the
// time in all tasks over 50 ms.
const longestTask = `(() => {
  const { tasks, gl } = window.__bench;
  const [start, duration] = tasks.reduce((a, b) => (b[1] > a[1] ? b : a), [0, 0]);
  const inside = {};
  for (const [name, at, took] of gl) if (at >= start && at + took <= start + duration + 1) inside[name] = (inside[name] ?? 0) + took;
  const contexts = gl.reduce((sum, [name, , took]) => sum + (name === 'getContext' ? took : 0), 0);
  return { duration, inside, blocked: tasks.reduce((sum, [, took]) => sum + took, 0), count: tasks.length, contexts };
})()`;
type TaskReport = { duration: number; inside: Record<string, number>; blocked: number; count: number; contexts: number };
// The renderer's and the GPU process's work, with a CPU profile of the page's script.
const traceCategories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'gpu', 'disabled-by-default-gpu.service', 'disabled-by-default-gpu.decoder', 'gpu.angle', 'viz', 'cc', 'disabled-by-default-v8.cpu_profiler', 'v8'];
const sampleFrames = (ms: number) => `new Promise((resolve) => {
  const times = []; let last = performance.now(); const end = last + ${ms};
  const tick = (now) => { times.push(now - last); last = now; if (now < end) requestAnimationFrame(tick); else resolve(times); };
  requestAnimationFrame(tick);
})`;

const dir = await mkdtemp(join(tmpdir(), 'confidant-bench-map-'));
// --journal=FILE: a journal this bench generated before (copied, never changed), to skip generating it.
const path = join(dir, 'journal.sqlite');
try {
  if (args.journal) await copyFile(args.journal, path);
  const journalDb = await openJournal(path);
  if (!args.journal) {
  generate(journalDb.raw, { people, interactions, seed: 42 });
  const rng = new Rng(43);
  const at = new Date().toISOString();
  const insert = journalDb.raw.prepare(`INSERT OR IGNORE INTO person_ties (person_a_id, person_b_id, kind, source, created_at, updated_at) VALUES (?, ?, 'knows', 'manual', ?, ?)`);
  journalDb.raw.transaction(() => {
    for (let i = 0; i < links; i += 1) {
      const a = 1 + Math.floor(rng.next() * people);
      const b = 1 + Math.floor(rng.next() * people);
      if (a !== b) insert.run(Math.min(a, b), Math.max(a, b), at, at);
    }
  })();
  }
  await journalDb.close();
  if (args.save) await copyFile(path, args.save);
  // --baseline=DIR: another build's renderer (its out/renderer), on its own copy of the journal.
  const baselinePath = join(dir, 'baseline.sqlite');
  if (args.baseline) await copyFile(path, baselinePath);

  // WebGL on the CPU: the suite's --disable-gpu would leave the map to its list view.
  const browser = await chromium.launch({ ...chromiumLaunch, args: [...chromiumLaunch.args.filter((arg) => arg !== '--disable-gpu'), '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const running = await launchApp(context, path);
  const page = running.page;
  await page.getByRole('heading', { name: 'Timeline', level: 1 }).waitFor({ timeout: 120_000 });
  await page.evaluate(instrument);
  await page.keyboard.press('Control+7');
  const map = page.getByTestId('network-map');
  const drawn = async (on = page) => {
    await on.locator('[data-testid="network-map"][data-drawn="true"]').waitFor({ timeout: 180_000 });
    await on.waitForFunction(() => (window as unknown as { __bench: { drawnAt: number } }).__bench.drawnAt > 0);
    return on.evaluate<number>('window.__bench.drawnAt - window.__bench.clickAt');
  };
  // Away to another tab and back to the map: positions kept, no layout.
  const revisit = async (on: Page) => {
    await on.getByRole('tab', { name: 'Introductions' }).click({ timeout: 300_000 });
    await on.getByRole('heading', { name: 'Log an introduction' }).waitFor({ timeout: 300_000 });
    await on.getByRole('tab', { name: 'Map' }).click({ timeout: 300_000 });
    const paint = await drawn(on);
    if (!(await on.locator('.summary').innerText()).startsWith(`${people} of ${people}`)) throw new Error('The map did not keep “everyone” between visits.');
    await on.locator('[data-testid="network-map"][data-layout="settled"]').waitFor({ timeout: 300_000 });
    return paint;
  };

  // Everyone, not only the active: the heaviest map. The checkbox is on the map tab, so the first visit
  // draws the active people, and the visits measured below draw everyone.
  await page.getByRole('tab', { name: 'Map' }).click({ timeout: 120_000 });
  await drawn();
  // The browser's first map: the GPU process has not made a WebGL context yet.
  await page.waitForTimeout(300);
  const cold = await page.evaluate<TaskReport>(longestTask);
  await page.getByLabel('Active only').uncheck();
  await page.locator('[data-testid="network-map"][data-layout="settled"]').waitFor({ timeout: 300_000 });
  const shown = await page.locator('.summary').innerText();

  // First visit of everyone with no positions kept: reload the page (a new session), then open the map.
  const firstVisit: number[] = [];
  const blocking: { longest: number; total: number; settle: number }[] = [];
  const firstBuild: TaskReport[] = [];
  for (let i = 0; i < Math.max(1, Math.floor(visits / 3)); i += 1) {
    await page.reload();
    await page.getByRole('heading', { name: 'Timeline', level: 1 }).waitFor({ timeout: 120_000 });
    await page.evaluate(instrument);
    await page.keyboard.press('Control+7');
    await page.getByRole('tab', { name: 'Introductions' }).click({ timeout: 300_000 });
    await page.getByRole('heading', { name: 'Log an introduction' }).waitFor({ timeout: 300_000 });
    await page.evaluate('window.__bench.long = []; window.__bench.tasks = []; window.__bench.gl = []');
    if (args.trace && i === 0) await browser.startTracing(page, { path: args.trace, categories: traceCategories });
    await page.getByRole('tab', { name: 'Map' }).click({ timeout: 300_000 });
    // A fresh page starts with active only, as a user would; everyone is one click on.
    firstVisit.push(await drawn());
    // The first build's own longest task, apart from the layout's that follow: what it waited on.
    await page.waitForTimeout(300);
    firstBuild.push(await page.evaluate<TaskReport>(longestTask));
    if (args.trace && i === 0) await browser.stopTracing();
    await page.getByLabel('Active only').uncheck();
    const start = Date.now();
    await page.locator('[data-testid="network-map"][data-layout="settled"]').waitFor({ timeout: 300_000 });
    const long = await page.evaluate<number[]>('window.__bench.long');
    blocking.push({ longest: Math.max(0, ...long), total: long.reduce((sum, d) => sum + Math.max(0, d - 50), 0), settle: Date.now() - start });
  }

  // Later visits: away to another tab and back; positions kept, no layout.
  const laterVisit: number[] = [];
  for (let i = 0; i < visits; i += 1) laterVisit.push(await revisit(page));

  // Zoom with the wheel and pan by dragging, as a mouse user does, dispatched in the page on every frame
  // (input sent from outside through the browser's debugging protocol stalls headless frames by itself);
  // then the keyboard's pan and zoom. data-zoom is the map's own report of its camera.
  const gestures = async (page: Page, traced: boolean) => {
  const map = page.getByTestId('network-map');
  const zoomBefore = await map.getAttribute('data-zoom');
  const mouse = (kind: 'wheel' | 'drag', ms: number) => `new Promise((resolve) => {
    const target = document.querySelector('[data-testid="network-map"] .sigma-mouse');
    const box = target.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const times = []; let last = performance.now(); const end = last + ${ms}; let i = 0;
    if (${JSON.stringify(kind)} === 'drag') target.dispatchEvent(new MouseEvent('mousedown', { clientX: x, clientY: y, bubbles: true, button: 0, buttons: 1 }));
    const tick = (now) => {
      times.push(now - last); last = now; i += 1;
      if (${JSON.stringify(kind)} === 'wheel') target.dispatchEvent(new WheelEvent('wheel', { clientX: x + (i % 7) * 10, clientY: y, deltaY: (i % 40 < 20 ? -60 : 60), deltaMode: 0, bubbles: true, cancelable: true }));
      else document.dispatchEvent(new MouseEvent('mousemove', { clientX: x + Math.sin(i / 10) * 200, clientY: y + Math.cos(i / 10) * 80, bubbles: true, buttons: 1 }));
      if (now < end) requestAnimationFrame(tick);
      else { if (${JSON.stringify(kind)} === 'drag') document.dispatchEvent(new MouseEvent('mouseup', { clientX: x, clientY: y, bubbles: true })); resolve(times.slice(1)); }
    };
    requestAnimationFrame(tick);
  })`;
  // Frames drawn with every link and label (the map's data-full-frames) while a gesture goes on: each is the
  // long frame hiding links on the move is there to avoid.
  const fullFrames = async () => Number((await map.getAttribute('data-full-frames')) ?? 0);
  await page.evaluate('window.__bench.long = []');
  let full = await fullFrames();
  // --trace-moves=FILE: a Chromium trace of the wheel and drag gestures (what each frame costs, and where).
  if (traced) await browser.startTracing(page, { path: args['trace-moves'], categories: traceCategories });
  const wheel = await page.evaluate<number[]>(mouse('wheel', 4000));
  const wheelFull = (await fullFrames()) - full;
  const wheelLong = await page.evaluate<number[]>('window.__bench.long');
  const zoomAfter = await map.getAttribute('data-zoom');
  if (zoomAfter === zoomBefore) throw new Error('The wheel did not move the camera; the frame times would mean nothing.');
  await page.evaluate('window.__bench.long = []');
  full = await fullFrames();
  const drag = await page.evaluate<number[]>(mouse('drag', 4000));
  const dragFull = (await fullFrames()) - full;
  // The release's work too: sigma refreshes everything a task after a drag ends.
  await page.waitForTimeout(600);
  const dragLong = await page.evaluate<number[]>('window.__bench.long');
  if (traced) await browser.stopTracing();
  // A wheel turned a notch at a time, 300 ms apart, as someone zooming step by step does: the pauses are
  // part of the gesture, and no frame in it should draw every link and label.
  full = await fullFrames();
  const notching = page.evaluate<number[]>(sampleFrames(4000));
  await page.evaluate(`new Promise((resolve) => {
    const target = document.querySelector('[data-testid="network-map"] .sigma-mouse');
    const box = target.getBoundingClientRect();
    let i = 0;
    const step = () => {
      i += 1;
      target.dispatchEvent(new WheelEvent('wheel', { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, deltaY: (i % 6 < 3 ? -120 : 120), deltaMode: 0, bubbles: true, cancelable: true }));
      if (i < 13) setTimeout(step, 300); else resolve(i);
    };
    step();
  })`);
  const notchFull = (await fullFrames()) - full;
  const notches = await notching;
  // The keys, held down: a key every 9 frames, dispatched in the page too (pressed through the debugging
  // protocol they came far apart, and the sample was mostly frames with nothing moving).
  await map.focus();
  full = await fullFrames();
  const keys = await page.evaluate<number[]>(`new Promise((resolve) => {
    const map = document.querySelector('[data-testid="network-map"]');
    const times = []; let last = performance.now(); const end = last + 4000; let i = 0;
    const tick = (now) => {
      times.push(now - last); last = now;
      if (i % 9 === 0) map.dispatchEvent(new KeyboardEvent('keydown', { key: ['+', 'ArrowUp', '+', 'ArrowLeft', '-', 'ArrowUp', '-', 'ArrowLeft'][(i / 9) % 8], bubbles: true, cancelable: true }));
      i += 1;
      if (now < end) requestAnimationFrame(tick); else resolve(times.slice(1));
    };
    requestAnimationFrame(tick);
  })`);
  const keysFull = (await fullFrames()) - full;

  return { wheel, wheelFull, wheelLong, drag, dragFull, dragLong, notches, notchFull, keys, keysFull };
  };
  const q = (all: number[], p: number) => {
    const sorted = [...all].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  };
  const line = (name: string, all: number[], unit = 'ms') =>
    all.length === 0 ? console.log(`${name.padEnd(44)} no frame in the 4 s sampled`) : console.log(`${name.padEnd(44)} n=${String(all.length).padStart(4)}   p50 ${q(all, 0.5).toFixed(1).padStart(7)} ${unit}   p95 ${q(all, 0.95).toFixed(1).padStart(7)} ${unit}   max ${Math.max(...all).toFixed(1).padStart(7)} ${unit}`);
  console.log(`· ${people} people, ${interactions} interactions, ${links} links; ${shown.trim()}`);
  line('first paint, first visit (active only)', firstVisit);
  line('first paint, later visits (everyone)', laterVisit);
  line('longest task, the browser\'s first map', [cold.duration]);
  line('  in WebGL getContext', [cold.inside.getContext ?? 0]);
  line('main thread in getContext, the first map', [cold.contexts]);
  line('tasks over 50 ms, the browser\'s first map', [cold.blocked]);
  line('longest task of the first build', firstBuild.map((b) => b.duration));
  line('tasks over 50 ms in the first build (sum)', firstBuild.map((b) => b.blocked));
  line('tasks over 50 ms in the first build (count)', firstBuild.map((b) => b.count), '');
  for (const name of [...new Set(firstBuild.flatMap((b) => Object.keys(b.inside)))].sort()) line(`  in WebGL ${name}`, firstBuild.map((b) => b.inside[name] ?? 0));
  line('longest main-thread task, first layout', blocking.map((b) => b.longest));
  line('main thread blocked (>50 ms), first layout', blocking.map((b) => b.total));
  line('layout settled after', blocking.map((b) => b.settle));
  const report = (label: string, m: Awaited<ReturnType<typeof gestures>>) => {
  console.log(label);
  line('frames while zooming (wheel)', m.wheel);
  line('  main-thread tasks over 50 ms meanwhile', m.wheelLong.length ? m.wheelLong : [0]);
  console.log(`  frames drawn in full meanwhile: ${m.wheelFull} of ${m.wheel.length}`);
  line('frames while panning (drag)', m.drag);
  line('  main-thread tasks over 50 ms, and on release', m.dragLong.length ? m.dragLong : [0]);
  console.log(`  frames drawn in full meanwhile: ${m.dragFull} of ${m.drag.length}`);
  line('frames while zooming a notch every 300 ms', m.notches);
  console.log(`  frames drawn in full meanwhile: ${m.notchFull} of ${m.notches.length}`);
  line('frames while panning/zooming (keys)', m.keys);
  console.log(`  frames drawn in full meanwhile: ${m.keysFull} of ${m.keys.length}`);
  };
  // The gestures on this build and, with --baseline, on the other one in turn (--rounds=N of each, 2 by
  // default then), so both see the machine as it is at the time.
  const measured: { label: string; page: Page; runs: Awaited<ReturnType<typeof gestures>>[]; paints: number[] }[] = [{ label: 'this build', page, runs: [], paints: [] }];
  let baseline: Awaited<ReturnType<typeof launchApp>> | null = null;
  if (args.baseline) {
    baseline = await launchApp(await browser.newContext({ viewport: { width: 1440, height: 900 } }), baselinePath, { rendererDir: args.baseline });
    const other = baseline.page;
    await other.getByRole('heading', { name: 'Timeline', level: 1 }).waitFor({ timeout: 120_000 });
    await other.evaluate(instrument);
    await other.keyboard.press('Control+7');
    await other.getByRole('tab', { name: 'Map' }).click({ timeout: 300_000 });
    await other.locator('[data-testid="network-map"][data-drawn="true"]').waitFor({ timeout: 180_000 });
    await other.getByLabel('Active only').uncheck();
    await other.locator('[data-testid="network-map"][data-layout="settled"]').waitFor({ timeout: 300_000 });
    measured.push({ label: `baseline (${args.baseline})`, page: other, runs: [], paints: [] });
  }
  const rounds = Number(args.rounds ?? (args.baseline ? 2 : 1));
  for (let round = 0; round < rounds; round += 1) {
    for (const build of measured) {
      await build.page.bringToFront();
      // The still map too: a later visit's first paint, in turn with the other build's.
      if (measured.length > 1) for (let i = 0; i < 2; i += 1) build.paints.push(await revisit(build.page));
      build.runs.push(await gestures(build.page, !!args['trace-moves'] && round === 0 && build.page === page));
    }
  }
  const merged = measured.map(({ label, runs, paints }) => {
    const all = <K extends keyof (typeof runs)[number]>(key: K) => runs.flatMap((run) => run[key]) as (typeof runs)[number][K];
    const sum = (key: 'wheelFull' | 'dragFull' | 'notchFull' | 'keysFull') => runs.reduce((total, run) => total + run[key], 0);
    return { label, paints, m: { wheel: all('wheel'), wheelLong: all('wheelLong'), drag: all('drag'), dragLong: all('dragLong'), notches: all('notches'), keys: all('keys'), wheelFull: sum('wheelFull'), dragFull: sum('dragFull'), notchFull: sum('notchFull'), keysFull: sum('keysFull') } };
  });
  for (const { label, m, paints } of merged) {
    report(`${label}, ${rounds} ${rounds === 1 ? 'run' : 'runs'} of each gesture:`, m);
    if (paints.length) line('first paint, later visits, in turn', paints);
  }
  const [mine, theirs] = merged;
  if (mine && theirs) {
    console.log('this build ÷ baseline');
    console.log(`  first paint, later visits                 p50 ${(q(mine.paints, 0.5) / q(theirs.paints, 0.5)).toFixed(2)}×   p95 ${(q(mine.paints, 0.95) / q(theirs.paints, 0.95)).toFixed(2)}×`);
    for (const [name, key] of [['wheel', 'wheel'], ['drag', 'drag'], ['a notch every 300 ms', 'notches'], ['keys', 'keys']] as const)
      console.log(`  frames while ${name.padEnd(28)} p50 ${(q(mine.m[key], 0.5) / q(theirs.m[key], 0.5)).toFixed(2)}×   p95 ${(q(mine.m[key], 0.95) / q(theirs.m[key], 0.95)).toFixed(2)}×`);
  }
  await baseline?.close();
  await running.close();
  await browser.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
