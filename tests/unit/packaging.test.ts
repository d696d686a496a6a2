// What `npm run dist` ships, checked without Electron's binary. electron-builder cannot lay out an app
// here (it needs to download Electron), so this test builds the same app.asar itself with @electron/asar,
// from electron-builder.config.ts's own file patterns and the production dependency tree, then reads it
// back: only what runs is inside, the native SQLite module is unpacked, and the worker runs from that
// layout with the paths the packaged app resolves.
import { createPackageWithOptions, listPackage, statFile } from '@electron/asar';
import { FuseV1Options } from '@electron/fuses';
import { execFileSync } from 'node:child_process';
import { init as initLexer, parse as parseImports } from 'es-module-lexer';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, matchesGlob, relative, sep } from 'node:path';
import config from '../../electron-builder.config.js';
import { fuseConfig, fuseSettings, packagedBinary } from '../../scripts/fuses.js';
import { JournalClient } from '../../src-main/shell/journal-client.js';
import { ASAR_UNPACK, resolveResources } from '../../src-main/shell/resources.js';
import { describe, expect, root, test } from './helpers.js';

describe('electron-builder configuration', () => {
  test('names the app, and builds AppImage and deb (x64, arm64), dmg (arm64, x64) and NSIS (x64)', () => {
    expect(config.appId).toBe('app.confidant.desktop');
    expect(config.productName).toBe('Confidant');
    const targets = (platform: 'linux' | 'mac' | 'win') => (config[platform]?.target as { target: string; arch: string[] }[]).map((t) => `${t.target}:${t.arch.join(',')}`);
    expect(targets('linux')).toEqual(['AppImage:x64,arm64', 'deb:x64,arm64']);
    expect(targets('mac')).toEqual(['dmg:arm64,x64']);
    expect(targets('win')).toEqual(['nsis:x64']);
  });

  test('never publishes or rebuilds, unpacks the native module, and ships the sample journal and icons as resources', () => {
    expect(config.publish).toBeNull();
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual([...ASAR_UNPACK]);
    expect(config.extraResources).toEqual(
      expect.arrayContaining([
        { from: 'resources/sample-journal.json', to: 'sample-journal.json' },
        expect.objectContaining({ from: 'resources/icons', to: 'icons' }),
      ]),
    );
    for (const file of ['resources/sample-journal.json', 'resources/icons/icon.png', 'resources/icons/linux/512x512.png']) expect(existsSync(join(root, file)), file).toBe(true);
  });

  test('the deb needs glibc 2.34 and keeps electron-builder’s sandbox and AppArmor post-install script', () => {
    expect(config.deb?.depends).toContain('libc6 (>= 2.34)');
    expect(config.deb?.afterInstall).toBeUndefined();
    const template = join(root, 'node_modules', 'app-builder-lib', 'templates', 'linux', 'after-install.tpl');
    const script = execFileSync('cat', [template], { encoding: 'utf8' });
    expect(script).toContain("chmod 4755 '/opt/${sanitizedProductName}/chrome-sandbox'");
    expect(script).toContain('apparmor_parser');
  });
});

