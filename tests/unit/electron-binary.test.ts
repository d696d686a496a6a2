// The decision `npm start` makes before launching Electron, on temp folders laid out like
// node_modules/electron. Nothing is downloaded.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary, planElectron, platformPath, skipDownload } from '../../scripts/electron-binary.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'confidant-electron-pkg-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Lays out what install.js leaves behind after a download. */
function installed(options: { pathTxt?: string; version?: string; binary?: boolean } = {}): string {
  const pathTxt = options.pathTxt ?? 'electron';
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'path.txt'), pathTxt);
  writeFileSync(join(dir, 'dist', 'version'), options.version ?? 'v45.5.0');
  if (options.binary !== false) writeFileSync(join(dir, 'dist', pathTxt.split('/')[0]!), '');
  return join(dir, 'dist', pathTxt);
}

describe('findElectronBinary', () => {
  it('reports a plain npm install (no path.txt) as missing, which electron-vite calls "Electron uninstall"', () => {
    expect(findElectronBinary(dir, {}, 'linux')).toEqual({ kind: 'missing', why: expect.stringContaining('path.txt') });
  });

  it('finds the binary install.js downloaded for this platform and version', () => {
    const binary = installed();
    expect(findElectronBinary(dir, {}, 'linux')).toEqual({ kind: 'installed', binary });
  });

  it('treats a path.txt whose binary is gone as missing', () => {
    installed({ binary: false });
    expect(findElectronBinary(dir, {}, 'linux')).toMatchObject({ kind: 'missing', why: expect.stringContaining('does not exist') });
  });

  it('treats a binary of another version as missing, so an upgrade fetches the new one', () => {
    installed({ version: 'v45.4.1' });
    expect(findElectronBinary(dir, {}, 'linux')).toMatchObject({ kind: 'missing', why: expect.stringContaining('45.4.1') });
  });

  it('treats a binary for another platform as missing', () => {
    installed({ pathTxt: 'electron.exe' });
    expect(findElectronBinary(dir, {}, 'linux')).toMatchObject({ kind: 'missing', why: expect.stringContaining('another platform') });
  });

  it('uses ELECTRON_EXEC_PATH, electron-vite’s own override, when it exists', () => {
    const binary = join(dir, 'my-electron');
    writeFileSync(binary, '');
    expect(findElectronBinary(dir, { ELECTRON_EXEC_PATH: binary }, 'linux')).toEqual({ kind: 'override', binary });
    expect(findElectronBinary(dir, { ELECTRON_EXEC_PATH: join(dir, 'nope') }, 'linux')).toMatchObject({ kind: 'missing' });
  });
});

describe('platformPath', () => {
  it('names the executable as install.js does', () => {
    expect(platformPath('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
    expect(platformPath('win32')).toBe('electron.exe');
    expect(platformPath('linux')).toBe('electron');
    expect(() => platformPath('aix')).toThrow(/not available/);
  });
});

describe('planElectron', () => {
  it('does nothing when the binary is there, even with ELECTRON_SKIP_BINARY_DOWNLOAD', () => {
    const binary = installed();
    expect(planElectron(findElectronBinary(dir, {}, 'linux'), { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })).toEqual({ action: 'ready', binary });
  });

  it('downloads when missing and nothing says not to', () => {
    expect(planElectron(findElectronBinary(dir, {}, 'linux'), {})).toMatchObject({ action: 'download' });
  });

  it('honours ELECTRON_SKIP_BINARY_DOWNLOAD itself (install.js ignores it) and says what to do', () => {
    const plan = planElectron(findElectronBinary(dir, {}, 'linux'), { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(plan).toMatchObject({ action: 'refuse' });
    expect(plan.action === 'refuse' && plan.message).toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD is set.*ELECTRON_EXEC_PATH/);
  });

  it('reads the variable as Electron always did: empty, 0 and false mean download', () => {
    expect(skipDownload({})).toBe(false);
    expect(skipDownload({ ELECTRON_SKIP_BINARY_DOWNLOAD: '' })).toBe(false);
    expect(skipDownload({ ELECTRON_SKIP_BINARY_DOWNLOAD: '0' })).toBe(false);
    expect(skipDownload({ ELECTRON_SKIP_BINARY_DOWNLOAD: 'false' })).toBe(false);
    expect(skipDownload({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })).toBe(true);
    expect(skipDownload({ ELECTRON_SKIP_BINARY_DOWNLOAD: 'true' })).toBe(true);
  });
});
