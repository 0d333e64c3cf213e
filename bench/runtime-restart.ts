import { createConfigReader } from '../src/runtime/reader.js';
import type { ReaderOptions } from '../src/runtime/options.js';
import { startRedis } from '../test/helpers/redis-server.js';
import { percentile } from './runtime-get.js';
import { ENVIRONMENT, startOrg, type Org } from './runtime-org.js';

const TABLES = 10;

interface Start {
  /** createConfigReader to ready() and a first value. */
  readonly ms: number;
  /** Of which after createConfigReader returned (connections made, subscribed, caught up). */
  readonly loadMs: number;
  readonly calls: number;
}
const RUNS = 5;

/** Milliseconds from createConfigReader to ready() (and a first value), and the API calls it made. */
async function startOnce(org: Org, options: Partial<ReaderOptions>): Promise<Start> {
  org.emulator.log.reset();
  const started = performance.now();
  const reader = await createConfigReader({
    tables: Object.fromEntries(org.tables.map((table) => [table, {}])),
    environment: ENVIRONMENT,
    connection: org.connection,
    metrics: false,
    ...options,
  });
  const created = performance.now();
  try {
    const report = await reader.ready();
    if (reader.get(org.tables[0] as string, 'marker') !== 'v1') throw new Error('the first value is wrong');
    const ms = performance.now() - started;
    const failed = Object.values(report.tables).filter((table) => !table.loaded);
    if (failed.length > 0) throw new Error(`tables not loaded: ${JSON.stringify(failed)}`);
    return { ms, loadMs: performance.now() - created, calls: org.calls().total };
  } finally {
    await reader.close();
  }
}

const median = (values: number[]): number =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const round = (value: number): number => Math.round(value * 10) / 10;

/**
 * A reader of 10 tables restarting: from a warm Redis (another instance put the snapshots there)
 * against a cold start from the emulator with no Redis. Median of 5 starts each; every start is
 * a new reader with its own OAuth client and Redis connections, as a restarted process has.
 */
export async function readerRestart(): Promise<Record<string, number>> {
  const [org, redis] = await Promise.all([startOrg(TABLES), startRedis()]);
  try {
    const withRedis = { redis: { url: redis.url, keyPrefix: redis.prefix(), channel: redis.prefix() } };
    // The first instance fills Redis (a cold start with Redis: it reads Genesys under the lease).
    const first = await startOnce(org, withRedis);
    const warm: Start[] = [];
    const cold: Start[] = [];
    for (let run = 0; run < RUNS; run++) {
      warm.push(await startOnce(org, withRedis));
      cold.push(await startOnce(org, {}));
    }
    return {
      tables: TABLES,
      runs: RUNS,
      warmRedisRestartMs: round(median(warm.map((start) => start.ms))),
      // The rest is createConfigReader itself: mostly the two Redis connections becoming ready.
      warmRedisLoadAfterConnectMs: round(median(warm.map((start) => start.loadMs))),
      warmRedisRestartApiCalls: Math.max(...warm.map((start) => start.calls)),
      coldStartNoRedisMs: round(median(cold.map((start) => start.ms))),
      coldStartNoRedisApiCalls: median(cold.map((start) => start.calls)),
      firstInstanceWithRedisMs: round(first.ms),
      firstInstanceWithRedisApiCalls: first.calls,
    };
  } finally {
    await org.emulator.close();
    await redis.close();
  }
}
