// `npm run build && node --import tsx bench/map-frames.ts [--people=5000] [--interactions=100000] [--links=20000]`:
// frame times of the network map in headless Chromium (WebGL through SwiftShader, on the CPU: a floor, not
// what a laptop's GPU does), with the journal of bench/generate.ts plus random links. Measures
// requestAnimationFrame intervals while ForceAtlas2 runs in its worker, and while the camera zooms and pans
// after it settles. Prints percentiles; never part of `npm test`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunch } from '../playwright.config.js';
import { openJournal } from '../src-main/core/index.js';
import { Rng } from '../resources/sample/prng.js';
import { launchApp } from '../tests/e2e/harness.js';
import { generate } from './generate.js';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const people = Number(args.people ?? 5000);
const interactions = Number(args.interactions ?? 100_000);
const links = Number(args.links ?? 20_000);

const dir = await mkdtemp(join(tmpdir(), 'confidant-bench-map-'));
const path = join(dir, 'journal.sqlite');
try {
  const journalDb = await openJournal(path);
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
  await journalDb.close();

  const browser = await chromium.launch(chromiumLaunch);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const running = await launchApp(context, path);
  const page = running.page;
  await page.getByRole('heading', { name: 'Timeline', level: 1 }).waitFor({ timeout: 120_000 });
  await page.keyboard.press('Control+6');
  await page.getByRole('tab', { name: 'Map' }).click({ timeout: 120_000 });
  // Everyone, not only the active: the heaviest map.
  await page.getByLabel('Active only').uncheck();
  await page.getByTestId('network-map').locator('canvas').first().waitFor({ state: 'attached', timeout: 120_000 });
  const sample = (ms: number) =>
    page.evaluate(
      (duration) =>
        new Promise<number[]>((resolve) => {
          const times: number[] = [];
          let last = performance.now();
          const end = last + duration;
          const tick = (now: number) => {
            times.push(now - last);
            last = now;
            if (now < end) requestAnimationFrame(tick);
            else resolve(times);
          };
          requestAnimationFrame(tick);
        }),
      ms,
    );
  const layout = await sample(4000);
  await page.waitForFunction(() => !document.body.textContent?.includes('arranging…'), undefined, { timeout: 180_000 });
  const map = page.getByTestId('network-map');
  await map.focus();
  const moving = sample(4000);
  for (let i = 0; i < 12; i += 1) {
    await map.press(i % 4 < 2 ? '+' : '-');
    await map.press(i % 2 ? 'ArrowLeft' : 'ArrowUp');
  }
  const camera = await moving;
  const summary = (name: string, all: number[]) => {
    const sorted = [...all].sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
    console.log(`${name.padEnd(30)} ${String(sorted.length).padStart(4)} frames   p50 ${q(0.5).toFixed(1)} ms   p95 ${q(0.95).toFixed(1)} ms   max ${sorted.at(-1)!.toFixed(1)} ms`);
  };
  console.log(`· ${people} people, ${interactions} interactions, ${links} links; everyone shown`);
  summary('while the layout runs', layout);
  summary('zooming and panning after', camera);
  await running.close();
  await browser.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
