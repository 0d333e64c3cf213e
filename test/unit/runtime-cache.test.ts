import { describe, expect, it } from 'vitest';
import { createConfigReader } from '../../src/runtime/reader.js';
import { snapshotHash } from '../../src/runtime/snapshot.js';
import {
  FakeSource,
  configRow,
  settle,
  startReader,
  versionedRows,
  closeReadersAfterEach,
} from '../helpers/runtime.js';

const TABLE = 'plugin_config_production';

const { ready } = closeReadersAfterEach();

describe('runtime reader: refresh before expiry, stale-if-error, too stale', () => {
  it('refreshes before the TTL runs out, so reads are never stale while the source answers', async () => {
    const { reader, source, time } = await ready(
      await startReader({ tables: { [TABLE]: { ttlSeconds: 60 } }, versionPollSeconds: 0 }, (fake) =>
        fake.deploy(TABLE, 1, versionedRows(1)),
      ),
    );
    for (let minute = 0; minute < 5; minute++) {
      await time.advance(59_000);
      reader.get(TABLE, 'setting');
      await time.advance(1_000);
    }
    expect(reader.stats()).toMatchObject({ staleServed: 0, sharedTier: 'none', purgeChannel: 'none' });
    expect(source.rowReads(TABLE)).toBeGreaterThanOrEqual(6);
    expect(reader.stats().tables[TABLE]?.ageSeconds).toBeLessThan(60);
  });

  it('serves the held values while refreshes fail, up to maxStaleSeconds, then safe defaults (too-stale)', async () => {
    const { reader, source, time, auditLines } = await ready(
      await startReader(
        {
          tables: { [TABLE]: { ttlSeconds: 60, safeDefaults: { setting: 'safe' } } },
          maxStaleSeconds: 300,
          versionPollSeconds: 0,
        },
        (fake) => fake.deploy(TABLE, 1, versionedRows(1)),
      ),
    );
    source.tables.delete(TABLE); // every read fails from now on
    await time.advance(120_000);
    expect(reader.get(TABLE, 'setting')).toBe('v1');
    expect(reader.stats().staleServed).toBe(1);
    expect(reader.stats().refreshFailures).toBeGreaterThan(0);
    expect(auditLines).toContainEqual(
      expect.objectContaining({ kind: 'refresh-failed', table: TABLE, version: 1 }),
    );
    await time.advance(200_000);
    expect(reader.get(TABLE, 'setting')).toBe('safe');
    expect(reader.stats().safeDefaults['too-stale']).toBe(1);
    source.deploy(TABLE, 1, versionedRows(1)); // the source is back: so are the values
    await time.advance(60_000);
    expect(reader.get(TABLE, 'setting')).toBe('v1');
  });
});

describe('runtime reader: versions polling', () => {
  it('reads the versions table once per poll and re-reads only the tables whose version changed', async () => {
    const { reader, source, time } = await ready(
      await startReader(
        { tables: { a: { ttlSeconds: 3_600 }, b: { ttlSeconds: 3_600 } }, versionPollSeconds: 15 },
        (fake) => {
          fake.deploy('a', 1, versionedRows(1));
          fake.deploy('b', 1, versionedRows(1));
        },
      ),
    );
    const versionsBefore = source.calls.filter((call) => call === 'versions').length;
    await time.advance(15_000);
    expect(source.calls.filter((call) => call === 'versions').length).toBe(versionsBefore + 1);
    source.deploy('b', 2, versionedRows(2));
    await time.advance(15_000);
    expect(source.rowReads('a')).toBe(1);
    expect(source.rowReads('b')).toBe(2);
    expect(reader.get('b', 'setting')).toBe('v2');
  });
});

