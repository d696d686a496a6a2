// `npm run bench:ui [-- --size=100k] [--journal=path] [--visits=5] [--cold=3]`: how the window feels on a large journal. The built
// renderer runs in Chromium through the E2E harness (the same bridge as the preload, backed by the real
// core on a synthetic journal), and the page itself measures, with performance.now() and the Long Tasks
// API (PerformanceObserver 'longtask'):
//   - the first timeline paint, cold (a fresh page on a journal just opened);
//   - each screen from the key press that opens it to its content on screen and painted;
//   - every long task (> 50 ms) on the main thread during each of those and while the screen settles after
//     it (SETTLE_MS: the rest of a list drawn in slices, idle-time loads), so work put off past the paint
//     still counts against its navigation.
// Each screen is visited --visits times (the first visit also loads its chunk, so it is shown apart) and
// the page is opened cold --cold times; the table gives p50 and p95 of each.
// Prints a table and writes bench/results/ui-*.json. Reports, never asserts: not part of `npm test`.
// Needs `npm run build` first (it serves out/renderer).
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunch } from '../playwright.config.js';
import { launchApp } from '../tests/e2e/harness.js';
import { FIRST_ENTRY_SCRIPT, firstEntryPainted } from './first-entry.js';
import { prepareBenchJournal } from './ui-journal.js';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const sizes: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1M': 1_000_000 };
const sizeName = args.size ?? '100k';
const interactions = sizes[sizeName] ?? Number(sizeName);
const log = (message: string) => console.log(`· ${message}`);
const visits = Math.max(2, Number(args.visits ?? 5));
const coldOpens = Math.max(1, Number(args.cold ?? 3));
const SETTLE_MS = 1000;

if (!existsSync(join(import.meta.dirname, '..', 'out', 'renderer', 'index.html'))) {
  console.error('Build the app first: npm run build');
  process.exit(1);
}

