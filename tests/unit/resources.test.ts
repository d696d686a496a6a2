// The shell's files in both layouts: the repo in development, process.resourcesPath when packaged.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveResources } from '../../src-main/shell/resources.js';

const root = join(import.meta.dirname, '..', '..');

describe('resolveResources', () => {
  it('reads from the repo in development, and those files are really there', () => {
    const paths = resolveResources({ isPackaged: false, resourcesPath: '/ignored', appPath: root, mainDir: join(root, 'out', 'main'), platform: 'linux', arch: 'x64' });
    expect(paths.sampleJournal).toBe(join(root, 'resources', 'sample-journal.json'));
    expect(paths.worker).toBe(join(root, 'out', 'main', 'journal-worker.js'));
    expect(paths.preload).toBe(join(root, 'out', 'preload', 'index.cjs'));
    expect(paths.renderer).toBe(join(root, 'out', 'renderer'));
    expect(paths.nativeBinding).toBeUndefined();
    for (const file of [paths.sampleJournal, paths.icon, paths.trayIcon]) expect(existsSync(file), file).toBe(true);
  });

  it('reads from process.resourcesPath when packaged, with the worker and the native module unpacked from the asar', () => {
    const resources = join('/opt', 'Confidant', 'resources');
    const asar = join(resources, 'app.asar');
    const paths = resolveResources({ isPackaged: true, resourcesPath: resources, appPath: asar, mainDir: join(asar, 'out', 'main'), platform: 'linux', arch: 'arm64' });
    expect(paths).toEqual({
      worker: join(resources, 'app.asar.unpacked', 'out', 'main', 'journal-worker.js'),
      preload: join(asar, 'out', 'preload', 'index.cjs'),
      renderer: join(asar, 'out', 'renderer'),
      sampleJournal: join(resources, 'sample-journal.json'),
      icon: join(resources, 'icons', 'icon.png'),
      trayIcon: join(resources, 'icons', 'tray.png'),
      nativeBinding: join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3-multiple-ciphers', 'prebuilds', 'linux-arm64.node'),
    });
  });

  it('uses a template image for the macOS menu bar', () => {
    const paths = resolveResources({ isPackaged: true, resourcesPath: '/r', appPath: '/r/app.asar', mainDir: '/r/app.asar/out/main', platform: 'darwin', arch: 'arm64' });
    expect(paths.trayIcon).toBe(join('/r', 'icons', 'trayTemplate.png'));
    expect(paths.nativeBinding).toMatch(/darwin-arm64\.node$/);
  });
});
