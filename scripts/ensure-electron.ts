// Run before `npm start` and `npm run dev` (prestart, predev): makes sure Electron's binary is there,
// downloading it with Electron's own install.js (@electron/get, checksums from the package, cached in
// the usual Electron cache) when it is missing. Never part of `npm test`. See electron-binary.ts for why.
//   node --import tsx scripts/ensure-electron.ts           download if missing
//   node --import tsx scripts/ensure-electron.ts --check   only say what is there (exit 1 if missing)
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { findElectronBinary, planElectron } from './electron-binary.js';

const moduleDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const checkOnly = process.argv.includes('--check');

const state = findElectronBinary(moduleDir, process.env);
const plan = planElectron(state, process.env);

if (plan.action === 'ready') {
  if (checkOnly) console.log(`Electron: ${plan.binary}`);
  process.exit(0);
}
if (checkOnly) {
  console.error(`Electron: ${state.kind === 'missing' ? state.why : 'missing'}`);
  process.exit(1);
}
if (plan.action === 'refuse') {
  console.error(plan.message);
  process.exit(1);
}

console.log(`${plan.why} Downloading it once now (Electron's own installer, checked against its checksums)…`);
// install.js reads its version and checksums from its own package and writes dist/ and path.txt.
const result = spawnSync(process.execPath, [join(moduleDir, 'install.js')], { stdio: 'inherit' });
const after = findElectronBinary(moduleDir, process.env);
if (result.status !== 0 || after.kind === 'missing') {
  console.error(
    'Electron could not be downloaded' +
      (after.kind === 'missing' ? `: ${after.why}` : '.') +
      ' Check the internet connection (or a proxy: HTTPS_PROXY, ELECTRON_MIRROR) and run `npm start` again.',
  );
  process.exit(1);
}
console.log(`Electron is ready: ${after.binary}`);
