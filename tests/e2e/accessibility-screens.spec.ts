// axe-core on the screens accessibility.spec's walk through the sample journal does not reach: the empty
// journal's screens, dialogs (person edit with addresses, import preview, export, log from a meeting, an
// association's event), prepared states (revealed notes, behind pace, a stopped journal, quick capture,
// Meetings to log with a calendar). They are the screenshot script's own screens (tests/screenshots.ts),
// opened the same way, so "every screen" means every screen there is a picture of. Light and dark, at
// the smallest window the app supports, where crowding shows first.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openScreen, screens, themes } from '../screenshots.js';
import { axeFindings } from './harness.js';

/** Screens accessibility.spec already checks on the same journal, in both themes. */
const walked = new Set([
  'welcome', 'timeline', 'log-interaction', 'people', 'person', 'search', 'palette', 'associations', 'review', 'settings',
  'reciprocity-ledger', 'reciprocity-give-first', 'reciprocity-thanks-owed', 'reciprocity-commitments', 'reciprocity-keep-in-touch',
]);

for (const theme of themes) {
  for (const screen of screens.filter((screen) => !walked.has(screen.name))) {
    test(`axe finds nothing on ${screen.name} in the ${theme} theme`, async ({ browser }) => {
      test.setTimeout(90_000);
      const dir = await mkdtemp(join(tmpdir(), 'confidant-axe-'));
      try {
        const shown = await openScreen(browser, screen, theme, { width: 1024, height: 640 }, join(dir, 'journal.sqlite'));
        try {
          expect(await axeFindings(shown.page, screen.name)).toEqual([]);
        } finally {
          await shown.close();
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }
}