describe('runtime reader: torn reads and drift', () => {
  it('does not install rows whose hash disagrees with the versions row; retries until they agree', async () => {
    const { reader, source, time } = await ready(
      await startReader({ tables: { [TABLE]: {} }, versionPollSeconds: 0 }, (fake) =>
        fake.deploy(TABLE, 1, versionedRows(1)),
      ),
    );
    // A deploy of version 2 half done: the versions row already says 2, the rows are still mixed.
    const v2 = versionedRows(2);
    source.deploy(TABLE, 2, v2);
    source.tables.set(TABLE, [v2[0]!, versionedRows(1)[1]!]);
    await time.advance(52_000);
    await time.advance(200);
    expect(reader.get(TABLE, 'limit')).toBe(10);
    expect(reader.stats().tables[TABLE]?.version).toBe(1);
    source.tables.set(TABLE, v2); // the deploy finishes
    await time.advance(5_000);
    expect(reader.get(TABLE, 'limit')).toBe(20);
    expect(reader.stats().tables[TABLE]?.drifted).toBe(false);
  });

  it('installs a table edited by hand after its deploy once the same mismatch persists, marked and audited as drifted', async () => {
    const { reader, source, time, auditLines } = await ready(
      await startReader({ tables: { [TABLE]: {} }, versionPollSeconds: 0 }, (fake) =>
        fake.deploy(TABLE, 1, versionedRows(1)),
      ),
    );
    source.tables.set(TABLE, [configRow('setting', 'edited by hand'), versionedRows(1)[1]!]);
    await time.advance(60_000);
    expect(reader.get(TABLE, 'setting')).toBe('edited by hand');
    expect(reader.stats().tables[TABLE]).toMatchObject({ version: 1, drifted: true });
    expect(reader.table(TABLE)?.drifted).toBe(true);
    expect(auditLines).toContainEqual(
      expect.objectContaining({ kind: 'refresh', reason: 'drifted', version: 1 }),
    );
    const reads = source.rowReads(TABLE);
    await time.advance(60_000); // the next refresh knows this drift: it does not loop
    expect(source.rowReads(TABLE)).toBe(reads + 1);
  });

  it('a table without a versions row is read on its TTL only, as version 0', async () => {
    const { reader, source, time } = await ready(
      await startReader({ tables: { plain: { ttlSeconds: 30 } } }, (fake) =>
        fake.tables.set('plain', [configRow('a', '1', 'integer')]),
      ),
    );
    expect(reader.stats().tables.plain?.version).toBe(0);
    source.tables.set('plain', [configRow('a', '2', 'integer')]);
    await time.advance(30_000);
    expect(reader.get('plain', 'a')).toBe(2);
  });
});

describe('runtime reader: eviction', () => {
  it('keeps at most maxTables in memory, evicting the least recently used; an evicted table comes back on use', async () => {
    const tables = { a: {}, b: {}, c: {} };
    const { reader, time } = await ready(
      await startReader({ tables, maxTables: 2, versionPollSeconds: 0 }, (fake) => {
        for (const name of Object.keys(tables)) fake.deploy(name, 1, versionedRows(1));
      }),
    );
    const loaded = (): string[] =>
      Object.entries(reader.stats().tables)
        .filter(([, stats]) => stats.loaded)
        .map(([name]) => name)
        .sort();
    expect(loaded()).toHaveLength(2);
    const [first, second] = loaded() as [string, string];
    const missing = Object.keys(tables).find((name) => !loaded().includes(name)) as string;
    reader.get(second, 'setting');
    reader.get(first, 'setting'); // `second` is now the least recently used
    expect(reader.get(missing, 'setting')).toBeUndefined(); // not loaded: a safe default, and a reload
    expect(reader.stats().safeDefaults['not-loaded']).toBe(1);
    await time.advance(10);
    expect(reader.get(missing, 'setting')).toBe('v1');
    expect(loaded()).toEqual([first, missing].sort());
    expect(reader.stats().evictions).toBe(2);
  });

  it('keeps the bytes of the snapshots under maxBytes', async () => {
    const big = (count: number) =>
      Array.from({ length: count }, (_, index) => configRow(`key_${index}`, 'x'.repeat(200)));
    const { reader } = await ready(
      await startReader({ tables: { a: {}, b: {} }, maxBytes: 60_000, versionPollSeconds: 0 }, (fake) => {
        fake.deploy('a', 1, big(40));
        fake.deploy('b', 1, big(40));
      }),
    );
    const stats = reader.stats();
    const bytes = Object.values(stats.tables).reduce((sum, table) => sum + table.bytes, 0);
    expect(stats.evictions).toBe(1);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(60_000);
  });
});

describe('runtime reader: onChange callbacks', () => {
  it('run serially, after each install, with before, after and the changed keys', async () => {
    const { reader, source, time } = await ready(
      await startReader({ tables: { [TABLE]: {} }, versionPollSeconds: 1 }, (fake) =>
        fake.deploy(TABLE, 1, versionedRows(1, [configRow('same', 'x')])),
      ),
    );
    const events: string[] = [];
    reader.onChange(async (table, change) => {
      events.push(
        `first:start:${change.before?.version}->${change.after.version}:${change.changedKeys.join(',')}`,
      );
      await time.sleep(500);
      events.push(`first:end:${change.after.version}`);
    });
    reader.onChange((_table, change) => void events.push(`second:${change.after.version}`));
    source.deploy(TABLE, 2, versionedRows(2, [configRow('same', 'x')]));
    await time.advance(1_000);
    source.deploy(TABLE, 3, versionedRows(3, [configRow('same', 'x')]));
    await time.advance(1_000);
    await time.advance(2_000);
    await reader.callbacksIdle();
    expect(events).toEqual([
      'first:start:1->2:limit,setting',
      'first:end:2',
      'second:2',
      'first:start:2->3:limit,setting',
      'first:end:3',
      'second:3',
    ]);
  });

  it('isolates a callback that throws or hangs: counted, timed out, and the next one still runs', async () => {
    const { reader, source, time } = await ready(
      await startReader(
        { tables: { [TABLE]: {} }, versionPollSeconds: 1, callbackTimeoutMs: 1_000 },
        (fake) => fake.deploy(TABLE, 1, versionedRows(1)),
      ),
    );
    const seen: number[] = [];
    reader.onChange(() => {
      throw new Error('CDN sync failed');
    });
    reader.onChange(() => new Promise<void>(() => {})); // never settles
    reader.onChange((_table, change) => void seen.push(change.after.version));
    source.deploy(TABLE, 2, versionedRows(2));
    await time.advance(1_000);
    await time.advance(1_500);
    await reader.callbacksIdle();
    expect(seen).toEqual([2]);
    expect(reader.stats().callbackFailures).toBe(2);
    expect(reader.get(TABLE, 'setting')).toBe('v2');
  });
});

