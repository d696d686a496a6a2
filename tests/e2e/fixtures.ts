// `test` for every E2E spec: `app` is a Page with Confidant loaded on a fresh temp journal, `journalPath`
// is that journal's file, and `openApp` opens another page on any journal file (to reopen one, say).
import { test as base, expect } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, type LaunchOptions, type RunningApp } from './harness.js';

export { expect };
export { menu, reloadApp } from './harness.js';

interface Fixtures {
  journalPath: string;
  openApp: (journalPath: string, options?: LaunchOptions) => Promise<RunningApp>;
  running: RunningApp;
  app: Page;
}

export const test = base.extend<Fixtures>({
  journalPath: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'confidant-e2e-'));
    await use(join(dir, 'journal.sqlite'));
    await rm(dir, { recursive: true, force: true });
  },
  openApp: async ({ context }, use) => {
    const opened: RunningApp[] = [];
    await use(async (journalPath, options) => {
      const running = await launchApp(context, journalPath, options);
      opened.push(running);
      return running;
    });
    for (const running of opened) await running.close().catch(() => {});
  },
  running: async ({ openApp, journalPath }, use) => {
    await use(await openApp(journalPath));
  },
  app: async ({ running }, use) => {
    await use(running.page);
  },
});
