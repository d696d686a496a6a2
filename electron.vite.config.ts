import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** In `npm run dev` only, let the page talk to Vite's hot-reload socket; the built app never can. */
function devServerCsp(): Plugin {
  return {
    name: 'confidant-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("connect-src 'self'", "connect-src 'self' ws://localhost:*"),
  };
}

/**
 * early.js: src-renderer/src/early.ts built on its own, as a classic script (it has no runtime imports, so
 * its chunk has none), and its tag put first in index.html's head, `async`: it runs as soon as it is read,
 * where the app's module (and a `defer` script) waits for the stylesheet too (see early.ts). Built for the
 * app only; `npm run dev` starts without it, as the app does without it.
 */
function earlyScript(): Plugin {
  return {
    name: 'confidant-early-script',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: resolve('src-renderer/src/early.ts'), fileName: 'early.js' });
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace('<script type="module"', '<script async src="./early.js"></script>\n    <script type="module"'),
    },
  };
}

// `command` is 'serve' only for `npm run dev`; `npm start` (electron-vite preview) and packages build with
// 'build'. The main process trusts a dev-server URL only when this was baked in as true.
export default defineConfig(({ command }) => ({
  main: {
    define: { __CONFIDANT_DEV_BUILD__: JSON.stringify(command === 'serve') },
    build: {
      outDir: 'out/main',
      // The journal worker runs from app.asar.unpacked when packaged (why: src-main/shell/resources.ts),
      // so it must find everything there: every package is bundled in, except the native SQLite module,
      // which is unpacked whole beside it. tests/unit/packaging.test.ts resolves each of its imports there.
      externalizeDeps: false,
      rollupOptions: {
        external: ['better-sqlite3-multiple-ciphers'],
        input: {
          index: resolve('src-main/shell/main.ts'),
          // The journal core runs in its own worker thread; it gets its own entry file.
          'journal-worker': resolve('src-main/shell/journal-worker.ts'),
          // Checks a backup copy in a thread of its own (see backup-check.ts).
          'backup-check': resolve('src-main/shell/backup-check.ts'),
          // Writes an import in one transaction, in a thread of its own (see core/import/commit.ts).
          'import-writer': resolve('src-main/shell/import-writer.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src-main/preload/index.ts') },
        // Sandboxed preloads can only be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src-renderer'),
    plugins: [svelte(), devServerCsp(), earlyScript()],
    build: {
      outDir: 'out/renderer',
      // Minified, and split per view by the dynamic imports in src-renderer/src/lib/views.ts.
      minify: true,
      rollupOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
}));
