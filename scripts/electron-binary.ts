// Where Electron's binary is, and what to do when it is missing. Electron-free and side-effect-free, so
// unit tests run it on temp folders and the smoke test uses the same answer to decide whether to skip.
//
// Why this exists: since Electron 42 the `electron` package has no install script. Its index.js
// downloads the binary the first time it is *required* (spawning install.js), but electron-vite never
// requires it: its getElectronPath() only resolves the package folder and reads `path.txt`, throwing
// "Electron uninstall" when the file is missing. So after `npm install`, nothing ever fetches the
// binary. scripts/ensure-electron.ts (run before `npm start` and `npm run dev`) does, with Electron's own
// install.js, and honours ELECTRON_SKIP_BINARY_DOWNLOAD, which install.js ignores.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The executable inside `dist/`, exactly as Electron's install.js writes it to path.txt. */
export function platformPath(platform: string): string {
  switch (platform) {
    case 'mas':
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'freebsd':
    case 'openbsd':
    case 'linux':
      return 'electron';
    case 'win32':
      return 'electron.exe';
    default:
      throw new Error(`Electron builds are not available on ${platform}.`);
  }
}

export type BinaryState =
  | { kind: 'installed'; binary: string }
  /** ELECTRON_EXEC_PATH: electron-vite's own variable for "use this binary", honoured by it too. */
  | { kind: 'override'; binary: string }
  | { kind: 'missing'; why: string };

/** Reads what is on disk the way electron's install.js `isInstalled()` does, without downloading. */
export function findElectronBinary(moduleDir: string, env: NodeJS.ProcessEnv, platform: string = process.platform): BinaryState {
  const exec = env.ELECTRON_EXEC_PATH?.trim();
  if (exec) {
    return existsSync(exec)
      ? { kind: 'override', binary: exec }
      : { kind: 'missing', why: `ELECTRON_EXEC_PATH points at ${exec}, which does not exist.` };
  }
  const version = readText(join(moduleDir, 'package.json'));
  const wanted = version ? (JSON.parse(version) as { version: string }).version : undefined;
  const pathTxt = readText(join(moduleDir, 'path.txt'));
  if (pathTxt === undefined) return { kind: 'missing', why: 'Electron’s binary has not been downloaded yet (no node_modules/electron/path.txt).' };
  const binary = join(moduleDir, 'dist', pathTxt);
  if (!existsSync(binary)) return { kind: 'missing', why: `node_modules/electron/path.txt names ${binary}, which does not exist.` };
  const installed = readText(join(moduleDir, 'dist', 'version'))?.trim().replace(/^v/, '');
  if (wanted && installed !== wanted) {
    return { kind: 'missing', why: `The downloaded Electron is ${installed ?? 'of an unknown version'}, but package.json asks for ${wanted}.` };
  }
  if (pathTxt !== platformPath(platform)) return { kind: 'missing', why: `The downloaded Electron is for another platform (${pathTxt}).` };
  return { kind: 'installed', binary };
}

/** ELECTRON_SKIP_BINARY_DOWNLOAD as Electron's old install script read it: any value but empty, 0 or false. */
export function skipDownload(env: NodeJS.ProcessEnv): boolean {
  const value = env.ELECTRON_SKIP_BINARY_DOWNLOAD?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

export type Plan =
  | { action: 'ready'; binary: string }
  | { action: 'download'; why: string }
  | { action: 'refuse'; message: string };

/** What ensure-electron does: nothing when a binary is there, else download, unless told not to. */
export function planElectron(state: BinaryState, env: NodeJS.ProcessEnv): Plan {
  if (state.kind !== 'missing') return { action: 'ready', binary: state.binary };
  if (skipDownload(env)) {
    return {
      action: 'refuse',
      message:
        `${state.why} ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it will not be downloaded and the app cannot start. ` +
        'Unset it (with internet) to fetch Electron, or set ELECTRON_EXEC_PATH to an Electron ' +
        'binary you already have. The tests that need no Electron still run: npm test.',
    };
  }
  return { action: 'download', why: state.why };
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
