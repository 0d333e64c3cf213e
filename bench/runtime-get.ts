import type { Row } from '../src/genesys/types.js';
import { snapshotHash } from '../src/runtime/content-hash.js';
import { createConfigReader } from '../src/runtime/reader.js';
import type { TableSource, VersionRecord } from '../src/runtime/types.js';
import { configRows, ENVIRONMENT } from './runtime-org.js';

const CALLS = 1_000_000;
const TABLE = 'plugin_config_0';

/** One table in memory: the latency measured is the reader's alone. */
function memorySource(rows: Row[]): TableSource {
  const record: VersionRecord = {
    table: TABLE,
    version: 1,
    hash: snapshotHash(rows),
    deployedAt: '',
    deployId: 'd',
  };
  return {
    readVersions: () => Promise.resolve(new Map([[TABLE, record]])),
    readRows: () => Promise.resolve(rows.map((row) => ({ ...row }))),
  };
}

/** The nearest-rank percentile of sorted samples. */
export function percentile(sorted: ArrayLike<number>, rank: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

/**
 * Each call timed on its own with hrtime (so p99 is per call, not per batch); the timer's own
 * cost is measured the same way around an empty call and reported as the floor. The mean is
 * from one untimed loop of the same calls (total time / calls), which the timer does not skew.
 */
function timeEach(call: (index: number) => unknown): { p50: number; p99: number; meanNs: number } {
  const samples = new Float64Array(CALLS);
  let sink = 0;
  for (let index = 0; index < CALLS; index++) {
    const start = process.hrtime.bigint();
    const value = call(index);
    samples[index] = Number(process.hrtime.bigint() - start);
    if (value === undefined) sink++;
  }
  const loopStart = process.hrtime.bigint();
  for (let index = 0; index < CALLS; index++) if (call(index) === undefined) sink++;
  const meanNs = Number(process.hrtime.bigint() - loopStart) / CALLS;
  if (sink < 0) process.stderr.write(String(sink));
  samples.sort();
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), meanNs };
}

/** `get` from the in-memory tier against a Map.get of the same values, 1e6 calls each (after a warm-up). */
export async function getLatency(): Promise<Record<string, number>> {
  const rows = configRows(1);
  const reader = await createConfigReader({
    tables: { [TABLE]: {} },
    environment: ENVIRONMENT,
    source: memorySource(rows),
    versionPollSeconds: 0,
    metrics: false,
  });
  try {
    await reader.ready();
    const keys = rows.map((row) => String(row.key));
    const map = new Map(keys.map((key) => [key, reader.get(TABLE, key)]));
    const keyAt = (index: number): string => keys[index % keys.length] as string;
    const get = (index: number): unknown => reader.get(TABLE, keyAt(index));
    const mapGet = (index: number): unknown => map.get(keyAt(index));
    const empty = (index: number): unknown => keyAt(index);
    // Warm-up: let the JIT optimise all three before anything is timed.
    for (let round = 0; round < 3; round++) for (const call of [get, mapGet, empty]) timeEach(call);
    const readerTimes = timeEach(get);
    const mapTimes = timeEach(mapGet);
    const floor = timeEach(empty);
    return {
      calls: CALLS,
      getP50Ns: readerTimes.p50,
      getP99Ns: readerTimes.p99,
      getMeanNs: round(readerTimes.meanNs),
      mapGetP50Ns: mapTimes.p50,
      mapGetP99Ns: mapTimes.p99,
      mapGetMeanNs: round(mapTimes.meanNs),
      timerFloorP50Ns: floor.p50,
      timerFloorMeanNs: round(floor.meanNs),
    };
  } finally {
    await reader.close();
  }
}

const round = (value: number): number => Math.round(value * 10) / 10;
