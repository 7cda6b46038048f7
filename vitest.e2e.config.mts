import { defineConfig } from 'vitest/config';

// End-to-end: the built app in browser mode driven by Debian's Chromium (and Electron where installed).
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.spec.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