const dir = await mkdtemp(join(args.dir ?? tmpdir(), 'confidant-bench-ui-'));
const journalPath = join(dir, 'journal.sqlite');
try {
  await prepareBenchJournal(journalPath, args.journal, interactions, log);

  const browser = await chromium.launch(chromiumLaunch);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Installed before the app's own scripts: long tasks, and the moment the first timeline entry appears.
  await context.addInitScript(`(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  })();`);
  await context.addInitScript(FIRST_ENTRY_SCRIPT);
  /** Opens a fresh page on the journal and waits for its first timeline entry, painted. */
  const openCold = async () => {
    const opened = await launchApp(context, journalPath);
    await firstEntryPainted(opened.page);
    await opened.page.evaluate((ms) => new Promise((resolve) => setTimeout(resolve, ms)), SETTLE_MS);
    const figures = await opened.page.evaluate((settle) => {
      const w = window as unknown as { __firstEntry: number; __firstEntryPainted: number; __longTasks: { start: number; duration: number }[] };
      return { content: w.__firstEntry, painted: w.__firstEntryPainted, longTasks: w.__longTasks.filter((t) => t.start < w.__firstEntryPainted + settle).map((t) => t.duration) };
    }, SETTLE_MS);
    return { opened, figures };
  };
  const colds: { content: number; painted: number; longTasks: number[] }[] = [];
  for (let i = 1; i < coldOpens; i += 1) {
    log(`opening the app cold (${i} of ${coldOpens})`);
    const { opened, figures } = await openCold();
    colds.push(figures);
    await opened.close();
  }
  log(`opening the app cold (${coldOpens} of ${coldOpens})`);
  const { opened: running, figures: lastCold } = await openCold();
  colds.push(lastCold);
  const { page } = running;
  const cold = { content: Math.max(...colds.map((c) => c.content)), painted: Math.max(...colds.map((c) => c.painted)), longTasks: colds.flatMap((c) => c.longTasks) };

  /** From a key press (as the user's) to `selector` on screen and painted; the long tasks in between. */
  const navigate = async (name: string, press: string | null, selector: string, act?: () => Promise<void>, before?: () => Promise<void>) => {
    if (before) await before();
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300))); // let the last screen settle
    const startAt = await page.evaluate(() => performance.now());
    // A string, not a function: tsx would name the inner arrow functions with a helper the page lacks.
    const waiting = page.evaluate(`new Promise((resolve) => {
      const check = () => {
        if (!document.querySelector(${JSON.stringify(selector)})) return false;
        const content = performance.now();
        requestAnimationFrame(() => setTimeout(() => resolve({ content, painted: performance.now() })));
        return true;
      };
      if (check()) return;
      const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
      observer.observe(document, { childList: true, subtree: true, attributes: true });
    })`) as Promise<{ content: number; painted: number }>;
    if (press) await page.keyboard.press(press);
    if (act) await act();
    log(name);
    // A screen that never shows its content is reported, not waited for forever.
    const done = await Promise.race([waiting, new Promise<null>((resolve) => setTimeout(() => resolve(null), 20_000))]);
    if (!done) return { name, content: Number.NaN, painted: Number.NaN, longTasks: [] as number[] };
    await page.evaluate((ms) => new Promise((resolve) => setTimeout(resolve, ms)), SETTLE_MS);
    const longTasks = await page.evaluate(
      ([from, to]) => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((t) => t.start >= from! && t.start <= to!).map((t) => t.duration),
      [startAt, done.painted + SETTLE_MS],
    );
    return { name, content: done.content - startAt, painted: done.painted - startAt, longTasks };
  };

  const results: { visit: string; name: string; content: number; painted: number; longTasks: number[] }[] = [];
  // Each screen `visits` times: the first visit also loads its chunk; the rest are the usual case.
  for (let round = 0; round < visits; round += 1) {
    const visit = round === 0 ? 'first visit' : 'again';
    log(`screens, ${visit} (${round + 1} of ${visits})`);
    results.push({ visit, ...(await navigate('People', 'Control+2', 'table[aria-label="People"] tbody tr[data-index]')) });
    results.push({ visit, ...(await navigate('a person page', null, 'article.entry', () => page.locator('table[aria-label="People"] button[data-row]').first().click())) });
    // The tab panel, ledger or not: the synthetic journal ends on 2026-01-01, so "Last 12 months" may be empty.
    results.push({ visit, ...(await navigate('Reciprocity', 'Control+3', '[role="tabpanel"]')) });
    results.push({ visit, ...(await navigate('Associations', 'Control+4', 'section[aria-labelledby^="col-"] li.card')) });
    results.push({ visit, ...(await navigate('Quarterly review', 'Control+5', 'dl[aria-label="The quarter in numbers"]')) });
    results.push({ visit, ...(await navigate('Meetings to log', 'Control+6', 'ul[aria-label="Meetings to log"], .layout > .main > .empty')) });
    // The overview's figures (network.overview), not its "Counting your network…" state.
    results.push({ visit, ...(await navigate('Network', 'Control+7', '[role="tabpanel"] .figures')) });
    results.push({ visit, ...(await navigate('Settings', 'Control+,', '#backups-title')) });
    results.push({ visit, ...(await navigate('Search', 'Control+Shift+F', '#search-query')) });
    results.push({
      visit,
      ...(await navigate('  a search for "the"', null, '#search-summary:not(:empty)', () => page.locator('#search-query').fill(['the', 'and', 'to', 'of'][round % 4]!), async () => {
        await page.locator('#search-query').fill('');
        await page.waitForFunction(() => document.querySelector('#search-summary')?.textContent === '');
      })),
    });
    results.push({ visit, ...(await navigate('Timeline', 'Control+1', 'article.entry')) });
  }
  const bundle = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('.js'))
      .map((entry) => ({ name: entry.name.split('/').pop(), bytes: (entry as PerformanceResourceTiming).decodedBodySize })),
  );
  await running.close();
  await browser.close();

  const fmt = (ms: number) => (Number.isNaN(ms) ? 'never' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
  const quantile = (samples: number[], q: number) => {
    const sorted = [...samples].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  };
  const names = [...new Set(results.map((r) => r.name))];
  const table = names.map((name) => {
    const mine = results.filter((r) => r.name === name);
    const first = mine.find((r) => r.visit === 'first visit')!;
    const again = mine.filter((r) => r.visit === 'again');
    const painted = again.map((r) => r.painted);
    return {
      name,
      first: first.painted,
      n: again.length,
      contentP50: quantile(again.map((r) => r.content), 0.5),
      p50: quantile(painted, 0.5),
      p95: quantile(painted, 0.95),
      longest: Math.max(0, ...mine.flatMap((r) => r.longTasks)),
      longTasks: mine.flatMap((r) => r.longTasks).length,
    };
  });
  const coldPainted = colds.map((c) => c.painted);
  console.log(`\nFrom the key press (or the page load) to the content on screen and painted; ${visits - 1} visits after the first, ${coldOpens} cold opens.`);
  console.log(`Long tasks: from the key press (or the page load) to ${SETTLE_MS} ms after the paint, over every visit (or cold open).`);
  console.log(`${''.padEnd(30)} ${'first'.padStart(8)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'longest task'.padStart(13)} ${'tasks>50ms'.padStart(11)}`);
  console.log(
    `${'first timeline paint, cold'.padEnd(30)} ${fmt(coldPainted[0]!).padStart(8)} ${fmt(quantile(coldPainted, 0.5)).padStart(8)} ${fmt(quantile(coldPainted, 0.95)).padStart(8)} ${fmt(Math.max(0, ...cold.longTasks)).padStart(13)} ${String(cold.longTasks.length).padStart(11)}`,
  );
  for (const r of table) {
    console.log(`${r.name.padEnd(30)} ${fmt(r.first).padStart(8)} ${fmt(r.p50).padStart(8)} ${fmt(r.p95).padStart(8)} ${fmt(r.longest).padStart(13)} ${String(r.longTasks).padStart(11)}`);
  }
  const worst = Math.max(0, ...cold.longTasks, ...results.flatMap((r) => r.longTasks));
  console.log(`\nTargets at ${sizeName}:`);
  console.log(`  ${quantile(coldPainted, 0.95) < 300 ? 'met   ' : 'MISSED'}  first timeline paint cold < 300 ms (p95): ${fmt(quantile(coldPainted, 0.95))}`);
  for (const r of table.filter((row) => !row.name.startsWith(' '))) console.log(`  ${r.p95 < 200 ? 'met   ' : 'MISSED'}  ${r.name} usable < 200 ms after navigation (p95): ${fmt(r.p95)}`);
  console.log(`  ${worst <= 50 ? 'met   ' : 'MISSED'}  no long task over 50 ms: longest ${fmt(worst)}`);
  console.log(`  scripts loaded: ${bundle.map((b) => `${b.name} ${Math.round((b.bytes ?? 0) / 1000)} kB`).join(', ')}`);

  const resultsDir = join(import.meta.dirname, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `ui-${sizeName}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ size: sizeName, visits, coldOpens, colds, cold, results, table, bundle }, null, 2));
  console.log(`\nwrote ${file}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
