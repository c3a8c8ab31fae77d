import { defineConfig } from 'vitest/config';

// Two projects: unit tests in Node (pipeline, domain, contract) and browser tests that drive
// real Chromium against the built site.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', setupFiles: ['test/unit/setup/issue-equality.ts'] } },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          exclude: ['test/browser/no-webgl*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // The two browser projects take turns (two Chromiums at once would slow both on a small machine).
          sequence: { groupOrder: 1 },
        },
      },
      // The site without WebGL (Chromium started with it turned off): the fallback map and every view.
      // The same setup file: the build and server are made once and shared (test/browser/global-setup.ts).
      {
        test: {
          name: 'browser-nogl',
          include: ['test/browser/no-webgl*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
