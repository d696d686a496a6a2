// Where the shell's files are, in both layouts. Electron-free so both are unit-tested.
//  development (npm start, npm run dev):   <repo>/out/main/…, <repo>/resources/…
//  packaged (electron-builder):            <resources>/app.asar/out/main/…, <resources>/sample-journal.json,
//                                          <resources>/icons/…, and in <resources>/app.asar.unpacked/ the
//                                          journal worker, its chunks and the native SQLite module
import { join } from 'node:path';

/**
 * What electron-builder unpacks beside app.asar (its `asarUnpack`), and why each:
 * - the native SQLite module: a .node file cannot be dlopen()ed from inside an archive;
 * - the journal worker, the backup checker and the import writer it starts, and the chunks they share with main: they are ES
 *   modules run in worker threads. Electron reads CommonJS worker scripts from an asar (since 17.3,
 *   electron/electron#33216, the way Signal Desktop loads its SQL worker), but neither its asar nor its
 *   ESM tests cover an ES-module worker resolving imports inside an archive; from the unpacked folder it
 *   is plain Node on a real file system. The build bundles every other package into them
 *   (electron.vite.config.ts), so the unpacked folder is all they need.
 */
export const ASAR_UNPACK = [
  'out/main/journal-worker.js',
  'out/main/backup-check.js',
  'out/main/import-writer.js',
  'out/main/chunks/**',
  'node_modules/better-sqlite3-multiple-ciphers/**',
] as const;

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
  const unpacked = join(layout.resourcesPath, 'app.asar.unpacked');
  return {
    // Unpacked when packaged (see ASAR_UNPACK); the backup checker is found beside it (import.meta.url).
    worker: layout.isPackaged ? join(unpacked, 'out', 'main', 'journal-worker.js') : join(layout.mainDir, 'journal-worker.js'),
    preload: join(outDir, 'preload', 'index.cjs'),
    renderer: join(outDir, 'renderer'),
    sampleJournal: join(resources, 'sample-journal.json'),
    icon: join(resources, 'icons', 'icon.png'),
    trayIcon: join(resources, 'icons', layout.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'),
    // A .node file cannot be loaded from inside an archive; electron-builder's asarUnpack puts it beside.
    nativeBinding: layout.isPackaged
      ? join(unpacked, 'node_modules', 'better-sqlite3-multiple-ciphers', 'prebuilds', `${layout.platform}-${layout.arch}.node`)
      : undefined,
  };
}
