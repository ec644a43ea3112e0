import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // vitest's default for `run` is one worker fewer than the cores: a single worker on this
    // project's 2-core machines, where most test time is waiting on servers and child processes
    // (measured: 4 min 35 s with one worker, 2 min 40 s with two, the same 1,266 tests passing).
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
