import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser. The flags keep it from reaching for the network.
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Headless Chromium still preloads its omnibox popups (chrome://omnibox-popup.top-chrome, a WebUI page
    // in a renderer of its own) for every window: on two cores that renderer took ~120 ms of CPU while the
    // app's page opened, and the app's first paint waited for a core (p50 400 → 270 ms cold). Electron has
    // no omnibox.
    '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
  ],
};

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  // CI also writes JSON so .ci/run can print one plain summary line for the whole suite.
  reporter: process.env.CI ? [['list'], ['json', { outputFile: '.ci-results/e2e.json' }]] : 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    // The app writes dates in the system locale; specs read them in British English ("1 June 2150", 24-hour).
    locale: 'en-GB',
    browserName: 'chromium',
    launchOptions: chromiumLaunch,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
  },
});
