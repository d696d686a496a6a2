// Electron's fuses, flipped in the packaged binary (electron-builder's afterPack, before signing): the
// switches that let someone turn an installed Confidant into a general-purpose Node runtime or load
// other code than the signed app. Kept in one object so a unit test reads exactly what ships.
import { flipFuses, FuseV1Options, FuseVersion, type FuseConfig } from '@electron/fuses';
import { join } from 'node:path';

export const fuseSettings = {
  // ELECTRON_RUN_AS_NODE would make the app binary a plain Node.js that runs any script.
  [FuseV1Options.RunAsNode]: false,
  // Cookies (and other Chromium storage) encrypted with the OS key store. Confidant keeps none today;
  // on for any that appear.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could preload code into the main process (--require) without touching the app.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would open a debugger port onto the main process, and the journal with it.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // The app.asar's header hash is embedded at package time (macOS Info.plist, Windows resource) and
  // checked at start: a modified asar is refused.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Load the app only from app.asar (whose integrity is checked), never from a loose app/ folder.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Confidant never uses file:// pages; they get no privileges beyond a web page's.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} as const;

export function fuseConfig(platform: string, arch: string): FuseConfig {
  return {
    version: FuseVersion.V1,
    // Flipping bytes breaks an Apple Silicon binary's ad-hoc signature; re-sign ad hoc (electron-builder
    // signs properly afterwards when a certificate is configured).
    resetAdHocDarwinSignature: platform === 'darwin' && arch === 'arm64',
    ...fuseSettings,
  };
}

/** The Electron binary electron-builder just laid out, for each platform. */
export function packagedBinary(appOutDir: string, platform: string, productFilename: string, executableName: string): string {
  if (platform === 'darwin' || platform === 'mas') return join(appOutDir, `${productFilename}.app`);
  if (platform === 'win32') return join(appOutDir, `${productFilename}.exe`);
  return join(appOutDir, executableName);
}

/** electron-builder's arch enum (0 ia32, 1 x64, 2 armv7l, 3 arm64, 4 universal) as Node names it. */
const ARCHS = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

export async function afterPack(context: {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}): Promise<void> {
  const binary = packagedBinary(context.appOutDir, context.electronPlatformName, context.packager.appInfo.productFilename, context.packager.executableName ?? context.packager.appInfo.productFilename);
  const arch = ARCHS[context.arch] ?? String(context.arch);
  await flipFuses(binary, fuseConfig(context.electronPlatformName, arch));
  console.log(`  • fuses flipped in ${binary}`);
}
