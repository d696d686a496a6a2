// The import thread as tests run it: the same entry file the worker starts (src-main/shell/import-writer.ts),
// bundled from its TypeScript source once per test process (esbuild, packages left to node_modules), so unit
// tests and the E2E harness write imports exactly as the app does: in a thread of its own, on a connection
// of its own, in one transaction. Bundled rather than loaded through tsx: a thread then starts in
// milliseconds instead of transpiling the contract again each time.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import type { SpawnImportThread } from '../src-main/core/import/import.js';

const root = join(import.meta.dirname, '..');
let bundle: string | null = null;

function built(): string {
  if (bundle) return bundle;
  // Inside the project, so the bundle's imports of packages resolve to its node_modules.
  const dir = join(root, 'node_modules', '.cache', 'confidant-tests');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `import-writer-${process.pid}-${Date.now()}.mjs`);
  buildSync({ entryPoints: [join(root, 'src-main', 'shell', 'import-writer.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', outfile, logLevel: 'error' });
  process.once('exit', () => rmSync(outfile, { force: true }));
  bundle = outfile;
  return outfile;
}

export const importThread: SpawnImportThread = (data) => new Worker(built(), { workerData: data });
