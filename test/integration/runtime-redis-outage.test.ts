import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { connectRedis } from '../../src/runtime/redis.js';
import { PurgeCatchUpError } from '../../src/runtime/redis-purges.js';
import type { Purge, PurgeChannel, SharedTier, StoredSnapshot } from '../../src/runtime/types.js';
import { canRestartRedis, describeRedis, startRedis, type TestRedis } from '../helpers/redis.js';

/** Redis down and back: the tier and the channel answer without throwing, and recover. */

const snapshot = (version: number): StoredSnapshot => ({
  table: 'plugin_config',
  version,
  hash: `sha256:v${version}`,
  fetchedAt: version,
  rows: [{ key: 'k', value: String(version) }],
});

async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 10));
}

const restartTitle = (title: string): string =>
  canRestartRedis ? title : `${title} (skipped: needs redis-server itself, not REDIS_URL)`;

describeRedis('Redis down and back', () => {
  let redis: TestRedis;
  const opened: { tier: SharedTier; purges: PurgeChannel }[] = [];

  async function connect(options: { commandTimeoutMs?: number } = {}) {
    const connection = await connectRedis({ url: redis.url, keyPrefix: redis.prefix(), ...options });
    opened.push(connection);
    return connection;
  }

  /** Subscribes, recording purges and reconnections. */
  async function listen(purges: PurgeChannel) {
    const seen: Purge[] = [];
    let reconnects = 0;
    await purges.subscribe({ onPurge: (purge) => seen.push(purge), onReconnect: () => (reconnects += 1) });
    return { seen, reconnects: () => reconnects };
  }

  async function publish(channel: string, purge: Purge): Promise<void> {
    const { createClient } = await import('redis');
    const client = createClient({ url: redis.url });
    await client.connect();
    await client.publish(channel, JSON.stringify(purge));
    await client.close();
  }

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterEach(async () => {
    // A test that failed half-way leaves Redis up for the next one.
    if (canRestartRedis) {
      redis.resume();
      await redis.start();
    }
    await Promise.all(opened.splice(0).flatMap(({ tier, purges }) => [tier.close(), purges.close()]));
  });
  afterAll(() => redis.close());

  it.skipIf(!canRestartRedis)(
    restartTitle('reports unhealthy, answers undefined/false without throwing, and recovers'),
    async () => {
      const { tier, purges } = await connect();
      const events = await listen(purges);
      expect(await tier.putIfNewer(snapshot(1), 60_000)).toBe(true);

      await redis.stop();
      await until(() => !tier.healthy && !purges.healthy);
      expect(await tier.get('plugin_config')).toBeUndefined();
      expect(await tier.putIfNewer(snapshot(2), 60_000)).toBe(false);
      expect(await tier.acquireLease('plugin_config', 60_000)).toBe(false);
      await expect(purges.latestVersions()).rejects.toBeInstanceOf(PurgeCatchUpError);

      // Back, empty (nothing is saved): the scripts are loaded again, the channel subscribed again.
      await redis.start();
      await until(() => tier.healthy && purges.healthy && events.reconnects() === 1);
      expect(await tier.get('plugin_config')).toBeUndefined();
      expect(await tier.putIfNewer(snapshot(2), 60_000)).toBe(true);
      expect((await tier.get('plugin_config'))?.version).toBe(2);
      expect(await tier.acquireLease('plugin_config', 60_000)).toBe(true);
      await publish('datatable-deploy:purges', {
        table: 'plugin_config',
        version: 2,
        deployId: 'd2',
        at: '',
      });
      await until(() => events.seen.length === 1);
      expect(events.seen[0]).toMatchObject({ table: 'plugin_config', version: 2 });
    },
  );

  it.skipIf(!canRestartRedis)(
    restartTitle('starts while Redis is down, without waiting for it, and connects when it is up'),
    async () => {
      await redis.stop();
      const { tier, purges } = await connect();
      expect(tier.healthy).toBe(false);
      expect(await tier.get('plugin_config')).toBeUndefined();
      // Subscribing does not hold the reader up; once Redis answers, the reader is told to catch up.
      const events = await listen(purges);
      expect(purges.healthy).toBe(false);

      await redis.start();
      await until(() => tier.healthy && purges.healthy && events.reconnects() === 1);
      expect(await tier.putIfNewer(snapshot(1), 60_000)).toBe(true);
      await publish('datatable-deploy:purges', {
        table: 'plugin_config',
        version: 1,
        deployId: 'd1',
        at: '',
      });
      await until(() => events.seen.length === 1);
    },
  );

  it.skipIf(!canRestartRedis)(restartTitle('a frozen Redis fails commands after the timeout'), async () => {
    const { tier } = await connect({ commandTimeoutMs: 50 });
    await tier.putIfNewer(snapshot(1), 60_000);
    redis.pause();
    // The connection is up, so the tier still counts as healthy; each call gives up on its own.
    expect(await tier.get('plugin_config')).toBeUndefined();
    // (A command that timed out was sent: Redis carries it out once it thaws. False means "not known to be done".)
    expect(await tier.acquireLease('plugin_config', 60_000)).toBe(false);
    redis.resume();
    await until(async () => (await tier.get('plugin_config')) !== undefined);
    expect((await tier.get('plugin_config'))?.version).toBe(1);
  });
});
