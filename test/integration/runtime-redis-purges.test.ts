import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../../src/runtime/redis.js';
import type { Purge, PurgeChannel, SharedTier } from '../../src/runtime/types.js';
import { describeRedis, startRedis, type TestRedis } from '../helpers/redis.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';

/** The purge channel on real Redis pub/sub: delivery, and catching up after a disconnection. */

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

const purge = (table: string, version: number): Purge => ({
  table,
  version,
  deployId: `d${version}`,
  at: '',
});

describeRedis('the Redis purge channel', () => {
  let redis: TestRedis;
  let publisher: ReturnType<typeof createClient>;
  const opened: { tier: SharedTier; purges: PurgeChannel }[] = [];

  /** A channel on its own prefix and channel name; `url` lets it go through a proxy. */
  async function channel(url = redis.url) {
    const prefix = redis.prefix();
    const names = { channel: `${prefix}purges`, versions: `${prefix}versions` };
    const connection = await connectRedis({ url, keyPrefix: prefix, channel: names.channel });
    opened.push(connection);
    const seen: Purge[] = [];
    const caughtUp: ReadonlyMap<string, number>[] = [];
    await connection.purges.subscribe({
      onPurge: (received) => seen.push(received),
      // What a reader does: read the catch-up key once told it reconnected.
      onReconnect: () => void connection.purges.latestVersions().then((versions) => caughtUp.push(versions)),
    });
    // As the relay does: raise the version, then publish.
    const announce = async (sent: Purge): Promise<void> => {
      await publisher.hSet(names.versions, sent.table, String(sent.version));
      await publisher.publish(names.channel, JSON.stringify(sent));
    };
    return { ...connection, ...names, seen, caughtUp, announce };
  }

  beforeAll(async () => {
    redis = await startRedis();
    publisher = createClient({ url: redis.url });
    await publisher.connect();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).flatMap(({ tier, purges }) => [tier.close(), purges.close()]));
  });
  afterAll(async () => {
    await publisher.close();
    await redis.close();
  });

  it('delivers purges in order, skips messages that are not purges, and reads the versions hash', async () => {
    const reader = await channel();
    expect(reader.purges.healthy).toBe(true);
    await reader.announce(purge('plugin_config', 3));
    await publisher.publish(reader.channel, 'not json');
    await publisher.publish(reader.channel, JSON.stringify({ table: 'plugin_config', version: 'four' }));
    await reader.announce(purge('routing', 8));
    await until(() => reader.seen.length === 2);
    expect(reader.seen).toEqual([purge('plugin_config', 3), purge('routing', 8)]);
    await publisher.hSet(reader.versions, 'garbage', 'not a number');
    expect(await reader.purges.latestVersions()).toEqual(
      new Map([
        ['plugin_config', 3],
        ['routing', 8],
      ]),
    );
  });

  it('every subscriber gets every purge', async () => {
    const first = await channel();
    const second = await connectRedis({ url: redis.url, channel: first.channel });
    opened.push(second);
    const seen: Purge[] = [];
    await second.purges.subscribe({ onPurge: (received) => seen.push(received), onReconnect: () => {} });
    await first.announce(purge('plugin_config', 1));
    await until(() => first.seen.length === 1 && seen.length === 1);
  });

  // Through a TCP proxy cut and restored: Redis stays up for the relay while this reader is cut off.
  describe('after a disconnection', () => {
    let proxy: TcpProxy;
    beforeAll(async () => {
      proxy = await startTcpProxy(Number(new URL(redis.url).port), new URL(redis.url).hostname);
    });
    afterAll(() => proxy.close());

    it('misses what was published meanwhile, then fires onReconnect, and the versions hash has it', async () => {
      const reader = await channel(`redis://127.0.0.1:${proxy.port}`);
      await reader.announce(purge('plugin_config', 1));
      await until(() => reader.seen.length === 1);

      proxy.cut();
      await until(() => !reader.purges.healthy && !reader.tier.healthy);
      // Redis itself is up: the relay announces while this reader cannot hear it.
      await reader.announce(purge('plugin_config', 2));
      await reader.announce(purge('routing', 5));
      proxy.restore();

      await until(() => reader.caughtUp.length === 1);
      expect(reader.caughtUp[0]).toEqual(
        new Map([
          ['plugin_config', 2],
          ['routing', 5],
        ]),
      );
      expect(reader.seen).toEqual([purge('plugin_config', 1)]);
      expect(reader.purges.healthy).toBe(true);
      // Subscribed again: new purges arrive.
      await reader.announce(purge('plugin_config', 3));
      await until(() => reader.seen.length === 2);
      expect(reader.seen[1]).toEqual(purge('plugin_config', 3));
    });
  });
});
