import { describe, expect, it } from 'vitest';
import type { ConfigReader } from '../../src/runtime/reader.js';
import {
  FakePurges,
  FakeSource,
  SimulatedTime,
  settle,
  startReader,
  versionedRows,
  closeReadersAfterEach,
} from '../helpers/runtime.js';

/**
 * The invalidation race (issue #12, acceptance 1): whatever order reads, purges and answers come
 * in, once version V is accepted the reader never installs anything older than V, and once it
 * serves V it never serves older data again. Until V arrives it keeps serving what it held.
 */
const TABLE = 'plugin_config_production';

const { keep } = closeReadersAfterEach();

async function loadedAtV1(): Promise<{
  time: SimulatedTime;
  source: FakeSource;
  purges: FakePurges;
  reader: ConfigReader;
  installs: number[];
  served: string[];
}> {
  const purges = new FakePurges();
  const { time, source, reader } = await startReader(
    { tables: { [TABLE]: { ttlSeconds: 60 } }, purges, versionPollSeconds: 0 },
    (fake) => fake.deploy(TABLE, 1, versionedRows(1)),
  );
  keep(reader);
  await reader.ready();
  const installs: number[] = [];
  reader.onChange((_table, change) => void installs.push(change.after.version));
  const served: string[] = [];
  return { time, source, purges, reader, installs, served };
}

/** Reads the value and records it: the test checks the whole sequence of what was served. */
function read(reader: ConfigReader, served: string[]): string {
  const value = String(reader.get(TABLE, 'setting'));
  served.push(value);
  return value;
}

/** No version served after a newer one: the served sequence never goes back. */
function expectMonotonic(served: string[]): void {
  const versions = served.map((value) => Number(value.slice(1)));
  for (let index = 1; index < versions.length; index++) {
    expect(versions[index]).toBeGreaterThanOrEqual(versions[index - 1] as number);
  }
}

