import { spawnSync } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';

export { startRedis, type TestRedis } from './redis-server.js';

/**
 * Redis as a real test component: Debian's `redis-server` started on a free port of 127.0.0.1
 * (no persistence), or the server `REDIS_URL` names. Tests that need Redis use `describeRedis`,
 * which skips them, with one line saying how to enable them, when neither is there.
 */

const SERVER = 'redis-server';
const ENABLE_HINT =
  'Redis tests skipped: neither redis-server is installed nor REDIS_URL set. ' +
  'Enable them with "apt-get install -y redis-server", or set REDIS_URL=redis://host:port.';

/** Where tests get Redis from, decided once per test file. */
export const redisAvailability: 'url' | 'server' | 'none' = process.env.REDIS_URL
  ? 'url'
  : spawnSync(SERVER, ['--version'], { stdio: 'ignore' }).status === 0
    ? 'server'
    : 'none';

/** Tests that stop and restart Redis need a server of their own (not a shared REDIS_URL). */
export const canRestartRedis = redisAvailability === 'server';

/** `describe`, skipped (with the one line saying how to enable it) when there is no Redis. */
export const describeRedis = (name: string, body: () => void): void => {
  if (redisAvailability === 'none') announceSkipOnce();
  describe.skipIf(redisAvailability === 'none')(name, body);
};

/** Prints the hint once per test run, not once per file: the first worker to claim a marker prints it. */
function announceSkipOnce(): void {
  // Workers are children of the one vitest process: its pid names the run.
  const marker = join(tmpdir(), `datatable-deploy-redis-skip-${process.ppid}`);
  try {
    closeSync(openSync(marker, 'wx'));
  } catch {
    return;
  }
  process.stderr.write(`${ENABLE_HINT}\n`);
}
