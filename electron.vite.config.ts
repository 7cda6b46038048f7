import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // zod goes into the bundle, where only what is used of it stays: loaded from node_modules, every CLI command
      // first read and compiled its 95 files (64 of them translations of its messages we never show).
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        // The Electron shell, plus the Node entry points that share the same core (no Electron inside them).
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          cli: resolve(root, 'electron/cli/index.ts'),
          // worker threads, found next to the bundle at run time
          'integrity-worker': resolve(root, 'electron/core/db/integrity-worker.ts'),
          'parse-worker': resolve(root, 'electron/core/features/import/parse-worker.ts'),
          'render-worker': resolve(root, 'electron/core/features/export/render-worker.ts'),
          'status-worker': resolve(root, 'electron/core/features/validity/status-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): bundle everything else into the one file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
