import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    // Builds the bundled CLI once, so test files that run it in parallel do not all build it.
    globalSetup: ['tests/unit/support/build-cli.ts'],
  },
});
