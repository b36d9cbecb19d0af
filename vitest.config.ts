import { defineConfig } from 'vitest/config';

/** Measures what a first visit draws within a font's 100 ms block period: a group of its own, so no other test file runs beside it. */
const FIRST_VISIT = 'tests/browser/fonts.test.ts';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // A folder per run for the fixture builds test files share (tests/support/project.ts).
    globalSetup: ['tests/support/global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'suite', include: ['src/**/*.test.ts', 'tests/**/*.test.ts'], exclude: [FIRST_VISIT], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'first visit', include: [FIRST_VISIT], sequence: { groupOrder: 1 } } },
    ],
  },
});
