// `node --import tsx tests/screenshots-network.ts [screen…]`: the network screens (counts, while counting
// and while updating, map, introductions, hand-over) on the sample journal with some links accepted, light
// and dark, at 1024×640, 1440×900 and 1920×1080 (SHOTS_WIDTHS=1024,1920 for some), written to
// resources/screenshots/network-* (or SHOTS_DIR). Run `npm run build` first. WebGL runs
// on the CPU (SwiftShader), as in bench/map-frames.ts: with the suite's --disable-gpu the map would show only
// its list view.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chromiumLaunch } from '../playwright.config.js';
import { launchApp, type RunningApp, reloadApp } from './e2e/harness.js';
import { slowNetwork } from './e2e/slow-network.js';

const outDir = process.env.SHOTS_DIR ?? join(import.meta.dirname, '..', 'resources', 'screenshots');
const widths = process.env.SHOTS_WIDTHS?.split(',').map(Number);
const sizes = [
  { width: 1024, height: 640 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
].filter((size) => !widths || widths.includes(size.width));

async function must(running: RunningApp, name: string, input: unknown = {}): Promise<unknown> {
  const result = await running.journal.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

async function prepare(running: RunningApp): Promise<void> {
  // Say yes to the journal's first questions about who knows whom, and log two introductions.
  const suggestions = (await must(running, 'links.suggestions', { limit: 40 })) as { personA: { id: number }; personB: { id: number } }[];
  for (const s of suggestions.slice(0, 30)) await must(running, 'links.accept', { personAId: s.personA.id, personBId: s.personB.id });
  // The first three by name, a window of the People table, not everyone's summary.
  const { rows } = (await must(running, 'people.window', { sort: 'name', limit: 3 })) as { rows: { id: number }[] };
  const [a, b, c] = rows;
  const today = new Date().toISOString().slice(0, 10);
  await must(running, 'introductions.create', { direction: 'made', personAId: a!.id, personBId: c!.id, why: 'Both are rebuilding clinic onboarding', introducedOn: today });
  await must(running, 'introductions.create', { direction: 'received', introducerId: b!.id, personAId: c!.id, why: 'A second opinion on pricing', introducedOn: today });
}

/** A screen: `before` runs ahead of opening the Network screen, `show` once its counts are there (unless `waits` is false). */
const screens: { name: string; before?: (core: ReturnType<typeof slowNetwork>) => void; waits?: false; show: (page: Page, core: ReturnType<typeof slowNetwork>) => Promise<void> }[] = [
  { name: 'network', show: async () => {} },
  {
    // The first count of a session on a big journal: nothing to show yet.
    name: 'network-counting',
    before: (core) => core.hold(),
    waits: false,
    show: async (page) => {
      await page.getByText('Counting your network…').waitFor();
    },
  },
  {
    // After a write on a big journal: the last figures, marked as updating, while the new ones are worked out.
    name: 'network-updating',
    show: async (page, core) => {
      core.recomputing = true;
      core.hold();
      await page.getByRole('tab', { name: 'Map' }).click();
      await page.getByRole('tab', { name: 'Open, diverse, deep' }).click();
      await page.getByTestId('network-updating').getByText('Updating…').waitFor();
    },
  },
  {
    name: 'network-map',
    show: async (page) => {
      await page.getByRole('tab', { name: 'Map' }).click();
      await page.getByTestId('network-map').locator('canvas').first().waitFor({ state: 'attached' });
      await page.getByText(/people shown/).waitFor();
      // Let the layout settle: the summary drops "arranging…" when the worker is done.
      await page.waitForFunction(() => !document.body.textContent?.includes('arranging…'), undefined, { timeout: 30_000 });
    },
  },
  {
    name: 'network-map-card',
    show: async (page) => {
      // The map coloured by group, a person's card open with its "add a link" form.
      await page.getByRole('tab', { name: 'Map' }).click();
      await page.getByText(/people shown/).waitFor();
      await page.getByLabel('Colour by').selectOption('community');
      const list = page.getByRole('table', { name: 'People on the map and whom they know' });
      const name = (await list.isVisible()) ? await list.getByRole('row').nth(1).getByRole('button').innerText() : null;
      if (name) await list.getByRole('button', { name, exact: true }).click();
      else await page.getByRole('combobox', { name: 'Find on the map' }).fill((await page.locator('datalist option').first().getAttribute('value')) ?? '');
      await page.getByRole('complementary').getByRole('button', { name: 'Add a link' }).click();
    },
  },
  {
    name: 'network-introductions',
    show: async (page) => {
      await page.getByRole('tab', { name: 'Introductions' }).click();
      await page.getByRole('button', { name: 'Log it…' }).first().click().catch(() => undefined);
    },
  },
  {
    name: 'network-handover',
    show: async (page) => {
      await page.getByRole('tab', { name: 'Hand over' }).click();
      await page.getByRole('button', { name: 'Add sponsors' }).click();
      await page.getByRole('list', { name: 'People in the pack' }).waitFor();
    },
  },
];

const only = process.argv.slice(2);
const browser = await chromium.launch({ ...chromiumLaunch, args: [...chromiumLaunch.args.filter((arg) => arg !== '--disable-gpu'), '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
await mkdir(outDir, { recursive: true });
const dir = await mkdtemp(join(tmpdir(), 'confidant-shots-network-'));
try {
  for (const theme of ['light', 'dark'] as const) {
    for (const size of sizes) {
      const context = await browser.newContext({ viewport: size, deviceScaleFactor: 1, colorScheme: theme });
      const running = await launchApp(context, join(dir, `${theme}-${size.width}.sqlite`), { colorScheme: theme });
      const loaded = await running.journal.call('journal.loadSample');
      if (!loaded.ok) throw new Error(loaded.error.message);
      await prepare(running);
      const core = slowNetwork(running.journal);
      for (const screen of screens) {
        if (only.length > 0 && !only.includes(screen.name)) continue;
        await reloadApp(running.page, 'Timeline');
        screen.before?.(core);
        await running.page.keyboard.press('Control+7');
        if (screen.waits !== false) await running.page.getByRole('heading', { name: 'Open', level: 2 }).waitFor();
        await screen.show(running.page, core);
        const file = join(outDir, `${screen.name}-${theme}-${size.width}x${size.height}.png`);
        await running.page.screenshot({ path: file });
        // What a screen held comes in now, as the new figures would.
        core.recomputing = false;
        core.release();
        console.log(`wrote ${file}`);
      }
      await running.close();
      await context.close();
    }
  }
} finally {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}
