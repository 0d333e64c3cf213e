import { createConfigReader, type ConfigReader } from '../src/runtime/reader.js';
import { startRedis } from '../test/helpers/redis-server.js';
import { ENVIRONMENT, startOrg } from './runtime-org.js';

const INSTANCES = 20;
const TABLES = 10;
const TTL_SECONDS = 60;
/** Two full TTL cycles, in real time: the reader's refreshes, leases and Redis TTLs all run on real clocks. */
const WINDOW_MS = Number(process.env.BENCH_RUNTIME_WINDOW_SECONDS ?? 120) * 1000;

const round = (value: number): number => Math.round(value * 10) / 10;

/**
 * API calls per minute for 20 instances × 10 tables at a 60 s TTL. Naive: every instance reads
 * every table every TTL (the seed's design), 20 × 10 per minute. This reader: 20 instances in one
 * process (each with its own OAuth client, as separate processes would have) sharing one real
 * Redis and one emulator, with the versions table and the lease; the emulator's calls are
 * counted over a real window after every instance is ready (the start-up loads are reported apart).
 */
export async function fleetApiCalls(): Promise<Record<string, number | string>> {
  const [org, redis] = await Promise.all([startOrg(TABLES), startRedis()]);
  const readers: ConfigReader[] = [];
  try {
    const names = { url: redis.url, keyPrefix: redis.prefix(), channel: redis.prefix() };
    const tables = Object.fromEntries(org.tables.map((table) => [table, { ttlSeconds: TTL_SECONDS }]));
    org.emulator.log.reset();
    for (let index = 0; index < INSTANCES; index++) {
      readers.push(
        await createConfigReader({
          tables,
          environment: ENVIRONMENT,
          connection: org.connection,
          redis: names,
          metrics: false,
        }),
      );
    }
    await Promise.all(readers.map((reader) => reader.ready()));
    const startup = org.calls();
    org.emulator.log.reset();
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
    const window = org.calls();
    const perMinute = (count: number): number => round((count * 60_000) / WINDOW_MS);
    const naive = INSTANCES * TABLES * (60 / TTL_SECONDS);
    const measured = perMinute(window.total);
    const polls = pollReads(window, WINDOW_MS);
    // Each TTL refresh of a table reads the versions row, then the rows (the torn-read check).
    const parts = {
      'ttl-full-refresh': perMinute(window.tableReads + window.versionsReads - polls),
      'versions-poll': perMinute(polls),
      'table-id-lookups': perMinute(window.lookups),
    };
    const dominant = Object.entries(parts).sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    const refreshesPerMinute = TABLES * (60 / TTL_SECONDS);
    return {
      instances: INSTANCES,
      tables: TABLES,
      ttlSeconds: TTL_SECONDS,
      windowSeconds: WINDOW_MS / 1000,
      naiveCallsPerMinute: naive,
      readerCallsPerMinute: measured,
      ratio: round(naive / measured),
      readerTableReadsPerMinute: perMinute(window.tableReads),
      readerVersionsReadsPerMinute: perMinute(window.versionsReads),
      readerLookupsPerMinute: perMinute(window.lookups),
      readerOtherCallsPerMinute: perMinute(window.other),
      ttlFullRefreshCallsPerMinute: parts['ttl-full-refresh'],
      versionsPollCallsPerMinute: parts['versions-poll'],
      dominant,
      // The TTL's full refresh caps the ratio: each table read once per cluster per TTL (rows only),
      // and as designed (versions row + rows per refresh, plus the cluster's poll every 15 s).
      ratioCeilingRowsOnly: round(naive / refreshesPerMinute),
      ratioCeilingAsDesigned: round(naive / (2 * refreshesPerMinute + 4)),
      startupCalls: startup.total,
      startupOauth: startup.oauth,
      readerStatsApiCallsTotal: readers.reduce((sum, reader) => sum + reader.stats().apiCalls, 0),
    };
  } finally {
    await Promise.all(readers.map((reader) => reader.close()));
    await org.emulator.close();
    await redis.close();
  }
}

/** Versions reads the cluster's poll makes in the window: one per 15 s poll (the default), under its lease. */
function pollReads(window: { versionsReads: number }, windowMs: number): number {
  return Math.min(window.versionsReads, Math.floor(windowMs / 15_000));
}