describe('runtime reader: versioned invalidation without races', () => {
  it('discards a refresh of older data that was in flight when a newer purge was accepted', async () => {
    const { time, source, purges, reader, installs, served } = await loadedAtV1();
    source.deploy(TABLE, 2, versionedRows(2)); // deployed, its purge not seen yet
    source.hold = true;
    await time.advance(52_000); // the TTL refresh (at 80–90 % of 60 s) starts
    source.heldFor('versions')[0]?.answerNow(); // it reads version 2…
    await settle();
    const staleRows = source.heldFor('rows', TABLE)[0];
    expect(staleRows).toBeDefined(); // …and its rows read of version 2 is in flight

    source.deploy(TABLE, 3, versionedRows(3));
    purges.publish(TABLE, 3); // accepted: newer than 1 held and than anything accepted
    await settle();
    expect(read(reader, served)).toBe('v1');

    staleRows?.answerAsCalled(); // the old read completes with version 2: must be dropped
    await settle();
    expect(read(reader, served)).toBe('v1');
    expect(reader.stats().discardedRefreshes).toBe(1);

    source.heldFor('versions')[0]?.answerNow();
    await settle();
    source.heldFor('rows', TABLE)[0]?.answerNow();
    await settle();
    expect(read(reader, served)).toBe('v3');
    await reader.callbacksIdle();
    expect(installs).toEqual([3]);
    expectMonotonic(served);
  });

  it('ignores an out-of-order purge (V+1, then V): V is never fetched after V+1 was accepted', async () => {
    const { source, purges, reader, installs, served } = await loadedAtV1();
    source.deploy(TABLE, 2, versionedRows(2));
    source.deploy(TABLE, 3, versionedRows(3));
    source.hold = true;
    purges.publish(TABLE, 3);
    await settle();
    const callsAfterV3 = source.calls.length;
    purges.deliver(TABLE, 2); // late delivery of the older purge
    purges.deliver(TABLE, 3); // and a duplicate
    await settle();
    expect(source.calls.length).toBe(callsAfterV3);
    expect(reader.stats().purgesIgnored).toBe(2);

    source.heldFor('versions')[0]?.answerNow();
    await settle();
    source.heldFor('rows', TABLE)[0]?.answerNow();
    await settle();
    expect(read(reader, served)).toBe('v3');
    purges.deliver(TABLE, 2);
    await settle();
    expect(source.held).toEqual([]);
    expect(read(reader, served)).toBe('v3');
    await reader.callbacksIdle();
    expect(installs).toEqual([3]);
  });

  it('drops the refresh for V when V+1 is accepted mid-flight, whichever answer comes back first', async () => {
    const { source, purges, reader, installs, served } = await loadedAtV1();
    source.deploy(TABLE, 2, versionedRows(2));
    source.hold = true;
    purges.publish(TABLE, 2);
    await settle();
    source.heldFor('versions')[0]?.answerNow();
    await settle();
    const rowsOfV2 = source.heldFor('rows', TABLE)[0];

    source.deploy(TABLE, 3, versionedRows(3));
    purges.publish(TABLE, 3);
    await settle();
    source.heldFor('versions')[0]?.answerNow();
    await settle();
    source.heldFor('rows', TABLE).at(-1)?.answerNow(); // V3 installs first…
    await settle();
    expect(read(reader, served)).toBe('v3');
    rowsOfV2?.answerAsCalled(); // …then V2's late answer arrives
    await settle();
    expect(read(reader, served)).toBe('v3');
    expect(reader.stats().tables[TABLE]?.version).toBe(3);
    await reader.callbacksIdle();
    expect(installs).toEqual([3]);
    expectMonotonic(served);
  });

  it('after a purge for V, re-reads (backing off) while the service still returns V-1, and never installs it', async () => {
    const { time, source, purges, reader, installs, served } = await loadedAtV1();
    source.deploy(TABLE, 2, versionedRows(2)); // what an eventually consistent read returns for a while
    purges.publish(TABLE, 3);
    await time.advance(600);
    expect(read(reader, served)).toBe('v1'); // the held version, counted as stale: V is pending
    expect(reader.stats().tables[TABLE]?.pendingVersion).toBe(3);
    expect(reader.stats().staleServed).toBeGreaterThan(0);
    const versionReads = source.calls.filter((call) => call === 'versions').length;
    expect(versionReads).toBeGreaterThan(1); // it read again…
    expect(source.rowReads(TABLE)).toBe(1); // …without reading rows of a version that is too old

    source.deploy(TABLE, 3, versionedRows(3)); // the service catches up
    await time.advance(5_000);
    expect(read(reader, served)).toBe('v3');
    await reader.callbacksIdle();
    expect(installs).toEqual([3]);
    expectMonotonic(served);
  });

  it('gives up after bounded re-reads, keeps what it held, and still never installs V-1 later', async () => {
    const { time, source, purges, reader, installs, served } = await loadedAtV1();
    source.deploy(TABLE, 2, versionedRows(2));
    purges.publish(TABLE, 3); // announced, but the service never shows it
    await time.advance(10_000);
    expect(reader.stats().refreshFailures).toBe(1);
    expect(reader.stats().tables[TABLE]?.lastError).toMatch(/version 2, 3 is needed/);
    await time.advance(120_000); // retries and TTL refreshes: all still need version 3
    expect(read(reader, served)).toBe('v1');
    expect(reader.stats().tables[TABLE]?.version).toBe(1);
    await reader.callbacksIdle();
    expect(installs).toEqual([]);
  });

  it('a purge during the first load supersedes it: ready() resolves with the purged version', async () => {
    const time = new SimulatedTime();
    const source = new FakeSource();
    source.deploy(TABLE, 1, versionedRows(1));
    source.hold = true;
    const purges = new FakePurges();
    const { reader } = await startReader(
      { tables: { [TABLE]: {} }, purges, versionPollSeconds: 0 },
      () => {},
      { time, source },
    );
    keep(reader);
    await settle();
    source.heldFor('versions')[0]?.answerNow();
    await settle();
    const firstRows = source.heldFor('rows', TABLE)[0];
    source.deploy(TABLE, 2, versionedRows(2));
    purges.publish(TABLE, 2);
    await settle();
    firstRows?.answerAsCalled();
    source.hold = false;
    for (const call of [...source.held]) call.answerNow();
    const report = await reader.ready();
    expect(report.tables[TABLE]).toEqual({ loaded: true, version: 2 });
    expect(reader.get(TABLE, 'setting')).toBe('v2');
  });
});

describe('runtime reader: single-flight', () => {
  it('N concurrent loads of one table make one read of it', async () => {
    const { source, reader } = await startReader(
      { tables: { a: {}, b: {} }, maxTables: 1, versionPollSeconds: 0 },
      (fake) => {
        fake.deploy('a', 1, versionedRows(1));
        fake.deploy('b', 1, versionedRows(1));
      },
    );
    keep(reader);
    await reader.ready();
    expect(reader.stats().evictions).toBe(1); // one of the two was evicted to keep one table
    const evicted = reader.stats().tables.a?.loaded ? 'b' : 'a';
    const before = source.rowReads(evicted);
    source.hold = true;
    for (let index = 0; index < 20; index++) reader.get(evicted, 'setting');
    await settle();
    source.heldFor('versions')[0]?.answerNow();
    await settle();
    for (let index = 0; index < 20; index++) reader.get(evicted, 'setting');
    source.hold = false;
    for (const call of [...source.held]) call.answerNow();
    await settle();
    expect(source.rowReads(evicted) - before).toBe(1);
    expect(reader.get(evicted, 'setting')).toBe('v1');
  });
});