describe('runtime reader: stats and audit', () => {
  it('counts hits, misses, fallbacks by reason, refreshes and their latency, API calls, 429s, and per-table version and age', async () => {
    const { reader, source, time } = await ready(
      await startReader(
        { tables: { [TABLE]: { safeDefaults: { gone: 0 } } }, versionPollSeconds: 0 },
        (fake) => fake.deploy(TABLE, 4, versionedRows(4)),
      ),
    );
    reader.get(TABLE, 'setting');
    reader.get(TABLE, 'limit');
    reader.get(TABLE, 'gone');
    source.failures.push(Object.assign(new Error('rate limited'), { status: 429 }));
    await time.advance(52_000);
    await time.advance(2_000);
    const stats = reader.stats();
    expect(stats).toMatchObject({ hits: 2, misses: 1, hitRatio: 2 / 3, rateLimited: 1, refreshFailures: 1 });
    expect(stats.refreshes).toBeGreaterThanOrEqual(2);
    expect(stats.apiCalls).toBe(source.calls.length); // the call answered 429 included
    expect(stats.refreshLatencyMs.p50).toBeGreaterThanOrEqual(0);
    expect(stats.refreshLatencyMs.p99).toBeGreaterThanOrEqual(stats.refreshLatencyMs.p50 ?? 0);
    expect(stats.tables[TABLE]).toMatchObject({
      loaded: true,
      version: 4,
      hash: snapshotHash(versionedRows(4)),
    });
    expect(stats.tables[TABLE]?.ageSeconds).toBeGreaterThanOrEqual(0);
  });

  it('writes sampled read lines as JSON with the client id, environment, table, key and version', async () => {
    const lines: string[] = [];
    const { reader } = await ready(
      await startReader(
        { tables: { [TABLE]: {} }, auditSampleRate: 1, audit: { write: (line: string) => lines.push(line) } },
        (fake) => fake.deploy(TABLE, 2, versionedRows(2)),
      ),
    );
    reader.get(TABLE, 'setting');
    const read = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.kind === 'read');
    expect(read).toMatchObject({
      table: TABLE,
      key: 'setting',
      version: 2,
      clientId: 'plugin-client',
      environment: 'prod',
    });
    expect(lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(true);
  });

  it('a failing audit sink is counted, never thrown into get()', async () => {
    const { reader } = await ready(
      await startReader(
        {
          tables: { [TABLE]: { safeDefaults: { x: 1 } } },
          audit: () => {
            throw new Error('disk full');
          },
        },
        (fake) => fake.deploy(TABLE, 1, [configRow('x', 'y', 'string', 'other')]),
      ),
    );
    expect(reader.get(TABLE, 'x')).toBe(1);
    expect(reader.stats().auditFailures).toBeGreaterThan(0);
  });
});

describe('runtime reader: close', () => {
  it('leaves no timer behind and stops refreshing', async () => {
    const { reader, source, time } = await startReader(
      { tables: { a: {}, b: {} }, versionPollSeconds: 15 },
      (fake) => {
        fake.deploy('a', 1, versionedRows(1));
        fake.deploy('b', 1, versionedRows(1));
      },
    );
    await reader.ready();
    expect(time.pendingTimers).toBeGreaterThan(0);
    source.hold = true;
    await time.advance(52_000); // refreshes in flight, waiting on the source
    await reader.close();
    expect(time.pendingTimers).toBe(0);
    for (const call of [...source.held]) call.answerNow();
    await settle();
    const calls = source.calls.length;
    await time.advance(600_000);
    expect(source.calls.length).toBe(calls);
    expect(time.pendingTimers).toBe(0);
    expect(reader.get('a', 'setting')).toBe('v1'); // what was read stays usable
  });

  it('with Node timers, never holds the process open (unref), and close() clears them', async () => {
    const fake = new FakeSource();
    fake.deploy('a', 1, versionedRows(1));
    const timersBefore = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const reader = await createConfigReader({ tables: { a: {} }, environment: 'prod', source: fake });
    await reader.ready();
    // Only timers that keep the process alive are listed: the reader's are unref'd.
    expect(process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length).toBe(timersBefore);
    await reader.close();
    expect(process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length).toBe(timersBefore);
  });
});
