// `npm run screenshots`: every screen, light and dark, from the E2E harness with the sample journal,
// written to resources/screenshots/. The README shows timeline-light.png.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { chromiumLaunch } from '../playwright.config.js';
import { axeFindings, launchApp, type RunningApp, reloadApp } from './e2e/harness.js';


export const themes = ['light', 'dark'] as const;
export type Theme = (typeof themes)[number];

export type Screen = {
  name: string;
  sample: boolean;
  /** Adjusts the journal before the page loads (after the sample). */
  prepare?: (running: RunningApp) => Promise<void>;
  show: (page: Page) => Promise<void>;
  /** Window sizes to take besides the usual 1280×800 (files get a -WIDTHxHEIGHT suffix). */
  sizes?: { width: number; height: number }[];
};

/** Runs a call that must succeed, for preparing a screen. */
async function must(running: RunningApp, name: string, input: unknown = {}): Promise<unknown> {
  const result = await running.journal.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

/** A form's one-person search, reached by `open`, with "Pri" typed and its list of matches open. */
function personSearch(name: string, open: (page: Page) => Promise<Locator>): Screen {
  return {
    name,
    sample: true,
    show: async (page) => {
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      await (await open(page)).pressSequentially('Pri');
      await page.getByRole('listbox', { name: 'People' }).getByRole('option', { name: /Priya Natarajan/ }).waitFor();
    },
  };
}

export const screens: Screen[] = [
  { name: 'welcome', sample: false, show: async (page) => void (await page.getByRole('heading', { level: 1 }).first().waitFor()) },
  ...(
    [
      ['empty-people', 'Control+2', 'People'],
      ['empty-reciprocity', 'Control+3', 'Reciprocity'],
      ['empty-associations', 'Control+4', 'Associations'],
      ['empty-review', 'Control+5', 'Quarterly review'],
      ['empty-search', 'Control+Shift+F', 'Search'],
    ] as const
  ).map(([name, key, heading]) => ({
    name,
    sample: false,
    show: async (page: Page) => {
      await page.getByRole('heading', { name: 'Welcome to Confidant' }).waitFor();
      await page.keyboard.press(key);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.locator('[aria-busy="true"]').waitFor({ state: 'detached' }).catch(() => {});
    },
  })),
  { name: 'timeline', sample: true, show: (page) => page.getByRole('heading', { name: 'Timeline', level: 1 }).waitFor() },
  {
    name: 'timeline-confidential',
    sample: true,
    show: async (page) => {
      // Two confidential entries: the first stays hidden, the second is revealed.
      const reveal = page.getByRole('button', { name: 'Reveal notes' });
      await reveal.nth(1).waitFor();
      await reveal.nth(1).click();
      await page.getByRole('button', { name: 'Hide notes' }).waitFor();
      await reveal.first().evaluate((button) => button.closest('article, li, section')?.scrollIntoView({ block: 'start' }));
    },
  },
  {
    name: 'log-interaction',
    sample: true,
    show: async (page) => {
      await page.getByRole('heading', { name: 'Timeline', level: 1 }).waitFor();
      await page.keyboard.press('Control+n');
      await page.getByRole('dialog').waitFor();
      await page.keyboard.type('Pri');
      await page.getByRole('option').first().waitFor();
    },
  },
  {
    name: 'people',
    sample: true,
    show: async (page) => {
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      await page.keyboard.press('Control+2');
      await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    },
  },
  {
    name: 'person',
    sample: true,
    show: async (page) => {
      await page.keyboard.press('Control+2');
      await page.getByRole('table').getByRole('row').nth(1).click();
      await page.getByRole('button', { name: 'Edit', exact: false }).first().waitFor();
    },
  },
  {
    name: 'person-edit',
    sample: true,
    show: async (page) => {
      await page.keyboard.press('Control+2');
      await page.getByRole('table').getByRole('row').nth(1).click();
      await page.getByRole('button', { name: /^Edit/ }).first().click();
      await page.getByRole('dialog').waitFor();
    },
  },
  {
    // The person form's addresses, nicknames and messaging handles (#13), one address being typed.
    name: 'person-edit-details',
    sample: true,
    show: async (page) => {
      await page.keyboard.press('Control+2');
      await page.getByRole('table').getByRole('row').nth(1).click();
      await page.getByRole('button', { name: /^Edit/ }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Nicknames').fill('Becca');
      await dialog.getByRole('button', { name: 'Add address' }).click();
      await dialog.getByRole('textbox', { name: 'Street of address 1' }).fill('1 Market Street');
      await dialog.getByRole('textbox', { name: 'City of address 1' }).fill('San Francisco');
      await dialog.getByRole('group', { name: 'Addresses' }).scrollIntoViewIfNeeded();
    },
  },
  ...(
    [
      ['reciprocity-ledger', 'Ledger'],
      ['reciprocity-give-first', 'Give first'],
      ['reciprocity-thanks-owed', 'Thanks owed'],
      ['reciprocity-commitments', 'Commitments'],
      ['reciprocity-keep-in-touch', 'Keep in touch'],
    ] as const
  ).map(([name, tab]) => ({
    name,
    sample: true,
    show: async (page: Page) => {
      // The shortcut works once the shell is up; before that the key press is lost.
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      await page.keyboard.press('Control+3');
      await page.getByRole('heading', { name: 'Reciprocity', level: 1 }).waitFor();
      await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await page.getByRole('tabpanel').waitFor();
    },
  })),
  {
    name: 'person-reciprocity',
    sample: true,
    show: async (page) => {
      await page.keyboard.press('Control+2');
      await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Dr. Rebecca Stone', exact: true }).click();
      const section = page.getByRole('region', { name: 'Give and take' });
      await section.getByRole('region', { name: 'Before you ask' }).getByText('You gave').waitFor();
      await section.scrollIntoViewIfNeeded();
      await page.evaluate(() => document.querySelector('[aria-labelledby="recip-title"]')?.scrollIntoView({ block: 'start' }));
    },
  },
  {
    name: 'log-give-and-ask',
    sample: true,
    show: async (page) => {
      await page.getByRole('heading', { name: 'Timeline', level: 1 }).waitFor();
      await page.keyboard.press('Control+n');
      const dialog = page.getByRole('dialog');
      await page.keyboard.type('Lucía');
      await page.getByRole('option').first().waitFor();
      await page.keyboard.press('Enter');
      await dialog.getByLabel('Notes').fill('Board prep for the budget session. She flagged that Tomasz wants the number first.');
      await dialog.getByRole('button', { name: '+ I gave' }).click();
      await dialog.getByLabel('What I gave').fill('Our pre-read template for the board pack');
      await dialog.getByRole('button', { name: '+ Ask' }).click();
      await dialog.getByLabel('The ask').fill('Ten minutes on Tomasz\'s calendar before the board');
      await dialog.getByRole('region', { name: 'Before you ask' }).getByText('They gave').waitFor();
      await dialog.getByRole('region', { name: 'Before you ask' }).scrollIntoViewIfNeeded();
    },
  },
  // The one-person search of other forms (components/PersonSearch) with its list open: Record a give, Merge into.
  personSearch('give-person-search', async (page) => {
    await page.keyboard.press('Control+3');
    await page.getByRole('button', { name: 'Record a give' }).click();
    return page.getByRole('dialog').getByRole('combobox', { name: 'Person' });
  }),
  personSearch('merge-person-search', async (page) => {
    await page.keyboard.press('Control+2');
    await page.getByRole('button', { name: 'Dr. Rebecca Stone', exact: true }).click();
    await page.getByRole('button', { name: 'Merge…' }).click();
    return page.getByRole('dialog').getByRole('combobox', { name: 'Person to keep' });
  }),
  {
    name: 'search',
    sample: true,
    show: async (page) => {
      await page.getByRole('heading', { name: 'Timeline', level: 1 }).waitFor();
      await page.keyboard.press('Control+Shift+F');
      await page.getByRole('searchbox', { name: 'Search your journal' }).fill('board');
      await page.getByRole('region', { name: /Conversations/ }).waitFor();
    },
  },
  {
    name: 'search-error',
    sample: true,
    show: async (page) => {
      await page.getByRole('heading', { name: 'Timeline', level: 1 }).waitFor();
      await page.keyboard.press('Control+Shift+F');
      await page.getByRole('searchbox', { name: 'Search your journal' }).fill('budget kind:coffe after:2024-13');
      await page.getByRole('alert').waitFor();
    },
  },
  {
    name: 'search-start',
    sample: true,
    show: async (page) => {
      await page.getByRole('heading', { name: 'Timeline', level: 1 }).waitFor();
      await page.keyboard.press('Control+Shift+F');
      await page.getByRole('heading', { name: 'Find what was said' }).waitFor();
    },
  },
  {
    name: 'palette',
    sample: true,
    show: async (page) => {
      await page.getByRole('heading', { name: 'Timeline', level: 1 }).waitFor();
      await page.keyboard.press('Control+k');
      await page.keyboard.type('pri');
      await page.getByRole('option').first().waitFor();
    },
  },
  {
    name: 'associations',
    sample: true,
    show: async (page) => {
      await page.keyboard.press('Control+4');
      await page.getByRole('heading', { name: 'Associations', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Product Leaders Circle' }).waitFor();
    },
  },
  {
    name: 'association',
    sample: true,
    show: async (page) => {
      await page.keyboard.press('Control+4');
      await page.getByRole('button', { name: 'Product Leaders Circle' }).click();
      await page.getByRole('list', { name: 'Attendance, the last eight quarters' }).waitFor();
    },
  },
  {
    name: 'review',
    sample: true,
    show: async (page) => {
      await page.keyboard.press('Control+5');
      await page.getByRole('heading', { name: 'Quarterly review', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Previous quarter' }).click();
      await page.getByRole('table').waitFor();
    },
  },
  {
    name: 'review-heatmap',
    sample: true,
    show: async (page) => {
      await page.keyboard.press('Control+5');
      await page.getByRole('table').waitFor();
      await page.getByRole('table').scrollIntoViewIfNeeded();
      await page.evaluate(() => document.querySelector('main')?.scrollTo({ top: 10_000 }));
    },
  },
  {
    name: 'log-event',
    sample: true,
    show: async (page) => {
      await page.keyboard.press('Control+4');
      await page.getByRole('button', { name: 'Product Leaders Circle' }).click();
      await page.getByRole('button', { name: 'Log an event' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: 'People' }).pressSequentially('Ravi');
      await dialog.getByRole('option').first().waitFor();
      await page.keyboard.press('Enter');
      await dialog.getByLabel('Title').fill('Circle winter session: planning in uncertain times');
      await dialog.getByLabel('Association').scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'timeline-behind-pace',
    sample: true,
    // The sample's focus has an event this quarter; set it aside and ask about pace as of late in the
    // quarter, so the notice shows whatever the date the screenshots are taken.
    prepare: async (running) => {
      const page = (await must(running, 'interactions.timeline', { limit: 200 })) as { entries: { id: number; association: { name: string } | null }[] };
      const latest = page.entries.find((entry) => entry.association?.name === 'Product Leaders Circle');
      if (latest) await must(running, 'interactions.delete', { id: latest.id });
      const now = new Date();
      const late = new Date(now.getFullYear(), Math.floor(now.getMonth() / 3) * 3 + 2, 20, 12).toISOString();
      const call = running.journal.call.bind(running.journal);
      running.journal.call = (name, input) => call(name, name === 'associations.pace' ? { now: late } : input);
    },
    show: async (page) => {
      await page.getByRole('complementary', { name: 'Behind pace' }).waitFor();
    },
  },
  {
    name: 'settings',
    sample: true,
    show: async (page) => {
      await page.getByRole('heading', { name: 'Timeline', level: 1 }).waitFor();
      await page.keyboard.press('Control+,');
      await page.getByRole('status', { name: 'Shortcut status' }).getByText('On:').waitFor();
    },
  },
  {
    // Settings › Quick capture (#8): the shortcut and the tray icon switch, scrolled into view.
    name: 'settings-quick-capture',
    sample: true,
    sizes: [{ width: 1024, height: 640 }, { width: 1920, height: 1080 }],
    show: async (page) => {
      await page.getByRole('heading', { name: 'Timeline', level: 1 }).waitFor();
      await page.keyboard.press('Control+,');
      const tray = page.getByRole('status', { name: 'Tray status' });
      await tray.getByText('The icon is in the tray').waitFor();
      await tray.scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'journal-stopped',
    sample: true,
    show: async (page) => {
      await page.getByRole('heading', { name: 'Timeline', level: 1 }).waitFor();
      await currentRunning!.stopJournal();
      await page.getByRole('heading', { name: 'The journal stopped', level: 1 }).waitFor();
    },
  },
  {
    name: 'quick-capture',
    sample: true,
    show: async (page) => {
      await page.setViewportSize({ width: 560, height: 660 });
      await page.goto(page.url().replace(/#.*$/, '') + '#/capture');
      await reloadApp(page);
      await page.getByRole('combobox', { name: 'People' }).waitFor();
    },
  },
  {
    name: 'import-preview',
    sample: true,
    prepare: async (running) => {
      await must(running, 'people.create', { name: 'Ada Lovelace', organization: 'Analytical Engines', role: 'Chief Engineer', emails: [{ email: 'ada@analytical.example', label: 'work' }] });
    },
    show: async (page) => {
      await page.getByRole('heading', { name: 'Timeline', level: 1 }).waitFor();
      await page.evaluate(() => window.dispatchEvent(new CustomEvent('confidant:menu', { detail: 'import' })));
      const dialog = page.getByRole('dialog', { name: 'Import contacts' });
      await dialog.getByLabel('Contacts file').setInputFiles(join(import.meta.dirname, 'fixtures', 'contacts', 'linkedin-connections.csv'));
      await dialog.getByRole('button', { name: /^Import \d+ people$/ }).waitFor();
    },
  },
  {
    name: 'person-details',
    sample: true,
    prepare: async (running) => {
      await must(running, 'people.create', {
        name: 'Søren Østergaard', organization: 'Fabrikam', role: 'VP Sales', nicknames: ['Søs'],
        emails: [{ email: 'soren@fabrikam.example', label: 'work' }],
        addresses: [{ label: 'work', street: 'Vesterbrogade 1\n3rd floor', locality: 'København', region: null, postalCode: '1620', country: 'Denmark' }],
        ims: [{ service: 'Signal', handle: '+45 20 12 34 56', label: null }, { service: 'Skype', handle: 'soren.ostergaard', label: 'work' }],
      });
    },
    show: async (page) => {
      await page.getByRole('heading', { name: 'Timeline', level: 1 }).waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'People' }).click();
      await page.getByRole('button', { name: 'Søren Østergaard', exact: true }).click();
      await page.getByTestId('person-address').scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'reminder-choices',
    sample: true,
    prepare: prepareCalendar,
    show: async (page) => {
      await page.keyboard.press('Control+6');
      await page.locator('[data-meeting-row]').first().waitFor();
      await page.getByText('Notify me about…').click();
      await page.getByLabel('Keep-in-touch digest on').scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'export',
    sample: true,
    show: async (page) => {
      await page.getByRole('heading', { name: 'Timeline', level: 1 }).waitFor();
      await page.evaluate(() => window.dispatchEvent(new CustomEvent('confidant:menu', { detail: 'export' })));
      await page.getByRole('dialog', { name: 'Export' }).waitFor();
    },
  },
  {
    name: 'meetings-to-log',
    sample: true,
    sizes: [{ width: 1024, height: 640 }, { width: 1920, height: 1080 }],
    prepare: prepareCalendar,
    show: async (page) => {
      await page.keyboard.press('Control+6');
      await page.locator('[data-meeting-row]').first().waitFor();
    },
  },
  {
    name: 'timeline-to-log',
    sample: true,
    sizes: [{ width: 1024, height: 640 }],
    prepare: prepareCalendar,
    show: (page) => page.getByRole('complementary', { name: "Today's meetings to log" }).waitFor(),
  },
  {
    name: 'log-from-meeting',
    sample: true,
    prepare: prepareCalendar,
    show: async (page) => {
      await page.keyboard.press('Control+6');
      await page.locator('[data-meeting-row]').first().focus();
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').getByRole('list', { name: 'People you met' }).waitFor();
    },
  },
];

/** A calendar export of the last few days around the real clock, with the sample's people in it. */
async function prepareCalendar(running: RunningApp): Promise<void> {
  const now = Date.now();
  const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const hour = 3_600_000;
  const event = (uid: string, startMs: number, minutes: number, summary: string, extra: string[]) =>
    ['BEGIN:VEVENT', `UID:${uid}@shots.example`, `DTSTAMP:${stamp(now)}`, `DTSTART:${stamp(startMs)}`, `DTEND:${stamp(startMs + minutes * 60_000)}`, `SUMMARY:${summary}`,
      'ORGANIZER;CN=Me:mailto:me@work.example', ...extra, 'END:VEVENT'];
  const who = (cn: string, email: string) => `ATTENDEE;CN="${cn}";PARTSTAT=ACCEPTED:mailto:${email}`;
  const text = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    ...event('roadmap', now - 4 * hour, 45, 'Roadmap review with Maya', [who('Lindqvist, Maya', 'maya.lindqvist@northwind.example'), who('Mehta, Rohan', 'rohan.mehta@northwind.example'), 'ATTENDEE;PARTSTAT=TENTATIVE:MAILTO:dana.whitfield@fabrikam.example', 'LOCATION:Level 4, room Ada']),
    ...event('coffee', now - 2 * hour, 30, 'Coffee with Lucía', [who('Lucía Ferreira', 'lucia@ferreira.example'), 'LOCATION:Monmouth Coffee, Borough']),
    ...event('seriesb', now - 26 * hour, 60, 'Series B prep', [who('Arjun Kapoor', 'arjun@kapoor.example'), 'X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij']),
    ...event('staff', now - 6 * 24 * hour, 60, 'Staff meeting', [who('Wen Li', 'wen.li@northwind.example'), who('Keisha Morgan', 'keisha.morgan@northwind.example'), who('Oliver Grant', 'oliver.grant@northwind.example')]),
    'END:VCALENDAR',
  ].join('\r\n');
  await must(running, 'calendar.setOwnEmails', { emails: ['me@work.example'] });
  await must(running, 'calendar.import', { name: 'work.ics', text });
  await must(running, 'reminders.setSettings', { enabled: ['meetings', 'promises', 'keep-in-touch'], meetingsAt: '17:30', digestDay: 1, digestAt: '09:00', quietFrom: '21:00', quietTo: '07:30' });
}

/** The app the current screen runs on (the stopped-journal screen stops it). */
let currentRunning: RunningApp | null = null;

/**
 * Opens one screen on a journal of its own, the way a person reaches it, in a window of the given size and
 * theme. The caller takes its picture or checks it, then calls `close`. The screenshot script and
 * `tests/e2e/accessibility-screens.spec.ts` both go through here, so axe sees exactly the screens taken.
 */
export async function openScreen(
  browser: Browser,
  screen: Screen,
  theme: Theme,
  viewport: { width: number; height: number },
  journalPath: string,
): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme: theme });
  const running = await launchApp(context, journalPath, { colorScheme: theme });
  currentRunning = running;
  const close = async () => {
    await running.close();
    await context.close();
  };
  try {
    if (screen.sample) {
      const loaded = await running.journal.call('journal.loadSample');
      if (!loaded.ok) throw new Error(loaded.error.message);
      await screen.prepare?.(running);
      await reloadApp(running.page, 'Timeline');
    }
    await screen.show(running.page);
  } catch (error) {
    await close();
    throw error;
  }
  return { page: running.page, close };
}

// Run as a script (not when a spec imports the screens above).
if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  // `npm run screenshots -- search palette` retakes only those screens; `--viewport=1024x640` and
  // `--out=/tmp/shots` (or SHOTS_VIEWPORT and SHOTS_DIR) take them at another size, somewhere else.
  // `--axe` also runs axe-core on each screen as shown and prints what it finds (exit code 1 if anything).
  const flags = process.argv.slice(2).filter((arg) => arg.startsWith('--'));
  const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const flag = (name: string) => flags.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  const [width, height] = (flag('viewport') ?? process.env.SHOTS_VIEWPORT ?? process.env.SCREENSHOT_SIZE ?? '1280x800').split('x').map(Number);
  const outDir = flag('out') ?? process.env.SHOTS_DIR ?? process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, '..', 'resources', 'screenshots');
  const axe = flags.includes('--axe');
  const found: string[] = [];
  const browser = await chromium.launch(chromiumLaunch);
  await mkdir(outDir, { recursive: true });
  const sampleDir = await mkdtemp(join(tmpdir(), 'confidant-shots-'));
  try {
    for (const theme of themes) {
      for (const [screen, size] of screens.flatMap((screen) => [[screen, null] as const, ...(screen.sizes ?? []).map((size) => [screen, size] as const)])) {
        if (only.length > 0 && !only.includes(screen.name)) continue;
        const journalPath = join(sampleDir, `${theme}-${screen.name}-${size?.width ?? 'default'}.sqlite`);
        const shown = await openScreen(browser, screen, theme, size ?? { width: width ?? 1280, height: height ?? 800 }, journalPath);
        const file = join(outDir, `${screen.name}-${theme}${size ? `-${size.width}x${size.height}` : ''}.png`);
        await shown.page.screenshot({ path: file });
        console.log(`wrote ${file}`);
        if (axe) {
          const lines = await axeFindings(shown.page, `${screen.name} ${theme}`);
          for (const line of lines) console.log(`  axe: ${line}`);
          found.push(...lines);
        }
        await shown.close();
      }
    }
  } finally {
    await browser.close();
    await rm(sampleDir, { recursive: true, force: true });
  }
  if (axe) {
    console.log(found.length === 0 ? 'axe: nothing found on any screen taken' : `axe: ${found.length} findings`);
    if (found.length > 0) process.exitCode = 1;
  }
}
