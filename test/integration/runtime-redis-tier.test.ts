import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { connectRedis } from '../../src/runtime/redis.js';
import type { PurgeChannel, SharedTier, StoredSnapshot } from '../../src/runtime/types.js';
import { describeRedis, startRedis, type TestRedis } from '../helpers/redis.js';

/** The shared tier against a real redis-server: compare-and-set by version, the lease, the TTL. */

const snapshot = (version: number, fetchedAt: number, hash = `sha256:v${version}`): StoredSnapshot => ({
  table: 'plugin_config',
  version,
  hash,
  fetchedAt,
  rows: [{ key: 'max_calls', value: String(version) }],
});

/** Polls until `check` holds (Redis expiries are not instantaneous); the test's timeout bounds it. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 10));
}

describeRedis('the Redis shared tier', () => {
  let redis: TestRedis;
  const opened: { tier: SharedTier; purges: PurgeChannel }[] = [];

  async function connect(prefix: string): Promise<SharedTier> {
    const connection = await connectRedis({ url: redis.url, keyPrefix: prefix });
    opened.push(connection);
    return connection.tier;
  }

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).flatMap(({ tier, purges }) => [tier.close(), purges.close()]));
  });
  afterAll(() => redis.close());

  it('stores a newer version and never lets an older one overwrite it', async () => {
    const tier = await connect(redis.prefix());
    expect(tier.healthy).toBe(true);
    expect(await tier.get('plugin_config')).toBeUndefined();
    expect(await tier.putIfNewer(snapshot(2, 1_000), 60_000)).toBe(true);
    expect(await tier.putIfNewer(snapshot(3, 900), 60_000)).toBe(true);
    // Read later, but an older version: refused.
    expect(await tier.putIfNewer(snapshot(2, 5_000), 60_000)).toBe(false);
    expect(await tier.get('plugin_config')).toEqual(snapshot(3, 900));
  });

  it('at the same version, keeps the stored snapshot unless the new one was read later', async () => {
    const tier = await connect(redis.prefix());
    await tier.putIfNewer(snapshot(4, 1_000), 60_000);
    // Same version, earlier or equally old read, other content: a lagging read; refused.
    expect(await tier.putIfNewer(snapshot(4, 999, 'sha256:stale'), 60_000)).toBe(false);
    expect(await tier.putIfNewer(snapshot(4, 1_000, 'sha256:stale'), 60_000)).toBe(false);
    // Same version read later with other content: edited by hand after the deploy; replaces.
    expect(await tier.putIfNewer({ ...snapshot(4, 2_000, 'sha256:edited'), drifted: true }, 60_000)).toBe(
      true,
    );
    expect(await tier.get('plugin_config')).toMatchObject({ hash: 'sha256:edited', drifted: true });
    // Same content read later: confirms it (fetchedAt moves on, so others see it fresh).
    expect(await tier.putIfNewer({ ...snapshot(4, 3_000, 'sha256:edited'), drifted: true }, 60_000)).toBe(
      true,
    );
    expect(await tier.get('plugin_config')).toMatchObject({ hash: 'sha256:edited', fetchedAt: 3_000 });
  });

  it('keeps the highest version when many writers race (each on its own connection)', async () => {
    const prefix = redis.prefix();
    const writers = await Promise.all(Array.from({ length: 4 }, () => connect(prefix)));
    const versions = Array.from({ length: 40 }, (_, index) => (index * 7) % 40);
    await Promise.all(
      versions.map((version, index) =>
        writers[index % writers.length]!.putIfNewer(snapshot(version, 1_000), 60_000),
      ),
    );
    expect((await writers[0]!.get('plugin_config'))?.version).toBe(39);
  });

  it('replaces a stored value that is not a snapshot, and ignores one that is not', async () => {
    const prefix = redis.prefix();
    const tier = await connect(prefix);
    const raw = await rawClient();
    await raw.set(`${prefix}snapshot:plugin_config`, 'not json');
    expect(await tier.get('plugin_config')).toBeUndefined();
    expect(await tier.putIfNewer(snapshot(1, 1), 60_000)).toBe(true);
    expect((await tier.get('plugin_config'))?.version).toBe(1);
    await raw.close();
  });

  it('stores the snapshot with the TTL given, after which it is gone', async () => {
    const prefix = redis.prefix();
    const tier = await connect(prefix);
    const raw = await rawClient();
    await tier.putIfNewer(snapshot(1, 1), 60_000);
    const ttl = await raw.pTTL(`${prefix}snapshot:plugin_config`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
    await tier.putIfNewer(snapshot(2, 1), 30);
    await eventually(async () => (await tier.get('plugin_config')) === undefined);
    // Once expired, any version may be stored again.
    expect(await tier.putIfNewer(snapshot(1, 1), 60_000)).toBe(true);
    await raw.close();
  });

  it('gives the lease to one instance at a time, and again once it expired', async () => {
    const prefix = redis.prefix();
    const [first, second] = await Promise.all([connect(prefix), connect(prefix)]);
    const answers = await Promise.all([
      first!.acquireLease('plugin_config', 60_000),
      second!.acquireLease('plugin_config', 60_000),
    ]);
    expect(answers.filter(Boolean)).toHaveLength(1);
    // Per table: another table's lease is free.
    expect(await first!.acquireLease('other_table', 60_000)).toBe(true);
    expect(await first!.acquireLease('short', 30)).toBe(true);
    expect(await second!.acquireLease('short', 60_000)).toBe(false);
    await eventually(() => second!.acquireLease('short', 60_000));
    expect(await first!.acquireLease('short', 60_000)).toBe(false);
  });

  async function rawClient() {
    const { createClient } = await import('redis');
    const client = createClient({ url: redis.url });
    await client.connect();
    return client;
  }
});
