// Where the shell's files are, in both layouts. Electron-free so both are unit-tested.
//  development (npm start, npm run dev):   <repo>/out/main/…, <repo>/resources/…
//  packaged (electron-builder):            <resources>/app.asar/out/main/…, <resources>/sample-journal.json,
//                                          <resources>/icons/…, native module in <resources>/app.asar.unpacked/
import { join } from 'node:path';

export interface Layout {
  isPackaged: boolean;
  /** process.resourcesPath */
  resourcesPath: string;
  /** app.getAppPath(): the repo in development, …/resources/app.asar when packaged. */
  appPath: string;
  /** The folder of the built main script (out/main). */
  mainDir: string;
  platform: string;
  arch: string;
}

export interface ResourcePaths {
  worker: string;
  preload: string;
  renderer: string;
  sampleJournal: string;
  icon: string;
  trayIcon: string;
  /** The SQLite module's native file, unpacked from the asar; undefined lets better-sqlite3 find its own. */
  nativeBinding: string | undefined;
}

export function resolveResources(layout: Layout): ResourcePaths {
  const outDir = join(layout.mainDir, '..');
  const resources = layout.isPackaged ? layout.resourcesPath : join(layout.appPath, 'resources');
  return {
    // Inside the asar when packaged: Electron reads asar files for worker threads (since 17.3) too.
    worker: join(layout.mainDir, 'journal-worker.js'),
    preload: join(outDir, 'preload', 'index.cjs'),
    renderer: join(outDir, 'renderer'),
    sampleJournal: join(resources, 'sample-journal.json'),
    icon: join(resources, 'icons', 'icon.png'),
    trayIcon: join(resources, 'icons', layout.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'),
    // A .node file cannot be loaded from inside an archive; electron-builder's asarUnpack puts it beside.
    nativeBinding: layout.isPackaged
      ? join(layout.resourcesPath, 'app.asar.unpacked', 'node_modules', 'better-sqlite3-multiple-ciphers', 'prebuilds', `${layout.platform}-${layout.arch}.node`)
      : undefined,
  };
}
