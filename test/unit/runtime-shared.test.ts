import { describe, expect, it } from 'vitest';
import {
  FakePurges,
  FakeSource,
  FakeTier,
  SimulatedTime,
  startReader,
  versionedRows,
  type Harness,
  closeReadersAfterEach,
} from '../helpers/runtime.js';

const TABLE = 'plugin_config_production';

const { keep } = closeReadersAfterEach();

/** Two plugin instances sharing one Genesys, one Redis tier and one purge channel. */
async function cluster(versionPollSeconds = 0): Promise<{
  time: SimulatedTime;
  source: FakeSource;
  tier: FakeTier;
  purges: FakePurges;
  first: Harness;
  second: Harness;
}> {
  const time = new SimulatedTime();
  const source = new FakeSource();
  source.deploy(TABLE, 1, versionedRows(1));
  const tier = new FakeTier(time);
  const purges = new FakePurges();
  const options = { tables: { [TABLE]: { ttlSeconds: 60 } }, tier, purges, versionPollSeconds };
  const first = await startReader(options, () => {}, { time, source });
  keep(first.reader);
  await first.reader.ready();
  const second = await startReader(options, () => {}, { time, source });
  keep(second.reader);
  await second.reader.ready();
  return { time, source, tier, purges, first, second };
}

describe('runtime reader: the shared tier', () => {
  it('a second instance starts from the tier without reading Genesys', async () => {
    const { source, second } = await cluster();
    expect(source.rowReads(TABLE)).toBe(1);
    expect(second.reader.get(TABLE, 'setting')).toBe('v1');
    expect(second.reader.stats().apiCalls).toBe(0);
  });

  it('after a purge, one instance (the leaseholder) reads Genesys and the other takes its snapshot from the tier', async () => {
    const { time, source, purges, first, second } = await cluster();
    await time.advance(20_000);
    source.deploy(TABLE, 2, versionedRows(2));
    purges.publish(TABLE, 2);
    await time.advance(1_000);
    expect(first.reader.get(TABLE, 'setting')).toBe('v2');
    expect(second.reader.get(TABLE, 'setting')).toBe('v2');
    expect(source.rowReads(TABLE)).toBe(2); // the first load and one read for version 2
  });

  it('with the tier down, reads Genesys directly; when it is back, it is used and kept current again', async () => {
    const { time, source, tier, purges, first, second } = await cluster();
    expect(first.reader.stats()).toMatchObject({ sharedTier: 'up', purgeChannel: 'up' });
    tier.healthy = false;
    expect(first.reader.stats().sharedTier).toBe('down');
    source.deploy(TABLE, 2, versionedRows(2));
    purges.publish(TABLE, 2);
    await time.advance(1_000);
    expect(first.reader.get(TABLE, 'setting')).toBe('v2');
    expect(second.reader.get(TABLE, 'setting')).toBe('v2');
    expect(source.rowReads(TABLE)).toBe(3); // each read directly
    expect(tier.store.get(TABLE)?.version).toBe(1); // nothing was written while it was down

    tier.healthy = true;
    expect(second.reader.stats().sharedTier).toBe('up');
    await time.advance(20_000);
    source.deploy(TABLE, 3, versionedRows(3));
    purges.publish(TABLE, 3);
    await time.advance(1_000);
    expect(first.reader.get(TABLE, 'setting')).toBe('v3');
    expect(second.reader.get(TABLE, 'setting')).toBe('v3');
    expect(source.rowReads(TABLE)).toBe(4);
    expect(tier.store.get(TABLE)?.version).toBe(3);
  });

  it('never takes an older snapshot from the tier than the version it accepted', async () => {
    const { time, source, tier, purges, first } = await cluster();
    source.deploy(TABLE, 3, versionedRows(3));
    source.laggingVersions = new Map([[TABLE, { ...source.versions.get(TABLE)!, version: 1 }]]);
    await tier.putIfNewer({ table: TABLE, version: 2, hash: 'sha256:x', fetchedAt: time.now(), rows: [] });
    purges.publish(TABLE, 3);
    await time.advance(2_000);
    expect(first.reader.get(TABLE, 'setting')).toBe('v1');
    source.laggingVersions = undefined;
    await time.advance(10_000);
    expect(first.reader.get(TABLE, 'setting')).toBe('v3');
  });
});

describe('runtime reader: the purge channel', () => {
  it('catches up from the latest versions after a reconnect (pub/sub lost the purge)', async () => {
    const { time, source, purges, first } = await cluster();
    purges.disconnect();
    source.deploy(TABLE, 2, versionedRows(2));
    purges.publish(TABLE, 2); // lost
    await time.advance(1_000);
    expect(first.reader.get(TABLE, 'setting')).toBe('v1');
    purges.reconnect();
    await time.advance(1_000);
    expect(first.reader.get(TABLE, 'setting')).toBe('v2');
  });

  it('polls the versions table more often while the channel is down', async () => {
    const time = new SimulatedTime();
    const purges = new FakePurges();
    const { source, reader } = await startReader(
      { tables: { [TABLE]: { ttlSeconds: 3_600 } }, purges, versionPollSeconds: 15 },
      (fake) => fake.deploy(TABLE, 1, versionedRows(1)),
      { time },
    );
    keep(reader);
    await reader.ready();
    const versionReads = (): number => source.calls.filter((call) => call === 'versions').length;
    let before = versionReads();
    await time.advance(60_000);
    const healthyPolls = versionReads() - before;
    purges.disconnect();
    await time.advance(15_000); // the poll scheduled while healthy
    before = versionReads();
    await time.advance(60_000);
    const unhealthyPolls = versionReads() - before;
    expect(healthyPolls).toBe(4);
    expect(unhealthyPolls).toBe(12);
  });

  it('one instance per cluster polls the versions table (lease); the others read the catch-up key', async () => {
    const { time, source } = await cluster(15);
    const versionReads = (): number => source.calls.filter((call) => call === 'versions').length;
    const before = versionReads();
    await time.advance(150_000);
    // Ten polling rounds of two instances; TTL refreshes (60 s) add their own versions reads.
    const ttlRefreshReads = source.rowReads(TABLE) - 1;
    expect(versionReads() - before - ttlRefreshReads).toBe(10);
  });
});
