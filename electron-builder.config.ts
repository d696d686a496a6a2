// Packaging with electron-builder (`npm run dist`). Chosen over Electron Forge because it builds every
// target the issue asks for (AppImage, deb, dmg, NSIS) from one declarative file with no plugins, its
// deb's post-install script already sets chrome-sandbox's permissions and installs the AppArmor profile
// Ubuntu 24.04 needs, and it computes the asar integrity hash the EmbeddedAsarIntegrityValidation fuse
// checks. Forge would need a maker per format and a separate fuses plugin, with no AppImage maker.
import type { Configuration } from 'electron-builder';
import { afterPack } from './scripts/fuses.js';
import { ASAR_UNPACK } from './src-main/shell/resources.js';

export const PRIVACY = 'Everything stays on this computer. No network requests, no telemetry.';

const config: Configuration = {
  appId: 'app.confidant.desktop',
  productName: 'Confidant',
  copyright: `Confidant. ${PRIVACY}`,
  directories: { output: 'dist', buildResources: 'resources/icons' },
  // Only what runs: the built app and production node_modules (electron-builder adds those itself,
  // from package.json's dependencies). Never the sources, tests, screenshots or the sample generator.
  files: [
    'out/**/*',
    'package.json',
    '!out/**/*.map',
    // better-sqlite3 ships its C sources and SQLite's amalgamation for building from source; the
    // prebuilt N-API binaries are all that loads.
    '!node_modules/better-sqlite3-multiple-ciphers/{src,deps,binding.gyp}{,/**/*}',
    '!node_modules/**/{README*,readme*,CHANGELOG*,*.md,*.map}',
    // Packages' TypeScript sources and their own tests (zod ships both): the compiled .js is what loads.
    '!node_modules/**/*.{ts,mts,cts}',
    '!node_modules/**/{test,tests,__tests__}{,/**/*}',
  ],
  extraResources: [
    { from: 'resources/sample-journal.json', to: 'sample-journal.json' },
    { from: 'resources/icons', to: 'icons', filter: ['icon.png', 'tray.png', 'trayTemplate.png', 'trayTemplate@2x.png'] },
  ],
  asar: true,
  // The native module and the journal's worker threads, beside the archive: why in src-main/shell/resources.ts.
  asarUnpack: [...ASAR_UNPACK],
  // better-sqlite3's prebuilds are N-API: the same binary loads in Node and in Electron, so there is
  // nothing to rebuild (and no compiler or Electron headers to download).
  npmRebuild: false,
  // No update feed, no publishing: Confidant never phones home.
  publish: null,
  afterPack,
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ],
    icon: 'resources/icons/linux',
    category: 'Office',
    // The deb's Maintainer field (electron-builder otherwise demands an author e-mail in package.json).
    maintainer: 'Confidant',
    synopsis: 'A private relationship journal for leaders',
    description: 'Log who you met and what was said, kept only on this computer.',
  },
  deb: {
    // electron-builder's defaults plus glibc 2.34, the floor of better-sqlite3's prebuilt Linux binary
    // (Debian 12, Ubuntu 22.04 and newer). Its default post-install script is kept on purpose: it sets
    // chrome-sandbox to 4755 only where unprivileged user namespaces are unavailable, and installs the
    // AppArmor profile that lets Chromium's sandbox create them on Ubuntu 24.04.
    depends: ['libgtk-3-0', 'libnotify4', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0', 'libc6 (>= 2.34)'],
  },
  mac: {
    target: [{ target: 'dmg', arch: ['arm64', 'x64'] }],
    icon: 'resources/icons/icon.png',
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'resources/icons/icon.png',
  },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
};

export default config;
