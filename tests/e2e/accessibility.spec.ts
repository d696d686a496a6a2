// axe-core on every screen, in light and dark: no violation of any impact. The sample journal gives each
// screen real content; the welcome screen is checked on an empty journal first, the passphrase, lock and
// recovery screens on journals made for them.
import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { test, expect, reloadApp } from './fixtures.js';
import { axeFindings } from './harness.js';

const PASSPHRASE = 'quiet harbour lantern';

type Screen = { name: string; show: () => Promise<void> };

const nav = (page: Page, key: string, heading: string) => async () => {
  await page.keyboard.press('Escape');
  await page.keyboard.press(key);
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
};

function screens(page: Page): Screen[] {
  return [
    { name: 'timeline', show: nav(page, 'Control+1', 'Timeline') },
    { name: 'people', show: nav(page, 'Control+2', 'People') },
    {
      name: 'person',
      show: async () => {
        await nav(page, 'Control+2', 'People')();
        await page.getByRole('button', { name: 'Dr. Rebecca Stone', exact: true }).click();
        await expect(page.getByRole('heading', { name: 'Dr. Rebecca Stone', level: 1 })).toBeVisible();
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      },
    },
    ...['Ledger', 'Give first', 'Thanks owed', 'Commitments', 'Keep in touch'].map((tab) => ({
      name: `reciprocity ${tab}`,
      show: async () => {
        await nav(page, 'Control+3', 'Reciprocity')();
        await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
        await expect(page.getByRole('tabpanel')).toBeVisible();
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      },
    })),
    { name: 'associations', show: nav(page, 'Control+4', 'Associations') },
    { name: 'review', show: nav(page, 'Control+5', 'Quarterly review') },
    { name: 'to log', show: nav(page, 'Control+6', 'Meetings to log') },
    { name: 'network', show: nav(page, 'Control+7', 'Network') },
    { name: 'settings', show: nav(page, 'Control+,', 'Settings') },
    {
      name: 'search results',
      show: async () => {
        await nav(page, 'Control+Shift+F', 'Search')();
        await page.getByRole('searchbox', { name: 'Search your journal' }).fill('board');
        await expect(page.getByRole('region', { name: /Conversations/ })).toBeVisible();
      },
    },
    {
      name: 'log dialog',
      show: async () => {
        await nav(page, 'Control+1', 'Timeline')();
        await page.keyboard.press('Control+n');
        await page.keyboard.type('Pri');
        await expect(page.getByRole('option').first()).toBeVisible();
      },
    },
    {
      name: 'command palette',
      show: async () => {
        await nav(page, 'Control+1', 'Timeline')();
        await page.keyboard.press('Control+k');
        await page.keyboard.type('pri');
        await expect(page.getByRole('option').first()).toBeVisible();
      },
    },
  ];
}


for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing on the welcome screen in the ${theme} theme`, async ({ app }) => {
    await app.emulateMedia({ colorScheme: theme });
    await expect(app.getByRole('heading', { name: 'Welcome to Confidant' })).toBeVisible();
    expect(await axeFindings(app, 'welcome')).toEqual([]);
  });

  test(`axe finds nothing on the choose-a-passphrase and lock screens in the ${theme} theme`, async ({ openApp }) => {
    test.slow(); // scrypt, by design
    const journalPath = join(await mkdtemp(join(tmpdir(), 'confidant-e2e-axe-')), 'journal.sqlite');
    const first = await openApp(journalPath, { keychain: null });
    await first.page.emulateMedia({ colorScheme: theme });
    await expect(first.page.getByRole('heading', { name: 'Choose a passphrase for your journal' })).toBeVisible();
    expect(await axeFindings(first.page, 'choose a passphrase')).toEqual([]);
    await first.page.getByLabel('New passphrase').fill(PASSPHRASE);
    await first.page.getByLabel('Repeat the passphrase').fill(PASSPHRASE);
    await first.page.getByRole('button', { name: 'Create journal' }).click();
    await expect(first.page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 30_000 });
    await first.close();

    const again = await openApp(journalPath, { keychain: null });
    await again.page.emulateMedia({ colorScheme: theme });
    await expect(again.page.getByRole('heading', { name: 'Confidant is locked' })).toBeVisible();
    expect(await axeFindings(again.page, 'locked')).toEqual([]);
  });

  test(`axe finds nothing on the recovery screen in the ${theme} theme`, async ({ openApp }) => {
    const journalPath = join(await mkdtemp(join(tmpdir(), 'confidant-e2e-axe-')), 'journal.sqlite');
    await writeFile(journalPath, '');
    const { page } = await openApp(journalPath);
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.getByRole('heading', { name: 'Your journal file is empty', level: 1 })).toBeVisible();
    expect(await axeFindings(page, 'recovery')).toEqual([]);
  });

  for (const name of screens(null as unknown as Page).map((screen) => screen.name)) {
    test(`axe finds nothing on ${name} in the ${theme} theme`, async ({ app, running }) => {
      test.setTimeout(120_000);
      const loaded = await running.journal.call('journal.loadSample', {});
      expect(loaded.ok).toBe(true);
      await reloadApp(app);
      await app.emulateMedia({ colorScheme: theme });
      await screens(app).find((screen) => screen.name === name)!.show();
      expect(await axeFindings(app, name)).toEqual([]);
    });
  }

  // axe passes over what it cannot decide (it files it as "incomplete", not as a violation): the small
  // coloured tags of Thanks owed ("Advice", "over a week") must be among what it measured and passed,
  // on a row at rest and on the hovered one.
  test(`the Thanks owed tags are measured for contrast, and pass, in the ${theme} theme`, async ({ app, running }) => {
    expect((await running.journal.call('journal.loadSample', {})).ok).toBe(true);
    await reloadApp(app);
    await app.emulateMedia({ colorScheme: theme });
    await nav(app, 'Control+3', 'Reciprocity')();
    await app.getByRole('tab', { name: /^Thanks owed/ }).click();
    const list = app.getByRole('list', { name: 'Thanks owed' });
    await expect(list.locator('.due-tag').first()).toBeVisible();
    for (const hovered of [false, true]) {
      if (hovered) await list.getByRole('listitem').first().locator('.title').hover();
      const results = await new AxeBuilder({ page: app }).include('ul[aria-label="Thanks owed"]').withRules(['color-contrast']).analyze();
      const tags = (nodes: { html: string }[]) => nodes.map((node) => node.html).filter((html) => /class="(kind|due-tag)\b/.test(html));
      const where = `${theme}${hovered ? ', hovered' : ''}`;
      expect(results.violations.flatMap((rule) => rule.nodes.map((node) => node.html)), where).toEqual([]);
      expect(tags(results.incomplete.flatMap((rule) => rule.nodes)), where).toEqual([]);
      const passed = tags(results.passes.flatMap((rule) => rule.nodes));
      expect(passed.filter((html) => html.includes('class="kind')).length, where).toBeGreaterThan(0);
      expect(passed.filter((html) => html.includes('class="due-tag')).length, where).toBeGreaterThan(0);
    }
    // The check bites: the tag's text a shade off its own background is a violation.
    await app.addStyleTag({ content: '.due-tag { color: color-mix(in srgb, var(--accent-soft) 80%, var(--text)) !important; }' });
    const faded = await new AxeBuilder({ page: app }).include('ul[aria-label="Thanks owed"]').withRules(['color-contrast']).analyze();
    expect(faded.violations.flatMap((rule) => rule.nodes.map((node) => node.html)).some((html) => html.includes('class="due-tag'))).toBe(true);
  });
}
