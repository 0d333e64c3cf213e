import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Suites whose run time is their subject, kept out of the edit-test loop: the config fuzzer
 * (thousands of generated files), packing and installing the package on two Node versions, and
 * cancelling deploys on GitHub's own signal schedule (SIGTERM 7.5 s after SIGINT, SIGKILL 2.5 s
 * later). `npm run test:slow` runs them; CI (.ci/run) runs both.
 */
const SLOW = ['test/unit/config-fuzz.test.ts', 'test/e2e/package.test.ts', 'test/e2e/action-cancel.test.ts'];
const slow = process.env.TEST_SUITE === 'slow';

export default defineConfig({
  test: {
    include: slow ? SLOW : ['test/**/*.test.ts'],
    exclude: slow ? configDefaults.exclude : [...configDefaults.exclude, ...SLOW],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration and e2e files each start their own servers on random ports, so files run in
    // parallel safely; two workers match the 2-core CI machine.
    maxWorkers: 2,
    reporters: ['default', './test/reporters/summary-line.ts'],
  },
});