describe('fuses', () => {
  test('flip exactly the six the issue names (and file:// privileges off), in an afterPack hook', () => {
    expect(typeof config.afterPack).toBe('function');
    expect(fuseSettings).toEqual({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    expect(fuseConfig('darwin', 'arm64').resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig('darwin', 'x64').resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig('linux', 'x64')).toMatchObject({ version: '1', [FuseV1Options.RunAsNode]: false });
  });

  test('find the binary electron-builder laid out on each platform', () => {
    expect(packagedBinary('/d/mac-arm64', 'darwin', 'Confidant', 'Confidant')).toBe(join('/d/mac-arm64', 'Confidant.app'));
    expect(packagedBinary('/d/win-unpacked', 'win32', 'Confidant', 'Confidant')).toBe(join('/d/win-unpacked', 'Confidant.exe'));
    expect(packagedBinary('/d/linux-unpacked', 'linux', 'Confidant', 'confidant')).toBe(join('/d/linux-unpacked', 'confidant'));
  });
});

/** The files electron-builder would put in the app: config.files over the app, plus production node_modules. */
function appFiles(): string[] {
  const patterns = config.files as string[];
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
  const prodDeps = execFileSync('npm', ['ls', '--omit=dev', '--parseable', '--all'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.trim() && line.trim() !== root);
  const candidates = [...walk(join(root, 'out')), join(root, 'package.json'), ...prodDeps.flatMap((dir) => walk(dir))];
  return candidates
    .map((file) => relative(root, file).split(sep).join('/'))
    .filter((file) => file.startsWith('node_modules/') || include.some((p) => matchesGlob(file, p)))
    .filter((file) => !exclude.some((p) => matchesGlob(file, p)));
}

describe('the packaged app (app.asar built from the same file list)', () => {
  const built = existsSync(join(root, 'out', 'main', 'index.js')) && existsSync(join(root, 'out', 'renderer', 'index.html'));
  if (!built) {
    test.skip('needs out/: run `npx electron-vite build` first (npm test does)', () => {});
    return;
  }

  test('holds only what runs, keeps the native module outside the archive, and the worker runs from that layout', async ({ dir }) => {
    // Lay out <resources>/ as electron-builder does: app/ (to be archived), then app.asar + app.asar.unpacked.
    const resources = join(dir, 'resources');
    const stage = join(resources, 'app');
    const files = appFiles();
    for (const file of files) {
      mkdirSync(join(stage, file, '..'), { recursive: true });
      cpSync(join(root, file), join(stage, file));
    }
    for (const extra of config.extraResources as { from: string; to: string; filter?: string[] }[]) {
      const from = join(root, extra.from);
      if (statSync(from).isDirectory()) {
        mkdirSync(join(resources, extra.to), { recursive: true });
        for (const name of extra.filter ?? readdirSync(from)) cpSync(join(from, name), join(resources, extra.to, name));
      } else cpSync(from, join(resources, extra.to));
    }
    const asar = join(resources, 'app.asar');
    // electron-builder matches asarUnpack against paths inside the app; @electron/asar against full paths.
    await createPackageWithOptions(stage, asar, { unpack: `{${ASAR_UNPACK.map((pattern) => join(stage, pattern)).join(',')}}` });
    // From here on only what electron-builder ships exists: the archive and what sits beside it.
    rmSync(stage, { recursive: true });

    const listed = listPackage(asar, { isPack: false }).map((file) => file.split(sep).join('/'));
    for (const needed of ['/package.json', '/out/main/index.js', '/out/main/journal-worker.js', '/out/main/backup-check.js', '/out/main/import-writer.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/node_modules/better-sqlite3-multiple-ciphers/lib/index.js']) {
      expect(listed, needed).toContain(needed);
    }
    // Nothing that does not run: no screenshots, tests, sources, sample generator, dev tools, source maps,
    // and no package the build already bundled into out/ (only the native module is loaded from node_modules).
    const forbidden = listed.filter((file) => /screenshots|\/tests?\/|\/src-main\/|\/src-renderer\/|resources\/sample\/|generate\.ts|\.map$|\/node_modules\/(electron|vite|vitest|svelte|playwright|typescript|electron-builder|zod|kysely|graphology[^/]*)\/|better-sqlite3\/(deps|src)\//.test(file));
    expect(forbidden).toEqual([]);
    expect(listed.some((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toBe(false);

    // The native module and the worker threads are marked unpacked and sit beside the archive.
    const native = `node_modules/better-sqlite3-multiple-ciphers/prebuilds/${process.platform}-${process.arch}.node`;
    const unpackedDir = join(resources, 'app.asar.unpacked');
    for (const file of [native, 'node_modules/better-sqlite3-multiple-ciphers/lib/index.js', 'node_modules/better-sqlite3-multiple-ciphers/package.json', 'out/main/journal-worker.js', 'out/main/backup-check.js', 'out/main/import-writer.js']) {
      expect(statFile(asar, file), file).toMatchObject({ unpacked: true });
      expect(existsSync(join(unpackedDir, file)), file).toBe(true);
    }
    // main itself stays inside the archive, under its integrity check.
    expect(statFile(asar, 'out/main/index.js')).not.toMatchObject({ unpacked: true });

    // The packaged app's paths, resolved as main resolves them, point at real files; the worker at the
    // unpacked copy, never into the archive (Node's ES-module loader would have to read it there).
    const paths = resolveResources({ isPackaged: true, resourcesPath: resources, appPath: asar, mainDir: join(asar, 'out', 'main'), platform: process.platform, arch: process.arch });
    expect(paths.worker).toBe(join(unpackedDir, 'out', 'main', 'journal-worker.js'));
    for (const file of [paths.worker, paths.sampleJournal, paths.icon, paths.trayIcon, paths.nativeBinding!]) expect(existsSync(file), file).toBe(true);

    // Every import of the two worker scripts, followed through their chunks, resolves inside the
    // unpacked folder (or is built into Node): nothing they load is inside app.asar.
    const loaded = await workerImports(unpackedDir);
    expect(loaded).toContain(join(unpackedDir, 'node_modules', 'better-sqlite3-multiple-ciphers', 'lib', 'index.js'));
    for (const file of loaded) {
      expect(file.startsWith(unpackedDir + sep), file).toBe(true);
      expect(existsSync(file), file).toBe(true);
    }

    // And it runs there: the worker, started from the unpacked path main gives it, with the unpacked
    // native module and the packaged sample journal (the staged app is gone, so nothing else can help).
    const client = await JournalClient.start(paths.worker, {
      journalPath: join(dir, 'journal.sqlite'),
      samplePath: paths.sampleJournal,
      nativeBinding: paths.nativeBinding!,
    });
    try {
      expect(await client.call('journal.loadSample', undefined)).toMatchObject({ ok: true, value: { people: expect.any(Number) } });
    } finally {
      await client.close();
    }
  });
});

/** The ES-module imports of a built file: static, and dynamic with a literal specifier (comments are not code). */
async function importsOf(file: string): Promise<string[]> {
  await initLexer;
  const [imports] = parseImports(readFileSync(file, 'utf8'));
  return imports.map((entry) => entry.n).filter((name): name is string => typeof name === 'string');
}

/**
 * Every file the worker entries load (the journal worker starts the backup checker and the import writer
 * from its own folder, with new URL('./backup-check.js', import.meta.url)), resolved as Node resolves them from where
 * they sit: relative imports followed, packages resolved from the file's folder up, Node's own left out.
 */
async function workerImports(unpackedDir: string): Promise<string[]> {
  const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
  const queue = [join(unpackedDir, 'out', 'main', 'journal-worker.js'), join(unpackedDir, 'out', 'main', 'backup-check.js')];
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!existsSync(file)) continue;
    // Threads a worker starts from its own folder (the backup checker, the import writer) are followed too,
    // so an entry added to the build but left out of ASAR_UNPACK fails here.
    for (const [, thread] of readFileSync(file, 'utf8').matchAll(/new URL\(\s*["'](\.\/[^"']+\.js)["']\s*,\s*import\.meta\.url\s*\)/g)) {
      queue.push(join(dirname(file), thread!));
    }
    for (const specifier of await importsOf(file)) {
      if (builtins.has(specifier)) continue;
      if (specifier.startsWith('.')) queue.push(join(dirname(file), specifier));
      // A package: resolved, not followed (it is CommonJS; running the worker below loads the rest).
      else seen.add(createRequire(file).resolve(specifier));
    }
  }
  return [...seen];
}
