import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    // A folder per run for the fixture builds test files share (tests/support/project.ts).
    globalSetup: ['tests/support/global-setup.ts'],
  },
});
