import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { runRuntimeDemo } from '../../src/demo/runtime-demo.js';
import { describeRedis } from '../helpers/redis.js';

/** `npm run demo:runtime`, run in this process so that it cannot go stale. */
describeRedis('the runtime demo', () => {
  // Four processes and two CLI runs: a loaded CI machine needs more than the default 30 s.
  it(
    'shows both plugin instances switching on the deploy and back on the rollback',
    { timeout: 60_000 },
    async () => {
      const output = { stdout: '', stderr: '' };
      const stream = (name: keyof typeof output): PassThrough => {
        const pass = new PassThrough();
        pass.on('data', (chunk: Buffer) => (output[name] += chunk.toString()));
        return pass;
      };
      const env = process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {};
      const result = await runRuntimeDemo({ env, stdout: stream('stdout'), stderr: stream('stderr') });

      expect(result.deploy?.delaysMs).toHaveLength(2);
      expect(output.stdout).toMatch(/plugin-a switched to v\d+ \(max_concurrent_calls 200 → 250\)/);
      expect(output.stdout).toMatch(/plugin-b switched to v\d+ \(max_concurrent_calls 200 → 250\)/);
      expect(result.exitCode, output.stdout + output.stderr).toBe(0);
      expect(result.rollback!.version).toBeGreaterThan(result.deploy!.version);
      expect(output.stdout).toMatch(/plugin-b switched to v\d+ \(max_concurrent_calls 250 → 200\)/);
      expect(output.stdout).toContain('Summary (');
    },
  );
});
